//===-- zkc/CodeGen/Passes.h - The stages of the ZVM code generator -*- C++
//-*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Every stage of the code generator, in pipeline order. CodeGen.cpp's
// compileFunction() calls them in this order; each is in its own file.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CODEGEN_PASSES_H
#define ZKC_CODEGEN_PASSES_H

#include "zkc/CodeGen/MachineIR.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Support/Error.h"

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace zkc::codegen {

struct LiveIntervals;

/// IR-level lowering of what instruction selection does not take: switches,
/// memory intrinsics between address spaces without a copy instruction,
/// critical edges, operations implemented by the runtime library; then the
/// runtime functions are released from llvm.compiler.used and the unused
/// ones deleted (IRLowering.cpp).
llvm::Error lowerModuleForZVM(llvm::Module &M);

/// Rewrites signed overflow tests spelled out with several comparisons
/// (solc's checked arithmetic) as one comparison each (OverflowChecks.cpp).
struct SignedOverflowCheckPass : llvm::PassInfoMixin<SignedOverflowCheckPass> {
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &);
};

/// Module-wide facts instruction selection needs: the labels of functions
/// and the object whose code this is.
struct ModuleInfo {
  /// The object's path ("A.A_deployed"), to name data and subobjects
  /// relative to it.
  std::string ObjectPath;
  llvm::StringMap<std::string> FunctionLabels;
  /// Every label handed out so far, to keep them unique.
  llvm::StringMap<unsigned> UsedLabels;
  std::string uniqueLabel(llvm::StringRef Wanted);
};
ModuleInfo analyzeModule(llvm::Module &M);

/// Instruction selection: LLVM IR to machine IR over virtual registers
/// (ISel.cpp).
llvm::Expected<std::unique_ptr<MFunction>> selectInstructions(llvm::Function &F,
                                                              ModuleInfo &MI);

/// Deletes instructions without side effects whose results are unused.
void eliminateDeadCode(MFunction &MF);

/// Reuses, within a block, a register already holding a constant
/// (ConstantReuse.cpp).
void reuseConstants(MFunction &MF);

/// Orders the blocks so that branches fall through where they can
/// (BranchLayout.cpp).
void layoutBlocks(MFunction &MF);
/// After register allocation: loop blocks that jump back to their header
/// placed just before it, to fall into it (BranchLayout.cpp).
void placeBackEdgeBlocks(MFunction &MF);

/// Coalesces copies and assigns a register to every virtual register
/// (RegAlloc.cpp).
llvm::Error allocateRegisters(MFunction &MF);

/// Checks the allocation by tracking which value each register holds along
/// every path: a use must find its own value (RegAllocVerifier.cpp).
llvm::Error verifyRegisterAllocation(const MFunction &MF);

/// Rewrites virtual and outgoing registers to window registers, fixes the
/// frame top, and expands parallel copies and returns (FrameLowering.cpp).
llvm::Error lowerFrame(MFunction &MF);

/// Prints the function as assembly, with fall-throughs (AsmEmitter.cpp).
void emitAssembly(const MFunction &MF, llvm::raw_ostream &OS);

} // namespace zkc::codegen

#endif // ZKC_CODEGEN_PASSES_H
