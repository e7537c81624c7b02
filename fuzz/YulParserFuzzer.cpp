//===-- YulParserFuzzer.cpp - Fuzz the Yul parser and analyzer ------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Feeds arbitrary bytes to the Yul parser and, when they parse, to the
// semantic checks and the AST printer. Any input must be rejected with a
// diagnostic or accepted; crashes, sanitizer reports, hangs and stack
// overflows on deep nesting are bugs.
//
//===----------------------------------------------------------------------===//

#include "zkc/Yul/AST.h"
#include "zkc/Yul/Analysis.h"
#include "zkc/Yul/Parser.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  using namespace zkc::yul;
  llvm::SourceMgr SM;
  SM.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(
          llvm::StringRef(reinterpret_cast<const char *>(Data), Size),
          "fuzz.yul"),
      llvm::SMLoc());
  // Diagnostics are rendered (to exercise the location code) and dropped.
  std::string Diagnostics;
  llvm::raw_string_ostream DiagOS(Diagnostics);
  DiagnosticEngine Diags(SM, &DiagOS);
  ASTContext Ctx;
  bool Parsed = parseYul(Ctx, Diags);
  if (Parsed != !Diags.hasErrors())
    std::abort(); // A parse must fail exactly when it reports an error.
  if (!Parsed)
    return 0;
  analyzeYul(Ctx, Diags);
  std::string Dump;
  llvm::raw_string_ostream DumpOS(Dump);
  dumpAST(Ctx, SM, DumpOS);
  return 0;
}
