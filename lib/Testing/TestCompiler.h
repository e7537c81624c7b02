//===-- TestCompiler.h - A test's source, compiled --------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Turns a test's source into what its cases run: Yul through the driver's
// pipeline, Solidity through solc's IR and then the same pipeline. Kept
// apart from the runner so that the runner knows nothing of languages.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_LIB_TESTING_TESTCOMPILER_H
#define ZKC_LIB_TESTING_TESTCOMPILER_H

#include "zkc/Testing/Runner.h"

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace zkc::testing {

struct CompiledTest {
  /// The deploy code of the instance "Test".
  std::vector<uint8_t> Code;
  /// Function signatures ("f(uint256)") to selectors in hex, from solc;
  /// empty for Yul, whose tests name selectors themselves.
  std::map<std::string, std::string> Selectors;
  /// The version of the solc that compiled the test; empty for Yul.
  std::string CompilerVersion;
  /// Libraries the code refers to but that were not linked.
  std::vector<std::string> UnlinkedLibraries;
};

/// Why a test's cases cannot run: a skip with its reason, or a failure.
struct NotRun {
  Outcome Status;
  std::string Message;
};

std::variant<CompiledTest, NotRun> compileTest(const TestFile &Test,
                                               const RunOptions &Opts);

} // namespace zkc::testing

#endif // ZKC_LIB_TESTING_TESTCOMPILER_H
