; Every instruction the circuit supports, with wide constants from the pool,
; branches taken and not taken; the emulator runs it and the checker accepts
; its trace.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x | FileCheck %s --check-prefix=EMU
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s

; EMU: call: success
; CHECK: call: success
; CHECK: table lt: 16 rows (16 used)
; CHECK: all constraints hold

.object "EveryOp"
  ldc r1, 0xfedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210
  ldc r2, 0x8000000000000000000000000000000000000000000000000000000000000001
  li r3, -7
  mov r4, r1
  add r5, r1, r2
  sub r6, r2, r1
  addi r7, r1, -1
  mul r26, r1, r2
  muli r27, r1, -3
  lt r8, r1, r2
  gt r9, r1, r2
  slt r22, r1, r2
  sgt r23, r1, r2
  slti r24, r3, -8
  sgti r25, r3, -8
  eq r10, r1, r4
  iszero r11, r0
  lti r12, r3, 5
  gti r13, r3, 5
  eqi r14, r3, -7
  and r15, r1, r2
  or r16, r1, r2
  xor r17, r1, r2
  not r18, r1
  andi r19, r1, 0xff
  ori r20, r1, -256
  xori r21, r1, 0x7fffffff
  jz r0, zero_taken
  invalid
zero_taken:
  jnz r0, bad
  jnz r1, nonzero_taken
  invalid
nonzero_taken:
  jz r1, bad
  beq r1, r4, eq_taken
  invalid
eq_taken:
  bne r1, r4, bad
  bne r1, r2, ne_taken
  invalid
ne_taken:
  beq r1, r2, bad
  bltu r2, r1, lt_taken
  invalid
lt_taken:
  bgeu r2, r1, bad
  bgeu r1, r2, ge_taken
  invalid
ge_taken:
  bltu r1, r2, bad
  blt r1, r3, slt_taken       ; 0xfedc... is below -7: both negative
  invalid
slt_taken:
  bge r1, r3, bad
  bge r1, r2, sge_taken
  invalid
sge_taken:
  blt r1, r2, bad
  jmp done
bad:
  invalid
done:
  stop
.end
