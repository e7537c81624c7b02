//===-- CircuitBench.cpp - Circuit trace generation and checking ----------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Cycles per second of building the circuit's tables from an execution
// trace and of checking them (every constraint on every row, every bus
// balanced), and the rows per cycle, the proving cost. Run:
//   build/bin/zkc-bench-circuit
// and see docs/benchmarks.md for recorded figures.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"
#include "zkc/Support/Keccak.h"
#include "zkc/VM/Emulator.h"

#include <benchmark/benchmark.h>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::vm;
using O = Opcode;

static Instruction ins(O Op, uint8_t A = 0, uint8_t B = 0, uint8_t C = 0,
                       uint32_t Imm = 0) {
  return Instruction{Op, A, B, C, Imm};
}

/// The emulator benchmark's loop (bench/EmulatorBench.cpp), 5 cycles per
/// iteration: add, mul, xor, addi, jnz.
static std::vector<Instruction> arithmeticLoop(uint32_t Iterations) {
  return {ins(O::Li, 1, 0, 0, Iterations),
          ins(O::Li, 2, 0, 0, 3),
          /*2*/ ins(O::Add, 3, 3, 2),
          ins(O::Mul, 4, 3, 3),
          ins(O::Xor, 5, 4, 3),
          ins(O::AddI, 1, 1, 0, -1),
          ins(O::Jnz, 1, 0, 0, 2),
          ins(O::Stop)};
}

/// Fibonacci numbers, iteratively (6 cycles per iteration): jz, add, mov,
/// mov, addi, jmp.
static std::vector<Instruction> fibonacciLoop(uint32_t Iterations) {
  return {ins(O::Li, 0, 0, 0, Iterations),
          ins(O::Li, 1, 0, 0, 0),
          ins(O::Li, 2, 0, 0, 1),
          /*3*/ ins(O::Jz, 0, 0, 0, 9),
          ins(O::Add, 3, 1, 2),
          ins(O::Mov, 1, 2),
          ins(O::Mov, 2, 3),
          ins(O::AddI, 0, 0, 0, uint32_t(-1)),
          ins(O::Jmp, 0, 0, 0, 3),
          /*9*/ ins(O::Stop)};
}

/// A loop over the wider tables, 8 cycles per iteration: div (divmod and
/// wide-mul), shli (shift and wide-mul), bytei (byteop), an fcall of a
/// function of one addi and fret (the call stack), addi, jnz.
static std::vector<Instruction> wideOpsLoop(uint32_t Iterations) {
  return {ins(O::Li, 1, 0, 0, Iterations),
          ins(O::Li, 2, 0, 0, 0x7654321),
          /*2*/ ins(O::Div, 3, 2, 1),
          ins(O::ShlI, 4, 3, 0, 13),
          ins(O::ByteI, 5, 4, 0, 30),
          ins(O::FCall, 6, 0, 0, 9),
          ins(O::AddI, 1, 1, 0, -1),
          ins(O::Jnz, 1, 0, 0, 2),
          ins(O::Stop),
          /*9*/ ins(O::AddI, 0, 0, 0, 1),
          ins(O::FRet)};
}

/// A loop over the heap tables, 6 cycles per iteration: andi, mstore (32
/// bytes), an unaligned mload, mstore8, addi, jnz, over about 1 KiB.
static std::vector<Instruction> heapLoop(uint32_t Iterations) {
  return {ins(O::Li, 1, 0, 0, Iterations),
          /*1*/ ins(O::AndI, 4, 1, 0, 1023),
          ins(O::MStore, 4, 1, 0, 0),
          ins(O::MLoad, 5, 4, 0, 7),
          ins(O::MStore8, 4, 5, 0, 40),
          ins(O::AddI, 1, 1, 0, -1),
          ins(O::Jnz, 1, 0, 0, 1),
          ins(O::Stop)};
}

