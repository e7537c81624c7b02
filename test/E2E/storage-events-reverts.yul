// RUN: zkc-test --all-levels %s | FileCheck %s
// CHECK: 30 passed, 0 failed, 0 skipped

// Storage persists between calls, logs carry topics and data, reverts keep
// their data and undo storage, invalid() traps, and value arrives.

//! { "cases": [ {
//!     "name": "counter",
//!     "inputs": [
//!         { "method": "00000001", "calldata": [] },
//!         { "method": "00000001", "calldata": [] },
//!         { "method": "00000002", "calldata": [] }
//!     ],
//!     "expected": [ "2" ]
//! }, {
//!     "name": "event",
//!     "inputs": [ { "method": "00000003", "calldata": [ "5" ] } ],
//!     "expected": {
//!         "return_data": [],
//!         "events": [ {
//!             "address": "Test.address",
//!             "topics": [ "0x1111", "5" ],
//!             "values": [ "0xabcd", "*" ]
//!         } ]
//!     }
//! }, {
//!     "name": "revert_undoes_storage",
//!     "inputs": [
//!         { "method": "00000004", "calldata": [],
//!           "expected": { "return_data": [ "0x0bad" ], "exception": true } },
//!         { "method": "00000002", "calldata": [] }
//!     ],
//!     "expected": [ "0" ]
//! }, {
//!     "name": "invalid_traps",
//!     "inputs": [ { "method": "00000005", "calldata": [] } ],
//!     "expected": { "return_data": [], "exception": true }
//! }, {
//!     "name": "storage_and_value",
//!     "inputs": [ {
//!         "method": "00000006",
//!         "calldata": [],
//!         "value": "7 wei",
//!         "storage": { "Test.address": { "9": "100" } }
//!     } ],
//!     "expected": [ "107" ]
//! } ] }

object "Test" {
    code {
        let size := datasize("Test_deployed")
        codecopy(0, dataoffset("Test_deployed"), size)
        return(0, size)
    }
    object "Test_deployed" {
        code {
            switch shr(224, calldataload(0))
            case 1 { sstore(0, add(sload(0), 1)) stop() }
            case 2 { mstore(0, sload(0)) return(0, 32) }
            case 3 {
                mstore(0, 0xabcd)
                mstore(32, 99)
                log2(0, 64, 0x1111, calldataload(4))
                stop()
            }
            case 4 { sstore(0, 1) mstore(0, 0x0bad) revert(0, 32) }
            case 5 { sstore(0, 1) invalid() }
            case 6 { mstore(0, add(sload(9), callvalue())) return(0, 32) }
            default { revert(0, 0) }
        }
    }
}
