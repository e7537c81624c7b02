// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract T {
    function f() external pure returns (uint256) {
        return "not a number";
    }
}
