//===-- zkc.cpp - The zkc compiler driver ---------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Compiles Solidity or a Yul object to ZVM .zbin objects (docs/cli.md,
// docs/driver.md):
//   zkc FILE.sol... [--bin] [--asm] [-o DIR] [-O LEVEL] [--solc PATH] ...
//   zkc --yul FILE [--bin] [--asm] [-o DIR] [-O LEVEL] [--libraries ...]
//   zkc --yul FILE --emit=ast|mlir|llvm|asm|obj [-o FILE]
//   zkc --link FILE.zbin --libraries ...
//   zkc --standard-json [FILE]
//   zkc FILE.sol... --combined-json abi,bin,...
// All the work is in lib/Driver; this file maps options onto it.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/CombinedJSON.h"
#include "zkc/Driver/Compiler.h"
#include "zkc/Driver/Diagnostics.h"
#include "zkc/Driver/Output.h"
#include "zkc/Driver/Solidity.h"
#include "zkc/Driver/StandardJSON.h"
#include "zkc/Support/CommandLine.h"
#include "zkc/Support/Hex.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <iostream>
#include <optional>

namespace po = boost::program_options;
using namespace zkc;

static int usageError(const llvm::Twine &Msg) {
  llvm::errs() << "zkc: error: " << Msg << "\n";
  return ExitUsageError;
}

static int inputError(const llvm::Twine &Msg) {
  llvm::errs() << "Error: " << Msg << "\n";
  return ExitInputError;
}

static void warnUnlinked(const std::vector<std::string> &Symbols) {
  for (const std::string &S : Symbols)
    llvm::errs() << unlinkedLibraryWarning(S) << "\n";
}

/// The --bin and --asm sections of one contract, as solc prints them.
static void printContract(const CompiledContract &R, llvm::StringRef Title,
                          bool Bin, bool Asm) {
  if (Bin || Asm)
    llvm::outs() << "\n======= " << Title << " =======\n";
  if (Bin)
    llvm::outs() << "Binary:\n"
                 << toHexString(R.Bytes, /*Prefix=*/false) << "\n";
  if (Asm)
    llvm::outs() << "Assembly:\n" << R.Assembly;
}

/// --version: zkc's own version, then the solc it runs as `solc --version`
/// prints it, so that tools which take the last line for solc's version
/// (Foundry, Hardhat) can use zkc in solc's place.
static void printVersion(const po::variables_map &VM) {
  std::cout << versionString("zkc") << "\n";
  std::optional<std::string> Explicit;
  if (VM.count("solc"))
    Explicit = VM["solc"].as<std::string>();
  llvm::Expected<solc::Compiler> Solc = solc::Compiler::find(Explicit);
  if (!Solc) {
    std::cerr << "zkc: warning: " << llvm::toString(Solc.takeError()) << "\n";
    return;
  }
  llvm::Expected<std::string> V = Solc->version();
  if (!V) {
    std::cerr << "zkc: warning: " << llvm::toString(V.takeError()) << "\n";
    return;
  }
  std::cout << "solc, the solidity compiler commandline interface, run by "
               "zkc from "
            << Solc->path() << "\n"
            << "Version: " << *V << "\n";
}

static SolidityOptions solidityOptions(const po::variables_map &VM) {
  SolidityOptions SO;
  if (VM.count("solc"))
    SO.Solc = VM["solc"].as<std::string>();
  if (VM.count("base-path"))
    SO.Paths.BasePath = VM["base-path"].as<std::string>();
  if (VM.count("include-path"))
    SO.Paths.IncludePaths = VM["include-path"].as<std::vector<std::string>>();
  if (VM.count("allow-paths"))
    SO.Paths.AllowPaths = VM["allow-paths"].as<std::vector<std::string>>();
  if (VM.count("evm-version"))
    SO.EVMVersion = VM["evm-version"].as<std::string>();
  return SO;
}

/// zkc --standard-json [FILE]: as solc, the answer (errors included) is
/// the output, and the exit code is 0 once it is written.
static int standardJSON(const po::variables_map &VM) {
  std::vector<std::string> Inputs;
  if (VM.count("input"))
    Inputs = VM["input"].as<std::vector<std::string>>();
  if (Inputs.size() > 1)
    return usageError("--standard-json reads one input: a file or stdin");
  std::string Path = Inputs.empty() ? "-" : Inputs[0];
  auto Buf = llvm::MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/true);
  if (!Buf)
    return inputError(Path + ": " + Buf.getError().message());
  SolidityOptions SO = solidityOptions(VM);
  StandardJSONOptions Opts{SO.Solc, SO.Paths};
  llvm::outs() << compileStandardJSON((*Buf)->getBuffer(), Opts).dump() << "\n";
  return ExitSuccess;
}

