//===-- zkc/Support/Word.h - The 256-bit machine word -----------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// This file defines Word, the 256-bit unsigned integer that is the ZVM's (and
// the EVM's) machine word, and every EVM operation on it. Four 64-bit limbs,
// least significant first; the cheap operations are inline so the emulator's
// dispatch loop compiles them to a handful of instructions. Division-family
// operations use GMP's mpn kernels (Word.cpp). LLVM's APInt is used by the
// compiler only: it allocates above 64 bits, which the emulator cannot afford.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_SUPPORT_WORD_H
#define ZKC_SUPPORT_WORD_H

#include <compare>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace zkc {

struct Word {
  /// Limbs, least significant first.
  uint64_t L[4];

  constexpr Word() : L{0, 0, 0, 0} {}
  constexpr Word(uint64_t V) : L{V, 0, 0, 0} {}
  constexpr Word(uint64_t L0, uint64_t L1, uint64_t L2, uint64_t L3)
      : L{L0, L1, L2, L3} {}

  static constexpr Word max() { return Word(~0ull, ~0ull, ~0ull, ~0ull); }
  /// -2^255, the most negative signed value.
  static constexpr Word signBit() { return Word(0, 0, 0, 1ull << 63); }

  constexpr bool isZero() const { return (L[0] | L[1] | L[2] | L[3]) == 0; }
  constexpr bool isNegative() const { return L[3] >> 63; }
  /// True if the value is below 2^64.
  constexpr bool fitsU64() const { return (L[1] | L[2] | L[3]) == 0; }
  constexpr uint64_t low() const { return L[0]; }
  explicit constexpr operator bool() const { return !isZero(); }

  /// Reads 32 big-endian bytes, the EVM's memory and storage byte order.
  static Word fromBigEndian(const uint8_t *P) {
    Word W;
    for (int I = 0; I < 4; ++I) {
      uint64_t V;
      std::memcpy(&V, P + 8 * (3 - I), 8);
      W.L[I] = __builtin_bswap64(V);
    }
    return W;
  }
  /// Reads up to 32 bytes as a big-endian number (as PUSHn or an address).
  static Word fromBigEndian(const uint8_t *P, size_t N);
  void toBigEndian(uint8_t *P) const {
    for (int I = 0; I < 4; ++I) {
      uint64_t V = __builtin_bswap64(L[I]);
      std::memcpy(P + 8 * (3 - I), &V, 8);
    }
  }

  /// Parses decimal, or hexadecimal with a 0x prefix; nullopt if malformed or
  /// not below 2^256. A leading '-' gives the two's complement.
  static std::optional<Word> fromString(std::string_view S);
  /// 0x-prefixed lowercase hexadecimal without leading zeros ("0x0" for 0).
  std::string toHex() const;
  /// 64 hexadecimal digits, no prefix.
  std::string toHex64() const;
  std::string toDecimal() const;

  friend constexpr bool operator==(const Word &A, const Word &B) {
    return A.L[0] == B.L[0] && A.L[1] == B.L[1] && A.L[2] == B.L[2] &&
           A.L[3] == B.L[3];
  }
  /// Unsigned order.
  friend constexpr std::strong_ordering operator<=>(const Word &A,
                                                    const Word &B) {
    for (int I = 3; I >= 0; --I)
      if (A.L[I] != B.L[I])
        return A.L[I] <=> B.L[I];
    return std::strong_ordering::equal;
  }
};

inline Word operator+(const Word &A, const Word &B) {
  Word R;
  unsigned long long C = 0;
  R.L[0] = __builtin_addcll(A.L[0], B.L[0], 0, &C);
  R.L[1] = __builtin_addcll(A.L[1], B.L[1], C, &C);
  R.L[2] = __builtin_addcll(A.L[2], B.L[2], C, &C);
  R.L[3] = __builtin_addcll(A.L[3], B.L[3], C, &C);
  return R;
}

inline Word operator-(const Word &A, const Word &B) {
  Word R;
  unsigned long long C = 0;
  R.L[0] = __builtin_subcll(A.L[0], B.L[0], 0, &C);
  R.L[1] = __builtin_subcll(A.L[1], B.L[1], C, &C);
  R.L[2] = __builtin_subcll(A.L[2], B.L[2], C, &C);
  R.L[3] = __builtin_subcll(A.L[3], B.L[3], C, &C);
  return R;
}

inline Word operator-(const Word &A) { return Word() - A; }

/// Product modulo 2^256: only the partial products below 2^256 are formed.
inline Word operator*(const Word &A, const Word &B) {
  using U128 = unsigned __int128;
  Word R;
  for (int I = 0; I < 4; ++I) {
    uint64_t Carry = 0;
    for (int J = 0; I + J < 4; ++J) {
      U128 T = U128(A.L[I]) * B.L[J] + R.L[I + J] + Carry;
      R.L[I + J] = static_cast<uint64_t>(T);
      Carry = static_cast<uint64_t>(T >> 64);
    }
  }
  return R;
}

