//===-- StorageSoundnessTest.cpp - Malicious storage witnesses ------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Consistent malicious witnesses for the storage tables and the CPU's
// storage accesses (forged and stale reads, a wrong timestamp order,
// slots opened twice, boundary rows out of order, a transient slot that
// does not start at zero, transient values read as storage) and public
// pre- and post-states that are not the execution's (tampered, or a
// reverted call publishing its writes), each rejected by exactly the
// constraint or bus it names. SoundnessTest.cpp's coverage test counts
// storageMutations() too.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

/// Storage rows 0 to 7 are CPU rows 2, 3, 4, 6, 7, 8, 9 and 11, at
/// timestamps 3, 4, 5, 7, 8, 9, 10 and 12. Boundary rows: [5], [9], t[3],
/// t[5].
std::vector<Instruction> storageProgram() {
  return {
      ins(Opcode::Li, 1, 0, 0, 5),  // 0
      ins(Opcode::Ldc, 2, 0, 0, 0), // 1 r2 = X
      ins(Opcode::SLoad, 3, 1),     // 2 r3 = [5] = Y
      ins(Opcode::SStore, 1, 2),    // 3 [5] = X
      ins(Opcode::SLoad, 4, 1),     // 4 r4 = X
      ins(Opcode::Li, 5, 0, 0, 9),  // 5
      ins(Opcode::SLoad, 6, 5),     // 6 r6 = [9] = 7
      ins(Opcode::TLoad, 7, 1),     // 7 r7 = t[5] = 0
      ins(Opcode::TStore, 1, 2),    // 8 t[5] = X
      ins(Opcode::TLoad, 8, 1),     // 9 r8 = X
      ins(Opcode::Li, 9, 0, 0, 3),  // 10
      ins(Opcode::TStore, 9, 1),    // 11 t[3] = 5
      ins(Opcode::Stop),            // 12
  };
}

std::vector<Instruction> revertingStorageProgram() {
  std::vector<Instruction> Code = storageProgram();
  Code.back() = ins(Opcode::Revert, 20, 20);
  return Code;
}

/// Key 100 is never touched, so not published.
std::map<Word, Word> preState() {
  return {{Word(5), Y}, {Word(9), Word(7)}, {Word(100), Word(1)}};
}

StorageAccessCols<Felt> &storageRow(Mutant &W, size_t R) {
  return W.row<StorageAccessCols>(TableId::Storage, R);
}

using BoundaryRow = StorageBoundaryCols<Felt>;

std::vector<BoundaryRow> boundaryRows(Mutant &W) {
  std::vector<BoundaryRow> Rows;
  const Matrix &M = W.T[TableId::StorageBoundary];
  for (size_t R = 0; R < M.Height; ++R)
    if (!viewRow<StorageBoundaryCols>(M.row(R)).IsReal.isZero())
      Rows.push_back(viewRow<StorageBoundaryCols>(M.row(R)));
  return Rows;
}

Word wordOf(const Felt *Limbs) {
  Word V;
  for (unsigned I = 0; I < NumLimbs; ++I)
    V.L[I / 4] |= Limbs[I].value() << (16 * (I % 4));
  return V;
}

/// Replaces the boundary table by Rows (padded with zeros) and the lt
/// table by the comparisons they ask for, as many times as they ask (the
/// storage program makes no comparison of its own).
void setBoundary(Mutant &W, const std::vector<BoundaryRow> &Rows,
                 size_t Height = 0) {
  Matrix &M = W.T[TableId::StorageBoundary];
  M = Matrix(StorageBoundaryAir::Width,
             std::max(Height, paddedHeight(Rows.size())));
  std::vector<AluEvent> Lt;
  for (size_t R = 0; R < Rows.size(); ++R) {
    viewRowMut<StorageBoundaryCols>(M.row(R)) = Rows[R];
    if (R == 0)
      continue;
    uint64_t Times = (Rows[R].IsReal * (Felt(1u) - Rows[R].NewSpace)).value();
    for (uint64_t K = 0; K < Times; ++K)
      Lt.push_back(
          {Opcode::Lt, wordOf(Rows[R - 1].Key), wordOf(Rows[R].Key), Word(1)});
  }
  W.T[TableId::Lt] = generateLtTrace(Lt);
}

BoundaryRow dummySlot(bool Transient, uint64_t Key) {
  BoundaryRow B{};
  B.IsReal = Felt(1u);
  B.Transient = Felt(Transient ? 1u : 0u);
  writeLimbs(Word(Key), B.Key);
  return B;
}

