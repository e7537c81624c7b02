//===-- Word.cpp - Division-family and text operations on Word ------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Division, modular arithmetic and conversions to and from text. The long
// division is GMP's mpn_tdiv_qr, which works on limb arrays in place without
// allocating; only the EVM conventions (division by zero, signs, 512-bit
// intermediates) are written here.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/Word.h"

#include <algorithm>
#include <gmp.h>

using namespace zkc;

static_assert(sizeof(mp_limb_t) == sizeof(uint64_t) && GMP_NUMB_BITS == 64,
              "Word needs GMP with 64-bit limbs");

/// Number of limbs up to and including the most significant non-zero one.
static int significantLimbs(const uint64_t *P, int N) {
  while (N > 0 && P[N - 1] == 0)
    --N;
  return N;
}

/// Divides the NumLimbs-limb number N by D, writing the remainder to Rem and,
/// when Quot is given, the low four limbs of the quotient to Quot.
static void divideLimbs(const uint64_t *N, int NumLimbs, const Word &D,
                        Word *Quot, Word &Rem) {
  int NN = significantLimbs(N, NumLimbs), DN = significantLimbs(D.L, 4);
  Rem = Word();
  if (Quot)
    *Quot = Word();
  if (DN == 0)
    return;
  if (NN < DN) {
    std::copy(N, N + NN, Rem.L);
    return;
  }
  if (NN == 1) {
    Rem.L[0] = N[0] % D.L[0];
    if (Quot)
      Quot->L[0] = N[0] / D.L[0];
    return;
  }
  mp_limb_t Q[8] = {}, R[4] = {};
  mpn_tdiv_qr(Q, R, 0, reinterpret_cast<const mp_limb_t *>(N), NN,
              reinterpret_cast<const mp_limb_t *>(D.L), DN);
  std::copy(R, R + DN, Rem.L);
  if (Quot)
    std::copy(Q, Q + std::min(4, NN - DN + 1), Quot->L);
}

void zkc::udivrem(const Word &A, const Word &B, Word &Quot, Word &Rem) {
  divideLimbs(A.L, 4, B, &Quot, Rem);
}

Word zkc::udiv(const Word &A, const Word &B) {
  if (A.fitsU64() && B.fitsU64())
    return B.L[0] ? Word(A.L[0] / B.L[0]) : Word();
  Word Q, R;
  udivrem(A, B, Q, R);
  return Q;
}

Word zkc::umod(const Word &A, const Word &B) {
  if (A.fitsU64() && B.fitsU64())
    return B.L[0] ? Word(A.L[0] % B.L[0]) : Word();
  Word Q, R;
  udivrem(A, B, Q, R);
  return R;
}

static Word absValue(const Word &A) { return A.isNegative() ? -A : A; }

Word zkc::sdiv(const Word &A, const Word &B) {
  // -2^255 / -1 overflows; negating the unsigned quotient 2^255 gives
  // -2^255 again, which is the EVM's answer, so no special case is needed.
  Word Q = udiv(absValue(A), absValue(B));
  return A.isNegative() != B.isNegative() ? -Q : Q;
}

Word zkc::smod(const Word &A, const Word &B) {
  Word R = umod(absValue(A), absValue(B));
  return A.isNegative() ? -R : R;
}

Word zkc::addmod(const Word &A, const Word &B, const Word &N) {
  uint64_t Sum[5];
  unsigned long long C = 0;
  for (int I = 0; I < 4; ++I)
    Sum[I] = __builtin_addcll(A.L[I], B.L[I], C, &C);
  Sum[4] = C;
  Word Rem;
  divideLimbs(Sum, 5, N, nullptr, Rem);
  return Rem;
}

Word zkc::mulmod(const Word &A, const Word &B, const Word &N) {
  if (N.isZero())
    return Word();
  mp_limb_t Prod[8];
  mpn_mul_n(Prod, reinterpret_cast<const mp_limb_t *>(A.L),
            reinterpret_cast<const mp_limb_t *>(B.L), 4);
  Word Rem;
  divideLimbs(reinterpret_cast<const uint64_t *>(Prod), 8, N, nullptr, Rem);
  return Rem;
}

Word zkc::exp(const Word &Base, const Word &Exponent) {
  Word Result(1), B = Base;
  int Bits = 256 - clz(Exponent);
  for (int I = 0; I < Bits; ++I) {
    if ((Exponent.L[I / 64] >> (I % 64)) & 1)
      Result = Result * B;
    if (I + 1 < Bits)
      B = B * B;
  }
  return Result;
}

Word Word::fromBigEndian(const uint8_t *P, size_t N) {
  uint8_t Buf[32] = {};
  N = std::min<size_t>(N, 32);
  std::memcpy(Buf + 32 - N, P, N);
  return fromBigEndian(Buf);
}

static int hexDigit(char C) {
  if (C >= '0' && C <= '9')
    return C - '0';
  if (C >= 'a' && C <= 'f')
    return C - 'a' + 10;
  if (C >= 'A' && C <= 'F')
    return C - 'A' + 10;
  return -1;
}

std::optional<Word> Word::fromString(std::string_view S) {
  bool Negate = false;
  if (!S.empty() && S[0] == '-') {
    Negate = true;
    S.remove_prefix(1);
  }
  if (S.empty())
    return std::nullopt;
  Word R;
  if (S.size() > 2 && S[0] == '0' && (S[1] == 'x' || S[1] == 'X')) {
    S.remove_prefix(2);
    size_t Start = S.find_first_not_of('0');
    if (Start != std::string_view::npos && S.size() - Start > 64)
      return std::nullopt;
    for (char C : S) {
      int D = hexDigit(C);
      if (D < 0)
        return std::nullopt;
      R = shl(R, Word(4)) | Word(D);
    }
  } else {
    const Word Ten(10);
    const Word Limit = udiv(Word::max(), Ten);
    for (char C : S) {
      if (C < '0' || C > '9')
        return std::nullopt;
      Word D(C - '0');
      if (R > Limit)
        return std::nullopt;
      Word Next = R * Ten + D;
      if (Next < R * Ten)
        return std::nullopt;
      R = Next;
    }
  }
  return Negate ? -R : R;
}

std::string Word::toHex64() const {
  static const char Digits[] = "0123456789abcdef";
  std::string S(64, '0');
  for (int I = 0; I < 64; ++I)
    S[63 - I] = Digits[(L[I / 16] >> (4 * (I % 16))) & 0xf];
  return S;
}

std::string Word::toHex() const {
  std::string S = toHex64();
  size_t Start = std::min(S.find_first_not_of('0'), S.size() - 1);
  return "0x" + S.substr(Start);
}

std::string Word::toDecimal() const {
  if (isZero())
    return "0";
  std::string S;
  Word V = *this;
  const Word Ten(10);
  while (!V.isZero()) {
    Word Q, R;
    udivrem(V, Ten, Q, R);
    S.push_back(char('0' + R.L[0]));
    V = Q;
  }
  std::reverse(S.begin(), S.end());
  return S;
}
