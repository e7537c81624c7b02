//===-- zkc/Isoltest/Isoltest.h - Solidity's semantic-test format *- C++
//-*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// This file declares a reader for the test files of Solidity's semantic
// tests (the format of solc's `isoltest`): one or more Solidity sources, an
// optional `// ====` block of settings and, after `// ----`, the calls to
// make and what each must give:
//
//   // f(uint256,string), 1 ether: 7, 0x40, 3, "abc" -> 0x20, 3, "abc"
//   // ~ emit E(uint256): #0x01, 0x02
//   // g() -> FAILURE, hex"4e487b71", 0x11
//   // library: L
//   // balance: 0x1234 -> 0
//   // storageEmpty -> 1
//   // gas irOptimized: 12345
//
// Argument and result values are raw words, not typed ABI values: every
// number, hex number and boolean is one 32-byte word (right-aligned unless
// written `left(...)`), a string is left-aligned and padded to whole words,
// and `hex"..."` is its bytes exactly. The runner compares bytes.
//
// The reader follows the format as solc's own test parser reads it
// (test/libsolidity/util/TestFileParser.cpp in the Solidity repository);
// gas expectations are EVM-specific and are kept only as text.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_ISOLTEST_ISOLTEST_H
#define ZKC_ISOLTEST_ISOLTEST_H

#include "zkc/Support/Word.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zkc::isoltest {

/// One source of the test.
struct Source {
  /// The source unit name ("test.sol" when the file names none).
  std::string Name;
  /// The text; empty for an external source.
  std::string Text;
  /// `==== ExternalSource: name=path ====`: a file next to the test.
  bool External = false;
  std::string Path;
};

/// An event a call must emit (`~ emit ...` lines).
struct Event {
  unsigned Line = 0;
  /// "E(uint256)", or empty for `<anonymous>` (no signature topic).
  std::string Signature;
  /// `from 0x...`: the emitting address when it is not the called contract.
  std::optional<Word> Emitter;
  /// The indexed values (`#value`), after the signature's topic.
  std::vector<Word> Topics;
  /// The concatenated non-indexed values.
  std::vector<uint8_t> Data;
};

/// One line (or several continued lines) of expectations.
struct Call {
  enum class Kind {
    Function,     ///< f(types)..., including the fallback as "()"
    Constructor,  ///< constructor(types)...: deploys with arguments
    Library,      ///< library: Name, deploys a library for linking
    Balance,      ///< balance [: address] -> wei
    StorageEmpty, ///< storageEmpty -> 0|1
    Account,      ///< account: index -> address
    /// isoltest_builtin_test and isoltest_side_effects_test, which test
    /// solc's own runner; they have no meaning for a contract.
    RunnerSelfTest,
  };
  Kind K = Kind::Function;
  /// Line of the call's first token, 1-based, in the whole file.
  unsigned Line = 0;
  /// "f(uint256,bool)" as written; "()" for a call without signature; the
  /// library name for Kind::Library ("L", or "a.sol:L" when written
  /// `library: "a.sol":L`); the builtin's name for the others.
  std::string Signature;
  /// Wei sent with the call (`, 1 ether`, `, 3 wei`, `, 2 gwei`).
  Word Value;
  /// The calldata after the selector, or the constructor arguments.
  std::vector<uint8_t> Arguments;
  /// The builtin's argument (`balance: 0x12`, `account: 3`), if any.
  std::optional<Word> BuiltinArgument;
  /// Whether `->` was written; without it nothing is checked but success.
  bool HasExpectations = false;
  /// `-> FAILURE[, revert data]`.
  bool ExpectFailure = false;
  /// The expected return data (or revert data after FAILURE).
  std::vector<uint8_t> Expected;
  /// The expected events, in order.
  std::vector<Event> Events;
  /// Side-effect lines other than events (`~ <text>`), as written.
  std::vector<std::string> OtherSideEffects;
  /// `gas <setting>: N` lines, as written (EVM-specific, not checked).
  std::vector<std::string> Gas;
};

struct TestFile {
  std::vector<Source> Sources;
  /// The `// ====` block: "compileViaYul" -> "true", "EVMVersion" ->
  /// ">=byzantium", ...
  std::map<std::string, std::string> Settings;
  std::vector<Call> Calls;
};

/// Reads a semantic test. Errors are "FileName:line:column: message".
llvm::Expected<TestFile> parseTestFile(llvm::StringRef Text,
                                       llvm::StringRef FileName);

} // namespace zkc::isoltest

#endif // ZKC_ISOLTEST_ISOLTEST_H
