//===-- zkc/Circuit/ExpAir.h - Exponentiation -------------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The exp table answers exp (B^E mod 2^256) by square and multiply, one row
// per bit of E from the most significant set bit down (one row for E = 0).
// Row by row, with Acc = 1 and EPrev = 0 on the first row of an operation:
//
//   Sq   = Acc * Acc                   } asked of the mul table on the
//   Next = Sq * (Bit ? B : 1)          } alu bus
//   ENew = 2 EPrev + Bit
//
// and the next row of the same operation continues from Acc = Next and
// EPrev = ENew. The last row has ENew = E, so the bits processed are E's,
// and answers (exp, B, E, Next). Leading zero bits would leave Acc = 1, so
// the row count does not matter to soundness, only to cost.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_EXPAIR_H
#define ZKC_CIRCUIT_EXPAIR_H

#include "zkc/Circuit/AluAir.h"

namespace zkc::circuit {

template <class T> struct ExpCols {
  T IsReal;
  /// The first and last row of an operation.
  T IsFirst, IsLast;
  T Base[NumLimbs], Exp[NumLimbs];
  T Acc[NumLimbs], Sq[NumLimbs], Next[NumLimbs];
  T Bit;
  /// The bits of E processed before this row and with it, and the carries of
  /// the doubling (none out of the top limb).
  T EPrev[NumLimbs], ENew[NumLimbs], ECarry[NumLimbs - 1];
};

class ExpAir {
public:
  static constexpr const char *Name = "exp";
  static constexpr size_t Width = NumCols<ExpCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const ExpCols<E> &L = viewRow<ExpCols>(Bld.local());
    const ExpCols<E> &N = viewRow<ExpCols>(Bld.next());
    Bld.assertBool("exp.flags_bool", L.IsReal);
    Bld.assertBool("exp.flags_bool", L.IsFirst);
    Bld.assertBool("exp.flags_bool", L.IsLast);
    Bld.assertBool("exp.bit_bool", L.Bit);

    // An operation starts on the first row of the table or after the last
    // row of another, and ends where the next row does not continue it:
    // IsLast = IsReal - (IsReal' - IsFirst'), which is -1 (not a flag) for a
    // padding row followed by a continued one. A padding row followed by a
    // padding row marked first is a last row, but the chain (with factor -1)
    // and the first row's Acc = 1, EPrev = 0 make it answer exp(B, 0) = 1,
    // which is right.
    Bld.whenFirstRow().assertEq("exp.first_row_starts", L.IsFirst, L.IsReal);
    E Continues = N.IsReal - N.IsFirst;
    Bld.whenTransition().assertEq("exp.last", L.IsLast, L.IsReal - Continues);
    Bld.whenLastRow().assertEq("exp.last", L.IsLast, L.IsReal);
    for (unsigned I = 0; I < NumLimbs; ++I) {
      Bld.when(L.IsFirst).assertEq("exp.first_row", L.Acc[I],
                                   E(I == 0 ? 1 : 0));
      Bld.when(L.IsFirst).assertZero("exp.first_row", L.EPrev[I]);
      auto Chain = Bld.whenTransition().when(Continues);
      Chain.assertEq("exp.chain", N.Acc[I], L.Next[I]);
      Chain.assertEq("exp.chain", N.Base[I], L.Base[I]);
      Chain.assertEq("exp.chain", N.Exp[I], L.Exp[I]);
      Chain.assertEq("exp.chain", N.EPrev[I], L.ENew[I]);
      Bld.when(L.IsLast).assertEq("exp.exponent_complete", L.ENew[I], L.Exp[I]);
    }

    // ENew = 2 EPrev + Bit, a word (range checked, no carry out of the top).
    const unsigned Top = NumLimbs - 1;
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E CarryIn = I == 0 ? L.Bit : L.ECarry[I - 1];
      E CarryOut = I == Top ? E(0) : E(LimbBase) * L.ECarry[I];
      if (I != Top)
        Bld.assertBool("exp.carry_bool", L.ECarry[I]);
      Bld.assertEq("exp.double", L.ENew[I] + CarryOut,
                   E(2) * L.EPrev[I] + CarryIn);
      Bld.send(Bus::Range16, L.IsReal, L.ENew[I]);
    }

    // The products.
    Bld.send(Bus::Alu, L.IsReal, opConst<E>(Opcode::Mul), L.Acc, L.Acc, L.Sq);
    Tuple<E> T;
    T.push(opConst<E>(Opcode::Mul));
    T.push(L.Sq);
    for (unsigned I = 0; I < NumLimbs; ++I)
      T.push(L.Bit * L.Base[I] + (I == 0 ? E(1) - L.Bit : E(0)));
    T.push(L.Next);
    Bld.interact(Bus::Alu, L.IsReal, T, /*IsSend=*/true);

    Bld.receive(Bus::Alu, L.IsLast, opConst<E>(Opcode::Exp), L.Base, L.Exp,
                L.Next);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_EXPAIR_H
