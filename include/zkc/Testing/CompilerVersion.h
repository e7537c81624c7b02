//===-- zkc/Testing/CompilerVersion.h - Versioned results -------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The metadata format lets a test expect different results from different
// solc versions (`compiler_version` in `expected`, a condition after a mode
// in `modes`); these pick what applies to the solc that compiled the test.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_TESTING_COMPILERVERSION_H
#define ZKC_TESTING_COMPILERVERSION_H

#include "zkc/Testing/TestFile.h"

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace zkc::testing {

/// Whether Version ("0.8.30", "0.8.30+commit.73712a01") satisfies
/// Condition: comparisons (`>=0.8`, `<0.7.6`, `=0.8.1`, `^0.8.0`, or a bare
/// version for `=`) separated by spaces or commas, all of which must hold. A
/// comparison against a partial version compares only the components it
/// gives, so that "<=0.7" holds for 0.7.6 as semver ranges do. Returns
/// false for a condition it cannot read.
bool versionSatisfies(llvm::StringRef Version, llvm::StringRef Condition);

/// The variant of Variants that applies to a compiler of version Version:
/// the first whose condition it satisfies, else the first without one.
/// Without a Version (Yul tests, which no solc compiles), the first without
/// a condition, else the first. Null when Variants is empty.
const Expected *selectExpected(const std::vector<Expected> &Variants,
                               llvm::StringRef Version);

} // namespace zkc::testing

#endif // ZKC_TESTING_COMPILERVERSION_H
