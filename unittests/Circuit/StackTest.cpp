//===-- StackTest.cpp - Calls through registers, the stack, msize ---------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// fcallr into functions and back, recursion through fcall and fcallr, the
// stack pointer and the stack memory at their bounds, and the heap size
// msize reads: the tables built from the emulator's trace satisfy every
// constraint and balance every bus, and the results are the emulator's.
//
//===----------------------------------------------------------------------===//

#include "CircuitTestUtil.h"

#include <random>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

void expectHolds(CircuitRun &R, vm::Status S = vm::Status::Success) {
  ASSERT_EQ(R.Run.Result.Result.S, S);
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

/// The value the last step with opcode Op wrote.
Word lastOut(const CircuitRun &R, Opcode Op) {
  for (size_t I = R.Run.T.Steps.size(); I-- > 0;)
    if (R.Run.T.Steps[I].Instr.Op == Op)
      return R.Run.T.Steps[I].Out;
  ADD_FAILURE() << "no such step";
  return Word();
}

TEST(StackTest, FCallRIntoFunctionsAndBack) {
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 8),  // 0 r1 = &double
      ins(Opcode::Li, 2, 0, 0, 11), // 1 r2 = &inc
      ins(Opcode::Li, 10, 0, 0, 21),
      ins(Opcode::FCallR, 10, 1),    // 3 r10 = double(21)
      ins(Opcode::FCallR, 10, 2),    // 4 r10 = inc(r10)
      ins(Opcode::Mov, 3, 10),       // 5
      ins(Opcode::FCallR, 0, 2),     // 6 r0 = inc(r0), window base 0
      ins(Opcode::Stop),             // 7
      ins(Opcode::Add, 0, 0, 0),     // 8 double
      ins(Opcode::FRet),             // 9
      ins(Opcode::Invalid),          // 10
      ins(Opcode::AddI, 0, 0, 0, 1), // 11 inc
      ins(Opcode::FRet),             // 12
  };
  CircuitRun R(Code);
  expectHolds(R);
  EXPECT_EQ(lastOut(R, Opcode::Mov), Word(43));
  EXPECT_EQ(lastOut(R, Opcode::AddI), Word(1));
}

TEST(StackTest, FCallRToTheLastInstruction) {
  // The target's bound is 0: the function is the code's last instruction.
  std::vector<Instruction> Code = {ins(Opcode::Li, 1, 0, 0, 3),
                                   ins(Opcode::FCallR, 5, 1), ins(Opcode::Stop),
                                   ins(Opcode::FRet)};
  CircuitRun R(Code);
  expectHolds(R);
}

/// sum(n) = n + sum(n - 1), through fcallr for odd n and fcall for even.
std::vector<Instruction> mixedRecursion(uint32_t N) {
  return {
      ins(Opcode::Li, 5, 0, 0, N),     // 0
      ins(Opcode::Li, 4, 0, 0, 5),     // 1 r4 = &sum
      ins(Opcode::FCallR, 5, 4),       // 2 r5 = sum(r5)
      ins(Opcode::Mov, 1, 5),          // 3
      ins(Opcode::Stop),               // 4
      ins(Opcode::Jz, 0, 0, 0, 15),    // 5 sum: sum(0) = 0
      ins(Opcode::Mov, 1, 0),          // 6
      ins(Opcode::AddI, 2, 0, 0, ~0u), // 7
      ins(Opcode::AndI, 3, 0, 0, 1),   // 8
      ins(Opcode::Jz, 3, 0, 0, 13),    // 9
      ins(Opcode::Li, 3, 0, 0, 5),     // 10
      ins(Opcode::FCallR, 2, 3),       // 11 r2 = sum(n - 1)
      ins(Opcode::Jmp, 0, 0, 0, 14),   // 12
      ins(Opcode::FCall, 2, 0, 0, 5),  // 13 r2 = sum(n - 1)
      ins(Opcode::Add, 0, 1, 2),       // 14
      ins(Opcode::FRet),               // 15
  };
}

TEST(StackTest, RecursionThroughFCallAndFCallR) {
  CircuitRun R(mixedRecursion(30));
  expectHolds(R);
  EXPECT_EQ(lastOut(R, Opcode::Mov), Word(465));
}