/// keccak256 in a loop, 5 cycles per iteration: a hash of the 64 bytes at
/// 0 (one block of the sponge, one permutation of 32 keccak-f rows), an
/// mstore of the digest back at 0, addi, jnz; li of the length.
static std::vector<Instruction> keccakLoop(uint32_t Iterations) {
  return {ins(O::Li, 1, 0, 0, Iterations),
          /*1*/ ins(O::Li, 2, 0, 0, 64),   ins(O::Keccak256, 3, 0, 2),
          ins(O::MStore, 0, 3, 0, 0),      ins(O::AddI, 1, 1, 0, -1),
          ins(O::Jnz, 1, 0, 0, 1),         ins(O::Stop)};
}

/// A loop over the storage tables, 8 cycles per iteration: andi (256
/// keys), sload, addi, sstore, tstore, tload, addi, jnz.
static std::vector<Instruction> storageLoop(uint32_t Iterations) {
  return {ins(O::Li, 1, 0, 0, Iterations),
          /*1*/ ins(O::AndI, 4, 1, 0, 255),
          ins(O::SLoad, 5, 4),
          ins(O::AddI, 5, 5, 0, 1),
          ins(O::SStore, 4, 5),
          ins(O::TStore, 4, 1),
          ins(O::TLoad, 6, 4),
          ins(O::AddI, 1, 1, 0, -1),
          ins(O::Jnz, 1, 0, 0, 1),
          ins(O::Stop)};
}

struct Traced {
  std::unique_ptr<ZvmCircuit> C;
  Trace T;
};

static bool traceProgram(std::vector<Instruction> Code, Traced &Out) {
  Object Obj;
  Obj.Name = "Bench";
  Obj.Code = Code;
  auto Bytes = writeObject(Obj);
  if (!Bytes) {
    llvm::consumeError(Bytes.takeError());
    return false;
  }
  Emulator E;
  const Word Contract(0xc0de), Sender(0x5e4d);
  Account &A = E.State.Accounts[Contract];
  A.Code = std::make_shared<const vm::Bytes>(std::move(*Bytes));
  A.CodeHash = keccak256Word(A.Code->data(), A.Code->size());
  Transaction Call{Sender, Contract, Word(), {}, INT64_MAX / 2, Word(),
                   std::nullopt};
  PublicInputs Env = environmentOf(E, Call, Contract);
  E.setTrace(&Out.T);
  TxResult R = E.transact(Call);
  PublicOutputs Outputs = publicOutputsOf(E, Out.T, R, Contract);
  Out.C = std::make_unique<ZvmCircuit>(std::move(Code), std::vector<Word>(),
                                       Env, std::move(Outputs));
  return R.Result.S == Status::Success;
}

static void reportRows(benchmark::State &S, const CircuitTrace &CT) {
  size_t All = 0, Fixed = 0;
  for (unsigned I = 0; I < NumTables; ++I) {
    All += CT.Main[I].Height;
    auto Id = static_cast<TableId>(I);
    if (Id == TableId::Range16 || Id == TableId::Byte)
      Fixed += CT.Main[I].Height;
  }
  double Cycles = static_cast<double>(CT.Cycles);
  S.counters["cycles"] = Cycles;
  // Rows that grow with the execution (padding included), and all rows
  // with the two 2^16-row lookup tables.
  S.counters["rows/cycle"] = (All - Fixed) / Cycles;
  S.counters["all rows/cycle"] = All / Cycles;
  // Trace cells (rows times width, fixed columns left out) per cycle.
  size_t Cells = 0;
  for (unsigned I = 0; I < NumTables; ++I) {
    auto Id = static_cast<TableId>(I);
    if (Id != TableId::Range16 && Id != TableId::Byte)
      Cells += CT.Main[I].Values.size();
  }
  S.counters["cells/cycle"] = Cells / Cycles;
}