/// The verifier told Pre and Post instead of the execution's.
void claimStorage(Mutant &W, std::map<Word, Word> Pre,
                  std::map<Word, Word> Post, bool Regenerate) {
  PublicInputs Env = W.Run.Env;
  Env.Storage = std::move(Pre);
  PublicOutputs Out = W.Run.Out;
  Out.Storage = std::move(Post);
  W.C = std::make_unique<ZvmCircuit>(W.Run.Prog.Code, W.Run.Prog.Pool, Env,
                                     std::move(Out));
  if (Regenerate)
    W.regenerate();
}

TEST(StorageSoundnessTest, TheProgramDoesWhatItSays) {
  Mutant W(storageProgram(), preState());
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(W.Run.T.Steps[2].Out, Y);
  EXPECT_EQ(W.Run.T.Steps[4].Out, X);
  EXPECT_EQ(W.Run.T.Steps[6].Out, Word(7));
  EXPECT_EQ(W.Run.T.Steps[7].Out, Word());
  EXPECT_EQ(W.Run.T.Steps[9].Out, X);
  EXPECT_EQ(W.Run.Out.Storage,
            (std::map<Word, Word>{{Word(5), X}, {Word(9), Word(7)}}));
  EXPECT_EQ(W.T.UsedRows[unsigned(TableId::Storage)], 8u);
  std::vector<BoundaryRow> B = boundaryRows(W);
  ASSERT_EQ(B.size(), 4u);
  EXPECT_EQ(wordOf(B[2].Key), Word(3));
  EXPECT_EQ(B[2].NewSpace, Felt(1u));
  EXPECT_EQ(storageRow(W, 2).PrevTs, Felt(4u));
  EXPECT_EQ(storageRow(W, 2).Ts, Felt(5u));
  // Its reverted twin publishes the pre-state and holds too.
  Mutant V(revertingStorageProgram(), preState());
  EXPECT_TRUE(V.check().ok());
  EXPECT_EQ(V.Run.Out.Storage,
            (std::map<Word, Word>{{Word(5), Y}, {Word(9), Word(7)}}));
}

TEST(StorageSoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : storageMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W(M.Program ? M.Program() : storageProgram(), preState());
    ASSERT_TRUE(W.check().ok());
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

TEST(StorageSoundnessTest, AForgedTLoadIsRejected) {
  // tload t[5] = 0 at CPU row 7 claimed to give 1, the storage row
  // agreeing: the state it found says 0.
  Mutant W(storageProgram(), preState());
  W.setOut(7, limbs(Word(1)));
  storageRow(W, 4).Value[0] = Felt(1u);
  storageRow(W, 5).PrevValue[0] = Felt(1u);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"storage.read_keeps_value"})
      << describe(R);
}

