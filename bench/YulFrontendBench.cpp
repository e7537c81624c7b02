//===-- YulFrontendBench.cpp - Time the Yul frontend per contract ---------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Times the frontend's stages over a set of Yul files, reported per contract:
//   ParseCheck   parse and check
//   ToEVM        ... and lower to the evm dialect (verified)
//   ToLLVMIR     ... and lower to LLVM IR (verified)
//   LLVMO2       LLVM's -O2 pipeline on that IR, a lower bound for the rest
//                of the compiler, to put the frontend's share in proportion
// The inputs are the Yul files under the folders named by ZKC_YUL_BENCH_DIRS
// (colon-separated), by default test/Yul/Inputs and the era corpus.
//
//===----------------------------------------------------------------------===//

#include "zkc/Conversion/EVMToLLVM/EVMToLLVM.h"
#include "zkc/Conversion/YulToEVM/YulToEVM.h"
#include "zkc/Yul/Analysis.h"
#include "zkc/Yul/Parser.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

using namespace zkc;

namespace {

std::vector<std::string> Inputs;

void collectInputs() {
  std::string Dirs = std::getenv("ZKC_YUL_BENCH_DIRS")
                         ? std::getenv("ZKC_YUL_BENCH_DIRS")
                         : std::string(ZKC_SOURCE_DIR "/test/Yul/Inputs:" ZKC_SOURCE_DIR
                                       "/../shared/corpus/era-compiler-tests/yul");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::StringRef(Dirs).split(Parts, ':', -1, false);
  for (llvm::StringRef Dir : Parts) {
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
         It != End && !EC; It.increment(EC))
      if (llvm::sys::path::extension(It->path()) == ".yul")
        Inputs.push_back(It->path());
  }
  std::sort(Inputs.begin(), Inputs.end());
}

enum class Stage { ParseCheck, ToEVM, ToLLVMIR, LLVMO2 };

/// Runs the stages up to Last on one file; false when the file is rejected
/// (a builtin the ZVM does not offer), so it is left out.
bool runFile(const std::string &Path, Stage Last) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return false;
  llvm::SourceMgr SM;
  SM.AddNewSourceBuffer(std::move(*Buf), llvm::SMLoc());
  yul::DiagnosticEngine Diags(SM, nullptr);
  yul::ASTContext Ctx;
  if (!yul::parseYul(Ctx, Diags) || !yul::analyzeYul(Ctx, Diags))
    return false;
  if (Last == Stage::ParseCheck)
    return true;
  // One module at a time: a thread pool per context only costs.
  mlir::MLIRContext Context(mlir::MLIRContext::Threading::DISABLED);
  Context.printOpOnDiagnostic(false);
  auto Module = lowerYulToEVM(Ctx, SM, Context);
  if (!Module)
    return false;
  if (Last == Stage::ToEVM)
    return true;
  llvm::LLVMContext LLVMContext;
  std::vector<LLVMObject> Objects = lowerEVMToLLVMIR(*Module, LLVMContext);
  if (Objects.empty())
    return false;
  if (Last == Stage::ToLLVMIR)
    return true;
  for (LLVMObject &Obj : Objects) {
    llvm::LoopAnalysisManager LAM;
    llvm::FunctionAnalysisManager FAM;
    llvm::CGSCCAnalysisManager CGAM;
    llvm::ModuleAnalysisManager MAM;
    llvm::PassBuilder PB;
    PB.registerModuleAnalyses(MAM);
    PB.registerCGSCCAnalyses(CGAM);
    PB.registerFunctionAnalyses(FAM);
    PB.registerLoopAnalyses(LAM);
    PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
    PB.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2)
        .run(*Obj.Module, MAM);
  }
  return true;
}

void runStage(benchmark::State &State, Stage Last) {
  // Files every stage accepts, so that the stages compare.
  static std::vector<std::string> Accepted = [] {
    std::vector<std::string> A;
    for (const std::string &P : Inputs)
      if (runFile(P, Stage::ToLLVMIR))
        A.push_back(P);
    return A;
  }();
  for (auto _ : State)
    for (const std::string &P : Accepted)
      benchmark::DoNotOptimize(runFile(P, Last));
  State.counters["contracts"] = Accepted.size();
  // Seconds per contract.
  State.counters["per_contract"] = benchmark::Counter(
      static_cast<double>(Accepted.size()),
      benchmark::Counter::kIsIterationInvariantRate |
          benchmark::Counter::kInvert);
}

} // namespace

int main(int Argc, char **Argv) {
  collectInputs();
  benchmark::RegisterBenchmark("YulFrontend/ParseCheck", runStage,
                               Stage::ParseCheck)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("YulFrontend/ToEVM", runStage, Stage::ToEVM)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("YulFrontend/ToLLVMIR", runStage,
                               Stage::ToLLVMIR)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("YulFrontend/LLVMO2", runStage, Stage::LLVMO2)
      ->Unit(benchmark::kMillisecond);
  benchmark::Initialize(&Argc, Argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
