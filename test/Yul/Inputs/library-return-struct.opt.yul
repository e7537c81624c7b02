/// @use-src 0:"test.sol"
object "C_32" {
    code {
        {
            /// @src 0:207:356  "contract C {..."
            let _1 := memoryguard(0x80)
            mstore(64, _1)
            if callvalue() { revert(0, 0) }
            let _2 := datasize("C_32_deployed")
            codecopy(_1, dataoffset("C_32_deployed"), _2)
            return(_1, _2)
        }
    }
    /// @use-src 0:"test.sol"
    object "C_32_deployed" {
        code {
            {
                /// @src 0:207:356  "contract C {..."
                let _1 := memoryguard(0x80)
                mstore(64, _1)
                if iszero(lt(calldatasize(), 4))
                {
                    if eq(0x26121ff0, shr(224, calldataload(0)))
                    {
                        if callvalue() { revert(0, 0) }
                        if slt(add(calldatasize(), not(3)), 0) { revert(0, 0) }
                        /// @src 0:300:309  "Lib.get()"
                        mstore(_1, /** @src 0:207:356  "contract C {..." */ shl(226, 0x1b53398f))
                        /// @src 0:300:309  "Lib.get()"
                        let _2 := delegatecall(gas(), /** @src 0:300:303  "Lib" */ linkersymbol("test.sol:Lib"), /** @src 0:300:309  "Lib.get()" */ _1, /** @src 0:207:356  "contract C {..." */ 4, /** @src 0:300:309  "Lib.get()" */ _1, 32)
                        if iszero(_2)
                        {
                            /// @src 0:207:356  "contract C {..."
                            let pos := mload(64)
                            returndatacopy(pos, 0, returndatasize())
                            revert(pos, returndatasize())
                        }
                        /// @src 0:300:309  "Lib.get()"
                        let expr_slot := /** @src 0:207:356  "contract C {..." */ 0
                        /// @src 0:300:309  "Lib.get()"
                        if _2
                        {
                            let _3 := 32
                            if gt(32, returndatasize()) { _3 := returndatasize() }
                            /// @src 0:207:356  "contract C {..."
                            let newFreePtr := add(_1, and(add(_3, 31), not(31)))
                            if or(gt(newFreePtr, 0xffffffffffffffff), lt(newFreePtr, _1))
                            {
                                mstore(0, shl(224, 0x4e487b71))
                                mstore(4, 0x41)
                                revert(0, 0x24)
                            }
                            mstore(64, newFreePtr)
                            if slt(sub(/** @src 0:300:309  "Lib.get()" */ add(_1, _3), /** @src 0:207:356  "contract C {..." */ _1), /** @src 0:300:309  "Lib.get()" */ 32)
                            /// @src 0:207:356  "contract C {..."
                            { revert(0, 0) }
                            /// @src 0:300:309  "Lib.get()"
                            expr_slot := /** @src 0:207:356  "contract C {..." */ mload(_1)
                        }
                        let memPos := mload(64)
                        mstore(memPos, expr_slot)
                        return(memPos, /** @src 0:300:309  "Lib.get()" */ 32)
                    }
                }
                /// @src 0:207:356  "contract C {..."
                revert(0, 0)
            }
        }
        data ".metadata" hex"a2646970667358221220cc1a25f93927f5f2f11d9012c0b0412227fdfac05f9edff31140e4191d5c4c1c64736f6c634300081e0033"
    }
}
