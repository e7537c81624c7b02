; RUN: not zvm-as %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:

; Operand count, operand kind and range errors, each at the column of the
; offending operand.

.object "Invalid"
; CHECK: arith-invalid.s:[[@LINE+3]]:13: error: too few operands for 'add': expected 3 (destination register, source register, source register)
; CHECK-NEXT: {{^}}  add r1, r2{{$}}
; CHECK-NEXT: {{^}}            ^{{$}}
  add r1, r2
; CHECK: :[[@LINE+1]]:17: error: too many operands for 'add': expected 3
  add r1, r2, r3, r4
; CHECK: :[[@LINE+1]]:8: error: too many operands for 'stop': expected 0
  stop r1
; CHECK: :[[@LINE+1]]:9: error: too few operands for 'return': expected 2
  return
; CHECK: :[[@LINE+1]]:15: error: register 'r256' is out of range (r0..r255)
  add r1, r2, r256
; CHECK: :[[@LINE+1]]:7: error: register 'r99999999999999999999999' is out of range (r0..r255)
  not r99999999999999999999999, r1
; CHECK: :[[@LINE+1]]:15: error: expected a register (r0..r255), found '5'
  add r1, r2, 5
; CHECK: :[[@LINE+1]]:11: error: expected a register (r0..r255), found 'x1'
  add r1, x1, r2
; CHECK: :[[@LINE+1]]:10: error: expected ',' between operands, found 'r2'
  add r1 r2, r3
; CHECK: :[[@LINE+1]]:16: error: immediate '2147483648' does not fit in a signed 32-bit field (-2147483648..2147483647)
  addi r1, r2, 2147483648
; CHECK: :[[@LINE+1]]:16: error: immediate '-2147483649' does not fit in a signed 32-bit field
  addi r1, r2, -2147483649
; CHECK: :[[@LINE+1]]:10: error: immediate '0x80000000' does not fit in a signed 32-bit field
  li r1, 0x80000000
; CHECK: :[[@LINE+1]]:16: error: immediate '4294967296' does not fit in an unsigned 32-bit field (0..4294967295)
  shli r1, r2, 4294967296
; CHECK: :[[@LINE+1]]:16: error: immediate '-1' does not fit in an unsigned 32-bit field
  shri r1, r2, -1
; CHECK: :[[@LINE+1]]:16: error: expected a signed 32-bit immediate, found 'r3'
  addi r1, r2, r3
; CHECK: :[[@LINE+1]]:22: error: register 'r256' is out of range
  select r1, r2, r3, r256
; CHECK: :[[@LINE+1]]:12: error: register block r250..r256 leaves the window (r0..r255)
  call r1, r250
; CHECK: :[[@LINE+1]]:8: error: register block r252..r256 leaves the window
  log3 r252
; CHECK: :[[@LINE+1]]:3: error: unknown mnemonic 'frobnicate'
  frobnicate r1, r2
.end
