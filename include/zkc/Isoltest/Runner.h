//===-- zkc/Isoltest/Runner.h - Run a semantic test -------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Runs one of Solidity's semantic tests against the ZVM: solc compiles the
// sources to Yul (cached, lib/Solc), zkc's pipeline compiles the contracts
// it needs, the emulator deploys them and makes the calls, and each result
// is compared byte for byte with the expectation. Gas figures are
// EVM-specific and ignored. docs/isoltest.md lists what is skipped and why.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_ISOLTEST_RUNNER_H
#define ZKC_ISOLTEST_RUNNER_H

#include "zkc/Driver/Options.h"
#include "zkc/Testing/Runner.h"

#include <string>

namespace zkc::solc {
class Compiler;
} // namespace zkc::solc

namespace zkc::isoltest {

/// Reasons a semantic test is skipped; each names something the ZVM or
/// zkc's pipeline deliberately does not offer.
namespace skip {
inline constexpr const char *LegacyCodegen =
    "legacy-codegen: the test runs only on solc's legacy EVM code generator "
    "(compileViaYul: false); zkc compiles solc's Yul IR";
inline constexpr const char *ABICoderV1 =
    "abi-coder-v1: ABI coder v1 exists only in solc's legacy code generator";
inline constexpr const char *ExperimentalSolidity =
    "experimental-solidity: the test needs solc's experimental Solidity "
    "(pragma experimental solidity), which its Standard JSON IR output does "
    "not implement";
inline constexpr const char *RunnerSelfTest =
    "isoltest-self-test: the test checks solc's own test runner";
} // namespace skip

struct RunnerOptions {
  OptLevel Opt = OptLevel::O2;
  /// The solc to compile with (required).
  solc::Compiler *Solc = nullptr;
  /// Run the code generator's register-allocation verifier.
  bool VerifyRegAlloc = false;
  /// Check every transaction's execution against the circuit
  /// (circuit::transactAndCheck); a rejected one fails the test.
  bool CheckCircuit = false;
};

/// Reads, compiles and runs the semantic test at Path: one result for the
/// whole file, with the first mismatching call in the message.
testing::CaseResult runSemanticTest(const std::string &Path,
                                    const RunnerOptions &Opts);

/// Whether the file is a semantic test (it has a `// ----` line and no
/// Matter Labs `//!` metadata).
bool isSemanticTest(llvm::StringRef Text);

} // namespace zkc::isoltest

#endif // ZKC_ISOLTEST_RUNNER_H
