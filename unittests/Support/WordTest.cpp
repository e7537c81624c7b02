//===-- WordTest.cpp - Word operations against GMP ------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Every Word operation is compared with a reference written over GMP's
// arbitrary-precision integers. The reference spells the EVM's rules out
// (division by zero, the one signed overflow, the sign of SMOD, unbounded
// intermediates in ADDMOD and MULMOD) instead of relying on the modular
// wrap-around that the fast code uses, so that the two agree only if the fast
// code really implements the EVM.
//
// Operands are every pair (and, for the ternary operations, every triple) of a
// list of edge values, plus a few thousand random operands from a fixed seed
// with mixed magnitudes.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/Word.h"

#include "gtest/gtest.h"

#include <functional>
#include <gmp.h>
#include <random>
#include <vector>

using namespace zkc;

namespace zkc {
// Failure messages show operands in hexadecimal.
static void PrintTo(const Word &W, std::ostream *OS) { *OS << W.toHex(); }
} // namespace zkc

namespace {

//===----------------------------------------------------------------------===//
// The reference: GMP integers and the EVM's definitions over them.
//===----------------------------------------------------------------------===//

/// A GMP integer with value semantics.
class Big {
public:
  Big() { mpz_init(V); }
  Big(long X) { mpz_init_set_si(V, X); }
  explicit Big(const Word &W) {
    mpz_init(V);
    mpz_import(V, 4, /*order=*/-1, sizeof(uint64_t), /*endian=*/0,
               /*nails=*/0, W.L);
  }
  Big(const Big &O) { mpz_init_set(V, O.V); }
  Big &operator=(const Big &O) {
    mpz_set(V, O.V);
    return *this;
  }
  ~Big() { mpz_clear(V); }

  static Big pow2(unsigned long E) {
    Big R;
    mpz_setbit(R.V, E);
    return R;
  }

  int sign() const { return mpz_sgn(V); }

