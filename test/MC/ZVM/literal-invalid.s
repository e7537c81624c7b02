; RUN: not zvm-as %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:

; Malformed literals, strings and '@' functions.

.object "Invalid"
; CHECK: :[[@LINE+1]]:11: error: malformed integer literal '0x12g'
  ldc r1, 0x12g
; CHECK: :[[@LINE+1]]:11: error: malformed integer literal '12ab'
  ldc r1, 12ab
; CHECK: :[[@LINE+1]]:11: error: malformed integer literal '0x'
  ldc r1, 0x
; CHECK: :[[@LINE+1]]:11: error: integer literal '0x10000000000000000000000000000000000000000000000000000000000000000' does not fit in 256 bits
  ldc r1, 0x10000000000000000000000000000000000000000000000000000000000000000
; CHECK: :[[@LINE+1]]:11: error: integer literal '115792089237316195423570985008687907853269984665640564039457584007913129639936' does not fit in 256 bits
  ldc r1, 115792089237316195423570985008687907853269984665640564039457584007913129639936
; CHECK: :[[@LINE+1]]:11: error: expected a constant (integer, #index, @library or @immutable), found 'r2'
  ldc r1, r2
; CHECK: :[[@LINE+1]]:11: error: unknown function '@dataoffset' in a constant; expected @library or @immutable
  ldc r1, @dataoffset("x")
; CHECK: :[[@LINE+1]]:10: error: unknown function '@library' in an immediate; expected @dataoffset, @datasize, @immutableoffset or @label
  li r1, @library("x")
; CHECK: :[[@LINE+1]]:20: error: expected a quoted string, found 'x'
  li r1, @datasize(x)
; CHECK: :[[@LINE+1]]:23: error: expected ')' before end of line
  li r1, @datasize("x"
; CHECK: :[[@LINE+1]]:11: error: expected a name after '@'
  ldc r1, @
; CHECK: :[[@LINE+1]]:13: error: hex string has an odd number of digits
  .data "a" hex"abc"
; CHECK: :[[@LINE+1]]:18: error: invalid hex digit in hex string
  .data "b" hex"0g"
; CHECK: :[[@LINE+1]]:16: error: unknown escape sequence in string
  .data "c" "ab\q"
; CHECK: :[[@LINE+1]]:16: error: '\x' must be followed by two hex digits
  .data "d" "ab\x4"
; CHECK: :[[@LINE+1]]:13: error: unterminated string
  .data "e" "abc
; CHECK: :[[@LINE+1]]:13: error: expected a string or hex"...", found '0x00'
  .data "f" 0x00
; CHECK: :[[@LINE+1]]:9: error: expected a quoted string, found 'g'
  .data g "abc"
; CHECK: :[[@LINE+1]]:15: error: unexpected character
  add r1, r2, !
.end
