//===-- FieldTest.cpp - The Goldilocks field ------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Field operations against 128-bit integer arithmetic modulo p, on values
// near 0, near 2^32, near p and near 2^64, and on random values.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Field.h"

#include "gtest/gtest.h"

#include <random>
#include <vector>

using namespace zkc::circuit;

namespace {

using U128 = unsigned __int128;
constexpr uint64_t P = Felt::Modulus;

std::vector<uint64_t> edgeValues() {
  std::vector<uint64_t> V = {0,
                             1,
                             2,
                             3,
                             0xffff,
                             0x10000,
                             0xffffffffull,
                             0x100000000ull,
                             0x100000001ull,
                             P / 2,
                             P / 2 + 1,
                             P - 2,
                             P - 1};
  std::mt19937_64 Rng(42);
  for (int I = 0; I < 200; ++I) {
    uint64_t R = Rng() % P;
    V.push_back(R);
    V.push_back(P - 1 - (R >> 40)); // Close to p.
    V.push_back(R >> 32);           // Small.
  }
  return V;
}

TEST(FieldTest, ConstructionReducesModuloP) {
  EXPECT_EQ(Felt(P).value(), 0u);
  EXPECT_EQ(Felt(P + 1).value(), 1u);
  EXPECT_EQ(Felt(~0ull).value(), ~0ull - P); // 2^64 - 1 = 2^32 - 2 mod p.
  EXPECT_EQ(Felt(-1).value(), P - 1);
  EXPECT_EQ(Felt(int64_t(-5)).value(), P - 5);
  EXPECT_EQ(Felt(INT64_MIN).value(), P - (uint64_t(1) << 63));
  EXPECT_EQ(Felt(0u).negate().value(), 0u);
}

TEST(FieldTest, ArithmeticMatchesIntegersModP) {
  std::vector<uint64_t> V = edgeValues();
  for (uint64_t A : V)
    for (uint64_t B : V) {
      Felt FA(A), FB(B);
      ASSERT_EQ((FA + FB).value(), uint64_t((U128(A) + B) % P))
          << A << " " << B;
      ASSERT_EQ((FA - FB).value(), uint64_t((U128(A) + P - B) % P))
          << A << " " << B;
      ASSERT_EQ((FA * FB).value(), uint64_t((U128(A) * B) % P))
          << A << " " << B;
    }
}

TEST(FieldTest, ReduceHandlesEveryProductRange) {
  // Products whose high halves exercise both the borrow and the carry of
  // the reduction.
  std::vector<U128> X = {0,
                         U128(P) * P,
                         U128(P - 1) * (P - 1),
                         (U128(1) << 127) + 5,
                         ~U128(0),
                         U128(~0ull) << 64,
                         U128(0xffffffffull) << 96,
                         U128(1) << 96};
  for (U128 V : X)
    EXPECT_EQ(Felt::reduce128(V), uint64_t(V % P));
}

TEST(FieldTest, InverseAndPow) {
  for (uint64_t A : edgeValues()) {
    Felt F(A);
    if (F.isZero()) {
      EXPECT_TRUE(F.inverse().isZero());
      continue;
    }
    ASSERT_EQ((F * F.inverse()).value(), 1u) << A;
  }
  EXPECT_EQ(Felt(2u).pow(64).value(), uint64_t((U128(1) << 64) % P));
  // The multiplicative group has order p - 1.
  EXPECT_EQ(Felt(7u).pow(P - 1).value(), 1u);
}

TEST(FieldTest, BatchInverseKeepsZeros) {
  std::vector<Felt> V = {Felt(3u), Felt(), Felt(P - 1), Felt(0x12345u), Felt()};
  std::vector<Felt> W = V;
  batchInverse(W.data(), W.size());
  for (size_t I = 0; I < V.size(); ++I)
    EXPECT_EQ(W[I], V[I].inverse());
}

TEST(FieldTest, PrintsSmallNegativesAsSuch) {
  EXPECT_EQ(Felt(-1).toString(), "-1");
  EXPECT_EQ(Felt(65536u).toString(), "65536");
  EXPECT_EQ(Felt(P / 2).toString(), std::to_string(P / 2));
}

} // namespace
