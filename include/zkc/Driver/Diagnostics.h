//===-- zkc/Driver/Diagnostics.h - solc-style error messages ----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Errors about the source are printed the way solc prints them, so that
// tools which parse solc's output (editors, Hardhat, Foundry) understand
// zkc's:
//
//   Error: Variable name x already taken in this scope.
//    --> a.yul:3:9:
//     |
//   3 |     let x := 2
//     |         ^
//
// Errors without a source location are just `Error: message`.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_DIAGNOSTICS_H
#define ZKC_DRIVER_DIAGNOSTICS_H

#include "zkc/Driver/Options.h"

#include "llvm/ADT/Twine.h"

#include <functional>
#include <string>

namespace llvm {
class SMDiagnostic;
class SourceMgr;
class raw_ostream;
} // namespace llvm

namespace zkc {

/// Prints D in the solc format.
void printSolcDiagnostic(const llvm::SMDiagnostic &D, llvm::raw_ostream &OS);

/// Receives diagnostics as data instead of text, for callers that report
/// them in a structured form (Standard JSON). Diagnostics without a source
/// location have no SourceMgr and no location.
using DiagnosticHandler = std::function<void(const llvm::SMDiagnostic &)>;

/// Prints diagnostics in one format to one stream.
class DiagnosticPrinter {
public:
  DiagnosticPrinter(DiagnosticFormat Format, llvm::raw_ostream &OS)
      : Format(Format), OS(OS) {}

  /// Makes every diagnostic SM prints (also those printed to an explicit
  /// stream) come here. SM must not be used after this object is gone.
  void attach(llvm::SourceMgr &SM);
  void print(const llvm::SMDiagnostic &D);
  /// An error without a source location.
  void error(const llvm::Twine &Message);
  /// Sends every later diagnostic to H instead of the stream.
  void setHandler(DiagnosticHandler H) { Handler = std::move(H); }

  unsigned errorCount() const { return NumErrors; }
  const std::string &firstError() const { return FirstError; }
  DiagnosticFormat format() const { return Format; }

private:
  void count(const llvm::Twine &Message);

  DiagnosticFormat Format;
  llvm::raw_ostream &OS;
  DiagnosticHandler Handler;
  unsigned NumErrors = 0;
  std::string FirstError;
};

} // namespace zkc

#endif // ZKC_DRIVER_DIAGNOSTICS_H
