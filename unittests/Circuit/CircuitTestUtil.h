//===-- CircuitTestUtil.h - Programs run into circuit traces ----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Runs a program built with the ObjectBuilder in the emulator with tracing
// (installed as runtime code and called directly), and builds and checks
// the circuit's tables for it.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_UNITTESTS_CIRCUIT_CIRCUITTESTUTIL_H
#define ZKC_UNITTESTS_CIRCUIT_CIRCUITTESTUTIL_H

#include "../VM/ObjectBuilder.h"

#include "zkc/Circuit/Circuit.h"
#include "zkc/Support/Keccak.h"

#include <memory>
#include <random>

namespace zkc::test {

struct TracedRun {
  vm::Trace T;
  vm::TxResult Result;
  /// The program as the object holds it.
  Program Prog;
  /// The call's public inputs.
  circuit::PublicInputs Env;
  /// Its public outputs, as the emulator gives them.
  circuit::PublicOutputs Out;
};

inline TracedRun runTraced(std::vector<Instruction> Code,
                           std::vector<Word> Pool = {},
                           const vm::Bytes &Calldata = {},
                           const std::map<Word, Word> &Storage = {}) {
  TracedRun Run;
  vm::Emulator E;
  const Word Sender(0xa11ce), To(0xc0de);
  E.State.Accounts[Sender].CodeHash = vm::emptyCodeHash();
  vm::Bytes Obj = serialize(makeObject(std::move(Code), std::move(Pool)));
  vm::Account &A = E.State.Accounts[To];
  A.Code = std::make_shared<const vm::Bytes>(Obj);
  A.CodeHash = keccak256Word(Obj.data(), Obj.size());
  for (const auto &[Key, Value] : Storage)
    A.Storage[Key] = Value;
  E.setTrace(&Run.T);
  vm::Transaction Tx;
  Tx.From = Sender;
  Tx.To = To;
  Tx.Data = Calldata;
  Tx.GasLimit = 10'000'000;
  Run.Env = circuit::environmentOf(E, Tx, To);
  Run.Result = E.transact(Tx);
  Run.Out = {Run.Result.Result.S == vm::Status::Revert,
             Run.Result.Result.Output, circuit::storagePostState(E, Run.T, To)};
  for (const vm::Log &L : Run.Result.Logs)
    Run.Out.Logs.push_back({L.Topics, L.Data});
  auto P = readProgram(Obj);
  EXPECT_TRUE(static_cast<bool>(P));
  if (P)
    Run.Prog = std::move(*P);
  else
    llvm::consumeError(P.takeError());
  return Run;
}

/// A traced run with its circuit and tables.
struct CircuitRun {
  TracedRun Run;
  std::unique_ptr<circuit::ZvmCircuit> C;
  circuit::CircuitTrace T;

  explicit CircuitRun(std::vector<Instruction> Code,
                      std::vector<Word> Pool = {},
                      const vm::Bytes &Calldata = {},
                      const std::map<Word, Word> &Storage = {})
      : Run(runTraced(std::move(Code), std::move(Pool), Calldata, Storage)) {
    C = std::make_unique<circuit::ZvmCircuit>(Run.Prog.Code, Run.Prog.Pool,
                                              Run.Env, Run.Out);
    auto Built = circuit::generateCircuitTrace(*C, Run.T);
    if (!Built) {
      ADD_FAILURE() << llvm::toString(Built.takeError());
      return;
    }
    T = std::move(*Built);
  }

  /// Rebuilds the tables from the (edited) execution trace.
  void regenerate() { T = circuit::buildCircuitTrace(*C, Run.T); }

  /// Recounts the lookups (the prover chooses those columns freely) and
  /// checks everything.
  circuit::CheckReport check(bool Refill = true) {
    if (Refill)
      circuit::fillLookupMultiplicities(*C, T);
    circuit::CheckOptions Opts;
    Opts.Seed = 0x5eed;
    return circuit::checkCircuit(*C, T, Opts);
  }
};

/// N random bytes, none zero (a zero byte read is telling: it may come from
/// past the end of the data).
inline vm::Bytes randomBytes(size_t N, uint64_t Seed) {
  std::mt19937_64 Rng(Seed);
  vm::Bytes B(N);
  for (uint8_t &V : B)
    V = static_cast<uint8_t>(Rng() | 1);
  return B;
}

inline std::string describe(const circuit::CheckReport &R) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  R.print(OS);
  return S;
}

} // namespace zkc::test

#endif // ZKC_UNITTESTS_CIRCUIT_CIRCUITTESTUTIL_H
