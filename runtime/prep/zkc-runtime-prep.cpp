//===-- zkc-runtime-prep.cpp - Turn clang's bitcode into ZVM bitcode ------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A build step. clang has no ZVM target, so the runtime's C is compiled for
// x86-64 (the one 64-bit target whose clang accepts unsigned _BitInt(256)).
// This tool makes that bitcode a ZVM module:
//
//  - the ZVM data layout and triple replace x86-64's;
//  - target attributes (CPU, features, frame pointers, stack protector,
//    unwind tables) are removed;
//  - x86-64 passes and returns _BitInt(256) through memory (byval, sret); each
//    Libcalls.def function gets the direct signature the code generator
//    calls, `i256 (i256, ...)`, wrapped around clang's and inlined;
//  - the module is optimised at -O2 under the ZVM layout, with no library
//    functions, and everything but the Libcalls.def functions is dropped.
//
// Then it checks what must hold for the code generator: every Libcalls.def
// function is defined with its prototype's arity; no function touches memory
// (so nothing depends on pointer size); no integer is wider than a word; no
// operation that the code generator lowers to a runtime call (a 256-bit byte
// swap, 512-bit division) remains, since that would be a call to itself.
//
// Output: the bitcode, and a C++ include file embedding it for lib/Driver.
//
//===----------------------------------------------------------------------===//

#include "zkc/Conversion/EVMToLLVM/EVMToLLVM.h"

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/AttributeMask.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

#include <string>
#include <vector>

using namespace llvm;

namespace {

struct LibcallInfo {
  StringRef Symbol;
  StringRef Prototype;
};

const LibcallInfo Libcalls[] = {
#define ZVM_LIBCALL(Name, Symbol, Prototype) {Symbol, Prototype},
#include "zkc/CodeGen/Libcalls.def"
};

[[noreturn]] void fail(const Twine &Msg) {
  errs() << "zkc-runtime-prep: error: " << Msg << "\n";
  exit(1);
}

/// Parameters of a "u256 f(u256 a, u256 b)" prototype.
unsigned arity(StringRef Prototype) {
  StringRef Params = Prototype.split('(').second.rsplit(')').first.trim();
  if (Params.empty() || Params == "void")
    return 0;
  return Params.count(',') + 1;
}

void stripTargetAttributes(Function &F) {
  AttributeMask Mask;
  for (Attribute A : F.getAttributes().getFnAttrs())
    if (A.isStringAttribute())
      Mask.addAttribute(A.getKindAsString());
  for (Attribute::AttrKind K :
       {Attribute::UWTable, Attribute::StackProtect, Attribute::StackProtectReq,
        Attribute::StackProtectStrong, Attribute::NoRedZone,
        Attribute::OptimizeNone})
    Mask.addAttribute(K);
  F.removeFnAttrs(Mask);
}

/// Gives F the signature `i256 (i256 x N)` when clang passed words in
/// memory: the new function stores its arguments, calls the old one (now
/// internal and always inlined) and loads the result.
void restoreDirectSignature(Module &M, Function &F, unsigned Arity) {
  Type *Word = IntegerType::get(M.getContext(), 256);
  bool HasSRet =
      F.arg_size() > 0 && F.hasParamAttribute(0, Attribute::StructRet);
  if (!HasSRet && F.getReturnType() == Word && F.arg_size() == Arity &&
      all_of(F.args(), [&](Argument &A) { return A.getType() == Word; }))
    return;
  if (F.arg_size() != Arity + (HasSRet ? 1 : 0))
    fail(F.getName() + " does not have " + Twine(Arity) + " parameters");
  std::string Name = F.getName().str();
  F.setName(Name + ".abi");
  F.setLinkage(GlobalValue::InternalLinkage);
  F.addFnAttr(Attribute::AlwaysInline);
  auto *FT =
      FunctionType::get(Word, SmallVector<Type *, 4>(Arity, Word), false);
  Function *NF = Function::Create(FT, GlobalValue::ExternalLinkage, Name, M);
  NF->addFnAttr(Attribute::NoUnwind);
  IRBuilder<> B(BasicBlock::Create(M.getContext(), "entry", NF));
  SmallVector<Value *, 5> Args;
  Value *Result = nullptr;
  unsigned Next = 0;
  for (Argument &A : F.args()) {
    if (HasSRet && A.getArgNo() == 0) {
      Result = B.CreateAlloca(Word);
      Args.push_back(Result);
      continue;
    }
    Value *Arg = NF->getArg(Next++);
    if (A.hasByValAttr() || A.getType()->isPointerTy()) {
      Value *Slot = B.CreateAlloca(Word);
      B.CreateStore(Arg, Slot);
      Args.push_back(Slot);
    } else if (A.getType() == Word) {
      Args.push_back(Arg);
    } else {
      fail(F.getName() + ": unexpected parameter type");
    }
  }
  Value *Call = B.CreateCall(&F, Args);
  B.CreateRet(Result ? B.CreateLoad(Word, Result) : Call);
  if (!Result && F.getReturnType() != Word)
    fail(Name + " does not return a word");
}

void optimize(Module &M) {
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  TargetLibraryInfoImpl TLII{Triple(M.getTargetTriple())};
  TLII.disableAllFunctions();
  FAM.registerPass([&] { return TargetLibraryAnalysis(TLII); });
  PassBuilder PB;
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  PB.buildPerModuleDefaultPipeline(OptimizationLevel::O2).run(M, MAM);
}

/// What the code generator needs of the runtime; see the file comment.
void check(Module &M) {
  for (const LibcallInfo &L : Libcalls) {
    Function *F = M.getFunction(L.Symbol);
    if (!F || F->isDeclaration())
      fail("the runtime does not define " + L.Symbol);
    if (F->arg_size() != arity(L.Prototype))
      fail(L.Symbol + " does not match its prototype '" + L.Prototype + "'");
  }
  for (Function &F : M) {
    if (F.isDeclaration()) {
      if (!F.isIntrinsic())
        fail("the runtime calls an external function, " + F.getName());
      if (F.getIntrinsicID() == Intrinsic::bswap &&
          F.getReturnType()->getIntegerBitWidth() >= 256)
        fail("the optimised runtime contains " + F.getName() +
             ", which the code generator lowers to a runtime call");
      continue;
    }
    for (Instruction &I : instructions(F)) {
      if (I.mayReadOrWriteMemory() && !isa<CallInst>(I))
        fail(F.getName() + " accesses memory: '" + I.getOpcodeName() + "'");
      if (isa<AllocaInst>(I) || isa<PtrToIntInst>(I) || isa<IntToPtrInst>(I) ||
          isa<GetElementPtrInst>(I))
        fail(F.getName() + " uses pointers: '" + I.getOpcodeName() + "'");
      // Values wider than a word would need the code generator to split
      // them; the runtime works on words only.
      for (Value *V : I.operand_values())
        if (auto *IT = dyn_cast<IntegerType>(V->getType());
            IT && IT->getBitWidth() > 256)
          fail(F.getName() + " computes on i" + Twine(IT->getBitWidth()));
      if (auto *IT = dyn_cast<IntegerType>(I.getType()))
        if (IT->getBitWidth() > 256)
          fail(F.getName() + " computes on i" + Twine(IT->getBitWidth()));
      if ((I.getOpcode() == Instruction::UDiv ||
           I.getOpcode() == Instruction::URem ||
           I.getOpcode() == Instruction::SDiv ||
           I.getOpcode() == Instruction::SRem) &&
          I.getType()->getIntegerBitWidth() > 256)
        fail(F.getName() + " divides " +
             Twine(I.getType()->getIntegerBitWidth()) +
             "-bit values, which the code generator lowers to a runtime call");
    }
  }
}

void writeInclude(StringRef Path, const SmallVectorImpl<char> &Bitcode) {
  std::error_code EC;
  ToolOutputFile Out(Path, EC, sys::fs::OF_Text);
  if (EC)
    fail(Path + ": " + EC.message());
  raw_ostream &OS = Out.os();
  OS << "// Generated by zkc-runtime-prep from runtime/lib: do not edit.\n"
     << "alignas(16) static const unsigned char RuntimeBitcodeData[] = {";
  for (size_t I = 0; I < Bitcode.size(); ++I)
    OS << (I % 16 ? " " : "\n  ") << unsigned(uint8_t(Bitcode[I])) << ',';
  OS << "\n};\n";
  Out.keep();
}

} // namespace

