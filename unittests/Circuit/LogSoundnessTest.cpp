//===-- LogSoundnessTest.cpp - Malicious log witnesses are rejected -------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Consistent malicious witnesses for the log tables (fractional flags, a
// range beyond the heap, logs out of order, a log read from other
// registers or other heap bytes) and public logs that are not the
// execution's (a forged topic or byte, an extra or hidden log, a reverted
// call publishing its logs), each rejected by exactly the constraint or
// bus it names. SoundnessTest.cpp's coverage test counts logMutations()
// too.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

/// Log rows 0 to 2 are log2 (cycle 12, data [100, 103) read at heap
/// timestamp 13), log0 (cycle 15) and log1 (cycle 19), with empty data.
/// Bytes 100 .. 131 and 200 .. 231 both hold X, stored at heap timestamps 3
/// and 4; r40 .. r43 hold what r10 .. r13 do.
std::vector<Instruction> logProgram() {
  return {
      ins(Opcode::Li, 1, 0, 0, 100),     // 0
      ins(Opcode::Ldc, 2, 0, 0, 0),      // 1 r2 = X
      ins(Opcode::MStore, 1, 2, 0, 0),   // 2
      ins(Opcode::MStore, 1, 2, 0, 100), // 3
      ins(Opcode::Li, 10, 0, 0, 100),    // 4
      ins(Opcode::Li, 11, 0, 0, 3),      // 5
      ins(Opcode::Ldc, 12, 0, 0, 1),     // 6 Y
      ins(Opcode::Li, 13, 0, 0, 7),      // 7
      ins(Opcode::Li, 40, 0, 0, 100),    // 8
      ins(Opcode::Li, 41, 0, 0, 3),      // 9
      ins(Opcode::Ldc, 42, 0, 0, 1),     // 10
      ins(Opcode::Li, 43, 0, 0, 7),      // 11
      ins(Opcode::Log2, 10),             // 12
      ins(Opcode::Li, 20, 0, 0, 0),      // 13
      ins(Opcode::Li, 21, 0, 0, 0),      // 14
      ins(Opcode::Log0, 20),             // 15
      ins(Opcode::Li, 30, 0, 0, 0),      // 16
      ins(Opcode::Li, 31, 0, 0, 0),      // 17
      ins(Opcode::Li, 32, 0, 0, 9),      // 18
      ins(Opcode::Log1, 30),             // 19
      ins(Opcode::Stop),                 // 20
  };
}

LogCols<Felt> &logRow(Mutant &W, size_t R) {
  return W.row<LogCols>(TableId::Log, R);
}
LogDataCols<Felt> &dataRow(Mutant &W, size_t R) {
  return W.row<LogDataCols>(TableId::LogData, R);
}

/// The verifier told Logs (and Reverted) instead of the execution's.
void claimLogs(Mutant &W, std::vector<PublicLog> Logs, bool Regenerate,
               bool Reverted = false) {
  PublicOutputs Out = W.Run.Out;
  Out.Logs = std::move(Logs);
  Out.Reverted = Reverted;
  W.C = std::make_unique<ZvmCircuit>(W.Run.Prog.Code, W.Run.Prog.Pool,
                                     W.Run.Env, std::move(Out));
  if (Regenerate)
    W.regenerate();
}

TEST(LogSoundnessTest, TheProgramDoesWhatItSays) {
  Mutant W(logProgram());
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  const std::vector<PublicLog> &L = W.Run.Out.Logs;
  ASSERT_EQ(L.size(), 3u);
  EXPECT_EQ(L[0].Topics, (std::vector<Word>{Y, Word(7)}));
  EXPECT_EQ(L[0].Data.size(), 3u);
  EXPECT_EQ(L[2].Topics, std::vector<Word>{Word(9)});
  EXPECT_EQ(logRow(W, 0).Clk, Felt(12u));
  EXPECT_EQ(dataRow(W, 0).Ts, Felt(13u));
  EXPECT_EQ(dataRow(W, 0).PrevTs, Felt(3u));
  EXPECT_EQ(heapBoundary(W, 100).FinalTs, Felt(13u));
  EXPECT_EQ(heapBoundary(W, 200).FinalTs, Felt(4u));
}

