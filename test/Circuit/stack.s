; The stack memory and calls through registers: a recursive function that
; keeps its argument in its frame across the call (through fcallr), frame
; objects addressed with spaddr and accessed through registers, a byte and
; a word at the bounds of the frame, and a frame reused after fret;
; assembled, run and checked.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x | FileCheck %s --check-prefix=EMU
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s

; EMU: call: success
; EMU: return data: 0x{{0+}}d2{{0+}}7{{0+}}ab{{$}}
; CHECK: call: success
; CHECK: table cpu: 256 rows (200 used)
; CHECK: table heap: 4 rows (3 used)
; CHECK: table stack: 64 rows (45 used)
; CHECK: table stack-boundary: 1024 rows (640 used)
; CHECK: all constraints hold

.object "Frames"
  li r5, 20
  li r4, @label("sum")
  fcallr r5, r4
  ; A frame of 64 bytes: a word at its first byte (32) and a byte at its
  ; last (95), through an address register.
  enter 64
  li r0, 7
  spst r0, -64
  spaddr r1, -64
  stload r2, r1, 0
  li r6, 0xab
  ststore8 r1, r6, 63
  stload8 r3, r1, 63
  spld r4, -64
  ; The result: sum(20) = 210, 7 and 0xab, returned as three words.
  li r7, 0
  mstore r7, r5, 0
  mstore r7, r4, 32
  mstore r7, r3, 64
  li r8, 96
  return r7, r8
; sum(n) = n + sum(n - 1), n kept in the frame across the call.
sum:
  jz r0, done
  enter 32
  spst r0, -32
  addi r1, r0, -1
  li r2, @label("sum")
  fcallr r1, r2
  spld r0, -32
  add r0, r0, r1
done:
  fret
.end
