//===-- zkc.cpp - The zkc compiler driver ---------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// For now the driver runs the Yul frontend and prints one stage:
//   zkc --yul FILE --emit=ast|mlir|llvm
// All the work is in the libraries; this file only wires them together.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/CommandLine.h"
#include "zkc/Yul/AST.h"
#include "zkc/Yul/Analysis.h"
#include "zkc/Yul/Parser.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#if ZKC_HAVE_MLIR
#include "zkc/Conversion/EVMToLLVM/EVMToLLVM.h"
#include "zkc/Conversion/YulToEVM/YulToEVM.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#endif

namespace po = boost::program_options;
using namespace zkc;

int main(int Argc, char **Argv) {
  ToolDescription Tool{
      "zkc", "--yul FILE --emit=ast|mlir|llvm [-o OUT]",
      "Compiles EVM contracts for the ZVM. With --yul, parses and checks a "
      "Yul object and prints the stage --emit names: the Yul AST, the MLIR "
      "`evm` dialect, or LLVM IR."};
  po::options_description Opts("options");
  Opts.add_options()("yul", po::value<std::string>()->required(),
                     "the Yul source (- for stdin)")(
      "emit", po::value<std::string>()->default_value("llvm"),
      "what to print: ast, mlir or llvm")(
      "output,o", po::value<std::string>()->default_value("-"),
      "where to write it")("print-locations",
                           "print source locations with --emit=mlir");
  po::positional_options_description Pos;
  Pos.add("yul", 1);
  po::variables_map VM;
  if (auto Exit = parseToolOptions(Argc, Argv, Tool, Opts, Pos, VM))
    return *Exit;

  std::string Emit = VM["emit"].as<std::string>();
  if (Emit != "ast" && Emit != "mlir" && Emit != "llvm") {
    llvm::errs() << "zkc: error: --emit must be ast, mlir or llvm, not '"
                 << Emit << "'\n";
    return ExitUsageError;
  }
  std::string Input = VM["yul"].as<std::string>();
  auto Buf = llvm::MemoryBuffer::getFileOrSTDIN(Input, /*IsText=*/true);
  if (!Buf) {
    llvm::errs() << "zkc: error: " << Input << ": "
                 << Buf.getError().message() << '\n';
    return ExitInputError;
  }
  llvm::SourceMgr SM;
  SM.AddNewSourceBuffer(std::move(*Buf), llvm::SMLoc());
  yul::DiagnosticEngine Diags(SM);
  yul::ASTContext Ctx;
  if (!yul::parseYul(Ctx, Diags) || !yul::analyzeYul(Ctx, Diags))
    return ExitInputError;

  std::error_code EC;
  llvm::ToolOutputFile Out(VM["output"].as<std::string>(), EC,
                           llvm::sys::fs::OF_Text);
  if (EC) {
    llvm::errs() << "zkc: error: " << EC.message() << '\n';
    return ExitInputError;
  }
  if (Emit == "ast") {
    yul::dumpAST(Ctx, SM, Out.os());
    Out.keep();
    return ExitSuccess;
  }

#if ZKC_HAVE_MLIR
  // One module at a time: a thread pool would only cost start-up time.
  mlir::MLIRContext Context(mlir::MLIRContext::Threading::DISABLED);
  auto Module = lowerYulToEVM(Ctx, SM, Context);
  if (!Module)
    return ExitInputError;
  if (Emit == "mlir") {
    mlir::OpPrintingFlags Flags;
    if (VM.count("print-locations"))
      Flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
    Module->print(Out.os(), Flags);
    Out.keep();
    return ExitSuccess;
  }
  llvm::LLVMContext LLVMContext;
  std::vector<LLVMObject> Objects = lowerEVMToLLVMIR(*Module, LLVMContext);
  if (Objects.empty())
    return ExitInputError;
  for (const LLVMObject &Obj : Objects) {
    Out.os() << "; zvm object: " << Obj.Path << '\n';
    Obj.Module->print(Out.os(), nullptr);
  }
  Out.keep();
  return ExitSuccess;
#else
  llvm::errs() << "zkc: error: --emit=" << Emit
               << " needs a build with ZKC_ENABLE_MLIR\n";
  return ExitUsageError;
#endif
}
