//===-- WordBench.cpp - Cost of the 256-bit word operations ---------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Times the Word operations the emulator's dispatch loop leans on, on
// full-width operands (the slow paths of division and MULMOD) and, where the
// code has a fast path, on one-limb operands too. Operands come from a fixed
// seed and rotate through a small table, so the compiler cannot fold them and
// the branch predictor cannot learn one answer.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/Keccak.h"
#include "zkc/Support/Word.h"

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

using namespace zkc;

namespace {

constexpr size_t TableSize = 256; // A power of two: the index is masked.

/// Operands with SignificantLimbs non-zero low limbs.
std::vector<Word> operands(unsigned SignificantLimbs, uint64_t Seed) {
  std::mt19937_64 Rng(Seed);
  std::vector<Word> V(TableSize);
  for (Word &W : V) {
    for (unsigned I = 0; I < SignificantLimbs; ++I)
      W.L[I] = Rng();
    // Keep the top limb non-zero so that the width is what the name says.
    W.L[SignificantLimbs - 1] |= 1ull << 63;
  }
  return V;
}

template <typename Op>
void binary(benchmark::State &State, unsigned LimbsA, unsigned LimbsB, Op F) {
  std::vector<Word> A = operands(LimbsA, 1), B = operands(LimbsB, 2);
  size_t I = 0;
  for (auto _ : State) {
    Word R = F(A[I], B[I]);
    benchmark::DoNotOptimize(R);
    I = (I + 1) & (TableSize - 1);
  }
  State.SetItemsProcessed(State.iterations());
}

void BM_Add(benchmark::State &State) {
  binary(State, 4, 4, [](const Word &A, const Word &B) { return A + B; });
}
BENCHMARK(BM_Add);

void BM_Mul(benchmark::State &State) {
  binary(State, 4, 4, [](const Word &A, const Word &B) { return A * B; });
}
BENCHMARK(BM_Mul);

/// Full-width dividend; the divisor has range(0) limbs (1: the one-limb
/// divisor case of the long division, 2 and 4: multi-limb quotients).
void BM_Div(benchmark::State &State) {
  binary(State, 4, unsigned(State.range(0)), udiv);
}
BENCHMARK(BM_Div)->Arg(1)->Arg(2)->Arg(4);

/// Both operands below 2^64: the inline fast path.
void BM_DivU64(benchmark::State &State) { binary(State, 1, 1, udiv); }
BENCHMARK(BM_DivU64);

void BM_SDiv(benchmark::State &State) { binary(State, 4, 2, sdiv); }
BENCHMARK(BM_SDiv);

/// A 512-bit product reduced by a modulus of range(0) limbs; 4 is the
/// common case of a 256-bit prime field.
void BM_MulMod(benchmark::State &State) {
  std::vector<Word> A = operands(4, 1), B = operands(4, 2),
                    N = operands(unsigned(State.range(0)), 3);
  size_t I = 0;
  for (auto _ : State) {
    Word R = mulmod(A[I], B[I], N[I]);
    benchmark::DoNotOptimize(R);
    I = (I + 1) & (TableSize - 1);
  }
  State.SetItemsProcessed(State.iterations());
}
BENCHMARK(BM_MulMod)->Arg(1)->Arg(4);

void BM_AddMod(benchmark::State &State) {
  std::vector<Word> A = operands(4, 1), B = operands(4, 2), N = operands(4, 3);
  size_t I = 0;
  for (auto _ : State) {
    Word R = addmod(A[I], B[I], N[I]);
    benchmark::DoNotOptimize(R);
    I = (I + 1) & (TableSize - 1);
  }
  State.SetItemsProcessed(State.iterations());
}
BENCHMARK(BM_AddMod);

/// A full-width base to an exponent of range(0) bits: the cost grows with
/// the exponent's length, which is also what EXP's dynamic gas charges for.
void BM_Exp(benchmark::State &State) {
  std::vector<Word> A = operands(4, 1), E = operands(4, 2);
  Word Mask = shr(Word::max(), Word(256 - State.range(0)));
  for (Word &W : E)
    W = (W & Mask) | shl(Word(1), Word(State.range(0) - 1));
  size_t I = 0;
  for (auto _ : State) {
    Word R = zkc::exp(A[I], E[I]);
    benchmark::DoNotOptimize(R);
    I = (I + 1) & (TableSize - 1);
  }
  State.SetItemsProcessed(State.iterations());
}
BENCHMARK(BM_Exp)->Arg(8)->Arg(64)->Arg(256);

/// keccak256 of 64 bytes, the size of a mapping slot computation
/// (key . slot): one permutation.
void BM_Keccak256_64(benchmark::State &State) {
  uint8_t Data[64];
  for (unsigned I = 0; I < 64; ++I)
    Data[I] = uint8_t(I * 37 + 1);
  for (auto _ : State) {
    std::array<uint8_t, 32> D = keccak256(Data, sizeof(Data));
    benchmark::DoNotOptimize(D);
    Data[0] = D[0]; // Chain the inputs so no call can be skipped.
  }
  State.SetBytesProcessed(State.iterations() * int64_t(sizeof(Data)));
}
BENCHMARK(BM_Keccak256_64);

} // namespace

BENCHMARK_MAIN();
