// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// String and bytes handling through the ABI: dynamic arguments and
/// results, byte loops, arrays of strings.
contract Strings {
    function concat(string calldata a, string calldata b) external pure returns (string memory) {
        return string.concat(a, " ", b);
    }

    function reverse(bytes calldata data) external pure returns (bytes memory out) {
        out = new bytes(data.length);
        for (uint256 i = 0; i < data.length; i++) out[i] = data[data.length - 1 - i];
    }

    function toString(uint256 v) external pure returns (string memory) {
        if (v == 0) return "0";
        uint256 digits;
        for (uint256 t = v; t != 0; t /= 10) digits++;
        bytes memory buf = new bytes(digits);
        while (v != 0) {
            digits--;
            buf[digits] = bytes1(uint8(48 + (v % 10)));
            v /= 10;
        }
        return string(buf);
    }

    function upper(string calldata s) external pure returns (string memory) {
        bytes memory b = bytes(s);
        for (uint256 i = 0; i < b.length; i++) {
            if (b[i] >= "a" && b[i] <= "z") b[i] = bytes1(uint8(b[i]) - 32);
        }
        return string(b);
    }

    function join(string[] calldata parts, string calldata sep) external pure returns (string memory out) {
        for (uint256 i = 0; i < parts.length; i++) {
            out = i == 0 ? parts[i] : string.concat(out, sep, parts[i]);
        }
    }

    function split(bytes calldata data, uint256 size) external pure returns (bytes[] memory chunks) {
        chunks = new bytes[]((data.length + size - 1) / size);
        for (uint256 i = 0; i < chunks.length; i++) {
            uint256 end = (i + 1) * size < data.length ? (i + 1) * size : data.length;
            chunks[i] = data[i * size:end];
        }
    }
}
