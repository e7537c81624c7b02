.object "A"
  add r1, r2, r3
  addi r4, r5, -7
  shli r1, r1, 8
  addmod r1, r2, r3, r4
  select r1, r2, r3, r4
  ldc r9, -1
  ldc r9, @library("a.sol:L")
  call r0, r10
  log4 r20
  fcall r8, 0
  fret
.end
