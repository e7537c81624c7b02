//===-- zkc/Circuit/Field.h - The Goldilocks field --------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// This file defines Felt, an element of the Goldilocks field GF(p) with
// p = 2^64 - 2^32 + 1, the field the ZVM circuit is written over. Elements are
// always kept canonical (below p), so equality is equality of the stored
// integers. Reduction of a 128-bit product uses 2^64 = 2^32 - 1 and
// 2^96 = -1 (mod p), as Plonky3's Goldilocks does.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_FIELD_H
#define ZKC_CIRCUIT_FIELD_H

#include <concepts>
#include <cstdint>
#include <string>

namespace zkc::circuit {

class Felt {
public:
  /// p = 2^64 - 2^32 + 1.
  static constexpr uint64_t Modulus = 0xffffffff00000001ull;
  /// 2^64 mod p = 2^32 - 1.
  static constexpr uint64_t Epsilon = 0xffffffffull;

  constexpr Felt() = default;
  /// Any integer, reduced modulo p; negative values are p - |V|.
  template <std::integral I> constexpr Felt(I V) {
    if constexpr (std::is_signed_v<I>) {
      if (V < 0) {
        uint64_t Mag =
            uint64_t(0) - static_cast<uint64_t>(static_cast<int64_t>(V));
        Val = Felt(Mag).negate().Val;
        return;
      }
    }
    uint64_t U = static_cast<uint64_t>(V);
    Val = U >= Modulus ? U - Modulus : U;
  }

  static constexpr Felt zero() { return Felt(); }
  static constexpr Felt one() { return Felt(1u); }

  /// The canonical representative, in [0, p).
  constexpr uint64_t value() const { return Val; }
  constexpr bool isZero() const { return Val == 0; }

  constexpr Felt negate() const {
    Felt R;
    R.Val = Val == 0 ? 0 : Modulus - Val;
    return R;
  }

  friend constexpr Felt operator+(Felt A, Felt B) {
    uint64_t S = A.Val + B.Val;
    // A carry out of 64 bits means the true sum is S + 2^64 >= p, and
    // subtracting p from it is adding 2^64 - p = Epsilon to S.
    bool Carry = S < A.Val;
    if (Carry)
      S += Epsilon;
    else if (S >= Modulus)
      S -= Modulus;
    Felt R;
    R.Val = S;
    return R;
  }
  friend constexpr Felt operator-(Felt A, Felt B) {
    uint64_t D = A.Val - B.Val;
    // A borrow wrapped D by 2^64; adding p back is subtracting Epsilon.
    if (A.Val < B.Val)
      D -= Epsilon;
    Felt R;
    R.Val = D;
    return R;
  }
  friend constexpr Felt operator-(Felt A) { return A.negate(); }
  friend constexpr Felt operator*(Felt A, Felt B) {
    Felt R;
    R.Val = reduce128(static_cast<unsigned __int128>(A.Val) * B.Val);
    return R;
  }
  Felt &operator+=(Felt B) { return *this = *this + B; }
  Felt &operator-=(Felt B) { return *this = *this - B; }
  Felt &operator*=(Felt B) { return *this = *this * B; }

  friend constexpr bool operator==(Felt A, Felt B) { return A.Val == B.Val; }

  constexpr Felt pow(uint64_t E) const {
    Felt Base = *this, R = one();
    while (E) {
      if (E & 1)
        R = R * Base;
      Base = Base * Base;
      E >>= 1;
    }
    return R;
  }
  /// The multiplicative inverse (Fermat: x^(p-2)); the inverse of 0 is 0.
  constexpr Felt inverse() const { return pow(Modulus - 2); }

  /// Decimal, or the negative of a small value as "-N" when that is shorter
  /// (field elements that stand for -1 read better that way).
  std::string toString() const;

  /// Reduces a 128-bit integer modulo p.
  static constexpr uint64_t reduce128(unsigned __int128 X) {
    uint64_t Lo = static_cast<uint64_t>(X);
    uint64_t Hi = static_cast<uint64_t>(X >> 64);
    uint64_t HiHi = Hi >> 32, HiLo = Hi & Epsilon;
    // X = Lo + 2^64 HiLo + 2^96 HiHi = Lo + Epsilon HiLo - HiHi (mod p).
    uint64_t T0 = Lo - HiHi;
    if (Lo < HiHi)
      T0 -= Epsilon;              // Borrow: add p back. Cannot underflow again.
    uint64_t T1 = HiLo * Epsilon; // Below 2^64.
    uint64_t T2 = T0 + T1;
    if (T2 < T0)
      T2 += Epsilon; // Carry: subtract p.
    return T2 >= Modulus ? T2 - Modulus : T2;
  }

private:
  uint64_t Val = 0;
};

/// Montgomery's trick: inverts every element of Values in place with one
/// field inversion. Zeros stay zero.
void batchInverse(Felt *Values, size_t N);

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_FIELD_H
