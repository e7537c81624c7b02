//===-- zkc/MC/Disassembler.h - ZVM objects to assembly ---------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// This file declares the ZVM disassembler. Its output is assembly that the
// assembler turns back into the same bytes: the constant pool, relocations,
// data and metadata are printed as directives, branch targets get labels, and
// each `ldc` shows the constant it loads where that is unambiguous. It also
// declares the section summary that `zvm-objdump -h` prints.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_MC_DISASSEMBLER_H
#define ZKC_MC_DISASSEMBLER_H

#include "zkc/MC/Assembler.h"
#include "zkc/Object/Object.h"

#include <string>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace zkc {

struct DisassemblerOptions {
  /// Follow each instruction with a comment holding its 8 encoded bytes.
  bool ShowEncoding = false;
  /// Label names to print instead of generated ones (from the assembler).
  /// Branch targets without a name are then printed as instruction indices.
  const AsmSymbols *Symbols = nullptr;
};

class Disassembler {
public:
  explicit Disassembler(DisassemblerOptions Opts = {}) : Opts(Opts) {}

  /// Prints O and its subobjects as assembly.
  void print(const Object &O, llvm::raw_ostream &OS) const;
  std::string toString(const Object &O) const;

private:
  void printObject(const Object &O, const AsmSymbols *Syms, unsigned Depth,
                   llvm::raw_ostream &OS) const;

  DisassemblerOptions Opts;
};

/// Prints one instruction without context: pool operands as `#N`, targets as
/// instruction indices. For traces and diagnostics.
std::string formatInstruction(const Instruction &I);

/// Prints the byte offset and size of every part of O's serialized form
/// (header, name, code, pool, data sections, subobjects recursively,
/// relocations, metadata), as file offsets starting at Base.
void printHeaders(const Object &O, llvm::raw_ostream &OS, uint64_t Base = 0);

/// Writes Bytes as a quoted string when they are text (printable ASCII, tabs
/// and line breaks) and as hex"..." otherwise; the assembler reads both back
/// to the same bytes.
void printByteString(llvm::ArrayRef<uint8_t> Bytes, llvm::raw_ostream &OS);

} // namespace zkc

#endif // ZKC_MC_DISASSEMBLER_H
