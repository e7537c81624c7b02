; cdload: calldata is a read-only byte memory whose contents are public
; inputs; words inside it, across its end and past it (zeros) are read and
; returned; assembled, run and checked.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-prove --check %t.zbin --no-deploy --calldata 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324 | FileCheck %s

; CHECK: call: success
; CHECK-NEXT: cycles: 10
; CHECK-NEXT: output: 0x0405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222321222324000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
; CHECK: table output: 128 rows (96 used)
; CHECK: table cdload: 4 rows (3 used)
; CHECK: table calldata: 128 rows (128 used)
; CHECK: all constraints hold

.object "Calldata"
  li r1, 4
  cdload r2, r1, 0        ; bytes 4 .. 35
  cdload r3, r1, 29       ; bytes 33 .. 64: four bytes, then zeros
  cdload r4, r1, 100      ; past the end: 0
  li r5, 0
  mstore r5, r2, 0
  mstore r5, r3, 32
  mstore r5, r4, 64
  li r6, 96
  return r5, r6
.end
