//===-- zkc/CodeGen/CodeGen.h - LLVM IR to ZVM assembly ---------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The ZVM code generator: from one object's optimised LLVM module to the
// ZVM assembly text of that object's code. docs/codegen.md describes the
// pipeline, the calling convention and the frame layout.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CODEGEN_CODEGEN_H
#define ZKC_CODEGEN_CODEGEN_H

#include "llvm/Support/Error.h"

namespace llvm {
class Module;
class raw_ostream;
} // namespace llvm

namespace zkc {

struct CodeGenOptions {
  /// Runs the register-allocation verifier on every function.
#ifdef NDEBUG
  bool VerifyRegAlloc = false;
#else
  bool VerifyRegAlloc = true;
#endif
  /// For testing the spiller: allocate at most this many registers per
  /// function (never fewer than its parameters and a few more); 0 for the
  /// whole window.
  unsigned MaxRegisters = 0;
};

/// Translates one object's optimised module into the ZVM assembly of that
/// object's code: labels and instructions only (no .object/.end/.data/
/// .metadata/.pool lines); constants as `ldc rN, <value>` and the
/// @datasize/@dataoffset/@immutable/@library/@immutableoffset forms of
/// docs/assembly.md. Execution starts at the first emitted instruction,
/// which is the start of `__entry`. Label names are unique within the
/// output. Anything it cannot compile is an llvm::Error naming the construct
/// and its source location (DILocation or the function name).
llvm::Error generateZVMAssembly(llvm::Module &M, const CodeGenOptions &Opts,
                                llvm::raw_ostream &OS);

} // namespace zkc

#endif // ZKC_CODEGEN_CODEGEN_H
