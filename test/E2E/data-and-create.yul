// RUN: zkc-test --all-levels %s | FileCheck %s
// CHECK: 12 passed, 0 failed, 0 skipped

// Data sections and nested objects: datacopy of a data section, and a
// runtime object that creates a child object it carries, calls it, and
// returns what the child returned.

//! { "cases": [ {
//!     "name": "data",
//!     "inputs": [ { "method": "#fallback", "calldata": [ "1" ] } ],
//!     "expected": [ "0x68656c6c6f2c207a766d21000000000000000000000000000000000000000000", "11" ]
//! }, {
//!     "name": "create_child",
//!     "inputs": [ { "method": "#fallback", "calldata": [ "2" ] } ],
//!     "expected": [ "1", "0x2a" ]
//! } ] }

object "Test" {
    code {
        let size := datasize("Test_deployed")
        codecopy(0, dataoffset("Test_deployed"), size)
        return(0, size)
    }
    object "Test_deployed" {
        code {
            switch calldataload(0)
            case 1 {
                datacopy(0, dataoffset("greeting"), datasize("greeting"))
                mstore(32, datasize("greeting"))
                return(0, 64)
            }
            default {
                let n := datasize("Child")
                datacopy(0, dataoffset("Child"), n)
                let child := create(0, 0, n)
                let ok := call(gas(), child, 0, 0, 0, 64, 32)
                mstore(32, mload(64))
                mstore(0, ok)
                return(0, 64)
            }
        }
        data "greeting" "hello, zvm!"
        object "Child" {
            code {
                let size := datasize("Child_deployed")
                codecopy(0, dataoffset("Child_deployed"), size)
                return(0, size)
            }
            object "Child_deployed" {
                code {
                    mstore(0, 42)
                    return(0, 32)
                }
            }
        }
    }
}