TEST(StorageSoundnessTest, ALoadOfAValueStoredLaterIsRejected) {
  // sload [5] at ts 3 claims X, which the sstore at ts 4 writes: it would
  // have to find a state from the future.
  Mutant W(storageProgram(), preState());
  W.setOut(2, limbs(X));
  StorageAccessCols<Felt> &Load = storageRow(W, 0);
  StorageAccessCols<Felt> &Store = storageRow(W, 1);
  StorageAccessCols<Felt> &Next = storageRow(W, 2);
  writeLimbs(X, Load.Value);
  writeLimbs(X, Load.PrevValue);
  Load.PrevTs = Felt(4u);
  Load.TsDiffLo = Felt(3u) - Felt(4u) - Felt(1u);
  Load.TsDiffHi = Felt();
  Store.PrevTs = Felt();
  writeLimbs(Y, Store.PrevValue);
  Store.TsDiffLo = Felt(3u);
  Next.PrevTs = Felt(3u);
  Next.TsDiffLo = Felt(1u);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

TEST(StorageSoundnessTest, ADuplicatedBoundaryKeyIsRejected) {
  // t[5] opened a second time, at zero, so that the tload at CPU row 9
  // reads 0 instead of X: the two rows' keys are equal, which the lt table
  // does not call less.
  Mutant W(storageProgram(), preState());
  W.setOut(9, limbs(Word()));
  StorageAccessCols<Felt> &Load = storageRow(W, 6);
  writeLimbs(Word(), Load.Value);
  writeLimbs(Word(), Load.PrevValue);
  Load.PrevTs = Felt();
  Load.TsDiffLo = Felt(9u);
  std::vector<BoundaryRow> B = boundaryRows(W);
  // The first t[5] ends at the tstore (ts 9), the second at the tload.
  BoundaryRow Second = B[3];
  B[3].FinalTs = Felt(9u);
  writeLimbs(X, B[3].Final);
  Second.FinalTs = Felt(10u);
  writeLimbs(Word(), Second.Final);
  B.push_back(Second);
  setBoundary(W, B);
  // The lt table answers the honest comparisons; lt(5, 5) = 1 it cannot.
  std::vector<AluEvent> Lt = {{Opcode::Lt, Word(5), Word(9), Word(1)},
                              {Opcode::Lt, Word(3), Word(5), Word(1)}};
  W.T[TableId::Lt] = generateLtTrace(Lt);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus alu"}) << describe(R);
}

TEST(StorageSoundnessTest, ATransientValueReadAsStorageIsRejected) {
  // sload [5] at CPU row 4 reading X from the transient slot t[5] (written
  // at ts 9 in the program; here the sstore's value, from the tstore's
  // state): the CPU's access is to the account's storage.
  Mutant W(storageProgram(), preState());
  StorageAccessCols<Felt> &Load = storageRow(W, 2);
  Load.Transient = Felt(1u);
  CheckReport R = W.check();
  EXPECT_TRUE(R.rejecters().count("bus storage")) << describe(R);
  EXPECT_FALSE(R.ok());
}

TEST(StorageSoundnessTest, ATransientSlotPublishedAsStorageIsRejected) {
  // t[3] = 5 claimed as the account's [3] = 5: the boundary row made
  // persistent (and moved among the persistent ones) still has the
  // transient accesses' state.
  Mutant W(storageProgram(), preState());
  std::map<Word, Word> Post = W.Run.Out.Storage;
  Post[Word(3)] = Word(5);
  claimStorage(W, preState(), Post, /*Regenerate=*/false);
  std::vector<BoundaryRow> B = boundaryRows(W);
  BoundaryRow T3 = B[2];
  T3.Transient = Felt();
  T3.NewSpace = Felt();
  B.erase(B.begin() + 2);
  B[2].NewSpace = Felt(1u);
  B.insert(B.begin(), T3);
  setBoundary(W, B);
  // The public table's final values, in key order 3, 5, 9.
  Matrix &P = W.T[TableId::StoragePublic];
  P = Matrix(StoragePublicAir::Width, 4);
  writeLimbs(Word(5), viewRowMut<StoragePublicCols>(P.row(0)).Final);
  writeLimbs(X, viewRowMut<StoragePublicCols>(P.row(1)).Final);
  writeLimbs(Word(7), viewRowMut<StoragePublicCols>(P.row(2)).Final);
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus storage-state"})
      << describe(R);
}

TEST(StorageSoundnessTest, TamperedPublicStatesAreRejected) {
  // A post-state that is not the final value.
  Mutant Post(storageProgram(), preState());
  claimStorage(Post, preState(), {{Word(5), X + Word(1)}, {Word(9), Word(7)}},
               /*Regenerate=*/true);
  EXPECT_EQ(Post.check().rejecters(),
            std::set<std::string>{"storage-public.post"});
  // A touched key left out of the post-state: its boundary row finds no
  // public row.
  Mutant Missing(storageProgram(), preState());
  claimStorage(Missing, preState(), {{Word(5), X}}, /*Regenerate=*/false);
  Matrix &P = Missing.T[TableId::StoragePublic];
  P = Matrix(StoragePublicAir::Width, 1);
  writeLimbs(X, viewRowMut<StoragePublicCols>(P.row(0)).Final);
  EXPECT_EQ(Missing.check().rejecters(),
            std::set<std::string>{"bus storage-public"});
  // A pre-state read back differently: the boundary and the reads agree
  // with each other, not with the verifier.
  Mutant Pre(storageProgram(), preState());
  claimStorage(Pre, {{Word(5), Y}, {Word(9), Word(8)}}, Pre.Run.Out.Storage,
               /*Regenerate=*/false);
  EXPECT_EQ(Pre.check().rejecters(),
            std::set<std::string>{"bus storage-public"});
}

} // namespace

