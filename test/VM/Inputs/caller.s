; Calls 0xc0ffee with value 1000 and returns (success, returned word).
.object "Caller"
  gas r20
  li r21, 0xc0ffee
  li r22, 1000
  li r23, 0
  li r24, 0
  li r25, 32
  li r26, 32
  call r1, r20
  li r0, 0
  mstore r0, r1, 0
  li r2, 64
  return r0, r2
.end
