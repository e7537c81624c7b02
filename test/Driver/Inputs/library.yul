object "Test" {
    code {
        let size := datasize("Test_deployed")
        codecopy(0, dataoffset("Test_deployed"), size)
        return(0, size)
    }
    object "Test_deployed" {
        code {
            mstore(0, linkersymbol("contracts/Math.sol:Math"))
            mstore(32, linkersymbol("Other.sol:Other"))
            return(0, 64)
        }
    }
}
