//===-- zkc/Circuit/DivModAir.h - Division and remainder --------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The divmod table answers div, mod, sdiv and smod, one row each. Signed
// operands are first replaced by their absolute values, then
//
//   |X| = Q |Y| + R,  R < |Y|        (when Y != 0)
//
// is asked of the wide-mul table with a zero high half, so that it holds
// over the integers; the result is Q or R, negated modulo 2^256 when the
// quotient's (or, for smod, the dividend's) sign asks for it, and 0 when
// Y = 0. Negation modulo 2^256 is what two's complement needs, including
// -2^255 / -1 = -2^255: |-2^255| = 2^255, the quotient 2^255 is not negated,
// and 2^255 is -2^255.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_DIVMODAIR_H
#define ZKC_CIRCUIT_DIVMODAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/Circuit/AluAir.h"

namespace zkc::circuit {

template <class T> struct DivModCols {
  T IsDiv, IsSDiv, IsMod, IsSMod;
  T X[NumLimbs], Y[NumLimbs];
  /// Bit 255 of X and of Y (for every operation; only the signed ones use
  /// them).
  T SignX, SignY;
  /// |X| and |Y| for the signed operations, X and Y otherwise, with the
  /// carries of the negations.
  T XAbs[NumLimbs], XCarry[NumLimbs];
  T YAbs[NumLimbs], YCarry[NumLimbs];
  /// Quotient and remainder of |X| by |Y|.
  T Q[NumLimbs], R[NumLimbs];
  /// YZero = 1 - (Σ Y_i) YInv: 1 exactly when Y = 0.
  T YInv, YZero;
  /// |Y| - R - 1 = Gap, with the borrows of the subtraction (none out of the
  /// top limb).
  T Gap[NumLimbs], Borrow[NumLimbs - 1];
  /// Q or R, the sign the result takes, and the result before Y = 0 zeroes
  /// it, with the carries of its negation.
  T Res[NumLimbs], SignRes;
  T Z[NumLimbs], ZCarry[NumLimbs];
};

class DivModAir {
public:
  static constexpr const char *Name = "divmod";
  static constexpr size_t Width = NumCols<DivModCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  /// Out = V when Neg is 0 and Out = -V mod 2^256 when it is 1: with the
  /// carries boolean and both words in range, the limb equations
  /// Out_i + V_i + c_{i-1} = 2^16 c_i sum to Out + V = 2^256 c_15.
  template <class Bld, class E>
  static void negateIf(Bld &B, const E &Neg, const E *V, const E *Out,
                       const E *Carry) {
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E CarryIn = I == 0 ? E(0) : Carry[I - 1];
      B.assertBool("divmod.carry_bool", Carry[I]);
      B.assertZero("divmod.negate_limb",
                   Out[I] - V[I] +
                       Neg * (E(2) * V[I] + CarryIn - E(LimbBase) * Carry[I]));
    }
  }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const DivModCols<E> &L = viewRow<DivModCols>(Bld.local());
    Bld.assertBool("divmod.flags_bool", L.IsDiv);
    Bld.assertBool("divmod.flags_bool", L.IsSDiv);
    Bld.assertBool("divmod.flags_bool", L.IsMod);
    Bld.assertBool("divmod.flags_bool", L.IsSMod);
    Bld.assertBool("divmod.sign_bool", L.SignX);
    Bld.assertBool("divmod.sign_bool", L.SignY);
    E IsReal = L.IsDiv + L.IsSDiv + L.IsMod + L.IsSMod;
    E Signed = L.IsSDiv + L.IsSMod;
    const unsigned Top = NumLimbs - 1;
    // Top - 2^15 Sign in [0, 2^15) makes Sign bit 15 of the top limb.
    Bld.send(Bus::Range16, IsReal, E(2) * (L.X[Top] - E(1u << 15) * L.SignX));
    Bld.send(Bus::Range16, IsReal, E(2) * (L.Y[Top] - E(1u << 15) * L.SignY));

    negateIf(Bld, Signed * L.SignX, L.X, L.XAbs, L.XCarry);
    negateIf(Bld, Signed * L.SignY, L.Y, L.YAbs, L.YCarry);

    // Y = 0 exactly when the sum of its limbs (below 2^20) is.
    E YSum(0);
    for (unsigned I = 0; I < NumLimbs; ++I)
      YSum = YSum + L.Y[I];
    Bld.assertEq("divmod.divisor_zero", L.YZero, E(1) - YSum * L.YInv);
    Bld.assertZero("divmod.divisor_nonzero", L.YZero * YSum);

    // |X| = Q |Y| + R over the integers (the high half is zero).
    Tuple<E> Req;
    Req.push(L.Q);
    Req.push(L.YAbs);
    Req.push(L.R);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Req.push(E(0));
    Req.push(L.XAbs);
    Bld.interact(Bus::WideMul, IsReal, Req, /*IsSend=*/true);

    // R < |Y| unless Y = 0: |Y| - R - 1 is a word (no borrow out of the top).
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E BorrowIn = I == 0 ? E(1) : L.Borrow[I - 1];
      E BorrowOut = I == Top ? E(0) : E(LimbBase) * L.Borrow[I];
      if (I != Top)
        Bld.assertBool("divmod.borrow_bool", L.Borrow[I]);
      Bld.when(E(1) - L.YZero)
          .assertEq("divmod.remainder_below",
                    L.YAbs[I] - L.R[I] - BorrowIn + BorrowOut, L.Gap[I]);
      Bld.send(Bus::Range16, IsReal, L.Gap[I]);
    }

    // The result: Q for the divisions, R for the remainders, negated when
    // the signs of a signed operation ask for it.
    E Quot = L.IsDiv + L.IsSDiv, Rem = L.IsMod + L.IsSMod;
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.assertEq("divmod.result_select", L.Res[I],
                   Quot * L.Q[I] + Rem * L.R[I]);
    E QuotSign = L.SignX + L.SignY - E(2) * L.SignX * L.SignY;
    Bld.assertEq("divmod.result_sign", L.SignRes,
                 L.IsSDiv * QuotSign + L.IsSMod * L.SignX);
    negateIf(Bld, L.SignRes, L.Res, L.Z, L.ZCarry);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.send(Bus::Range16, IsReal, L.Z[I]);

    // Division by zero gives 0.
    Tuple<E> T;
    T.push(L.IsDiv * opConst<E>(Opcode::Div) +
           L.IsSDiv * opConst<E>(Opcode::SDiv) +
           L.IsMod * opConst<E>(Opcode::Mod) +
           L.IsSMod * opConst<E>(Opcode::SMod));
    T.push(L.X);
    T.push(L.Y);
    for (unsigned I = 0; I < NumLimbs; ++I)
      T.push(L.Z[I] - L.YZero * L.Z[I]);
    Bld.interact(Bus::Alu, IsReal, T, /*IsSend=*/false);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_DIVMODAIR_H
