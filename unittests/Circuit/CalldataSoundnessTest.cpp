//===-- CalldataSoundnessTest.cpp - Forged calldata reads are rejected ----===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Consistent malicious witnesses for cdload and the calldata tables (a
// forged calldata byte, a word that is not its bytes, a word inside the
// calldata claimed past its end, a nonzero word past the end, flags that
// are not bits, a result the CPU alone changes), each rejected by exactly
// the constraint or bus it names; and calldata that is not the public one.
// SoundnessTest.cpp's coverage test counts calldataMutations() too.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

/// cdload rows 0 to 3 are CPU rows 1 to 4: the words at 0, 20 (across the
/// end), 64 (past it) and 0 again, in calldata 1, 2, ..., 40.
std::vector<Instruction> calldataProgram() {
  return {
      ins(Opcode::Li, 1, 0, 0, 0),      // 0
      ins(Opcode::CdLoad, 2, 1, 0, 0),  // 1
      ins(Opcode::CdLoad, 3, 1, 0, 20), // 2
      ins(Opcode::CdLoad, 4, 1, 0, 64), // 3
      ins(Opcode::CdLoad, 5, 1, 0, 0),  // 4
      ins(Opcode::Stop),                // 5
  };
}

vm::Bytes calldata() {
  vm::Bytes B(40);
  for (unsigned I = 0; I < B.size(); ++I)
    B[I] = static_cast<uint8_t>(I + 1);
  return B;
}

/// Runs the calldata program in W with Data as the call's calldata and
/// Public as the verifier's.
void runWithCalldata(Mutant &W, const vm::Bytes &Public = calldata()) {
  W.Run =
      runTraced(calldataProgram(), {X, Y, -X, GoldilocksPlusOne}, calldata());
  PublicInputs Env = W.Run.Env;
  Env.Calldata = Public;
  W.C = std::make_unique<ZvmCircuit>(W.Run.Prog.Code, W.Run.Prog.Pool, Env,
                                     W.Run.Out);
  W.regenerate();
}

CdLoadCols<Felt> &cdRow(Mutant &W, size_t R) {
  return W.row<CdLoadCols>(TableId::CdLoad, R);
}

/// Changes what CPU row R reads to V, in the CPU, its register write and
/// the cdload row R - 1.
void setRead(Mutant &W, size_t R, const Word &V) {
  W.setOut(R, limbs(V));
  writeLimbs(V, cdRow(W, R - 1).Value);
}

TEST(CalldataSoundnessTest, TheProgramDoesWhatItSays) {
  Mutant W;
  runWithCalldata(W);
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(W.Run.T.Steps[2].Out.L[0], 0x0000000000000000ull);
  EXPECT_EQ(W.Run.T.Steps[2].Out.L[3], 0x15161718191a1b1cull);
  EXPECT_EQ(W.Run.T.Steps[3].Out, Word());
}

TEST(CalldataSoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : calldataMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W;
    runWithCalldata(W);
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

TEST(CalldataSoundnessTest, CalldataThatIsNotThePublicOneIsRejected) {
  vm::Bytes Other = calldata();
  Other[5] ^= 0x80;
  Mutant W;
  runWithCalldata(W, Other);
  EXPECT_EQ(W.check().rejecters(), std::set<std::string>{"bus calldata"});
}

} // namespace

const std::vector<Mutation> &zkc::test::calldataMutations() {
  static const std::vector<Mutation> M = {
      {"bus calldata", "a forged calldata byte", nullptr,
       [](Mutant &W) {
         setRead(W, 1, W.Run.T.Steps[1].Out + Word(1));
         cdRow(W, 0).Bytes[31] += Felt(1u);
       }},
      {"bus cdload", "cdload's result changed in the CPU only", nullptr,
       [](Mutant &W) { W.setOut(1, limbs(W.Run.T.Steps[1].Out + Word(1))); }},
      {"cdload.word_limbs", "a word that is not its bytes", nullptr,
       [](Mutant &W) { setRead(W, 1, W.Run.T.Steps[1].Out + Word(1)); }},
      {"cdload.past_zero", "a nonzero word past the end", nullptr,
       [](Mutant &W) {
         setRead(W, 3, Word(1));
         cdRow(W, 2).Bytes[31] = Felt(1u);
       }},
      {"cdload.bound", "a word inside claimed past the end, so zero", nullptr,
       [](Mutant &W) {
         setRead(W, 1, Word());
         CdLoadCols<Felt> &C = cdRow(W, 0);
         C.Past = Felt(1u);
         for (Felt &B : C.Bytes)
           B = Felt();
       }},
      {"cdload.past_bool", "a past flag of 2 looking zeros up -1 times",
       nullptr,
       [](Mutant &W) {
         // 2 (64 - 40) - (40 - 1 - 64) = 73.
         CdLoadCols<Felt> &C = cdRow(W, 2);
         C.Past = Felt(2u);
         C.DiffLo = Felt(73u);
         C.DiffHi = Felt();
       }},
      {"cdload.is_real_bool", "one row answering two equal reads", nullptr,
       [](Mutant &W) {
         cdRow(W, 0).IsReal = Felt(2u);
         Matrix &M = W.T[TableId::CdLoad];
         std::fill(M.row(3), M.row(3) + M.Width, Felt());
       }},
  };
  return M;
}
