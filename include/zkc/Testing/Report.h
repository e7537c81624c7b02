//===-- zkc/Testing/Report.h - Test results, printed ------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_TESTING_REPORT_H
#define ZKC_TESTING_REPORT_H

#include "zkc/Testing/Runner.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace zkc::testing {

struct Summary {
  unsigned Passed = 0, Failed = 0, Skipped = 0;
};

Summary summarize(const std::vector<CaseResult> &Results);

/// One line per result (`PASS path::case [-O2]`), with the message indented
/// below failures and the reason after skips.
void printResult(const CaseResult &R, llvm::raw_ostream &OS);

/// "N passed, N failed, N skipped".
std::string summaryLine(const Summary &S);

/// With circuit checks: "circuit: N transactions checked (R rows for C
/// cycles), N not supported, N rejected", then a line of the commonest
/// reasons the circuit could not check a transaction.
std::string circuitSummary(const std::vector<CaseResult> &Results);

/// The results as a JSON document: a summary, per-level counts and every
/// result (with circuit checks, their counts and reasons too).
std::string resultsToJSON(const std::vector<CaseResult> &Results);

} // namespace zkc::testing

#endif // ZKC_TESTING_REPORT_H
