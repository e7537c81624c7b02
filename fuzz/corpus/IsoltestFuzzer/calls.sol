==== Source: a.sol ====
contract A { function f(uint x) public payable returns (uint) { return x; } }
==== ExternalSource: _lib/l.sol=l.sol ====
// ====
// compileViaYul: true
// ----
// constructor(), 2 wei: 1, left(0x01), right(true), "ab" ->
// f(uint256), 1 ether: -1 -> 0xff
// f(string):
//   0x20, 3, "a\x62c" # split #
//   -> FAILURE, hex"4e487b71", 0x11
// ~ emit E(uint256,bytes32) from 0x1234: #0x05, 0x02
// ~ emit <anonymous>: #1
// gas irOptimized: 100
// library: "a.sol":L
// balance: 0x12 -> 0
// storageEmpty -> 1
// account: 2 -> 0x01
// () -> 
