; keccak256 in a loop: each pass hashes the 40 bytes at 0 (a word stored
; there and 8 bytes never written) and stores the digest back at 0, then a
; 200-byte hash (two blocks) of what is left, returned. The tool prints
; the rows of every table, the sponge's and the permutation's among them.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x | FileCheck %s --check-prefix=EMU
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s

; EMU: call: success
; EMU: return data: 0x241cab05c158539aed12f9f86040dc9b029dc93c28c98043593f6b20b595f2cf0563f07431243200000000000000000000000000000000000000000000000000

; CHECK:      call: success
; CHECK-NEXT: cycles: 30
; CHECK-NEXT: output: 0x241cab05c158539aed12f9f86040dc9b029dc93c28c98043593f6b20b595f2cf0563f07431243200000000000000000000000000000000000000000000000000
; CHECK:      table heap: 8 rows (7 used)
; CHECK:      table keccak: 8 rows (7 used)
; CHECK-NEXT: table keccak-f: 256 rows (224 used)
; CHECK-NEXT: table copy: 1 rows (0 used)
; CHECK-NEXT: table code: {{[0-9]+}} rows ({{[0-9]+}} used)
; CHECK-NEXT: total: {{[0-9]+}} rows
; CHECK-NEXT: all constraints hold

.object "Keccak"
  li r0, 0
  li r1, 40               ; length
  li r2, 5                ; passes
  li r3, 0x1234
  mstore r0, r3, 0
loop:
  keccak256 r4, r0, r1
  mstore r0, r4, 0
  addi r2, r2, -1
  jnz r2, loop
  li r5, 200
  keccak256 r6, r0, r5
  mstore r0, r6, 7        ; unaligned, over the last digest
  li r7, 64
  return r0, r7
.end
