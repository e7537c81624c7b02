//===-- zkc/Driver/Options.h - What a compilation is asked to do -*- C++
//-*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The settings of one compilation: optimisation level, library addresses,
// metadata hash, where to write the intermediate stages, how to print errors.
// The tools fill them from their command lines; the library never reads
// global state, so concurrent compilations with different options are
// independent.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_OPTIONS_H
#define ZKC_DRIVER_OPTIONS_H

#include "zkc/Support/Word.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>

namespace zkc {

/// The LLVM optimisation pipelines the driver offers (-O0 ... -Oz).
enum class OptLevel { O0, O1, O2, O3, Os, Oz };

/// Parses "0", "1", "2", "3", "s", "z" (with or without a leading "O").
std::optional<OptLevel> parseOptLevel(llvm::StringRef Text);
/// "0", "1", ... as written after -O.
llvm::StringRef optLevelName(OptLevel Level);
inline constexpr OptLevel AllOptLevels[] = {OptLevel::O0, OptLevel::O1,
                                            OptLevel::O2, OptLevel::O3,
                                            OptLevel::Os, OptLevel::Oz};

/// How diagnostics about the source are printed.
enum class DiagnosticFormat {
  /// solc's: `Error: message` / ` --> file:line:col:` / the source excerpt.
  Solc,
  /// LLVM's: `file:line:col: error: message`, the line and a caret.
  LLVM,
};

/// Library addresses for Yul's linkersymbol, by symbol ("file.sol:Lib").
using LibraryMap = std::map<std::string, Word>;

/// Parses solc's --libraries syntax: entries `file.sol:Lib=0xADDRESS`
/// separated by commas or whitespace, added to Libraries. An address is 40
/// hex digits after 0x and must not be zero.
llvm::Error parseLibraries(llvm::StringRef Text, LibraryMap &Libraries);

/// One --libraries argument: the entries themselves when it contains '=',
/// else the name of a file holding them.
llvm::Error loadLibrariesArgument(llvm::StringRef Argument,
                                  LibraryMap &Libraries);

struct CompileOptions {
  OptLevel Opt = OptLevel::O2;
  /// Append keccak256 of the source to the runtime object's metadata.
  bool MetadataHash = true;
  LibraryMap Libraries;
  /// When not empty, every stage is written there (docs/driver.md).
  std::string DebugOutputDir;
  DiagnosticFormat Format = DiagnosticFormat::Solc;
  /// Run the code generator's register-allocation verifier.
  bool VerifyRegAlloc = false;
};

} // namespace zkc

#endif // ZKC_DRIVER_OPTIONS_H
