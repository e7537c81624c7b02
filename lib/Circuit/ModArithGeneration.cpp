//===-- ModArithGeneration.cpp - The modarith table's trace ---------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per addmod or mulmod: the full sum or product, its quotient and
// remainder by the modulus, and the three products asked of the wide-mul
// table.
//
//===----------------------------------------------------------------------===//

#include "LimbArithmetic.h"

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

/// The 512-bit quotient and the remainder of PHi 2^256 + PLo by N != 0, by
/// long division in 256-bit steps: each step divides R 2^256 + D with
/// R < N, done bit by bit.
static void divide512(const Word &PHi, const Word &PLo, const Word &N,
                      Word &QHi, Word &QLo, Word &R) {
  R = Word();
  for (int Bit = 511; Bit >= 0; --Bit) {
    const Word &Half = Bit >= 256 ? PHi : PLo;
    unsigned B = Bit % 256;
    bool In = (Half.L[B / 64] >> (B % 64)) & 1;
    // R = 2 R + In, which may pass 2^256 when N is above 2^255.
    bool Over = R.isNegative();
    R = shl(R, Word(1)) | Word(In ? 1 : 0);
    bool Sets = Over || R >= N;
    if (Sets)
      R = R - N;
    Word &Q = Bit >= 256 ? QHi : QLo;
    if (Sets)
      Q.L[B / 64] |= 1ull << (B % 64);
  }
}

static void fillModArithRow(ModArithCols<Felt> &C, const Alu3Event &Ev,
                            std::vector<WideMulEvent> *WideMul) {
  bool IsMul = Ev.Op == Opcode::MulMod;
  C.IsAddMod = Felt(IsMul ? 0u : 1u);
  C.IsMulMod = Felt(IsMul ? 1u : 0u);
  writeLimbs(Ev.X, C.X);
  writeLimbs(Ev.Y, C.Y);
  writeLimbs(Ev.W, C.N);
  const Word B = IsMul ? Ev.Y : Word(1), Add = IsMul ? Word() : Ev.Y;
  Word PHi, PLo;
  wideMulAdd(Ev.X, B, Add, PHi, PLo);
  writeLimbs(PHi, C.PHi);
  writeLimbs(PLo, C.PLo);
  if (WideMul)
    WideMul->push_back({Ev.X, B, Add});
  Felt NSum;
  for (unsigned I = 0; I < NumLimbs; ++I)
    NSum += C.N[I];
  C.NInv = NSum.inverse();
  bool NZero = Ev.W.isZero();
  C.NZero = Felt(NZero ? 1u : 0u);
  if (NZero)
    return;
  Word QHi, QLo, R, Mid, Top;
  divide512(PHi, PLo, Ev.W, QHi, QLo, R);
  wideMulAdd(QLo, Ev.W, R, Mid, Top);
  writeLimbs(QHi, C.QHi);
  writeLimbs(QLo, C.QLo);
  writeLimbs(Mid, C.Mid);
  writeLimbs(R, C.R);
  writeBelowGap(Ev.W, R, C.Gap, C.Borrow);
  if (WideMul) {
    WideMul->push_back({QLo, Ev.W, R});
    WideMul->push_back({QHi, Ev.W, Mid});
  }
}

Matrix zkc::circuit::generateModArithTrace(const std::vector<Alu3Event> &Events,
                                           std::vector<WideMulEvent> &WideMul) {
  Matrix M(ModArithAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < M.Height; ++R) {
    ModArithCols<Felt> &C = viewRowMut<ModArithCols>(M.row(R));
    if (R < Events.size()) {
      fillModArithRow(C, Events[R], &WideMul);
      continue;
    }
    // Padding: addmod of zeros modulo 0, with no operation flag.
    fillModArithRow(C, {Opcode::AddMod, Word(), Word(), Word(), Word()},
                    nullptr);
    C.IsAddMod = Felt();
  }
  return M;
}
