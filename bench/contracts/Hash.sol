// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// keccak-256 over words, packed encodings and calldata bytes.
contract Hash {
    function chain(bytes32 seed, uint256 n) external pure returns (bytes32 h) {
        h = seed;
        for (uint256 i = 0; i < n; i++) h = keccak256(abi.encodePacked(h, i));
    }

    function hashBytes(bytes calldata data) external pure returns (bytes32) {
        return keccak256(data);
    }

    function merkleRoot(bytes32[] memory leaves) external pure returns (bytes32) {
        uint256 n = leaves.length;
        while (n > 1) {
            for (uint256 i = 0; i < n / 2; i++) {
                leaves[i] = keccak256(abi.encode(leaves[2 * i], leaves[2 * i + 1]));
            }
            if (n % 2 == 1) {
                leaves[n / 2] = leaves[n - 1];
                n = n / 2 + 1;
            } else {
                n = n / 2;
            }
        }
        return n == 0 ? bytes32(0) : leaves[0];
    }

    function commit(address who, uint256 amount, string calldata note) external pure returns (bytes32) {
        return keccak256(abi.encode(who, amount, note));
    }
}
