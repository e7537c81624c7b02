//===-- HeapSoundnessTest.cpp - Malicious heap witnesses are rejected -----===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Consistent malicious witnesses for the heap tables and the CPU's heap
// accesses (forged loads, a byte read that is not the byte found, wrong
// timestamps, tampered boundaries, bytes out of range), each rejected by
// exactly the constraint or bus it names. SoundnessTest.cpp's coverage test
// counts heapMutations() too.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

/// Heap rows 0 to 4 are CPU rows 2 to 6, at timestamps 3 to 7.
std::vector<Instruction> heapProgram() {
  return {
      ins(Opcode::Li, 1, 0, 0, 100),     // 0
      ins(Opcode::Ldc, 2, 0, 0, 0),      // 1 r2 = X
      ins(Opcode::MStore, 1, 2, 0, 3),   // 2 [103, 135) = X
      ins(Opcode::MLoad, 3, 1, 0, 5),    // 3 r3 = [105, 137)
      ins(Opcode::MStore8, 1, 2, 0, 40), // 4 byte 140 = 0xef
      ins(Opcode::MLoad8, 4, 1, 0, 40),  // 5 r4 = 0xef
      ins(Opcode::MLoad8, 5, 1, 0, 3),   // 6 r5 = X's top byte
      ins(Opcode::Stop),                 // 7
  };
}

HeapAccessCols<Felt> &heapRow(Mutant &W, size_t R) {
  return W.row<HeapAccessCols>(TableId::Heap, R);
}

/// Changes what CPU row R loads, in the CPU, its register write and the
/// heap row H.
void setLoad(Mutant &W, size_t R, size_t H, const Limbs &V) {
  W.setOut(R, V);
  std::copy(V.begin(), V.end(), heapRow(W, H).Value);
}

Limbs loaded(Mutant &W, size_t R, uint64_t Plus) {
  return limbs(W.Run.T.Steps[R].Out + Word(Plus));
}

/// The mload of CPU row 3 reading 1 at address 136, which holds 0: the
/// byte it found (PrevBytes) stays 0 unless Found.
void forgeByte136(Mutant &W, bool Found) {
  HeapAccessCols<Felt> &H = heapRow(W, 1);
  H.Bytes[31] = Felt(1u);
  if (Found)
    H.PrevBytes[31] = Felt(1u);
  setLoad(W, 3, 1, loaded(W, 3, 1));
  heapBoundary(W, 136).FinalByte = Felt(1u);
}

TEST(HeapSoundnessTest, TheProgramDoesWhatItSays) {
  Mutant W(heapProgram());
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(W.T.UsedRows[unsigned(TableId::Heap)], 5u);
  EXPECT_EQ(W.T.UsedRows[unsigned(TableId::HeapBoundary)], 35u);
  EXPECT_EQ(W.Run.T.Steps[3].Out, shl(X, Word(16)));
  EXPECT_EQ(W.Run.T.Steps[5].Out, Word(0xef));
  EXPECT_EQ(W.Run.T.Steps[6].Out, Word());
}

