//===-- ByteOpGeneration.cpp - The byteop table's trace -------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per byte, bytei, signextend or signextendi: the bytes of the
// value, the position the index selects and the selected byte's sign.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

static void fillByteOpRow(ByteOpCols<Felt> &C, const AluEvent &Ev) {
  bool Swapped = Ev.Op == Opcode::ByteI || Ev.Op == Opcode::SignExtendI;
  bool IsByte = Ev.Op == Opcode::Byte || Ev.Op == Opcode::ByteI;
  C.IsByte = Felt(Ev.Op == Opcode::Byte ? 1u : 0u);
  C.IsByteI = Felt(Ev.Op == Opcode::ByteI ? 1u : 0u);
  C.IsSext = Felt(Ev.Op == Opcode::SignExtend ? 1u : 0u);
  C.IsSextI = Felt(Ev.Op == Opcode::SignExtendI ? 1u : 0u);
  const Word &Idx = Swapped ? Ev.Y : Ev.X, &Val = Swapped ? Ev.X : Ev.Y;
  writeLimbs(Idx, C.Idx);
  writeLimbs(Val, C.Val);
  writeLimbs(Ev.Z, C.Z);
  for (unsigned J = 0; J < NumWordBytes; ++J)
    C.VB[J] = Felt((Val.L[J / 8] >> (8 * (J % 8))) & 0xff);
  uint16_t I0 = limbOf(Idx, 0);
  C.Low = Felt(I0 & 31u);
  C.H11 = Felt(I0 >> 5);
  Felt High = C.H11;
  for (unsigned I = 1; I < NumLimbs; ++I)
    High += C.Idx[I];
  C.Inv = High.inverse();
  bool Small = High.isZero();
  C.Small = Felt(Small ? 1u : 0u);
  if (!Small)
    return;
  unsigned Low = I0 & 31;
  unsigned Pos = IsByte ? NumWordBytes - 1 - Low : Low;
  C.Sel[Pos] = Felt(1u);
  C.SelByte = C.VB[Pos];
  C.Sign = Felt(C.VB[Pos].value() >> 7);
}

Matrix zkc::circuit::generateByteOpTrace(const std::vector<AluEvent> &Events) {
  Matrix M(ByteOpAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < M.Height; ++R) {
    ByteOpCols<Felt> &C = viewRowMut<ByteOpCols>(M.row(R));
    if (R < Events.size()) {
      fillByteOpRow(C, Events[R]);
      continue;
    }
    // Padding: byte 0 of 0, with no operation flag.
    fillByteOpRow(C, {Opcode::Byte, Word(), Word(), Word()});
    C.IsByte = Felt();
  }
  return M;
}