  mpz_t V;
};

Big operator+(const Big &A, const Big &B) {
  Big R;
  mpz_add(R.V, A.V, B.V);
  return R;
}
Big operator-(const Big &A, const Big &B) {
  Big R;
  mpz_sub(R.V, A.V, B.V);
  return R;
}
Big operator*(const Big &A, const Big &B) {
  Big R;
  mpz_mul(R.V, A.V, B.V);
  return R;
}
int cmp(const Big &A, const Big &B) { return mpz_cmp(A.V, B.V); }

const Big Two256 = Big::pow2(256);
const Big Two255 = Big::pow2(255);

/// The Word congruent to X modulo 2^256 (X may be negative or too large).
Word toWord(const Big &X) {
  Big R;
  mpz_fdiv_r_2exp(R.V, X.V, 256);
  Word W;
  size_t Count = 0;
  mpz_export(W.L, &Count, /*order=*/-1, sizeof(uint64_t), /*endian=*/0,
             /*nails=*/0, R.V);
  return W;
}

/// The unsigned value of W.
Big uval(const Word &W) { return Big(W); }

/// The two's complement value of W, in [-2^255, 2^255).
Big sval(const Word &W) {
  Big U(W);
  return cmp(U, Two255) >= 0 ? U - Two256 : U;
}

/// The value of W as a shift count or index, saturated at 2^32 so that any
/// count from 2^32 up behaves the same as a huge one.
unsigned long smallOrHuge(const Word &W) {
  Big U(W);
  if (cmp(U, Big(1L << 32)) >= 0)
    return 1ul << 32;
  return mpz_get_ui(U.V);
}

namespace ref {

Word add(const Word &A, const Word &B) { return toWord(uval(A) + uval(B)); }
Word sub(const Word &A, const Word &B) { return toWord(uval(A) - uval(B)); }
Word mul(const Word &A, const Word &B) { return toWord(uval(A) * uval(B)); }
Word neg(const Word &A) { return toWord(Big(0L) - uval(A)); }

Word udiv(const Word &A, const Word &B) {
  // EVM DIV: division by zero gives 0.
  if (uval(B).sign() == 0)
    return Word();
  Big Q;
  mpz_tdiv_q(Q.V, uval(A).V, uval(B).V);
  return toWord(Q);
}

Word umod(const Word &A, const Word &B) {
  // EVM MOD: modulo zero gives 0.
  if (uval(B).sign() == 0)
    return Word();
  Big R;
  mpz_tdiv_r(R.V, uval(A).V, uval(B).V);
  return toWord(R);
}

Word sdiv(const Word &A, const Word &B) {
  Big SA = sval(A), SB = sval(B);
  // EVM SDIV: division by zero gives 0.
  if (SB.sign() == 0)
    return Word();
  // EVM SDIV: the one overflowing quotient, -2^255 / -1, is -2^255.
  if (cmp(SA, Big(0L) - Two255) == 0 && cmp(SB, Big(-1L)) == 0)
    return toWord(Big(0L) - Two255);
  // Otherwise the quotient truncated toward zero.
  Big Q;
  mpz_tdiv_q(Q.V, SA.V, SB.V);
  return toWord(Q);
}

Word smod(const Word &A, const Word &B) {
  Big SA = sval(A), SB = sval(B);
  // EVM SMOD: modulo zero gives 0.
  if (SB.sign() == 0)
    return Word();
  // EVM SMOD: the remainder has the sign of the dividend (truncation).
  Big R;
  mpz_tdiv_r(R.V, SA.V, SB.V);
  return toWord(R);
}

Word addmod(const Word &A, const Word &B, const Word &N) {
  // EVM ADDMOD: modulus zero gives 0; the sum is not reduced mod 2^256.
  if (uval(N).sign() == 0)
    return Word();
  Big R;
  mpz_mod(R.V, (uval(A) + uval(B)).V, uval(N).V);
  return toWord(R);
}

Word mulmod(const Word &A, const Word &B, const Word &N) {
  // EVM MULMOD: modulus zero gives 0; the product is not reduced mod 2^256.
  if (uval(N).sign() == 0)
    return Word();
  Big R;
  mpz_mod(R.V, (uval(A) * uval(B)).V, uval(N).V);
  return toWord(R);
}

Word exp(const Word &Base, const Word &Exponent) {
  // EVM EXP: modulo 2^256; 0^0 is 1.
  Big R;
  mpz_powm(R.V, uval(Base).V, uval(Exponent).V, Two256.V);
  return toWord(R);
}

Word shl(const Word &A, const Word &Shift) {
  unsigned long S = smallOrHuge(Shift);
  if (S >= 256)
    return Word();
  Big R;
  mpz_mul_2exp(R.V, uval(A).V, S);
  return toWord(R);
}

Word shr(const Word &A, const Word &Shift) {
  unsigned long S = smallOrHuge(Shift);
  if (S >= 256)
    return Word();
  Big R;
  mpz_fdiv_q_2exp(R.V, uval(A).V, S);
  return toWord(R);
}

Word sar(const Word &A, const Word &Shift) {
  // EVM SAR: floor division of the signed value by 2^Shift; shifts of 256 or
  // more leave only the sign, 0 or -1.
  unsigned long S = smallOrHuge(Shift);
  Big SA = sval(A);
  if (S >= 256)
    return SA.sign() < 0 ? Word::max() : Word();
  Big R;
  mpz_fdiv_q_2exp(R.V, SA.V, S);
  return toWord(R);
}

bool slt(const Word &A, const Word &B) { return cmp(sval(A), sval(B)) < 0; }

unsigned clz(const Word &A) {
  Big U = uval(A);
  if (U.sign() == 0)
    return 256;
  return 256 - mpz_sizeinbase(U.V, 2);
}

Word byteOf(const Word &Index, const Word &Value) {
  // EVM BYTE: byte 0 is the most significant; indices from 32 up give 0.
  unsigned long I = smallOrHuge(Index);
  if (I >= 32)
    return Word();
  Big R;
  mpz_fdiv_q_2exp(R.V, uval(Value).V, 8 * (31 - I));
  mpz_fdiv_r_2exp(R.V, R.V, 8);
  return toWord(R);
}

Word signExtend(const Word &Bytes, const Word &Value) {
  // EVM SIGNEXTEND: the low Bytes+1 bytes read as a two's complement number;
  // from 31 up the whole word is kept.
  unsigned long B = smallOrHuge(Bytes);
  if (B >= 31)
    return Value;
  unsigned long Bits = 8 * (B + 1);
  Big Low;
  mpz_fdiv_r_2exp(Low.V, uval(Value).V, Bits);
  if (mpz_tstbit(Low.V, Bits - 1))
    Low = Low - Big::pow2(Bits);
  return toWord(Low);
}

Word bitAnd(const Word &A, const Word &B) {
  Big R;
  mpz_and(R.V, uval(A).V, uval(B).V);
  return toWord(R);
}
Word bitOr(const Word &A, const Word &B) {
  Big R;
  mpz_ior(R.V, uval(A).V, uval(B).V);
  return toWord(R);
}
Word bitXor(const Word &A, const Word &B) {
  Big R;
  mpz_xor(R.V, uval(A).V, uval(B).V);
  return toWord(R);
}
Word bitNot(const Word &A) {
  // 2^256 - 1 - A.
  return toWord(Two256 - Big(1L) - uval(A));
}

std::string decimal(const Word &A) {
  char *S = mpz_get_str(nullptr, 10, uval(A).V);
  std::string R(S);
  void (*FreeFn)(void *, size_t);
  mp_get_memory_functions(nullptr, nullptr, &FreeFn);
  FreeFn(S, R.size() + 1);
  return R;
}

std::string hex(const Word &A) {
  char *S = mpz_get_str(nullptr, 16, uval(A).V);
  std::string R(S);
  void (*FreeFn)(void *, size_t);
  mp_get_memory_functions(nullptr, nullptr, &FreeFn);
  FreeFn(S, R.size() + 1);
  return R;
}

} // namespace ref

//===----------------------------------------------------------------------===//
// Operands.
//===----------------------------------------------------------------------===//

Word pow2(unsigned E) { return toWord(Big::pow2(E)); }
Word minus(uint64_t X) { return toWord(Big(0L) - Big(long(X))); }

/// Values where carries, borrows, limb boundaries and signs change.
std::vector<Word> edgeValues() {
  return {
      Word(0),
      Word(1),
      Word(2),
      Word(3),
      Word(7),
      Word(10),
      Word(0xff),
      pow2(63),
      Word(~0ull), // 2^64 - 1
      pow2(64),    // 2^64
      pow2(64) + 1,
      pow2(127),
      pow2(128) - 1,
      pow2(128),
      pow2(192),
      pow2(192) - 1,
      pow2(255) - 1, // the largest positive signed value
      pow2(255),     // -2^255, the most negative signed value
      pow2(255) + 1,
      Word::max(), // 2^256 - 1, that is -1
      minus(2),
      minus(3),
      minus(7),
      minus(10),
      Word(0x0123456789abcdefull, 0xfedcba9876543210ull, 0x0f0f0f0f0f0f0f0full,
           0x7070707070707070ull),
      Word(0xaaaaaaaaaaaaaaaaull, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull,
           0xd555555555555555ull),
  };
}

/// Shift counts, BYTE indices and SIGNEXTEND widths: every small value that
/// is a boundary, and counts too large for one limb.
std::vector<Word> countValues() {
  std::vector<Word> V;
  for (unsigned I = 0; I <= 33; ++I)
    V.push_back(Word(I));
  for (unsigned I : {63u, 64u, 65u, 127u, 128u, 129u, 191u, 192u, 254u, 255u,
                     256u, 257u, 511u, 512u})
    V.push_back(Word(I));
  V.push_back(Word(~0ull));
  V.push_back(pow2(64));     // 2^64: low limb 0
  V.push_back(pow2(64) + 1); // low limb 1 with high bits set
  V.push_back(pow2(128) + 8);
  V.push_back(pow2(255));
  V.push_back(Word::max());
  return V;
}

/// Random operands with mixed magnitudes: any bit length from 0 to 256,
/// small negatives, and values near limb and sign boundaries.
std::vector<Word> randomValues(unsigned N, uint64_t Seed) {
  std::mt19937_64 Rng(Seed);
  std::vector<Word> V;
  V.reserve(N);
  for (unsigned I = 0; I < N; ++I) {
    Word W(Rng(), Rng(), Rng(), Rng());
    switch (Rng() % 6) {
    case 0: // Full width.
      break;
    case 1: { // Any bit length.
      unsigned Bits = Rng() % 257;
      W = Bits == 256 ? W : (W & (pow2(Bits) - 1));
      break;
    }
    case 2: // Small negative.
      W = minus(1 + Rng() % 1000);
      break;
    case 3: { // Near a limb or sign boundary.
      unsigned E = Rng() % 2 ? 64 * (1 + Rng() % 3) : 255;
      W = pow2(E) + Word(Rng() % 5) - Word(2);
      break;
    }
    case 4: // One limb.
      W = Word(Rng());
      break;
    default: // Sparse bits.
      W = W & Word(Rng(), Rng(), Rng(), Rng()) &
          Word(Rng(), Rng(), Rng(), Rng());
      break;
    }
    V.push_back(W);
  }
  return V;
}

constexpr unsigned NumRandom = 4000;
constexpr uint64_t Seed = 0x5eed2561;

/// Reports at most this many mismatches per operation, so that a broken
/// operation does not drown the log.
constexpr unsigned MaxReported = 8;

using Binary = std::function<Word(const Word &, const Word &)>;
using Ternary = std::function<Word(const Word &, const Word &, const Word &)>;

/// Compares F with Ref on every pair of Edge and on NumRandom random pairs.
void checkBinary(const char *Name, const Binary &F, const Binary &Ref,
                 const std::vector<Word> &Left,
                 const std::vector<Word> &Right) {
  unsigned Failures = 0;
  auto Check = [&](const Word &A, const Word &B) {
    Word Got = F(A, B), Want = Ref(A, B);
    if (Got != Want && Failures++ < MaxReported)
      ADD_FAILURE() << Name << "(" << A.toHex() << ", " << B.toHex()
                    << ") = " << Got.toHex() << ", expected " << Want.toHex();
  };
  for (const Word &A : Left)
    for (const Word &B : Right)
      Check(A, B);
  std::vector<Word> RA = randomValues(NumRandom, Seed),
                    RB = randomValues(NumRandom, Seed + 1);
  for (unsigned I = 0; I < NumRandom; ++I)
    Check(RA[I], RB[I]);
  // Random operands against the edge values.
  for (const Word &E : Right)
    for (unsigned I = 0; I < 64; ++I)
      Check(RA[I], E);
  for (const Word &E : Left)
    for (unsigned I = 0; I < 64; ++I)
      Check(E, RB[I]);
  EXPECT_EQ(Failures, 0u) << Name << " mismatches";
}

void checkBinary(const char *Name, const Binary &F, const Binary &Ref) {
  checkBinary(Name, F, Ref, edgeValues(), edgeValues());
}

void checkTernary(const char *Name, const Ternary &F, const Ternary &Ref) {
  unsigned Failures = 0;
  auto Check = [&](const Word &A, const Word &B, const Word &N) {
    Word Got = F(A, B, N), Want = Ref(A, B, N);
    if (Got != Want && Failures++ < MaxReported)
      ADD_FAILURE() << Name << "(" << A.toHex() << ", " << B.toHex() << ", "
                    << N.toHex() << ") = " << Got.toHex() << ", expected "
                    << Want.toHex();
  };
  std::vector<Word> Edge = edgeValues();
  for (const Word &A : Edge)
    for (const Word &B : Edge)
      for (const Word &N : Edge)
        Check(A, B, N);
  std::vector<Word> RA = randomValues(NumRandom, Seed + 2),
                    RB = randomValues(NumRandom, Seed + 3),
                    RN = randomValues(NumRandom, Seed + 4);
  for (unsigned I = 0; I < NumRandom; ++I)
    Check(RA[I], RB[I], RN[I]);
  // Random operands with an edge modulus, and edge operands with random ones.
  for (const Word &N : Edge)
    for (unsigned I = 0; I < 64; ++I)
      Check(RA[I], RB[I], N);
  for (const Word &A : Edge)
    for (unsigned I = 0; I < 64; ++I)
      Check(A, RB[I], RN[I]);
  EXPECT_EQ(Failures, 0u) << Name << " mismatches";
}

//===----------------------------------------------------------------------===//
// Arithmetic.
//===----------------------------------------------------------------------===//

TEST(WordTest, ReferenceSanity) {
  // The reference itself on values whose answers are known by heart.
  EXPECT_EQ(toWord(Big(-1L)), Word::max());
  EXPECT_EQ(sval(Word::max()).sign(), -1);
  EXPECT_EQ(ref::sdiv(pow2(255), Word::max()), pow2(255));
  EXPECT_EQ(ref::smod(minus(7), Word(2)), minus(1));
  EXPECT_EQ(ref::smod(Word(7), minus(2)), Word(1));
  EXPECT_EQ(ref::addmod(Word::max(), Word::max(), Word(10)), Word(0));
  EXPECT_EQ(ref::sar(minus(1), Word(1000)), Word::max());
  EXPECT_EQ(ref::exp(Word(0), Word(0)), Word(1));
}

TEST(WordTest, Add) {
  checkBinary(
      "add", [](auto &A, auto &B) { return A + B; }, ref::add);
}

TEST(WordTest, Sub) {
  checkBinary(
      "sub", [](auto &A, auto &B) { return A - B; }, ref::sub);
}

TEST(WordTest, Negate) {
  for (const Word &A : edgeValues())
    EXPECT_EQ(-A, ref::neg(A)) << A.toHex();
  for (const Word &A : randomValues(NumRandom, Seed))
    EXPECT_EQ(-A, ref::neg(A)) << A.toHex();
}

TEST(WordTest, Mul) {
  checkBinary(
      "mul", [](auto &A, auto &B) { return A * B; }, ref::mul);
}

TEST(WordTest, UDiv) { checkBinary("udiv", zkc::udiv, ref::udiv); }

TEST(WordTest, UMod) { checkBinary("umod", zkc::umod, ref::umod); }

TEST(WordTest, UDivRem) {
  auto Quot = [](const Word &A, const Word &B) {
    Word Q, R;
    udivrem(A, B, Q, R);
    return Q;
  };
  auto Rem = [](const Word &A, const Word &B) {
    Word Q(123), R(456); // Outputs must be written even for a zero divisor.
    udivrem(A, B, Q, R);
    return R;
  };
  checkBinary("udivrem.quot", Quot, ref::udiv);
  checkBinary("udivrem.rem", Rem, ref::umod);
}

TEST(WordTest, SDiv) {
  checkBinary("sdiv", zkc::sdiv, ref::sdiv);
  // The EVM's rules, stated directly.
  EXPECT_EQ(sdiv(pow2(255), Word::max()), pow2(255));
  EXPECT_EQ(sdiv(Word(5), Word(0)), Word(0));
  EXPECT_EQ(sdiv(minus(7), Word(2)), minus(3));
  EXPECT_EQ(sdiv(Word(7), minus(2)), minus(3));
  EXPECT_EQ(sdiv(minus(7), minus(2)), Word(3));
}

TEST(WordTest, SMod) {
  checkBinary("smod", zkc::smod, ref::smod);
  EXPECT_EQ(smod(minus(7), Word(3)), minus(1));
  EXPECT_EQ(smod(Word(7), minus(3)), Word(1));
  EXPECT_EQ(smod(minus(7), minus(3)), minus(1));
  EXPECT_EQ(smod(minus(7), Word(0)), Word(0));
  EXPECT_EQ(smod(pow2(255), Word::max()), Word(0));
}

TEST(WordTest, AddMod) {
  checkTernary("addmod", zkc::addmod, ref::addmod);
  // The sum 2^257 - 2 is not reduced modulo 2^256 first.
  EXPECT_EQ(addmod(Word::max(), Word::max(), Word(12)),
            ref::addmod(Word::max(), Word::max(), Word(12)));
  EXPECT_EQ(addmod(Word(1), Word(2), Word(0)), Word(0));
}

TEST(WordTest, MulMod) {
  checkTernary("mulmod", zkc::mulmod, ref::mulmod);
  // (2^256 - 1)^2 mod 12 over the 512-bit product.
  EXPECT_EQ(mulmod(Word::max(), Word::max(), Word(12)), Word(9));
  EXPECT_EQ(mulmod(Word(3), Word(4), Word(0)), Word(0));
}

TEST(WordTest, Exp) {
  checkBinary("exp", zkc::exp, ref::exp);
  EXPECT_EQ(zkc::exp(Word(0), Word(0)), Word(1));
  EXPECT_EQ(zkc::exp(Word(2), Word(255)), pow2(255));
  EXPECT_EQ(zkc::exp(Word(2), Word(256)), Word(0));
  EXPECT_EQ(zkc::exp(Word::max(), Word::max()), Word::max());
}

TEST(WordTest, ByteLength) {
  for (const Word &A : edgeValues())
    EXPECT_EQ(byteLength(A), (256 - ref::clz(A) + 7) / 8) << A.toHex();
  EXPECT_EQ(byteLength(Word(0)), 0u);
  EXPECT_EQ(byteLength(Word(0xff)), 1u);
  EXPECT_EQ(byteLength(Word(0x100)), 2u);
  EXPECT_EQ(byteLength(Word::max()), 32u);
}

//===----------------------------------------------------------------------===//
// Shifts and bit operations.
//===----------------------------------------------------------------------===//

TEST(WordTest, Shl) {
  checkBinary("shl", zkc::shl, ref::shl, edgeValues(), countValues());
}

TEST(WordTest, Shr) {
  checkBinary("shr", zkc::shr, ref::shr, edgeValues(), countValues());
}

TEST(WordTest, Sar) {
  checkBinary("sar", zkc::sar, ref::sar, edgeValues(), countValues());
  EXPECT_EQ(sar(minus(1), Word(255)), Word::max());
  EXPECT_EQ(sar(pow2(255), Word(255)), Word::max());
  EXPECT_EQ(sar(pow2(255) - 1, Word(254)), Word(1));
  EXPECT_EQ(sar(minus(7), pow2(64)), Word::max());
}

TEST(WordTest, ByteOf) {
  // BYTE takes the index first.
  checkBinary(
      "byte", [](auto &I, auto &V) { return byteOf(I, V); },
      [](auto &I, auto &V) { return ref::byteOf(I, V); }, countValues(),
      edgeValues());
  Word V = *Word::fromString(
      "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
  for (unsigned I = 0; I < 32; ++I)
    EXPECT_EQ(byteOf(Word(I), V), Word(I + 1));
  EXPECT_EQ(byteOf(Word(32), V), Word(0));
  EXPECT_EQ(byteOf(pow2(64), V), Word(0));
}

TEST(WordTest, SignExtend) {
  checkBinary(
      "signextend", [](auto &B, auto &V) { return signExtend(B, V); },
      [](auto &B, auto &V) { return ref::signExtend(B, V); }, countValues(),
      edgeValues());
  EXPECT_EQ(signExtend(Word(0), Word(0xff)), Word::max());
  EXPECT_EQ(signExtend(Word(0), Word(0x17f)), Word(0x7f));
  EXPECT_EQ(signExtend(Word(1), Word(0x8000)), minus(0x8000));
  EXPECT_EQ(signExtend(Word(31), Word(0xff)), Word(0xff));
  EXPECT_EQ(signExtend(pow2(64), minus(5)), minus(5));
}

TEST(WordTest, Clz) {
  for (const Word &A : edgeValues())
    EXPECT_EQ(clz(A), ref::clz(A)) << A.toHex();
  for (const Word &A : randomValues(NumRandom, Seed))
    EXPECT_EQ(clz(A), ref::clz(A)) << A.toHex();
  for (unsigned I = 0; I < 256; ++I) {
    EXPECT_EQ(clz(pow2(I)), 255 - I);
    EXPECT_EQ(clz(pow2(I) | Word(1)), 255 - I);
  }
}

TEST(WordTest, Bitwise) {
  checkBinary(
      "and", [](auto &A, auto &B) { return A & B; }, ref::bitAnd);
  checkBinary(
      "or", [](auto &A, auto &B) { return A | B; }, ref::bitOr);
  checkBinary(
      "xor", [](auto &A, auto &B) { return A ^ B; }, ref::bitXor);
  for (const Word &A : edgeValues())
    EXPECT_EQ(~A, ref::bitNot(A)) << A.toHex();
  for (const Word &A : randomValues(NumRandom, Seed))
    EXPECT_EQ(~A, ref::bitNot(A)) << A.toHex();
}

//===----------------------------------------------------------------------===//
// Comparisons.
//===----------------------------------------------------------------------===//

TEST(WordTest, Comparisons) {
  unsigned Failures = 0;
  auto Check = [&](const Word &A, const Word &B) {
    int C = cmp(uval(A), uval(B));
    bool Ok = (A == B) == (C == 0) && (A != B) == (C != 0) &&
              (A < B) == (C < 0) && (A <= B) == (C <= 0) &&
              (A > B) == (C > 0) && (A >= B) == (C >= 0) &&
              slt(A, B) == ref::slt(A, B) && slt(B, A) == ref::slt(B, A);
    if (!Ok && Failures++ < MaxReported)
      ADD_FAILURE() << "comparison of " << A.toHex() << " and " << B.toHex();
  };
  std::vector<Word> Edge = edgeValues();
  for (const Word &A : Edge)
    for (const Word &B : Edge)
      Check(A, B);
  std::vector<Word> RA = randomValues(NumRandom, Seed),
                    RB = randomValues(NumRandom, Seed + 1);
  for (unsigned I = 0; I < NumRandom; ++I) {
    Check(RA[I], RB[I]);
    Check(RA[I], RA[I]);
  }
  EXPECT_EQ(Failures, 0u);
  EXPECT_TRUE(slt(pow2(255), Word(0)));
  EXPECT_TRUE(slt(Word::max(), Word(0)));
  EXPECT_FALSE(slt(pow2(255) - 1, pow2(255)));
  EXPECT_FALSE(slt(Word(5), Word(5)));
}

TEST(WordTest, Predicates) {
  for (const Word &A : edgeValues()) {
    Big U = uval(A);
    EXPECT_EQ(A.isZero(), U.sign() == 0) << A.toHex();
    EXPECT_EQ(bool(A), U.sign() != 0) << A.toHex();
    EXPECT_EQ(A.isNegative(), sval(A).sign() < 0) << A.toHex();
    EXPECT_EQ(A.fitsU64(), mpz_sizeinbase(U.V, 2) <= 64) << A.toHex();
    EXPECT_EQ(A.low(), A.L[0]);
  }
  EXPECT_EQ(Word::signBit(), pow2(255));
  EXPECT_EQ(Word::max(), toWord(Big(-1L)));
}

//===----------------------------------------------------------------------===//
// Byte order and text.
//===----------------------------------------------------------------------===//

std::vector<uint8_t> refBigEndian(const Word &A) {
  std::vector<uint8_t> Out(32, 0);
  size_t Count = 0;
  uint8_t Buf[32];
  mpz_export(Buf, &Count, /*order=*/1, 1, /*endian=*/1, 0, uval(A).V);
  std::copy(Buf, Buf + Count, Out.begin() + (32 - Count));
  return Out;
}

TEST(WordTest, BigEndian) {
  std::vector<Word> All = edgeValues();
  std::vector<Word> R = randomValues(NumRandom, Seed);
  All.insert(All.end(), R.begin(), R.end());
  for (const Word &A : All) {
    std::vector<uint8_t> Want = refBigEndian(A);
    uint8_t Got[32];
    A.toBigEndian(Got);
    EXPECT_EQ(std::vector<uint8_t>(Got, Got + 32), Want) << A.toHex();
    EXPECT_EQ(Word::fromBigEndian(Want.data()), A) << A.toHex();
    // Every shorter prefix length reads the last N bytes' worth of value.
    for (size_t N = 0; N <= 32; ++N) {
      Big Low;
      mpz_fdiv_r_2exp(Low.V, uval(A).V, 8 * N);
      EXPECT_EQ(Word::fromBigEndian(Want.data() + (32 - N), N), toWord(Low))
          << A.toHex() << " N=" << N;
    }
  }
  const uint8_t Addr[20] = {0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0, 0, 0,
                            0,    0,    0,    0,    0, 0, 0, 0, 0, 0x01};
  EXPECT_EQ(Word::fromBigEndian(Addr, 20).toHex(),
            "0xdeadbeef00000000000000000000000000000001");
}

TEST(WordTest, ToText) {
  std::vector<Word> All = edgeValues();
  std::vector<Word> R = randomValues(NumRandom, Seed);
  All.insert(All.end(), R.begin(), R.end());
  for (const Word &A : All) {
    std::string Hex = ref::hex(A);
    EXPECT_EQ(A.toDecimal(), ref::decimal(A));
    EXPECT_EQ(A.toHex(), "0x" + Hex);
    EXPECT_EQ(A.toHex64(), std::string(64 - Hex.size(), '0') + Hex);
  }
  EXPECT_EQ(Word(0).toHex(), "0x0");
  EXPECT_EQ(Word(0).toDecimal(), "0");
  EXPECT_EQ(Word::max().toDecimal(),
            "115792089237316195423570985008687907853269984665640564039457584007"
            "913129639935");
}

TEST(WordTest, FromString) {
  std::vector<Word> All = edgeValues();
  std::vector<Word> R = randomValues(NumRandom, Seed);
  All.insert(All.end(), R.begin(), R.end());
  for (const Word &A : All) {
    EXPECT_EQ(Word::fromString(ref::decimal(A)), A);
    EXPECT_EQ(Word::fromString("0x" + ref::hex(A)), A);
    EXPECT_EQ(Word::fromString("0X" + ref::hex(A)), A);
    EXPECT_EQ(Word::fromString("0x" + A.toHex64()), A);
    EXPECT_EQ(Word::fromString("-" + ref::decimal(A)), ref::neg(A));
  }
  // Upper-case digits and leading zeros beyond 64 digits.
  EXPECT_EQ(Word::fromString("0xABCdef"), Word(0xabcdef));
  EXPECT_EQ(Word::fromString("0x" + std::string(100, '0') + "1"), Word(1));
  EXPECT_EQ(Word::fromString("000000000000000000000000000000000000000000000000"
                             "000000000000000000000000000000000042"),
            Word(42));
  EXPECT_EQ(Word::fromString("-0x1"), Word::max());
  EXPECT_EQ(Word::fromString("-0"), Word(0));
  // 2^256 - 1 is the largest accepted value; 2^256 is rejected in both bases.
  EXPECT_EQ(Word::fromString("0x" + std::string(64, 'f')), Word::max());
  EXPECT_EQ(Word::fromString("0x1" + std::string(64, '0')), std::nullopt);
  std::string Two256Dec =
      "115792089237316195423570985008687907853269984665640564039457584007913129"
      "639936";
  EXPECT_EQ(Word::fromString(Two256Dec), std::nullopt);
  EXPECT_EQ(Word::fromString("1" + std::string(78, '0')), std::nullopt);
  EXPECT_EQ(Word::fromString(std::string(200, '9')), std::nullopt);
  // Malformed text.
  for (const char *Bad : {"", "-", "0x", "0xg", "12a", " 1", "1 ", "+1", "--1",
                          "0x-1", "1.5", "0b101", "x12"})
    EXPECT_EQ(Word::fromString(Bad), std::nullopt) << '"' << Bad << '"';
}

} // namespace
