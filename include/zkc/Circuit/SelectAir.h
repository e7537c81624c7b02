//===-- zkc/Circuit/SelectAir.h - select ------------------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The select table answers `select A, B, C, R[n]` (A = B != 0 ? C : R[n]) on
// the alu3 bus, one row each: the condition is zero exactly when the sum of
// its limbs (below 2^20) is, which an inverse witnesses.
//
// Every row is a correct answer whatever its multiplicity IsReal, and the
// row sends nothing else, so IsReal needs no constraint: any multiset of
// correct answers balances only correct requests.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_SELECTAIR_H
#define ZKC_CIRCUIT_SELECTAIR_H

#include "zkc/Circuit/AluAir.h"

namespace zkc::circuit {

template <class T> struct SelectCols {
  T IsReal;
  T Cond[NumLimbs], Then[NumLimbs], Else[NumLimbs];
  /// CondZero = 1 - (Σ Cond_i) Inv.
  T Inv, CondZero;
};

class SelectAir {
public:
  static constexpr const char *Name = "select";
  static constexpr size_t Width = NumCols<SelectCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const SelectCols<E> &L = viewRow<SelectCols>(Bld.local());
    E Sum(0);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Sum = Sum + L.Cond[I];
    Bld.assertEq("select.cond_zero", L.CondZero, E(1) - Sum * L.Inv);
    Bld.assertZero("select.cond_nonzero", L.CondZero * Sum);
    Tuple<E> T;
    T.push(opConst<E>(Opcode::Select));
    T.push(L.Cond);
    T.push(L.Then);
    T.push(L.Else);
    for (unsigned I = 0; I < NumLimbs; ++I)
      T.push(L.Then[I] + L.CondZero * (L.Else[I] - L.Then[I]));
    Bld.interact(Bus::Alu3, L.IsReal, T, /*IsSend=*/false);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_SELECTAIR_H
