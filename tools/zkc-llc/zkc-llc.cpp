//===-- zkc-llc.cpp - LLVM IR to ZVM assembly -----------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Runs the ZVM code generator on one LLVM IR file, for tests. With
// --wrap NAME the output is a complete object (`.object "NAME" ... .end`)
// that zvm-as accepts. All of the work is in lib/CodeGen.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/CodeGen.h"
#include "zkc/Support/CommandLine.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace po = boost::program_options;
using namespace zkc;

int main(int Argc, char **Argv) {
  ToolDescription Tool{
      "zkc-llc",
      "INPUT.ll [--wrap NAME] [--no-verify-regalloc] [--max-registers N]",
      "Translates an optimised LLVM IR module (one object's code) into ZVM "
      "assembly. INPUT '-' reads standard input."};
  po::options_description Options("options");
  Options.add_options()("input", po::value<std::string>()->required(),
                        "LLVM IR file ('-' for standard input)")(
      "wrap", po::value<std::string>(),
      "print a whole object named NAME, ready for zvm-as")(
      "verify-regalloc", "run the register-allocation verifier")(
      "no-verify-regalloc", "do not run the register-allocation verifier")(
      "max-registers", po::value<unsigned>(),
      "allocate at most N registers per function, to exercise spilling");
  po::positional_options_description Positional;
  Positional.add("input", 1);
  po::variables_map VM;
  if (std::optional<int> Exit =
          parseToolOptions(Argc, Argv, Tool, Options, Positional, VM))
    return *Exit;

  std::string Input = VM["input"].as<std::string>();
  llvm::LLVMContext Context;
  llvm::SMDiagnostic Diag;
  std::unique_ptr<llvm::Module> M = llvm::parseIRFile(Input, Diag, Context);
  if (!M) {
    Diag.print("zkc-llc", llvm::errs());
    return ExitInputError;
  }
  if (llvm::verifyModule(*M, &llvm::errs())) {
    llvm::errs() << "zkc-llc: error: " << Input << ": invalid module\n";
    return ExitInputError;
  }

  CodeGenOptions Opts;
  if (VM.count("verify-regalloc"))
    Opts.VerifyRegAlloc = true;
  if (VM.count("no-verify-regalloc"))
    Opts.VerifyRegAlloc = false;
  if (VM.count("max-registers"))
    Opts.MaxRegisters = VM["max-registers"].as<unsigned>();
  std::string Asm;
  llvm::raw_string_ostream OS(Asm);
  if (llvm::Error E = generateZVMAssembly(*M, Opts, OS)) {
    llvm::errs() << "zkc-llc: error: " << Input << ": "
                 << llvm::toString(std::move(E)) << "\n";
    return ExitInputError;
  }
  if (VM.count("wrap")) {
    llvm::outs() << ".object \"" << VM["wrap"].as<std::string>() << "\"\n"
                 << OS.str() << ".end\n";
  } else {
    llvm::outs() << OS.str();
  }
  return ExitSuccess;
}
