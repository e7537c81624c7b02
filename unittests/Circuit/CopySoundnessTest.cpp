//===-- CopySoundnessTest.cpp - Forged copies are rejected ----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Consistent malicious witnesses for cdcopy, codecopy and the copy and code
// tables (forged calldata and code bytes, bytes inside claimed past the end
// and nonzero bytes past it, copies from another source, of fewer bytes,
// skipping or repeating bytes, written elsewhere, writes no instruction
// asked for, a write consuming its own state) and for rdsize and rdcopy,
// each rejected by exactly the constraint or bus it names (the heap
// boundary's final states changed with the bytes written).
// SoundnessTest.cpp's coverage test counts copyMutations() too.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

/// Copy rows 0 to 15: the cdcopy of CPU row 3 (timestamp 4) of calldata
/// [30, 46) to heap [3, 19), rows 0 to 9 inside the calldata and 10 to 15
/// past it; rows 16 and 17: the codecopy of CPU row 6 (timestamp 7) of
/// code [3, 5) to heap [40, 42); row 18: the empty cdcopy of CPU row 8;
/// rows 19 to 22: the mcopy of CPU row 14 (timestamp 15) of heap [15, 19)
/// (zeros past the calldata's end) to [60, 64); rows 23 to 26: the mcopy
/// of CPU row 15 of [60, 64) onto itself.
std::vector<Instruction> copyProgram() {
  return {
      ins(Opcode::Li, 1, 0, 0, 3),    // 0
      ins(Opcode::Li, 2, 0, 0, 30),   // 1
      ins(Opcode::Li, 3, 0, 0, 16),   // 2
      ins(Opcode::CdCopy, 1, 2, 3),   // 3
      ins(Opcode::Li, 4, 0, 0, 40),   // 4
      ins(Opcode::Li, 5, 0, 0, 2),    // 5
      ins(Opcode::CodeCopy, 4, 1, 5), // 6
      ins(Opcode::Li, 6, 0, 0, 0),    // 7
      ins(Opcode::CdCopy, 6, 6, 6),   // 8
      ins(Opcode::RdSize, 9),         // 9
      ins(Opcode::RdCopy, 6, 6, 6),   // 10
      ins(Opcode::Li, 10, 0, 0, 15),  // 11
      ins(Opcode::Li, 11, 0, 0, 60),  // 12
      ins(Opcode::Li, 12, 0, 0, 4),   // 13
      ins(Opcode::MCopy, 11, 10, 12), // 14
      ins(Opcode::MCopy, 11, 11, 12), // 15
      ins(Opcode::Stop),              // 16
  };
}

vm::Bytes calldata() {
  vm::Bytes B(40);
  for (unsigned I = 0; I < B.size(); ++I)
    B[I] = static_cast<uint8_t>(I + 1);
  return B;
}

void runCopies(Mutant &W, std::vector<Instruction> Code = copyProgram(),
               std::vector<Word> Pool = {}) {
  W.Run = runTraced(std::move(Code), std::move(Pool), calldata());
  W.C = std::make_unique<ZvmCircuit>(W.Run.Prog.Code, W.Run.Prog.Pool,
                                     W.Run.Env, W.Run.Out);
  W.regenerate();
}

CopyCols<Felt> &copyRow(Mutant &W, size_t R) {
  return W.row<CopyCols>(TableId::Copy, R);
}

void setFinal(Mutant &W, uint64_t Addr, uint64_t Ts, uint64_t Byte) {
  HeapBoundaryCols<Felt> &B = heapBoundary(W, Addr);
  B.FinalTs = Felt(Ts);
  B.FinalByte = Felt(Byte);
}

/// Row C copies a byte or not (a byte looked up, but for mcopy).
void setActive(CopyCols<Felt> &C, bool Active) {
  C.Active = Felt(Active ? 1u : 0u);
  C.Looks = C.IsMcopy.isZero() ? C.Active : Felt();
}

