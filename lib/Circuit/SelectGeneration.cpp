//===-- SelectGeneration.cpp - The select table's trace -------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

Matrix zkc::circuit::generateSelectTrace(const std::vector<Alu3Event> &Events) {
  Matrix M(SelectAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < M.Height; ++R) {
    SelectCols<Felt> &C = viewRowMut<SelectCols>(M.row(R));
    // Padding selects between zeros on a zero condition.
    C.CondZero = Felt(1u);
    if (R >= Events.size())
      continue;
    const Alu3Event &Ev = Events[R];
    C.IsReal = Felt(1u);
    writeLimbs(Ev.X, C.Cond);
    writeLimbs(Ev.Y, C.Then);
    writeLimbs(Ev.W, C.Else);
    Felt Sum;
    for (unsigned I = 0; I < NumLimbs; ++I)
      Sum += C.Cond[I];
    C.Inv = Sum.inverse();
    C.CondZero = Felt(Sum.isZero() ? 1u : 0u);
  }
  return M;
}
