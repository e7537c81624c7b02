//===-- zkc/Circuit/ByteOpAir.h - byte and signextend -----------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The byteop table answers byte, bytei, signextend and signextendi, one row
// each, over the 32 bytes of the value (range checked through the byte
// table) and a one-hot selector of the byte the index names:
//
//   byte i of V     the byte at position 31 - i (counted from the least
//                   significant), 0 when i >= 32
//   signextend(b, V) bytes 0..b of V, and above them 0xff times the top bit
//                   of byte b; V itself when b >= 31
//
// The index is split as Idx_0 = Low + 32 H11 with Low < 32 and H11 < 2^11;
// it is small (below 32) exactly when H11 + Σ_{i>0} Idx_i is zero, and only
// then is a byte selected: the one at position Low (signextend) or 31 - Low
// (byte).
//
// byte and signextend take the index first; bytei and signextendi take it
// second (the immediate), so they ask the ALU bus for their own opcodes.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_BYTEOPAIR_H
#define ZKC_CIRCUIT_BYTEOPAIR_H

#include "zkc/Circuit/AluAir.h"

namespace zkc::circuit {

inline constexpr unsigned NumWordBytes = 2 * NumLimbs;

template <class T> struct ByteOpCols {
  T IsByte, IsByteI, IsSext, IsSextI;
  /// The index and the value, whatever order the operation takes them in.
  T Idx[NumLimbs], Val[NumLimbs];
  /// The bytes of Val, least significant first.
  T VB[NumWordBytes];
  /// One-hot on the selected byte position when Small, all zero otherwise.
  T Sel[NumWordBytes];
  /// Idx_0 = Low + 32 H11; Small = 1 - (H11 + Σ_{i>0} Idx_i) Inv.
  T Low, H11, Inv, Small;
  /// The selected byte and its top bit.
  T SelByte, Sign;
  T Z[NumLimbs];
};

class ByteOpAir {
public:
  static constexpr const char *Name = "byteop";
  static constexpr size_t Width = NumCols<ByteOpCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const ByteOpCols<E> &L = viewRow<ByteOpCols>(Bld.local());
    Bld.assertBool("byteop.flags_bool", L.IsByte);
    Bld.assertBool("byteop.flags_bool", L.IsByteI);
    Bld.assertBool("byteop.flags_bool", L.IsSext);
    Bld.assertBool("byteop.flags_bool", L.IsSextI);
    Bld.assertBool("byteop.sign_bool", L.Sign);
    E ByteOps = L.IsByte + L.IsByteI, SextOps = L.IsSext + L.IsSextI;
    E IsReal = ByteOps + SextOps;
    E AndOp = opConst<E>(Opcode::And);

    // The bytes of the value; x AND x = x is in the byte table only for a
    // byte x, so one lookup range checks each.
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.assertEq("byteop.val_bytes", L.Val[I],
                   L.VB[2 * I] + E(256) * L.VB[2 * I + 1]);
    for (unsigned J = 0; J < NumWordBytes; ++J)
      Bld.send(Bus::Byte, IsReal, AndOp, L.VB[J], L.VB[J], L.VB[J]);

    // The index.
    E SelSum(0), SelIndex(0), Picked(0);
    for (unsigned J = 0; J < NumWordBytes; ++J) {
      Bld.assertBool("byteop.sel_bool", L.Sel[J]);
      SelSum = SelSum + L.Sel[J];
      SelIndex = SelIndex + L.Sel[J] * (ByteOps * E(NumWordBytes - 1 - J) +
                                        SextOps * E(J));
      Picked = Picked + L.Sel[J] * L.VB[J];
    }
    Bld.assertEq("byteop.sel_sum", SelSum, L.Small);
    Bld.assertEq("byteop.sel_index", SelIndex, L.Low * L.Small);
    // Low < 32 and H11 < 2^11: each and its multiple by 2^11 or 32 in range.
    Bld.assertEq("byteop.index_split", L.Idx[0], L.Low + E(32) * L.H11);
    Bld.send(Bus::Range16, IsReal, L.Low);
    Bld.send(Bus::Range16, IsReal, E(1u << 11) * L.Low);
    Bld.send(Bus::Range16, IsReal, L.H11);
    Bld.send(Bus::Range16, IsReal, E(32) * L.H11);
    E High = L.H11;
    for (unsigned I = 1; I < NumLimbs; ++I)
      High = High + L.Idx[I];
    Bld.assertEq("byteop.small", L.Small, E(1) - High * L.Inv);
    Bld.assertZero("byteop.small_exact", L.Small * High);
    Bld.assertEq("byteop.selected", L.SelByte, Picked);

    // byte: the selected byte.
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.when(ByteOps).assertEq("byteop.byte_result", L.Z[I],
                                 I == 0 ? L.SelByte : E(0));

    // signextend: SelByte - 128 Sign in [0, 128) makes Sign its top bit.
    E Half = E(2) * (L.SelByte - E(128) * L.Sign);
    Bld.send(Bus::Byte, SextOps, AndOp, Half, Half, Half);
    // Byte j is kept when it is at or below the selected one, or when
    // nothing is selected (b >= 32).
    E Keep = E(1) - L.Small;
    E ZB[NumWordBytes];
    for (unsigned J = NumWordBytes; J-- > 0;) {
      Keep = Keep + L.Sel[J];
      ZB[J] = Keep * L.VB[J] + (E(1) - Keep) * E(255) * L.Sign;
    }
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.when(SextOps).assertEq("byteop.sext_result", L.Z[I],
                                 ZB[2 * I] + E(256) * ZB[2 * I + 1]);

    E Normal = L.IsByte + L.IsSext, Swapped = L.IsByteI + L.IsSextI;
    Tuple<E> T;
    T.push(L.IsByte * opConst<E>(Opcode::Byte) +
           L.IsByteI * opConst<E>(Opcode::ByteI) +
           L.IsSext * opConst<E>(Opcode::SignExtend) +
           L.IsSextI * opConst<E>(Opcode::SignExtendI));
    for (unsigned I = 0; I < NumLimbs; ++I)
      T.push(Normal * L.Idx[I] + Swapped * L.Val[I]);
    for (unsigned I = 0; I < NumLimbs; ++I)
      T.push(Normal * L.Val[I] + Swapped * L.Idx[I]);
    T.push(L.Z);
    Bld.interact(Bus::Alu, IsReal, T, /*IsSend=*/false);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_BYTEOPAIR_H
