; Storage and transient storage: a loop reading, updating and re-reading
; sixteen keys of both storages, two of them in the pre-state, then one
; key read in both to show they are apart; assembled, run and checked with
; the account's storage from a state file as the public pre-state. The
; post-state printed holds the sixteen keys touched (not 0x99, which the
; call never reads).
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --state %S/Inputs/storage-state.json --calldata 0x | FileCheck %s --check-prefix=EMU
; RUN: zvm-prove --check %t.zbin --no-deploy --state %S/Inputs/storage-state.json | FileCheck %s

; EMU: call: success
; CHECK: call: success
; 2 (0 + ... + 15) + 100 + 200 = 540
; CHECK-NEXT: cycles: 189
; CHECK-NEXT: output: 0x{{0+}}21c{{$}}
; CHECK-NEXT: storage: 16 keys touched
; CHECK-NEXT:   0x1: 0x64
; CHECK-NEXT:   0x2: 0xc9
; CHECK-NEXT:   0x3: 0x2
; CHECK:        0x10: 0xf
; CHECK-NEXT: logs: 0
; CHECK-NEXT: table
; CHECK: table storage: 128 rows (82 used)
; CHECK-NEXT: table storage-boundary: 32 rows (32 used)
; CHECK-NEXT: table storage-public: 16 rows (16 used)
; CHECK: all constraints hold

.object "Storage"
  li r1, 0
  li r2, 16
  li r10, 0
loop:
  ; key i + 1: [key] += i, t[key] = i, both read back
  addi r3, r1, 1
  sload r4, r3
  add r5, r4, r1
  sstore r3, r5
  tstore r3, r1
  tload r6, r3
  sload r7, r3
  add r10, r10, r6
  add r10, r10, r7
  addi r1, r1, 1
  bltu r1, r2, loop
  ; t[1] = 0 and [1] = 100 are different slots.
  li r8, 1
  tload r11, r8
  sload r12, r8
  add r10, r10, r11
  add r10, r10, r12
  addi r10, r10, -100
  li r13, 0
  mstore r13, r10, 0
  li r14, 32
  return r13, r14
.end
