//===-- CodeGen.cpp - The ZVM code generator's pipeline
//--------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The whole pipeline is compileFunction() below: every stage in order, the
// register-allocation verifier between allocation and frame lowering.
// docs/codegen.md describes each stage.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/CodeGen.h"
#include "zkc/CodeGen/Passes.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

using namespace llvm;
using namespace zkc::codegen;

#define DEBUG_TYPE "zvm-codegen"

static Error compileFunction(Function &F, ModuleInfo &Info,
                             const zkc::CodeGenOptions &Opts, raw_ostream &OS) {
  Expected<std::unique_ptr<MFunction>> MFOrErr = selectInstructions(F, Info);
  if (!MFOrErr)
    return MFOrErr.takeError();
  MFunction &MF = **MFOrErr;
  eliminateDeadCode(MF);
  reuseConstants(MF);
  layoutBlocks(MF);
  MF.RegisterLimit = Opts.MaxRegisters;
  if (Error E = allocateRegisters(MF))
    return E;
  LLVM_DEBUG(MF.print(dbgs()));
  if (Opts.VerifyRegAlloc)
    if (Error E = verifyRegisterAllocation(MF))
      return E;
  if (Error E = lowerFrame(MF))
    return E;
  // Coalesced copies leave blocks that only jump: thread and place again.
  // Any order is valid now, since registers no longer depend on it.
  layoutBlocks(MF);
  placeBackEdgeBlocks(MF);
  emitAssembly(MF, OS);
  return Error::success();
}

Error zkc::generateZVMAssembly(Module &M, const zkc::CodeGenOptions &Opts,
                               raw_ostream &OS) {
  Function *Entry = M.getFunction("__entry");
  if (!Entry || Entry->isDeclaration())
    return createStringError(inconvertibleErrorCode(),
                             "module '" + M.getModuleIdentifier() +
                                 "' has no __entry function");
  if (Entry->arg_size() || !Entry->getReturnType()->isVoidTy())
    return createStringError(inconvertibleErrorCode(),
                             "__entry must take and return nothing");
  if (Error E = lowerModuleForZVM(M))
    return E;
  ModuleInfo Info = analyzeModule(M);
  // __entry first: execution starts at the first instruction.
  if (Error E = compileFunction(*Entry, Info, Opts, OS))
    return E;
  for (Function &F : M)
    if (!F.isDeclaration() && &F != Entry)
      if (Error E = compileFunction(F, Info, Opts, OS))
        return E;
  return Error::success();
}
