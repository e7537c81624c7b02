//===-- OutputSoundnessTest.cpp - Forged outputs are rejected -------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Consistent malicious witnesses and tampered public outputs for the halt
// and the output table (a returned range with high limbs, a byte read
// elsewhere, a wrong timestamp difference, a wrong revert flag, a forged
// output byte), each rejected by exactly the constraint or bus it names;
// and public outputs that do not match the execution (a truncated output,
// bytes claimed from a stop). SoundnessTest.cpp's coverage test counts
// outputMutations() too.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

/// Returns [100, 104) = ef 00 00 00 at cycle 5 (heap timestamp 6); byte 200
/// holds 0xef too.
std::vector<Instruction> outputProgram() {
  return {
      ins(Opcode::Li, 1, 0, 0, 100),      // 0
      ins(Opcode::Ldc, 2, 0, 0, 0),       // 1 r2 = X, low byte 0xef
      ins(Opcode::MStore8, 1, 2, 0, 0),   // 2 byte 100 at ts 3
      ins(Opcode::MStore8, 1, 2, 0, 100), // 3 byte 200 at ts 4
      ins(Opcode::Li, 3, 0, 0, 4),        // 4
      ins(Opcode::Return, 1, 3),          // 5
  };
}

OutputCols<Felt> &outputRow(Mutant &W, size_t R) {
  return W.row<OutputCols>(TableId::Output, R);
}

/// The verifier told Out instead of the execution's outputs.
void claimOutputs(Mutant &W, PublicOutputs Out) {
  W.C = std::make_unique<ZvmCircuit>(W.Run.Prog.Code, W.Run.Prog.Pool,
                                     W.Run.Env, std::move(Out));
  W.regenerate();
}

TEST(OutputSoundnessTest, TheProgramDoesWhatItSays) {
  Mutant W(outputProgram());
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(W.Run.Out.Output, (std::vector<uint8_t>{0xef, 0, 0, 0}));
  EXPECT_FALSE(W.Run.Out.Reverted);
  EXPECT_EQ(outputRow(W, 0).PrevTs, Felt(3u));
  EXPECT_EQ(outputRow(W, 0).Ts, Felt(6u));
}

TEST(OutputSoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : outputMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W(M.Program ? M.Program() : outputProgram());
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

TEST(OutputSoundnessTest, PublicOutputsThatAreNotTheExecutionsAreRejected) {
  // One byte short: the CPU returns four, the table holds three.
  Mutant Short(outputProgram());
  claimOutputs(Short, {false, {0xef, 0, 0}});
  EXPECT_TRUE(Short.check().rejecters().count("bus halt"));
  // A byte more than returned.
  Mutant Long(outputProgram());
  claimOutputs(Long, {false, {0xef, 0, 0, 0, 0}});
  // Padded as high as the public output's rows.
  Matrix &O = Long.T[TableId::Output];
  O.Height = 8;
  O.Values.resize(O.Width * O.Height);
  EXPECT_TRUE(Long.check().rejecters().count("bus halt"));
  // Output claimed from a stop.
  Mutant Stop({ins(Opcode::Stop)});
  claimOutputs(Stop, {false, {0}});
  EXPECT_TRUE(Stop.check().rejecters().count("bus halt"));
  // A revert claimed to have returned.
  std::vector<Instruction> Reverts = outputProgram();
  Reverts.back() = ins(Opcode::Revert, 1, 3);
  Mutant Rev(Reverts);
  ASSERT_TRUE(Rev.Run.Out.Reverted);
  ASSERT_TRUE(Rev.check().ok());
  claimOutputs(Rev, {false, Rev.Run.Out.Output});
  EXPECT_EQ(Rev.check().rejecters(), std::set<std::string>{"bus halt"});
}

} // namespace

const std::vector<Mutation> &zkc::test::outputMutations() {
  static const std::vector<Mutation> M = {
      {"cpu.output_range", "return from 2^32 + 100 claiming the byte at 100",
       nullptr,
       [](Mutant &W) {
         // The emulator traps (the range is beyond the heap limit); the
         // prover claims it returned the byte at 100.
         W.Run = runTraced(
             {ins(Opcode::Li, 1, 0, 0, 1), ins(Opcode::ShlI, 1, 1, 0, 32),
              ins(Opcode::AddI, 1, 1, 0, 100), ins(Opcode::Li, 3, 0, 0, 1),
              ins(Opcode::Return, 1, 3)},
             {X, Y, -X, GoldilocksPlusOne});
         claimOutputs(W, {false, {0}});
       }},
      {"output.addr", "the first byte read at 200, which holds it too", nullptr,
       [](Mutant &W) {
         OutputCols<Felt> &O = outputRow(W, 0);
         O.AddrLo = Felt(200u);
         O.PrevTs = Felt(4u);
         O.TsDiffLo = Felt(1u);
         heapBoundary(W, 100).FinalTs = Felt(3u);
         heapBoundary(W, 200).FinalTs = Felt(6u);
       }},
      {"output.ts_increases", "a timestamp difference split wrongly", nullptr,
       [](Mutant &W) { outputRow(W, 1).TsDiffLo += Felt(1u); }},
      {"bus halt", "a return claimed to have reverted", nullptr,
       [](Mutant &W) {
         claimOutputs(W, {true, W.Run.Out.Output});
       }},
      {"bus heap-state", "a forged output byte", nullptr,
       [](Mutant &W) {
         claimOutputs(W, {false, {0xee, 0, 0, 0}});
       }},
  };
  return M;
}