TEST(StackTest, FCallRPastTheCodeIsATrapAndRefused) {
  TracedRun Run = runTraced({ins(Opcode::Li, 1, 0, 0, 3),
                             ins(Opcode::FCallR, 5, 1), ins(Opcode::Stop)});
  ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool);
  auto T = generateCircuitTrace(C, Run.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: an execution ending in a trap (at "
            "pc 1, fcallr)");
}

const Word Pattern(0x0123456789abcdefull, 0xfedcba9876543210ull,
                   0x8000000000000001ull, 0xffeeddccbbaa9988ull);

/// The values every stack load of R's trace gave, in order.
std::vector<Word> stackLoads(const CircuitRun &R) {
  std::vector<Word> V;
  for (const vm::TraceStep &S : R.Run.T.Steps) {
    const CpuOpInfo &Info = cpuOpInfo(S.Instr.Op);
    if (Info.IsStack && Info.Writes)
      V.push_back(S.Out);
  }
  return V;
}

TEST(StackTest, EveryStackInstructionAtItsBounds) {
  // sp = 32 + 96 = 128 after enter: accessible bytes [32, 128).
  std::vector<Instruction> Code = {
      ins(Opcode::Ldc, 1, 0, 0, 0),        // 0 r1 = Pattern
      ins(Opcode::Li, 2, 0, 0, ~0u),       // 1 r2 = -1
      ins(Opcode::Enter, 0, 0, 0, 96),     // 2 sp = 128
      ins(Opcode::SpLd, 3, 0, 0, -96),     // 3 [32, 64): fresh, 0
      ins(Opcode::SpSt, 1, 0, 0, -96),     // 4 [32, 64) = Pattern
      ins(Opcode::SpSt, 2, 0, 0, -32),     // 5 [96, 128) = -1
      ins(Opcode::SpLd, 4, 0, 0, -32),     // 6 -1
      ins(Opcode::SpLd, 5, 0, 0, -81),     // 7 [47, 79) unaligned
      ins(Opcode::SpAddr, 6, 0, 0, -96),   // 8 r6 = 32
      ins(Opcode::SpAddr, 7, 0, 0, 0),     // 9 r7 = 128 = sp
      ins(Opcode::StLoad, 8, 6, 0, 0),     // 10 [32, 64): Pattern
      ins(Opcode::StLoad, 9, 7, 0, -32),   // 11 [96, 128): -1
      ins(Opcode::StStore, 7, 1, 0, -32),  // 12 [96, 128) = Pattern
      ins(Opcode::StStore, 6, 2, 0, 0),    // 13 [32, 64) = -1
      ins(Opcode::StStore8, 6, 1, 0, 0),   // 14 byte 32 = 0xef
      ins(Opcode::StStore8, 7, 1, 0, -1),  // 15 byte 127 = 0xef
      ins(Opcode::StLoad8, 10, 6, 0, 0),   // 16 0xef
      ins(Opcode::StLoad8, 11, 7, 0, -1),  // 17 0xef
      ins(Opcode::StLoad8, 12, 6, 0, 40),  // 18 byte 72: 0
      ins(Opcode::StLoad, 13, 7, 0, -33),  // 19 [95, 127)
      ins(Opcode::SpLd, 14, 0, 0, -96),    // 20 [32, 64)
      ins(Opcode::Li, 15, 0, 0, 64),       // 21
      ins(Opcode::StStore8, 15, 15, 0, 0), // 22 byte 64 = 64
      ins(Opcode::Stop),                   // 23
  };
  CircuitRun R(Code, {Pattern});
  expectHolds(R);
  std::vector<Word> V = stackLoads(R);
  ASSERT_EQ(V.size(), 10u);
  EXPECT_EQ(V[0], Word());
  EXPECT_EQ(V[1], Word::max());
  EXPECT_EQ(V[3], Pattern);
  EXPECT_EQ(V[4], Word::max());
  EXPECT_EQ(V[5], Word(0xef));
  EXPECT_EQ(V[6], Word(0xef));
  EXPECT_EQ(V[7], Word());
  EXPECT_EQ(lastOut(R, Opcode::SpAddr), Word(128));
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::Stack)], 17u);
  // [32, 79) and [95, 128).
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::StackBoundary)], 80u);
}

