; The instructions of the division, shift, byte, select, modular, exp and
; call tables and the environment's public inputs, assembled, run and
; checked: a recursive function computes 5! with mul, then the result goes
; through every other new operation.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x | FileCheck %s --check-prefix=EMU
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s

; EMU: call: success
; CHECK: call: success
; CHECK: table divmod: 4 rows (4 used)
; CHECK: table shift: 8 rows (8 used)
; CHECK: table byteop: 4 rows (4 used)
; CHECK: table select: 2 rows (2 used)
; CHECK: table modarith: 2 rows (2 used)
; CHECK: table exp: 8 rows (5 used)
; CHECK: table environment: 16 rows (16 used)
; CHECK: all constraints hold

.object "ArithCalls"
  li r10, 5
  fcall r10, fact
  ldc r1, 0x8000000000000000000000000000000000000000000000000000000000000077
  div r2, r1, r10
  sdiv r3, r1, r10
  mod r4, r1, r10
  smod r5, r1, r0
  shl r6, r1, r10
  shri r7, r1, 255
  sari r8, r1, 4
  sar r9, r1, r1
  shli r11, r1, 256
  shr r12, r1, r0
  clz r13, r10
  clz r14, r0
  byte r15, r0, r1
  bytei r16, r1, 31
  signextend r17, r0, r1
  signextendi r18, r1, 40
  select r19, r10, r1, r2
  select r20, r0, r1, r2
  addmod r21, r1, r1, r10
  mulmod r22, r1, r1, r10
  li r23, 17
  exp r24, r10, r23
  li r25, 32              ; the index of done
  caller r26
  address r27
  cdsize r28
  codesize r29
  jr r25
  invalid
done:
  stop

; fact(n) in r0: n! by recursion.
fact:
  jz r0, base
  mov r1, r0
  addi r2, r0, -1
  fcall r2, fact
  mul r0, r1, r2
  fret
base:
  li r0, 1
  fret
.end
