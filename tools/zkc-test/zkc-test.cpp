//===-- zkc-test.cpp - Run era-compiler-tests style tests -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// zkc-test PATH... [-O LEVEL | --all-levels] [-j N] [--json FILE]
// Runs every test file under PATH (docs/testing.md) through the compiler
// and the emulator and prints one line per case and a summary. Results are
// printed in a fixed order whatever the number of threads. Files in the
// era-compiler-tests metadata format go to lib/Testing, Solidity semantic
// tests (isoltest format) to lib/Isoltest.
//
//===----------------------------------------------------------------------===//

#include "zkc/Isoltest/Runner.h"
#include "zkc/Solc/Solc.h"
#include "zkc/Support/CommandLine.h"
#include "zkc/Testing/Report.h"
#include "zkc/Testing/Runner.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace po = boost::program_options;
using namespace zkc;
using namespace zkc::testing;

/// Test files under Path (a file or a directory), sorted.
static std::vector<std::string> collect(const std::string &Path,
                                        std::string &Error) {
  std::vector<std::string> Files;
  if (!llvm::sys::fs::is_directory(Path)) {
    if (!llvm::sys::fs::exists(Path))
      Error = Path + ": no such file or directory";
    Files.push_back(Path);
    return Files;
  }
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Path, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef P(It->path());
    // Folders starting with '_' hold sources that semantic tests import.
    if (llvm::sys::path::filename(P).starts_with("_")) {
      It.no_push();
      continue;
    }
    if (P.ends_with(".yul") || P.ends_with(".sol"))
      Files.push_back(It->path());
  }
  if (EC)
    Error = Path + ": " + EC.message();
  std::sort(Files.begin(), Files.end());
  return Files;
}

