// RUN: zkc-test --all-levels %s | FileCheck %s
// CHECK: 6 passed, 0 failed, 0 skipped

// setimmutable writes into the deploy code's heap copy of the runtime
// object, at the offset of the immutable's pool slot; immutables the runtime
// never reads still get a slot to write to. The constructor argument is read
// from the end of the init code, as on the EVM.

//! { "cases": [ {
//!     "name": "owner_and_argument",
//!     "inputs": [ {
//!         "method": "#deployer",
//!         "calldata": [ "0x1234" ],
//!         "expected": [ "Test.address" ]
//!     }, {
//!         "method": "#fallback",
//!         "calldata": [],
//!         "caller": "0xdeadbeef02000000000000000000000000000000"
//!     } ],
//!     "expected": [ "0xdeadbeef00000000000000000000000000000001", "0x1234", "0x1234" ]
//! } ] }

object "Test" {
    code {
        codecopy(0, sub(codesize(), 32), 32)
        let arg := mload(0)
        let size := datasize("Test_deployed")
        let at := 64
        codecopy(at, dataoffset("Test_deployed"), size)
        setimmutable(at, "owner", caller())
        setimmutable(at, "arg", arg)
        setimmutable(at, "unused", 77)
        return(at, size)
    }
    object "Test_deployed" {
        code {
            mstore(0, loadimmutable("owner"))
            mstore(32, loadimmutable("arg"))
            mstore(64, loadimmutable("arg"))
            return(0, 96)
        }
    }
}
