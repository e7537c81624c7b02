; Stack memory is not in the circuit yet: an execution
; that uses them is refused, naming them in the order they first run.
; RUN: zvm-as %s -o %t.zbin
; RUN: not zvm-prove --check %t.zbin --no-deploy 2>&1 | FileCheck %s

; CHECK: call: success
; CHECK: zvm-prove: error: unsupported by the circuit: enter, spst, spaddr, stload, ststore8, stload8, spld{{$}}

.object "Frames"
  enter 64
  li r0, 7
  spst r0, -64
  spaddr r1, -64
  stload r2, r1, 0
  ststore8 r1, r2, 40
  stload8 r3, r1, 40
  spld r4, -64
  li r5, @label("callee")
  fcallr r10, r5
  stop
callee:
  fret
.end
