//===-- ArithSoundnessTest.cpp - Malicious wide arithmetic ----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Consistent malicious witnesses for the divmod, shift, byteop, select,
// modarith, exp and wide-mul tables, each rejected by exactly the
// constraint (or bus) it names: wrong quotients and remainders, remainders
// not below the divisor (also through borrows that are not bits), wrong
// powers of two, shifts of 256 bits and more that do not give 0, a clz of a
// non-zero word claimed 256, bytes picked at the wrong place, a select
// answered by a modarith row, an exponent confused with p + 1, an exp
// answered by a padding row. SoundnessTest.cpp's coverage test counts them.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

const Word NegX = -X;

/// Every operation of the four tables once, each result in a register of
/// its own. The comment is the row in the operation's table.
std::vector<Instruction> arithProgram() {
  return {
      ins(Opcode::Ldc, 1, 0, 0, 0),           // 0  r1 = X
      ins(Opcode::Ldc, 2, 0, 0, 1),           // 1  r2 = Y
      ins(Opcode::Ldc, 5, 0, 0, 2),           // 2  r5 = -X
      ins(Opcode::Div, 10, 1, 2),             // 3  divmod 0
      ins(Opcode::Mod, 11, 1, 2),             // 4  divmod 1
      ins(Opcode::SDiv, 12, 5, 2),            // 5  divmod 2
      ins(Opcode::SMod, 13, 5, 2),            // 6  divmod 3
      ins(Opcode::Div, 14, 1, 0),             // 7  divmod 4: X / 0
      ins(Opcode::ShlI, 15, 1, 0, 20),        // 8  shift 0
      ins(Opcode::ShrI, 16, 1, 0, 20),        // 9  shift 1
      ins(Opcode::SarI, 17, 5, 0, 20),        // 10 shift 2
      ins(Opcode::ShrI, 18, 1, 0, 300),       // 11 shift 3
      ins(Opcode::Clz, 19, 1),                // 12 shift 4: 50
      ins(Opcode::Clz, 20, 0),                // 13 shift 5: 256
      ins(Opcode::SarI, 25, 5, 0, 300),       // 14 shift 6
      ins(Opcode::ShlI, 26, 1, 0, 4),         // 15 shift 7
      ins(Opcode::ShlI, 27, 1, 0, 260),       // 16 shift 8
      ins(Opcode::ByteI, 21, 1, 0, 30),       // 17 byteop 0: 0xcd
      ins(Opcode::SignExtendI, 22, 5, 0, 1),  // 18 byteop 1
      ins(Opcode::Byte, 23, 0, 1),            // 19 byteop 2: byte 0 of X
      ins(Opcode::SignExtendI, 24, 1, 0, 40), // 20 byteop 3
      ins(Opcode::Select, 28, 1, 2, 5),       // 21 select 0: Y
      ins(Opcode::Select, 29, 0, 2, 5),       // 22 select 1: -X
      ins(Opcode::MulMod, 30, 1, 2, 5),       // 23 modarith 0: X Y mod -X
      ins(Opcode::AddMod, 31, 1, 2, 0),       // 24 modarith 1: mod 0
      ins(Opcode::MulMod, 32, 1, 1, 2),       // 25 modarith 2: X^2 mod Y
      ins(Opcode::Li, 35, 0, 0, 1),           // 26
      ins(Opcode::Li, 36, 0, 0, 100),         // 27
      ins(Opcode::Select, 33, 35, 0, 36),     // 28 select 2: 0
      ins(Opcode::Stop),                      // 29
  };
}

/// The wide-mul rows: the divmod requests first, then the shift ones, then
/// three per modarith row (one for a zero modulus).
constexpr size_t FirstShiftProduct = 5;
constexpr size_t FirstModArithProduct = FirstShiftProduct + 9;

Word limbsWord(const Felt *L) {
  Word W;
  for (unsigned I = 0; I < NumLimbs; ++I)
    W.L[I / 4] |= L[I].value() << (16 * (I % 4));
  return W;
}

DivModCols<Felt> &divRow(Mutant &W, size_t R) {
  return W.row<DivModCols>(TableId::DivMod, R);
}
ShiftCols<Felt> &shiftRow(Mutant &W, size_t R) {
  return W.row<ShiftCols>(TableId::Shift, R);
}
ByteOpCols<Felt> &byteRow(Mutant &W, size_t R) {
  return W.row<ByteOpCols>(TableId::ByteOp, R);
}
ModArithCols<Felt> &modRow(Mutant &W, size_t R) {
  return W.row<ModArithCols>(TableId::ModArith, R);
}

/// Replaces wide-mul row R with the honest row for A * B + C.
void setWide(Mutant &W, size_t R, const Word &A, const Word &B, const Word &C) {
  Matrix M = generateWideMulTrace({{A, B, C}});
  std::copy(M.row(0), M.row(0) + M.Width, W.T[TableId::WideMul].row(R));
}

