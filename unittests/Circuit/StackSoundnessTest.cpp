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

/// Stack rows 0 to 5 are CPU rows 2, 3, 5, 6, 7 and 8, at timestamps 3, 4,
/// 6, 7, 8 and 9; sp is 128 from row 2 on.
std::vector<Instruction> stackProgram() {
  return {
      ins(Opcode::Ldc, 2, 0, 0, 0),       // 0 r2 = X
      ins(Opcode::Enter, 0, 0, 0, 96),    // 1 sp = 128
      ins(Opcode::SpSt, 2, 0, 0, -96),    // 2 [32, 64) = X
      ins(Opcode::SpLd, 3, 0, 0, -93),    // 3 r3 = [35, 67)
      ins(Opcode::SpAddr, 1, 0, 0, -96),  // 4 r1 = 32
      ins(Opcode::StStore8, 1, 2, 0, 40), // 5 byte 72 = 0xef
      ins(Opcode::StLoad8, 4, 1, 0, 40),  // 6 r4 = 0xef
      ins(Opcode::StLoad8, 5, 1, 0, 3),   // 7 r5 = X's byte 28
      ins(Opcode::StLoad, 6, 1, 0, 64),   // 8 r6 = [96, 128), fresh
      ins(Opcode::Stop),                  // 9
  };
}

/// A function with a frame: fcall (row 0), enter (1), fret (2), then spaddr
/// (3) reads the caller's sp.
std::vector<Instruction> framedCall() {
  return {ins(Opcode::FCall, 10, 0, 0, 3), ins(Opcode::SpAddr, 1, 0, 0, 0),
          ins(Opcode::Stop), ins(Opcode::Enter, 0, 0, 0, 64),
          ins(Opcode::FRet)};
}

/// The heap grows to 160 at row 2 and to 192 at the return (row 7); msize
/// reads it at rows 0, 3 and 5, and its results are not read again.
std::vector<Instruction> msizeProgram() {
  return {
      ins(Opcode::MSize, 1),               // 0 0
      ins(Opcode::Li, 2, 0, 0, 100),       // 1
      ins(Opcode::MLoad, 3, 2, 0, 0),      // 2 [100, 132): 5 words
      ins(Opcode::MSize, 4),               // 3 160
      ins(Opcode::MStore8, 2, 2, 0, -100), // 4 byte 0: 1 word
      ins(Opcode::MSize, 5),               // 5 160
      ins(Opcode::Li, 6, 0, 0, 64),        // 6
      ins(Opcode::Return, 6, 2),           // 7 [64, 164): 6 words
  };
}

/// Recomputes the heap size from CPU row From on, starting from that row's
/// HeapWords, with every row's Grows as it is: the gaps, and msize's
/// results.
void replayHeapSize(Mutant &W, size_t From) {
  Felt Words = W.cpu(From).HeapWords;
  for (size_t R = From; R < W.T[TableId::Cpu].Height; ++R) {
    CpuCols<Felt> &C = W.cpu(R);
    C.HeapWords = Words;
    Felt Diff = C.TouchEndWords - Words;
    if (!C.Touched.isZero()) {
      uint64_t Gap = (C.Grows * Diff - (Felt(1u) - C.Grows) * Diff).value();
      C.GrowGapLo = Felt(Gap & 0xffff);
      C.GrowGapHi = Felt(Gap >> 16);
    }
    if (R < W.Run.T.Steps.size() && W.Run.T.Steps[R].Instr.Op == Opcode::MSize)
      W.setOut(R, limbs(Word((Felt(32u) * Words).value())));
    Words = Words + C.Grows * Diff;
  }
}

StackAccessCols<Felt> &stackRow(Mutant &W, size_t R) {
  return W.row<StackAccessCols>(TableId::Stack, R);
}

StackBoundaryCols<Felt> &stackBoundary(Mutant &W, uint64_t Addr) {
  const Matrix &M = W.T[TableId::StackBoundary];
  for (size_t R = 0; R < M.Height; ++R)
    if (M.at(R, 1) == Felt(Addr) && !M.at(R, 0).isZero())
      return W.row<StackBoundaryCols>(TableId::StackBoundary, R);
  ADD_FAILURE() << "no stack boundary row for " << Addr;
  return W.row<StackBoundaryCols>(TableId::StackBoundary, 0);
}

/// Changes what CPU row R loads, in the CPU, its register write and the
/// stack row S.
void setLoad(Mutant &W, size_t R, size_t S, const Limbs &V) {
  W.setOut(R, V);
  std::copy(V.begin(), V.end(), stackRow(W, S).Value);
}