const std::vector<Mutation> &zkc::test::storageMutations() {
  static const std::vector<Mutation> M = {
      {"storage.is_real_bool", "an access split into two halves", nullptr,
       [](Mutant &W) {
         W.grow(TableId::Storage);
         Matrix &M = W.T[TableId::Storage];
         std::copy(M.row(2), M.row(2) + M.Width, M.row(8));
         M.at(2, 0) = M.at(8, 0) = Felt(2u).inverse();
       }},
      {"storage.read_keeps_value", "sload returning Y + 1, the state Y",
       nullptr,
       [](Mutant &W) {
         // The sstore after it finds the state this read left.
         Limbs Forged = limbs(Y + Word(1));
         W.setOut(2, Forged);
         std::copy(Forged.begin(), Forged.end(), storageRow(W, 0).Value);
         std::copy(Forged.begin(), Forged.end(), storageRow(W, 1).PrevValue);
       }},
      {"storage.ts_increases", "a timestamp difference split wrongly", nullptr,
       [](Mutant &W) { storageRow(W, 3).TsDiffLo += Felt(1u); }},
      {"bus storage", "sload's result changed in the CPU only", nullptr,
       [](Mutant &W) { W.setOut(4, limbs(X + Word(1))); }},
      {"bus storage-state", "a stale read of the pre-state after a write",
       nullptr,
       [](Mutant &W) {
         // sload [5] at ts 5 finds the initial state Y instead of X.
         W.setOut(4, limbs(Y));
         StorageAccessCols<Felt> &Load = storageRow(W, 2);
         writeLimbs(Y, Load.Value);
         writeLimbs(Y, Load.PrevValue);
         Load.PrevTs = Felt();
         Load.TsDiffLo = Felt(4u);
       }},
      {"storage-boundary.is_real_bool", "a transient slot starting twice",
       nullptr,
       [](Mutant &W) {
         std::vector<BoundaryRow> B = boundaryRows(W);
         B.push_back(dummySlot(true, 6));
         B.back().IsReal = Felt(2u);
         setBoundary(W, B);
       }},
      {"storage-boundary.transient_bool",
       "a slot of space 2 cancelling a persistent slot's publication", nullptr,
       [](Mutant &W) {
         // [10] (never published) sends its values to the public table
         // once, the slot of space 2 minus once.
         std::vector<BoundaryRow> B = boundaryRows(W);
         B.insert(B.begin() + 2, dummySlot(false, 10));
         B.push_back(dummySlot(false, 10));
         B.back().Transient = Felt(2u);
         B.back().NewSpace = Felt(1u);
         setBoundary(W, B);
       }},
      {"storage-boundary.real_prefix", "a padding row among the slots", nullptr,
       [](Mutant &W) {
         std::vector<BoundaryRow> B = boundaryRows(W);
         B.insert(B.begin() + 2, BoundaryRow{});
         setBoundary(W, B);
       }},
      {"storage-boundary.new_space_bool",
       "transient slots before persistent ones", nullptr,
       [](Mutant &W) {
         // [5], t[3], [9], t[5]: from t[3] to [9] the space goes back,
         // NewSpace = -1, which asks lt(3, 9) twice.
         std::vector<BoundaryRow> B = boundaryRows(W);
         std::swap(B[1], B[2]);
         B[1].NewSpace = Felt(1u);
         B[2].NewSpace = -Felt(1u);
         B[3].NewSpace = Felt(1u);
         setBoundary(W, B);
       }},
      {"storage-boundary.new_space", "a key order skipped within a space",
       nullptr,
       [](Mutant &W) {
         std::vector<BoundaryRow> B = boundaryRows(W);
         B[1].NewSpace = Felt(1u);
         setBoundary(W, B);
       }},
      {"storage-boundary.transient_starts_zero",
       "tload of a fresh transient slot returning 1", nullptr,
       [](Mutant &W) {
         W.setOut(7, limbs(Word(1)));
         storageRow(W, 4).Value[0] = Felt(1u);
         storageRow(W, 4).PrevValue[0] = Felt(1u);
         storageRow(W, 5).PrevValue[0] = Felt(1u);
         std::vector<BoundaryRow> B = boundaryRows(W);
         B[3].Init[0] = Felt(1u);
         setBoundary(W, B);
       }},
      {"storage-public.post", "a reverted call publishing its writes",
       revertingStorageProgram,
       [](Mutant &W) {
         claimStorage(W, preState(), {{Word(5), X}, {Word(9), Word(7)}},
                      /*Regenerate=*/true);
       }},
      {"bus storage-public", "a public pre-state that is not the one read",
       nullptr,
       [](Mutant &W) {
         // The execution read Y at [5], the verifier's pre-state says Y + 1.
         claimStorage(W, {{Word(5), Y + Word(1)}, {Word(9), Word(7)}},
                      W.Run.Out.Storage, /*Regenerate=*/false);
       }},
  };
  return M;
}
