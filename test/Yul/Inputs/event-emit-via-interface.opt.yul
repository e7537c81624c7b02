/// @use-src 0:"test.sol"
object "C_22" {
    code {
        {
            /// @src 0:73:183  "contract C {..."
            let _1 := memoryguard(0x80)
            mstore(64, _1)
            if callvalue() { revert(0, 0) }
            let _2 := datasize("C_22_deployed")
            codecopy(_1, dataoffset("C_22_deployed"), _2)
            return(_1, _2)
        }
    }
    /// @use-src 0:"test.sol"
    object "C_22_deployed" {
        code {
            {
                /// @src 0:73:183  "contract C {..."
                let _1 := memoryguard(0x80)
                mstore(64, _1)
                if iszero(lt(calldatasize(), 4))
                {
                    if eq(0x4d43bec9, shr(224, calldataload(0)))
                    {
                        if callvalue() { revert(0, 0) }
                        if slt(add(calldatasize(), not(3)), 32) { revert(0, 0) }
                        mstore(_1, calldataload(4))
                        /// @src 0:147:174  "I.Event(msg.sender, _value)"
                        log2(_1, /** @src 0:73:183  "contract C {..." */ 32, /** @src 0:147:174  "I.Event(msg.sender, _value)" */ 0xfceb437c298f40d64702ac26411b2316e79f3c28ffa60edfc891ad4fc8ab82ca, /** @src 0:155:165  "msg.sender" */ caller())
                        /// @src 0:73:183  "contract C {..."
                        return(0, 0)
                    }
                }
                revert(0, 0)
            }
        }
        data ".metadata" hex"a2646970667358221220ff6cbfd5b29da21c36cb4d5c9f49ec28e62f41ada48911facfe24e0bf671897a64736f6c634300081e0033"
    }
}
