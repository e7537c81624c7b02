//===-- zkc/Driver/Compiler.h - The compilation pipeline --------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One compilation of a Yul source, stage by stage (docs/driver.md):
//
//   parse, check ─► evm dialect ─► one LLVM module per object
//     ─► link the runtime, optimise ─► ZVM assembly per object
//     ─► nested .object assembly ─► assembler ─► libraries ─► .zbin
//
// Each stage is a method, so a tool can stop after any of them and print
// it; compile() runs them all. Diagnostics go to the stream given at
// construction, in the format of the options. A Compilation owns its MLIR
// and LLVM contexts: compilations on different threads share nothing.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_COMPILER_H
#define ZKC_DRIVER_COMPILER_H

#include "zkc/Driver/Diagnostics.h"
#include "zkc/Driver/Linker.h"
#include "zkc/Driver/Options.h"
#include "zkc/Object/Object.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Module;
class raw_ostream;
} // namespace llvm

namespace zkc {

/// What a successful compilation produces.
struct CompiledContract {
  /// The outermost Yul object's name; output files are named after it.
  std::string Name;
  /// The whole contract as assembly (nested .object).
  std::string Assembly;
  Object Obj;
  /// The .zbin bytes of Obj.
  std::vector<uint8_t> Bytes;
  /// Library symbols no address was given for.
  std::vector<std::string> UnlinkedLibraries;
};

/// True when this build includes the ZVM code generator.
bool hasCodeGenerator();

/// The back half of the pipeline for one object's LLVM module (with the
/// ZVM's data layout): links the runtime, optimises at Opts.Opt and returns
/// the code generator's assembly for it (labels and instructions).
llvm::Expected<std::string> compileModule(llvm::Module &M,
                                          const CompileOptions &Opts);

/// Whether Error, a compilation's error message, says the source uses a
/// builtin the ZVM deliberately does not offer (docs/isa.md), rather than
/// something zkc failed to compile. Test runners skip such tests.
bool isUnsupportedBuiltinError(llvm::StringRef Error);

class Compilation {
public:
  /// FileName is how diagnostics and the debug outputs name the source.
  Compilation(std::string Source, std::string FileName,
              const CompileOptions &Opts, llvm::raw_ostream &Diags);
  ~Compilation();

  /// Sends diagnostics to H instead of printing them; call before the
  /// first stage.
  void setDiagnosticHandler(DiagnosticHandler H);

  // The stages, in order; each runs the earlier ones it needs and returns
  // false after printing diagnostics.
  bool parse();
  bool lowerToMLIR();
  bool lowerToLLVM();
  bool optimize();
  bool generateCode();
  bool assemble();

  /// Runs every stage.
  bool compile() { return assemble(); }

  // Printing a stage; valid once that stage succeeded.
  void printAST(llvm::raw_ostream &OS) const;
  void printMLIR(llvm::raw_ostream &OS, bool Locations) const;
  /// The LLVM modules: as the frontend made them until optimize() ran,
  /// optimised afterwards.
  void printLLVM(llvm::raw_ostream &OS) const;
  const CompiledContract &result() const { return Result; }

  /// The first error message, for tools that classify failures.
  const std::string &firstError() const { return FirstError; }

private:
  struct Impl;
  std::unique_ptr<Impl> P;
  CompiledContract Result;
  std::string FirstError;
};

} // namespace zkc

#endif // ZKC_DRIVER_COMPILER_H
