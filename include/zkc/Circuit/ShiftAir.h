//===-- zkc/Circuit/ShiftAir.h - Shifts and clz -----------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The shift table answers shl, shr, sar and clz, one row each, through
// multiplication by a power of two P = 2^s asked of the wide-mul table:
//
//   shl  X P = Hi 2^256 + Z                    (Hi dropped)
//   shr  Z P + Rem = X,        Rem < P         (no high half)
//   sar  ~Z P + Rem = ~X when X < 0, as shr otherwise
//   clz  X P = L with bit 255 of L set and no high half; the result is s
//
// For an amount s below 256, s = J + 16 K with J = b0 + 2 b1 + 4 b2 + 8 b3,
// P has the single limb K, 2^J = (1 + b0)(1 + 3 b1)(1 + 15 b2)(1 + 255 b3),
// chosen by a one-hot LimbSel. Amounts of 256 and more (Small = 0) have
// P = 0: shl gives 0 by the relation itself, shr and sar have their
// multiplicand forced to 0 (so sar gives -1 for a negative X), and clz
// answers 256 exactly for X = 0.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_SHIFTAIR_H
#define ZKC_CIRCUIT_SHIFTAIR_H

#include "zkc/Circuit/AluAir.h"

namespace zkc::circuit {

template <class T> struct ShiftCols {
  T IsShl, IsShr, IsSar, IsClz;
  /// The value shifted (or counted), the amount (for clz, the result) and
  /// the result of a shift.
  T X[NumLimbs], S[NumLimbs], Z[NumLimbs];
  /// Bit 255 of X, used by sar.
  T SignX;
  /// S_0 = J + 16 K + 256 H8, with J's bits, K and H8 range checked.
  T JBit[4], K, H8;
  /// (1 + b0)(1 + 3 b1), (1 + 15 b2)(1 + 255 b3), and their product 2^J.
  T PowLo, PowHi, PowJ;
  /// Small = 1 - (H8 + Σ_{i>0} S_i) Inv: 1 exactly when s < 256.
  T Inv, Small;
  /// One-hot on limb K when Small, all zero otherwise.
  T LimbSel[NumLimbs];
  /// The request to the wide-mul table: MulA * Pow + Rem = MulHi 2^256 +
  /// MulLo.
  T Pow[NumLimbs], MulA[NumLimbs], Rem[NumLimbs];
  T MulHi[NumLimbs], MulLo[NumLimbs];
  /// Pow - Rem - 1 = Gap when Small (Rem < Pow), with its borrows.
  T Gap[NumLimbs], Borrow[NumLimbs - 1];
};

class ShiftAir {
public:
  static constexpr const char *Name = "shift";
  static constexpr size_t Width = NumCols<ShiftCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const ShiftCols<E> &L = viewRow<ShiftCols>(Bld.local());
    Bld.assertBool("shift.flags_bool", L.IsShl);
    Bld.assertBool("shift.flags_bool", L.IsShr);
    Bld.assertBool("shift.flags_bool", L.IsSar);
    Bld.assertBool("shift.flags_bool", L.IsClz);
    Bld.assertBool("shift.sign_bool", L.SignX);
    E IsReal = L.IsShl + L.IsShr + L.IsSar + L.IsClz;
    E Right = L.IsShr + L.IsSar;
    const unsigned Top = NumLimbs - 1;
    Bld.send(Bus::Range16, L.IsSar, E(2) * (L.X[Top] - E(1u << 15) * L.SignX));

    // The amount: S_0 = J + 16 K + 256 H8 with J < 16 (bits), K < 16 and
    // H8 < 256 (each and its multiple by 2^12 or 2^8 in range).
    E J(0);
    for (unsigned I = 0; I < 4; ++I) {
      Bld.assertBool("shift.bit_bool", L.JBit[I]);
      J = J + E(1u << I) * L.JBit[I];
    }
    Bld.assertEq("shift.amount_split", L.S[0], J + E(16) * L.K + E(256) * L.H8);
    Bld.send(Bus::Range16, IsReal, L.K);
    Bld.send(Bus::Range16, IsReal, E(1u << 12) * L.K);
    Bld.send(Bus::Range16, IsReal, L.H8);
    Bld.send(Bus::Range16, IsReal, E(1u << 8) * L.H8);
    // The clz result is one limb.
    for (unsigned I = 1; I < NumLimbs; ++I)
      Bld.when(L.IsClz).assertZero("shift.clz_one_limb", L.S[I]);
    E High = L.H8;
    for (unsigned I = 1; I < NumLimbs; ++I)
      High = High + L.S[I];
    Bld.assertEq("shift.small", L.Small, E(1) - High * L.Inv);
    Bld.assertZero("shift.small_exact", L.Small * High);

