//===-- CompileBench.cpp - Compile time, code size and cycles per contract ===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// zkc-bench-compile [-O LEVEL] [--repetitions N] PATH...
//
// For every era-compiler-tests file under PATH that runs on the ZVM, reports
// one row: the compile time (the median of N compilations, each in a fresh
// pipeline) and the share of each stage, the size of the .zbin, and the
// instructions executed by the file's test calls (which must pass, or the
// row is marked). Ends with totals and medians. Times are wall-clock on
// this machine; compare rows of one run with each other.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Compiler.h"
#include "zkc/Support/CommandLine.h"
#include "zkc/Testing/Runner.h"
#include "zkc/Testing/TestFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace po = boost::program_options;
using namespace zkc;
using Clock = std::chrono::steady_clock;

namespace {

/// The pipeline's stages, in order, as Compilation runs them.
constexpr const char *StageNames[] = {"parse", "evm",     "llvm",
                                      "opt",   "codegen", "assemble"};
constexpr size_t NumStages = std::size(StageNames);

struct Row {
  std::string Name;
  double Seconds[NumStages] = {};
  double Total = 0;
  size_t CodeSize = 0;
  uint64_t Cycles = 0;
  unsigned Cases = 0;
  bool AllPassed = true;
};

/// Times one compilation stage by stage; false if it fails.
bool timeOnce(const std::string &Source, const std::string &Name,
              const CompileOptions &Opts, double (&Seconds)[NumStages],
              size_t &Size) {
  std::string Diags;
  llvm::raw_string_ostream DiagOS(Diags);
  Compilation C(Source, Name, Opts, DiagOS);
  bool (Compilation::*Stages[])() = {
      &Compilation::parse,        &Compilation::lowerToMLIR,
      &Compilation::lowerToLLVM,  &Compilation::optimize,
      &Compilation::generateCode, &Compilation::assemble};
  for (size_t I = 0; I < NumStages; ++I) {
    auto Start = Clock::now();
    if (!(C.*Stages[I])())
      return false;
    Seconds[I] = std::chrono::duration<double>(Clock::now() - Start).count();
  }
  Size = C.result().Bytes.size();
  return true;
}

double median(std::vector<double> V) {
  if (V.empty())
    return 0;
  std::sort(V.begin(), V.end());
  return V.size() % 2 ? V[V.size() / 2]
                      : (V[V.size() / 2 - 1] + V[V.size() / 2]) / 2;
}

} // namespace

