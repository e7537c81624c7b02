//===-- zkc/Support/Keccak.h - Keccak-256 -----------------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Keccak-256 as the EVM defines it (the original Keccak padding, not FIPS 202
// SHA3-256). The permutation is nettle's keccak-f[1600]; the sponge around it
// is written here because nettle only offers the SHA3 padding.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_SUPPORT_KECCAK_H
#define ZKC_SUPPORT_KECCAK_H

#include "zkc/Support/Word.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace zkc {

/// Applies keccak-f[1600] to a state of 25 lanes in place.
void keccakF1600(uint64_t State[25]);

/// Keccak-256 digest of N bytes.
std::array<uint8_t, 32> keccak256(const uint8_t *Data, size_t N);

/// Keccak-256 digest read as a big-endian word.
inline Word keccak256Word(const uint8_t *Data, size_t N) {
  return Word::fromBigEndian(keccak256(Data, N).data());
}

} // namespace zkc

#endif // ZKC_SUPPORT_KECCAK_H
