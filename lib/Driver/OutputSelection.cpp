//===-- OutputSelection.cpp - Standard JSON outputs -----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/OutputSelection.h"

using namespace zkc;
using llvm::StringRef;

/// Calls F on every entry of Selection that applies to File and Contract.
template <typename Fn>
static bool anyEntry(const nlohmann::json &Selection, StringRef File,
                     StringRef Contract, Fn F) {
  if (!Selection.is_object())
    return false;
  for (const auto &[FileKey, PerFile] : Selection.items()) {
    if (FileKey != "*" && FileKey != File)
      continue;
    if (!PerFile.is_object())
      continue;
    for (const auto &[ContractKey, Outputs] : PerFile.items()) {
      // "*" stands for every contract, never for the file's own outputs.
      bool Applies =
          ContractKey == Contract || (ContractKey == "*" && !Contract.empty());
      if (!Applies || !Outputs.is_array())
        continue;
      for (const nlohmann::json &E : Outputs)
        if (E.is_string() && F(StringRef(E.get_ref<const std::string &>())))
          return true;
    }
  }
  return false;
}

/// Whether Entry names Output or one of its parents.
static bool covers(StringRef Entry, StringRef Output) {
  return Entry == "*" || Entry == Output ||
         (Output.starts_with(Entry) && Output[Entry.size()] == '.');
}

bool zkc::isSelected(const nlohmann::json &Selection, StringRef File,
                     StringRef Contract, StringRef Output) {
  return anyEntry(Selection, File, Contract,
                  [&](StringRef E) { return covers(E, Output); });
}

bool zkc::isSelectedWithin(const nlohmann::json &Selection, StringRef File,
                           StringRef Contract, StringRef Output) {
  return anyEntry(Selection, File, Contract, [&](StringRef E) {
    return covers(E, Output) || covers(Output, E);
  });
}

/// Outputs that only solc's EVM code generator makes; zkc makes its own
/// (bytecode, deployedBytecode) or has none (the EVM assembly, gas).
static bool isCodeOutput(StringRef E) {
  return E == "evm" || E.starts_with("evm.bytecode") ||
         E.starts_with("evm.deployedBytecode") || E == "evm.assembly" ||
         E == "evm.legacyAssembly" || E == "evm.gasEstimates" || E == "zvm" ||
         E.starts_with("zvm.");
}

/// Whether an entry asks for something zkc compiles the contract for.
static bool needsCode(StringRef E) {
  return E == "*" || E == "evm" || E.starts_with("evm.bytecode") ||
         E.starts_with("evm.deployedBytecode") || E == "zvm" ||
         E.starts_with("zvm.");
}

nlohmann::json zkc::selectionForSolc(const nlohmann::json &Selection) {
  nlohmann::json Result = nlohmann::json::object();
  if (!Selection.is_object())
    return Result;
  for (const auto &[FileKey, PerFile] : Selection.items()) {
    if (!PerFile.is_object()) {
      Result[FileKey] = PerFile; // solc reports the malformed selection
      continue;
    }
    for (const auto &[ContractKey, Outputs] : PerFile.items()) {
      if (ContractKey.empty() || !Outputs.is_array()) {
        Result[FileKey][ContractKey] = Outputs;
        continue;
      }
      nlohmann::json Kept = nlohmann::json::array();
      bool Code = false;
      for (const nlohmann::json &E : Outputs) {
        if (!E.is_string()) {
          Kept.push_back(E);
          continue;
        }
        StringRef Name = E.get_ref<const std::string &>();
        Code |= needsCode(Name);
        if (Name == "*") {
          // Everything solc makes without compiling for the EVM.
          for (const char *O :
               {"abi", "devdoc", "userdoc", "metadata", "ir", "irOptimized",
                "storageLayout", "transientStorageLayout",
                "evm.methodIdentifiers"})
            Kept.push_back(O);
        } else if (Name == "evm") {
          Kept.push_back("evm.methodIdentifiers");
        } else if (!isCodeOutput(Name)) {
          Kept.push_back(E);
        }
      }
      if (Code)
        Kept.push_back("irOptimized");
      Result[FileKey][ContractKey] = Kept;
    }
  }
  return Result;
}
