//===-- zkc/MC/Assembler.h - ZVM assembly to objects ------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// This file declares the ZVM assembler, which turns the textual assembly
// language of docs/assembly.md into an in-memory zkc::Object. Diagnostics go
// through llvm::SourceMgr, so they carry file, line, column, the source line
// and a caret. The assembler accepts arbitrary bytes: it reports malformed
// input instead of crashing, and what it allocates is proportional to the
// input's size.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_MC_ASSEMBLER_H
#define ZKC_MC_ASSEMBLER_H

#include "zkc/Object/Object.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace llvm {
class SourceMgr;
class raw_ostream;
} // namespace llvm

namespace zkc {

/// The label names of an assembled object, shaped like its object tree, so
/// that listings can print the names the source used.
struct AsmSymbols {
  /// (instruction index, label name) in source order. A label may name the
  /// index one past the last instruction.
  std::vector<std::pair<uint32_t, std::string>> Labels;
  /// One entry per subobject, in the order of Object::Subobjects.
  std::vector<AsmSymbols> Subobjects;
};

class Assembler {
public:
  /// Stop after this many errors: later ones are mostly consequences.
  static constexpr unsigned MaxErrors = 20;

  explicit Assembler(llvm::SourceMgr &SrcMgr) : SrcMgr(SrcMgr) {}

  /// Assembles the buffer BufferID of the source manager, which must hold
  /// exactly one top-level object. Errors are reported through the source
  /// manager (its diagnostic handler when one is installed, otherwise
  /// llvm::errs()); the result is empty when there was any.
  std::optional<Object> assemble(unsigned BufferID);

  /// The labels of the last successful assemble().
  const AsmSymbols &symbols() const { return Symbols; }
  /// Number of errors reported by the last assemble().
  unsigned errorCount() const { return NumErrors; }

private:
  llvm::SourceMgr &SrcMgr;
  AsmSymbols Symbols;
  unsigned NumErrors = 0;
};

/// Assembles Source as a buffer named BufferName, printing diagnostics to
/// Diags. When Symbols is given it receives the labels.
std::optional<Object> assembleText(llvm::StringRef Source,
                                   llvm::raw_ostream &Diags,
                                   llvm::StringRef BufferName = "<input>",
                                   AsmSymbols *Symbols = nullptr);

} // namespace zkc

#endif // ZKC_MC_ASSEMBLER_H
