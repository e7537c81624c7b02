; An execution using instructions the circuit does not cover yet is refused,
; naming them in the order they first run; so is one that traps.
; RUN: zvm-as %s -o %t.zbin
; RUN: not zvm-prove --check %t.zbin --calldata 0x2a 2>&1 | FileCheck %s
; RUN: zvm-as %S/Inputs/spin.s -o %t.spin.zbin
; RUN: not zvm-prove --check %t.spin.zbin --no-deploy --gas 30000 2>&1 | FileCheck %s --check-prefix=TRAP

; CHECK: call: success
; CHECK: zvm-prove: error: unsupported by the circuit: gas
; TRAP: call: trap
; TRAP: zvm-prove: error: unsupported by the circuit: an execution ending in a trap (at pc 0, jmp)

.object "Echo"
  li r0, @dataoffset("Echo_deployed")
  li r1, @datasize("Echo_deployed")
  li r2, 0
  codecopy r2, r0, r1
  return r2, r1

  .object "Echo_deployed"
    li r0, 0
    cdload r1, r0, 0
    mstore r0, r1, 0
    li r2, 32
    cdcopy r0, r0, r2
    gas r3
    return r0, r2
  .end
.end
