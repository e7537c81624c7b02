//===-- KeccakTest.cpp - keccak256 on honest executions -------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The keccak-f table alone against zkc::keccakF1600 on the zero state and
// random states; then keccak256 in executions: empty messages, 1, 31, 32,
// 135, 136, 137 and 272 bytes, unaligned starts, bytes never written,
// several hashes in one run, a hash in a loop and random messages over
// random stores. The digests are the emulator's (checked against
// zkc::keccak256 of the heap the test expects) and the tables built from
// the trace satisfy every constraint and balance every bus; ranges the
// circuit cannot express are refused.
//
//===----------------------------------------------------------------------===//

#include "CircuitTestUtil.h"

#include "zkc/Circuit/ConstraintChecker.h"

#include <random>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

/// Collects what a table's rows do.
struct Recorder final : RowSink {
  std::vector<std::string> Failures;
  struct Interaction {
    Bus B;
    bool IsSend;
    std::vector<uint64_t> Values;
    size_t Row;
  };
  std::vector<Interaction> Interactions;
  void constraintFailed(const char *Name, size_t Row) override {
    Failures.push_back(std::string(Name) + " at row " + std::to_string(Row));
  }
  void interaction(Bus B, Felt, const Tuple<Felt> &T, bool IsSend,
                   size_t Row) override {
    std::vector<uint64_t> V;
    for (Felt F : T)
      V.push_back(F.value());
    Interactions.push_back({B, IsSend, V, Row});
  }
};

std::vector<uint64_t> limbsOf(const uint64_t *State) {
  std::vector<uint64_t> V;
  for (unsigned L = 0; L < keccak::Lanes; ++L) {
    V.push_back(State[L] & 0xffffffff);
    V.push_back(State[L] >> 32);
  }
  return V;
}

TEST(KeccakFTest, RoundConstantsAndRotations) {
  EXPECT_EQ(keccak::RoundConstants[0], 1u);
  EXPECT_EQ(keccak::RoundConstants[1], 0x8082u);
  EXPECT_EQ(keccak::RoundConstants[23], 0x8000000080008008ull);
  EXPECT_EQ(keccak::RhoOffsets[keccak::lane(1, 0)], 1u);
  EXPECT_EQ(keccak::RhoOffsets[keccak::lane(4, 4)], 14u);
  EXPECT_EQ(keccak::RhoOffsets[keccak::lane(0, 0)], 0u);
}

TEST(KeccakFTest, PermutationsOfZeroAndRandomStates) {
  std::mt19937_64 Rng(0x6b656363);
  std::vector<KeccakFEvent> Events;
  Events.push_back({7, {}});
  for (unsigned I = 0; I < 4; ++I) {
    KeccakFEvent Ev{100 + I, {}};
    for (uint64_t &L : Ev.State)
      L = Rng();
    Events.push_back(Ev);
  }
  Events.push_back({200, {}});
  Events.back().State.fill(~0ull);
  Matrix M = generateKeccakFTrace(Events);
  // Six permutations of 32 rows, padded with a zero-state one.
  EXPECT_EQ(M.Height, 256u);
  KeccakAir Air;
  Recorder Rec;
  DebugConstraintChecker Checker(Rec);
  Checker.run(Air, M, Air.preprocessedTrace());
  EXPECT_TRUE(Rec.Failures.empty()) << Rec.Failures.front();
  ASSERT_EQ(Rec.Interactions.size(), 2 * Events.size());
  for (size_t I = 0; I < Events.size(); ++I) {
    uint64_t Out[keccak::Lanes];
    std::copy(Events[I].State.begin(), Events[I].State.end(), Out);
    keccakF1600(Out);
    const Recorder::Interaction &In = Rec.Interactions[2 * I];
    const Recorder::Interaction &Res = Rec.Interactions[2 * I + 1];
    EXPECT_EQ(In.B, Bus::KeccakF);
    EXPECT_FALSE(In.IsSend);
    EXPECT_EQ(In.Row, I * keccak::Period);
    std::vector<uint64_t> Expected = {keccak::InputKind, Events[I].Tag};
    for (uint64_t V : limbsOf(Events[I].State.data()))
      Expected.push_back(V);
    EXPECT_EQ(In.Values, Expected);
    EXPECT_TRUE(Res.IsSend);
    EXPECT_EQ(Res.Row, I * keccak::Period + keccak::Rounds - 1);
    Expected = {keccak::OutputKind, Events[I].Tag};
    for (uint64_t V : limbsOf(Out))
      Expected.push_back(V);
    EXPECT_EQ(Res.Values, Expected) << "permutation " << I;
  }
}

