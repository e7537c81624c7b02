//===-- Keccak.cpp - Keccak-256 over nettle's permutation -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/Keccak.h"

#include <cstring>
#include <nettle/sha3.h>

using namespace zkc;

void zkc::keccakF1600(uint64_t State[25]) {
  static_assert(sizeof(sha3_state::a) == 25 * sizeof(uint64_t));
  sha3_state S;
  std::memcpy(S.a, State, sizeof(S.a));
  sha3_permute(&S);
  std::memcpy(State, S.a, sizeof(S.a));
}

std::array<uint8_t, 32> zkc::keccak256(const uint8_t *Data, size_t N) {
  constexpr size_t Rate = 136; // 1600 - 2 * 256 bits, in bytes.
  sha3_state S;
  std::memset(&S, 0, sizeof(S));
  auto AbsorbBlock = [&S](const uint8_t *Block) {
    for (size_t I = 0; I < Rate / 8; ++I) {
      uint64_t Lane;
      std::memcpy(&Lane, Block + 8 * I, 8); // Lanes are little-endian.
      S.a[I] ^= Lane;
    }
    sha3_permute(&S);
  };
  for (; N >= Rate; N -= Rate, Data += Rate)
    AbsorbBlock(Data);
  // Keccak's pad10*1 with the original domain byte 0x01.
  uint8_t Last[Rate] = {};
  if (N)
    std::memcpy(Last, Data, N);
  Last[N] ^= 0x01;
  Last[Rate - 1] ^= 0x80;
  AbsorbBlock(Last);
  std::array<uint8_t, 32> Out;
  std::memcpy(Out.data(), S.a, 32);
  return Out;
}
