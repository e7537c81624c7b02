//===-- ShiftGeneration.cpp - The shift table's trace ---------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per shl, shr, sar or clz: the amount split into the power of two
// it stands for, and the product asked of the wide-mul table.
//
//===----------------------------------------------------------------------===//

#include "LimbArithmetic.h"

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

static void fillShiftRow(ShiftCols<Felt> &C, const AluEvent &Ev,
                         std::vector<WideMulEvent> *WideMul) {
  bool IsClz = Ev.Op == Opcode::Clz;
  C.IsShl = Felt(Ev.Op == Opcode::Shl ? 1u : 0u);
  C.IsShr = Felt(Ev.Op == Opcode::Shr ? 1u : 0u);
  C.IsSar = Felt(Ev.Op == Opcode::Sar ? 1u : 0u);
  C.IsClz = Felt(IsClz ? 1u : 0u);
  // For clz the amount is the result.
  const Word S = IsClz ? Ev.Z : Ev.Y;
  writeLimbs(Ev.X, C.X);
  writeLimbs(S, C.S);
  if (!IsClz)
    writeLimbs(Ev.Z, C.Z);
  bool Negative = Ev.X.isNegative();
  C.SignX = Felt(Negative ? 1u : 0u);

  uint16_t S0 = limbOf(S, 0);
  unsigned J = S0 & 15, K = (S0 >> 4) & 15;
  for (unsigned I = 0; I < 4; ++I)
    C.JBit[I] = Felt((J >> I) & 1u);
  C.K = Felt(K);
  C.H8 = Felt(S0 >> 8);
  Felt High = C.H8;
  for (unsigned I = 1; I < NumLimbs; ++I)
    High += C.S[I];
  C.Inv = High.inverse();
  bool Small = High.isZero();
  C.Small = Felt(Small ? 1u : 0u);
  C.PowLo = Felt((1u + (J & 1)) * (1u + 3 * ((J >> 1) & 1)));
  C.PowHi = Felt((1u + 15 * ((J >> 2) & 1)) * (1u + 255 * ((J >> 3) & 1)));
  C.PowJ = Felt(1u << J);
  Word Pow;
  if (Small) {
    C.LimbSel[K] = Felt(1u);
    C.Pow[K] = C.PowJ;
    Pow = shl(Word(1), Word(S0));
  }

  // MulA * Pow + Rem = MulHi 2^256 + MulLo.
  Word MulA, Rem;
  if (Ev.Op == Opcode::Shl || IsClz) {
    MulA = Ev.X;
  } else {
    bool Flip = Ev.Op == Opcode::Sar && Negative;
    Word Dividend = Flip ? ~Ev.X : Ev.X;
    MulA = Flip ? ~Ev.Z : Ev.Z;
    Rem = Small ? Dividend - MulA * Pow : Dividend;
  }
  writeLimbs(MulA, C.MulA);
  writeLimbs(Rem, C.Rem);
  if (Small)
    writeBelowGap(Pow, Rem, C.Gap, C.Borrow);
  Word Hi, Lo;
  wideMulAdd(MulA, Pow, Rem, Hi, Lo);
  writeLimbs(Hi, C.MulHi);
  writeLimbs(Lo, C.MulLo);
  if (WideMul)
    WideMul->push_back({MulA, Pow, Rem});
}

Matrix zkc::circuit::generateShiftTrace(const std::vector<AluEvent> &Events,
                                        std::vector<WideMulEvent> &WideMul) {
  Matrix M(ShiftAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < M.Height; ++R) {
    ShiftCols<Felt> &C = viewRowMut<ShiftCols>(M.row(R));
    if (R < Events.size()) {
      fillShiftRow(C, Events[R], &WideMul);
      continue;
    }
    // Padding shifts 0 left by 0, with no operation flag.
    fillShiftRow(C, {Opcode::Shl, Word(), Word(), Word()}, nullptr);
    C.IsShl = Felt();
  }
  return M;
}
