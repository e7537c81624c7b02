.object "Deploy"
  li r1, @datasize("Runtime")
  li r2, @dataoffset("Runtime")
  li r3, 0
  codecopy r3, r2, r1
  return r3, r1
  .object "Runtime"
  loop:
    ldc r1, @immutable("owner")
    ldc r2, 0x1234567890abcdef
    beq r1, r2, loop
    stop
  .end
  .data "msg" "hi\n"
  .metadata hex"a264"
.end
