object "Test" {
    code {
        let size := datasize("Test_deployed")
        codecopy(0, dataoffset("Test_deployed"), size)
        return(0, size)
    }
    object "Test_deployed" {
        code {
            function twice(x) -> y { y := add(x, x) }
            function unused(x) -> y { y := mul(x, 3) }
            mstore(0, twice(twice(calldataload(0))))
            return(0, 32)
        }
    }
}