TEST(LogSoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : logMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W(M.Program ? M.Program() : logProgram());
    ASSERT_TRUE(W.check().ok());
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

TEST(LogSoundnessTest, PublicLogsThatAreNotTheExecutionsAreRejected) {
  // A data byte that is not the heap's.
  Mutant Byte(logProgram());
  std::vector<PublicLog> Logs = Byte.Run.Out.Logs;
  Logs[0].Data[1] ^= 1;
  claimLogs(Byte, Logs, /*Regenerate=*/true);
  EXPECT_EQ(Byte.check().rejecters(), std::set<std::string>{"bus heap-state"});
  // A log left out.
  Mutant Hidden(logProgram());
  Logs = Hidden.Run.Out.Logs;
  Logs.pop_back();
  claimLogs(Hidden, Logs, /*Regenerate=*/true);
  EXPECT_EQ(Hidden.check().rejecters(),
            std::set<std::string>{"bus log-public"});
  // A reverted call publishing the logs it emitted: its log rows send
  // nothing.
  std::vector<Instruction> Reverts = logProgram();
  Reverts.back() = ins(Opcode::Revert, 30, 30);
  Mutant Rev(Reverts);
  ASSERT_TRUE(Rev.Run.Out.Reverted);
  ASSERT_TRUE(Rev.Run.Out.Logs.empty());
  ASSERT_TRUE(Rev.check().ok());
  claimLogs(Rev, Mutant(logProgram()).Run.Out.Logs, /*Regenerate=*/true,
            /*Reverted=*/true);
  std::set<std::string> Rej = Rev.check().rejecters();
  EXPECT_TRUE(Rej.count("bus log-public")) << describe(Rev.check());
  EXPECT_TRUE(Rej.count("bus log-data")) << describe(Rev.check());
}

} // namespace

const std::vector<Mutation> &zkc::test::logMutations() {
  static const std::vector<Mutation> M = {
      {"log.flags_bool", "log2 split over log1 and log3 flags", nullptr,
       [](Mutant &W) {
         // Row 0 keeps opcode log2 and reads topic 1 only 1 - t times; the
         // padding row 3 (IsReal = 0) reads it t times and topic 2 -t
         // times, which row 0 reads t times.
         const Felt T(5u);
         std::copy(W.T[TableId::Log].row(0),
                   W.T[TableId::Log].row(0) + LogAir::Width,
                   W.T[TableId::Log].row(3));
         LogCols<Felt> &A = logRow(W, 0), &B = logRow(W, 3);
         A.IsLog[1] = T;
         A.IsLog[2] = Felt(1u) - Felt(2u) * T;
         A.IsLog[3] = T;
         B.IsLog[1] = -T;
         B.IsLog[2] = Felt(2u) * T;
         B.IsLog[3] = -T;
       }},
      {"log.in_heap", "the room left in the heap split wrongly", nullptr,
       [](Mutant &W) { logRow(W, 0).RoomLo += Felt(1u); }},
      {"log.real_prefix", "a padding row between two logs", nullptr,
       [](Mutant &W) {
         Matrix &M = W.T[TableId::Log];
         std::copy(M.row(2), M.row(3), M.row(3));
         std::copy(M.row(1), M.row(2), M.row(2));
         std::fill(M.row(1), M.row(2), Felt());
         // Index and cycle of the log before it, so that the order of the
         // logs it separates still holds.
         logRow(W, 1).Index = logRow(W, 0).Index;
         logRow(W, 1).Clk = logRow(W, 0).Clk;
       }},
      {"log.index_step", "two logs published in the other order", nullptr,
       [](Mutant &W) {
         std::vector<PublicLog> Logs = W.Run.Out.Logs;
         std::swap(Logs[1], Logs[2]);
         claimLogs(W, Logs, /*Regenerate=*/false);
         logRow(W, 1).Index = Felt(2u);
         logRow(W, 2).Index = Felt(1u);
       }},
      {"log.clk_increases", "a cycle gap split wrongly", nullptr,
       [](Mutant &W) { logRow(W, 1).ClkGapLo += Felt(1u); }},
      {"log-data.ts_increases", "a timestamp difference split wrongly", nullptr,
       [](Mutant &W) { dataRow(W, 1).TsDiffLo += Felt(1u); }},
      {"log-public.mult", "a published log never emitted", nullptr,
       [](Mutant &W) {
         std::vector<PublicLog> Logs = W.Run.Out.Logs;
         Logs.push_back({});
         claimLogs(W, Logs, /*Regenerate=*/true);
         W.row<LogPublicCols>(TableId::LogPublic, 3).Mult = Felt();
       }},
      {"bus log", "log2 reading the copy of its block at r40", nullptr,
       [](Mutant &W) {
         logRow(W, 0).Base += Felt(30u);
         W.rebuildRegisters([](std::vector<RegisterEvent> &Events) {
           for (RegisterEvent &Ev : Events)
             if (Ev.Ts == 4 * 12 + 1)
               Ev.Addr += 30;
         });
       }},
      {"bus log-data", "the data read from the copy of X at 200", nullptr,
       [](Mutant &W) {
         for (size_t R = 0; R < 3; ++R) {
           LogDataCols<Felt> &D = dataRow(W, R);
           D.Offset = Felt(200u);
           D.PrevTs = Felt(4u);
           D.TsDiffLo = Felt(8u);
           heapBoundary(W, 100 + R).FinalTs = Felt(3u);
           heapBoundary(W, 200 + R).FinalTs = Felt(13u);
         }
       }},
      {"bus log-public", "a topic that is not the one logged", nullptr,
       [](Mutant &W) {
         std::vector<PublicLog> Logs = W.Run.Out.Logs;
         Logs[2].Topics[0] = Word(10);
         claimLogs(W, Logs, /*Regenerate=*/true);
       }},
  };
  return M;
}
