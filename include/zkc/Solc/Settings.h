//===-- zkc/Solc/Settings.h - What zkc asks solc for ------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// zkc compiles the Yul that solc's IR pipeline produces, so every request
// it makes for Solidity input carries the same settings; they are built
// here once.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_SOLC_SETTINGS_H
#define ZKC_SOLC_SETTINGS_H

#include "llvm/ADT/ArrayRef.h"

#include <nlohmann/json.hpp>

#include <string>

namespace zkc::solc {

/// Standard JSON `settings` for the IR pipeline (viaIR) with solc's
/// optimiser, asking for each contract's optimised Yul (`irOptimized`) and
/// the ContractOutputs named (e.g. "evm.methodIdentifiers"); SourceOutputs
/// are asked for each source unit (e.g. "ast"). The caller may add to the
/// object (evmVersion, debug, libraries).
nlohmann::json yulIRSettings(llvm::ArrayRef<std::string> ContractOutputs = {},
                             llvm::ArrayRef<std::string> SourceOutputs = {});

} // namespace zkc::solc

#endif // ZKC_SOLC_SETTINGS_H
