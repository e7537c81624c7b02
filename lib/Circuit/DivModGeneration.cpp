//===-- DivModGeneration.cpp - The divmod table's trace -------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per div, sdiv, mod or smod: absolute values, quotient and
// remainder, the bound on the remainder and the sign of the result, and the
// product |X| = Q |Y| + R asked of the wide-mul table.
//
//===----------------------------------------------------------------------===//

#include "LimbArithmetic.h"

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

static void fillDivModRow(DivModCols<Felt> &C, const AluEvent &Ev,
                          std::vector<WideMulEvent> *WideMul) {
  bool Signed = Ev.Op == Opcode::SDiv || Ev.Op == Opcode::SMod;
  bool IsQuot = Ev.Op == Opcode::Div || Ev.Op == Opcode::SDiv;
  C.IsDiv = Felt(Ev.Op == Opcode::Div ? 1u : 0u);
  C.IsSDiv = Felt(Ev.Op == Opcode::SDiv ? 1u : 0u);
  C.IsMod = Felt(Ev.Op == Opcode::Mod ? 1u : 0u);
  C.IsSMod = Felt(Ev.Op == Opcode::SMod ? 1u : 0u);
  writeLimbs(Ev.X, C.X);
  writeLimbs(Ev.Y, C.Y);
  bool SX = Ev.X.isNegative(), SY = Ev.Y.isNegative();
  C.SignX = Felt(SX ? 1u : 0u);
  C.SignY = Felt(SY ? 1u : 0u);
  bool NegX = Signed && SX, NegY = Signed && SY;
  Word XAbs = NegX ? -Ev.X : Ev.X, YAbs = NegY ? -Ev.Y : Ev.Y;
  writeLimbs(XAbs, C.XAbs);
  writeLimbs(YAbs, C.YAbs);
  writeNegationCarries(Ev.X, NegX, C.XCarry);
  writeNegationCarries(Ev.Y, NegY, C.YCarry);

  bool YZero = Ev.Y.isZero();
  Word Q, R;
  if (YZero)
    R = XAbs;
  else
    udivrem(XAbs, YAbs, Q, R);
  writeLimbs(Q, C.Q);
  writeLimbs(R, C.R);
  Felt YSum;
  for (unsigned I = 0; I < NumLimbs; ++I)
    YSum += C.Y[I];
  C.YInv = YSum.inverse();
  C.YZero = Felt(YZero ? 1u : 0u);
  if (!YZero)
    writeBelowGap(YAbs, R, C.Gap, C.Borrow);

  Word Res = IsQuot ? Q : R;
  bool SignRes = Ev.Op == Opcode::SDiv ? SX != SY : Ev.Op == Opcode::SMod && SX;
  writeLimbs(Res, C.Res);
  C.SignRes = Felt(SignRes ? 1u : 0u);
  writeLimbs(SignRes ? -Res : Res, C.Z);
  writeNegationCarries(Res, SignRes, C.ZCarry);
  if (WideMul)
    WideMul->push_back({Q, YAbs, R});
}

Matrix zkc::circuit::generateDivModTrace(const std::vector<AluEvent> &Events,
                                         std::vector<WideMulEvent> &WideMul) {
  Matrix M(DivModAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < M.Height; ++R) {
    DivModCols<Felt> &C = viewRowMut<DivModCols>(M.row(R));
    if (R < Events.size()) {
      fillDivModRow(C, Events[R], &WideMul);
      continue;
    }
    // Padding divides 0 by 0, with no operation flag.
    fillDivModRow(C, {Opcode::Div, Word(), Word(), Word()}, nullptr);
    C.IsDiv = Felt();
  }
  return M;
}
