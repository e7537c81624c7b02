// RUN: zkc --yul %s --emit=ast | FileCheck %s
// Every construct of the Yul grammar, with solc's annotations.

/// @use-src 0:"contracts/C.sol", 1:"other.sol"
object "C" {
    code {
        /// @src 0:10:20  "contract C {\"x\"}"
        let size := datasize("C_deployed")
        datacopy(0, dataoffset("C_deployed"), size)
        /** @src 1:5:6 */ return(0, size)
    }
    object "C_deployed" {
        code {
            function pair(a, b) -> x, y {
                x, y := pair(b, a)
                if iszero(x) { leave }
            }
            function f(a:u256, b) -> r:u256 { r := add(a, b) }
            let p, q := pair(1, 0x2a)
            let z
            for { let i := 0 } lt(i, 10) { i := add(i, 1) } {
                if eq(i, 3) { continue }
                if gt(i, 7) { break }
            }
            switch calldataload(0)
            case 0 { z := "a\x41\u00e9\n\"" }
            case 0xff { }
            case "abc" { }
            case true { }
            default { z := false }
            // Line comment.
            /* Block comment with code { } */
            mstore8(0, 'single')
        }
        data "meta" hex"a2_64"
        data ".text" "text\\"
    }
}

// CHECK:      UseSrc 0 contracts/C.sol
// CHECK:      UseSrc 1 other.sol
// CHECK:      Object "C" <5:1>
// CHECK:        Code
// CHECK:            VariableDeclaration size <8:9> @src 0:10:20 (contracts/C.sol)
// CHECK:              FunctionCall datasize [builtin] <8:21> @src 0:10:20 (contracts/C.sol)
// CHECK:                Literal string "C_deployed" = 0x435f6465706c6f79656400000000000000000000000000000000000000000000 <8:30> @src 0:10:20 (contracts/C.sol)
// CHECK:                  Literal string "C_deployed" = 0x435f6465706c6f79656400000000000000000000000000000000000000000000 <9:32> @src 0:10:20 (contracts/C.sol)
// CHECK:            ExpressionStatement <10:27> @src 1:5:6 (other.sol)
// CHECK:        Object "C_deployed" <12:5> @src 1:5:6 (other.sol)
// CHECK:          Code
// CHECK:              FunctionDefinition pair(a, b) -> x, y <14:13> @src 1:5:6 (other.sol)
// CHECK:                  Assignment x, y <15:17> @src 1:5:6 (other.sol)
// CHECK:                      Leave <16:32> @src 1:5:6 (other.sol)
// CHECK:              FunctionDefinition f(a:u256, b) -> r:u256 <18:13> @src 1:5:6 (other.sol)
// CHECK:              VariableDeclaration p, q <19:13> @src 1:5:6 (other.sol)
// CHECK:                  Literal number 0x2a <19:33> @src 1:5:6 (other.sol)
// CHECK:              ForLoop <21:13> @src 1:5:6 (other.sol)
// CHECK:                      Continue <22:31> @src 1:5:6 (other.sol)
// CHECK:                      Break <23:31> @src 1:5:6 (other.sol)
// CHECK:              Switch <25:13> @src 1:5:6 (other.sol)
// CHECK:                Case <26:13>
// CHECK:                      Literal string "aA\C3\A9\0A\22" = 0x6141c3a90a220000000000000000000000000000000000000000000000000000 <26:27> @src 1:5:6 (other.sol)
// CHECK:                Case <27:13>
// CHECK:                  Literal number 0xff <27:18> @src 1:5:6 (other.sol)
// CHECK:                Case <28:13>
// CHECK:                  Literal string "abc" = 0x6162630000000000000000000000000000000000000000000000000000000000 <28:18> @src 1:5:6 (other.sol)
// CHECK:                Case <29:13>
// CHECK:                  Literal bool true <29:18> @src 1:5:6 (other.sol)
// CHECK:                Default <30:13>
// CHECK:                      Literal bool false <30:28> @src 1:5:6 (other.sol)
// CHECK:                  Literal string "single" = 0x73696e676c650000000000000000000000000000000000000000000000000000 <33:24> @src 1:5:6 (other.sol)
// CHECK:          Data "meta" <35:9> size=2 hex=a264
// CHECK:          Data ".text" <36:9> size=5 hex=746578745c
