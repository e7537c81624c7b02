; RUN: not zvm-as %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:

; @immutableoffset needs exactly one slot for the immutable among the direct
; subobjects.

.object "A"
; Reported while parsing, before the errors found at the end of the object.
; CHECK: :[[@LINE+1]]:10: error: unknown function '@immutable' in an immediate; expected @dataoffset, @datasize, @immutableoffset or @label
  li r1, @immutable("x")
; CHECK: :[[@LINE+1]]:10: error: no subobject of object 'A' has a constant pool slot for immutable 'missing'
  li r1, @immutableoffset("missing")
; CHECK: :[[@LINE+1]]:10: error: immutable 'twice' has several slots (in subobjects 'B' and 'C'); @immutableoffset needs exactly one
  li r1, @immutableoffset("twice")
; CHECK: :[[@LINE+1]]:10: error: immutable 'dup' has several slots (in subobject 'C'); @immutableoffset needs exactly one
  li r1, @immutableoffset("dup")
; A slot in a deeper subobject does not count.
; CHECK: :[[@LINE+1]]:10: error: no subobject of object 'A' has a constant pool slot for immutable 'deep'
  li r1, @immutableoffset("deep")
  .object "B"
    ldc r1, @immutable("twice")
    .object "D"
      ldc r1, @immutable("deep")
    .end
  .end
  .object "C"
    ldc r1, @immutable("twice")
    .pool
    .word @immutable("dup")
    .word @immutable("dup")
  .end
.end
