//===-- OutputSelectionTest.cpp - Standard JSON output selection ----------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/OutputSelection.h"

#include <gtest/gtest.h>

using namespace zkc;
using json = nlohmann::json;

namespace {

TEST(OutputSelection, MatchesAsSolcDoes) {
  json Sel = {{"a.sol", {{"C", {"evm.bytecode.object"}}, {"", {"ast"}}}},
              {"*", {{"*", {"abi", "evm"}}}}};
  EXPECT_TRUE(isSelected(Sel, "a.sol", "C", "evm.bytecode.object"));
  json Object = {{"a.sol", {{"C", {"evm.bytecode.object"}}}}};
  EXPECT_FALSE(isSelected(Object, "a.sol", "C", "evm.bytecode"));
  EXPECT_TRUE(isSelectedWithin(Object, "a.sol", "C", "evm.bytecode"));
  EXPECT_FALSE(isSelectedWithin(Object, "a.sol", "C", "evm.deployedBytecode"));
  EXPECT_FALSE(isSelected(Object, "b.sol", "C", "evm.bytecode.object"));
  // "evm" covers everything below it, for every file and contract.
  EXPECT_TRUE(isSelected(Sel, "b.sol", "D", "evm.deployedBytecode.object"));
  EXPECT_TRUE(isSelected(Sel, "b.sol", "D", "abi"));
  EXPECT_FALSE(isSelected(Sel, "b.sol", "D", "metadata"));
  // "evm" is not "evm.bytecode"'s prefix by characters alone.
  EXPECT_FALSE(isSelected(json{{"*", {{"*", {"ev"}}}}}, "a", "C", "evm"));
  // "*" for contracts never means the file's own outputs.
  EXPECT_TRUE(isSelected(Sel, "a.sol", "", "ast"));
  EXPECT_FALSE(isSelected(Sel, "b.sol", "", "abi"));
  EXPECT_TRUE(isSelected(json{{"*", {{"*", {"*"}}}}}, "x", "Y", "zvm"));
}

TEST(OutputSelection, AsksSolcForNoEVMCode) {
  json Sel = {{"a.sol",
               {{"C", {"abi", "evm.bytecode.object", "evm.gasEstimates"}},
                {"D", {"abi"}},
                {"", {"ast"}}}}};
  json ForSolc = selectionForSolc(Sel);
  EXPECT_EQ(ForSolc["a.sol"]["C"], json({"abi", "irOptimized"}));
  EXPECT_EQ(ForSolc["a.sol"]["D"], json({"abi"}));
  EXPECT_EQ(ForSolc["a.sol"][""], json({"ast"}));

  json Everything = selectionForSolc(json{{"*", {{"*", {"*"}}}}});
  for (const json &E : Everything["*"]["*"]) {
    std::string Name = E.get<std::string>();
    EXPECT_FALSE(Name.starts_with("evm.bytecode")) << Name;
    EXPECT_NE(Name, "evm.assembly");
  }
  json Evm = selectionForSolc(json{{"*", {{"*", {"evm"}}}}});
  EXPECT_EQ(Evm["*"]["*"], json({"evm.methodIdentifiers", "irOptimized"}));
}

} // namespace
