//===-- IRLowering.cpp - IR-level lowering before selection
//----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Rewrites what instruction selection does not take, with LLVM's own
// utilities where they exist:
//  - allocas into values where SROA and mem2reg can (SROAPass, PromotePass);
//  - switch into compare-and-branch trees (LowerSwitchPass), on the value
//    widened to a word first, invoke into call (LowerInvokePass);
//  - memcpy/memmove/memset that no ZVM copy instruction performs into loops
//    (LowerMemIntrinsics);
//  - division of integers wider than 256 bits into runtime calls, other
//    operations the runtime library provides (Libcalls.def);
//  - signed overflow tests spelled out with comparisons into overflow
//    intrinsics (SignedOverflowCheckPass);
//  - critical edges split (BreakCriticalEdgesPass), so that phi copies
//    have a block of their own to go to.
// Then the runtime functions are released from llvm.compiler.used and the
// ones nothing calls are deleted.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Transforms/Scalar/SROA.h"
#include "llvm/Transforms/Utils/BreakCriticalEdges.h"
#include "llvm/Transforms/Utils/LowerInvoke.h"
#include "llvm/Transforms/Utils/LowerMemIntrinsics.h"
#include "llvm/Transforms/Utils/LowerSwitch.h"
#include "llvm/Transforms/Utils/Mem2Reg.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;
using namespace zkc::codegen;

#define DEBUG_TYPE "zvm-ir-lowering"