static void generate(benchmark::State &S, std::vector<Instruction> Code) {
  Traced P;
  if (!traceProgram(std::move(Code), P)) {
    S.SkipWithError("the program did not run");
    return;
  }
  uint64_t Cycles = 0;
  CircuitTrace Last;
  for (auto _ : S) {
    auto CT = generateCircuitTrace(*P.C, P.T);
    if (!CT) {
      S.SkipWithError(llvm::toString(CT.takeError()).c_str());
      return;
    }
    Cycles += CT->Cycles;
    Last = std::move(*CT);
  }
  S.counters["cycles/s"] = benchmark::Counter(static_cast<double>(Cycles),
                                              benchmark::Counter::kIsRate);
  reportRows(S, Last);
}

static void check(benchmark::State &S, std::vector<Instruction> Code) {
  Traced P;
  if (!traceProgram(std::move(Code), P)) {
    S.SkipWithError("the program did not run");
    return;
  }
  auto CT = generateCircuitTrace(*P.C, P.T);
  if (!CT) {
    S.SkipWithError(llvm::toString(CT.takeError()).c_str());
    return;
  }
  uint64_t Cycles = 0;
  for (auto _ : S) {
    CheckReport R = checkCircuit(*P.C, *CT);
    if (!R.ok()) {
      S.SkipWithError("the honest trace was rejected");
      return;
    }
    Cycles += CT->Cycles;
  }
  S.counters["cycles/s"] = benchmark::Counter(static_cast<double>(Cycles),
                                              benchmark::Counter::kIsRate);
  reportRows(S, *CT);
}

static void BM_GenerateArithmeticLoop(benchmark::State &S) {
  generate(S, arithmeticLoop(S.range(0)));
}
static void BM_CheckArithmeticLoop(benchmark::State &S) {
  check(S, arithmeticLoop(S.range(0)));
}
static void BM_GenerateWideOps(benchmark::State &S) {
  generate(S, wideOpsLoop(S.range(0)));
}
static void BM_CheckWideOps(benchmark::State &S) {
  check(S, wideOpsLoop(S.range(0)));
}
static void BM_GenerateHeap(benchmark::State &S) {
  generate(S, heapLoop(S.range(0)));
}
static void BM_CheckHeap(benchmark::State &S) {
  check(S, heapLoop(S.range(0)));
}
static void BM_GenerateKeccak(benchmark::State &S) {
  generate(S, keccakLoop(S.range(0)));
}
static void BM_CheckKeccak(benchmark::State &S) {
  check(S, keccakLoop(S.range(0)));
}
static void BM_GenerateStorage(benchmark::State &S) {
  generate(S, storageLoop(S.range(0)));
}
static void BM_CheckStorage(benchmark::State &S) {
  check(S, storageLoop(S.range(0)));
}
static void BM_GenerateFibonacci(benchmark::State &S) {
  generate(S, fibonacciLoop(S.range(0)));
}
static void BM_CheckFibonacci(benchmark::State &S) {
  check(S, fibonacciLoop(S.range(0)));
}

// 1 << 10 iterations is about 6k cycles, where the two 2^16-row lookup
// tables dominate; 1 << 14 about 98k cycles.
BENCHMARK(BM_GenerateArithmeticLoop)
    ->Arg(1 << 10)
    ->Arg(1 << 14)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckArithmeticLoop)
    ->Arg(1 << 10)
    ->Arg(1 << 14)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GenerateFibonacci)->Arg(1 << 14)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GenerateWideOps)->Arg(1 << 13)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckWideOps)->Arg(1 << 13)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckFibonacci)->Arg(1 << 14)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GenerateHeap)->Arg(1 << 13)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckHeap)->Arg(1 << 13)->Unit(benchmark::kMillisecond);
// Each hash is 33 rows of wide tables (a sponge row of 1060 columns, 32
// keccak-f rows of 2408), so fewer iterations.
BENCHMARK(BM_GenerateKeccak)->Arg(1 << 9)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckKeccak)->Arg(1 << 9)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GenerateStorage)->Arg(1 << 13)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckStorage)->Arg(1 << 13)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
