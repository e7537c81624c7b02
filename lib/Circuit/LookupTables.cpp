//===-- LookupTables.cpp - Preprocessed traces of the lookup tables -------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The fixed columns of the program, range and byte tables. They are what the
// verifier knows (the program is public), so the checker takes them from
// the AIR and never from the prover's trace.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

Matrix ProgramAir::preprocessedTrace() const {
  Matrix M(PreprocessedWidth, paddedHeight(Code.size()));
  for (size_t R = 0; R < M.Height; ++R) {
    ProgramPreCols<Felt> &P = viewRowMut<ProgramPreCols>(M.row(R));
    P.Pc = Felt(R);
    // Rows past the code hold `invalid` (all zero), which no CPU row can
    // execute.
    if (R >= Code.size())
      continue;
    const Instruction &I = Code[R];
    P.Opcode = Felt(static_cast<uint8_t>(I.Op));
    P.A = Felt(I.A);
    P.B = Felt(I.B);
    P.C = Felt(I.C);
    P.Imm = Felt(I.Imm);
    if (I.Op == Opcode::Ldc && I.Imm < Pool.size())
      writeLimbs(Pool[I.Imm], P.Const);
  }
  return M;
}

Matrix RangeAir::preprocessedTrace() const {
  Matrix M(PreprocessedWidth, Height);
  for (size_t R = 0; R < Height; ++R)
    M.at(R, 0) = Felt(R);
  return M;
}

Matrix ByteAir::preprocessedTrace() const {
  Matrix M(PreprocessedWidth, Height);
  for (unsigned X = 0; X < 256; ++X)
    for (unsigned Y = 0; Y < 256; ++Y) {
      BytePreCols<Felt> &P = viewRowMut<BytePreCols>(M.row(256 * X + Y));
      P.X = Felt(X);
      P.Y = Felt(Y);
      P.And = Felt(X & Y);
      P.Or = Felt(X | Y);
      P.Xor = Felt(X ^ Y);
    }
  return M;
}
