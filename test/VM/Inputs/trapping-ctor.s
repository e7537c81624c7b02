.object "Trapping"
  invalid
.end
