//===-- LogTest.cpp - The log tables on honest executions -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// log0 .. log4 with data of 0, 1, 32 and 33 bytes, aligned and not, over
// bytes stored and fresh, near 2^20, an empty one at the heap limit, logs in
// a loop between heap writes, logs whose data is returned too, and a
// reverted call whose logs are dropped: the tables built from the trace
// satisfy every constraint and balance every bus, with the emulator's logs
// as the public ones. Ranges the circuit cannot express are refused.
//
//===----------------------------------------------------------------------===//

#include "CircuitTestUtil.h"

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

const Word Pattern(0x0123456789abcdefull, 0xfedcba9876543210ull,
                   0x8000000000000001ull, 0xffeeddccbbaa9988ull);

void expectHolds(CircuitRun &R, vm::Status S = vm::Status::Success) {
  ASSERT_EQ(R.Run.Result.Result.S, S);
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

/// The block r[Base] .. r[Base + 5]: offset, size, four topics.
void block(std::vector<Instruction> &Code, uint8_t Base, uint32_t Offset,
           uint32_t Size) {
  Code.push_back(ins(Opcode::Li, Base, 0, 0, Offset));
  Code.push_back(ins(Opcode::Li, Base + 1, 0, 0, Size));
  Code.push_back(ins(Opcode::Ldc, Base + 2, 0, 0, 0));
  Code.push_back(ins(Opcode::Li, Base + 3, 0, 0, ~0u));
  Code.push_back(ins(Opcode::Li, Base + 4, 0, 0, 0));
  Code.push_back(ins(Opcode::Li, Base + 5, 0, 0, 0x12345));
}

std::vector<uint8_t> patternBytes() {
  std::vector<uint8_t> B(32);
  Pattern.toBigEndian(B.data());
  return B;
}

TEST(LogTest, EveryFormOverStoredAndFreshBytes) {
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 96),
      ins(Opcode::Ldc, 2, 0, 0, 0),
      ins(Opcode::MStore, 1, 2, 0, 0), // [96, 128) = Pattern
      ins(Opcode::Li, 3, 0, 0, 1u << 20),
      ins(Opcode::MStore, 3, 2, 0, 0), // [2^20, 2^20 + 32) = Pattern
  };
  block(Code, 10, 0, 0);
  Code.push_back(ins(Opcode::Log0, 10)); // no data
  block(Code, 20, 100, 1);
  Code.push_back(ins(Opcode::Log1, 20)); // Pattern's byte 4
  block(Code, 30, 96, 32);
  Code.push_back(ins(Opcode::Log2, 30)); // Pattern
  block(Code, 40, 97, 33);
  Code.push_back(ins(Opcode::Log3, 40)); // unaligned, 2 fresh bytes
  block(Code, 50, (1u << 20) + 27, 5);
  Code.push_back(ins(Opcode::Log4, 50));
  block(Code, 60, (1u << 20) + 40, 2);
  Code.push_back(ins(Opcode::Log0, 60)); // fresh bytes
  block(Code, 70, 1u << 28, 0);
  Code.push_back(ins(Opcode::Log1, 70)); // empty, at the heap limit
  // The same bytes returned after being logged.
  Code.push_back(ins(Opcode::Li, 4, 0, 0, 32));
  Code.push_back(ins(Opcode::Return, 1, 4));
  CircuitRun R(Code, {Pattern});
  expectHolds(R);
  std::vector<uint8_t> P = patternBytes();
  const std::vector<PublicLog> &L = R.Run.Out.Logs;
  ASSERT_EQ(L.size(), 7u);
  const Word Topics[] = {Pattern, Word::max(), Word(), Word(0x12345)};
  for (unsigned I = 0; I < 5; ++I)
    EXPECT_EQ(L[I].Topics, std::vector<Word>(Topics, Topics + I));
  EXPECT_TRUE(L[0].Data.empty());
  EXPECT_EQ(L[1].Data, std::vector<uint8_t>{P[4]});
  EXPECT_EQ(L[2].Data, P);
  std::vector<uint8_t> Unaligned(P.begin() + 1, P.end());
  Unaligned.push_back(0);
  Unaligned.push_back(0);
  EXPECT_EQ(L[3].Data, Unaligned);
  EXPECT_EQ(L[4].Data, std::vector<uint8_t>(P.begin() + 27, P.end()));
  EXPECT_EQ(L[5].Data, std::vector<uint8_t>(2, 0));
  EXPECT_TRUE(L[6].Data.empty());
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::Log)], 7u);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::LogData)], 73u);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::LogPublic)], 7u);
}

