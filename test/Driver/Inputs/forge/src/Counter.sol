// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

library Scale {
    function by(uint256 x, uint256 k) external pure returns (uint256) {
        return x * k;
    }
}

contract Counter {
    uint256 public total;

    constructor(uint256 start) {
        total = start;
    }

    function add(uint256 x) external returns (uint256) {
        total += Scale.by(x, 3);
        return total;
    }
}
