; --trace writes one JSON line per cycle with the values read and written and
; the accesses made.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x2a --trace %t.jsonl | FileCheck %s --check-prefix=OUT
; RUN: FileCheck %s < %t.jsonl
; RUN: test $(wc -l < %t.jsonl) -eq 7

; OUT: cycles: 7
; CHECK:      {"cycle":0,"depth":0,"context":0,"pc":0,"fp":0,"sp":32,"op":"li","a":0,"b":0,"c":0,"imm":0,"gas":{{[0-9]+}},"in":[],"out":"0x0","mem":[]}
; CHECK-NEXT: {"cycle":1,{{.*}}"op":"cdload",{{.*}}"in":["0x0"],"out":"0x2a00000000000000000000000000000000000000000000000000000000000000","mem":[{"space":"calldata","write":false,"addr":"0x0","size":32,
; CHECK-NEXT: {"cycle":2,{{.*}}"op":"sstore",{{.*}}"in":["0x0","0x2a00{{0+}}"],"mem":[{"space":"storage","write":true,"addr":"0x0","size":32,"value":"0x2a00{{0+}}","account":"0xc0de"}]}
; CHECK-NEXT: {"cycle":3,{{.*}}"op":"shri",{{.*}}"out":"0x2a","mem":[]}
; CHECK-NEXT: {"cycle":4,{{.*}}"op":"mstore8",{{.*}}"mem":[{"space":"heap","write":true,"addr":"0x5","size":1,"value":"0x2a"}]}
; CHECK-NEXT: {"cycle":5,{{.*}}"op":"li",
; CHECK-NEXT: {"cycle":6,{{.*}}"op":"return",{{.*}}"mem":[{"space":"heap","write":false,"addr":"0x0","size":32,"value":"0x2a{{0+}}"}]}

.object "Traced"
  li r0, 0
  cdload r1, r0, 0
  sstore r0, r1
  shri r3, r1, 248          ; the first calldata byte
  mstore8 r0, r3, 5
  li r2, 32
  return r0, r2
.end
