; RUN: not zvm-as %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:

; Labels and branch targets. Undefined labels and out-of-range targets are
; found when the object ends, so they are reported after the parse errors.

.object "Invalid"
start:
  stop
; CHECK: :[[@LINE+2]]:1: error: duplicate label 'start'
; CHECK: :[[@LINE-3]]:1: note: previous definition is here
start:
; CHECK: :[[@LINE+1]]:7: error: expected a label or instruction index, found 'r1'
  jmp r1
; CHECK: :[[@LINE+1]]:7: error: instruction index '-1' is out of range
  jmp -1
; CHECK: :[[@LINE+1]]:14: error: too few operands for 'beq': expected 3
  beq r1, r2,
; CHECK: :[[@LINE+1]]:1: error: 'r5' is a register and cannot be a label
r5:
; Reported at the object's end:
; CHECK: :[[@LINE+1]]:7: error: undefined label 'nowhere'
  jmp nowhere
; CHECK: :[[@LINE+1]]:11: error: jump target 100 is outside the code (5 instructions)
  jnz r1, 100
; CHECK: :[[@LINE+2]]:14: error: label 'end' is past the last instruction of object 'Invalid'
; CHECK: :[[@LINE+4]]:1: note: label defined here
  fcall r16, end
; CHECK: :[[@LINE+1]]:11: error: constant pool index 3 is out of range (0 entries)
  ldc r1, #3
end:
.end