inline Word operator&(const Word &A, const Word &B) {
  return Word(A.L[0] & B.L[0], A.L[1] & B.L[1], A.L[2] & B.L[2],
              A.L[3] & B.L[3]);
}
inline Word operator|(const Word &A, const Word &B) {
  return Word(A.L[0] | B.L[0], A.L[1] | B.L[1], A.L[2] | B.L[2],
              A.L[3] | B.L[3]);
}
inline Word operator^(const Word &A, const Word &B) {
  return Word(A.L[0] ^ B.L[0], A.L[1] ^ B.L[1], A.L[2] ^ B.L[2],
              A.L[3] ^ B.L[3]);
}
inline Word operator~(const Word &A) {
  return Word(~A.L[0], ~A.L[1], ~A.L[2], ~A.L[3]);
}

/// Left shift; shifts of 256 or more give 0.
inline Word shl(const Word &A, const Word &Shift) {
  if (!Shift.fitsU64() || Shift.L[0] >= 256)
    return Word();
  unsigned S = Shift.L[0], LimbShift = S / 64, BitShift = S % 64;
  Word R;
  for (int I = 3; I >= int(LimbShift); --I) {
    uint64_t V = A.L[I - LimbShift] << BitShift;
    if (BitShift && I - int(LimbShift) - 1 >= 0)
      V |= A.L[I - LimbShift - 1] >> (64 - BitShift);
    R.L[I] = V;
  }
  return R;
}

/// Logical right shift; shifts of 256 or more give 0.
inline Word shr(const Word &A, const Word &Shift) {
  if (!Shift.fitsU64() || Shift.L[0] >= 256)
    return Word();
  unsigned S = Shift.L[0], LimbShift = S / 64, BitShift = S % 64;
  Word R;
  for (unsigned I = 0; I + LimbShift < 4; ++I) {
    uint64_t V = A.L[I + LimbShift] >> BitShift;
    if (BitShift && I + LimbShift + 1 < 4)
      V |= A.L[I + LimbShift + 1] << (64 - BitShift);
    R.L[I] = V;
  }
  return R;
}

/// Arithmetic right shift; shifts of 256 or more give 0 or -1 by sign.
inline Word sar(const Word &A, const Word &Shift) {
  if (!A.isNegative())
    return shr(A, Shift);
  return ~shr(~A, Shift);
}

inline bool slt(const Word &A, const Word &B) {
  bool NA = A.isNegative(), NB = B.isNegative();
  if (NA != NB)
    return NA;
  return A < B;
}

/// Number of leading zero bits; 256 for zero.
inline unsigned clz(const Word &A) {
  for (int I = 3; I >= 0; --I)
    if (A.L[I])
      return (3 - I) * 64 + __builtin_clzll(A.L[I]);
  return 256;
}

/// EVM BYTE: byte Index of Value counting from the most significant; 0 when
/// Index is 32 or more.
inline Word byteOf(const Word &Index, const Word &Value) {
  if (!Index.fitsU64() || Index.L[0] >= 32)
    return Word();
  unsigned BitPos = (31 - Index.L[0]) * 8;
  return Word((Value.L[BitPos / 64] >> (BitPos % 64)) & 0xff);
}

/// EVM SIGNEXTEND: extends the sign of the low Bytes+1 bytes; the value is
/// unchanged when Bytes is 31 or more.
inline Word signExtend(const Word &Bytes, const Word &Value) {
  if (!Bytes.fitsU64() || Bytes.L[0] >= 31)
    return Value;
  unsigned SignBit = Bytes.L[0] * 8 + 7;
  unsigned Limb = SignBit / 64, Bit = SignBit % 64;
  bool Neg = (Value.L[Limb] >> Bit) & 1;
  Word R = Value;
  uint64_t Mask = Bit == 63 ? ~0ull : ((1ull << (Bit + 1)) - 1);
  R.L[Limb] = Neg ? (R.L[Limb] | ~Mask) : (R.L[Limb] & Mask);
  for (unsigned I = Limb + 1; I < 4; ++I)
    R.L[I] = Neg ? ~0ull : 0;
  return R;
}

/// Unsigned division and remainder; both are 0 when Divisor is 0.
void udivrem(const Word &Dividend, const Word &Divisor, Word &Quot, Word &Rem);
Word udiv(const Word &A, const Word &B);
Word umod(const Word &A, const Word &B);
/// Signed division truncating toward zero; -2^255 / -1 is -2^255; x / 0 is 0.
Word sdiv(const Word &A, const Word &B);
/// Signed remainder with the sign of the dividend; x % 0 is 0.
Word smod(const Word &A, const Word &B);
/// (A + B) mod N without overflow of the sum; 0 when N is 0.
Word addmod(const Word &A, const Word &B, const Word &N);
/// (A * B) mod N over the full 512-bit product; 0 when N is 0.
Word mulmod(const Word &A, const Word &B, const Word &N);
/// Base^Exponent modulo 2^256.
Word exp(const Word &Base, const Word &Exponent);

/// Number of significant bytes of an EXP exponent, for its dynamic gas.
inline unsigned byteLength(const Word &A) { return (256 - clz(A) + 7) / 8; }

} // namespace zkc

#endif // ZKC_SUPPORT_WORD_H
