//===-- zkc/Driver/ContractJSON.h - A contract's code as JSON ---*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The outputs of one compiled contract in solc's Standard JSON shape
// (docs/standard-json.md): evm.bytecode and evm.deployedBytecode with the
// .zbin objects in hex, the offsets of library and immutable slots, and the
// ZVM assembly and metadata in zkc's own fields.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_CONTRACTJSON_H
#define ZKC_DRIVER_CONTRACTJSON_H

#include "zkc/Driver/Compiler.h"

#include "llvm/ADT/StringRef.h"

#include <nlohmann/json.hpp>

namespace zkc {

/// Adds to Contract (the contract's object in "contracts") what Selection
/// asks for of File and Name: "evm.bytecode", "evm.deployedBytecode" (and
/// their fields) and "zvm".
void addContractOutputs(nlohmann::json &Contract, const CompiledContract &C,
                        const CompileOptions &Opts,
                        const nlohmann::json &Selection, llvm::StringRef File,
                        llvm::StringRef Name);

/// solc's linkReferences for the library slots of O still holding 0:
/// {"file.sol": {"Lib": [{"start": N, "length": 20}]}}, offsets into O's
/// serialized bytes, where the 20 address bytes go.
nlohmann::json linkReferences(const Object &O);

} // namespace zkc

#endif // ZKC_DRIVER_CONTRACTJSON_H
