//===-- StorageTest.cpp - The storage tables on honest executions ---------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// sload, sstore, tload and tstore on fresh keys, keys of the pre-state,
// overwritten keys, reads after writes, many keys, the extreme keys 0 and
// 2^256 - 1, the same key in both storages, reverted calls, and random
// sequences checked against a model of both storages: the tables built
// from the trace satisfy every constraint and balance every bus, with the
// emulator's pre-state and post-state as the public ones.
//
//===----------------------------------------------------------------------===//

#include "CircuitTestUtil.h"

#include <random>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

const Word Big(0x0123456789abcdefull, 0xfedcba9876543210ull,
               0x8000000000000001ull, 0xffeeddccbbaa9988ull);

void expectHolds(CircuitRun &R, vm::Status S = vm::Status::Success) {
  ASSERT_EQ(R.Run.Result.Result.S, S);
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

/// The value every sload and tload of R's trace gave, in order.
std::vector<Word> loads(const CircuitRun &R) {
  std::vector<Word> V;
  for (const vm::TraceStep &S : R.Run.T.Steps)
    if (S.Instr.Op == Opcode::SLoad || S.Instr.Op == Opcode::TLoad)
      V.push_back(S.Out);
  return V;
}

size_t used(const CircuitRun &R, TableId T) {
  return R.T.UsedRows[static_cast<unsigned>(T)];
}

TEST(StorageTest, FreshKeysOverwritesAndReadsAfterWrites) {
  // r1 = 0, r2 = Big, r3 = 2^256 - 1, r4 = 5 (a key of the pre-state).
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 0),
      ins(Opcode::Ldc, 2, 0, 0, 0),
      ins(Opcode::Li, 3, 0, 0, ~0u),
      ins(Opcode::Li, 4, 0, 0, 5),
      ins(Opcode::SLoad, 10, 1), // fresh key 0: 0
      ins(Opcode::SLoad, 11, 4), // pre-state: 77
      ins(Opcode::SStore, 1, 2), // [0] = Big
      ins(Opcode::SLoad, 12, 1), // Big
      ins(Opcode::SStore, 1, 3), // [0] = -1, overwritten
      ins(Opcode::SLoad, 13, 1), // -1
      ins(Opcode::SStore, 3, 4), // [-1] = 5, a fresh key written first
      ins(Opcode::SLoad, 14, 3), // 5
      ins(Opcode::SStore, 2, 1), // [Big] = 0, a zero written
      ins(Opcode::SLoad, 15, 2), // 0
      ins(Opcode::SStore, 4, 3), // [5] = -1 over the pre-state
      ins(Opcode::SLoad, 16, 4), // -1
      ins(Opcode::SLoad, 17, 4), // -1 again
      ins(Opcode::Stop),
  };
  CircuitRun R(Code, {Big}, {}, {{Word(5), Word(77)}, {Word(6), Word(1)}});
  expectHolds(R);
  EXPECT_EQ(loads(R),
            (std::vector<Word>{Word(), Word(77), Big, Word::max(), Word(5),
                               Word(), Word::max(), Word::max()}));
  // The keys touched, key 6 of the pre-state not among them.
  EXPECT_EQ(R.Run.Out.Storage, (std::map<Word, Word>{{Word(), Word::max()},
                                                     {Word(5), Word::max()},
                                                     {Big, Word()},
                                                     {Word::max(), Word(5)}}));
  EXPECT_EQ(used(R, TableId::Storage), 13u);
  EXPECT_EQ(used(R, TableId::StorageBoundary), 4u);
  EXPECT_EQ(used(R, TableId::StoragePublic), 4u);
}

