// RUN: zkc-test --all-levels %s | FileCheck %s
// CHECK-COUNT-6: PASS {{.*}}era-format-solidity.sol::transfer
// CHECK: 30 passed, 0 failed, 0 skipped

// A Solidity test in the Matter Labs format (docs/testing.md): methods by
// name and by signature (overloads), constructor arguments, value, events
// from the instance, a revert with its data, a contract created with `new`,
// storage preset before a call, callers, and expectations that depend on
// the compiler version.

//! { "modes": [ "Y", "E" ], "cases": [ {
//!     "name": "transfer",
//!     "inputs": [
//!         { "method": "#deployer", "calldata": [ "1000" ], "value": "5 wei",
//!           "expected": [ "Test.address" ] },
//!         { "method": "transfer",
//!           "calldata": [ "0x00000000000000000000000000000000000000aa", "300" ],
//!           "expected": { "return_data": [ "700" ], "events": [ {
//!               "address": "Test.address",
//!               "topics": [
//!                 "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
//!                 "0xdeadbeef00000000000000000000000000000001",
//!                 "0x00000000000000000000000000000000000000aa" ],
//!               "values": [ "300" ] } ] } },
//!         { "method": "balanceOf", "calldata": [ "0xaa" ], "expected": [ "300" ] },
//!         { "method": "transfer", "caller": "0x00000000000000000000000000000000000000aa",
//!           "calldata": [ "0xbb", "301" ],
//!           "expected": { "return_data": [
//!               "0xe862080000000000000000000000000000000000000000000000000000000000",
//!               "0x0000012d00000000000000000000000000000000000000000000000000000000",
//!               "0x0000012c00000000000000000000000000000000000000000000000000000000" ],
//!             "exception": true } }
//!     ]
//! }, {
//!     "name": "overloads",
//!     "inputs": [
//!         { "method": "#deployer", "calldata": [ "0" ] },
//!         { "method": "f(uint256)", "calldata": [ "2" ], "expected": [ "3" ] },
//!         { "method": "f(uint256,uint256)", "calldata": [ "2", "5" ], "expected": [ "7" ] }
//!     ]
//! }, {
//!     "name": "created",
//!     "inputs": [
//!         { "method": "#deployer", "calldata": [ "0" ] },
//!         { "method": "makeChild", "calldata": [ "41" ], "value": "3 wei",
//!           "expected": [ "42" ] }
//!     ]
//! }, {
//!     "name": "preset_storage",
//!     "inputs": [
//!         { "method": "#deployer", "calldata": [ "0" ] },
//!         { "method": "marker", "storage": { "Test.address": { "1": "77" } },
//!           "expected": [ "77" ] }
//!     ]
//! }, {
//!     "name": "versioned",
//!     "inputs": [ { "method": "#deployer", "calldata": [ "0" ] },
//!                 { "method": "overflow" } ],
//!     "expected": [
//!         { "compiler_version": "<0.8", "return_data": [ "0" ] },
//!         { "compiler_version": ">=0.8", "exception": true, "return_data": [
//!             "0x4e487b7100000000000000000000000000000000000000000000000000000000",
//!             "0x0000001100000000000000000000000000000000000000000000000000000000" ] }
//!     ]
//! } ] }

pragma solidity >=0.8.0;

contract Child {
    uint public value;
    constructor(uint v) payable { value = v + msg.value - 2; }
}

contract Test {
    event Transfer(address indexed from, address indexed to, uint amount);
    error Insufficient(uint wanted, uint held);

    mapping(address => uint) public balanceOf;
    uint public marker;

    constructor(uint supply) payable { balanceOf[msg.sender] = supply; }

    function transfer(address to, uint amount) external returns (uint) {
        uint held = balanceOf[msg.sender];
        if (held < amount) revert Insufficient(amount, held);
        balanceOf[msg.sender] = held - amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return held - amount;
    }

    function f(uint a) external pure returns (uint) { return a + 1; }
    function f(uint a, uint b) external pure returns (uint) { return a + b; }

    function makeChild(uint v) external payable returns (uint) {
        return new Child{value: msg.value}(v).value();
    }

    function overflow() external pure returns (uint) {
        uint x = type(uint).max;
        return x + 1;
    }
}
