//===-- AluGeneration.cpp - The ALU tables' traces ------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per ALU request of the CPU, with the carries, borrows, inverses
// and byte decompositions the constraints of AluAir.h check.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

Matrix zkc::circuit::generateAddSubTrace(const std::vector<AluEvent> &Events) {
  Matrix M(AddSubAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const AluEvent &Ev = Events[R];
    AddSubCols<Felt> &C = viewRowMut<AddSubCols>(M.row(R));
    bool IsAdd = Ev.Op == Opcode::Add;
    C.IsAdd = Felt(IsAdd ? 1u : 0u);
    C.IsSub = Felt(IsAdd ? 0u : 1u);
    writeLimbs(Ev.X, C.X);
    writeLimbs(Ev.Y, C.Y);
    writeLimbs(Ev.Z, C.Z);
    // add: X + Y = Z + 2^256 c; sub: Z + Y = X + 2^256 c.
    const Word &Lhs = IsAdd ? Ev.X : Ev.Z;
    uint64_t Carry = 0;
    for (unsigned I = 0; I < NumLimbs; ++I) {
      uint64_t S = uint64_t(limbOf(Lhs, I)) + limbOf(Ev.Y, I) + Carry;
      Carry = S >> LimbBits;
      C.Carry[I] = Felt(Carry);
    }
  }
  return M;
}

Matrix zkc::circuit::generateLtTrace(const std::vector<AluEvent> &Events) {
  Matrix M(LtAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const AluEvent &Ev = Events[R];
    LtCols<Felt> &C = viewRowMut<LtCols>(M.row(R));
    bool Signed = Ev.Op == Opcode::SLt || Ev.Op == Opcode::SGt;
    bool Less = Ev.Op == Opcode::Lt || Ev.Op == Opcode::SLt;
    C.IsLt = Felt(Ev.Op == Opcode::Lt ? 1u : 0u);
    C.IsGt = Felt(Ev.Op == Opcode::Gt ? 1u : 0u);
    C.IsSLt = Felt(Ev.Op == Opcode::SLt ? 1u : 0u);
    C.IsSGt = Felt(Ev.Op == Opcode::SGt ? 1u : 0u);
    writeLimbs(Ev.X, C.X);
    writeLimbs(Ev.Y, C.Y);
    C.SignX = Felt(Ev.X.isNegative() ? 1u : 0u);
    C.SignY = Felt(Ev.Y.isNegative() ? 1u : 0u);
    // The signed order is the unsigned order of the words with their sign
    // bits flipped.
    Word Flip = Signed ? Word::signBit() : Word();
    Word X = Ev.X ^ Flip, Y = Ev.Y ^ Flip;
    const Word &U = Less ? X : Y, &V = Less ? Y : X;
    int64_t Borrow = 0;
    for (unsigned I = 0; I < NumLimbs; ++I) {
      int64_t D = int64_t(limbOf(U, I)) - limbOf(V, I) - Borrow;
      Borrow = D < 0;
      C.Diff[I] = Felt(uint64_t(D + (Borrow ? int64_t(LimbBase) : 0)));
      C.Borrow[I] = Felt(uint64_t(Borrow));
    }
  }
  return M;
}

Matrix zkc::circuit::generateEqTrace(const std::vector<AluEvent> &Events) {
  Matrix M(EqAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < M.Height; ++R) {
    EqCols<Felt> &C = viewRowMut<EqCols>(M.row(R));
    // Padding rows compare 0 with 0: equal.
    C.Out = Felt(1u);
    if (R >= Events.size())
      continue;
    const AluEvent &Ev = Events[R];
    bool IsEq = Ev.Op == Opcode::Eq;
    C.IsEq = Felt(IsEq ? 1u : 0u);
    C.IsIsZero = Felt(IsEq ? 0u : 1u);
    writeLimbs(Ev.X, C.X);
    writeLimbs(Ev.Y, C.Y);
    Felt Sum;
    for (unsigned I = 0; I < NumLimbs; ++I) {
      Felt D = C.X[I] - C.Y[I];
      Sum += D * D;
    }
    C.Sum = Sum;
    C.Inv = Sum.inverse();
    C.Out = Felt(Sum.isZero() ? 1u : 0u);
  }
  return M;
}

Matrix zkc::circuit::generateBitwiseTrace(const std::vector<AluEvent> &Events) {
  Matrix M(BitwiseAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const AluEvent &Ev = Events[R];
    BitwiseCols<Felt> &C = viewRowMut<BitwiseCols>(M.row(R));
    C.IsAnd = Felt(Ev.Op == Opcode::And ? 1u : 0u);
    C.IsOr = Felt(Ev.Op == Opcode::Or ? 1u : 0u);
    C.IsXor = Felt(Ev.Op == Opcode::Xor ? 1u : 0u);
    C.IsNot = Felt(Ev.Op == Opcode::Not ? 1u : 0u);
    writeLimbs(Ev.X, C.X);
    writeLimbs(Ev.Y, C.Y);
    writeLimbs(Ev.Z, C.Z);
    for (unsigned I = 0; I < NumLimbs; ++I) {
      uint16_t X = limbOf(Ev.X, I), Y = limbOf(Ev.Y, I), Z = limbOf(Ev.Z, I);
      C.XB[2 * I] = Felt(X & 0xffu);
      C.XB[2 * I + 1] = Felt(X >> 8);
      C.YB[2 * I] = Felt(Y & 0xffu);
      C.YB[2 * I + 1] = Felt(Y >> 8);
      C.ZB[2 * I] = Felt(Z & 0xffu);
      C.ZB[2 * I + 1] = Felt(Z >> 8);
    }
  }
  return M;
}

Matrix zkc::circuit::generateMulTrace(const std::vector<AluEvent> &Events) {
  Matrix M(MulAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const AluEvent &Ev = Events[R];
    MulCols<Felt> &C = viewRowMut<MulCols>(M.row(R));
    C.IsMul = Felt(1u);
    writeLimbs(Ev.X, C.X);
    writeLimbs(Ev.Y, C.Y);
    writeLimbs(Ev.Z, C.Z);
    // Column sums stay below 2^37: 16 products below 2^32 and a carry.
    uint64_t Carry = 0;
    for (unsigned K = 0; K < NumLimbs; ++K) {
      uint64_t Column = Carry;
      for (unsigned I = 0; I <= K; ++I)
        Column += uint64_t(limbOf(Ev.X, I)) * limbOf(Ev.Y, K - I);
      Carry = Column >> LimbBits;
      C.CarryLo[K] = Felt(Carry & 0xffff);
      C.CarryHi[K] = Felt(Carry >> 16);
    }
  }
  return M;
}
