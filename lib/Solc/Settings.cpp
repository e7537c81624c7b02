//===-- Settings.cpp - What zkc asks solc for -----------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Solc/Settings.h"

using namespace zkc;

nlohmann::json solc::yulIRSettings(llvm::ArrayRef<std::string> ContractOutputs,
                                   llvm::ArrayRef<std::string> SourceOutputs) {
  nlohmann::json PerContract = nlohmann::json::array({"irOptimized"});
  for (const std::string &O : ContractOutputs)
    PerContract.push_back(O);
  nlohmann::json Selection = {{"*", PerContract}};
  if (!SourceOutputs.empty())
    Selection[""] = SourceOutputs;
  // solc's optimiser runs on the Yul before zkc sees it: what it removes
  // (dead code, redundant checks, constant expressions) is removed at the
  // level where its meaning is clearest, and LLVM starts from less.
  return {{"viaIR", true},
          {"optimizer", {{"enabled", true}}},
          {"outputSelection", {{"*", Selection}}}};
}