TEST(HeapSoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : heapMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W(M.Program ? M.Program() : heapProgram());
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

TEST(HeapSoundnessTest, ALoadOfAValueStoredLaterIsRejected) {
  // mload at ts 3 returning what mstore writes at ts 4: the chain initial
  // -> store (ts 4) -> load (ts 3) -> final balances the state bus, but the
  // load's timestamp difference is -2.
  Mutant W({ins(Opcode::Li, 1, 0, 0, 100), ins(Opcode::Ldc, 2, 0, 0, 0),
            ins(Opcode::MLoad, 3, 1), ins(Opcode::MStore, 1, 2),
            ins(Opcode::Stop)});
  ASSERT_TRUE(W.check().ok());
  HeapAccessCols<Felt> &Load = heapRow(W, 0);
  HeapAccessCols<Felt> &Store = heapRow(W, 1);
  for (unsigned K = 0; K < WordBytes; ++K) {
    Load.PrevTs[K] = Felt(4u);
    Load.PrevBytes[K] = Load.Bytes[K] = Store.Bytes[K];
    Load.TsDiffLo[K] = Felt(-2);
    Load.TsDiffHi[K] = Felt();
    Store.PrevTs[K] = Felt();
    Store.PrevBytes[K] = Felt();
    Store.TsDiffLo[K] = Felt(3u);
    heapBoundary(W, 100 + K).FinalTs = Felt(3u);
  }
  setLoad(W, 2, 0, limbs(X));
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

TEST(HeapSoundnessTest, ANonCanonicalStoredByteIsRejected) {
  // mstore's last two bytes written as 0 and 0xcdef, which still make its
  // limb; the load of row 3 reads them back as they are.
  Mutant W(heapProgram());
  HeapAccessCols<Felt> &Store = heapRow(W, 0);
  HeapAccessCols<Felt> &Load = heapRow(W, 1);
  ASSERT_EQ(Store.Bytes[31], Felt(0xefu));
  Store.Bytes[30] = Load.PrevBytes[28] = Load.Bytes[28] = Felt();
  Store.Bytes[31] = Load.PrevBytes[29] = Load.Bytes[29] = Felt(0xcdefu);
  heapBoundary(W, 133).FinalByte = Felt();
  heapBoundary(W, 134).FinalByte = Felt(0xcdefu);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus byte"}) << describe(R);
}

TEST(HeapSoundnessTest, AnAccessPastTheHeapLimitIsRejected) {
  // mload of [2^28 - 31, 2^28 + 1) traps; claimed to load 0 and go on, its
  // last byte's address is not below 2^28.
  Mutant W(heapProgram());
  runPastATrap(W,
               {ins(Opcode::Li, 1, 0, 0, (1u << 28) - 31),
                ins(Opcode::MLoad, 2, 1), ins(Opcode::Stop)},
               2);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

} // namespace

const std::vector<Mutation> &zkc::test::heapMutations() {
  static const std::vector<Mutation> M = {
      {"cpu.heap_base", "mload from 2^32 + 100 reading address 100", nullptr,
       [](Mutant &W) {
         runPastATrap(W,
                      {ins(Opcode::Li, 1, 0, 0, 1),
                       ins(Opcode::ShlI, 1, 1, 0, 32),
                       ins(Opcode::AddI, 1, 1, 0, 100),
                       ins(Opcode::MLoad, 2, 1), ins(Opcode::Stop)},
                      4);
       }},
      {"heap.flags_bool", "mload8 split into two rows of fractional flags",
       nullptr,
       [](Mutant &W) {
         Matrix &M = W.T[TableId::Heap];
         std::copy(M.row(3), M.row(3) + M.Width, M.row(5));
         const Felt Half = Felt(2u).inverse();
         for (size_t R : {3, 5}) {
           HeapAccessCols<Felt> &H = heapRow(W, R);
           // The opcode stays 0x53 and the multiplicity 1/2.
           H.IsLoad8 = Half;
           H.IsLoad = -Felt(0x53u) * Half;
           H.IsStore = Felt(0x53u) * Half;
         }
       }},
      {"heap.end", "an end address split wrongly", nullptr,
       [](Mutant &W) { heapRow(W, 1).EndLo += Felt(1u); }},
      {"heap.word_limbs", "mload returning one more than its bytes", nullptr,
       [](Mutant &W) { setLoad(W, 3, 1, loaded(W, 3, 1)); }},
      {"heap.byte_limb", "mload8 returning one more than its byte", nullptr,
       [](Mutant &W) { setLoad(W, 5, 3, loaded(W, 5, 1)); }},
      {"heap.load8_zero_extends", "mload8 returning 256 more", nullptr,
       [](Mutant &W) {
         heapRow(W, 3).StoreHi = Felt(1u);
         setLoad(W, 5, 3, loaded(W, 5, 256));
       }},
      {"heap.read_keeps_byte", "mload changing the byte it found", nullptr,
       [](Mutant &W) { forgeByte136(W, /*Found=*/false); }},
      {"heap.ts_increases", "a timestamp difference split wrongly", nullptr,
       [](Mutant &W) { heapRow(W, 1).TsDiffLo[0] += Felt(1u); }},
      {"heap-boundary.is_real_bool", "a byte starting twice, never used",
       nullptr,
       [](Mutant &W) {
         size_t Used = W.T.UsedRows[unsigned(TableId::HeapBoundary)];
         auto &B = W.row<HeapBoundaryCols>(TableId::HeapBoundary, Used);
         uint64_t Last = W.T[TableId::HeapBoundary].at(Used - 1, 1).value();
         B.IsReal = Felt(2u);
         B.Addr = Felt(Last + 78);
         B.GapLo = Felt(77u);
       }},
      {"heap-boundary.real_prefix", "a padding row among the bytes", nullptr,
       [](Mutant &W) {
         Matrix &M = W.T[TableId::HeapBoundary];
         size_t Last = W.T.UsedRows[unsigned(TableId::HeapBoundary)] - 1;
         std::copy(M.row(Last), M.row(Last) + M.Width, M.row(Last + 1));
         auto &Gap = viewRowMut<HeapBoundaryCols>(M.row(Last + 1));
         uint64_t G = Gap.GapLo.value() + 65536 * Gap.GapHi.value();
         std::fill(M.row(Last), M.row(Last) + M.Width, Felt());
         // The padding row sits at the previous byte's address plus the
         // gap, so that the order of the bytes it separates still holds.
         M.at(Last, 1) = M.at(Last - 1, 1) + Felt(G);
         Gap.GapLo = Felt();
         Gap.GapHi = Felt();
       }},
      {"heap-boundary.addr_increases", "a byte gap split wrongly", nullptr,
       [](Mutant &W) {
         W.row<HeapBoundaryCols>(TableId::HeapBoundary, 5).GapLo += Felt(1u);
       }},
      {"bus heap", "mload's result changed in the CPU only", nullptr,
       [](Mutant &W) { W.setOut(3, loaded(W, 3, 1)); }},
      {"bus heap-state", "mload reading a byte state never written", nullptr,
       [](Mutant &W) { forgeByte136(W, /*Found=*/true); }},
  };
  return M;
}
