//===-- Optimizer.cpp - The LLVM pass pipeline ----------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Optimizer.h"

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/StandardInstrumentations.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

using namespace zkc;

static llvm::OptimizationLevel toLLVM(OptLevel Level) {
  switch (Level) {
  case OptLevel::O0:
    return llvm::OptimizationLevel::O0;
  case OptLevel::O1:
    return llvm::OptimizationLevel::O1;
  case OptLevel::O2:
    return llvm::OptimizationLevel::O2;
  case OptLevel::O3:
    return llvm::OptimizationLevel::O3;
  case OptLevel::Os:
    return llvm::OptimizationLevel::Os;
  case OptLevel::Oz:
    return llvm::OptimizationLevel::Oz;
  }
  llvm_unreachable("unknown optimisation level");
}

llvm::Error zkc::optimizeModule(llvm::Module &M, OptLevel Level) {
  llvm::LoopAnalysisManager LAM;
  llvm::FunctionAnalysisManager FAM;
  llvm::CGSCCAnalysisManager CGAM;
  llvm::ModuleAnalysisManager MAM;

  // Registered before the defaults, so it is the one used: no library
  // function exists on the ZVM.
  llvm::TargetLibraryInfoImpl TLII{llvm::Triple(M.getTargetTriple())};
  TLII.disableAllFunctions();
  FAM.registerPass([&] { return llvm::TargetLibraryAnalysis(TLII); });

  // The standard instrumentations make the pipeline skip `optnone`
  // functions (the runtime's, see Runtime.cpp).
  llvm::PassInstrumentationCallbacks PIC;
  llvm::StandardInstrumentations SI(M.getContext(), /*DebugLogging=*/false);
  SI.registerCallbacks(PIC, &MAM);
  // The ZVM has no vector registers and executes one instruction a cycle:
  // vectorising or interleaving loops only makes code larger. Without a
  // target machine LLVM's cost model would assume vectors exist.
  llvm::PipelineTuningOptions PTO;
  PTO.LoopVectorization = false;
  PTO.SLPVectorization = false;
  PTO.LoopInterleaving = false;
  llvm::PassBuilder PB(nullptr, PTO, std::nullopt, &PIC);
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);

  llvm::OptimizationLevel L = toLLVM(Level);
  llvm::ModulePassManager MPM = L == llvm::OptimizationLevel::O0
                                    ? PB.buildO0DefaultPipeline(L)
                                    : PB.buildPerModuleDefaultPipeline(L);
  MPM.run(M, MAM);

  std::string Message;
  llvm::raw_string_ostream OS(Message);
  if (llvm::verifyModule(M, &OS))
    return llvm::createStringError("internal error: the optimised module of "
                                   "object '" +
                                   M.getName() +
                                   "' does not verify: " + Message);
  return llvm::Error::success();
}
