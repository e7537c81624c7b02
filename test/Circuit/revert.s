; revert: a reverted execution is provable too, its revert data the public
; output and the public flag saying it reverted; assembled, run and checked.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s

; CHECK: call: revert
; CHECK-NEXT: cycles: 6
; CHECK-NEXT: output: 0x08c379a0
; CHECK: table output: 4 rows (4 used)
; CHECK: all constraints hold

.object "Revert"
  li r1, 0x08c379a0
  shli r1, r1, 224
  li r2, 0
  mstore r2, r1, 0
  li r3, 4
  revert r2, r3
.end