TEST(KeccakFTest, AnEmptyTableIsOnePaddingPermutation) {
  Matrix M = generateKeccakFTrace({});
  EXPECT_EQ(M.Height, keccak::Period);
  KeccakAir Air;
  Recorder Rec;
  DebugConstraintChecker Checker(Rec);
  Checker.run(Air, M, Air.preprocessedTrace());
  EXPECT_TRUE(Rec.Failures.empty()) << Rec.Failures.front();
  EXPECT_TRUE(Rec.Interactions.empty());
}

/// A heap the test builds with word stores, and the program storing it.
struct HeapImage {
  std::vector<uint8_t> Bytes = std::vector<uint8_t>(4096);
  std::vector<Instruction> Code;
  std::vector<Word> Pool;

  /// Stores W at Addr (big-endian) with ldc r1; li r2; mstore.
  void store(uint32_t Addr, const Word &W) {
    Code.push_back(ins(Opcode::Ldc, 1, 0, 0, Pool.size()));
    Code.push_back(ins(Opcode::Li, 2, 0, 0, Addr));
    Code.push_back(ins(Opcode::MStore, 2, 1, 0, 0));
    Pool.push_back(W);
    for (unsigned K = 0; K < 32; ++K)
      Bytes[Addr + K] =
          static_cast<uint8_t>(W.L[(31 - K) / 8] >> (8 * ((31 - K) % 8)));
  }
  /// Hashes [Start, Start + Len) into register Dst.
  void hash(uint8_t Dst, uint32_t Start, uint32_t Len) {
    Code.push_back(ins(Opcode::Li, 3, 0, 0, Start));
    Code.push_back(ins(Opcode::Li, 4, 0, 0, Len));
    Code.push_back(ins(Opcode::Keccak256, Dst, 3, 4));
  }
  Word expected(uint32_t Start, uint32_t Len) const {
    return keccak256Word(Bytes.data() + Start, Len);
  }
};

Word randomWord(std::mt19937_64 &Rng) {
  return Word(Rng(), Rng(), Rng(), Rng());
}

/// Runs Img's program and checks that every keccak256 gave the digest of
/// the image and that the circuit holds.
void expectHashes(HeapImage Img,
                  const std::vector<std::pair<uint32_t, uint32_t>> &Ranges) {
  Img.Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Img.Code, Img.Pool);
  ASSERT_EQ(R.Run.Result.Result.S, vm::Status::Success);
  size_t Hashes = 0, Blocks = 0;
  for (const vm::TraceStep &S : R.Run.T.Steps) {
    if (S.Instr.Op != Opcode::Keccak256)
      continue;
    ASSERT_LT(Hashes, Ranges.size());
    auto [Start, Len] = Ranges[Hashes++];
    EXPECT_EQ(S.Out, Img.expected(Start, Len)) << Start << "+" << Len;
    Blocks += Len / keccak::RateBytes + 1;
  }
  EXPECT_EQ(Hashes, Ranges.size());
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::KeccakSponge)], Blocks);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::KeccakF)], keccak::Period * Blocks);
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

TEST(KeccakTest, MessagesOfEveryLengthAroundTheRate) {
  std::mt19937_64 Rng(0x4b454343);
  HeapImage Img;
  for (uint32_t A = 0; A < 320; A += 32)
    Img.store(64 + A, randomWord(Rng));
  for (uint32_t Len : {0u, 1u, 31u, 32u, 135u, 136u, 137u, 272u, 408u, 1000u}) {
    SCOPED_TRACE(Len);
    HeapImage One = Img;
    One.hash(5, 64, Len);
    expectHashes(One, {{64, Len}});
  }
}

TEST(KeccakTest, UnalignedStartsAndBytesNeverWritten) {
  std::mt19937_64 Rng(0x554e414c);
  HeapImage Img;
  Img.store(100, randomWord(Rng));
  Img.store(140, randomWord(Rng));
  std::vector<std::pair<uint32_t, uint32_t>> Ranges = {
      {67, 50},    // mostly never written, then the first word
      {101, 135},  // across both words and the gap between them
      {3000, 140}, // never written at all
      {0, 0},      // empty at 0
      {171, 1},    // the last byte of the second word
  };
  for (auto [Start, Len] : Ranges)
    Img.hash(5, Start, Len);
  expectHashes(Img, Ranges);
}

TEST(KeccakTest, EmptyMessagesAnywhereBelowTwoToThe32) {
  HeapImage Img;
  std::vector<std::pair<uint32_t, uint32_t>> Ranges = {{0x7ffffff0u, 0},
                                                       {1u << 28, 0}};
  for (auto [Start, Len] : Ranges)
    Img.hash(5, Start, Len);
  Img.Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Img.Code, Img.Pool);
  ASSERT_EQ(R.Run.Result.Result.S, vm::Status::Success);
  EXPECT_EQ(R.Run.T.Steps[2].Out, keccak256Word(nullptr, 0));
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

