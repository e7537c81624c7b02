// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title Doubling, as a library deployed on its own.
library L {
    function twice(uint256 x) external pure returns (uint256) {
        return 2 * x;
    }
}

contract C {
    uint256 public stored;

    /// @notice Twice x, plus one.
    function f(uint256 x) external pure returns (uint256) {
        return L.twice(x) + 1;
    }

    function g(uint256 x) external pure returns (uint256) {
        return 3 * x;
    }
}

interface I {
    function h() external;
}