Limbs loaded(Mutant &W, size_t R, uint64_t Plus) {
  return limbs(W.Run.T.Steps[R].Out + Word(Plus));
}

/// The spld of CPU row 3 reading 1 at address 66, which holds 0: the byte
/// it found (PrevBytes) stays 0 unless Found.
void forgeByte66(Mutant &W, bool Found) {
  StackAccessCols<Felt> &S = stackRow(W, 1);
  S.Bytes[31] = Felt(1u);
  if (Found)
    S.PrevBytes[31] = Felt(1u);
  setLoad(W, 3, 1, loaded(W, 3, 1));
  stackBoundary(W, 66).FinalByte = Felt(1u);
}

/// Adds Delta to sp on CPU rows From and after, with what depends on it
/// in framedCall (spaddr's result, CPU row 3).
void shiftSp(Mutant &W, size_t From, uint64_t Delta) {
  for (size_t R = From; R < W.T[TableId::Cpu].Height; ++R)
    W.cpu(R).Sp += Felt(Delta);
  W.setOut(3, limbs(Word(W.cpu(3).Sp.value())));
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
  Mutant S(stackProgram());
  R = S.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(S.T.UsedRows[unsigned(TableId::Stack)], 6u);
  EXPECT_EQ(S.Run.T.Steps[3].Out, shl(X, Word(24)));
  EXPECT_EQ(S.Run.T.Steps[6].Out, Word(0xef));
  Mutant H(msizeProgram());
  R = H.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(H.Run.T.Steps[3].Out, Word(160));
  EXPECT_EQ(H.cpu(7).HeapWords, Felt(5u));
  Mutant F(framedCall());
  R = F.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(F.Run.T.Steps[3].Out, Word(32));
}

