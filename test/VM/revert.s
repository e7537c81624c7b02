; A revert returns its data, keeps the unused gas, drops the storage write and
; the log, and makes zvm-run exit with 3.
; RUN: zvm-as %s -o %t.zbin
; RUN: not zvm-run %t.zbin --no-deploy --calldata 0x --save-state %t.json > %t.out; test $? -eq 0
; RUN: FileCheck %s < %t.out
; RUN: not grep -q '"0x7": "0x1"' %t.json
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x; test $? -eq 3

; CHECK:      call: revert
; CHECK-NEXT:   revert data: 0x08c379a0
; CHECK-NOT:    log:
; CHECK:        gas used:

.object "Reverter"
  li r0, 7
  li r1, 1
  sstore r0, r1
  li r2, 0
  li r3, 0
  log0 r2
  ; Error(string) selector, as Solidity's revert("...") encodes it.
  li r4, 0x08c379a0
  shli r4, r4, 224
  li r5, 0
  mstore r5, r4, 0
  li r6, 4
  revert r5, r6
.end
