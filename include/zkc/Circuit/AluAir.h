//===-- zkc/Circuit/AluAir.h - The 256-bit ALU tables -----------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The tables that answer the ALU bus, one row per operation, on words of 16
// limbs of 16 bits:
//
//   addsub   add and sub, by a carry chain over the limbs
//   lt       lt, gt, slt, sgt, by the borrow out of a subtraction
//   eq       eq and iszero, by the sum of squared limb differences
//   bitwise  and, or, xor through the byte table; not by 0xffff - limb
//   mul      mul (mod 2^256), by columns of partial products
//
// A row answers one operation: its operation flags are boolean, and two set
// at once would ask for the sum of two operation codes with multiplicity 2,
// which the CPU never sends (no sum of two codes of a table is an ALU code).
//
// Each relies on the inputs it receives having limbs below 2^16, which holds
// for every value on the register bus (docs/circuit.md, "Range invariant"),
// and range checks what it produces.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_ALUAIR_H
#define ZKC_CIRCUIT_ALUAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/ISA/Instruction.h"

namespace zkc::circuit {

template <class E> E opConst(Opcode Op) { return E(static_cast<uint8_t>(Op)); }

//===----------------------------------------------------------------------===//
// add, sub
//===----------------------------------------------------------------------===//

template <class T> struct AddSubCols {
  T IsAdd, IsSub;
  T X[NumLimbs], Y[NumLimbs], Z[NumLimbs];
  /// Carry out of each limb.
  T Carry[NumLimbs];
};

/// add: X + Y = Z + 2^256 c; sub: Z + Y = X + 2^256 c, so Z = X - Y.
class AddSubAir {
public:
  static constexpr const char *Name = "addsub";
  static constexpr size_t Width = NumCols<AddSubCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const AddSubCols<E> &L = viewRow<AddSubCols>(Bld.local());
    Bld.assertBool("addsub.flags_bool", L.IsAdd);
    Bld.assertBool("addsub.flags_bool", L.IsSub);
    E IsReal = L.IsAdd + L.IsSub;
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E CarryIn = I == 0 ? E(0) : L.Carry[I - 1];
      E CarryOut = E(LimbBase) * L.Carry[I];
      Bld.assertBool("addsub.carry_bool", L.Carry[I]);
      Bld.when(L.IsAdd).assertEq("addsub.add_limb", L.X[I] + L.Y[I] + CarryIn,
                                 L.Z[I] + CarryOut);
      Bld.when(L.IsSub).assertEq("addsub.sub_limb", L.Z[I] + L.Y[I] + CarryIn,
                                 L.X[I] + CarryOut);
      Bld.send(Bus::Range16, IsReal, L.Z[I]);
    }
    Bld.receive(Bus::Alu, IsReal,
                L.IsAdd * opConst<E>(Opcode::Add) +
                    L.IsSub * opConst<E>(Opcode::Sub),
                L.X, L.Y, L.Z);
  }
};

//===----------------------------------------------------------------------===//
// lt, gt, slt, sgt
//===----------------------------------------------------------------------===//

template <class T> struct LtCols {
  T IsLt, IsGt, IsSLt, IsSGt;
  T X[NumLimbs], Y[NumLimbs];
  /// The sign bits (bit 15 of the top limbs), used by the signed forms.
  T SignX, SignY;
  /// U - V = Diff - 2^256 Borrow[15] where (U, V) is (X, Y) for lt and slt
  /// and (Y, X) for gt and sgt; the signed forms flip both sign bits first,
  /// which turns the signed order into the unsigned one.
  T Diff[NumLimbs];
  T Borrow[NumLimbs];
};

