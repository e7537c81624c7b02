// RUN: zkc-test --all-levels %s | FileCheck %s
// CHECK: 6 passed, 0 failed, 0 skipped

// Functions with several results, recursion deep enough to need many
// frames, loops with break and continue, and leave.

//! { "cases": [ {
//!     "name": "fib_and_loops",
//!     "inputs": [ { "method": "#fallback", "calldata": [ "20", "100" ] } ],
//!     "expected": [ "6765", "6765", "2500", "20", "100" ]
//! } ] }

object "Test" {
    code {
        let size := datasize("Test_deployed")
        codecopy(0, dataoffset("Test_deployed"), size)
        return(0, size)
    }
    object "Test_deployed" {
        code {
            function fib(n) -> r {
                if lt(n, 2) { r := n leave }
                r := add(fib(sub(n, 1)), fib(sub(n, 2)))
            }
            function fibLoop(n) -> r {
                let a := 0
                let b := 1
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    let t := add(a, b)
                    a := b
                    b := t
                }
                r := a
            }
            // Sum of the odd numbers below n, stopping at 2 * limit.
            function oddSum(n) -> s, count {
                for { let i := 0 } 1 { i := add(i, 1) } {
                    if eq(i, n) { break }
                    if iszero(mod(i, 2)) { continue }
                    s := add(s, i)
                }
                count := 20
            }
            function swap(a, b) -> x, y { x := b y := a }
            let n := calldataload(0)
            mstore(0, fib(n))
            mstore(32, fibLoop(n))
            let s, c := oddSum(calldataload(32))
            mstore(64, s)
            let p, q := swap(calldataload(32), c)
            mstore(96, p)
            mstore(128, q)
            return(0, 160)
        }
    }
}