TEST(LogTest, LogsInALoopBetweenHeapWrites) {
  // for i in 0..20: heap[200 + i] = i; log1(data [200, 203), topic i).
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 0),     // 0 i
      ins(Opcode::Li, 2, 0, 0, 20),    // 1
      ins(Opcode::Li, 10, 0, 0, 200),  // 2 offset
      ins(Opcode::Li, 11, 0, 0, 3),    // 3 size
      ins(Opcode::AddI, 3, 1, 0, 200), // 4 loop:
      ins(Opcode::MStore8, 3, 1, 0, 0),
      ins(Opcode::Mov, 12, 1),
      ins(Opcode::Log1, 10),
      ins(Opcode::AddI, 1, 1, 0, 1),
      ins(Opcode::Bltu, 1, 2, 0, 4),
      ins(Opcode::Stop),
  };
  CircuitRun R(Code);
  expectHolds(R);
  ASSERT_EQ(R.Run.Out.Logs.size(), 20u);
  for (unsigned I = 0; I < 20; ++I)
    EXPECT_EQ(R.Run.Out.Logs[I].Topics, std::vector<Word>{Word(I)});
  EXPECT_EQ(R.Run.Out.Logs[0].Data, (std::vector<uint8_t>{0, 0, 0}));
  EXPECT_EQ(R.Run.Out.Logs[1].Data, (std::vector<uint8_t>{0, 1, 0}));
  EXPECT_EQ(R.Run.Out.Logs[19].Data, (std::vector<uint8_t>{0, 1, 2}));
}

TEST(LogTest, ARevertedCallsLogsAreDropped) {
  std::vector<Instruction> Code = {ins(Opcode::Li, 1, 0, 0, 64),
                                   ins(Opcode::Ldc, 2, 0, 0, 0),
                                   ins(Opcode::MStore, 1, 2, 0, 0)};
  block(Code, 10, 64, 32);
  Code.push_back(ins(Opcode::Log4, 10));
  Code.push_back(ins(Opcode::Log0, 10));
  Code.push_back(ins(Opcode::Li, 4, 0, 0, 4));
  Code.push_back(ins(Opcode::Revert, 1, 4));
  CircuitRun R(Code, {Pattern});
  expectHolds(R, vm::Status::Revert);
  EXPECT_TRUE(R.Run.Out.Logs.empty());
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::Log)], 2u);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::LogData)], 0u);
}

TEST(LogTest, RangesTheCircuitCannotExpressAreRefused) {
  for (auto [Offset, Size] :
       {std::pair<uint32_t, uint32_t>{(1u << 28) + 1, 0}, {~0u, 0}}) {
    std::vector<Instruction> Code;
    block(Code, 10, Offset, Size);
    Code.push_back(ins(Opcode::Log0, 10));
    Code.push_back(ins(Opcode::Stop));
    TracedRun Run = runTraced(Code, {Pattern});
    ASSERT_EQ(Run.Result.Result.S, vm::Status::Success);
    ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool, Run.Env, Run.Out);
    auto T = generateCircuitTrace(C, Run.T);
    ASSERT_FALSE(static_cast<bool>(T));
    EXPECT_EQ(llvm::toString(T.takeError()),
              "unsupported by the circuit: a log range the circuit cannot "
              "express (at pc 6)");
  }
}

} // namespace
