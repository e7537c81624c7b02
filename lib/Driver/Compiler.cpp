//===-- Compiler.cpp - The compilation pipeline ---------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The pipeline of docs/driver.md, one method per stage. Objects are compiled
// one after another in the order the frontend lists them, and nothing
// depends on addresses, time or the thread: the same source and options
// always give the same bytes.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Compiler.h"
#include "zkc/Driver/Diagnostics.h"
#include "zkc/Driver/Optimizer.h"
#include "zkc/Driver/Runtime.h"

#include "zkc/Conversion/EVMToLLVM/EVMToLLVM.h"
#include "zkc/Conversion/YulToEVM/YulToEVM.h"
#include "zkc/MC/Assembler.h"
#include "zkc/Support/Keccak.h"
#include "zkc/Yul/AST.h"
#include "zkc/Yul/Analysis.h"
#include "zkc/Yul/Parser.h"

#if ZKC_HAVE_CODEGEN
#include "zkc/CodeGen/CodeGen.h"
#endif

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/IPO/Internalize.h"

#include <map>

using namespace zkc;
using llvm::StringRef;

bool zkc::hasCodeGenerator() { return ZKC_HAVE_CODEGEN; }

bool zkc::isUnsupportedBuiltinError(StringRef Error) {
  // The frontend's wording for those builtins (lib/Yul/Analysis.cpp).
  return Error.contains("\" is not supported on the ZVM");
}

llvm::Expected<std::string> zkc::compileModule(llvm::Module &M,
                                               const CompileOptions &Opts) {
  if (llvm::Error E = linkRuntime(M))
    return std::move(E);
  if (llvm::Error E = optimizeModule(M, Opts.Opt))
    return std::move(E);
#if ZKC_HAVE_CODEGEN
  CodeGenOptions CGOpts;
  if (Opts.VerifyRegAlloc)
    CGOpts.VerifyRegAlloc = true;
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (llvm::Error E = generateZVMAssembly(M, CGOpts, OS))
    return std::move(E);
  return Text;
#else
  return llvm::createStringError("this build of zkc has no ZVM code generator");
#endif
}

struct Compilation::Impl {
  Impl(std::string Source, std::string FileName, const CompileOptions &Opts,
       llvm::raw_ostream &Diags)
      : Source(std::move(Source)), FileName(std::move(FileName)), Opts(Opts),
        Printer(Opts.Format, Diags), YulDiags(SM, &Diags),
        MLIR(mlir::MLIRContext::Threading::DISABLED) {
    Printer.attach(SM);
    SM.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBuffer(this->Source, this->FileName,
                                         /*RequiresNullTerminator=*/false),
        llvm::SMLoc());
  }

  /// Writes Text to the debug output directory as Name, if there is one.
  void debugOutput(const llvm::Twine &Name,
                   llvm::function_ref<void(llvm::raw_ostream &)> Write);
  std::string stem() const {
    StringRef S = llvm::sys::path::stem(FileName);
    return S.empty() || S == "-" ? "stdin" : S.str();
  }
  ObjectSource buildSource(const yul::Object &O, const std::string &Path);

  std::string Source;
  std::string FileName;
  CompileOptions Opts;
  llvm::SourceMgr SM;
  DiagnosticPrinter Printer;
  yul::DiagnosticEngine YulDiags;
  yul::ASTContext AST;
  mlir::MLIRContext MLIR;
  mlir::OwningOpRef<mlir::ModuleOp> EVMModule;
  llvm::LLVMContext LLVM;
  std::vector<LLVMObject> Objects;
  /// The code generator's output per object path.
  std::map<std::string, std::string> Code;

  enum StageTy {
    None,
    Parsed,
    InMLIR,
    InLLVM,
    Optimized,
    Generated,
    Assembled
  };
  StageTy Stage = None;
  bool Failed = false;
};

void Compilation::Impl::debugOutput(
    const llvm::Twine &Name,
    llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  if (Opts.DebugOutputDir.empty())
    return;
  llvm::SmallString<256> Path(Opts.DebugOutputDir);
  llvm::sys::path::append(Path, Name);
  if (std::error_code EC =
          llvm::sys::fs::create_directories(Opts.DebugOutputDir)) {
    Printer.error("cannot create " + Opts.DebugOutputDir + ": " + EC.message());
    return;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC) {
    Printer.error("cannot write " + Path + ": " + EC.message());
    return;
  }
  Write(OS);
}

