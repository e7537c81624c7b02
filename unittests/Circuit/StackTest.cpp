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

} // namespace