int main(int Argc, char **Argv) {
  ToolDescription Tool{
      "zkc",
      "FILE.sol... | --yul FILE [--bin] [--asm] [-o DIR] [-O LEVEL] "
      "[options]",
      "Compiles Solidity contracts (through solc's Yul IR) or a Yul object "
      "for the ZVM. --bin prints each .zbin as hex, "
      "--asm its assembly, -o DIR writes Name.zbin and Name.s. --emit prints "
      "one stage instead: the Yul AST, the MLIR `evm` dialect, LLVM IR (as "
      "the frontend makes it), ZVM assembly, or the object. --link fills "
      "library addresses into an existing .zbin. --standard-json and "
      "--combined-json answer as solc does, with ZVM code.",
      /*ShortHelp=*/true, printVersion};
  po::options_description Opts("options");
  Opts.add_options()("yul", po::value<std::string>(),
                     "the Yul source (- for stdin)")(
      "input", po::value<std::vector<std::string>>(), "Solidity source files")(
      "solc", po::value<std::string>(),
      "solc to use: an executable, or the npm package's directory")(
      "base-path", po::value<std::string>(),
      "root of Solidity source unit names (as solc's)")(
      "include-path", po::value<std::vector<std::string>>(),
      "more roots for Solidity imports (repeatable)")(
      "allow-paths", po::value<std::vector<std::string>>(),
      "paths a native solc may read (repeatable)")(
      "evm-version", po::value<std::string>(),
      "EVM version solc compiles for (default: solc's)")(
      "bin", "print the object as hex")("asm", "print the assembly")(
      "output-dir,o", po::value<std::string>(),
      "output directory (with --emit: output file, - for stdout)")(
      "overwrite", "overwrite existing files in the output directory")(
      "optimization,O", po::value<std::string>()->default_value("2"),
      "LLVM optimisation level: 0, 1, 2, 3, s or z")(
      "emit", po::value<std::string>(),
      "print one stage: ast, mlir, llvm, asm or obj")(
      "print-locations", "print source locations with --emit=mlir")(
      "debug-output-dir", po::value<std::string>(),
      "write every stage of the compilation into this directory")(
      "libraries", po::value<std::vector<std::string>>(),
      "library addresses, file.sol:Lib=0x..., or a file of them "
      "(repeatable)")("link", po::value<std::string>(),
                      "fill --libraries into this .zbin, in place")(
      "metadata-hash", po::value<std::string>()->default_value("keccak256"),
      "keccak256 (of the source) or none")(
      "verify-regalloc", "run the register-allocation verifier")(
      "standard-json",
      "read solc's Standard JSON input from FILE or stdin, write the output")(
      "combined-json", po::value<std::string>(),
      "print solc's combined JSON with these fields: abi, asm, bin, "
      "bin-runtime, hashes, metadata, storage-layout");
  po::positional_options_description Pos;
  Pos.add("input", -1);
  po::variables_map VM;
  if (auto Exit = parseToolOptions(Argc, Argv, Tool, Opts, Pos, VM))
    return *Exit;

  if (VM.count("standard-json"))
    return standardJSON(VM);

  CompileOptions CO;
  if (VM.count("libraries"))
    for (const std::string &A : VM["libraries"].as<std::vector<std::string>>())
      if (llvm::Error E = loadLibrariesArgument(A, CO.Libraries))
        return inputError(llvm::toString(std::move(E)));

  if (VM.count("link")) {
    if (VM.count("yul"))
      return usageError("--link and --yul cannot be used together");
    auto Unlinked = linkObjectFile(VM["link"].as<std::string>(), CO.Libraries);
    if (!Unlinked)
      return inputError(llvm::toString(Unlinked.takeError()));
    warnUnlinked(*Unlinked);
    return ExitSuccess;
  }
  if (!VM.count("yul") && !VM.count("input"))
    return usageError(
        "no input: give FILE.sol..., --yul FILE or --link FILE.zbin");
  if (VM.count("yul") && VM.count("input"))
    return usageError("give either --yul FILE or input files, not both");
  // A single .yul file may be given without --yul.
  std::optional<std::string> PositionalYul;
  if (VM.count("input")) {
    const auto &Inputs = VM["input"].as<std::vector<std::string>>();
    if (Inputs.size() == 1 && llvm::StringRef(Inputs[0]).ends_with(".yul"))
      PositionalYul = Inputs[0];
    else
      for (const std::string &F : Inputs)
        if (!llvm::StringRef(F).ends_with(".sol"))
          return usageError("'" + F + "' is not a .sol or .yul file");
  }

  auto Level = parseOptLevel(VM["optimization"].as<std::string>());
  if (!Level)
    return usageError("-O must be 0, 1, 2, 3, s or z, not '" +
                      VM["optimization"].as<std::string>() + "'");
  CO.Opt = *Level;
  std::string Hash = VM["metadata-hash"].as<std::string>();
  if (Hash != "keccak256" && Hash != "none")
    return usageError("--metadata-hash must be keccak256 or none");
  CO.MetadataHash = Hash == "keccak256";
  CO.VerifyRegAlloc = VM.count("verify-regalloc");
  if (VM.count("debug-output-dir"))
    CO.DebugOutputDir = VM["debug-output-dir"].as<std::string>();
  std::string Emit = VM.count("emit") ? VM["emit"].as<std::string>() : "";
  if (!Emit.empty() && Emit != "ast" && Emit != "mlir" && Emit != "llvm" &&
      Emit != "asm" && Emit != "obj")
    return usageError("--emit must be ast, mlir, llvm, asm or obj, not '" +
                      Emit + "'");
  // The frontend stages are developer output and keep LLVM's format.
  if (Emit == "ast" || Emit == "mlir" || Emit == "llvm")
    CO.Format = DiagnosticFormat::LLVM;

  if (VM.count("combined-json") && (VM.count("yul") || PositionalYul))
    return usageError("--combined-json applies to Solidity input");
  if (VM.count("input") && !PositionalYul) {
    if (!Emit.empty() && Emit != "asm" && Emit != "obj")
      return usageError("--emit=" + Emit + " applies to Yul input");
    SolidityOptions SO = solidityOptions(VM);
    if (VM.count("combined-json")) {
      auto Fields =
          parseCombinedJSONFields(VM["combined-json"].as<std::string>());
      if (!Fields)
        return usageError(llvm::toString(Fields.takeError()));
      std::optional<nlohmann::json> Combined = compileCombinedJSON(
          VM["input"].as<std::vector<std::string>>(), *Fields, CO,
          SO.EVMVersion, StandardJSONOptions{SO.Solc, SO.Paths}, llvm::errs());
      if (!Combined)
        return ExitInputError;
      llvm::outs() << Combined->dump() << "\n";
      return ExitSuccess;
    }
    llvm::Expected<std::vector<CompiledContract>> Contracts = compileSolidity(
        VM["input"].as<std::vector<std::string>>(), CO, SO, llvm::errs());
    if (!Contracts)
      return inputError(llvm::toString(Contracts.takeError()));
    bool Bin = VM.count("bin"), Asm = VM.count("asm");
    for (const CompiledContract &R : *Contracts) {
      warnUnlinked(R.UnlinkedLibraries);
      printContract(R, R.Name, Bin, Asm);
      if (VM.count("output-dir")) {
        // Files are named by contract, as solc's -o names them.
        CompiledContract Named = R;
        Named.Name = llvm::StringRef(R.Name).rsplit(':').second.str();
        if (llvm::Error E =
                writeContractFiles(Named, VM["output-dir"].as<std::string>(),
                                   VM.count("overwrite")))
          return inputError(llvm::toString(std::move(E)));
      }
    }
    if (!Bin && !Asm && !VM.count("output-dir"))
      llvm::errs() << "Compiler run successful, no output requested.\n";
    return ExitSuccess;
  }

  std::string Input =
      PositionalYul ? *PositionalYul : VM["yul"].as<std::string>();
  auto Buf = llvm::MemoryBuffer::getFileOrSTDIN(Input, /*IsText=*/true);
  if (!Buf)
    return inputError(Input + ": " + Buf.getError().message());
  std::string Name = Input == "-" ? "<stdin>" : Input;
  Compilation C((*Buf)->getBuffer().str(), Name, CO, llvm::errs());

  if (!Emit.empty()) {
    bool Ok = Emit == "ast"    ? C.parse()
              : Emit == "mlir" ? C.lowerToMLIR()
              : Emit == "llvm" ? C.lowerToLLVM()
                               : C.compile();
    if (!Ok)
      return ExitInputError;
    std::error_code EC;
    llvm::ToolOutputFile Out(
        VM.count("output-dir") ? VM["output-dir"].as<std::string>() : "-", EC,
        Emit == "obj" ? llvm::sys::fs::OF_None : llvm::sys::fs::OF_Text);
    if (EC)
      return inputError(EC.message());
    if (Emit == "ast")
      C.printAST(Out.os());
    else if (Emit == "mlir")
      C.printMLIR(Out.os(), VM.count("print-locations"));
    else if (Emit == "llvm")
      C.printLLVM(Out.os());
    else if (Emit == "asm")
      Out.os() << C.result().Assembly;
    else
      Out.os() << llvm::toStringRef(C.result().Bytes);
    Out.keep();
    warnUnlinked(C.result().UnlinkedLibraries);
    return ExitSuccess;
  }

  if (!C.compile())
    return ExitInputError;
  const CompiledContract &R = C.result();
  warnUnlinked(R.UnlinkedLibraries);
  bool Bin = VM.count("bin"), Asm = VM.count("asm");
  printContract(R, Name + ":" + R.Name, Bin, Asm);
  if (VM.count("output-dir")) {
    if (llvm::Error E = writeContractFiles(
            R, VM["output-dir"].as<std::string>(), VM.count("overwrite")))
      return inputError(llvm::toString(std::move(E)));
  } else if (!Bin && !Asm) {
    llvm::errs() << "Compiler run successful, no output requested.\n";
  }
  return ExitSuccess;
}