TEST(StorageTest, TransientAndPersistentSlotsOfOneKeyAreApart) {
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 9), ins(Opcode::Li, 2, 0, 0, 1000),
      ins(Opcode::TLoad, 3, 1),  // 0: transient storage starts empty
      ins(Opcode::TStore, 1, 2), // t[9] = 1000
      ins(Opcode::SLoad, 4, 1),  // 42, the pre-state
      ins(Opcode::TLoad, 5, 1),  // 1000
      ins(Opcode::SStore, 1, 1), // [9] = 9
      ins(Opcode::TLoad, 6, 1),  // 1000
      ins(Opcode::SLoad, 7, 1),  // 9
      ins(Opcode::TStore, 2, 1), // t[1000] = 9
      ins(Opcode::SLoad, 8, 2),  // 0
      ins(Opcode::Stop),
  };
  CircuitRun R(Code, {}, {}, {{Word(9), Word(42)}});
  expectHolds(R);
  EXPECT_EQ(loads(R), (std::vector<Word>{Word(), Word(42), Word(1000),
                                         Word(1000), Word(9), Word()}));
  // Transient slots are not published.
  EXPECT_EQ(R.Run.Out.Storage,
            (std::map<Word, Word>{{Word(9), Word(9)}, {Word(1000), Word()}}));
  EXPECT_EQ(used(R, TableId::StorageBoundary), 4u);
}

TEST(StorageTest, OnlyTransientStorage) {
  CircuitRun R({ins(Opcode::Li, 1, 0, 0, 3), ins(Opcode::TStore, 1, 1),
                ins(Opcode::TLoad, 2, 1), ins(Opcode::Stop)});
  expectHolds(R);
  EXPECT_EQ(loads(R), std::vector<Word>{Word(3)});
  EXPECT_TRUE(R.Run.Out.Storage.empty());
  EXPECT_EQ(used(R, TableId::StoragePublic), 0u);
}

TEST(StorageTest, NoStorageAtAll) {
  CircuitRun R({ins(Opcode::Li, 1, 0, 0, 3), ins(Opcode::Stop)}, {}, {},
               {{Word(1), Word(2)}});
  expectHolds(R);
  EXPECT_EQ(used(R, TableId::Storage), 0u);
  EXPECT_EQ(used(R, TableId::StorageBoundary), 0u);
}

TEST(StorageTest, ManyKeysInALoop) {
  // for i in 0..100: [3 i + 1] = i; t[3 i + 1] = i + 1; then read back
  // every key of both storages in a second loop, keys descending.
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 0),     // 0 i
      ins(Opcode::Li, 2, 0, 0, 100),   // 1
      ins(Opcode::MulI, 3, 1, 0, 3),   // 2 loop:
      ins(Opcode::AddI, 3, 3, 0, 1),   // 3
      ins(Opcode::SStore, 3, 1),       // 4
      ins(Opcode::AddI, 4, 1, 0, 1),   // 5
      ins(Opcode::TStore, 3, 4),       // 6
      ins(Opcode::Mov, 1, 4),          // 7
      ins(Opcode::Bltu, 1, 2, 0, 2),   // 8
      ins(Opcode::AddI, 1, 1, 0, ~0u), // 9 loop2: i -= 1
      ins(Opcode::MulI, 3, 1, 0, 3),   // 10
      ins(Opcode::AddI, 3, 3, 0, 1),   // 11
      ins(Opcode::SLoad, 5, 3),        // 12
      ins(Opcode::TLoad, 6, 3),        // 13
      ins(Opcode::Add, 7, 7, 5),       // 14
      ins(Opcode::Add, 7, 7, 6),       // 15
      ins(Opcode::Jnz, 1, 0, 0, 9),    // 16
      ins(Opcode::Stop),               // 17
  };
  CircuitRun R(Code);
  expectHolds(R);
  std::vector<Word> V = loads(R);
  ASSERT_EQ(V.size(), 200u);
  for (unsigned I = 0; I < 100; ++I) {
    EXPECT_EQ(V[2 * I], Word(99 - I));
    EXPECT_EQ(V[2 * I + 1], Word(100 - I));
  }
  EXPECT_EQ(R.Run.Out.Storage.size(), 100u);
  EXPECT_EQ(used(R, TableId::Storage), 400u);
  EXPECT_EQ(used(R, TableId::StorageBoundary), 200u);
}

