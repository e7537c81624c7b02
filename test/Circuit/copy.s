; cdcopy and codecopy: copies of the public calldata and of the running
; code to the heap, across the source's end and past it (zeros), over
; bytes already stored, read back by a load and returned; mcopy within the
; heap and onto itself; rdsize (0) and
; an empty rdcopy, the returndata of a context without calls being empty.
; Assembled, run and checked.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-prove --check %t.zbin --no-deploy --calldata 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324 | FileCheck %s

; CHECK: call: success
; CHECK-NEXT: cycles: 25
; CHECK-NEXT: output: 0x1e1f202122232400000000000000000000000000000000000000000000000000ff1e1f202122232400000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000007f5a564d000000000000000000000000000000000000000000000000000000000000000000000000000000001e1f2021222324000000000000000000000000000000000000000000
; CHECK:      table heap: 4 rows (4 used)
; CHECK:      table copy: 128 rows (116 used)
; CHECK-NEXT: table code: 256 rows ({{[0-9]+}} used)
; CHECK: all constraints hold

.object "Copies"
  li r1, 32
  not r2, r0
  mstore r1, r2, 0      ; [32, 64) = 0xff..ff
  li r3, 30
  li r4, 40
  addi r5, r1, 1
  cdcopy r5, r3, r4     ; [33, 73) = calldata[30, 70): 7 bytes, then zeros
  li r6, 96
  li r7, 4
  codecopy r6, r0, r7   ; [96, 100) = the code's first 4 bytes, the magic
  li r8, 100
  li r9, 1000
  li r10, 32
  codecopy r8, r9, r10  ; [100, 132) = 0: past the end of the code
  cdcopy r0, r0, r0     ; an empty copy
  rdsize r11
  mstore r0, r11, 0     ; [0, 32) = 0
  rdcopy r0, r0, r0
  mload r12, r1, 1      ; the copied bytes read back
  mstore r1, r12, 108   ; [140, 172)
  li r14, 7
  mcopy r0, r5, r14     ; [0, 7) = [33, 40), read from the heap
  mcopy r1, r1, r10     ; [32, 64) onto itself
  li r13, 168
  return r0, r13
.end