/// Calls f, which stores Pattern in its 64-byte frame, then g, whose frame
/// is the same bytes: it reads f's stale value. Returns what g read.
std::vector<Instruction> reusedFrames() {
  return {
      ins(Opcode::FCall, 8, 0, 0, 5),  // 0 f
      ins(Opcode::Li, 1, 0, 0, 9),     // 1 r1 = &g
      ins(Opcode::FCallR, 8, 1),       // 2 r8 = g()
      ins(Opcode::Mov, 2, 8),          // 3
      ins(Opcode::Stop),               // 4
      ins(Opcode::Enter, 0, 0, 0, 64), // 5 f: sp = 96
      ins(Opcode::Ldc, 0, 0, 0, 0),    // 6
      ins(Opcode::SpSt, 0, 0, 0, -40), // 7 [56, 88) = Pattern
      ins(Opcode::FRet),               // 8 sp = 32
      ins(Opcode::Enter, 0, 0, 0, 96), // 9 g: sp = 128
      ins(Opcode::SpLd, 0, 0, 0, -72), // 10 [56, 88): stale
      ins(Opcode::SpAddr, 1, 0, 0, -72),
      ins(Opcode::StLoad8, 2, 1, 0, 31), // 12 byte 87
      ins(Opcode::FRet),                 // 13
  };
}

TEST(StackTest, FramesAreReusedAfterFretWithStaleBytes) {
  CircuitRun R(reusedFrames(), {Pattern});
  expectHolds(R);
  EXPECT_EQ(lastOut(R, Opcode::Mov), Pattern);
  EXPECT_EQ(lastOut(R, Opcode::StLoad8), Word(0xef));
  // sp is back to 32 after each fret.
  EXPECT_EQ(R.Run.T.Steps.back().Sp, 32u);
}

/// f(n) keeps n in its frame across the recursive call:
/// f(0) = 0, f(n) = n + f(n - 1), through fcall for even n, fcallr for odd.
std::vector<Instruction> framedRecursion(uint32_t N) {
  return {
      ins(Opcode::Li, 5, 0, 0, N),        // 0
      ins(Opcode::FCall, 5, 0, 0, 4),     // 1 r5 = f(r5)
      ins(Opcode::Mov, 1, 5),             // 2
      ins(Opcode::Stop),                  // 3
      ins(Opcode::Enter, 0, 0, 0, 48),    // 4 f
      ins(Opcode::SpSt, 0, 0, 0, -48),    // 5 [sp - 48, sp - 16) = n
      ins(Opcode::SpAddr, 3, 0, 0, -16),  // 6
      ins(Opcode::StStore8, 3, 0, 0, 15), // 7 byte sp - 1 = n
      ins(Opcode::Jz, 0, 0, 0, 21),       // 8 f(0) = 0
      ins(Opcode::AddI, 1, 0, 0, ~0u),    // 9 r1 = n - 1
      ins(Opcode::AndI, 2, 0, 0, 1),      // 10
      ins(Opcode::Jz, 2, 0, 0, 15),       // 11
      ins(Opcode::Li, 2, 0, 0, 4),        // 12
      ins(Opcode::FCallR, 1, 2),          // 13 r1 = f(n - 1)
      ins(Opcode::Jmp, 0, 0, 0, 16),      // 14
      ins(Opcode::FCall, 1, 0, 0, 4),     // 15 r1 = f(n - 1)
      ins(Opcode::SpLd, 0, 0, 0, -48),    // 16 n, from the frame
      ins(Opcode::SpAddr, 3, 0, 0, 0),    // 17
      ins(Opcode::StLoad8, 2, 3, 0, -1),  // 18 n's low byte
      ins(Opcode::Add, 0, 0, 1),          // 19
      ins(Opcode::Add, 0, 0, 2),          // 20 + n's low byte
      ins(Opcode::FRet),                  // 21
  };
}

TEST(StackTest, RecursionWithFrames) {
  // f(n) = n + f(n - 1) + n mod 256.
  CircuitRun R(framedRecursion(40));
  expectHolds(R);
  EXPECT_EQ(lastOut(R, Opcode::Mov), Word(2 * 820));
  // 41 frames of 48 bytes, each touching 33.
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::StackBoundary)], 41u * 33);
}