/// The result is the borrow out of the top limb, as a word (1 or 0).
class LtAir {
public:
  static constexpr const char *Name = "lt";
  static constexpr size_t Width = NumCols<LtCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const LtCols<E> &L = viewRow<LtCols>(Bld.local());
    Bld.assertBool("lt.flags_bool", L.IsLt);
    Bld.assertBool("lt.flags_bool", L.IsGt);
    Bld.assertBool("lt.flags_bool", L.IsSLt);
    Bld.assertBool("lt.flags_bool", L.IsSGt);
    Bld.assertBool("lt.sign_bool", L.SignX);
    Bld.assertBool("lt.sign_bool", L.SignY);
    E Less = L.IsLt + L.IsSLt, Greater = L.IsGt + L.IsSGt;
    E Signed = L.IsSLt + L.IsSGt;
    E IsReal = Less + Greater;
    // Top - 2^15 Sign in [0, 2^15) makes Sign bit 15 of the top limb.
    const unsigned Top = NumLimbs - 1;
    Bld.send(Bus::Range16, Signed, E(2) * (L.X[Top] - E(1u << 15) * L.SignX));
    Bld.send(Bus::Range16, Signed, E(2) * (L.Y[Top] - E(1u << 15) * L.SignY));
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E XI = L.X[I], YI = L.Y[I];
      if (I == Top) {
        // Flipping bit 15 adds 2^15 when it is clear, subtracts it when set.
        XI = XI + Signed * E(1u << 15) * (E(1) - E(2) * L.SignX);
        YI = YI + Signed * E(1u << 15) * (E(1) - E(2) * L.SignY);
      }
      E U = Less * XI + Greater * YI;
      E V = Less * YI + Greater * XI;
      E BorrowIn = I == 0 ? E(0) : L.Borrow[I - 1];
      Bld.assertBool("lt.borrow_bool", L.Borrow[I]);
      Bld.assertEq("lt.sub_limb", U - V - BorrowIn + E(LimbBase) * L.Borrow[I],
                   L.Diff[I]);
      Bld.send(Bus::Range16, IsReal, L.Diff[I]);
    }
    Tuple<E> T;
    T.push(L.IsLt * opConst<E>(Opcode::Lt) + L.IsGt * opConst<E>(Opcode::Gt) +
           L.IsSLt * opConst<E>(Opcode::SLt) +
           L.IsSGt * opConst<E>(Opcode::SGt));
    T.push(L.X);
    T.push(L.Y);
    T.push(L.Borrow[Top]);
    for (unsigned I = 1; I < NumLimbs; ++I)
      T.push(E(0));
    Bld.interact(Bus::Alu, IsReal, T, /*IsSend=*/false);
  }
};

//===----------------------------------------------------------------------===//
// eq, iszero
//===----------------------------------------------------------------------===//

template <class T> struct EqCols {
  T IsEq, IsIsZero;
  T X[NumLimbs], Y[NumLimbs];
  /// Σ (X_i - Y_i)^2: below 2^36 < p, so zero exactly when X = Y.
  T Sum;
  /// The inverse of Sum when it is not zero.
  T Inv;
  T Out;
};

/// iszero asks for X == Y with Y = 0 (the CPU zeroes an absent operand).
class EqAir {
public:
  static constexpr const char *Name = "eq";
  static constexpr size_t Width = NumCols<EqCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const EqCols<E> &L = viewRow<EqCols>(Bld.local());
    Bld.assertBool("eq.flags_bool", L.IsEq);
    Bld.assertBool("eq.flags_bool", L.IsIsZero);
    E IsReal = L.IsEq + L.IsIsZero;
    E Sum(0);
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E D = L.X[I] - L.Y[I];
      Sum = Sum + D * D;
    }
    Bld.assertEq("eq.sum", L.Sum, Sum);
    // Out = 1 - Sum * Sum^-1: 1 when Sum is 0; 0 otherwise, because then
    // Out * Sum = 0 forces Out = 0.
    Bld.assertZero("eq.out_zero_if_different", L.Out * L.Sum);
    Bld.assertEq("eq.out_one_if_equal", L.Out, E(1) - L.Sum * L.Inv);
    Tuple<E> T;
    T.push(L.IsEq * opConst<E>(Opcode::Eq) +
           L.IsIsZero * opConst<E>(Opcode::IsZero));
    T.push(L.X);
    T.push(L.Y);
    T.push(L.Out);
    for (unsigned I = 1; I < NumLimbs; ++I)
      T.push(E(0));
    Bld.interact(Bus::Alu, IsReal, T, /*IsSend=*/false);
  }
};

//===----------------------------------------------------------------------===//
// and, or, xor, not
//===----------------------------------------------------------------------===//