int main(int Argc, char **Argv) {
  if (Argc < 4) {
    errs() << "usage: zkc-runtime-prep OUT.bc OUT.inc IN.bc...\n";
    return 2;
  }
  LLVMContext Context;
  auto M = std::make_unique<Module>("zvm-runtime", Context);
  for (int I = 3; I < Argc; ++I) {
    SMDiagnostic Err;
    std::unique_ptr<Module> Part = parseIRFile(Argv[I], Err, Context);
    if (!Part)
      fail(Twine(Argv[I]) + ": " + Err.getMessage());
    Part->setDataLayout(M->getDataLayout());
    Part->setTargetTriple(M->getTargetTriple());
    if (Linker::linkModules(*M, std::move(Part)))
      fail(Twine("cannot link ") + Argv[I]);
  }
  M->setDataLayout(zkc::ZVMDataLayout);
  M->setTargetTriple(zkc::ZVMTargetTriple);
  M->setModuleInlineAsm("");
  // Module flags describe x86-64 code generation (PIC level, uwtable).
  if (NamedMDNode *Flags = M->getModuleFlagsMetadata())
    M->eraseNamedMetadata(Flags);
  if (NamedMDNode *Ident = M->getNamedMetadata("llvm.ident"))
    M->eraseNamedMetadata(Ident);

  for (Function &F : *M)
    stripTargetAttributes(F);
  for (const LibcallInfo &L : Libcalls)
    if (Function *F = M->getFunction(L.Symbol); F && !F->isDeclaration())
      restoreDirectSignature(*M, *F, arity(L.Prototype));
  // Only the Libcalls.def functions are the runtime's interface.
  for (Function &F : *M)
    if (!F.isDeclaration() && none_of(Libcalls, [&](const LibcallInfo &L) {
          return L.Symbol == F.getName();
        }))
      F.setLinkage(GlobalValue::InternalLinkage);
  optimize(*M);

  std::string Message;
  raw_string_ostream VOS(Message);
  if (verifyModule(*M, &VOS))
    fail("the runtime module does not verify: " + Message);
  check(*M);

  SmallVector<char, 0> Bitcode;
  raw_svector_ostream BOS(Bitcode);
  WriteBitcodeToFile(*M, BOS);
  std::error_code EC;
  ToolOutputFile Out(Argv[1], EC, sys::fs::OF_None);
  if (EC)
    fail(Twine(Argv[1]) + ": " + EC.message());
  Out.os().write(Bitcode.data(), Bitcode.size());
  Out.keep();
  writeInclude(Argv[2], Bitcode);
  return 0;
}
