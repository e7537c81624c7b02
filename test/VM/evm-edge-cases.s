; The EVM's arithmetic edge cases, executed by the emulator. The runtime
; object computes each case into consecutive heap words and returns them.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x | FileCheck %s

; CHECK: call: success
; CHECK-NEXT: return data: 0x
;   div by zero, mod by zero, sdiv(-2^255, -1), smod(-7, 3), smod(7, -3),
;   sdiv(-7, 2)
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000000
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000000
; CHECK-SAME: 8000000000000000000000000000000000000000000000000000000000000000
; CHECK-SAME: ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000001
; CHECK-SAME: fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd
;   shl by 256, shr by 256, sar(-1, 256), sar(-2^255, 255), shl(1, 255)
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000000
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000000
; CHECK-SAME: ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
; CHECK-SAME: ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
; CHECK-SAME: 8000000000000000000000000000000000000000000000000000000000000000
;   byte(31, 0x1234), byte(32, x), byte(0, -1)
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000034
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000000
; CHECK-SAME: 00000000000000000000000000000000000000000000000000000000000000ff
;   signextend(0, 0xff), signextend(0, 0x7f), signextend(31, x), signextend(2^64, x)
; CHECK-SAME: ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
; CHECK-SAME: 000000000000000000000000000000000000000000000000000000000000007f
; CHECK-SAME: 00000000000000000000000000000000000000000000000000000000000000ff
; CHECK-SAME: 00000000000000000000000000000000000000000000000000000000000000ff
;   addmod(-1, -1, 7) without overflow, mulmod(-1, -1, 7), addmod(x, y, 0),
;   exp(2, 255), exp(0, 0), exp(1, 2^64)
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000002
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000001
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000000
; CHECK-SAME: 8000000000000000000000000000000000000000000000000000000000000000
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000001
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000001
;   clz(1), clz(0), slt(-1, 0), lt(-1, 0)
; CHECK-SAME: 00000000000000000000000000000000000000000000000000000000000000ff
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000100
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000001
; CHECK-SAME: 0000000000000000000000000000000000000000000000000000000000000000{{$}}

.object "EdgeCases"
  li r0, 0                  ; heap cursor
  li r1, 7
  li r2, 0
  li r3, -1
  li r4, 1
  shli r5, r4, 255          ; -2^255
  li r6, -7
  li r7, 3
  li r8, -3
  li r9, 2

  div r10, r1, r2
  mstore r0, r10, 0
  mod r10, r1, r2
  mstore r0, r10, 32
  sdiv r10, r5, r3
  mstore r0, r10, 64
  smod r10, r6, r7
  mstore r0, r10, 96
  smod r10, r1, r8
  mstore r0, r10, 128
  sdiv r10, r6, r9
  mstore r0, r10, 160

  li r11, 256
  shl r10, r4, r11
  mstore r0, r10, 192
  shr r10, r3, r11
  mstore r0, r10, 224
  sar r10, r3, r11
  mstore r0, r10, 256
  sari r10, r5, 255
  mstore r0, r10, 288
  shli r10, r4, 255
  mstore r0, r10, 320

  li r12, 0x1234
  bytei r10, r12, 31
  mstore r0, r10, 352
  li r13, 32
  byte r10, r13, r12
  mstore r0, r10, 384
  bytei r10, r3, 0
  mstore r0, r10, 416

  li r14, 0xff
  signextendi r10, r14, 0
  mstore r0, r10, 448
  li r15, 0x7f
  signextendi r10, r15, 0
  mstore r0, r10, 480
  signextendi r10, r14, 31
  mstore r0, r10, 512
  shli r16, r4, 64
  signextend r10, r16, r14
  mstore r0, r10, 544

  addmod r10, r3, r3, r1
  mstore r0, r10, 576
  mulmod r10, r3, r3, r1
  mstore r0, r10, 608
  addmod r10, r1, r1, r2
  mstore r0, r10, 640
  li r17, 255
  exp r10, r9, r17
  mstore r0, r10, 672
  exp r10, r2, r2
  mstore r0, r10, 704
  exp r10, r4, r16
  mstore r0, r10, 736

  clz r10, r4
  mstore r0, r10, 768
  clz r10, r2
  mstore r0, r10, 800
  slt r10, r3, r2
  mstore r0, r10, 832
  lt r10, r3, r2
  mstore r0, r10, 864

  li r18, 896
  return r0, r18
.end