TEST(KeccakTest, HashesBetweenStoresSeeTheHeapOfTheirTime) {
  // The same range hashed before and after a store into it, and a hash of
  // a hash's result.
  std::mt19937_64 Rng(0x54494d45);
  HeapImage Img;
  Img.store(0, randomWord(Rng));
  Img.hash(5, 0, 40);
  Word First = Img.expected(0, 40);
  Img.store(20, randomWord(Rng));
  Img.hash(6, 0, 40);
  Word Second = Img.expected(0, 40);
  Img.Code.push_back(ins(Opcode::Li, 2, 0, 0, 200));
  Img.Code.push_back(ins(Opcode::MStore, 2, 6, 0, 0));
  Img.hash(7, 200, 32);
  Img.Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Img.Code, Img.Pool);
  ASSERT_EQ(R.Run.Result.Result.S, vm::Status::Success);
  std::vector<Word> Digests;
  for (const vm::TraceStep &S : R.Run.T.Steps)
    if (S.Instr.Op == Opcode::Keccak256)
      Digests.push_back(S.Out);
  ASSERT_EQ(Digests.size(), 3u);
  EXPECT_EQ(Digests[0], First);
  EXPECT_EQ(Digests[1], Second);
  uint8_t Buf[32];
  Second.toBigEndian(Buf);
  EXPECT_EQ(Digests[2], keccak256Word(Buf, 32));
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

TEST(KeccakTest, AHashInALoop) {
  // r5 = keccak256(heap[0, 32)); stored back at 0; five times.
  CircuitRun R(
      {ins(Opcode::Li, 1, 0, 0, 0), ins(Opcode::Li, 2, 0, 0, 32),
       ins(Opcode::Li, 3, 0, 0, 5), ins(Opcode::Keccak256, 5, 1, 2), // 3
       ins(Opcode::MStore, 1, 5, 0, 0), ins(Opcode::AddI, 3, 3, 0, ~0u),
       ins(Opcode::Jnz, 3, 0, 0, 3), ins(Opcode::Stop)});
  ASSERT_EQ(R.Run.Result.Result.S, vm::Status::Success);
  Word W;
  uint8_t Buf[32] = {};
  for (unsigned I = 0; I < 5; ++I) {
    W = keccak256Word(Buf, 32);
    W.toBigEndian(Buf);
  }
  EXPECT_EQ(R.Run.T.Steps[R.Run.T.Steps.size() - 5].Out, W);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::KeccakSponge)], 5u);
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

TEST(KeccakTest, RandomMessagesOverRandomStores) {
  std::mt19937_64 Rng(0x52414e44);
  HeapImage Img;
  for (unsigned I = 0; I < 12; ++I)
    Img.store(Rng() % 600, randomWord(Rng));
  std::vector<std::pair<uint32_t, uint32_t>> Ranges;
  for (unsigned I = 0; I < 16; ++I) {
    uint32_t Start = Rng() % 700, Len = Rng() % 300;
    Ranges.push_back({Start, Len});
    Img.hash(5 + I, Start, Len);
  }
  expectHashes(Img, Ranges);
}

TEST(KeccakTest, RangesTheCircuitCannotExpressAreRefused) {
  // An empty range from 2^32: the ISA hashes nothing, but the CPU takes
  // the start's two low limbs.
  auto Refusal = [](std::vector<Instruction> Code) {
    TracedRun Run = runTraced(std::move(Code));
    ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool, Run.Env, Run.Out);
    auto Built = generateCircuitTrace(C, Run.T);
    EXPECT_FALSE(static_cast<bool>(Built));
    return Built ? std::string() : llvm::toString(Built.takeError());
  };
  EXPECT_EQ(
      Refusal({ins(Opcode::Li, 1, 0, 0, 1), ins(Opcode::ShlI, 1, 1, 0, 32),
               ins(Opcode::Keccak256, 2, 1, 3), ins(Opcode::Stop)}),
      "unsupported by the circuit: a keccak256 range with a start or "
      "length of 2^32 or more (at pc 2)");
  // A range past the heap limit traps.
  EXPECT_EQ(Refusal({ins(Opcode::Li, 1, 0, 0, (1u << 28) - 4),
                     ins(Opcode::Li, 2, 0, 0, 5),
                     ins(Opcode::Keccak256, 3, 1, 2), ins(Opcode::Stop)}),
            "unsupported by the circuit: an execution ending in a trap (at pc "
            "2, keccak256)");
}

} // namespace