TEST(StackSoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : stackMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W(M.Program ? M.Program() : stackProgram());
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

TEST(StackSoundnessTest, AnAccessBelow32IsRejected) {
  // spld at a = 31 (a trap) claimed in bounds: a - 32 = -1 needs a limb
  // out of range.
  Mutant W(stackProgram());
  runPastATrap(
      W, {ins(Opcode::Enter, 0, 0, 0, 64), ins(Opcode::SpLd, 1, 0, 0, -65)}, 2);
  W.cpu(1).StackLow[0] = Felt();
  W.cpu(1).StackLow[1] = Felt((1ull << 48) - (1ull << 16));
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

TEST(StackSoundnessTest, AnAccessEndingPastSpIsRejected) {
  // spld at a = sp - 31 (a + 32 = sp + 1, a trap) claimed in bounds.
  Mutant W(stackProgram());
  runPastATrap(
      W, {ins(Opcode::Enter, 0, 0, 0, 64), ins(Opcode::SpLd, 1, 0, 0, -31)}, 2);
  W.cpu(1).StackHigh[0] = Felt();
  W.cpu(1).StackHigh[1] = Felt((1ull << 48) - (1ull << 16));
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

TEST(StackSoundnessTest, AByteAccessEndingPastSpIsRejected) {
  // ststore8 at a = sp (a trap) claimed in bounds.
  Mutant W(stackProgram());
  runPastATrap(W,
               {ins(Opcode::Enter, 0, 0, 0, 64),
                ins(Opcode::SpAddr, 1, 0, 0, 0),
                ins(Opcode::StStore8, 1, 1, 0, 0)},
               3);
  W.cpu(2).StackHigh[0] = Felt();
  W.cpu(2).StackHigh[1] = Felt((1ull << 48) - (1ull << 16));
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

TEST(StackSoundnessTest, EnterPastTheStackLimitIsRejected) {
  // enter to 2^28 + 1 (a trap) claimed to succeed.
  Mutant W(stackProgram());
  runPastATrap(W, {ins(Opcode::Enter, 0, 0, 0, (1u << 28) - 31)}, 1);
  W.Run.T.Steps.back().Sp = (1ull << 28) + 1;
  W.regenerate();
  W.cpu(0).StackHigh[0] = Felt();
  W.cpu(0).StackHigh[1] = Felt((1ull << 48) - (1ull << 16));
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

TEST(StackSoundnessTest, AStackReadOfTheHeapsByteIsRejected) {
  // mstore of X at heap 32, then stload at stack 32 claiming X, the bytes
  // the heap holds at the same address, as the state it found.
  Mutant W({ins(Opcode::Ldc, 2, 0, 0, 0), ins(Opcode::Li, 1, 0, 0, 32),
            ins(Opcode::Enter, 0, 0, 0, 32), ins(Opcode::MStore, 1, 2),
            ins(Opcode::StLoad, 3, 1), ins(Opcode::Stop)});
  ASSERT_TRUE(W.check().ok());
  StackAccessCols<Felt> &S = stackRow(W, 0);
  const HeapAccessCols<Felt> &H = W.row<HeapAccessCols>(TableId::Heap, 0);
  for (unsigned K = 0; K < StackWordBytes; ++K) {
    S.Bytes[K] = S.PrevBytes[K] = H.Bytes[K];
    S.PrevTs[K] = H.Ts;
    S.TsDiffLo[K] = Felt();
    stackBoundary(W, 32 + K).FinalByte = H.Bytes[K];
  }
  setLoad(W, 4, 0, limbs(X));
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus stack-state"})
      << describe(R);
}

TEST(StackSoundnessTest, AWrongSpAfterEnterIsRejected) {
  // enter 64 taking sp from 32 to 97.
  Mutant W(framedCall());
  W.cpu(2).Sp += Felt(1u);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"cpu.sp_step"})
      << describe(R);
}

TEST(StackSoundnessTest, AForgedSavedSpIsRejected) {
  // fcall saving sp = 96 instead of 32, restored by fret: spaddr after the
  // call gives 96.
  Mutant W(framedCall());
  W.cpu(0).Out[4] = Felt(96u);
  W.cpu(2).In1[4] = Felt(96u);
  shiftSp(W, 3, 64);
  W.rebuildRegisters([](std::vector<RegisterEvent> &Ev) {
    for (RegisterEvent &E : Ev)
      if (E.Addr == CallStackBase)
        E.Value = Word(1, 96, 0, 0);
  });
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"cpu.fcall_saves"})
      << describe(R);
}

TEST(StackSoundnessTest, AHeapSizeThatShrinksIsRejected) {
  // mstore8 of byte 0 claimed to set the heap size to its one word.
  Mutant W(msizeProgram());
  W.cpu(4).Grows = Felt(1u);
  replayHeapSize(W, 4);
  EXPECT_EQ(W.cpu(5).HeapWords, Felt(1u));
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

TEST(StackSoundnessTest, AHeapSizeThatDoesNotCoverAnAccessIsRejected) {
  // mload of [100, 132) leaving the heap size at 0: msize reads 0 after it.
  Mutant W(msizeProgram());
  W.cpu(2).Grows = Felt();
  replayHeapSize(W, 2);
  EXPECT_EQ(W.cpu(3).Out[0], Felt());
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

TEST(StackSoundnessTest, AHeapSizeThatIsNotAMultipleOf32IsRejected) {
  // The end of [100, 132) taken as 132 / 32 words with a remainder of 0:
  // msize reads 132 after it.
  Mutant W(msizeProgram());
  W.cpu(2).TouchEndWords = Felt(132u) * Felt(32u).inverse();
  W.cpu(2).TouchEndRem = Felt();
  replayHeapSize(W, 2);
  EXPECT_EQ(W.cpu(3).Out[0], Felt(132u));
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

} // namespace

const std::vector<Mutation> &zkc::test::stackMutations() {
  static const std::vector<Mutation> M = {
      {"cpu.first_sp", "sp starting at 64",
       [] {
         return std::vector<Instruction>{ins(Opcode::Enter, 0, 0, 0, 64),
                                         ins(Opcode::SpAddr, 1, 0, 0, -64),
                                         ins(Opcode::Stop)};
       },
       [](Mutant &W) {
         for (size_t R = 0; R < W.T[TableId::Cpu].Height; ++R)
           W.cpu(R).Sp += Felt(32u);
         W.setOut(1, limbs(Word(64)));
         uint64_t High = StackEnd - 64 - 64;
         W.cpu(0).StackHigh[0] = Felt(High & 0xffff);
         W.cpu(0).StackHigh[1] = Felt(High >> 16);
       }},
      {"cpu.sp_step", "sp not restored by fret", [] { return framedCall(); },
       [](Mutant &W) { shiftSp(W, 3, 64); }},
      {"cpu.enter_limit", "enter's limit gap split wrongly",
       [] { return framedCall(); },
       [](Mutant &W) { W.cpu(1).StackHigh[0] += Felt(1u); }},
      {"cpu.stack_low", "a - 32 split wrongly", nullptr,
       [](Mutant &W) { W.cpu(3).StackLow[0] += Felt(1u); }},
      {"cpu.stack_high", "sp - a - n split wrongly", nullptr,
       [](Mutant &W) { W.cpu(6).StackHigh[0] += Felt(1u); }},
      {"cpu.stack_base", "stload from 2^32 + 40 reading address 40",
       [] { return stackProgram(); },
       [](Mutant &W) {
         runPastATrap(
             W,
             {ins(Opcode::Enter, 0, 0, 0, 64), ins(Opcode::Li, 1, 0, 0, 1),
              ins(Opcode::ShlI, 1, 1, 0, 32), ins(Opcode::AddI, 1, 1, 0, 40),
              ins(Opcode::StLoad, 2, 1), ins(Opcode::Stop)},
             5);
       }},
      {"cpu.spaddr", "spaddr off by one", [] { return framedCall(); },
       [](Mutant &W) { W.setOut(3, limbs(Word(33))); }},
      {"stack.flags_bool", "stload8 split into two rows of fractional flags",
       nullptr,
       [](Mutant &W) {
         Matrix &M = W.T[TableId::Stack];
         std::copy(M.row(3), M.row(3) + M.Width, M.row(6));
         const Felt Half = Felt(2u).inverse();
         for (size_t R : {3, 6}) {
           StackAccessCols<Felt> &S = stackRow(W, R);
           // The opcode stays stload8's and the multiplicity 1/2: stload
           // and ststore's codes differ by 2.
           S.IsLoad8 = Half;
           S.IsLoad = -Felt(StackLoad8Op) * Half * Half;
           S.IsStore = Felt(StackLoad8Op) * Half * Half;
         }
       }},
      {"stack.word_limbs", "spld returning one more than its bytes", nullptr,
       [](Mutant &W) { setLoad(W, 3, 1, loaded(W, 3, 1)); }},
      {"stack.byte_limb", "stload8 returning one more than its byte", nullptr,
       [](Mutant &W) { setLoad(W, 6, 3, loaded(W, 6, 1)); }},
      {"stack.load8_zero_extends", "stload8 returning 256 more", nullptr,
       [](Mutant &W) {
         stackRow(W, 3).StoreHi = Felt(1u);
         setLoad(W, 6, 3, loaded(W, 6, 256));
       }},
      {"stack.read_keeps_byte", "spld changing the byte it found", nullptr,
       [](Mutant &W) { forgeByte66(W, /*Found=*/false); }},
      {"stack.ts_increases", "a timestamp difference split wrongly", nullptr,
       [](Mutant &W) { stackRow(W, 1).TsDiffLo[0] += Felt(1u); }},
      {"stack-boundary.is_real_bool", "a byte starting twice, never used",
       nullptr,
       [](Mutant &W) {
         size_t Used = W.T.UsedRows[unsigned(TableId::StackBoundary)];
         auto &B = W.row<StackBoundaryCols>(TableId::StackBoundary, Used);
         uint64_t Last = W.T[TableId::StackBoundary].at(Used - 1, 1).value();
         B.IsReal = Felt(2u);
         B.Addr = Felt(Last + 78);
         B.GapLo = Felt(77u);
       }},
      {"stack-boundary.real_prefix", "a padding row among the bytes", nullptr,
       [](Mutant &W) {
         Matrix &M = W.T[TableId::StackBoundary];
         size_t Last = W.T.UsedRows[unsigned(TableId::StackBoundary)] - 1;
         std::copy(M.row(Last), M.row(Last) + M.Width, M.row(Last + 1));
         auto &Gap = viewRowMut<StackBoundaryCols>(M.row(Last + 1));
         uint64_t G = Gap.GapLo.value() + 65536 * Gap.GapHi.value();
         std::fill(M.row(Last), M.row(Last) + M.Width, Felt());
         M.at(Last, 1) = M.at(Last - 1, 1) + Felt(G);
         Gap.GapLo = Felt();
         Gap.GapHi = Felt();
       }},
      {"stack-boundary.addr_increases", "a byte gap split wrongly", nullptr,
       [](Mutant &W) {
         W.row<StackBoundaryCols>(TableId::StackBoundary, 5).GapLo += Felt(1u);
       }},
      {"bus stack", "spld's result changed in the CPU only", nullptr,
       [](Mutant &W) { W.setOut(3, loaded(W, 3, 1)); }},
      {"bus stack-state", "spld reading a byte state never written", nullptr,
       [](Mutant &W) { forgeByte66(W, /*Found=*/true); }},
      {"cpu.first_heap_size", "a heap size starting at one word",
       [] { return msizeProgram(); },
       [](Mutant &W) {
         W.cpu(0).HeapWords = Felt(1u);
         replayHeapSize(W, 0);
       }},
      {"cpu.heap_size_step", "a heap size growing by itself",
       [] { return msizeProgram(); },
       [](Mutant &W) {
         W.cpu(3).HeapWords += Felt(1u);
         replayHeapSize(W, 3);
       }},
      {"cpu.msize", "msize not a multiple of 32", [] { return msizeProgram(); },
       [](Mutant &W) { W.setOut(3, limbs(Word(161))); }},
      {"cpu.heap_touch", "mload of [100, 132) touching [0, 32)",
       [] { return msizeProgram(); },
       [](Mutant &W) {
         W.cpu(2).TouchStart = Felt();
         W.cpu(2).TouchEndWords = Felt(1u);
         W.cpu(2).TouchEndRem = Felt();
         replayHeapSize(W, 2);
       }},
      {"cpu.heap_touch", "keccak256 of [40, 70) touching [0, 30)",
       [] {
         return std::vector<Instruction>{
             ins(Opcode::Li, 1, 0, 0, 40), ins(Opcode::Li, 2, 0, 0, 30),
             ins(Opcode::Keccak256, 3, 1, 2), ins(Opcode::MSize, 4),
             ins(Opcode::Stop)};
       },
       [](Mutant &W) {
         W.cpu(2).TouchStart = Felt();
         W.cpu(2).TouchEndWords = Felt(1u);
         W.cpu(2).TouchEndRem = Felt(2u);
         replayHeapSize(W, 2);
       }},
      {"bus log", "log0 of [200, 201) touching [0, 1)",
       [] {
         return std::vector<Instruction>{
             ins(Opcode::Li, 10, 0, 0, 200), ins(Opcode::Li, 11, 0, 0, 1),
             ins(Opcode::Log0, 10), ins(Opcode::MSize, 4), ins(Opcode::Stop)};
       },
       [](Mutant &W) {
         W.cpu(2).TouchStart = Felt();
         W.cpu(2).TouchEndWords = Felt(1u);
         W.cpu(2).TouchEndRem = Felt(31u);
         replayHeapSize(W, 2);
       }},
      {"cpu.touched", "li touching an empty range",
       [] { return msizeProgram(); },
       [](Mutant &W) { W.cpu(1).Touched = Felt(1u); }},
      {"cpu.touched_exact", "mstore8 touching nothing",
       [] { return msizeProgram(); },
       [](Mutant &W) {
         W.cpu(4).Touched = Felt();
         W.cpu(4).TouchLenInv = Felt();
       }},
      {"cpu.touch_end", "the end's words split wrongly",
       [] { return msizeProgram(); },
       [](Mutant &W) { W.cpu(2).TouchEndRem += Felt(1u); }},
      {"cpu.grows_bool", "mload of [32, 64) growing the heap to 1 word",
       [] {
         return std::vector<Instruction>{
             ins(Opcode::Li, 2, 0, 0, 32), ins(Opcode::MLoad, 3, 2),
             ins(Opcode::MSize, 4), ins(Opcode::Stop)};
       },
       [](Mutant &W) {
         W.cpu(1).Grows = Felt(2u).inverse();
         replayHeapSize(W, 1);
         EXPECT_EQ(W.cpu(2).HeapWords, Felt(1u));
       }},
      {"cpu.grows_touched", "li growing the heap to 7 words",
       [] { return msizeProgram(); },
       [](Mutant &W) {
         W.cpu(1).Grows = Felt(1u);
         W.cpu(1).TouchEndWords = Felt(7u);
         W.cpu(2).Grows = Felt();
         W.cpu(7).Grows = Felt();
         replayHeapSize(W, 1);
       }},
      {"cpu.heap_size_max", "a size gap split wrongly",
       [] { return msizeProgram(); },
       [](Mutant &W) { W.cpu(4).GrowGapLo += Felt(1u); }},
      {"cpu.next_pc", "fcallr to another target than its register's",
       [] { return callThroughRegister(); },
       [](Mutant &W) {
         W.cpu(1).NextPc = Felt(4u);
         W.cpu(2).Pc = Felt(4u);
       }},
  };
  return M;
}
