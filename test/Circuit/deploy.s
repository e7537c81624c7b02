; A deployment checked end to end: the init code (the deploy object with
; the constructor arguments appended, which codesize and codecopy see)
; reads its argument from the end of its code (codesize - 32), copies the
; runtime object out of itself and returns it, the public output.
; Assembled, deployed with tracing and checked.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-prove --check --check-deploy %t.zbin --args 0x00000000000000000000000000000000000000000000000000000000000000ff | FileCheck %s
; RUN: not zvm-prove --check --check-deploy --no-deploy %t.zbin 2>&1 | FileCheck %s --check-prefix=BOTH

; CHECK: deploy: success
; CHECK-NEXT: cycles: {{[0-9]+}}
; CHECK-NEXT: output: 0x{{[0-9a-f]+}}
; CHECK: table copy: {{[0-9]+}} rows ({{[0-9]+}} used)
; CHECK-NEXT: table code: {{[0-9]+}} rows ({{[0-9]+}} used)
; CHECK: all constraints hold
; BOTH: zvm-prove: error: --check-deploy needs a deployment: drop --no-deploy

.object "Echo"
  codesize r3
  li r4, 32
  sub r3, r3, r4
  li r5, 0
  codecopy r5, r3, r4     ; the constructor argument
  mload r6, r5, 0
  li r0, @dataoffset("Echo_deployed")
  li r1, @datasize("Echo_deployed")
  li r2, 64
  codecopy r2, r0, r1     ; the runtime object
  return r2, r1

  .object "Echo_deployed"
    li r0, 0
    cdload r1, r0, 0
    mstore r0, r1, 0
    li r2, 32
    return r0, r2
  .end
.end