TEST(StorageTest, RandomSequencesAgreeWithTheEmulator) {
  std::mt19937_64 Rng(0x5707a6e);
  for (unsigned Round = 0; Round < 6; ++Round) {
    SCOPED_TRACE(Round);
    // Eight keys, some huge, in registers 1..8; values in 9..16.
    std::vector<Word> Pool;
    std::vector<Instruction> Code;
    auto randomWord = [&] {
      switch (Rng() % 3) {
      case 0:
        return Word(Rng() % 4);
      case 1:
        return Word(Rng(), Rng(), Rng(), Rng());
      default:
        return Word::max() - Word(Rng() % 4);
      }
    };
    for (uint8_t R = 1; R <= 16; ++R) {
      Code.push_back(ins(Opcode::Ldc, R, 0, 0, Pool.size()));
      Pool.push_back(randomWord());
    }
    std::map<Word, Word> Pre;
    for (unsigned K = 0; K < 4; ++K)
      Pre[Pool[Rng() % 8]] = randomWord();
    std::map<Word, Word> Model = Pre, TModel;
    std::vector<Word> Expected;
    for (unsigned I = 0; I < 150; ++I) {
      uint8_t Key = 1 + Rng() % 8, Val = 9 + Rng() % 8, Dst = 17 + Rng() % 8;
      const Word &K = Pool[Key - 1];
      switch (Rng() % 4) {
      case 0:
        Code.push_back(ins(Opcode::SLoad, Dst, Key));
        Expected.push_back(Model.count(K) ? Model[K] : Word());
        break;
      case 1:
        Code.push_back(ins(Opcode::SStore, Key, Val));
        Model[K] = Pool[Val - 1];
        break;
      case 2:
        Code.push_back(ins(Opcode::TLoad, Dst, Key));
        Expected.push_back(TModel.count(K) ? TModel[K] : Word());
        break;
      default:
        Code.push_back(ins(Opcode::TStore, Key, Val));
        TModel[K] = Pool[Val - 1];
        break;
      }
    }
    Code.push_back(ins(Opcode::Stop));
    CircuitRun R(Code, Pool, {}, Pre);
    expectHolds(R);
    EXPECT_EQ(loads(R), Expected);
    for (const auto &[Key, Value] : R.Run.Out.Storage)
      EXPECT_EQ(Value, Model.count(Key) ? Model[Key] : Word());
  }
}

TEST(StorageTest, ARevertedCallPublishesItsPreState) {
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 5), ins(Opcode::Li, 2, 0, 0, 6),
      ins(Opcode::SStore, 1, 2),   // [5] = 6
      ins(Opcode::SStore, 2, 2),   // [6] = 6, a fresh key
      ins(Opcode::SLoad, 3, 1),    // 6
      ins(Opcode::TStore, 1, 2),   // t[5] = 6
      ins(Opcode::Revert, 20, 20), // no revert data
  };
  CircuitRun R(Code, {}, {}, {{Word(5), Word(77)}});
  expectHolds(R, vm::Status::Revert);
  EXPECT_EQ(loads(R), std::vector<Word>{Word(6)});
  EXPECT_TRUE(R.Run.Out.Reverted);
  // The emulator dropped the writes: the published values are the
  // pre-state's.
  EXPECT_EQ(R.Run.Out.Storage,
            (std::map<Word, Word>{{Word(5), Word(77)}, {Word(6), Word()}}));
  // The final values of the execution are the writes all the same.
  const Matrix &P = R.T[TableId::StoragePublic];
  Word Final;
  for (unsigned I = 0; I < NumLimbs; ++I)
    Final.L[I / 4] |= viewRow<StoragePublicCols>(P.row(0)).Final[I].value()
                      << (16 * (I % 4));
  EXPECT_EQ(Final, Word(6));
}

TEST(StorageTest, AReturningCallPublishesItsWrites) {
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 5), ins(Opcode::Li, 2, 0, 0, 6),
      ins(Opcode::SStore, 1, 2), ins(Opcode::Return, 20, 20)};
  CircuitRun R(Code, {}, {}, {{Word(5), Word(77)}});
  expectHolds(R);
  EXPECT_EQ(R.Run.Out.Storage, (std::map<Word, Word>{{Word(5), Word(6)}}));
}

} // namespace