template <class T> struct BitwiseCols {
  T IsAnd, IsOr, IsXor, IsNot;
  T X[NumLimbs], Y[NumLimbs], Z[NumLimbs];
  /// The bytes of each limb, low byte first: limb i is bytes 2i and 2i+1.
  T XB[2 * NumLimbs], YB[2 * NumLimbs], ZB[2 * NumLimbs];
};

class BitwiseAir {
public:
  static constexpr const char *Name = "bitwise";
  static constexpr size_t Width = NumCols<BitwiseCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const BitwiseCols<E> &L = viewRow<BitwiseCols>(Bld.local());
    Bld.assertBool("bitwise.flags_bool", L.IsAnd);
    Bld.assertBool("bitwise.flags_bool", L.IsOr);
    Bld.assertBool("bitwise.flags_bool", L.IsXor);
    Bld.assertBool("bitwise.flags_bool", L.IsNot);
    E ByteOps = L.IsAnd + L.IsOr + L.IsXor;
    E IsReal = ByteOps + L.IsNot;
    E Op = L.IsAnd * opConst<E>(Opcode::And) + L.IsOr * opConst<E>(Opcode::Or) +
           L.IsXor * opConst<E>(Opcode::Xor);
    for (unsigned I = 0; I < NumLimbs; ++I) {
      Bld.assertEq("bitwise.x_bytes", L.X[I],
                   L.XB[2 * I] + E(256) * L.XB[2 * I + 1]);
      Bld.assertEq("bitwise.y_bytes", L.Y[I],
                   L.YB[2 * I] + E(256) * L.YB[2 * I + 1]);
      Bld.assertEq("bitwise.z_bytes", L.Z[I],
                   L.ZB[2 * I] + E(256) * L.ZB[2 * I + 1]);
      Bld.when(L.IsNot).assertEq("bitwise.not_limb", L.Z[I] + L.X[I],
                                 E(0xffff));
    }
    // The byte table holds only bytes, so the lookups also range check the
    // decompositions.
    for (unsigned J = 0; J < 2 * NumLimbs; ++J)
      Bld.send(Bus::Byte, ByteOps, Op, L.XB[J], L.YB[J], L.ZB[J]);
    Bld.receive(Bus::Alu, IsReal, Op + L.IsNot * opConst<E>(Opcode::Not), L.X,
                L.Y, L.Z);
  }
};

//===----------------------------------------------------------------------===//
// mul
//===----------------------------------------------------------------------===//

template <class T> struct MulCols {
  T IsMul;
  T X[NumLimbs], Y[NumLimbs], Z[NumLimbs];
  /// Carry out of each column of partial products: CarryLo + 2^16 CarryHi.
  T CarryLo[NumLimbs], CarryHi[NumLimbs];
};

/// The low 256 bits of X · Y, column by column of the schoolbook product:
/// Σ_{i+j=k} X_i Y_j + carry_{k-1} = Z_k + 2^16 carry_k. Every term is an
/// integer below 2^49 < p (16 products below 2^32, carries below 2^32), so
/// the equations hold over the integers, and the products of columns 16 and
/// up, which do not reach the low 256 bits, are never formed.
class MulAir {
public:
  static constexpr const char *Name = "mul";
  static constexpr size_t Width = NumCols<MulCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const MulCols<E> &L = viewRow<MulCols>(Bld.local());
    Bld.assertBool("mul.flags_bool", L.IsMul);
    for (unsigned K = 0; K < NumLimbs; ++K) {
      E Column(0);
      for (unsigned I = 0; I <= K; ++I)
        Column = Column + L.X[I] * L.Y[K - I];
      E CarryIn =
          K == 0 ? E(0) : L.CarryLo[K - 1] + E(LimbBase) * L.CarryHi[K - 1];
      E CarryOut = L.CarryLo[K] + E(LimbBase) * L.CarryHi[K];
      Bld.assertEq("mul.column", Column + CarryIn,
                   L.Z[K] + E(LimbBase) * CarryOut);
      Bld.send(Bus::Range16, L.IsMul, L.Z[K]);
      Bld.send(Bus::Range16, L.IsMul, L.CarryLo[K]);
      Bld.send(Bus::Range16, L.IsMul, L.CarryHi[K]);
    }
    Bld.receive(Bus::Alu, L.IsMul, L.IsMul * opConst<E>(Opcode::Mul), L.X, L.Y,
                L.Z);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_ALUAIR_H
