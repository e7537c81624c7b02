//===-- Report.cpp - Test results, printed --------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Testing/Report.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <nlohmann/json.hpp>

using namespace zkc;
using namespace zkc::testing;

Summary zkc::testing::summarize(const std::vector<CaseResult> &Results) {
  Summary S;
  for (const CaseResult &R : Results)
    (R.Status == Outcome::Pass   ? S.Passed
     : R.Status == Outcome::Fail ? S.Failed
                                 : S.Skipped)++;
  return S;
}

static std::string testName(const CaseResult &R) {
  return R.Case.empty() ? R.Path : R.Path + "::" + R.Case;
}

void zkc::testing::printResult(const CaseResult &R, llvm::raw_ostream &OS) {
  OS << outcomeName(R.Status) << ' ' << testName(R) << " [-O"
     << optLevelName(R.Level) << ']';
  if (R.Status == Outcome::Skip) {
    OS << ": " << R.Message << '\n';
    return;
  }
  OS << '\n';
  if (R.Status == Outcome::Fail)
    for (llvm::StringRef Line :
         llvm::split(llvm::StringRef(R.Message).rtrim('\n'), '\n'))
      OS << "    " << Line << '\n';
}

std::string zkc::testing::summaryLine(const Summary &S) {
  return std::to_string(S.Passed) + " passed, " + std::to_string(S.Failed) +
         " failed, " + std::to_string(S.Skipped) + " skipped";
}

std::string
zkc::testing::resultsToJSON(const std::vector<CaseResult> &Results) {
  nlohmann::ordered_json J;
  Summary All = summarize(Results);
  J["summary"] = {
      {"passed", All.Passed}, {"failed", All.Failed}, {"skipped", All.Skipped}};
  std::map<std::string, Summary> PerLevel;
  for (const CaseResult &R : Results) {
    Summary &S = PerLevel[("O" + optLevelName(R.Level)).str()];
    (R.Status == Outcome::Pass   ? S.Passed
     : R.Status == Outcome::Fail ? S.Failed
                                 : S.Skipped)++;
  }
  auto &Levels = J["levels"] = nlohmann::ordered_json::object();
  for (const auto &[Name, S] : PerLevel)
    Levels[Name] = {
        {"passed", S.Passed}, {"failed", S.Failed}, {"skipped", S.Skipped}};
  auto &Tests = J["tests"] = nlohmann::ordered_json::array();
  for (const CaseResult &R : Results) {
    nlohmann::ordered_json T;
    T["path"] = R.Path;
    T["case"] = R.Case;
    T["level"] = "O" + optLevelName(R.Level).str();
    T["status"] = outcomeName(R.Status);
    if (!R.Message.empty())
      T["message"] = R.Message;
    Tests.push_back(std::move(T));
  }
  return J.dump(2) + "\n";
}
