; RUN: zvm-as --show-encoding %s | FileCheck %s
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --calldata "" | FileCheck %s --check-prefix=EXEC

; @immutableoffset is the offset of the immutable's pool slot inside the
; serialized subobject, so deploy code can fill its heap copy of it.

.object "C"
  li r1, @dataoffset("C_deployed")
  li r2, @datasize("C_deployed")
  li r3, 0
  codecopy r3, r1, r2
  ; "C_deployed": header 40, name 16, code 4 * 8, then the pool: slot 1 of
  ; the pool (slot 0 holds the literal 32) is at 40 + 16 + 32 + 32 = 120.
  ; CHECK: li r4, 120
  ; CHECK-SAME: encoding: [0x11,0x04,0x00,0x00,0x78,0x00,0x00,0x00]
  li r4, @immutableoffset("owner")
  li r5, 42
  add r4, r4, r3
  mstore r4, r5, 0
  return r3, r2
  .object "C_deployed"
    ldc r1, 32
    ldc r2, @immutable("owner")
    mstore r3, r2, 0
    return r3, r1
  .end
.end

; The runtime object returns the value the deploy code wrote into the slot.
; EXEC: deploy: success
; EXEC: call: success
; EXEC-NEXT: return data: 0x000000000000000000000000000000000000000000000000000000000000002a