int main(int Argc, char **Argv) {
  ToolDescription Tool{
      "zkc-bench-compile", "PATH... [-O LEVEL] [--repetitions N]",
      "Reports per era-compiler-tests contract: compile time and the share "
      "of each pipeline stage, .zbin size, and cycles of its test calls."};
  po::options_description Opts("options");
  Opts.add_options()("paths", po::value<std::vector<std::string>>()->required(),
                     "test files or directories")(
      "optimization,O", po::value<std::string>()->default_value("2"),
      "optimisation level")("repetitions",
                            po::value<unsigned>()->default_value(3),
                            "compilations per contract (the median is kept)");
  po::positional_options_description Pos;
  Pos.add("paths", -1);
  po::variables_map VM;
  if (auto Exit = parseToolOptions(Argc, Argv, Tool, Opts, Pos, VM))
    return *Exit;
  std::optional<OptLevel> Level =
      parseOptLevel(VM["optimization"].as<std::string>());
  if (!Level) {
    llvm::errs() << "zkc-bench-compile: error: -O must be 0, 1, 2, 3, s or z\n";
    return ExitUsageError;
  }
  unsigned Reps = std::max(1u, VM["repetitions"].as<unsigned>());

  std::vector<std::string> Files;
  for (const std::string &P : VM["paths"].as<std::vector<std::string>>()) {
    if (!llvm::sys::fs::is_directory(P)) {
      Files.push_back(P);
      continue;
    }
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(P, EC), End;
         It != End && !EC; It.increment(EC))
      if (llvm::StringRef(It->path()).ends_with(".yul"))
        Files.push_back(It->path());
  }
  std::sort(Files.begin(), Files.end());

  CompileOptions CO;
  CO.Opt = *Level;
  testing::RunOptions RO;
  RO.Level = *Level;
  std::vector<Row> Rows;
  for (const std::string &F : Files) {
    auto Buf = llvm::MemoryBuffer::getFile(F, /*IsText=*/true);
    if (!Buf)
      continue;
    llvm::Expected<testing::TestFile> T =
        testing::parseTestFile(F, (*Buf)->getBuffer());
    if (!T) {
      llvm::consumeError(T.takeError());
      continue;
    }
    // Only what runs on the ZVM: the runner's skips are not benchmarks.
    std::vector<testing::CaseResult> Results = testing::runTest(*T, RO);
    if (Results.empty() || llvm::any_of(Results, [](const auto &R) {
          return R.Status == testing::Outcome::Skip;
        }))
      continue;
    Row R;
    R.Name = llvm::sys::path::filename(F).str();
    for (const testing::CaseResult &C : Results) {
      R.Cycles += C.Cycles;
      ++R.Cases;
      R.AllPassed &= C.Status == testing::Outcome::Pass;
    }
    std::vector<double> Totals, Stage[NumStages];
    bool Ok = true;
    for (unsigned I = 0; I < Reps && Ok; ++I) {
      double S[NumStages];
      Ok = timeOnce(T->Source, F, CO, S, R.CodeSize);
      double Sum = 0;
      for (size_t K = 0; K < NumStages; ++K) {
        Stage[K].push_back(S[K]);
        Sum += S[K];
      }
      Totals.push_back(Sum);
    }
    if (!Ok)
      continue;
    R.Total = median(Totals);
    for (size_t K = 0; K < NumStages; ++K)
      R.Seconds[K] = median(Stage[K]);
    Rows.push_back(std::move(R));
    llvm::errs() << "\r" << Rows.size() << " contracts";
  }
  llvm::errs() << "\n";

  llvm::outs() << "| contract | compile ms |";
  for (const char *S : StageNames)
    llvm::outs() << " " << S << " % |";
  llvm::outs() << " .zbin bytes | cases | cycles |\n|---|---|";
  for (size_t K = 0; K < NumStages; ++K)
    llvm::outs() << "---|";
  llvm::outs() << "---|---|---|\n";
  double Sum[NumStages] = {}, SumTotal = 0;
  std::vector<double> Ms, Sizes, Cycles;
  char Buf[64];
  for (const Row &R : Rows) {
    std::snprintf(Buf, sizeof(Buf), "%.2f", R.Total * 1e3);
    llvm::outs() << "| " << R.Name << (R.AllPassed ? "" : " (fails)") << " | "
                 << Buf << " |";
    for (size_t K = 0; K < NumStages; ++K) {
      std::snprintf(Buf, sizeof(Buf), "%.0f",
                    R.Total > 0 ? 100 * R.Seconds[K] / R.Total : 0.0);
      llvm::outs() << " " << Buf << " |";
      Sum[K] += R.Seconds[K];
    }
    llvm::outs() << " " << R.CodeSize << " | " << R.Cases << " | " << R.Cycles
                 << " |\n";
    SumTotal += R.Total;
    Ms.push_back(R.Total * 1e3);
    Sizes.push_back(R.CodeSize);
    Cycles.push_back(R.Cycles);
  }
  std::snprintf(Buf, sizeof(Buf), "%.2f", median(Ms));
  llvm::outs() << "| **median of " << Rows.size() << "** | " << Buf << " |";
  for (size_t K = 0; K < NumStages; ++K) {
    std::snprintf(Buf, sizeof(Buf), "%.0f",
                  SumTotal > 0 ? 100 * Sum[K] / SumTotal : 0.0);
    llvm::outs() << " " << Buf << " |";
  }
  llvm::outs() << " " << uint64_t(median(Sizes)) << " | | "
               << uint64_t(median(Cycles)) << " |\n";
  llvm::outs() << "\nStage shares in the last row are of the summed compile "
                  "time of all contracts.\n";
  return ExitSuccess;
}
