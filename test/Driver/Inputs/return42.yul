object "Test" {
    code {
        let size := datasize("Test_deployed")
        codecopy(0, dataoffset("Test_deployed"), size)
        return(0, size)
    }
    object "Test_deployed" {
        code {
            mstore(0, 42)
            return(0, 32)
        }
    }
}
