; Stores callvalue in slot 0 and returns caller.
.object "Callee"
  li r0, 0
  callvalue r1
  sstore r0, r1
  caller r1
  mstore r0, r1, 0
  li r2, 32
  return r0, r2
.end
