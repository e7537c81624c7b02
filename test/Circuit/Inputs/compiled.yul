// A contract that only uses what the circuit covers: calldata, internal
// calls and recursion, loops, memory and its size, return and revert.
object "Compiled" {
  code {
    datacopy(0, dataoffset("Compiled_deployed"), datasize("Compiled_deployed"))
    return(0, datasize("Compiled_deployed"))
  }
  object "Compiled_deployed" {
    code {
      let n := calldataload(0)
      if gt(n, 40) { revert(0, 0) }
      // A table of squares in memory from 0x80, then its weighted sum.
      for { let i := 0 } lt(i, n) { i := add(i, 1) } {
        mstore(add(0x80, mul(i, 32)), square(i))
      }
      let s := 0
      for { let i := 0 } lt(i, n) { i := add(i, 1) } {
        s := add(s, mul(mload(add(0x80, mul(i, 32))), add(i, 1)))
      }
      mstore(0, s)
      mstore(32, fib(n))
      mstore(64, msize())
      mstore8(96, n)
      return(0, 97)

      function square(x) -> y { y := mul(x, x) }
      function fib(k) -> r {
        switch lt(k, 2)
        case 1 { r := k }
        default { r := add(fib(sub(k, 1)), fib(sub(k, 2))) }
      }
    }
  }
}
