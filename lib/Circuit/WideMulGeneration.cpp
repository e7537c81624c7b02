//===-- WideMulGeneration.cpp - The wide-mul table's trace ----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per request: the 512-bit result of A * B + C and the carry out of
// each column of partial products.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

Matrix
zkc::circuit::generateWideMulTrace(const std::vector<WideMulEvent> &Events) {
  Matrix M(WideMulAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const WideMulEvent &Ev = Events[R];
    WideMulCols<Felt> &C = viewRowMut<WideMulCols>(M.row(R));
    C.IsReal = Felt(1u);
    writeLimbs(Ev.A, C.A);
    writeLimbs(Ev.B, C.B);
    writeLimbs(Ev.C, C.C);
    // Column sums stay below 2^37: 16 products below 2^32, a limb of C and
    // a carry below 2^22.
    uint64_t Carry = 0;
    for (unsigned K = 0; K < NumWideColumns; ++K) {
      uint64_t Column = Carry;
      for (unsigned I = K < NumLimbs ? 0 : K - NumLimbs + 1;
           I <= K && I < NumLimbs; ++I)
        Column += uint64_t(limbOf(Ev.A, I)) * limbOf(Ev.B, K - I);
      if (K < NumLimbs)
        Column += limbOf(Ev.C, K);
      Felt Out(Column & 0xffff);
      (K < NumLimbs ? C.Lo[K] : C.Hi[K - NumLimbs]) = Out;
      Carry = Column >> LimbBits;
      if (K + 1 < NumWideColumns) {
        C.CarryLo[K] = Felt(Carry & 0xffff);
        C.CarryHi[K] = Felt(Carry >> 16);
      }
    }
    assert(Carry == 0 && "A * B + C is below 2^512");
  }
  return M;
}
