// RUN: zkc-test --all-levels %s | FileCheck %s
// CHECK-COUNT-6: PASS {{.*}}arithmetic.yul::edge_cases
// CHECK: 12 passed, 0 failed, 0 skipped

// The EVM's answers where LLVM's operations are undefined or poison, with
// operands from calldata so that nothing is folded at compile time.

//! { "cases": [ {
//!     "name": "edge_cases",
//!     "inputs": [ {
//!         "method": "#fallback",
//!         "calldata": [ "0", "1", "-1", "0x8000000000000000000000000000000000000000000000000000000000000000", "256", "7" ]
//!     } ],
//!     "expected": [
//!         "0", "0", "0x8000000000000000000000000000000000000000000000000000000000000000", "0",
//!         "0", "-1", "0", "0xff",
//!         "0", "-1", "6", "0",
//!         "1", "0x7"
//!     ]
//! }, {
//!     "name": "mod_arith",
//!     "inputs": [ {
//!         "method": "#fallback",
//!         "calldata": [ "-1", "-1", "7", "3", "5" ]
//!     } ],
//!     "expected": [ "2", "1", "0", "0x0f", "243", "1" ]
//! } ] }

object "Test" {
    code {
        let size := datasize("Test_deployed")
        codecopy(0, dataoffset("Test_deployed"), size)
        return(0, size)
    }
    object "Test_deployed" {
        code {
            switch calldatasize()
            case 192 {
                let zero := calldataload(0)
                let one := calldataload(32)
                let minus1 := calldataload(64)
                let min := calldataload(96)
                let big := calldataload(128)
                let seven := calldataload(160)
                mstore(0, div(seven, zero))
                mstore(32, mod(seven, zero))
                mstore(64, sdiv(min, minus1))
                mstore(96, smod(min, minus1))
                mstore(128, shl(big, one))
                mstore(160, sar(big, min))
                mstore(192, shr(big, minus1))
                mstore(224, byte(31, minus1))
                mstore(256, byte(big, minus1))
                mstore(288, signextend(zero, minus1))
                mstore(320, sub(seven, one))
                mstore(352, sdiv(seven, zero))
                mstore(384, exp(zero, zero))
                mstore(416, signextend(big, seven))
                return(0, 448)
            }
            default {
                let a := calldataload(0)
                let b := calldataload(32)
                let m := calldataload(64)
                let x := calldataload(96)
                let y := calldataload(128)
                // (2^256 - 1) * 2 mod 7 computed on 257 bits: 4.
                mstore(0, addmod(a, b, m))
                // (2^256 - 1)^2 mod 7 computed on 512 bits: 2.
                mstore(32, mulmod(a, b, m))
                mstore(64, addmod(a, b, 0))
                mstore(96, signextend(0, 0x0f))
                mstore(128, exp(x, y))
                mstore(160, slt(a, x))
                return(0, 192)
            }
        }
    }
}
