/// @use-src 0:"test.sol"
object "C_15" {
    code {
        {
            /// @src 0:0:162  "contract C {..."
            let _1 := memoryguard(0x80)
            mstore(64, _1)
            if callvalue() { revert(0, 0) }
            /// @src 0:57:129  "assembly {..."
            tstore(/** @src -1:-1:-1 */ 0, /** @src 0:57:129  "assembly {..." */ 42)
            /// @src 0:0:162  "contract C {..."
            if iszero(/** @src 0:145:152  "x == 42" */ eq(/** @src 0:57:129  "assembly {..." */ tload(/** @src -1:-1:-1 */ 0), /** @src 0:57:129  "assembly {..." */ 42))
            /// @src 0:0:162  "contract C {..."
            {
                mstore(/** @src -1:-1:-1 */ 0, /** @src 0:0:162  "contract C {..." */ shl(224, 0x4e487b71))
                mstore(4, 0x01)
                revert(/** @src -1:-1:-1 */ 0, /** @src 0:0:162  "contract C {..." */ 0x24)
            }
            let _2 := datasize("C_15_deployed")
            codecopy(_1, dataoffset("C_15_deployed"), _2)
            return(_1, _2)
        }
    }
    /// @use-src 0:"test.sol"
    object "C_15_deployed" {
        code {
            {
                /// @src 0:0:162  "contract C {..."
                revert(0, 0)
            }
        }
        data ".metadata" hex"a26469706673582212202c4f76f286c81ec1566dd55c1134f4cf972acb5a06a940f73b708d0852699d7164736f6c634300081e0033"
    }
}
