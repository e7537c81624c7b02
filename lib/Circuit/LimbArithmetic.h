//===-- LimbArithmetic.h - Witnesses of limb-wise gadgets -------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The carries and borrows of the limb chains several tables share: a
// negation modulo 2^256 and a strict bound V < Bound.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_LIB_CIRCUIT_LIMBARITHMETIC_H
#define ZKC_LIB_CIRCUIT_LIMBARITHMETIC_H

#include "zkc/Circuit/Air.h"

namespace zkc::circuit {

/// The carries of Out + V = 2^256 c (Out = -V mod 2^256), limb by limb:
/// Out_i + V_i + c_{i-1} = 2^16 c_i. All zero when Negate is false.
inline void writeNegationCarries(const Word &V, bool Negate, Felt *Carry) {
  Word Out = Negate ? -V : V;
  uint64_t C = 0;
  for (unsigned I = 0; I < NumLimbs; ++I) {
    uint64_t S = Negate ? uint64_t(limbOf(Out, I)) + limbOf(V, I) + C : 0;
    C = S >> LimbBits;
    Carry[I] = Felt(C);
  }
}

/// Gap = Bound - V - 1 with the borrows of each limb but the top (Bound > V
/// leaves none out of it).
inline void writeBelowGap(const Word &Bound, const Word &V, Felt *Gap,
                          Felt *Borrow) {
  Word G = Bound - V - Word(1);
  writeLimbs(G, Gap);
  int64_t B = 1;
  for (unsigned I = 0; I + 1 < NumLimbs; ++I) {
    int64_t D = int64_t(limbOf(Bound, I)) - limbOf(V, I) - B;
    B = D < 0;
    Borrow[I] = Felt(uint64_t(B));
  }
}

/// A * B + C = Hi 2^256 + Lo.
inline void wideMulAdd(const Word &A, const Word &B, const Word &C, Word &Hi,
                       Word &Lo) {
  uint64_t Out[8] = {C.L[0], C.L[1], C.L[2], C.L[3], 0, 0, 0, 0};
  for (unsigned I = 0; I < 4; ++I) {
    unsigned __int128 Carry = 0;
    for (unsigned J = 0; J < 4; ++J) {
      unsigned __int128 T =
          (unsigned __int128)A.L[I] * B.L[J] + Out[I + J] + Carry;
      Out[I + J] = static_cast<uint64_t>(T);
      Carry = T >> 64;
    }
    for (unsigned K = I + 4; Carry && K < 8; ++K) {
      unsigned __int128 T = (unsigned __int128)Out[K] + Carry;
      Out[K] = static_cast<uint64_t>(T);
      Carry = T >> 64;
    }
  }
  Lo = Word(Out[0], Out[1], Out[2], Out[3]);
  Hi = Word(Out[4], Out[5], Out[6], Out[7]);
}

} // namespace zkc::circuit

#endif // ZKC_LIB_CIRCUIT_LIMBARITHMETIC_H