ObjectSource Compilation::Impl::buildSource(const yul::Object &O,
                                            const std::string &Path) {
  ObjectSource S;
  S.Name = O.Name.str();
  S.Code = Code[Path];
  for (const yul::Data &D : O.DataSections)
    S.Data.push_back(DataSection{
        D.Name.str(), std::vector<uint8_t>(D.Bytes.begin(), D.Bytes.end())});
  for (const yul::Object *Sub : O.SubObjects)
    S.Subobjects.push_back(buildSource(*Sub, Path + "." + Sub->Name.str()));
  return S;
}

Compilation::Compilation(std::string Source, std::string FileName,
                         const CompileOptions &Opts, llvm::raw_ostream &Diags)
    : P(std::make_unique<Impl>(std::move(Source), std::move(FileName), Opts,
                               Diags)) {}

Compilation::~Compilation() = default;

void Compilation::setDiagnosticHandler(DiagnosticHandler H) {
  P->Printer.setHandler(std::move(H));
}

bool Compilation::parse() {
  if (P->Stage >= Impl::Parsed || P->Failed)
    return !P->Failed;
  if (!yul::parseYul(P->AST, P->YulDiags) ||
      !yul::analyzeYul(P->AST, P->YulDiags)) {
    FirstError = P->Printer.firstError();
    return !(P->Failed = true);
  }
  P->Stage = Impl::Parsed;
  P->debugOutput(P->stem() + ".ast", [&](llvm::raw_ostream &OS) {
    yul::dumpAST(P->AST, P->SM, OS);
  });
  return true;
}

/// The file position an MLIR location points to, through names and fusions.
static std::optional<mlir::FileLineColLoc> fileLocation(mlir::Location L) {
  if (auto F = mlir::dyn_cast<mlir::FileLineColLoc>(L))
    return F;
  if (auto N = mlir::dyn_cast<mlir::NameLoc>(L))
    return fileLocation(N.getChildLoc());
  if (auto C = mlir::dyn_cast<mlir::CallSiteLoc>(L))
    return fileLocation(C.getCallee());
  if (auto F = mlir::dyn_cast<mlir::FusedLoc>(L))
    for (mlir::Location Inner : F.getLocations())
      if (auto R = fileLocation(Inner))
        return R;
  return std::nullopt;
}

bool Compilation::lowerToMLIR() {
  if (P->Stage >= Impl::InMLIR || P->Failed)
    return !P->Failed;
  if (!parse())
    return false;
  // MLIR reports through its own engine; show those errors like the rest.
  mlir::ScopedDiagnosticHandler Handler(&P->MLIR, [&](mlir::Diagnostic &D) {
    if (D.getSeverity() != mlir::DiagnosticSeverity::Error)
      return mlir::success();
    std::string Message = D.str();
    if (auto L = fileLocation(D.getLocation())) {
      llvm::SMLoc Loc =
          P->SM.FindLocForLineAndColumn(1, L->getLine(), L->getColumn());
      if (Loc.isValid()) {
        P->SM.PrintMessage(Loc, llvm::SourceMgr::DK_Error, Message);
        return mlir::success();
      }
    }
    P->Printer.error(Message);
    return mlir::success();
  });
  P->EVMModule = lowerYulToEVM(P->AST, P->SM, P->MLIR);
  if (!P->EVMModule) {
    if (P->Printer.errorCount() == 0)
      P->Printer.error("internal error: lowering to the evm dialect failed");
    FirstError = P->Printer.firstError();
    return !(P->Failed = true);
  }
  P->Stage = Impl::InMLIR;
  P->debugOutput(P->stem() + ".mlir",
                 [&](llvm::raw_ostream &OS) { P->EVMModule->print(OS); });
  return true;
}

bool Compilation::lowerToLLVM() {
  if (P->Stage >= Impl::InLLVM || P->Failed)
    return !P->Failed;
  if (!lowerToMLIR())
    return false;
  {
    mlir::ScopedDiagnosticHandler Handler(&P->MLIR, [&](mlir::Diagnostic &D) {
      if (D.getSeverity() == mlir::DiagnosticSeverity::Error)
        P->Printer.error("internal error: " + D.str());
      return mlir::success();
    });
    P->Objects = lowerEVMToLLVMIR(*P->EVMModule, P->LLVM);
  }
  if (P->Objects.empty()) {
    if (P->Printer.errorCount() == 0)
      P->Printer.error("internal error: lowering to LLVM IR failed");
    FirstError = P->Printer.firstError();
    return !(P->Failed = true);
  }
  P->Stage = Impl::InLLVM;
  for (const LLVMObject &Obj : P->Objects)
    P->debugOutput(Obj.Path + ".unoptimized.ll", [&](llvm::raw_ostream &OS) {
      Obj.Module->print(OS, nullptr);
    });
  return true;
}

