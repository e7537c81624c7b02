//===-- HeapTest.cpp - The heap tables on honest executions ---------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// mload, mstore, mload8 and mstore8 at aligned and unaligned addresses,
// overlapping one another, at address 0 and near 2^20, across 2^16, through
// negative offsets, and a random mix: the tables built from the trace
// satisfy every constraint and balance every bus. Addresses the circuit
// cannot express are refused with the reason.
//
//===----------------------------------------------------------------------===//

#include "CircuitTestUtil.h"

#include <random>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

const Word Pattern(0x0123456789abcdefull, 0xfedcba9876543210ull,
                   0x8000000000000001ull, 0xffeeddccbbaa9988ull);

void expectHolds(CircuitRun &R) {
  ASSERT_EQ(R.Run.Result.Result.S, vm::Status::Success);
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

/// The value every load of R's trace gave, in order.
std::vector<Word> loads(const CircuitRun &R) {
  std::vector<Word> V;
  for (const vm::TraceStep &S : R.Run.T.Steps)
    if (S.Instr.Op == Opcode::MLoad || S.Instr.Op == Opcode::MLoad8)
      V.push_back(S.Out);
  return V;
}

TEST(HeapTest, AlignedUnalignedAndOverlappingAccesses) {
  // r1 = 64; r2 = Pattern; r3 = -1 (all ones).
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 64),
      ins(Opcode::Ldc, 2, 0, 0, 0),
      ins(Opcode::Li, 3, 0, 0, ~0u),
      ins(Opcode::MLoad, 4, 1, 0, 0),      // fresh memory: 0
      ins(Opcode::MStore, 1, 2, 0, 0),     // [64, 96) aligned
      ins(Opcode::MLoad, 4, 1, 0, 0),      // Pattern
      ins(Opcode::MLoad, 5, 1, 0, 7),      // [71, 103): Pattern << 56
      ins(Opcode::MStore, 1, 3, 0, 17),    // [81, 113) overlapping
      ins(Opcode::MLoad, 6, 1, 0, 0),      // mixed
      ins(Opcode::MLoad, 7, 1, 0, ~0u),    // [63, 95) negative offset
      ins(Opcode::MStore8, 1, 2, 0, 5),    // byte 69 = 0xef
      ins(Opcode::MStore8, 1, 3, 0, 200),  // byte 264 = 0xff
      ins(Opcode::MLoad8, 8, 1, 0, 5),     // 0xef
      ins(Opcode::MLoad8, 9, 1, 0, 6),     // a byte of Pattern
      ins(Opcode::MLoad8, 10, 1, 0, 1000), // fresh: 0
      ins(Opcode::MLoad, 11, 1, 0, 3),     // [67, 99) across the byte
      ins(Opcode::MStore, 0, 2, 0, 0),     // address 0
      ins(Opcode::MLoad, 12, 0, 0, 1),     // [1, 33)
      ins(Opcode::Li, 13, 0, 0, (1u << 20) - 64),
      ins(Opcode::MStore, 13, 2, 0, 32),  // [2^20 - 32, 2^20)
      ins(Opcode::MLoad, 14, 13, 0, 31),  // one byte lower
      ins(Opcode::MStore8, 13, 3, 0, 63), // the last byte
      ins(Opcode::MLoad8, 15, 13, 0, 63),
      ins(Opcode::MLoad, 16, 13, 0, 32),
      ins(Opcode::Li, 17, 0, 0, 0xfff0),
      ins(Opcode::MStore, 17, 2, 0, 0), // across 2^16
      ins(Opcode::MLoad, 18, 17, 0, 8),
      ins(Opcode::Stop),
  };
  CircuitRun R(Code, {Pattern});
  expectHolds(R);
  std::vector<Word> V = loads(R);
  ASSERT_EQ(V.size(), 14u);
  EXPECT_EQ(V[0], Word());
  EXPECT_EQ(V[1], Pattern);
  EXPECT_EQ(V[2], shl(Pattern, Word(56)));
  EXPECT_EQ(V[5], Word(0xef));
  EXPECT_EQ(V[7], Word());
  EXPECT_EQ(V[11], Word(0xff));
  EXPECT_EQ(V[12], (Pattern & ~Word(0xff)) | Word(0xff));
  EXPECT_EQ(V[13], shl(Pattern, Word(64)));
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::Heap)], 22u);
}

TEST(HeapTest, ARandomMixOfAccesses) {
  // Loads and stores of both sizes over 96 bytes, through random splits of
  // each address into a base register and a signed offset.
  std::mt19937_64 Rng(11);
  std::vector<Word> Pool;
  for (int I = 0; I < 8; ++I)
    Pool.push_back(Word(Rng(), Rng(), Rng(), Rng()));
  std::vector<Instruction> Code;
  for (uint8_t I = 0; I < 8; ++I)
    Code.push_back(ins(Opcode::Ldc, uint8_t(10 + I), 0, 0, I));
  const Opcode Ops[] = {Opcode::MLoad, Opcode::MStore, Opcode::MLoad8,
                        Opcode::MStore8};
  for (int K = 0; K < 300; ++K) {
    Opcode Op = Ops[Rng() % 4];
    uint32_t Addr = Rng() % 96;
    int32_t Off = static_cast<int32_t>(Rng() % 80) - 40;
    if (static_cast<int32_t>(Addr) - Off < 0)
      Off = 0;
    Code.push_back(ins(Opcode::Li, 1, 0, 0, Addr - Off));
    uint8_t Value = uint8_t(10 + Rng() % 8);
    bool Load = Op == Opcode::MLoad || Op == Opcode::MLoad8;
    Code.push_back(Load ? ins(Op, 2, 1, 0, uint32_t(Off))
                        : ins(Op, 1, Value, 0, uint32_t(Off)));
  }
  Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Code, Pool);
  expectHolds(R);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::Heap)], 300u);
  EXPECT_LE(R.T.UsedRows[unsigned(TableId::HeapBoundary)], 127u);
}

TEST(HeapTest, ABaseThatOnlyWrapsIsRefused) {
  // 2^256 - 8 + 40 = 32: the circuit takes bases below 2^32 only.
  TracedRun Run =
      runTraced({ins(Opcode::Ldc, 1, 0, 0, 0), ins(Opcode::MLoad, 2, 1, 0, 40),
                 ins(Opcode::Stop)},
                {Word::max() - Word(7)});
  ASSERT_EQ(Run.Result.Result.S, vm::Status::Success);
  ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool);
  auto T = generateCircuitTrace(C, Run.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: a heap address from a base register "
            "of 2^32 or more (at pc 1)");
}

TEST(HeapTest, AnAccessPastTheHeapLimitIsATrapAndRefused) {
  TracedRun Run = runTraced({ins(Opcode::Li, 1, 0, 0, (1u << 28) - 31),
                             ins(Opcode::MLoad, 2, 1), ins(Opcode::Stop)});
  ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool);
  auto T = generateCircuitTrace(C, Run.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: an execution ending in a trap (at "
            "pc 1, mload)");
}

} // namespace
