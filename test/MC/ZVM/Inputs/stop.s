; The smallest object: one instruction.
.object "S"
  stop
.end