std::pair<Word, Word> wideOf(const Word &A, const Word &B, const Word &C) {
  Matrix M = generateWideMulTrace({{A, B, C}});
  const WideMulCols<Felt> &Cols = viewRowMut<WideMulCols>(M.row(0));
  return {limbsWord(Cols.Hi), limbsWord(Cols.Lo)};
}

/// Replaces a row of the divmod, shift or byteop table with the honest row
/// for Ev, and its product in the wide-mul table.
void replaceRow(Mutant &W, TableId Table, size_t R, const AluEvent &Ev) {
  std::vector<WideMulEvent> Req;
  Matrix M = Table == TableId::DivMod  ? generateDivModTrace({Ev}, Req)
             : Table == TableId::Shift ? generateShiftTrace({Ev}, Req)
                                       : generateByteOpTrace({Ev});
  std::copy(M.row(0), M.row(0) + M.Width, W.T[Table].row(R));
  if (!Req.empty())
    setWide(W, Table == TableId::DivMod ? R : FirstShiftProduct + R, Req[0].A,
            Req[0].B, Req[0].C);
}

/// Gap = Bound - V - 1 with boolean borrows (wrapping modulo 2^256 when
/// V >= Bound, which leaves a borrow out of the top limb the tables lack).
void honestBelow(const Word &Bound, const Word &V, Felt *Gap, Felt *Borrow) {
  writeLimbs(Bound - V - Word(1), Gap);
  int64_t B = 1;
  for (unsigned I = 0; I + 1 < NumLimbs; ++I) {
    int64_t D = int64_t(limbOf(Bound, I)) - limbOf(V, I) - B;
    B = D < 0;
    Borrow[I] = Felt(uint64_t(B));
  }
}

/// For V >= Bound: Gap = Bound - V - 1 + k p, the smallest such value that is
/// not negative, and the borrows (field elements, not bits) that make every
/// limb equation hold; the top one then holds modulo p.
void forgedBelow(const Word &Bound, const Word &V, Felt *Gap, Felt *Borrow) {
  const Word P(0xffffffff00000001ull);
  Word A = V + Word(1) - Bound, K, Rem;
  udivrem(A, P, K, Rem);
  if (!Rem.isZero())
    K = K + Word(1);
  writeLimbs(K * P - A, Gap);
  Felt In(1u), Inv = Felt(LimbBase).inverse();
  for (unsigned I = 0; I + 1 < NumLimbs; ++I) {
    Felt B = (Gap[I] - Felt(limbOf(Bound, I)) + Felt(limbOf(V, I)) + In) * Inv;
    Borrow[I] = B;
    In = B;
  }
}

/// Recomputes a shift row's product (and, when Small, its bound) from its
/// MulA, Pow and Rem, and the wide-mul row that answers it.
void refreshShift(Mutant &W, size_t R) {
  ShiftCols<Felt> &S = shiftRow(W, R);
  Word A = limbsWord(S.MulA), P = limbsWord(S.Pow), C = limbsWord(S.Rem);
  auto [Hi, Lo] = wideOf(A, P, C);
  writeLimbs(Hi, S.MulHi);
  writeLimbs(Lo, S.MulLo);
  if (S.Small == Felt(1u))
    honestBelow(P, C, S.Gap, S.Borrow);
  setWide(W, FirstShiftProduct + R, A, P, C);
}

/// A shift row of shl X by 20 whose power of two is P instead (limb 1 of P
/// given), with the result X * P.
void shlByPower(Mutant &W, Felt PowLimb1) {
  ShiftCols<Felt> &S = shiftRow(W, 0);
  S.Pow[1] = PowLimb1;
  refreshShift(W, 0);
  std::copy(S.MulLo, S.MulLo + NumLimbs, S.Z);
  W.setOut(8, limbs(limbsWord(S.Z)));
}

Word quotient(const Word &A, const Word &B) {
  Word Q, R;
  udivrem(A, B, Q, R);
  return Q;
}

Word remainder(const Word &A, const Word &B) {
  Word Q, R;
  udivrem(A, B, Q, R);
  return R;
}

/// exp rows: 0-2 exp(X, 5), 3 exp(X, 0), 4 exp(0, 0), 5-7 exp(1, 5),
/// 8 exp(X, 0); padding from 9 to 15. Exp row r asks for mul rows 2r and
/// 2r + 1.
std::vector<Instruction> expProgram() {
  return {
      ins(Opcode::Ldc, 1, 0, 0, 0), // 0
      ins(Opcode::Li, 2, 0, 0, 5),  // 1
      ins(Opcode::Li, 7, 0, 0, 1),  // 2
      ins(Opcode::Exp, 3, 1, 2),    // 3
      ins(Opcode::Exp, 4, 1, 0),    // 4
      ins(Opcode::Exp, 10, 0, 0),   // 5
      ins(Opcode::Exp, 6, 7, 2),    // 6
      ins(Opcode::Exp, 11, 1, 0),   // 7
      ins(Opcode::Stop),            // 8
  };
}

