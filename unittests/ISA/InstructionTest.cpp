//===-- InstructionTest.cpp - ZVM instruction table and encoding ----------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/ISA/Instruction.h"

#include "gtest/gtest.h"

#include <cstring>
#include <random>
#include <set>
#include <string>

using namespace zkc;

namespace {

struct Entry {
  Opcode Op;
  std::string_view Mnemonic;
  uint8_t Code;
};

/// The table as written in ZVMInstrs.def, independent of InstrTable.
const Entry Entries[] = {
#define ZVM_INSTR(Name, Mnemonic, Code, Operands, Gas, Block, Flags)           \
  {Opcode::Name, Mnemonic, Code},
#include "zkc/ISA/ZVMInstrs.def"
};

TEST(InstructionTest, EncodeDecodeRoundTrip) {
  // Every defined opcode with boundary field values.
  const uint32_t Imms[] = {0u, 1u, 0x7fffffffu, 0x80000000u, 0xffffffffu};
  for (const Entry &E : Entries)
    for (uint8_t R : {uint8_t(0), uint8_t(1), uint8_t(0x80), uint8_t(0xff)})
      for (uint32_t Imm : Imms) {
        Instruction I{E.Op, R, uint8_t(R ^ 0x5a), uint8_t(~R), Imm};
        uint64_t W = I.encode();
        EXPECT_EQ(W & 0xff, E.Code);
        EXPECT_EQ(Instruction::decode(W), I) << E.Mnemonic;
        EXPECT_EQ(Instruction::decode(W).encode(), W);
      }
  // Every 64-bit word decodes and re-encodes to itself, defined opcode or not.
  std::mt19937_64 Rng(42);
  for (int N = 0; N < 10000; ++N) {
    uint64_t W = Rng();
    EXPECT_EQ(Instruction::decode(W).encode(), W);
  }
}

TEST(InstructionTest, FieldLayout) {
  Instruction I{Opcode::Add, 0x11, 0x22, 0x33, 0xdeadbeef};
  EXPECT_EQ(I.encode(), 0xdeadbeef33221100ull | uint64_t(Opcode::Add));
  // The in-memory layout matches the little-endian encoding.
  uint64_t W = I.encode();
  Instruction Copy;
  static_assert(sizeof(Copy) == sizeof(W));
  std::memcpy(&Copy, &W, sizeof(W));
  EXPECT_EQ(Copy, I);
}

TEST(InstructionTest, SignedImmediate) {
  Instruction I;
  I.Imm = 0xffffffffu;
  EXPECT_EQ(I.simm(), -1);
  I.Imm = 0x80000000u;
  EXPECT_EQ(I.simm(), INT32_MIN);
  I.Imm = 0x7fffffffu;
  EXPECT_EQ(I.simm(), INT32_MAX);
  EXPECT_EQ(Instruction::decode(uint64_t(uint32_t(-5)) << 32).simm(), -5);
}

TEST(InstructionTest, ZeroWordIsInvalid) {
  Instruction I = Instruction::decode(0);
  EXPECT_EQ(I.Op, Opcode::Invalid);
  EXPECT_TRUE(getInstrInfo(I.Op).hasFlag(ZF_Terminator));
}

TEST(InstructionTest, MnemonicLookupEveryEntry) {
  std::set<std::string_view> Seen;
  for (const Entry &E : Entries) {
    EXPECT_TRUE(Seen.insert(E.Mnemonic).second)
        << "duplicate mnemonic " << E.Mnemonic;
    std::optional<Opcode> Op = lookupMnemonic(E.Mnemonic);
    ASSERT_TRUE(Op.has_value()) << E.Mnemonic;
    EXPECT_EQ(*Op, E.Op) << E.Mnemonic;
    const InstrInfo &Info = getInstrInfo(E.Op);
    EXPECT_TRUE(Info.Defined) << E.Mnemonic;
    EXPECT_EQ(Info.Mnemonic, E.Mnemonic);
    EXPECT_EQ(static_cast<uint8_t>(E.Op), E.Code);
  }
}

TEST(InstructionTest, TableMatchesDefinitions) {
  unsigned Defined = 0;
  for (unsigned Code = 0; Code < 256; ++Code) {
    const InstrInfo &Info = InstrTable[Code];
    if (!Info.Defined) {
      EXPECT_TRUE(Info.Mnemonic.empty()) << Code;
      continue;
    }
    ++Defined;
    // The immediate kind, if any, is one of the operand letters.
    if (char K = Info.immKind())
      EXPECT_NE(Info.Operands.find(K), std::string_view::npos);
  }
  EXPECT_EQ(Defined, std::size(Entries));
}

TEST(InstructionTest, UnknownMnemonic) {
  for (const char *Bad :
       {"", "nosuchop", "ADD", "add ", " add", "a", "addd", "invalid2"})
    EXPECT_EQ(lookupMnemonic(Bad), std::nullopt) << '"' << Bad << '"';
  // Lookup uses the whole view, not a NUL-terminated prefix.
  std::string_view Prefix("addmod", 3);
  EXPECT_EQ(lookupMnemonic(Prefix), Opcode::Add);
}

} // namespace
