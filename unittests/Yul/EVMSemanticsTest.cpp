//===-- EVMSemanticsTest.cpp - The folders' EVM semantics -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The evm dialect folds with zkc::evm::semantics; these are the EVM's corner
// cases from the Yellow Paper, checked against 256-bit values.
//
//===----------------------------------------------------------------------===//

#include "zkc/Dialect/EVM/IR/EVMOps.h"

#include "gtest/gtest.h"

using llvm::APInt;
namespace sem = zkc::evm::semantics;

namespace {

APInt w(uint64_t V) { return APInt(256, V); }
APInt minusOne() { return APInt::getAllOnes(256); }
APInt minSigned() { return APInt::getSignedMinValue(256); }

TEST(EVMSemanticsTest, DivisionByZeroIsZero) {
  EXPECT_EQ(sem::div(w(7), w(0)), 0u);
  EXPECT_EQ(sem::sdiv(w(7), w(0)), 0u);
  EXPECT_EQ(sem::mod(w(7), w(0)), 0u);
  EXPECT_EQ(sem::smod(w(7), w(0)), 0u);
  EXPECT_EQ(sem::addmod(w(7), w(1), w(0)), 0u);
  EXPECT_EQ(sem::mulmod(w(7), w(1), w(0)), 0u);
}

TEST(EVMSemanticsTest, SignedCorners) {
  EXPECT_EQ(sem::sdiv(minSigned(), minusOne()), minSigned());
  EXPECT_EQ(sem::smod(minSigned(), minusOne()), 0u);
  // -7 / 2 = -3 (towards zero); -7 % 2 = -1 (sign of the dividend).
  EXPECT_EQ(sem::sdiv(-w(7), w(2)), -w(3));
  EXPECT_EQ(sem::smod(-w(7), w(2)), -w(1));
  EXPECT_EQ(sem::smod(w(7), -w(2)), w(1));
}

TEST(EVMSemanticsTest, Shifts) {
  EXPECT_EQ(sem::shl(w(256), w(1)), 0u);
  EXPECT_EQ(sem::shl(w(255), w(1)), minSigned());
  EXPECT_EQ(sem::shr(w(256), minusOne()), 0u);
  EXPECT_EQ(sem::shr(minusOne(), minusOne()), 0u);
  EXPECT_EQ(sem::sar(w(256), minusOne()), minusOne());
  EXPECT_EQ(sem::sar(w(1000), minSigned()), minusOne());
  EXPECT_EQ(sem::sar(w(1000), w(5)), 0u);
  EXPECT_EQ(sem::sar(w(4), -w(32)), -w(2));
}

TEST(EVMSemanticsTest, ByteAndSignExtend) {
  EXPECT_EQ(sem::byte(w(31), w(0xab)), 0xabu);
  EXPECT_EQ(sem::byte(w(0), minSigned()), 0x80u);
  EXPECT_EQ(sem::byte(w(32), minusOne()), 0u);
  EXPECT_EQ(sem::signextend(w(0), w(0xff)), minusOne());
  EXPECT_EQ(sem::signextend(w(0), w(0x7f)), 0x7fu);
  EXPECT_EQ(sem::signextend(w(1), w(0x80ff)), -w(0x7f01));
  EXPECT_EQ(sem::signextend(w(31), w(0xff)), 0xffu);
  EXPECT_EQ(sem::signextend(minusOne(), w(0xff)), 0xffu);
}

TEST(EVMSemanticsTest, ExpAndModular) {
  EXPECT_EQ(sem::exp(w(2), w(255)), minSigned());
  EXPECT_EQ(sem::exp(w(2), w(256)), 0u);
  EXPECT_EQ(sem::exp(w(0), w(0)), 1u);
  EXPECT_EQ(sem::exp(w(3), w(5)), 243u);
  // 2^256 mod 7 = 2, so (2^256 - 1 + 3) mod 7 = 4 and (2^256 - 1)^2 mod 7 = 1.
  EXPECT_EQ(sem::addmod(minusOne(), w(3), w(7)), 4u);
  EXPECT_EQ(sem::mulmod(minusOne(), minusOne(), w(7)), 1u);
  EXPECT_EQ(sem::mulmod(minusOne(), minusOne(), minusOne()), 0u);
}

} // namespace
