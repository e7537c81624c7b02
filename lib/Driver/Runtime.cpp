//===-- Runtime.cpp - Linking the runtime library -------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Runtime.h"

#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/Module.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include <string>
#include <vector>

using namespace zkc;
using llvm::StringRef;

// RuntimeBitcodeData: the bitcode zkc-runtime-prep made from runtime/lib.
#include "RuntimeBitcode.inc"

static const StringRef LibcallSymbols[] = {
#define ZVM_LIBCALL(Name, Symbol, Prototype) Symbol,
#include "zkc/CodeGen/Libcalls.def"
};

StringRef zkc::runtimeBitcode() {
  return StringRef(reinterpret_cast<const char *>(RuntimeBitcodeData),
                   sizeof(RuntimeBitcodeData));
}

llvm::ArrayRef<StringRef> zkc::runtimeLibcallSymbols() {
  return LibcallSymbols;
}

llvm::Expected<std::unique_ptr<llvm::Module>>
zkc::loadRuntime(llvm::LLVMContext &Context) {
  return llvm::parseBitcodeFile(
      llvm::MemoryBufferRef(runtimeBitcode(), "zvm-runtime.bc"), Context);
}

llvm::Error zkc::linkRuntime(llvm::Module &M) {
  auto RT = loadRuntime(M.getContext());
  if (!RT)
    return RT.takeError();
  for (StringRef Symbol : LibcallSymbols)
    if (M.getNamedValue(Symbol))
      return llvm::createStringError(
          "the name '" + Symbol +
          "' is reserved for the runtime library and cannot be defined");
  std::vector<std::string> Defined;
  for (llvm::Function &F : **RT)
    if (!F.isDeclaration())
      Defined.push_back(F.getName().str());
  // The runtime was made for exactly this layout; say so, so the linker does
  // not warn about a mismatch when the frontend's string is spelled
  // differently.
  (*RT)->setDataLayout(M.getDataLayout());
  (*RT)->setTargetTriple(M.getTargetTriple());
  if (llvm::Linker::linkModules(M, std::move(*RT)))
    return llvm::createStringError("internal error: cannot link the runtime "
                                   "library into object '" +
                                   M.getName() + "'");
  std::vector<llvm::GlobalValue *> Keep;
  for (const std::string &Name : Defined) {
    llvm::Function *F = M.getFunction(Name);
    F->setLinkage(llvm::GlobalValue::InternalLinkage);
    if (llvm::is_contained(LibcallSymbols, StringRef(Name))) {
      Keep.push_back(F);
      // Only the code generator calls these, after optimisation, and they
      // were optimised when the runtime was built: optimising them again in
      // every module took most of a small contract's compile time.
      F->addFnAttr(llvm::Attribute::OptimizeNone);
      F->addFnAttr(llvm::Attribute::NoInline);
    }
  }
  llvm::appendToCompilerUsed(M, Keep);
  return llvm::Error::success();
}