TEST(StackTest, StackAndHeapAtTheSameAddressAreApart) {
  std::vector<Instruction> Code = {
      ins(Opcode::Ldc, 1, 0, 0, 0),      // 0 r1 = Pattern
      ins(Opcode::Li, 2, 0, 0, 32),      // 1
      ins(Opcode::Li, 3, 0, 0, 7),       // 2
      ins(Opcode::Enter, 0, 0, 0, 32),   // 3 sp = 64
      ins(Opcode::MStore, 2, 1),         // 4 heap [32, 64) = Pattern
      ins(Opcode::StStore, 2, 3),        // 5 stack [32, 64) = 7
      ins(Opcode::MLoad, 4, 2),          // 6 Pattern
      ins(Opcode::StLoad, 5, 2),         // 7 7
      ins(Opcode::MStore8, 2, 3, 0, 31), // 8 heap byte 63 = 7
      ins(Opcode::StLoad8, 6, 2, 0, 31), // 9 stack byte 63: 7
      ins(Opcode::MLoad8, 7, 2, 0, 30),  // 10 heap byte 62
      ins(Opcode::StLoad8, 8, 2, 0, 30), // 11 stack byte 62: 0
      ins(Opcode::Stop),
  };
  CircuitRun R(Code, {Pattern});
  expectHolds(R);
  EXPECT_EQ(lastOut(R, Opcode::MLoad), Pattern);
  EXPECT_EQ(lastOut(R, Opcode::StLoad), Word(7));
  EXPECT_EQ(lastOut(R, Opcode::StLoad8), Word(0));
  EXPECT_EQ(lastOut(R, Opcode::MLoad8), Word(0xcd));
}

TEST(StackTest, RandomStackAccesses) {
  std::mt19937_64 Rng(7);
  std::vector<Instruction> Code = {ins(Opcode::Enter, 0, 0, 0, 128),
                                   ins(Opcode::SpAddr, 1, 0, 0, -128)};
  for (int I = 0; I < 200; ++I) {
    uint8_t V = 2 + Rng() % 8;
    unsigned Kind = Rng() % 6;
    if (Kind == 0)
      Code.push_back(ins(Opcode::Li, V, 0, 0, uint32_t(Rng())));
    else if (Kind == 1)
      Code.push_back(ins(Opcode::StStore, 1, V, 0, Rng() % 97));
    else if (Kind == 2)
      Code.push_back(ins(Opcode::StStore8, 1, V, 0, Rng() % 128));
    else if (Kind == 3)
      Code.push_back(ins(Opcode::StLoad, V, 1, 0, Rng() % 97));
    else if (Kind == 4)
      Code.push_back(ins(Opcode::StLoad8, V, 1, 0, Rng() % 128));
    else
      Code.push_back(ins(Opcode::SpSt, V, 0, 0, -32 - int32_t(Rng() % 97)));
  }
  Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Code);
  expectHolds(R);
}

void expectRefused(std::vector<Instruction> Code, const std::string &Reason) {
  TracedRun Run = runTraced(std::move(Code));
  ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool);
  auto T = generateCircuitTrace(C, Run.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: " + Reason);
}

TEST(StackTest, AccessesOutOfBoundsAreTrapsAndRefused) {
  expectRefused({ins(Opcode::Enter, 0, 0, 0, 64),
                 ins(Opcode::SpLd, 1, 0, 0, -65), ins(Opcode::Stop)},
                "an execution ending in a trap (at pc 1, spld)");
  expectRefused({ins(Opcode::Enter, 0, 0, 0, 64),
                 ins(Opcode::SpSt, 1, 0, 0, -31), ins(Opcode::Stop)},
                "an execution ending in a trap (at pc 1, spst)");
  expectRefused({ins(Opcode::Enter, 0, 0, 0, 64), ins(Opcode::Li, 1, 0, 0, 95),
                 ins(Opcode::StStore8, 1, 1, 0, 1), ins(Opcode::Stop)},
                "an execution ending in a trap (at pc 2, ststore8)");
  expectRefused({ins(Opcode::Enter, 0, 0, 0, 0xffffffffu), ins(Opcode::Stop)},
                "an execution ending in a trap (at pc 0, enter)");
  // A base of 2^256 - 1 reaches address 63 by wrapping.
  expectRefused({ins(Opcode::Enter, 0, 0, 0, 64), ins(Opcode::Li, 1, 0, 0, ~0u),
                 ins(Opcode::StLoad, 2, 1, 0, 64), ins(Opcode::Stop)},
                "a stack address from a base register of 2^32 or more (at pc "
                "2)");
  expectRefused({ins(Opcode::SpAddr, 1, 0, 0, -33), ins(Opcode::Stop)},
                "a negative spaddr result (at pc 0)");
}

