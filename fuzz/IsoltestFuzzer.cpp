//===-- IsoltestFuzzer.cpp - Fuzz the semantic-test reader ----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Reads arbitrary bytes as a semantic test. Any input must be read or
// rejected with an error; crashes, sanitizer reports and hangs are bugs.
//
//===----------------------------------------------------------------------===//

#include "zkc/Isoltest/Isoltest.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  using namespace zkc::isoltest;
  llvm::Expected<TestFile> F = parseTestFile(
      llvm::StringRef(reinterpret_cast<const char *>(Data), Size), "fuzz.sol");
  if (!F) {
    llvm::consumeError(F.takeError());
    return 0;
  }
  if (F->Sources.empty())
    std::abort(); // A test always has a source, even an empty one.
  return 0;
}
