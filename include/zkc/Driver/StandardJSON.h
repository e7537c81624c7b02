//===-- zkc/Driver/StandardJSON.h - solc's Standard JSON --------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// `zkc --standard-json`: solc's Standard JSON input in, solc's Standard JSON
// output out, with ZVM code where solc puts EVM code (docs/standard-json.md).
// Solidity goes through solc (lib/Solc) for everything but the code, and
// each contract's Yul IR through the Yul pipeline; Yul input goes through
// the Yul pipeline alone. Like solc, every problem, a malformed input
// included, is an entry of the output's "errors".
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_STANDARDJSON_H
#define ZKC_DRIVER_STANDARDJSON_H

#include "zkc/Solc/Solc.h"

#include "llvm/ADT/StringRef.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace zkc {

struct StandardJSONOptions {
  /// --solc: an executable or the npm package's directory; otherwise
  /// solc::Compiler::find's search.
  std::optional<std::string> Solc;
  /// --base-path, --include-path, --allow-paths, passed on to solc.
  solc::ImportPaths Paths;
};

/// Compiles a Standard JSON input given as text; malformed JSON is reported
/// in the output's "errors", with its line and column.
nlohmann::json compileStandardJSON(llvm::StringRef InputText,
                                   const StandardJSONOptions &Opts);

/// Compiles a parsed Standard JSON input.
nlohmann::json compileStandardJSON(const nlohmann::json &Input,
                                   const StandardJSONOptions &Opts);

/// One entry of "errors" in solc's shape, without a source location.
nlohmann::json standardJSONError(llvm::StringRef Type, llvm::StringRef Message,
                                 llvm::StringRef Severity = "error");

} // namespace zkc

#endif // ZKC_DRIVER_STANDARDJSON_H