ExpCols<Felt> &expRow(Mutant &W, size_t R) {
  return W.row<ExpCols>(TableId::Exp, R);
}

/// Recomputes exp rows [From, To) from From's Acc on (each row's Acc the
/// previous row's Next), and the products they ask for. Returns the last
/// Next.
Word rebuildExp(Mutant &W, size_t From, size_t To) {
  Word Acc = limbsWord(expRow(W, From).Acc);
  for (size_t R = From; R < To; ++R) {
    ExpCols<Felt> &C = expRow(W, R);
    Word M = C.Bit == Felt(1u) ? limbsWord(C.Base) : Word(1);
    Word Sq = Acc * Acc, Next = Sq * M;
    writeLimbs(Acc, C.Acc);
    writeLimbs(Sq, C.Sq);
    writeLimbs(Next, C.Next);
    W.setAluRow(TableId::Mul, 2 * R, {Opcode::Mul, Acc, Acc, Sq});
    W.setAluRow(TableId::Mul, 2 * R + 1, {Opcode::Mul, Sq, M, Next});
    Acc = Next;
  }
  return Acc;
}

Mutation arith(const char *Rejecter, const char *What,
               std::function<void(Mutant &)> Apply) {
  return {Rejecter, What, arithProgram, std::move(Apply)};
}

} // namespace