int main(int Argc, char **Argv) {
  ToolDescription Tool{
      "zkc-test", "PATH... [-O LEVEL | --all-levels] [-j N] [--json FILE]",
      "Compiles and runs tests in the ZVM emulator, comparing return data, "
      "exceptions and events with what they expect: .yul files in the "
      "era-compiler-tests metadata format (`//!` JSON) and Solidity semantic "
      "tests (.sol files in solc's isoltest format, compiled with solc)."};
  po::options_description Opts("options");
  Opts.add_options()("paths", po::value<std::vector<std::string>>()->required(),
                     "test files or directories")(
      "optimization,O", po::value<std::string>()->default_value("2"),
      "optimisation level: 0, 1, 2, 3, s or z")(
      "all-levels", "run every test at every level")(
      "jobs,j", po::value<unsigned>()->default_value(1),
      "threads")("json", po::value<std::string>(), "write the results as JSON")(
      "filter", po::value<std::vector<std::string>>(),
      "run only paths containing this text (repeatable)")(
      "ignore-targets",
      "also run tests for EraVM only or with EraVM extensions")(
      "quiet,q", "print only failures and the summary")(
      "verify-regalloc", "run the register-allocation verifier")(
      "check-circuit",
      "also check every call's execution against the circuit "
      "(docs/circuit.md); a rejected execution fails the test")(
      "solc", po::value<std::string>(),
      "solc for .sol tests: an executable or the npm package's directory");
  po::positional_options_description Pos;
  Pos.add("paths", -1);
  po::variables_map VM;
  if (auto Exit = parseToolOptions(Argc, Argv, Tool, Opts, Pos, VM))
    return *Exit;

  std::vector<OptLevel> Levels;
  if (VM.count("all-levels")) {
    Levels.assign(std::begin(AllOptLevels), std::end(AllOptLevels));
  } else if (auto L = parseOptLevel(VM["optimization"].as<std::string>())) {
    Levels.push_back(*L);
  } else {
    llvm::errs() << "zkc-test: error: -O must be 0, 1, 2, 3, s or z\n";
    return ExitUsageError;
  }
  std::vector<std::string> Filters;
  if (VM.count("filter"))
    Filters = VM["filter"].as<std::vector<std::string>>();
  std::vector<std::string> Files;
  for (const std::string &P : VM["paths"].as<std::vector<std::string>>()) {
    std::string Error;
    for (std::string &F : collect(P, Error))
      if (Filters.empty() || llvm::any_of(Filters, [&](const std::string &S) {
            return F.find(S) != std::string::npos;
          }))
        Files.push_back(std::move(F));
    if (!Error.empty()) {
      llvm::errs() << "zkc-test: error: " << Error << "\n";
      return ExitInputError;
    }
  }

  struct Job {
    std::string Path;
    OptLevel Level;
    std::vector<CaseResult> Results;
    bool Done = false;
  };
  std::vector<Job> Jobs;
  for (const std::string &F : Files)
    for (OptLevel L : Levels)
      Jobs.push_back({F, L, {}, false});

  bool Quiet = VM.count("quiet");
  bool Progress = llvm::sys::Process::StandardErrIsDisplayed();
  RunOptions RO;
  RO.IgnoreTargets = VM.count("ignore-targets");
  RO.VerifyRegAlloc = VM.count("verify-regalloc");
  RO.CheckCircuit = VM.count("check-circuit");
  // solc is looked for only when a Solidity test is run.
  std::once_flag SolcOnce;
  std::optional<solc::Compiler> Solc;
  std::string SolcError;
  std::optional<std::string> SolcPath;
  if (VM.count("solc"))
    SolcPath = VM["solc"].as<std::string>();
  auto RunOne = [&](const std::string &Path,
                    OptLevel Level) -> std::vector<CaseResult> {
    RunOptions Mine = RO;
    Mine.Level = Level;
    bool Solidity = llvm::StringRef(Path).ends_with(".sol");
    if (Solidity) {
      std::call_once(SolcOnce, [&] {
        llvm::Expected<solc::Compiler> C = solc::Compiler::find(SolcPath);
        if (C)
          Solc.emplace(std::move(*C));
        else
          SolcError = llvm::toString(C.takeError());
      });
      if (!Solc) {
        CaseResult R;
        R.Path = Path;
        R.Level = Level;
        R.Status = Outcome::Fail;
        R.Message = SolcError;
        return {R};
      }
      Mine.Solc = &*Solc;
    }
    bool Semantic = false;
    if (Solidity)
      if (auto Buf = llvm::MemoryBuffer::getFile(Path))
        Semantic = isoltest::isSemanticTest((*Buf)->getBuffer());
    if (!Semantic)
      return runTestFile(Path, Mine);
    isoltest::RunnerOptions IO;
    IO.Opt = Level;
    IO.Solc = &*Solc;
    IO.VerifyRegAlloc = RO.VerifyRegAlloc;
    IO.CheckCircuit = RO.CheckCircuit;
    return {isoltest::runSemanticTest(Path, IO)};
  };
  std::mutex Lock;
  size_t NextToPrint = 0, Finished = 0;
  Summary Running;
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I; (I = Next++) < Jobs.size();) {
      std::vector<CaseResult> Results = RunOne(Jobs[I].Path, Jobs[I].Level);
      std::lock_guard<std::mutex> Guard(Lock);
      Jobs[I].Results = std::move(Results);
      Jobs[I].Done = true;
      ++Finished;
      if (Progress)
        llvm::errs() << "\r\033[K";
      // Print in job order, whatever order the jobs finish in.
      for (; NextToPrint < Jobs.size() && Jobs[NextToPrint].Done; ++NextToPrint)
        for (const CaseResult &R : Jobs[NextToPrint].Results) {
          Summary One = summarize({R});
          Running.Passed += One.Passed;
          Running.Failed += One.Failed;
          Running.Skipped += One.Skipped;
          if (!Quiet || R.Status == Outcome::Fail)
            printResult(R, llvm::outs());
        }
      llvm::outs().flush();
      if (Progress)
        llvm::errs() << "[" << Finished << "/" << Jobs.size() << "] "
                     << summaryLine(Running);
    }
  };
  unsigned N = std::max(1u, VM["jobs"].as<unsigned>());
  std::vector<std::thread> Threads;
  for (unsigned T = 1; T < N; ++T)
    Threads.emplace_back(Worker);
  Worker();
  for (std::thread &T : Threads)
    T.join();
  if (Progress)
    llvm::errs() << "\r\033[K";

  std::vector<CaseResult> All;
  for (Job &J : Jobs)
    All.insert(All.end(), J.Results.begin(), J.Results.end());
  Summary S = summarize(All);
  llvm::outs() << summaryLine(S) << "\n";
  if (RO.CheckCircuit)
    llvm::outs() << circuitSummary(All) << "\n";
  if (VM.count("json")) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(VM["json"].as<std::string>(), EC);
    if (EC) {
      llvm::errs() << "zkc-test: error: " << EC.message() << "\n";
      return ExitInputError;
    }
    OS << resultsToJSON(All);
  }
  return S.Failed ? ExitInputError : ExitSuccess;
}
