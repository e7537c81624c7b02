.object "S\x01"
  ldc r1, #2
  ldc r2, @library("B")
  .pool
  .word 0
  .word 5
  .word 0
  .reloc library, #2, "B"
  .reloc library, #0, "A"
  .data "t" "a\tb\n\"q\"\\"
  .data "h" hex"00ff"
  .metadata ""
.end
