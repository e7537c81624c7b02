//===-- zkc/Testing/Runner.h - Run a test in the emulator -------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Compiles a test's source (Yul, or Solidity through solc's IR) with the
// driver's pipeline at one optimisation level, deploys it in the emulator
// (in-process) and runs every case from a clean state, comparing return data,
// exceptions (revert or trap) and events with what the metadata expects.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_TESTING_RUNNER_H
#define ZKC_TESTING_RUNNER_H

#include "zkc/Circuit/TransactionCheck.h"
#include "zkc/Driver/Options.h"
#include "zkc/Testing/TestFile.h"

#include <string>
#include <vector>

namespace zkc::solc {
class Compiler;
} // namespace zkc::solc

namespace zkc::testing {

enum class Outcome { Pass, Fail, Skip };

const char *outcomeName(Outcome O);

/// The result of one case (or of a whole file, when it could not be run:
/// Case is then empty).
struct CaseResult {
  std::string Path;
  std::string Case;
  OptLevel Level = OptLevel::O2;
  Outcome Status = Outcome::Pass;
  /// Why it was skipped, or what went wrong: expected against got.
  std::string Message;
  /// Instructions executed by the case's transactions, deployment included
  /// (for benchmarks; 0 when it did not run).
  uint64_t Cycles = 0;
  /// With RunOptions::CheckCircuit: how its transactions fared against the
  /// circuit.
  circuit::CircuitTally Circuit;
};

/// Reasons a test is skipped: each names something the ZVM deliberately
/// does not offer (docs/testing.md lists them).
namespace skip {
inline constexpr const char *EraVMOnly =
    "eraVM-only: the test targets EraVM only";
inline constexpr const char *EraVMExtensions =
    "eraVM-extensions: the test uses EraVM's extensions";
inline constexpr const char *Ignored = "ignored: the test's metadata says so";
inline constexpr const char *LegacyPipeline =
    "legacy-pipeline: the test's modes exclude solc's Yul pipeline";
inline constexpr const char *SolcVersion =
    "solc-version: the test is for another solc version";
} // namespace skip

struct RunOptions {
  OptLevel Level = OptLevel::O2;
  /// Run tests whose `targets` exclude the EVM anyway (they are skipped
  /// otherwise).
  bool IgnoreTargets = false;
  /// Run the code generator's register-allocation verifier.
  bool VerifyRegAlloc = false;
  /// The solc that compiles Solidity tests; they fail without one.
  solc::Compiler *Solc = nullptr;
  /// Check every transaction's execution against the circuit
  /// (circuit::transactAndCheck); a rejected one fails the case.
  bool CheckCircuit = false;
};

/// Reads, compiles and runs the test at Path.
std::vector<CaseResult> runTestFile(const std::string &Path,
                                    const RunOptions &Opts);

/// Runs an already parsed test.
std::vector<CaseResult> runTest(const TestFile &Test, const RunOptions &Opts);

} // namespace zkc::testing

#endif // ZKC_TESTING_RUNNER_H
