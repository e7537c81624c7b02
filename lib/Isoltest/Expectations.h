//===-- Expectations.h - The calls after `// ----` --------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_LIB_ISOLTEST_EXPECTATIONS_H
#define ZKC_LIB_ISOLTEST_EXPECTATIONS_H

#include "zkc/Isoltest/Isoltest.h"

#include "llvm/ADT/ArrayRef.h"

namespace zkc::isoltest {

/// One line of the expectations, without its leading "//".
struct ExpectationLine {
  llvm::StringRef Body;
  /// 1-based line, and column of Body's first character.
  unsigned Line, Column;
};

/// Parses the expectation lines into Calls.
llvm::Error parseExpectationLines(llvm::ArrayRef<ExpectationLine> Lines,
                                  llvm::StringRef FileName,
                                  std::vector<Call> &Calls);

} // namespace zkc::isoltest

#endif // ZKC_LIB_ISOLTEST_EXPECTATIONS_H
