//===-- ExpGeneration.cpp - The exp table's trace -------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The rows of each exp, one per bit of the exponent from its most
// significant set bit down, and the multiplications they ask of the mul
// table.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

static void writeDoubling(ExpCols<Felt> &C, const Word &EPrev, bool Bit) {
  uint64_t Carry = Bit;
  for (unsigned I = 0; I < NumLimbs; ++I) {
    uint64_t V = 2 * uint64_t(limbOf(EPrev, I)) + Carry;
    Carry = V >> LimbBits;
    if (I + 1 < NumLimbs)
      C.ECarry[I] = Felt(Carry);
  }
}

Matrix zkc::circuit::generateExpTrace(const std::vector<AluEvent> &Events,
                                      std::vector<AluEvent> &Mul) {
  size_t Rows = 0;
  for (const AluEvent &Ev : Events)
    Rows += std::max(1u, 256 - clz(Ev.Y));
  Matrix M(ExpAir::Width, paddedHeight(Rows));
  size_t R = 0;
  for (const AluEvent &Ev : Events) {
    unsigned Bits = std::max(1u, 256 - clz(Ev.Y));
    Word Acc(1), EPrev;
    for (unsigned K = Bits; K-- > 0; ++R) {
      ExpCols<Felt> &C = viewRowMut<ExpCols>(M.row(R));
      bool Bit = (Ev.Y.L[K / 64] >> (K % 64)) & 1;
      Word Sq = Acc * Acc, Next = Bit ? Sq * Ev.X : Sq;
      Word ENew = EPrev + EPrev + Word(Bit ? 1 : 0);
      C.IsReal = Felt(1u);
      C.IsFirst = Felt(K + 1 == Bits ? 1u : 0u);
      C.IsLast = Felt(K == 0 ? 1u : 0u);
      writeLimbs(Ev.X, C.Base);
      writeLimbs(Ev.Y, C.Exp);
      writeLimbs(Acc, C.Acc);
      writeLimbs(Sq, C.Sq);
      writeLimbs(Next, C.Next);
      C.Bit = Felt(Bit ? 1u : 0u);
      writeLimbs(EPrev, C.EPrev);
      writeLimbs(ENew, C.ENew);
      writeDoubling(C, EPrev, Bit);
      Mul.push_back({Opcode::Mul, Acc, Acc, Sq});
      Mul.push_back({Opcode::Mul, Sq, Bit ? Ev.X : Word(1), Next});
      Acc = Next;
      EPrev = ENew;
    }
    assert(Acc == Ev.Z && "square and multiply gives the emulator's result");
  }
  return M;
}
