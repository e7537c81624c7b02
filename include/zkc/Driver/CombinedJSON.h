//===-- zkc/Driver/CombinedJSON.h - solc's --combined-json ------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// `zkc --combined-json abi,bin,...`: solc's combined JSON for Solidity
// files, {"contracts": {"file.sol:Name": {...}}, "version": "<solc>"}, with
// ZVM code in "bin" and "bin-runtime" and ZVM assembly in "asm". It is made
// from a Standard JSON compilation (StandardJSON.h).
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_COMBINEDJSON_H
#define ZKC_DRIVER_COMBINEDJSON_H

#include "zkc/Driver/Options.h"
#include "zkc/Driver/StandardJSON.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace zkc {

/// The fields --combined-json accepts, in the order solc lists them.
llvm::ArrayRef<const char *> combinedJSONFields();

/// Splits "abi,bin" into fields; an error naming the first unknown one.
llvm::Expected<std::vector<std::string>>
parseCombinedJSONFields(llvm::StringRef Text);

/// Compiles Files (read here; imports through Opts.Paths) and returns the
/// combined JSON. Errors and warnings are printed to Diags in solc's format;
/// nothing is returned when there was an error.
std::optional<nlohmann::json>
compileCombinedJSON(llvm::ArrayRef<std::string> Files,
                    llvm::ArrayRef<std::string> Fields,
                    const CompileOptions &CO, const std::string &EVMVersion,
                    const StandardJSONOptions &Opts, llvm::raw_ostream &Diags);

} // namespace zkc

#endif // ZKC_DRIVER_COMBINEDJSON_H
