//===-- zkc/Testing/TestFile.h - Matter Labs test metadata ------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The era-compiler-tests "Matter Labs simple test" format (docs/testing.md):
// a source file whose `//!` comment lines hold JSON metadata, with cases of
// inputs (calls) and what each must produce. Values stay as written here
// ("Test.address", "-1", "*"); the runner resolves them once the instances
// have addresses. The reader is separate from the source language, so .sol
// files (and an isoltest reader) can join without changing the runner.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_TESTING_TESTFILE_H
#define ZKC_TESTING_TESTFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zkc::testing {

struct ExpectedEvent {
  std::optional<std::string> Address;
  std::vector<std::string> Topics;
  std::vector<std::string> Values;
};

struct Expected {
  std::vector<std::string> ReturnData;
  bool Exception = false;
  std::vector<ExpectedEvent> Events;
  /// The compiler versions this variant is for (`compiler_version`, e.g.
  /// ">=0.8"); empty for every version.
  std::string CompilerVersion;
};

/// The sender of inputs that name none, and the transactions' origin
/// (`$TX_ORIGIN`), as in the format's EVM tester.
inline constexpr const char *DefaultCaller =
    "0xdeadbeef00000000000000000000000000000001";

struct Input {
  std::string Instance = "Test";
  std::string Caller = DefaultCaller;
  /// "#deployer", "#fallback", or a function selector in hex (Yul has no
  /// ABI to look names up in).
  std::string Method;
  /// Calldata as hex ("0x..."), when given as a string.
  std::optional<std::string> CalldataHex;
  /// Calldata as words, when given as a list.
  std::vector<std::string> CalldataWords;
  /// "N wei" or "N ETH".
  std::optional<std::string> Value;
  /// Storage set before the call: address -> (key, value).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      Storage;
  /// What the call must produce: one variant per compiler version
  /// condition (see selectExpected); empty when the metadata says nothing.
  std::vector<zkc::testing::Expected> Expect;
};

struct Case {
  std::string Name;
  bool Ignore = false;
  std::vector<Input> Inputs;
};

struct TestFile {
  std::string Path;
  /// The source without its metadata lines.
  std::string Source;
  std::vector<Case> Cases;
  /// The `targets` field; empty means every target.
  std::vector<std::string> Targets;
  bool Ignore = false;
  /// `enable_eravm_extensions` or `system_mode`.
  bool EraVMExtensions = false;
  /// The `modes` field of a Solidity test: the solc pipelines ("Y" for the
  /// Yul IR, "E" for legacy EVM assembly, ...), each optionally followed by
  /// optimiser flags and a version condition ("Y >=0.8.4"). Empty means all.
  std::vector<std::string> Modes;
};

/// Reads the metadata of Contents (the text of Path). Each case's inputs
/// are normalised as the format specifies: the case's `expected` (or
/// `expected_evm`, preferred: the ZVM keeps the EVM's conventions) applies to
/// its last input when that has none of its own.
llvm::Expected<TestFile> parseTestFile(llvm::StringRef Path,
                                       llvm::StringRef Contents);

} // namespace zkc::testing

#endif // ZKC_TESTING_TESTFILE_H
