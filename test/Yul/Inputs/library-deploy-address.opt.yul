/// @use-src 0:"test.sol"
object "L_3" {
    code {
        {
            /// @src 0:0:28  "library L {..."
            let _1 := memoryguard(0x80)
            mstore(64, _1)
            if callvalue() { revert(0, 0) }
            let _2 := datasize("L_3_deployed")
            codecopy(_1, dataoffset("L_3_deployed"), _2)
            setimmutable(_1, "library_deploy_address", address())
            return(_1, _2)
        }
    }
    /// @use-src 0:"test.sol"
    object "L_3_deployed" {
        code {
            {
                /// @src 0:0:28  "library L {..."
                revert(0, 0)
            }
        }
        data ".metadata" hex"a26469706673582212207744637bfdb0da7270123198e0bdb2ea30d0773bcb8979e42472c071efdeb92164736f6c634300081e0033"
    }
}
