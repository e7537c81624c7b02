; return: the returned heap range is the call's public output, read from the
; final heap (bytes stored, overwritten and never written); assembled, run
; and checked.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s

; CHECK: call: success
; CHECK-NEXT: cycles: 9
; CHECK-NEXT: output: 0x00000000000000000000000000000000000000000000000000000000000012ff5a0000
; CHECK: table output: 64 rows (35 used)
; CHECK: all constraints hold

.object "Return"
  li r1, 0x12ab
  li r2, 64
  mstore r2, r1, 0
  li r3, 0xff
  mstore8 r2, r3, 31
  li r4, 0x5a
  mstore8 r2, r4, 32
  li r5, 35
  return r2, r5
.end
