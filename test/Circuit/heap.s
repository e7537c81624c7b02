; The heap tables: words stored and loaded at aligned and unaligned
; addresses, overlapping, and single bytes, in a loop that fills a buffer
; byte by byte and reads it back as words; assembled, run and checked.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x | FileCheck %s --check-prefix=EMU
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s

; EMU: call: success
; CHECK: call: success
; CHECK: table heap: 128 rows (72 used)
; CHECK: table heap-boundary: 128 rows (67 used)
; CHECK: all constraints hold

.object "Heap"
  ; heap[64 + i] = 3 i + 1 for i < 64, one byte at a time.
  li r1, 0
  li r2, 64
loop:
  muli r3, r1, 3
  addi r3, r3, 1
  addi r4, r1, 64
  mstore8 r4, r3, 0
  addi r1, r1, 1
  bltu r1, r2, loop
  ; Words over it, aligned and not, and a negative offset.
  li r5, 64
  mload r6, r5, 0
  mload r7, r5, 7
  mload r8, r5, -3
  ; A word stored across others, then read around it.
  ldc r9, 0x00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210
  mstore r5, r9, 13
  mload r10, r5, 1
  mload8 r11, r5, 13
  mload8 r12, r5, 45
  mload r13, r5, 30
  add r14, r6, r7
  xor r14, r14, r10
  stop
.end