/// Row C writes Addr over the state (PrevTs, PrevByte).
void setWrite(CopyCols<Felt> &C, uint64_t Addr, uint64_t PrevTs,
              uint64_t PrevByte) {
  C.AddrLo = Felt(Addr & 0xffff);
  C.AddrHi = Felt(Addr >> 16);
  C.PrevTs = Felt(PrevTs);
  C.PrevByte = Felt(PrevByte);
  uint64_t D = C.Ts.value() - PrevTs - 1;
  C.TsDiffLo = Felt(D & 0xffff);
  C.TsDiffHi = Felt(D >> 16);
}

/// Row C's source byte and its place against the end, from its Src + Idx.
void setSource(Mutant &W, CopyCols<Felt> &C) {
  const vm::Bytes &Source =
      C.IsCode.isZero() ? W.C->Calldata.data() : W.C->CodeBytes.data();
  uint64_t S = C.Src.value() + C.Idx.value();
  bool Past = S >= Source.size();
  uint64_t D = Past ? S - Source.size() : Source.size() - 1 - S;
  C.Past = Felt(Past ? 1u : 0u);
  C.DiffLo = Felt(D & 0xffff);
  C.DiffHi = Felt(D >> 16);
  C.Byte = Felt(Past ? 0u : Source[S]);
}

/// Row R (padding) made a write of calldata byte 0 to heap byte 3 at
/// timestamp 5, after the cdcopy's write there.
void forgeWrite(Mutant &W, size_t R, bool IsReal) {
  CopyCols<Felt> &C = copyRow(W, R);
  C.IsReal = Felt(IsReal ? 1u : 0u);
  C.IsFirst = Felt(IsReal ? 1u : 0u);
  setActive(C, true);
  C.Ts = Felt(5u);
  C.Dst = Felt(3u);
  C.Len = Felt(1u);
  setSource(W, C);
  setWrite(C, 3, 4, 31);
  setFinal(W, 3, 5, C.Byte.value());
}

TEST(CopySoundnessTest, TheProgramDoesWhatItSays) {
  Mutant W;
  runCopies(W);
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(W.T.UsedRows[unsigned(TableId::Copy)], 27u);
  EXPECT_EQ(W.T[TableId::Copy].Height, 32u);
  EXPECT_EQ(copyRow(W, 0).Byte, Felt(31u));
  EXPECT_EQ(copyRow(W, 10).Past, Felt(1u));
  EXPECT_EQ(copyRow(W, 16).Byte, Felt(W.Run.Env.Code[3]));
  EXPECT_EQ(heapBoundary(W, 14).FinalTs, Felt(4u));
  EXPECT_EQ(heapBoundary(W, 18).FinalTs, Felt(15u));
  EXPECT_EQ(heapBoundary(W, 63).FinalTs, Felt(16u));
  EXPECT_EQ(copyRow(W, 23).Same, Felt(1u));
}

TEST(CopySoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : copyMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W;
    if (M.Program)
      runCopies(W, M.Program());
    else
      runCopies(W);
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

TEST(CopySoundnessTest, CodeThatIsNotThePublicOneIsRejected) {
  Mutant W;
  runCopies(W);
  PublicInputs Env = W.Run.Env;
  Env.Code[3] ^= 0x80;
  W.C = std::make_unique<ZvmCircuit>(W.Run.Prog.Code, W.Run.Prog.Pool, Env,
                                     W.Run.Out);
  EXPECT_EQ(W.check().rejecters(), std::set<std::string>{"bus code"});
}

} // namespace