/// The values every msize of R's trace gave, in order.
std::vector<uint64_t> sizes(const CircuitRun &R) {
  std::vector<uint64_t> V;
  for (const vm::TraceStep &S : R.Run.T.Steps)
    if (S.Instr.Op == Opcode::MSize)
      V.push_back(S.Out.low());
  return V;
}

TEST(StackTest, MSizeAfterLoadsAndStores) {
  std::vector<Instruction> Code = {
      ins(Opcode::MSize, 1),                    // 0
      ins(Opcode::Li, 2, 0, 0, 100),            // 1
      ins(Opcode::MLoad, 3, 2, 0, 0),           // 2 [100, 132): 160
      ins(Opcode::MSize, 1),                    // 3
      ins(Opcode::MStore8, 2, 2, 0, -100),      // 4 byte 0: no growth
      ins(Opcode::MSize, 1),                    // 5
      ins(Opcode::MStore8, 2, 2, 0, 60),        // 6 byte 160: 192
      ins(Opcode::MSize, 1),                    // 7
      ins(Opcode::MLoad8, 3, 2, 0, 59),         // 8 byte 159: no growth
      ins(Opcode::MStore, 2, 2, 0, 60),         // 9 [160, 192): no growth
      ins(Opcode::MSize, 1),                    // 10
      ins(Opcode::Li, 4, 0, 0, (1u << 20) + 5), // 11
      ins(Opcode::MStore, 4, 2, 0, 0),          // 12 [2^20 + 5, +37): 2^20 + 64
      ins(Opcode::MSize, 1),                    // 13
      ins(Opcode::MLoad, 3, 4, 0, -5),          // 14 [2^20, 2^20 + 32)
      ins(Opcode::MLoad8, 3, 4, 0, 59),         // 15 byte 2^20 + 64: + 96
      ins(Opcode::MSize, 1),                    // 16
      ins(Opcode::MStore, 4, 2, 0, 27),         // 17 ends at 2^20 + 64: same
      ins(Opcode::MSize, 1),                    // 18
      ins(Opcode::Stop),
  };
  CircuitRun R(Code);
  expectHolds(R);
  const uint64_t M = 1u << 20;
  EXPECT_EQ(sizes(R), (std::vector<uint64_t>{0, 160, 160, 192, 192, M + 64,
                                             M + 96, M + 96}));
}

TEST(StackTest, MSizeBeforeAnyAccessIsZero) {
  CircuitRun R({ins(Opcode::MSize, 1), ins(Opcode::Stop)});
  expectHolds(R);
  EXPECT_EQ(sizes(R), std::vector<uint64_t>{0});
}

TEST(StackTest, ReturnsAndRevertsGrowTheHeap) {
  // The heap grows over the returned range at the halt, unaligned, beyond
  // every access; an empty range does not grow it.
  for (Opcode Halt : {Opcode::Return, Opcode::Revert}) {
    for (uint32_t Start : {0u, 33u, 100u, 5000u, (1u << 20) + 1}) {
      for (uint32_t Length : {0u, 1u, 31u, 32u, 95u}) {
        SCOPED_TRACE(std::to_string(Start) + " " + std::to_string(Length));
        CircuitRun R({ins(Opcode::Li, 1, 0, 0, 64),
                      ins(Opcode::MStore, 1, 1), // 96 bytes
                      ins(Opcode::MSize, 2), ins(Opcode::Li, 3, 0, 0, Start),
                      ins(Opcode::Li, 4, 0, 0, Length), ins(Halt, 3, 4)});
        expectHolds(R, Halt == Opcode::Return ? vm::Status::Success
                                              : vm::Status::Revert);
        uint64_t End = Length ? (Start + Length + 31) / 32 : 0;
        const Matrix &Cpu = R.T[TableId::Cpu];
        // The padding row after the halt holds the heap size it leaves.
        EXPECT_EQ(viewRow<CpuCols>(Cpu.row(6)).HeapWords,
                  Felt(std::max<uint64_t>(3, End)));
      }
    }
  }
}

