// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Storage-heavy updates: mappings, nested mappings, a dynamic array of
/// packed structs.
contract Store {
    struct Entry {
        uint128 amount;
        uint64 time;
        address owner;
    }

    mapping(uint256 => uint256) public values;
    mapping(address => mapping(uint256 => uint256)) public perOwner;
    Entry[] public entries;
    uint256 public total;

    function setMany(uint256 start, uint256 n) external {
        for (uint256 i = start; i < start + n; i++) values[i] = i * i + 1;
    }

    function sumMany(uint256 start, uint256 n) external view returns (uint256 s) {
        for (uint256 i = start; i < start + n; i++) s += values[i];
    }

    function clearMany(uint256 start, uint256 n) external {
        for (uint256 i = start; i < start + n; i++) delete values[i];
    }

    function bump(uint256 key, uint256 by) external returns (uint256) {
        perOwner[msg.sender][key] += by;
        total += by;
        return perOwner[msg.sender][key];
    }

    function push(uint128 amount, uint64 time) external returns (uint256) {
        entries.push(Entry(amount, time, msg.sender));
        return entries.length;
    }

    function sumEntries() external view returns (uint256 s) {
        for (uint256 i = 0; i < entries.length; i++) s += entries[i].amount;
    }

    function pop() external {
        entries.pop();
    }
}