    // P = 2^J in limb K when Small, 0 otherwise.
    Bld.assertEq("shift.pow_lo", L.PowLo,
                 (E(1) + L.JBit[0]) * (E(1) + E(3) * L.JBit[1]));
    Bld.assertEq("shift.pow_hi", L.PowHi,
                 (E(1) + E(15) * L.JBit[2]) * (E(1) + E(255) * L.JBit[3]));
    Bld.assertEq("shift.pow_j", L.PowJ, L.PowLo * L.PowHi);
    E SelSum(0), SelIndex(0);
    for (unsigned I = 0; I < NumLimbs; ++I) {
      Bld.assertBool("shift.limb_sel_bool", L.LimbSel[I]);
      SelSum = SelSum + L.LimbSel[I];
      SelIndex = SelIndex + E(I) * L.LimbSel[I];
      Bld.assertEq("shift.pow_limb", L.Pow[I], L.LimbSel[I] * L.PowJ);
    }
    Bld.assertEq("shift.limb_sel_sum", SelSum, L.Small);
    Bld.assertEq("shift.limb_sel_index", SelIndex, L.K * L.Small);

    for (unsigned I = 0; I < NumLimbs; ++I) {
      // shl and clz multiply X itself, with nothing added.
      Bld.when(L.IsShl + L.IsClz)
          .assertEq("shift.left_operands", L.MulA[I], L.X[I]);
      Bld.when(L.IsShl + L.IsClz).assertZero("shift.left_operands", L.Rem[I]);
      Bld.when(L.IsShl).assertEq("shift.left_result", L.MulLo[I], L.Z[I]);
      // shr and sar divide X (complemented for a negative sar) by P.
      E FlipX = L.X[I] + L.SignX * (E(0xffff) - E(2) * L.X[I]);
      E FlipZ = L.Z[I] + L.SignX * (E(0xffff) - E(2) * L.Z[I]);
      Bld.when(L.IsShr).assertEq("shift.right_dividend", L.MulLo[I], L.X[I]);
      Bld.when(L.IsSar).assertEq("shift.right_dividend", L.MulLo[I], FlipX);
      Bld.when(L.IsShr).assertEq("shift.right_quotient", L.MulA[I], L.Z[I]);
      Bld.when(L.IsSar).assertEq("shift.right_quotient", L.MulA[I], FlipZ);
      Bld.when(E(1) - L.Small)
          .when(Right)
          .assertZero("shift.right_out_of_range", L.MulA[I]);
      // Only shl may overflow.
      Bld.when(Right + L.IsClz).assertZero("shift.no_overflow", L.MulHi[I]);
      // clz(0) = 256.
      Bld.when(L.IsClz * (E(1) - L.Small))
          .assertZero("shift.clz_of_zero", L.X[I]);
    }
    Bld.when(L.IsClz * (E(1) - L.Small))
        .assertEq("shift.clz_of_zero", L.S[0], E(256));
    // clz: X 2^s has its top bit set.
    Bld.send(Bus::Range16, L.IsClz * L.Small,
             E(2) * (L.MulLo[Top] - E(1u << 15)));

    // Rem < P when Small: P - Rem - 1 is a word.
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E BorrowIn = I == 0 ? E(1) : L.Borrow[I - 1];
      E BorrowOut = I == Top ? E(0) : E(LimbBase) * L.Borrow[I];
      if (I != Top)
        Bld.assertBool("shift.borrow_bool", L.Borrow[I]);
      Bld.when(L.Small).assertEq("shift.remainder_below",
                                 L.Pow[I] - L.Rem[I] - BorrowIn + BorrowOut,
                                 L.Gap[I]);
      Bld.send(Bus::Range16, IsReal, L.Gap[I]);
    }

    Bld.send(Bus::WideMul, IsReal, L.MulA, L.Pow, L.Rem, L.MulHi, L.MulLo);

    Tuple<E> T;
    T.push(
        L.IsShl * opConst<E>(Opcode::Shl) + L.IsShr * opConst<E>(Opcode::Shr) +
        L.IsSar * opConst<E>(Opcode::Sar) + L.IsClz * opConst<E>(Opcode::Clz));
    T.push(L.X);
    for (unsigned I = 0; I < NumLimbs; ++I)
      T.push(L.S[I] - L.IsClz * L.S[I]);
    for (unsigned I = 0; I < NumLimbs; ++I)
      T.push(L.IsClz * L.S[I] + (L.IsShl + Right) * L.Z[I]);
    Bld.interact(Bus::Alu, IsReal, T, /*IsSend=*/false);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_SHIFTAIR_H
