//===-- RuntimeHostTest.cpp - The runtime's C against GMP -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The runtime library's sources, compiled for the host, on random and edge
// operands, compared with GMP. The same C becomes the ZVM bitcode, whose
// execution in the emulator RuntimeExecTest checks.
//
//===----------------------------------------------------------------------===//

#include "zvm_rt.h"

#include <gmp.h>
#include <gtest/gtest.h>

#include <random>

namespace {

/// A 256-bit value as GMP's integer.
void toMpz(mpz_t Out, u256 X) {
  mpz_set_ui(Out, 0);
  for (int I = 3; I >= 0; --I) {
    mpz_mul_2exp(Out, Out, 64);
    mpz_add_ui(
        Out, Out,
        static_cast<unsigned long>(static_cast<uint64_t>(X >> (64 * I))));
  }
}

u256 fromMpz(const mpz_t In) {
  mpz_t T;
  mpz_init_set(T, In);
  u256 R = 0;
  for (int I = 0; I < 4; ++I) {
    R |= static_cast<u256>(mpz_get_ui(T)) << (64 * I);
    mpz_fdiv_q_2exp(T, T, 64);
  }
  mpz_clear(T);
  return R;
}

/// Random words biased towards the shapes that break division: small,
/// huge, powers of two, one limb set.
u256 randomWord(std::mt19937_64 &Rng) {
  u256 X = 0;
  for (int I = 0; I < 4; ++I)
    X = (X << 64) | Rng();
  switch (Rng() % 6) {
  case 0:
    return X >> (Rng() % 256);
  case 1:
    return static_cast<u256>(1) << (Rng() % 256);
  case 2:
    return ~static_cast<u256>(0) - (Rng() % 3);
  case 3:
    return static_cast<u256>(Rng() % 5);
  default:
    return X;
  }
}

TEST(RuntimeHost, ByteSwap) {
  std::mt19937_64 Rng(1);
  for (int N = 0; N < 2000; ++N) {
    u256 X = randomWord(Rng);
    u256 Expected = 0;
    for (int I = 0; I < 32; ++I)
      Expected |= ((X >> (8 * I)) & 0xff) << (8 * (31 - I));
    ASSERT_TRUE(__zvm_rt_bswap256(X) == Expected);
  }
  EXPECT_TRUE(__zvm_rt_bswap256(0x0102) == static_cast<u256>(0x0201) << 240);
}

TEST(RuntimeHost, Div512AgainstGMP) {
  std::mt19937_64 Rng(2);
  mpz_t A, B, T, Q, R, Lo, Hi;
  mpz_inits(A, B, T, Q, R, Lo, Hi, nullptr);
  for (int N = 0; N < 20000; ++N) {
    u256 ALo = randomWord(Rng), AHi = Rng() % 4 ? randomWord(Rng) : 0;
    u256 BLo = randomWord(Rng), BHi = Rng() % 3 ? randomWord(Rng) : 0;
    toMpz(A, AHi);
    mpz_mul_2exp(A, A, 256);
    toMpz(T, ALo);
    mpz_add(A, A, T);
    toMpz(B, BHi);
    mpz_mul_2exp(B, B, 256);
    toMpz(T, BLo);
    mpz_add(B, B, T);
    if (mpz_sgn(B) == 0) {
      EXPECT_TRUE(__zvm_rt_udiv512_lo(ALo, AHi, BLo, BHi) == 0);
      EXPECT_TRUE(__zvm_rt_urem512_hi(ALo, AHi, BLo, BHi) == 0);
      continue;
    }
    mpz_fdiv_qr(Q, R, A, B);
    mpz_fdiv_r_2exp(Lo, Q, 256);
    mpz_fdiv_q_2exp(Hi, Q, 256);
    ASSERT_TRUE(__zvm_rt_udiv512_lo(ALo, AHi, BLo, BHi) == fromMpz(Lo)) << N;
    ASSERT_TRUE(__zvm_rt_udiv512_hi(ALo, AHi, BLo, BHi) == fromMpz(Hi)) << N;
    mpz_fdiv_r_2exp(Lo, R, 256);
    mpz_fdiv_q_2exp(Hi, R, 256);
    ASSERT_TRUE(__zvm_rt_urem512_lo(ALo, AHi, BLo, BHi) == fromMpz(Lo)) << N;
    ASSERT_TRUE(__zvm_rt_urem512_hi(ALo, AHi, BLo, BHi) == fromMpz(Hi)) << N;
  }
  mpz_clears(A, B, T, Q, R, Lo, Hi, nullptr);
}

} // namespace
