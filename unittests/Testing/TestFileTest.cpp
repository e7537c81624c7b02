//===-- TestFileTest.cpp - Reading Matter Labs test metadata --------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Testing/TestFile.h"
#include "zkc/Testing/CompilerVersion.h"
#include "zkc/Testing/Report.h"

#include <gtest/gtest.h>

using namespace zkc::testing;

namespace {

TEST(TestFile, ReadsMetadataAndNormalises) {
  const char *Text = R"(//! { "targets": ["evm"], "cases": [ {
//!   "name": "c1",
//!   "inputs": [
//!     { "method": "#deployer", "calldata": "0x01", "expected": ["Test.address"] },
//!     { "method": "deadbeef", "calldata": ["1", "-1"], "value": "2 ETH",
//!       "caller": "0x00000000000000000000000000000000000000aa",
//!       "storage": { "Test.address": ["5", "6"] } }
//!   ],
//!   "expected": { "return_data": ["*"], "exception": true,
//!                 "events": [ { "topics": ["1"], "values": [] } ] },
//!   "expected_evm": [ { "compiler_version": ">=0.9", "return_data": ["9"] },
//!                     { "return_data": ["7"] } ]
//! }, { "name": "c2", "ignore": true, "inputs": [] } ] }
object "Test" { code { } }
)";
  auto T = parseTestFile("t.yul", Text);
  ASSERT_TRUE(bool(T)) << llvm::toString(T.takeError());
  EXPECT_EQ(T->Targets, std::vector<std::string>{"evm"});
  EXPECT_FALSE(T->EraVMExtensions);
  ASSERT_EQ(T->Cases.size(), 2u);
  const Case &C = T->Cases[0];
  ASSERT_EQ(C.Inputs.size(), 2u);
  EXPECT_EQ(C.Inputs[0].CalldataHex, "0x01");
  const Input &Call = C.Inputs[1];
  EXPECT_EQ(Call.Method, "deadbeef");
  EXPECT_EQ(Call.CalldataWords, (std::vector<std::string>{"1", "-1"}));
  EXPECT_EQ(Call.Value, "2 ETH");
  EXPECT_EQ(Call.Caller, "0x00000000000000000000000000000000000000aa");
  ASSERT_EQ(Call.Storage.at("Test.address").size(), 2u);
  EXPECT_EQ(Call.Storage.at("Test.address")[1],
            std::make_pair(std::string("1"), std::string("6")));
  // expected_evm wins over expected; of its variants, the one for the
  // compiler's version, else the first unconditional one.
  ASSERT_EQ(Call.Expect.size(), 2u);
  EXPECT_EQ(Call.Expect[0].CompilerVersion, ">=0.9");
  const Expected *ForOld = selectExpected(Call.Expect, "0.8.30");
  ASSERT_TRUE(ForOld);
  EXPECT_EQ(ForOld->ReturnData, std::vector<std::string>{"7"});
  EXPECT_FALSE(ForOld->Exception);
  EXPECT_EQ(selectExpected(Call.Expect, "")->ReturnData,
            std::vector<std::string>{"7"});
  EXPECT_EQ(selectExpected(Call.Expect, "0.9.1+commit.1")->ReturnData,
            std::vector<std::string>{"9"});
  EXPECT_EQ(selectExpected({}, "0.8.30"), nullptr);
  EXPECT_TRUE(T->Cases[1].Ignore);
  // Metadata lines become empty lines, so source lines keep their numbers.
  EXPECT_EQ(T->Source.find("object"), T->Source.find_first_not_of('\n'));
  EXPECT_EQ(T->Source.substr(0, 13), std::string(13, '\n'));
}

TEST(TestFile, Modes) {
  auto T = parseTestFile("t.sol", "//! { \"modes\": [\"Y >=0.8.4\", \"E\"], "
                                  "\"cases\": [] }\ncontract Test {}\n");
  ASSERT_TRUE(bool(T)) << llvm::toString(T.takeError());
  EXPECT_EQ(T->Modes, (std::vector<std::string>{"Y >=0.8.4", "E"}));
}

TEST(CompilerVersion, Conditions) {
  EXPECT_TRUE(versionSatisfies("0.8.30", ">=0.8"));
  EXPECT_FALSE(versionSatisfies("0.8.30", "<=0.7"));
  EXPECT_TRUE(versionSatisfies("0.7.6", "<=0.7"));
  EXPECT_FALSE(versionSatisfies("0.8.0", "<0.8"));
  EXPECT_TRUE(versionSatisfies("0.8.30+commit.73712a01", ">=0.8.4"));
  EXPECT_FALSE(versionSatisfies("0.8.3", ">=0.8.4"));
  EXPECT_TRUE(versionSatisfies("0.8.30", ">0.8.29, <0.9"));
  EXPECT_TRUE(versionSatisfies("0.8.30", ">= 0.8 <0.9"));
  EXPECT_FALSE(versionSatisfies("0.9.0", ">=0.8 <0.9"));
  EXPECT_TRUE(versionSatisfies("0.8.30", "=0.8"));
  EXPECT_TRUE(versionSatisfies("0.8.30", "0.8.30"));
  EXPECT_TRUE(versionSatisfies("0.8.30", "^0.8.1"));
  EXPECT_FALSE(versionSatisfies("0.9.0", "^0.8.1"));
  EXPECT_TRUE(versionSatisfies("0.8.30", "~0.8.2"));
  EXPECT_FALSE(versionSatisfies("0.8.1", "~0.8.2"));
  // What cannot be read holds for no version.
  EXPECT_FALSE(versionSatisfies("0.8.30", ""));
  EXPECT_FALSE(versionSatisfies("0.8.30", ">=x"));
  EXPECT_FALSE(versionSatisfies("nightly", ">=0.8"));
}

TEST(TestFile, Errors) {
  auto Message = [](const char *Text) {
    auto T = parseTestFile("t.yul", Text);
    return T ? std::string("no error") : llvm::toString(T.takeError());
  };
  EXPECT_EQ(Message("object \"A\" { code { } }"),
            "t.yul: no `//!` metadata lines");
  EXPECT_EQ(Message("//! { \"cases\": [ }"),
            "t.yul: the metadata is not valid JSON");
  EXPECT_EQ(Message("//! { \"cases\": [ { \"inputs\": [ { } ] } ] }"),
            "t.yul: metadata cases[0].inputs[0]: missing 'method'");
  EXPECT_EQ(Message("//! { \"cases\": [ { \"inputs\": [ { \"method\": 5, "
                    "\"calldata\": {} } ] } ] }"),
            "t.yul: metadata cases[0].inputs[0].calldata: expected an array");
  EXPECT_EQ(
      Message("//! { \"enable_eravm_extensions\": 1, \"cases\": [] }"),
      "t.yul: metadata metadata.enable_eravm_extensions: expected true or "
      "false");
}

TEST(Report, SummaryAndJSON) {
  std::vector<CaseResult> Results = {
      {"a.yul", "x", zkc::OptLevel::O1, Outcome::Pass, ""},
      {"a.yul", "y", zkc::OptLevel::O1, Outcome::Fail, "  return data"},
      {"b.yul", "", zkc::OptLevel::Oz, Outcome::Skip, "why"}};
  Summary S = summarize(Results);
  EXPECT_EQ(summaryLine(S), "1 passed, 1 failed, 1 skipped");
  std::string J = resultsToJSON(Results);
  EXPECT_NE(J.find("\"O1\": {\n      \"passed\": 1,\n      \"failed\": 1"),
            std::string::npos)
      << J;
  EXPECT_NE(J.find("\"message\": \"why\""), std::string::npos) << J;
}

} // namespace