const std::vector<Mutation> &zkc::test::copyMutations() {
  static const std::vector<Mutation> M = {
      {"bus calldata", "a forged calldata byte copied", nullptr,
       [](Mutant &W) {
         copyRow(W, 0).Byte += Felt(1u);
         heapBoundary(W, 3).FinalByte += Felt(1u);
       }},
      {"bus code", "a forged code byte copied", nullptr,
       [](Mutant &W) {
         copyRow(W, 16).Byte += Felt(1u);
         heapBoundary(W, 40).FinalByte += Felt(1u);
       }},
      {"copy.past_zero", "a nonzero byte past the end", nullptr,
       [](Mutant &W) {
         copyRow(W, 10).Byte = Felt(7u);
         heapBoundary(W, 13).FinalByte = Felt(7u);
       }},
      {"copy.bound", "a byte inside claimed past the end, so zero", nullptr,
       [](Mutant &W) {
         copyRow(W, 0).Past = Felt(1u);
         copyRow(W, 0).Byte = Felt();
         heapBoundary(W, 3).FinalByte = Felt();
       }},
      {"copy.flags_bool", "a past flag of 2 looking a zero up -1 times",
       nullptr,
       [](Mutant &W) {
         // 2 (40 - 40) - (40 - 1 - 40) = 1.
         CopyCols<Felt> &C = copyRow(W, 10);
         C.Past = Felt(2u);
         C.DiffLo = Felt(1u);
         C.DiffHi = Felt();
       }},
      {"bus copy", "an empty copy from another source", nullptr,
       [](Mutant &W) { copyRow(W, 18).Src = Felt(5u); }},
      {"bus copy", "a copy from another source offset", nullptr,
       [](Mutant &W) {
         for (size_t R = 0; R < 16; ++R) {
           CopyCols<Felt> &C = copyRow(W, R);
           C.Src = Felt(31u);
           setSource(W, C);
           heapBoundary(W, 3 + R).FinalByte = C.Byte;
         }
       }},
      {"copy.length", "a copy one byte short", nullptr,
       [](Mutant &W) {
         setActive(copyRow(W, 17), false);
         setFinal(W, 41, 0, 0);
       }},
      {"copy.continues_active", "a byte in the middle left out", nullptr,
       [](Mutant &W) {
         setActive(copyRow(W, 16), false);
         setFinal(W, 40, 0, 0);
       }},
      {"copy.idx_step", "a copy skipping a byte", nullptr,
       [](Mutant &W) {
         copyRow(W, 17).Idx = Felt(2u);
         setActive(copyRow(W, 17), false);
         setFinal(W, 41, 0, 0);
       }},
      {"copy.first_idx", "a copy starting at its second byte", nullptr,
       [](Mutant &W) {
         CopyCols<Felt> &C = copyRow(W, 16);
         C.Idx = Felt(1u);
         setSource(W, C);
         setWrite(C, 41, 0, 0);
         copyRow(W, 17).Idx = Felt(2u);
         setActive(copyRow(W, 17), false);
         setFinal(W, 40, 0, 0);
         setFinal(W, 41, 7, C.Byte.value());
       }},
      {"copy.addr", "a byte written elsewhere", nullptr,
       [](Mutant &W) {
         CopyCols<Felt> &C = copyRow(W, 17);
         setWrite(C, 3, 4, 31);
         setFinal(W, 3, 7, C.Byte.value());
         setFinal(W, 41, 0, 0);
       }},
      {"copy.ts_increases", "a write consuming its own state (a no-op)",
       nullptr,
       [](Mutant &W) {
         CopyCols<Felt> &C = copyRow(W, 0);
         C.PrevTs = Felt(4u);
         C.PrevByte = C.Byte;
         C.TsDiffLo = Felt();
         C.TsDiffHi = Felt();
         setFinal(W, 3, 0, 0);
       }},
      {"copy.same_copy", "a copy's first byte written to another range",
       nullptr,
       [](Mutant &W) {
         CopyCols<Felt> &C = copyRow(W, 16);
         C.Dst = Felt(3u);
         setWrite(C, 3, 4, 31);
         setFinal(W, 3, 7, C.Byte.value());
         setFinal(W, 40, 0, 0);
       }},
      {"copy.first_after_last", "a copy continuing the one before", nullptr,
       [](Mutant &W) { copyRow(W, 16).IsFirst = Felt(); }},
      {"copy.first_row", "the table starting inside a copy", nullptr,
       [](Mutant &W) { copyRow(W, 0).IsFirst = Felt(); }},
      {"copy.chain_ends", "a write no instruction asked for", nullptr,
       [](Mutant &W) {
         forgeWrite(W, 27, true);
         // The padding row after it as its continuation would be.
         CopyCols<Felt> &N = copyRow(W, 28);
         N.Ts = Felt(5u);
         N.Dst = Felt(3u);
         N.Len = Felt(1u);
         N.Idx = Felt(1u);
       }},
      {"copy.last_row_ends", "a write no instruction asked for, last", nullptr,
       [](Mutant &W) { forgeWrite(W, 31, true); }},
      {"copy.active_is_real", "a padding row writing a byte", nullptr,
       [](Mutant &W) { forgeWrite(W, 27, false); }},
      {"cpu.copy_range", "a source of 2^32 + 30 copied from 30", nullptr,
       [](Mutant &W) {
         // The ISA copies zeros from there; the circuit would take the
         // low limbs. checkSupported refuses the honest run, so build it
         // without.
         runCopies(W,
                   {ins(Opcode::Ldc, 2, 0, 0, 0), ins(Opcode::Li, 1, 0, 0, 3),
                    ins(Opcode::Li, 3, 0, 0, 4), ins(Opcode::CdCopy, 1, 2, 3),
                    ins(Opcode::Stop)},
                   {Word(30) + Word(1ull << 32)});
       }},
      {"cpu.rdsize_zero", "a returndata size of 5", nullptr,
       [](Mutant &W) { W.setOut(9, limbs(Word(5))); }},
      {"cpu.rdcopy_empty", "rdcopy of a byte past the empty returndata",
       nullptr,
       [](Mutant &W) {
         runPastATrap(
             W, {ins(Opcode::Li, 3, 0, 0, 1), ins(Opcode::RdCopy, 1, 2, 3)}, 2);
       }},
      {"bus heap-state", "a forged byte read by mcopy", nullptr,
       [](Mutant &W) {
         copyRow(W, 19).Byte = Felt(5u);
         copyRow(W, 23).Byte = Felt(5u);
         heapBoundary(W, 15).FinalByte = Felt(5u);
         heapBoundary(W, 60).FinalByte = Felt(5u);
       }},
      {"copy.looks", "an mcopy byte looked up in the calldata instead", nullptr,
       [](Mutant &W) {
         CopyCols<Felt> &C = copyRow(W, 19);
         C.IsMcopy = Felt();
         setSource(W, C); // calldata[15] = 16
         C.IsMcopy = Felt(1u);
         C.Looks = Felt(1u);
         setFinal(W, 15, 4, 0); // the read is gone
         copyRow(W, 23).Byte = C.Byte;
         heapBoundary(W, 60).FinalByte = C.Byte;
       }},
      {"copy.same_exact", "an mcopy claimed onto itself, writing nothing",
       nullptr,
       [](Mutant &W) {
         CopyCols<Felt> &C = copyRow(W, 19);
         C.Same = Felt(1u);
         C.Inv = Felt();
         CopyCols<Felt> &R = copyRow(W, 23);
         R.SrcPrevTs = Felt();
         R.SrcTsDiffLo = Felt(15u);
       }},
      {"copy.same", "a cdcopy onto the same numbers, writing nothing",
       [] {
         return std::vector<Instruction>{
             ins(Opcode::Li, 1, 0, 0, 5), ins(Opcode::Li, 3, 0, 0, 4),
             ins(Opcode::CdCopy, 1, 1, 3), ins(Opcode::Stop)};
       },
       [](Mutant &W) {
         for (size_t R = 0; R < 4; ++R) {
           copyRow(W, R).Same = Felt(1u);
           setFinal(W, 5 + R, 0, 0);
         }
       }},
      {"copy.src_addr", "an mcopy read whose range check is of another address",
       nullptr, [](Mutant &W) { copyRow(W, 19).DiffLo = Felt(16u); }},
      {"copy.src_ts_increases", "an mcopy read consuming its own state",
       nullptr,
       [](Mutant &W) {
         CopyCols<Felt> &C = copyRow(W, 19);
         C.SrcPrevTs = Felt(15u);
         C.SrcTsDiffLo = Felt();
         C.SrcTsDiffHi = Felt();
         setFinal(W, 15, 4, 0);
       }},
  };
  return M;
}
