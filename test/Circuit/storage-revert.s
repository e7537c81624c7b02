; A reverted call stays provable and its storage writes are dropped: the
; published post-state of the keys it touched is the pre-state, here [1] =
; 100 from the state file and [3] = 0, not the values written.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-prove --check %t.zbin --no-deploy --state %S/Inputs/storage-state.json | FileCheck %s

; CHECK: call: revert
; CHECK-NEXT: cycles: 9
; CHECK-NEXT: output: 0x
; CHECK-NEXT: storage: 2 keys touched
; CHECK-NEXT:   0x1: 0x64
; CHECK-NEXT:   0x3: 0x0
; CHECK-NEXT: logs: 0
; CHECK: table storage: 4 rows (4 used)
; CHECK-NEXT: table storage-boundary: 4 rows (3 used)
; CHECK-NEXT: table storage-public: 2 rows (2 used)
; CHECK: all constraints hold

.object "StorageRevert"
  li r1, 1
  li r2, 7
  li r3, 3
  sstore r1, r2
  sstore r3, r2
  tstore r1, r2
  sload r4, r1
  li r5, 0
  revert r5, r5
.end
