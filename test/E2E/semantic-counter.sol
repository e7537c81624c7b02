// A Solidity semantic test (solc's isoltest format, docs/isoltest.md) run
// at every optimisation level: a linked library, constructor arguments and
// value, events, custom errors, revert strings, panics, a call without
// selector, balances and a change of sender.
// RUN: zkc-test %s --all-levels | FileCheck %s
// CHECK-COUNT-6: PASS {{.*}}semantic-counter.sol
// CHECK: 6 passed, 0 failed, 0 skipped

library Math {
    function twice(uint x) public pure returns (uint) { return 2 * x; }
}

contract Counter {
    event Added(address indexed who, uint amount, uint total);
    error TooLarge(uint amount, uint limit);

    uint public total;
    uint immutable limit;

    constructor(uint l) payable { limit = l; }

    function add(uint amount) public returns (uint) {
        if (amount > limit) revert TooLarge(amount, limit);
        total += Math.twice(amount);
        emit Added(msg.sender, amount, total);
        return total;
    }
    function greet(string calldata name) public pure returns (string memory) {
        return string.concat("hi ", name);
    }
    function fail() public pure { require(false, "nope"); }
    function overflow(uint a) public pure returns (uint) { return a + 1; }
    receive() external payable {}
}
// ----
// library: Math
// constructor(), 5 wei: 10 ->
// balance -> 5
// add(uint256): 3 -> 6
// ~ emit Added(address,uint256,uint256): #0x1212121212121212121212121212120000000012, 3, 6
// add(uint256): 11 -> FAILURE, hex"677fd0e3", 11, 10
// total() -> 6
// greet(string): 0x20, 3, "bob" -> 0x20, 6, "hi bob"
// fail() -> FAILURE, hex"08c379a0", 0x20, 4, "nope"
// overflow(uint256): -1 -> FAILURE, hex"4e487b71", 0x11
// (), 7 wei ->
// balance -> 12
// account: 1 -> 0x1212121212121212121212121212120000001012
// add(uint256): 1 -> 8
// ~ emit Added(address,uint256,uint256): #0x1212121212121212121212121212120000001012, 1, 8
// storageEmpty -> 0
