//===-- EmulatorBench.cpp - Emulator throughput ----------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Instructions per second of the emulator on an arithmetic loop and on a
// heap- and storage-heavy loop, with and without tracing. Run:
//   build/bin/zkc-bench-emulator
// and see docs/benchmarks.md for recorded figures.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/Keccak.h"
#include "zkc/VM/Emulator.h"

#include <benchmark/benchmark.h>

using namespace zkc;
using namespace zkc::vm;
using O = Opcode;

static Instruction ins(O Op, uint8_t A = 0, uint8_t B = 0, uint8_t C = 0,
                       uint32_t Imm = 0) {
  return Instruction{Op, A, B, C, Imm};
}

/// 5 simple instructions per iteration: add, mul, xor, addi, jnz.
static std::vector<Instruction> arithmeticLoop(uint32_t Iterations) {
  return {ins(O::Li, 1, 0, 0, Iterations), ins(O::Li, 2, 0, 0, 3),
          ins(O::Add, 3, 3, 2), ins(O::Mul, 4, 3, 3), ins(O::Xor, 5, 4, 3),
          ins(O::AddI, 1, 1, 0, -1), ins(O::Jnz, 1, 0, 0, 2)};
}

/// Per iteration: two heap stores and loads at moving offsets, one storage
/// write and read on a small set of keys, and the loop bookkeeping.
static std::vector<Instruction> heapStorageLoop(uint32_t Iterations) {
  return {ins(O::Li, 1, 0, 0, Iterations),
          /*2*/ ins(O::AndI, 6, 1, 0, 1023), ins(O::ShlI, 6, 6, 0, 5),
          ins(O::MStore, 6, 1, 0, 0), ins(O::MStore, 6, 1, 0, 16),
          ins(O::MLoad, 7, 6, 0, 0), ins(O::MLoad, 8, 6, 0, 7),
          ins(O::AndI, 9, 1, 0, 15), ins(O::SStore, 9, 7),
          ins(O::SLoad, 10, 9), ins(O::AddI, 1, 1, 0, -1),
          ins(O::Jnz, 1, 0, 0, 1)};
}

static void runLoop(benchmark::State &S, std::vector<Instruction> Code,
                    bool Tracing) {
  Object Obj;
  Obj.Name = "Bench";
  Obj.Code = std::move(Code);
  auto Bytes = writeObject(Obj);
  if (!Bytes) {
    S.SkipWithError("cannot serialize the benchmark object");
    return;
  }
  Emulator E;
  const Word Contract(0xc0de), Sender(0x5e4d);
  Account &A = E.State.Accounts[Contract];
  A.Code = std::make_shared<const vm::Bytes>(std::move(*Bytes));
  A.CodeHash = keccak256Word(A.Code->data(), A.Code->size());
  Trace T;
  if (Tracing)
    E.setTrace(&T);
  Transaction Tx{Sender, Contract, Word(), {}, INT64_MAX / 2, Word(),
                 std::nullopt};
  // One untimed run first: it sizes the trace buffers, whose first growth is
  // dominated by page faults rather than by the emulator.
  E.transact(Tx);
  uint64_t Cycles = 0;
  for (auto _ : S) {
    TxResult R = E.transact(Tx);
    if (R.Result.S != Status::Success) {
      S.SkipWithError(trapKindName(R.Result.Trap));
      return;
    }
    Cycles += R.Cycles;
  }
  S.counters["instr/s"] =
      benchmark::Counter(static_cast<double>(Cycles),
                         benchmark::Counter::kIsRate);
}

static void BM_ArithmeticLoop(benchmark::State &S) {
  runLoop(S, arithmeticLoop(1'000'000), /*Tracing=*/false);
}
static void BM_HeapStorageLoop(benchmark::State &S) {
  runLoop(S, heapStorageLoop(100'000), /*Tracing=*/false);
}
static void BM_ArithmeticLoopTraced(benchmark::State &S) {
  runLoop(S, arithmeticLoop(100'000), /*Tracing=*/true);
}
static void BM_HeapStorageLoopTraced(benchmark::State &S) {
  runLoop(S, heapStorageLoop(10'000), /*Tracing=*/true);
}

BENCHMARK(BM_ArithmeticLoop)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HeapStorageLoop)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ArithmeticLoopTraced)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HeapStorageLoopTraced)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
