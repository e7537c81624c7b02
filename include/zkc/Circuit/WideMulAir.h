//===-- zkc/Circuit/WideMulAir.h - 512-bit multiply-add ---------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The wide-mul table answers the wide-mul bus: a tuple (A, B, C, Hi, Lo) of
// five words asserts A * B + C = Hi * 2^256 + Lo over the integers. Division,
// shifts and the other tables that need a full product (or a product that
// must not overflow: Hi = 0) ask it rather than carrying 32 columns of
// partial products each.
//
// The table range checks all five words itself, so that a sender may put
// witness words (a quotient, a remainder) in the request without checking
// them first.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_WIDEMULAIR_H
#define ZKC_CIRCUIT_WIDEMULAIR_H

#include "zkc/Circuit/Air.h"

namespace zkc::circuit {

/// The columns of the 512-bit product: 2 * 16 limbs.
inline constexpr unsigned NumWideColumns = 2 * NumLimbs;

template <class T> struct WideMulCols {
  T IsReal;
  T A[NumLimbs], B[NumLimbs], C[NumLimbs];
  T Hi[NumLimbs], Lo[NumLimbs];
  /// Carry out of each column of partial products but the last (which has
  /// none: A * B + C < 2^512): CarryLo + 2^16 CarryHi.
  T CarryLo[NumWideColumns - 1], CarryHi[NumWideColumns - 1];
};

/// Column k: Σ_{i+j=k} A_i B_j + C_k + carry_{k-1} = Out_k + 2^16 carry_k,
/// with Out the limbs of Lo then Hi. Every term is an integer below 2^49 < p
/// (at most 16 products below 2^32, carries below 2^32 since every column
/// sum is below 2^37), so each equation holds over the integers, and with
/// no carry out of the top column the whole relation does.
class WideMulAir {
public:
  static constexpr const char *Name = "wide-mul";
  static constexpr size_t Width = NumCols<WideMulCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const WideMulCols<E> &L = viewRow<WideMulCols>(Bld.local());
    // Multiplicity of the bus: a fraction would answer requests in parts.
    Bld.assertBool("wide-mul.is_real_bool", L.IsReal);
    for (unsigned K = 0; K < NumWideColumns; ++K) {
      E Column(0);
      for (unsigned I = K < NumLimbs ? 0 : K - NumLimbs + 1;
           I <= K && I < NumLimbs; ++I)
        Column = Column + L.A[I] * L.B[K - I];
      if (K < NumLimbs)
        Column = Column + L.C[K];
      if (K > 0)
        Column = Column + L.CarryLo[K - 1] + E(LimbBase) * L.CarryHi[K - 1];
      E Out = K < NumLimbs ? L.Lo[K] : L.Hi[K - NumLimbs];
      if (K + 1 < NumWideColumns)
        Out = Out + E(LimbBase) * (L.CarryLo[K] + E(LimbBase) * L.CarryHi[K]);
      Bld.assertEq("wide-mul.column", Column, Out);
    }
    for (unsigned I = 0; I < NumLimbs; ++I)
      for (const E *W : {L.A, L.B, L.C, L.Hi, L.Lo})
        Bld.send(Bus::Range16, L.IsReal, W[I]);
    for (unsigned K = 0; K + 1 < NumWideColumns; ++K) {
      Bld.send(Bus::Range16, L.IsReal, L.CarryLo[K]);
      Bld.send(Bus::Range16, L.IsReal, L.CarryHi[K]);
    }
    Bld.receive(Bus::WideMul, L.IsReal, L.A, L.B, L.C, L.Hi, L.Lo);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_WIDEMULAIR_H