const std::vector<Mutation> &zkc::test::arithMutations() {
  static const std::vector<Mutation> M = {
      //===--- wide-mul ------------------------------------------------===//
      arith("wide-mul.column", "div one too many, the product row kept",
            [](Mutant &W) {
              DivModCols<Felt> &D = divRow(W, 0);
              Word Q = quotient(X, Y) + Word(1);
              writeLimbs(Q, D.Q);
              writeLimbs(Q, D.Res);
              writeLimbs(Q, D.Z);
              writeLimbs(Q, W.row<WideMulCols>(TableId::WideMul, 0).A);
              W.setOut(3, limbs(Q));
            }),
      arith("wide-mul.is_real_bool", "a product answered by two half rows",
            [](Mutant &W) {
              Matrix &M = W.T[TableId::WideMul];
              size_t Spare = W.T.UsedRows[unsigned(TableId::WideMul)];
              ASSERT_LT(Spare, M.Height);
              std::copy(M.row(0), M.row(0) + M.Width, M.row(Spare));
              Felt Half = Felt(2u).inverse();
              W.row<WideMulCols>(TableId::WideMul, 0).IsReal = Half;
              W.row<WideMulCols>(TableId::WideMul, Spare).IsReal = Half;
            }),
      arith("bus wide-mul", "div one too many with no product to match",
            [](Mutant &W) {
              DivModCols<Felt> &D = divRow(W, 0);
              Word Q = quotient(X, Y) + Word(1);
              writeLimbs(Q, D.Q);
              writeLimbs(Q, D.Res);
              writeLimbs(Q, D.Z);
              W.setOut(3, limbs(Q));
            }),

      //===--- divmod --------------------------------------------------===//
      arith("divmod.flags_bool",
            "div answered with the remainder by flags "
            "2, -2, 1, 0",
            [](Mutant &W) {
              DivModCols<Felt> &D = divRow(W, 0);
              D.IsDiv = Felt(2u);
              D.IsSDiv = Felt(-2);
              D.IsMod = Felt(1u);
              Word R = remainder(X, Y);
              writeLimbs(R, D.Res);
              writeLimbs(R, D.Z);
              W.setOut(3, limbs(R));
            }),
      arith("divmod.sign_bool", "an unsigned division with a sign of -2^-15",
            [](Mutant &W) { divRow(W, 0).SignX = -Felt(1u << 15).inverse(); }),
      arith("divmod.carry_bool",
            "smod of -X with |X| claimed X + 2^240 through a top carry that "
            "is not a bit",
            [](Mutant &W) {
              Word Abs = X + shl(Word(1), Word(240));
              Word Res = -remainder(Abs, Y);
              replaceRow(W, TableId::DivMod, 3, {Opcode::SMod, -Abs, Y, Res});
              DivModCols<Felt> &D = divRow(W, 3);
              writeLimbs(NegX, D.X);
              D.XCarry[15] = (D.XAbs[15] + D.X[15] + D.XCarry[14]) *
                             Felt(LimbBase).inverse();
              W.setOut(6, limbs(Res));
            }),
      arith("divmod.negate_limb", "sdiv of -X by Y not negated",
            [](Mutant &W) {
              DivModCols<Felt> &D = divRow(W, 2);
              std::copy(D.Res, D.Res + NumLimbs, D.Z);
              std::fill(D.ZCarry, D.ZCarry + NumLimbs, Felt());
              W.setOut(5, limbs(limbsWord(D.Z)));
            }),
      arith("divmod.divisor_zero", "a wrong inverse of the divisor's sum",
            [](Mutant &W) { divRow(W, 0).YInv += Felt(1u); }),
      arith("divmod.divisor_nonzero", "X / Y = 0 claiming Y = 0",
            [](Mutant &W) {
              DivModCols<Felt> &D = divRow(W, 0);
              D.YZero = Felt(1u);
              D.YInv = Felt();
              W.setOut(3, limbs(Word()));
            }),
      arith("divmod.borrow_bool",
            "div one too few, the remainder above Y hidden by borrows that "
            "are not bits",
            [](Mutant &W) {
              DivModCols<Felt> &D = divRow(W, 0);
              Word Q = quotient(X, Y) - Word(1), R = remainder(X, Y) + Y;
              writeLimbs(Q, D.Q);
              writeLimbs(R, D.R);
              writeLimbs(Q, D.Res);
              writeLimbs(Q, D.Z);
              forgedBelow(Y, R, D.Gap, D.Borrow);
              setWide(W, 0, Q, Y, R);
              W.setOut(3, limbs(Q));
            }),
      arith("divmod.remainder_below", "div one too few, the remainder above Y",
            [](Mutant &W) {
              DivModCols<Felt> &D = divRow(W, 0);
              Word Q = quotient(X, Y) - Word(1), R = remainder(X, Y) + Y;
              writeLimbs(Q, D.Q);
              writeLimbs(R, D.R);
              writeLimbs(Q, D.Res);
              writeLimbs(Q, D.Z);
              honestBelow(Y, R, D.Gap, D.Borrow);
              setWide(W, 0, Q, Y, R);
              W.setOut(3, limbs(Q));
            }),
      arith("divmod.result_select", "div giving the remainder",
            [](Mutant &W) {
              DivModCols<Felt> &D = divRow(W, 0);
              std::copy(D.R, D.R + NumLimbs, D.Res);
              std::copy(D.R, D.R + NumLimbs, D.Z);
              W.setOut(3, limbs(limbsWord(D.R)));
            }),
      arith("divmod.result_sign", "sdiv of -X by Y with a positive result",
            [](Mutant &W) {
              DivModCols<Felt> &D = divRow(W, 2);
              D.SignRes = Felt();
              std::copy(D.Res, D.Res + NumLimbs, D.Z);
              std::fill(D.ZCarry, D.ZCarry + NumLimbs, Felt());
              W.setOut(5, limbs(limbsWord(D.Z)));
            }),

      //===--- shift ---------------------------------------------------===//
      arith("shift.flags_bool",
            "shl answered by a right shift, flags "
            "0, 2, -1, 0",
            [](Mutant &W) {
              Word Z = shr(X, Word(20));
              replaceRow(W, TableId::Shift, 0, {Opcode::Shr, X, Word(20), Z});
              ShiftCols<Felt> &S = shiftRow(W, 0);
              S.IsShr = Felt(2u);
              S.IsSar = Felt(-1);
              W.setOut(8, limbs(Z));
            }),
      arith("shift.sign_bool", "shr with a sign of 3",
            [](Mutant &W) { shiftRow(W, 1).SignX = Felt(3u); }),
      arith("shift.bit_bool", "shl by 20 with bits 2, 1, 0, 0: times 12 2^16",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 0);
              S.JBit[0] = Felt(2u);
              S.JBit[1] = Felt(1u);
              S.JBit[2] = Felt();
              S.PowLo = Felt(12u);
              S.PowHi = Felt(1u);
              S.PowJ = Felt(12u);
              shlByPower(W, Felt(12u));
            }),
      arith("shift.amount_split", "shl by 20 shifting by 36",
            [](Mutant &W) {
              Word Z = shl(X, Word(36));
              replaceRow(W, TableId::Shift, 0, {Opcode::Shl, X, Word(36), Z});
              shiftRow(W, 0).S[0] = Felt(20u);
              W.setOut(8, limbs(Z));
            }),
      arith("shift.clz_one_limb", "clz giving 50 + 2^16 - 2^32",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 4);
              S.S[1] = Felt(1u);
              S.S[2] = Felt(-1);
              Limbs V = limbs(Word(50));
              V[1] = S.S[1];
              V[2] = S.S[2];
              W.setOut(12, V);
            }),
      arith("shift.small", "a wrong inverse for shr by 300",
            [](Mutant &W) { shiftRow(W, 3).Inv = Felt(2u); }),
      arith("shift.small_exact", "shr by 300 shifting by 44",
            [](Mutant &W) {
              Word Z = shr(X, Word(44));
              replaceRow(W, TableId::Shift, 3, {Opcode::Shr, X, Word(44), Z});
              ShiftCols<Felt> &S = shiftRow(W, 3);
              S.S[0] = Felt(300u);
              S.H8 = Felt(1u);
              W.setOut(11, limbs(Z));
            }),
      arith("shift.pow_lo", "shl by 20 with (1 + b0)(1 + 3 b1) = 2",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 0);
              S.PowLo = Felt(2u);
              S.PowJ = Felt(32u);
              shlByPower(W, Felt(32u));
            }),
      arith("shift.pow_hi", "shl by 20 with (1 + 15 b2)(1 + 255 b3) = 17",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 0);
              S.PowHi = Felt(17u);
              S.PowJ = Felt(17u);
              shlByPower(W, Felt(17u));
            }),
      arith("shift.pow_j", "shl by 20 with 2^J = 32",
            [](Mutant &W) {
              shiftRow(W, 0).PowJ = Felt(32u);
              shlByPower(W, Felt(32u));
            }),
      arith("shift.pow_limb", "shl by 20 with limb 1 of the power 32",
            [](Mutant &W) { shlByPower(W, Felt(32u)); }),
      arith("shift.limb_sel_bool",
            "shl by 20 selecting limbs 0 and 2 by halves",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 0);
              Felt Half = Felt(2u).inverse();
              S.LimbSel[1] = Felt();
              S.LimbSel[0] = S.LimbSel[2] = Half;
              S.Pow[0] = S.Pow[2] = Felt(8u);
              shlByPower(W, Felt());
            }),
      arith("shift.limb_sel_sum", "shl by 260 giving X << 4",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 8);
              S.LimbSel[0] = Felt(1u);
              S.Pow[0] = S.PowJ;
              refreshShift(W, 8);
              std::copy(S.MulLo, S.MulLo + NumLimbs, S.Z);
              W.setOut(16, limbs(shl(X, Word(4))));
            }),
      arith("shift.limb_sel_index", "shl by 20 shifting by 36",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 0);
              S.LimbSel[1] = Felt();
              S.LimbSel[2] = Felt(1u);
              S.Pow[2] = S.Pow[1];
              shlByPower(W, Felt());
            }),
      arith("shift.left_operands", "shl shifting X + 1",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 0);
              writeLimbs(X + Word(1), S.MulA);
              shlByPower(W, S.Pow[1]);
            }),
      arith("shift.left_result", "shl one too many",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 0);
              Word Z = shl(X, Word(20)) + Word(1);
              writeLimbs(Z, S.Z);
              W.setOut(8, limbs(Z));
            }),
      arith("shift.right_dividend", "shr dividing X + 2^20",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 1);
              Word Z = shr(X, Word(20)) + Word(1);
              writeLimbs(X + shl(Word(1), Word(20)), S.MulLo);
              writeLimbs(Z, S.MulA);
              writeLimbs(Z, S.Z);
              setWide(W, FirstShiftProduct + 1, Z, limbsWord(S.Pow),
                      limbsWord(S.Rem));
              W.setOut(9, limbs(Z));
            }),
      arith("shift.right_quotient", "shr one too many",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 1);
              Word Z = shr(X, Word(20)) + Word(1);
              writeLimbs(Z, S.Z);
              W.setOut(9, limbs(Z));
            }),
      arith("shift.right_out_of_range", "shr by 300 giving 1",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 3);
              writeLimbs(Word(1), S.MulA);
              writeLimbs(Word(1), S.Z);
              refreshShift(W, 3);
              W.setOut(11, limbs(Word(1)));
            }),
      arith("shift.no_overflow", "shr giving a result 2^236 too large",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 1);
              Word Z = shr(X, Word(20)) + shl(Word(1), Word(236));
              writeLimbs(Z, S.MulA);
              writeLimbs(Z, S.Z);
              refreshShift(W, 1);
              W.setOut(9, limbs(Z));
            }),
      arith("shift.clz_of_zero", "clz of X claimed 256",
            [](Mutant &W) {
              replaceRow(W, TableId::Shift, 4,
                         {Opcode::Clz, X, Word(), Word(256)});
              W.setOut(12, limbs(Word(256)));
            }),
      arith("shift.borrow_bool",
            "shr one too few, the remainder above 2^20 hidden by borrows that "
            "are not bits",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 1);
              Word P = limbsWord(S.Pow), Z = shr(X, Word(20)) - Word(1);
              Word Rem = limbsWord(S.Rem) + P;
              writeLimbs(Z, S.MulA);
              writeLimbs(Z, S.Z);
              writeLimbs(Rem, S.Rem);
              forgedBelow(P, Rem, S.Gap, S.Borrow);
              setWide(W, FirstShiftProduct + 1, Z, P, Rem);
              W.setOut(9, limbs(Z));
            }),
      arith("shift.remainder_below",
            "shr one too few, the remainder above 2^20",
            [](Mutant &W) {
              ShiftCols<Felt> &S = shiftRow(W, 1);
              Word P = limbsWord(S.Pow), Z = shr(X, Word(20)) - Word(1);
              writeLimbs(Z, S.MulA);
              writeLimbs(Z, S.Z);
              writeLimbs(limbsWord(S.Rem) + P, S.Rem);
              refreshShift(W, 1);
              honestBelow(P, limbsWord(S.Rem), S.Gap, S.Borrow);
              W.setOut(9, limbs(Z));
            }),

      //===--- byteop --------------------------------------------------===//
      arith("byteop.flags_bool",
            "byte 0 of X answered as signextend(0, X) by fractional flags",
            [](Mutant &W) {
              Word Z = signExtend(Word(), X);
              replaceRow(W, TableId::ByteOp, 2,
                         {Opcode::SignExtend, Word(), X, Z});
              ByteOpCols<Felt> &B = byteRow(W, 2);
              Felt D = Felt(11u) * Felt(12u).inverse();
              B.IsByte = D;
              B.IsByteI = -D;
              B.IsSext = Felt(1u) - D;
              B.IsSextI = D;
              W.setOut(19, limbs(Z));
            }),
      arith("byteop.sign_bool", "bytei with a sign of 3",
            [](Mutant &W) { byteRow(W, 0).Sign = Felt(3u); }),
      arith("byteop.val_bytes", "bytei reading a byte one too large",
            [](Mutant &W) {
              ByteOpCols<Felt> &B = byteRow(W, 0);
              B.VB[1] += Felt(1u);
              B.SelByte = B.Z[0] = B.VB[1];
              W.setOut(17, limbs(Word(B.VB[1].value())));
            }),
      arith("byteop.sel_bool", "bytei 30 picking 2 b2 - b3",
            [](Mutant &W) {
              ByteOpCols<Felt> &B = byteRow(W, 0);
              B.Sel[1] = Felt();
              B.Sel[2] = Felt(2u);
              B.Sel[3] = Felt(-1);
              B.SelByte = B.Z[0] = Felt(2u) * B.VB[2] - B.VB[3];
              W.setOut(17, limbs(Word(B.Z[0].value())));
            }),
      arith("byteop.sel_sum", "signextendi by 40 changing byte 0",
            [](Mutant &W) {
              ByteOpCols<Felt> &B = byteRow(W, 3);
              B.Sel[0] = Felt(1u);
              B.SelByte = B.VB[0];
              B.Sign = Felt(B.VB[0].value() >> 7);
              // Byte 0 is kept twice over and gets 255 Sign subtracted.
              Felt Byte0 = Felt(2u) * B.VB[0] - Felt(255u) * B.Sign;
              B.Z[0] = Byte0 + Felt(256u) * B.VB[1];
              Limbs V;
              std::copy(B.Z, B.Z + NumLimbs, V.begin());
              W.setOut(20, V);
            }),
      arith("byteop.sel_index", "bytei 30 picking byte 2",
            [](Mutant &W) {
              ByteOpCols<Felt> &B = byteRow(W, 0);
              B.Sel[1] = Felt();
              B.Sel[2] = Felt(1u);
              B.SelByte = B.Z[0] = B.VB[2];
              W.setOut(17, limbs(Word(B.VB[2].value())));
            }),
      arith("byteop.index_split", "bytei 30 reading index 29",
            [](Mutant &W) {
              ByteOpCols<Felt> &B = byteRow(W, 0);
              B.Low = Felt(29u);
              B.Sel[1] = Felt();
              B.Sel[2] = Felt(1u);
              B.SelByte = B.Z[0] = B.VB[2];
              W.setOut(17, limbs(Word(B.VB[2].value())));
            }),
      arith("byteop.small", "a wrong inverse for signextendi by 40",
            [](Mutant &W) { byteRow(W, 3).Inv = Felt(2u); }),
      arith("byteop.small_exact", "signextendi by 40 extending byte 8",
            [](Mutant &W) {
              Word Z = signExtend(Word(8), X);
              replaceRow(W, TableId::ByteOp, 3,
                         {Opcode::SignExtendI, X, Word(8), Z});
              ByteOpCols<Felt> &B = byteRow(W, 3);
              B.Idx[0] = Felt(40u);
              B.H11 = Felt(1u);
              W.setOut(20, limbs(Z));
            }),
      arith("byteop.selected", "bytei one too many",
            [](Mutant &W) {
              ByteOpCols<Felt> &B = byteRow(W, 0);
              B.SelByte += Felt(1u);
              B.Z[0] = B.SelByte;
              W.setOut(17, limbs(Word(B.SelByte.value())));
            }),
      arith("byteop.byte_result", "bytei with a second limb",
            [](Mutant &W) {
              ByteOpCols<Felt> &B = byteRow(W, 0);
              B.Z[1] = Felt(1u);
              Limbs V;
              std::copy(B.Z, B.Z + NumLimbs, V.begin());
              W.setOut(17, V);
            }),
      arith("byteop.sext_result", "signextendi one too many",
            [](Mutant &W) {
              ByteOpCols<Felt> &B = byteRow(W, 1);
              Word Z = limbsWord(B.Z) + Word(1);
              writeLimbs(Z, B.Z);
              W.setOut(18, limbs(Z));
            }),

      //===--- select, modarith, alu3 ----------------------------------===//
      arith("bus alu3", "select giving X, the select row kept",
            [](Mutant &W) { W.setOut(21, limbs(X)); }),
      arith("cpu.unused_in3_zero", "div with a third operand",
            [](Mutant &W) { W.cpu(3).In3[0] = Felt(5u); }),
      arith("select.cond_zero", "a wrong inverse of the condition's sum",
            [](Mutant &W) {
              W.row<SelectCols>(TableId::Select, 0).Inv += Felt(1u);
            }),
      arith("select.cond_nonzero", "select on X != 0 giving the else value",
            [](Mutant &W) {
              SelectCols<Felt> &S = W.row<SelectCols>(TableId::Select, 0);
              S.CondZero = Felt(1u);
              S.Inv = Felt();
              W.setOut(21, limbs(NegX));
            }),
      arith("modarith.flags_bool",
            "select(1, 0, 100) answered 21 by a modarith row of flags 21, -20",
            [](Mutant &W) {
              // The row computes 1 * 21 mod 100: 0x27 21 - 0x28 20 is
              // select's code, 21 - 20 its multiplicity.
              W.clearRow(TableId::Select, 2);
              const size_t Spare = 3;
              std::vector<WideMulEvent> Req;
              Matrix M = generateModArithTrace(
                  {{Opcode::MulMod, Word(1), Word(21), Word(100), Word(21)}},
                  Req);
              std::copy(M.row(0), M.row(0) + M.Width,
                        W.T[TableId::ModArith].row(Spare));
              ModArithCols<Felt> &C = modRow(W, Spare);
              writeLimbs(Word(), C.Y);
              C.IsAddMod = Felt(21u);
              C.IsMulMod = -Felt(20u);
              size_t Next = W.T.UsedRows[unsigned(TableId::WideMul)];
              for (const WideMulEvent &E : Req)
                setWide(W, Next++, E.A, E.B, E.C);
              W.setOut(28, limbs(Word(21)));
            }),
      arith("modarith.modulus_zero", "a wrong inverse of the modulus's sum",
            [](Mutant &W) { modRow(W, 0).NInv += Felt(1u); }),
      arith("modarith.modulus_nonzero", "mulmod by -X = 0 claiming -X = 0",
            [](Mutant &W) {
              ModArithCols<Felt> &C = modRow(W, 0);
              C.NZero = Felt(1u);
              C.NInv = Felt();
              W.clearRow(TableId::WideMul, FirstModArithProduct + 1);
              W.clearRow(TableId::WideMul, FirstModArithProduct + 2);
              W.setOut(23, limbs(Word()));
            }),
      arith("modarith.borrow_bool",
            "X^2 mod Y above Y, hidden by borrows that are not bits",
            [](Mutant &W) {
              ModArithCols<Felt> &C = modRow(W, 2);
              Word QLo = limbsWord(C.QLo) - Word(1), R = limbsWord(C.R) + Y;
              writeLimbs(QLo, C.QLo);
              writeLimbs(R, C.R);
              forgedBelow(Y, R, C.Gap, C.Borrow);
              setWide(W, FirstModArithProduct + 5, QLo, Y, R);
              W.setOut(25, limbs(R));
            }),
      arith("modarith.remainder_below", "X^2 mod Y above Y",
            [](Mutant &W) {
              ModArithCols<Felt> &C = modRow(W, 2);
              Word QLo = limbsWord(C.QLo) - Word(1), R = limbsWord(C.R) + Y;
              writeLimbs(QLo, C.QLo);
              writeLimbs(R, C.R);
              honestBelow(Y, R, C.Gap, C.Borrow);
              setWide(W, FirstModArithProduct + 5, QLo, Y, R);
              W.setOut(25, limbs(R));
            }),

      //===--- exp -----------------------------------------------------===//
      {"exp.flags_bool", "exp(X, 0) answered by two half rows", expProgram,
       [](Mutant &W) {
         Matrix &M = W.T[TableId::Exp];
         std::copy(M.row(8), M.row(8) + M.Width, M.row(9));
         Felt Half = Felt(2u).inverse();
         for (size_t R : {8, 9}) {
           ExpCols<Felt> &C = expRow(W, R);
           C.IsReal = C.IsFirst = C.IsLast = Half;
         }
       }},
      {"exp.bit_bool", "exp(1, 5) with bits 1, 2, -3", expProgram,
       [](Mutant &W) {
         expRow(W, 6).Bit = Felt(2u);
         writeLimbs(Word(4), expRow(W, 6).ENew);
         writeLimbs(Word(4), expRow(W, 7).EPrev);
         expRow(W, 7).Bit = -Felt(3u);
       }},
      {"exp.carry_bool",
       "exp(X, p + 1) = X in one row, its exponent doubled with carries "
       "that are not bits",
       [] {
         return std::vector<Instruction>{
             ins(Opcode::Ldc, 1, 0, 0, 0), ins(Opcode::Ldc, 8, 0, 0, 3),
             ins(Opcode::Exp, 9, 1, 8), ins(Opcode::Stop)};
       },
       [](Mutant &W) {
         size_t Rows = W.T.UsedRows[unsigned(TableId::Exp)];
         ASSERT_EQ(Rows, 64u);
         for (size_t R = 1; R < Rows; ++R) {
           W.clearRow(TableId::Exp, R);
           W.clearRow(TableId::Mul, 2 * R);
           W.clearRow(TableId::Mul, 2 * R + 1);
         }
         ExpCols<Felt> &C = expRow(W, 0);
         C.IsLast = Felt(1u);
         writeLimbs(GoldilocksPlusOne, C.ENew);
         Felt In = C.Bit, Inv = Felt(LimbBase).inverse();
         for (unsigned I = 0; I + 1 < NumLimbs; ++I) {
           C.ECarry[I] = (Felt(2u) * C.EPrev[I] + In - C.ENew[I]) * Inv;
           In = C.ECarry[I];
         }
         W.setOut(2, limbs(X));
       }},
      {"exp.chain", "exp(X, 5) continuing from 2 instead of X", expProgram,
       [](Mutant &W) {
         writeLimbs(Word(2), expRow(W, 1).Acc);
         W.setOut(3, limbs(rebuildExp(W, 1, 3)));
       }},
      {"exp.double", "exp(X, 5) = X^4, the last bit claimed 0", expProgram,
       [](Mutant &W) {
         expRow(W, 2).Bit = Felt();
         W.setOut(3, limbs(rebuildExp(W, 2, 3)));
       }},
      {"exp.exponent_complete", "exp(X, 5) = X^2, stopped a bit early",
       expProgram,
       [](Mutant &W) {
         W.clearRow(TableId::Exp, 2);
         W.clearRow(TableId::Mul, 4);
         W.clearRow(TableId::Mul, 5);
         expRow(W, 1).IsLast = Felt(1u);
         W.setOut(3, limbs(X * X));
       }},
      {"exp.first_row", "exp(X, 5) starting from 2", expProgram,
       [](Mutant &W) {
         writeLimbs(Word(2), expRow(W, 0).Acc);
         W.setOut(3, limbs(rebuildExp(W, 0, 3)));
       }},
      {"exp.first_row_starts", "the table's first row continuing from 2",
       expProgram,
       [](Mutant &W) {
         expRow(W, 0).IsFirst = Felt();
         writeLimbs(Word(2), expRow(W, 0).Acc);
         W.setOut(3, limbs(rebuildExp(W, 0, 3)));
       }},
      {"exp.last", "exp(0, 0) answered by the padding row at the end",
       expProgram,
       [](Mutant &W) {
         W.clearRow(TableId::Exp, 4);
         W.clearRow(TableId::Mul, 8);
         W.clearRow(TableId::Mul, 9);
         ExpCols<Felt> &C = expRow(W, W.T[TableId::Exp].Height - 1);
         C.IsLast = Felt(1u);
         C.Next[0] = Felt(1u);
       }},
  };
  return M;
}

