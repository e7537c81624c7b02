//===-- OutputTest.cpp - return and revert on honest executions -----------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Executions ending in return or revert: empty ranges, single bytes, words
// aligned or not, bytes never written (0), bytes written over, near 2^20,
// and random ranges over random stores. The tables built from the trace
// with the emulator's output as the public one satisfy every constraint and
// balance every bus; ranges the circuit cannot express are refused.
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

/// Stores Pattern at 64 and byte 0x5a at 100, then ends with Halt over
/// [Start, Start + Length).
std::vector<Instruction> storeThenHalt(Opcode Halt, uint32_t Start,
                                       uint32_t Length) {
  return {ins(Opcode::Li, 1, 0, 0, 64),      ins(Opcode::Ldc, 2, 0, 0, 0),
          ins(Opcode::MStore, 1, 2, 0, 0),   ins(Opcode::Li, 3, 0, 0, 0x5a),
          ins(Opcode::MStore8, 1, 3, 0, 36), ins(Opcode::Li, 4, 0, 0, Start),
          ins(Opcode::Li, 5, 0, 0, Length),  ins(Halt, 4, 5)};
}

void expectHolds(CircuitRun &R, vm::Status S, size_t Length) {
  ASSERT_EQ(R.Run.Result.Result.S, S);
  ASSERT_EQ(R.Run.Out.Output.size(), Length);
  EXPECT_EQ(R.Run.Out.Reverted, S == vm::Status::Revert);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::Output)],
            std::max<size_t>(Length, 1));
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

TEST(OutputTest, ReturnedAndRevertedRanges) {
  struct Case {
    uint32_t Start, Length;
  };
  for (Opcode Halt : {Opcode::Return, Opcode::Revert}) {
    for (Case C : std::vector<Case>{{0, 0},
                                    {0x7fffffffu, 0}, // empty: any start
                                    {64, 1},
                                    {64, 32},
                                    {71, 32}, // unaligned, over fresh bytes
                                    {90, 20}, // the stored byte at 100
                                    {0, 200}, // mostly never written
                                    {(1u << 20) - 5, 5}}) {
      SCOPED_TRACE(std::to_string(C.Start) + "+" + std::to_string(C.Length));
      CircuitRun R(storeThenHalt(Halt, C.Start, C.Length), {Pattern});
      expectHolds(
          R, Halt == Opcode::Return ? vm::Status::Success : vm::Status::Revert,
          C.Length);
    }
  }
}

TEST(OutputTest, TheOutputIsTheFinalHeap) {
  CircuitRun R(storeThenHalt(Opcode::Return, 64, 40), {Pattern});
  expectHolds(R, vm::Status::Success, 40);
  std::vector<uint8_t> Expected(40);
  for (unsigned K = 0; K < 32; ++K)
    Expected[K] =
        static_cast<uint8_t>(Pattern.L[(31 - K) / 8] >> (8 * ((31 - K) % 8)));
  Expected[36] = 0x5a;
  EXPECT_EQ(R.Run.Out.Output, Expected);
}

TEST(OutputTest, RandomRangesOverRandomStores) {
  std::mt19937_64 Rng(77);
  for (unsigned Iter = 0; Iter < 20; ++Iter) {
    SCOPED_TRACE(Iter);
    std::vector<Instruction> Code = {ins(Opcode::Ldc, 2, 0, 0, 0),
                                     ins(Opcode::Li, 1, 0, 0, 0)};
    for (unsigned I = 0; I < 12; ++I) {
      auto Addr = static_cast<uint32_t>(Rng() % 96);
      Code.push_back(
          ins(Rng() % 2 ? Opcode::MStore : Opcode::MStore8, 1, 2, 0, Addr));
      Code.push_back(ins(Opcode::AddI, 2, 2, 0, static_cast<uint32_t>(Rng())));
    }
    auto Start = static_cast<uint32_t>(Rng() % 128);
    auto Length = static_cast<uint32_t>(Rng() % 70);
    Code.push_back(ins(Opcode::Li, 3, 0, 0, Start));
    Code.push_back(ins(Opcode::Li, 4, 0, 0, Length));
    bool Reverts = Rng() % 2;
    Code.push_back(ins(Reverts ? Opcode::Revert : Opcode::Return, 3, 4));
    CircuitRun R(std::move(Code), {Pattern});
    expectHolds(R, Reverts ? vm::Status::Revert : vm::Status::Success, Length);
  }
}

TEST(OutputTest, RangesTheCircuitCannotExpressAreRefused) {
  // A range past the heap limit traps at the return.
  TracedRun Trap =
      runTraced({ins(Opcode::Li, 1, 0, 0, (1u << 28) - 1),
                 ins(Opcode::Li, 2, 0, 0, 2), ins(Opcode::Return, 1, 2)});
  ZvmCircuit C(Trap.Prog.Code, Trap.Prog.Pool);
  auto T = generateCircuitTrace(C, Trap.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: an execution ending in a trap (at "
            "pc 2, a returned range beyond the heap limit)");

  // An empty range may start anywhere, but the CPU takes its start below
  // 2^32.
  TracedRun Far =
      runTraced({ins(Opcode::Li, 1, 0, 0, 1), ins(Opcode::ShlI, 1, 1, 0, 40),
                 ins(Opcode::Return, 1, 2)});
  ASSERT_EQ(Far.Result.Result.S, vm::Status::Success);
  ZvmCircuit C2(Far.Prog.Code, Far.Prog.Pool);
  T = generateCircuitTrace(C2, Far.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: an empty returned range starting at "
            "2^32 or more (at pc 2)");
}

} // namespace
