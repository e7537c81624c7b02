.object "P"
  ldc r1, #1
  ldc r2, 5
  .pool
  .word 5
  .word @library("x")
  .word 0
  .reloc immutable, #2, "y"
.end