namespace {

Error error(const Instruction &I, const Twine &What) {
  return createStringError(inconvertibleErrorCode(),
                           "in function '" + I.getFunction()->getName() +
                               "': cannot compile " + What);
}

/// A runtime function u256(u256 ...), declared if the runtime was not
/// linked (the error comes when the call is selected).
FunctionCallee runtimeFunction(Module &M, StringRef Name, unsigned NumArgs) {
  Type *Word = IntegerType::get(M.getContext(), 256);
  SmallVector<Type *, 4> Params(NumArgs, Word);
  return M.getOrInsertFunction(Name, FunctionType::get(Word, Params, false));
}

/// Memory intrinsics: the ZVM copies into the heap from every space but the
/// stack and storage; the rest become loops.
Error lowerMemIntrinsics(Function &F, const TargetTransformInfo &TTI) {
  SmallVector<MemIntrinsic *, 4> Work;
  for (Instruction &I : instructions(F))
    if (auto *MI = dyn_cast<MemIntrinsic>(&I))
      Work.push_back(MI);
  for (MemIntrinsic *MI : Work) {
    if (auto *MS = dyn_cast<MemSetInst>(MI)) {
      expandMemSetAsLoop(MS);
      MS->eraseFromParent();
      continue;
    }
    auto *MT = cast<MemTransferInst>(MI);
    unsigned Dst = MT->getDestAddressSpace(), Src = MT->getSourceAddressSpace();
    bool Direct =
        Dst == 1 && (Src == 1 || (isa<MemCpyInst>(MT) && Src >= 2 && Src <= 4));
    if (Direct)
      continue;
    if (auto *MC = dyn_cast<MemCpyInst>(MT)) {
      expandMemCpyAsLoop(MC, TTI);
    } else if (!expandMemMoveAsLoop(cast<MemMoveInst>(MT), TTI)) {
      return error(*MT, "a memmove between these address spaces");
    }
    MT->eraseFromParent();
  }
  return Error::success();
}

/// Switches on integers narrower than a word switch on the value
/// zero-extended to a word instead. LowerSwitchPass builds its tree from
/// signed comparisons; on a narrow value each one would sign-extend both
/// operands, but narrow values are kept zero-extended, so the zext is free
/// and signed word comparisons of such values need no extension at all.
void widenSwitches(Function &F) {
  Type *Word = IntegerType::get(F.getContext(), 256);
  for (BasicBlock &BB : F) {
    auto *SI = dyn_cast<SwitchInst>(BB.getTerminator());
    if (!SI || SI->getCondition()->getType()->getIntegerBitWidth() >= 256)
      continue;
    IRBuilder<> B(SI);
    SwitchInst *Wide = B.CreateSwitch(B.CreateZExt(SI->getCondition(), Word),
                                      SI->getDefaultDest(), SI->getNumCases());
    for (const auto &Case : SI->cases())
      Wide->addCase(ConstantInt::get(F.getContext(),
                                     Case.getCaseValue()->getValue().zext(256)),
                    Case.getCaseSuccessor());
    // Branch weights and the like carry over unchanged: same successors in
    // the same order.
    Wide->copyMetadata(*SI);
    SI->eraseFromParent();
  }
}

/// Operations the runtime library implements (Libcalls.def).
Error lowerToLibcalls(Function &F) {
  Module &M = *F.getParent();
  SmallVector<Instruction *, 4> Work;
  for (Instruction &I : instructions(F)) {
    if (auto *II = dyn_cast<IntrinsicInst>(&I))
      if (II->getIntrinsicID() == Intrinsic::bswap &&
          II->getType()->getIntegerBitWidth() > 64)
        Work.push_back(&I);
    if (auto *BO = dyn_cast<BinaryOperator>(&I))
      if ((BO->getOpcode() == Instruction::UDiv ||
           BO->getOpcode() == Instruction::URem) &&
          BO->getType()->isIntegerTy() &&
          BO->getType()->getIntegerBitWidth() > 256)
        Work.push_back(&I);
  }
  Type *Word = IntegerType::get(M.getContext(), 256);
  for (Instruction *I : Work) {
    IRBuilder<> B(I);
    Type *T = I->getType();
    unsigned W = T->getIntegerBitWidth();
    if (W > 512)
      return error(*I, "an integer wider than 512 bits");
    Value *Result;
    if (isa<IntrinsicInst>(I)) {
      // bswap of W bits: the word's swap holds the W-bit swap in its top.
      Value *X = B.CreateZExt(I->getOperand(0), Word);
      Value *S = B.CreateCall(runtimeFunction(M, "__zvm_rt_bswap256", 1), {X});
      Result = B.CreateTrunc(B.CreateLShr(S, 256 - W), T);
    } else {
      Type *Wide = IntegerType::get(M.getContext(), 512);
      auto Halves = [&](Value *V) {
        Value *X = B.CreateZExt(V, Wide);
        return std::make_pair(B.CreateTrunc(X, Word),
                              B.CreateTrunc(B.CreateLShr(X, 256), Word));
      };
      auto [ALo, AHi] = Halves(I->getOperand(0));
      auto [BLo, BHi] = Halves(I->getOperand(1));
      bool Div = cast<BinaryOperator>(I)->getOpcode() == Instruction::UDiv;
      Value *Lo = B.CreateCall(
          runtimeFunction(
              M, Div ? "__zvm_rt_udiv512_lo" : "__zvm_rt_urem512_lo", 4),
          {ALo, AHi, BLo, BHi});
      Value *Hi = B.CreateCall(
          runtimeFunction(
              M, Div ? "__zvm_rt_udiv512_hi" : "__zvm_rt_urem512_hi", 4),
          {ALo, AHi, BLo, BHi});
      Value *R = B.CreateOr(B.CreateZExt(Lo, Wide),
                            B.CreateShl(B.CreateZExt(Hi, Wide), 256));
      Result = B.CreateTrunc(R, T);
    }
    I->replaceAllUsesWith(Result);
    I->eraseFromParent();
  }
  return Error::success();
}

/// Drops the runtime functions from llvm.compiler.used, which kept them
/// alive through optimisation, and deletes those left without callers.
void releaseRuntime(Module &M) {
  removeFromUsedLists(M, [](Constant *C) {
    auto *F = dyn_cast<Function>(C->stripPointerCasts());
    return F && F->getName().starts_with("__zvm_rt_");
  });
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (Function &F : make_early_inc_range(M)) {
      if (!F.getName().starts_with("__zvm_rt_"))
        continue;
      F.removeDeadConstantUsers();
      if (F.use_empty()) {
        F.eraseFromParent();
        Changed = true;
      }
    }
  }
}

} // namespace

Error zkc::codegen::lowerModuleForZVM(Module &M) {
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PassBuilder PB;
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);

  // The default TTI: the loop expansions then copy a byte at a time, which
  // is what the ZVM's mload8/mstore8 do.
  TargetTransformInfo TTI(M.getDataLayout());
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    if (Error E = lowerMemIntrinsics(F, TTI))
      return E;
    if (Error E = lowerToLibcalls(F))
      return E;
    widenSwitches(F);
    FunctionPassManager FPM;
    // Allocas that SROA and mem2reg can turn into values (all of them at
    // -O1 and above, and most the -O0 pipeline leaves) become values; the
    // rest, whose address escapes or is indexed dynamically, get stack
    // memory in selection.
    FPM.addPass(SROAPass(SROAOptions::ModifyCFG));
    FPM.addPass(PromotePass());
    FPM.addPass(SignedOverflowCheckPass());
    FPM.addPass(LowerInvokePass());
    FPM.addPass(LowerSwitchPass());
    FPM.addPass(BreakCriticalEdgesPass());
    FPM.run(F, FAM);
    FAM.clear(F, F.getName());
  }
  releaseRuntime(M);
  return Error::success();
}
