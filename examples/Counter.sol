// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A counter with an owner, events and a custom error: the example that
/// scripts/example.sh compiles for the ZVM and runs in the emulator.
contract Counter {
    event Incremented(address indexed by, uint256 amount, uint256 total);
    error NotOwner(address caller);

    address public immutable owner;
    uint256 public total;

    constructor(uint256 start) {
        owner = msg.sender;
        total = start;
    }

    function increment(uint256 amount) external returns (uint256) {
        total += amount;
        emit Incremented(msg.sender, amount, total);
        return total;
    }

    function reset() external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        total = 0;
    }
}
