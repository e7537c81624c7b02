//===-- TestCompiler.cpp - A test's source, compiled ----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "TestCompiler.h"

#include "zkc/Driver/Compiler.h"
#include "zkc/Solc/Settings.h"
#include "zkc/Solc/Solc.h"
#include "zkc/Testing/CompilerVersion.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace zkc;
using namespace zkc::testing;
using llvm::StringRef;

namespace {

/// The contract the format deploys as the instance "Test".
constexpr const char *MainContract = "Test";

std::variant<CompiledTest, NotRun> compileYul(const std::string &Source,
                                              const std::string &Name,
                                              const RunOptions &Opts) {
  CompileOptions CO;
  CO.Opt = Opts.Level;
  CO.Format = DiagnosticFormat::LLVM;
  CO.VerifyRegAlloc = Opts.VerifyRegAlloc;
  std::string Diags;
  llvm::raw_string_ostream DiagOS(Diags);
  Compilation C(Source, Name, CO, DiagOS);
  if (!C.compile()) {
    if (isUnsupportedBuiltinError(C.firstError()))
      return NotRun{Outcome::Skip, "unsupported: " + C.firstError()};
    return NotRun{Outcome::Fail, "compilation failed:\n" + Diags};
  }
  CompiledTest T;
  T.Code = C.result().Bytes;
  T.UnlinkedLibraries = C.result().UnlinkedLibraries;
  return T;
}

/// How solc is to compile a test, from its `modes`.
struct SolcMode {
  /// solc's optimiser: on for "Y" and "Y+...", off when the only Yul modes
  /// that apply are "Y-..." (tests of what the optimiser would remove, such
  /// as msize, which solc rejects with it on).
  bool Optimize = true;
};

/// The mode the test's `modes` let it run in through solc's Yul pipeline
/// with solc Version; the reason to skip it when there is none.
std::variant<SolcMode, std::string> selectMode(const TestFile &Test,
                                               StringRef Version) {
  if (Test.Modes.empty())
    return SolcMode();
  std::vector<std::string> YulConditions;
  bool Optimized = false, Unoptimized = false;
  for (StringRef Mode : Test.Modes) {
    Mode = Mode.trim();
    // "Y", "Y+", "Y-M3B3", "Y >=0.8.4": the pipeline letter, the
    // optimiser flags, then a version condition.
    if (!Mode.starts_with("Y"))
      continue;
    auto [Flags, Condition] = Mode.split(' ');
    if (!Condition.trim().empty() && !versionSatisfies(Version, Condition)) {
      YulConditions.push_back(Condition.trim().str());
      continue;
    }
    if (Flags.drop_front().starts_with("-"))
      Unoptimized = true;
    else
      Optimized = true;
  }
  if (Optimized || Unoptimized)
    return SolcMode{/*Optimize=*/Optimized};
  if (YulConditions.empty())
    return std::string(skip::LegacyPipeline) +
           " (modes: " + llvm::join(Test.Modes, ", ") + ")";
  return std::string(skip::SolcVersion) + " (Yul pipeline with solc " +
         llvm::join(YulConditions, " or ") + "; solc is " + Version.str() + ")";
}

std::variant<CompiledTest, NotRun> compileSolidity(const TestFile &Test,
                                                   const RunOptions &Opts) {
  if (!Opts.Solc)
    return NotRun{Outcome::Fail, "no solc to compile a Solidity test with"};
  llvm::Expected<std::string> Version = Opts.Solc->version();
  if (!Version)
    return NotRun{Outcome::Fail, llvm::toString(Version.takeError())};
  std::variant<SolcMode, std::string> Mode = selectMode(Test, *Version);
  if (auto *Reason = std::get_if<std::string>(&Mode))
    return NotRun{Outcome::Skip, *Reason};
  nlohmann::json Settings = solc::yulIRSettings({"evm.methodIdentifiers"});
  if (!std::get<SolcMode>(Mode).Optimize)
    Settings["optimizer"]["enabled"] = false;

  std::string Unit = llvm::sys::path::filename(Test.Path).str();
  nlohmann::json Input = {{"language", "Solidity"},
                          {"sources", {{Unit, {{"content", Test.Source}}}}},
                          {"settings", Settings}};
  solc::ImportPaths Paths;
  Paths.BasePath = llvm::sys::path::parent_path(Test.Path).str();
  llvm::Expected<nlohmann::json> Output = Opts.Solc->compile(Input, Paths);
  if (!Output)
    return NotRun{Outcome::Fail, llvm::toString(Output.takeError())};
  if (Output->contains("errors"))
    for (const nlohmann::json &E : (*Output)["errors"])
      if (E.value("severity", "") == "error") {
        std::string Message =
            E.value("formattedMessage", E.value("message", ""));
        // A pragma the pinned solc does not satisfy: the test is for another
        // compiler version, not a case of ours to fail.
        if (E.value("message", "")
                .find("Source file requires different compiler version") !=
            std::string::npos)
          return NotRun{Outcome::Skip, std::string(skip::SolcVersion) +
                                           " (the pragma excludes solc " +
                                           *Version + ")"};
        return NotRun{Outcome::Fail, "solc: " + Message};
      }

  const nlohmann::json *Main = nullptr;
  if (Output->contains("contracts"))
    for (const auto &[Src, Contracts] : (*Output)["contracts"].items())
      if (Contracts.contains(MainContract))
        Main = &Contracts[MainContract];
  if (!Main)
    return NotRun{Outcome::Fail, std::string("the test defines no contract '") +
                                     MainContract + "'"};
  std::string Yul = Main->value("irOptimized", "");
  if (Yul.empty())
    return NotRun{Outcome::Fail, "solc gave no Yul for contract 'Test'"};
  auto Compiled = compileYul(Yul, Unit + ":" + MainContract + ".yul", Opts);
  if (auto *T = std::get_if<CompiledTest>(&Compiled)) {
    // The format deploys no libraries: a test that needs one linked is
    // malformed for it.
    if (!T->UnlinkedLibraries.empty())
      return NotRun{Outcome::Fail, "unlinked libraries: " +
                                       llvm::join(T->UnlinkedLibraries, ", ")};
    T->CompilerVersion = *Version;
    if (Main->contains("evm") && (*Main)["evm"].contains("methodIdentifiers"))
      for (const auto &[Signature, Selector] :
           (*Main)["evm"]["methodIdentifiers"].items())
        T->Selectors[Signature] = Selector.get<std::string>();
  }
  return Compiled;
}

} // namespace

std::variant<CompiledTest, NotRun>
zkc::testing::compileTest(const TestFile &Test, const RunOptions &Opts) {
  if (StringRef(Test.Path).ends_with(".sol"))
    return compileSolidity(Test, Opts);
  return compileYul(Test.Source, Test.Path, Opts);
}
