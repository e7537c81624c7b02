; The heap size: msize before any access, after loads and stores at
; unaligned addresses and far out, and the returned range growing the heap
; at the halt; assembled, run and checked.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x | FileCheck %s --check-prefix=EMU
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s

; The sizes read: 0, 160, 160, 65600, returned as four words.
; EMU: call: success
; EMU: return data: 0x{{0+}}a0{{0+}}a0{{0+}}10040{{$}}
; CHECK: call: success
; CHECK: table cpu: 16 rows (16 used)
; CHECK: table heap: 8 rows (7 used)
; CHECK: all constraints hold

.object "MSize"
  msize r1
  li r2, 100
  mload r3, r2, 0
  msize r4
  mstore8 r2, r2, -100
  msize r5
  li r6, 0x10000
  mstore r6, r2, 31
  msize r7
  li r8, 0
  mstore r8, r1, 0
  mstore r8, r4, 32
  mstore r8, r5, 64
  mstore r8, r7, 96
  li r9, 128
  return r8, r9
.end
