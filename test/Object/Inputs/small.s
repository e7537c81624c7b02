; Layout (docs/object-format.md): header 0..39, name "Main" 40..43 padded
; to 48, code 48..63, pool 64..95, subobject entry 96..111 with the
; subobject "Sub" at 112..167, relocation 168..191, metadata 192..195.
.object "Main"
  jmp 1
  ldc r1, @library("L")
  .object "Sub"
    stop
  .end
  .metadata "meta"
.end
