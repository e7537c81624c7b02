//===-- zkc/Circuit/TransactionCheck.h - Check a transaction --*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Runs a transaction in the emulator with tracing and checks the called
// contract's execution against the circuit, the way `zvm-prove --check`
// does for one call. Test runners use it to check every call of real
// contracts (`zkc-test --check-circuit`): an execution the circuit cannot
// prove yet is counted with the reason, a violated constraint is a bug.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_TRANSACTIONCHECK_H
#define ZKC_CIRCUIT_TRANSACTIONCHECK_H

#include "zkc/Circuit/EnvAir.h"
#include "zkc/Circuit/OutputAir.h"
#include "zkc/VM/Emulator.h"

#include <cstdint>
#include <map>
#include <string>

namespace zkc::circuit {

/// How one transaction's execution fared against the circuit.
struct TransactionCheck {
  enum class Result {
    /// Every constraint holds and every bus balances.
    Checked,
    /// The circuit cannot prove the execution yet (an instruction it does
    /// not constrain, a trap): Detail says why.
    Unsupported,
    /// Some constraint or bus fails: Detail lists the failures.
    Violated,
  };
  Result Outcome = Result::Unsupported;
  std::string Detail;
  /// Rows of all tables, padding included (Checked and Violated).
  uint64_t Rows = 0;
};

/// Runs Tx in E, tracing it, and checks the execution against the circuit.
vm::TxResult transactAndCheck(vm::Emulator &E, const vm::Transaction &Tx,
                              TransactionCheck &Check);

/// The public inputs of the creation Tx in E, asked before E runs it: the
/// running code is Tx's data (the init object with the constructor
/// arguments appended, which `codesize` and `codecopy` see), the calldata
/// is empty, and the address is the one the creation gets.
PublicInputs creationInputsOf(const vm::Emulator &E, const vm::Transaction &Tx);
/// The public outputs of a creation at Address that ran to its end as the
/// traced transaction T (R, in E after it): as publicOutputsOf's, the
/// bytes returned being the new account's runtime object (the emulator
/// keeps it as the code, not as output) or the revert data.
PublicOutputs creationOutputsOf(const vm::Emulator &E, const vm::Trace &T,
                                const vm::TxResult &R, const Word &Address);

/// Counts of many transactions' checks, for a test runner's summary.
struct CircuitTally {
  uint64_t Checked = 0, Unsupported = 0, Violated = 0;
  /// Rows of the checked transactions and their cycles.
  uint64_t Rows = 0, Cycles = 0;
  /// Unsupported transactions by reason: each instruction the circuit does
  /// not constrain counts on its own; other reasons without their pc.
  std::map<std::string, uint64_t> Reasons;

  void add(const TransactionCheck &C, uint64_t TxCycles);
  void merge(const CircuitTally &Other);
  bool empty() const { return !Checked && !Unsupported && !Violated; }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_TRANSACTIONCHECK_H
