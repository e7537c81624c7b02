.object "E"
  add r1, r2
  jmp nowhere
  li r1, 99999999999
  .data "x" hex"abc"
.end
