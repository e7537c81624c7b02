
/// @use-src 0:"test.sol"
object "C_10" {
    code {
        /// @src 0:0:417  "contract C {..."
        mstore(64, memoryguard(128))
        if callvalue() { revert_error_ca66f745a3ce8ff40e2ccaf1ad45db7774001b90d25810abd9040049be7bf4bb() }

        constructor_C_10()

        let _1 := allocate_unbounded()
        codecopy(_1, dataoffset("C_10_deployed"), datasize("C_10_deployed"))

        return(_1, datasize("C_10_deployed"))

        function allocate_unbounded() -> memPtr {
            memPtr := mload(64)
        }

        function revert_error_ca66f745a3ce8ff40e2ccaf1ad45db7774001b90d25810abd9040049be7bf4bb() {
            revert(0, 0)
        }

        /// @src 0:0:417  "contract C {..."
        function constructor_C_10() {

            /// @src 0:0:417  "contract C {..."

        }
        /// @src 0:0:417  "contract C {..."

    }
    /// @use-src 0:"test.sol"
    object "C_10_deployed" {
        code {
            /// @src 0:0:417  "contract C {..."
            mstore(64, memoryguard(128))

            if iszero(lt(calldatasize(), 4))
            {
                let selector := shift_right_224_unsigned(calldataload(0))
                switch selector

                case 0xb3de648b
                {
                    // f(uint256)

                    external_fun_f_9()
                }

                default {}
            }

            revert_error_42b3090547df1d2001c96683413b8cf91c1b902ef5e3cb8d9f6f304cf7446f74()

            function shift_right_224_unsigned(value) -> newValue {
                newValue :=

                shr(224, value)

            }

            function allocate_unbounded() -> memPtr {
                memPtr := mload(64)
            }

            function revert_error_ca66f745a3ce8ff40e2ccaf1ad45db7774001b90d25810abd9040049be7bf4bb() {
                revert(0, 0)
            }

            function revert_error_dbdddcbe895c83990c08b3492a0e83918d802a52331272ac6fdb6a7c4aea3b1b() {
                revert(0, 0)
            }

            function revert_error_c1322bf8034eace5e0b5c7295db60986aa89aae5e0ea0873e4689e076861a5db() {
                revert(0, 0)
            }

            function cleanup_t_uint256(value) -> cleaned {
                cleaned := value
            }

            function validator_revert_t_uint256(value) {
                if iszero(eq(value, cleanup_t_uint256(value))) { revert(0, 0) }
            }

            function abi_decode_t_uint256(offset, end) -> value {
                value := calldataload(offset)
                validator_revert_t_uint256(value)
            }

            function abi_decode_tuple_t_uint256(headStart, dataEnd) -> value0 {
                if slt(sub(dataEnd, headStart), 32) { revert_error_dbdddcbe895c83990c08b3492a0e83918d802a52331272ac6fdb6a7c4aea3b1b() }

                {

                    let offset := 0

                    value0 := abi_decode_t_uint256(add(headStart, offset), dataEnd)
                }

            }

            function abi_encode_t_uint256_to_t_uint256_fromStack(value, pos) {
                mstore(pos, cleanup_t_uint256(value))
            }

            function abi_encode_tuple_t_uint256__to_t_uint256__fromStack(headStart , value0) -> tail {
                tail := add(headStart, 32)

                abi_encode_t_uint256_to_t_uint256_fromStack(value0,  add(headStart, 0))

            }

            function external_fun_f_9() {

                if callvalue() { revert_error_ca66f745a3ce8ff40e2ccaf1ad45db7774001b90d25810abd9040049be7bf4bb() }
                let param_0 :=  abi_decode_tuple_t_uint256(4, calldatasize())
                let ret_0 :=  fun_f_9(param_0)
                let memPos := allocate_unbounded()
                let memEnd := abi_encode_tuple_t_uint256__to_t_uint256__fromStack(memPos , ret_0)
                return(memPos, sub(memEnd, memPos))

            }

            function revert_error_42b3090547df1d2001c96683413b8cf91c1b902ef5e3cb8d9f6f304cf7446f74() {
                revert(0, 0)
            }

            function zero_value_for_split_t_uint256() -> ret {
                ret := 0
            }

            /// @ast-id 9
            /// @src 0:17:415  "function f(uint x) public returns (uint i) {..."
            function fun_f_9(var_x_2) -> var_i_5 {
                /// @src 0:52:58  "uint i"
                let zero_t_uint256_1 := zero_value_for_split_t_uint256()
                var_i_5 := zero_t_uint256_1

                /// @src 0:70:409  "assembly {..."
                {
                    for { } lt(var_i_5, 10) { var_i_5 := add(var_i_5, 1) }
                    {
                        if eq(var_x_2, 0)
                        {
                            var_i_5 := 2
                            break
                        }
                        for { }
                        lt(var_x_2, 3)
                        {
                            var_i_5 := 17
                            var_x_2 := 9
                        }
                        {
                            if eq(var_x_2, 1) { continue }
                            if eq(var_x_2, 2) { break }
                        }
                        if eq(var_x_2, 4) { var_i_5 := 90 }
                    }
                }

            }
            /// @src 0:0:417  "contract C {..."

        }

        data ".metadata" hex"a2646970667358221220aad4cead5232ff909e949d1792331ae66f883283bbaf127bb60618d17876466264736f6c634300081e0033"
    }

}

