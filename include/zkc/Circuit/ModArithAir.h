//===-- zkc/Circuit/ModArithAir.h - addmod and mulmod -----------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The modarith table answers addmod and mulmod on the alu3 bus, one row
// each. The full sum or product P = PHi 2^256 + PLo (257 or 512 bits) and
// its division by N, with a quotient of up to 512 bits Q = QHi 2^256 + QLo,
// are three requests to the wide-mul table:
//
//   X * Y + 0  = PHi 2^256 + PLo   (mulmod)    X * 1 + Y (addmod)
//   QLo * N + R = T 2^256 + PLo
//   QHi * N + T = PHi              (no high half)
//
// which together say Q N + R = P over the integers; with R < N the result R
// is P mod N. N = 0 gives 0, and then the division is not asked for.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_MODARITHAIR_H
#define ZKC_CIRCUIT_MODARITHAIR_H

#include "zkc/Circuit/AluAir.h"

namespace zkc::circuit {

template <class T> struct ModArithCols {
  T IsAddMod, IsMulMod;
  T X[NumLimbs], Y[NumLimbs], N[NumLimbs];
  T PHi[NumLimbs], PLo[NumLimbs];
  /// Q = QHi 2^256 + QLo, and Mid, the carry from the low half of Q N + R.
  T QHi[NumLimbs], QLo[NumLimbs], Mid[NumLimbs];
  T R[NumLimbs];
  /// NZero = 1 - (Σ N_i) NInv: 1 exactly when N = 0.
  T NInv, NZero;
  /// N - R - 1 = Gap when N != 0, with its borrows (none out of the top).
  T Gap[NumLimbs], Borrow[NumLimbs - 1];
};

class ModArithAir {
public:
  static constexpr const char *Name = "modarith";
  static constexpr size_t Width = NumCols<ModArithCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const ModArithCols<E> &L = viewRow<ModArithCols>(Bld.local());
    Bld.assertBool("modarith.flags_bool", L.IsAddMod);
    Bld.assertBool("modarith.flags_bool", L.IsMulMod);
    E IsReal = L.IsAddMod + L.IsMulMod;
    E NSum(0);
    for (unsigned I = 0; I < NumLimbs; ++I)
      NSum = NSum + L.N[I];
    Bld.assertEq("modarith.modulus_zero", L.NZero, E(1) - NSum * L.NInv);
    Bld.assertZero("modarith.modulus_nonzero", L.NZero * NSum);

    // P: X * Y, or X * 1 + Y.
    Tuple<E> P;
    P.push(L.X);
    for (unsigned I = 0; I < NumLimbs; ++I)
      P.push(L.IsMulMod * L.Y[I] + (I == 0 ? L.IsAddMod : E(0)));
    for (unsigned I = 0; I < NumLimbs; ++I)
      P.push(L.IsAddMod * L.Y[I]);
    P.push(L.PHi);
    P.push(L.PLo);
    Bld.interact(Bus::WideMul, IsReal, P, /*IsSend=*/true);
    // Q N + R = P, unless N = 0.
    E Divides = IsReal - IsReal * L.NZero;
    Bld.send(Bus::WideMul, Divides, L.QLo, L.N, L.R, L.Mid, L.PLo);
    Tuple<E> High;
    High.push(L.QHi);
    High.push(L.N);
    High.push(L.Mid);
    for (unsigned I = 0; I < NumLimbs; ++I)
      High.push(E(0));
    High.push(L.PHi);
    Bld.interact(Bus::WideMul, Divides, High, /*IsSend=*/true);

    // R < N unless N = 0.
    const unsigned Top = NumLimbs - 1;
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E BorrowIn = I == 0 ? E(1) : L.Borrow[I - 1];
      E BorrowOut = I == Top ? E(0) : E(LimbBase) * L.Borrow[I];
      if (I != Top)
        Bld.assertBool("modarith.borrow_bool", L.Borrow[I]);
      Bld.when(E(1) - L.NZero)
          .assertEq("modarith.remainder_below",
                    L.N[I] - L.R[I] - BorrowIn + BorrowOut, L.Gap[I]);
      Bld.send(Bus::Range16, IsReal, L.Gap[I]);
    }

    Tuple<E> T;
    T.push(L.IsAddMod * opConst<E>(Opcode::AddMod) +
           L.IsMulMod * opConst<E>(Opcode::MulMod));
    T.push(L.X);
    T.push(L.Y);
    T.push(L.N);
    for (unsigned I = 0; I < NumLimbs; ++I)
      T.push(L.R[I] - L.NZero * L.R[I]);
    Bld.interact(Bus::Alu3, IsReal, T, /*IsSend=*/false);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_MODARITHAIR_H
