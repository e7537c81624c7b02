; Logs: a loop emitting log2 with a counter as a topic over heap bytes it
; keeps changing, then log0 .. log4 once each; assembled, run and checked,
; the logs printed as the public ones. A reverted copy publishes none.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s
; RUN: sed 's/^  stop$/  revert r0, r0/' %s > %t.revert.s
; RUN: zvm-as %t.revert.s -o %t.revert.zbin
; RUN: zvm-prove --check %t.revert.zbin --no-deploy | FileCheck %s --check-prefix=REVERT

; CHECK: call: success
; CHECK: logs: 9
; CHECK-NEXT:   log2: 0xabc 0x0 data 0x000000
; CHECK-NEXT:   log2: 0xabc 0x1 data 0x000100
; CHECK-NEXT:   log2: 0xabc 0x2 data 0x000102
; CHECK-NEXT:   log2: 0xabc 0x3 data 0x000102
; CHECK-NEXT:   log0: data 0x
; CHECK-NEXT:   log1: 0xabc data 0x00
; CHECK-NEXT:   log2: 0xabc 0x4 data 0x0001
; CHECK-NEXT:   log3: 0xabc 0x4 0x0 data 0x000102
; CHECK-NEXT:   log4: 0xabc 0x4 0x0 0x0 data 0x00010203
; CHECK: table log: 16 rows (9 used)
; CHECK-NEXT: table log-data: 32 rows (22 used)
; CHECK-NEXT: table log-public: 16 rows (9 used)
; CHECK: all constraints hold

; REVERT: call: revert
; REVERT: logs: 0
; REVERT: table log: 16 rows (9 used)
; REVERT-NEXT: table log-data: 1 rows (0 used)
; REVERT-NEXT: table log-public: 1 rows (0 used)
; REVERT: all constraints hold

.object "Log"
  li r1, 0
  li r2, 4
  ; the block r10 .. r13: offset 100, size 3, topics 0xabc and i
  li r10, 100
  li r11, 3
  li r12, 0xabc
loop:
  addi r3, r1, 100
  mstore8 r3, r1, 0
  mov r13, r1
  log2 r10
  addi r1, r1, 1
  bltu r1, r2, loop
  li r11, 0
  log0 r10
  li r11, 1
  log1 r10
  li r11, 2
  mov r13, r1
  log2 r10
  li r11, 3
  log3 r10
  li r11, 4
  mstore8 r3, r2, 1
  log4 r10
  stop
.end
