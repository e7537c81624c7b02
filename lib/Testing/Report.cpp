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

static circuit::CircuitTally
totalTally(const std::vector<CaseResult> &Results) {
  circuit::CircuitTally Total;
  for (const CaseResult &R : Results)
    Total.merge(R.Circuit);
  return Total;
}

static nlohmann::ordered_json circuitJSON(const circuit::CircuitTally &T) {
  nlohmann::ordered_json J = {{"checked", T.Checked},
                              {"unsupported", T.Unsupported},
                              {"rejected", T.Violated},
                              {"rows", T.Rows},
                              {"cycles", T.Cycles}};
  J["reasons"] = nlohmann::ordered_json::object();
  for (const auto &[Why, N] : T.Reasons)
    J["reasons"][Why] = N;
  return J;
}

std::string
zkc::testing::circuitSummary(const std::vector<CaseResult> &Results) {
  circuit::CircuitTally T = totalTally(Results);
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "circuit: " << T.Checked << " transactions checked (" << T.Rows
     << " rows for " << T.Cycles << " cycles), " << T.Unsupported
     << " not supported, " << T.Violated << " rejected";
  if (T.Reasons.empty())
    return S;
  // The commonest reasons first (a transaction may have several).
  std::vector<std::pair<uint64_t, std::string>> Reasons;
  for (const auto &[Why, N] : T.Reasons)
    Reasons.push_back({N, Why});
  llvm::sort(Reasons, [](const auto &A, const auto &B) {
    return A.first != B.first ? A.first > B.first : A.second < B.second;
  });
  OS << "\nnot supported:";
  for (size_t I = 0; I < Reasons.size() && I < 12; ++I)
    OS << (I ? "; " : " ") << Reasons[I].second << " (" << Reasons[I].first
       << ")";
  if (Reasons.size() > 12)
    OS << "; " << Reasons.size() - 12 << " more";
  return S;
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
    if (!R.Circuit.empty())
      T["circuit"] = circuitJSON(R.Circuit);
    Tests.push_back(std::move(T));
  }
  circuit::CircuitTally Total = totalTally(Results);
  if (!Total.empty())
    J["circuit"] = circuitJSON(Total);
  return J.dump(2) + "\n";
}