bool Compilation::optimize() {
  if (P->Stage >= Impl::Optimized || P->Failed)
    return !P->Failed;
  if (!lowerToLLVM())
    return false;
  for (const LLVMObject &Obj : P->Objects) {
    // Only the entry point is reached from outside an object: every Yul
    // function is private to it. Saying so lets LLVM inline a function
    // into its only caller, drop unused ones and specialise arguments.
    llvm::internalizeModule(*Obj.Module, [](const llvm::GlobalValue &GV) {
      return GV.getName() == "__entry";
    });
    llvm::Error E = linkRuntime(*Obj.Module);
    if (!E)
      E = optimizeModule(*Obj.Module, P->Opts.Opt);
    if (E) {
      P->Printer.error(llvm::toString(std::move(E)));
      FirstError = P->Printer.firstError();
      return !(P->Failed = true);
    }
    P->debugOutput(Obj.Path + ".optimized.ll", [&](llvm::raw_ostream &OS) {
      Obj.Module->print(OS, nullptr);
    });
  }
  P->Stage = Impl::Optimized;
  return true;
}

bool Compilation::generateCode() {
  if (P->Stage >= Impl::Generated || P->Failed)
    return !P->Failed;
  if (!optimize())
    return false;
#if ZKC_HAVE_CODEGEN
  CodeGenOptions CGOpts;
  if (P->Opts.VerifyRegAlloc)
    CGOpts.VerifyRegAlloc = true;
  for (const LLVMObject &Obj : P->Objects) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    if (llvm::Error E = generateZVMAssembly(*Obj.Module, CGOpts, OS)) {
      P->Printer.error("cannot generate code for object '" + Obj.Path +
                       "': " + llvm::toString(std::move(E)));
      FirstError = P->Printer.firstError();
      return !(P->Failed = true);
    }
    P->debugOutput(Obj.Path + ".code.s",
                   [&](llvm::raw_ostream &Out) { Out << Text; });
    P->Code[Obj.Path] = std::move(Text);
  }
  P->Stage = Impl::Generated;
  return true;
#else
  P->Printer.error("this build of zkc has no ZVM code generator");
  FirstError = P->Printer.firstError();
  return !(P->Failed = true);
#endif
}

bool Compilation::assemble() {
  if (P->Stage >= Impl::Assembled || P->Failed)
    return !P->Failed;
  if (!generateCode())
    return false;
  auto Fail = [&](const llvm::Twine &Message) {
    P->Printer.error(Message);
    FirstError = P->Printer.firstError();
    return !(P->Failed = true);
  };
  const yul::Object &Root = *P->AST.Root;
  ObjectSource Source = P->buildSource(Root, Root.Name.str());
  if (P->Opts.MetadataHash) {
    auto Hash = keccak256(reinterpret_cast<const uint8_t *>(P->Source.data()),
                          P->Source.size());
    runtimeObject(Source).Metadata.assign(Hash.begin(), Hash.end());
  }
  auto Text = composeAssembly(Source);
  if (!Text)
    return Fail(llvm::toString(Text.takeError()));
  Result.Name = Root.Name.str();
  Result.Assembly = std::move(*Text);
  P->debugOutput(Result.Name + ".s",
                 [&](llvm::raw_ostream &OS) { OS << Result.Assembly; });

  std::string AsmErrors;
  llvm::raw_string_ostream AsmOS(AsmErrors);
  std::optional<Object> Obj =
      assembleText(Result.Assembly, AsmOS, Result.Name + ".s");
  if (!Obj)
    return Fail("internal error: the generated assembly does not assemble:\n" +
                AsmErrors);
  Result.UnlinkedLibraries = linkLibraries(*Obj, P->Opts.Libraries);
  auto Bytes = writeObject(*Obj);
  if (!Bytes)
    return Fail(llvm::toString(Bytes.takeError()));
  Result.Obj = std::move(*Obj);
  Result.Bytes = std::move(*Bytes);
  P->debugOutput(Result.Name + ".zbin", [&](llvm::raw_ostream &OS) {
    OS.write(reinterpret_cast<const char *>(Result.Bytes.data()),
             Result.Bytes.size());
  });
  P->Stage = Impl::Assembled;
  return true;
}

void Compilation::printAST(llvm::raw_ostream &OS) const {
  yul::dumpAST(P->AST, P->SM, OS);
}

void Compilation::printMLIR(llvm::raw_ostream &OS, bool Locations) const {
  mlir::OpPrintingFlags Flags;
  if (Locations)
    Flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
  P->EVMModule->print(OS, Flags);
}

void Compilation::printLLVM(llvm::raw_ostream &OS) const {
  for (const LLVMObject &Obj : P->Objects) {
    OS << "; zvm object: " << Obj.Path << '\n';
    Obj.Module->print(OS, nullptr);
  }
}
