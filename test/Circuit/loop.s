; A loop of arithmetic, comparisons and branches passes the checker; the
; tool prints the rows of every table.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-prove --check %t.zbin --no-deploy | FileCheck %s

; CHECK:      call: success
; CHECK-NEXT: cycles: 64
; CHECK-NEXT: output: 0x
; CHECK-NEXT: storage: 0 keys touched
; CHECK-NEXT: logs: 0
; CHECK-NEXT: table program: 16 rows (12 used)
; CHECK-NEXT: table cpu: 64 rows (64 used)
; CHECK-NEXT: table addsub: 32 rows (20 used)
; CHECK-NEXT: table lt: 1 rows (0 used)
; CHECK-NEXT: table eq: 32 rows (20 used)
; CHECK-NEXT: table bitwise: 32 rows (20 used)
; CHECK-NEXT: table mul: 1 rows (0 used)
; CHECK-NEXT: table divmod: 1 rows (0 used)
; CHECK-NEXT: table shift: 1 rows (0 used)
; CHECK-NEXT: table byteop: 1 rows (0 used)
; CHECK-NEXT: table select: 1 rows (0 used)
; CHECK-NEXT: table modarith: 1 rows (0 used)
; CHECK-NEXT: table exp: 1 rows (0 used)
; CHECK-NEXT: table wide-mul: 1 rows (0 used)
; CHECK-NEXT: table registers: 256 rows (133 used)
; CHECK-NEXT: table register-boundary: 8 rows (5 used)
; CHECK-NEXT: table heap: 1 rows (0 used)
; CHECK-NEXT: table heap-boundary: 1 rows (0 used)
; CHECK-NEXT: table output: 1 rows (1 used)
; CHECK-NEXT: table cdload: 1 rows (0 used)
; CHECK-NEXT: table storage: 1 rows (0 used)
; CHECK-NEXT: table storage-boundary: 1 rows (0 used)
; CHECK-NEXT: table storage-public: 1 rows (0 used)
; CHECK-NEXT: table log: 1 rows (0 used)
; CHECK-NEXT: table log-data: 1 rows (0 used)
; CHECK-NEXT: table log-public: 1 rows (0 used)
; CHECK-NEXT: table environment: 16 rows (16 used)
; CHECK-NEXT: table calldata: 32 rows (32 used)
; CHECK-NEXT: table stack: 1 rows (0 used)
; CHECK-NEXT: table stack-boundary: 1 rows (0 used)
; CHECK-NEXT: table range16: 65536 rows (65536 used)
; CHECK-NEXT: table byte: 65536 rows (65536 used)
; CHECK-NEXT: table keccak: 1 rows (0 used)
; CHECK-NEXT: table keccak-f: 32 rows (0 used)
; CHECK-NEXT: table copy: 1 rows (0 used)
; CHECK-NEXT: table code: {{[0-9]+}} rows ({{[0-9]+}} used)
; CHECK-NEXT: total: {{[0-9]+}} rows
; CHECK-NEXT: all constraints hold

.object "Loop"
  li r0, 10               ; counter
  li r1, 0                ; sum
  li r2, -1
loop:
  add r1, r1, r0
  xor r3, r1, r2
  not r4, r3
  beq r4, r1, ok
  invalid
ok:
  addi r0, r0, -1
  jnz r0, loop
  stop
.end
