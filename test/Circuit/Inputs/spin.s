; Loops until it runs out of gas.
.object "Spin"
spin:
  jmp spin
.end