TEST(StackTest, HashesLogsAndCopiesGrowTheHeap) {
  // keccak256, logs and copies (their destinations) grow the heap over
  // their ranges, as the ISA says,
  // unaligned and beyond every access; empty ranges grow nothing, wherever
  // they start.
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 40),      // 0
      ins(Opcode::Li, 2, 0, 0, 30),      // 1
      ins(Opcode::Keccak256, 3, 1, 2),   // 2 [40, 70): 96
      ins(Opcode::MSize, 4),             // 3
      ins(Opcode::Li, 1, 0, 0, 5000),    // 4
      ins(Opcode::Li, 2, 0, 0, 0),       // 5
      ins(Opcode::Keccak256, 3, 1, 2),   // 6 empty: no growth
      ins(Opcode::MSize, 4),             // 7
      ins(Opcode::Li, 10, 0, 0, 200),    // 8 offset
      ins(Opcode::Li, 11, 0, 0, 1),      // 9 size
      ins(Opcode::Mov, 12, 3),           // 10 topic
      ins(Opcode::Log1, 10),             // 11 [200, 201): 224
      ins(Opcode::MSize, 4),             // 12
      ins(Opcode::Li, 10, 0, 0, 9000),   // 13
      ins(Opcode::Li, 11, 0, 0, 0),      // 14
      ins(Opcode::Log0, 10),             // 15 empty: no growth
      ins(Opcode::MSize, 4),             // 16
      ins(Opcode::Li, 10, 0, 0, 100),    // 17
      ins(Opcode::Li, 11, 0, 0, 1000),   // 18
      ins(Opcode::Log0, 10),             // 19 [100, 1100): 1120
      ins(Opcode::MSize, 4),             // 20
      ins(Opcode::Li, 1, 0, 0, 1200),    // 21
      ins(Opcode::Li, 2, 0, 0, 3),       // 22
      ins(Opcode::Li, 3, 0, 0, 10),      // 23
      ins(Opcode::CdCopy, 1, 2, 3),      // 24 [1200, 1210): 1216
      ins(Opcode::MSize, 4),             // 25
      ins(Opcode::Li, 1, 0, 0, 1300),    // 26
      ins(Opcode::Li, 2, 0, 0, 0),       // 27
      ins(Opcode::MCopy, 1, 2, 3),       // 28 [1300, 1310) from [0, 10): 1312
      ins(Opcode::MSize, 4),             // 29
      ins(Opcode::Stop),
  };
  CircuitRun R(Code);
  expectHolds(R);
  EXPECT_EQ(sizes(R),
            (std::vector<uint64_t>{96, 96, 224, 224, 1120, 1216, 1312}));
}

TEST(StackTest, RandomHeapSizes) {
  std::mt19937_64 Rng(11);
  std::vector<Instruction> Code = {ins(Opcode::Li, 1, 0, 0, 0)};
  for (int I = 0; I < 150; ++I) {
    uint32_t Addr = Rng() % 4000;
    switch (Rng() % 5) {
    case 0:
      Code.push_back(ins(Opcode::MLoad, 2, 1, 0, Addr));
      break;
    case 1:
      Code.push_back(ins(Opcode::MStore, 1, 1, 0, Addr));
      break;
    case 2:
      Code.push_back(ins(Opcode::MLoad8, 2, 1, 0, Addr));
      break;
    case 3:
      Code.push_back(ins(Opcode::MStore8, 1, 1, 0, Addr));
      break;
    default:
      Code.push_back(ins(Opcode::MSize, 3));
      break;
    }
  }
  Code.push_back(ins(Opcode::Li, 4, 0, 0, 4000));
  Code.push_back(ins(Opcode::Li, 5, 0, 0, 17));
  Code.push_back(ins(Opcode::Return, 4, 5));
  CircuitRun R(Code);
  expectHolds(R);
}

} // namespace
