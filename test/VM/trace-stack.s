; Stack accesses in the trace: each step records sp before it, and spst,
; stload8 and the rest record "stack" accesses at absolute byte addresses;
; fcallr's callee sees the sp fcallr saved, and fret restores it.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x00 --trace %t.jsonl | FileCheck %s --check-prefix=OUT
; RUN: FileCheck %s < %t.jsonl

; OUT: call: success

; CHECK:      {"cycle":0,{{.*}}"sp":32,"op":"enter",{{.*}}"mem":[]}
; CHECK-NEXT: {"cycle":1,{{.*}}"sp":96,"op":"li",
; CHECK-NEXT: {"cycle":2,{{.*}}"sp":96,"op":"spst",{{.*}}"mem":[{"space":"stack","write":true,"addr":"0x40","size":32,"value":"0x2a"}]}
; CHECK-NEXT: {"cycle":3,{{.*}}"op":"spaddr",{{.*}}"out":"0x40","mem":[]}
; CHECK-NEXT: {"cycle":4,{{.*}}"op":"stload8",{{.*}}"out":"0x2a","mem":[{"space":"stack","write":false,"addr":"0x5f","size":1,"value":"0x2a"}]}
; CHECK-NEXT: {"cycle":5,{{.*}}"op":"li",
; CHECK-NEXT: {"cycle":6,{{.*}}"sp":96,"op":"fcallr",{{.*}}"in":["0x8"],"mem":[]}
; CHECK-NEXT: {"cycle":7,{{.*}}"pc":8,"fp":10,"sp":96,"op":"enter",
; CHECK-NEXT: {"cycle":8,{{.*}}"sp":128,"op":"fret",
; CHECK-NEXT: {"cycle":9,{{.*}}"pc":7,"fp":0,"sp":96,"op":"stop",

.object "T"
  enter 64
  li r0, 42
  spst r0, -32
  spaddr r1, -32
  stload8 r2, r1, 31
  li r3, @label("callee")
  fcallr r10, r3
  stop
callee:
  enter 32
  fret
.end
