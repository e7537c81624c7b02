//===-- zkc/Driver/Solidity.h - Solidity input through solc -----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Compiles Solidity files: solc (lib/Solc) turns them into Yul IR, and each
// contract with code goes through the Yul pipeline of Compiler.h.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_SOLIDITY_H
#define ZKC_DRIVER_SOLIDITY_H

#include "zkc/Driver/Compiler.h"
#include "zkc/Solc/Solc.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace zkc {

struct SolidityOptions {
  /// --solc: an executable or the npm package's directory; otherwise
  /// Compiler::find's search.
  std::optional<std::string> Solc;
  /// --base-path, --include-path, --allow-paths.
  solc::ImportPaths Paths;
  /// --evm-version for solc; empty for solc's default.
  std::string EVMVersion;
};

/// Compiles the Solidity files (source unit names as given). solc's errors
/// and warnings are printed to Diags in solc's format. Returns one result
/// per contract with code, in source and contract order, each named
/// "file.sol:Contract"; an error when solc could not be run, solc reported
/// an error, or a contract failed to compile (its diagnostics printed).
/// solc's `settings.libraries` for Libraries ({"file.sol": {"Lib":
/// "0x..."}}): solc records it in the contracts' metadata, so every path
/// that compiles Solidity with libraries gives it to solc.
nlohmann::json solcLibrariesSetting(const LibraryMap &Libraries);

llvm::Expected<std::vector<CompiledContract>>
compileSolidity(llvm::ArrayRef<std::string> Files, const CompileOptions &Opts,
                const SolidityOptions &SolOpts, llvm::raw_ostream &Diags);

} // namespace zkc

#endif // ZKC_DRIVER_SOLIDITY_H