namespace {

TEST(ArithSoundnessTest, TheHonestWitnessHolds) {
  Mutant W(arithProgram());
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(W.T.UsedRows[unsigned(TableId::WideMul)], FirstModArithProduct + 7);
  // The rows the mutations edit hold what the program comments say.
  EXPECT_EQ(W.Run.T.Steps[12].Out, Word(50));
  EXPECT_EQ(W.Run.T.Steps[17].Out, Word(0xcd));
  EXPECT_EQ(limbsWord(shiftRow(W, 0).Pow), shl(Word(1), Word(20)));
}

TEST(ArithSoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : arithMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W(M.Program());
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

TEST(ArithSoundnessTest, AnOutOfRangeRemainderIsRejected) {
  // div with R = X - Q Y + p: a remainder limb of p's size is not in range.
  Mutant W(arithProgram());
  DivModCols<Felt> &D = divRow(W, 0);
  D.R[0] += Felt(LimbBase);
  D.R[1] -= Felt(1u);
  W.row<WideMulCols>(TableId::WideMul, 0).C[0] = D.R[0];
  W.row<WideMulCols>(TableId::WideMul, 0).C[1] = D.R[1];
  CheckReport R = W.check();
  EXPECT_TRUE(R.rejecters().count("bus range16")) << describe(R);
}

} // namespace
