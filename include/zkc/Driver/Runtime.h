//===-- zkc/Driver/Runtime.h - Linking the runtime library ------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The runtime library (runtime/, docs/runtime.md) is C compiled to LLVM
// bitcode at build time and embedded in the driver. It is linked into every
// object's module before optimisation, so the code generator can call its
// functions (include/zkc/CodeGen/Libcalls.def) when it lowers operations the
// ZVM has no instruction for.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_RUNTIME_H
#define ZKC_DRIVER_RUNTIME_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace zkc {

/// The embedded runtime bitcode.
llvm::StringRef runtimeBitcode();

/// The symbols of Libcalls.def, in its order.
llvm::ArrayRef<llvm::StringRef> runtimeLibcallSymbols();

/// Parses the embedded runtime into Context.
llvm::Expected<std::unique_ptr<llvm::Module>>
loadRuntime(llvm::LLVMContext &Context);

/// Links the runtime into M: every runtime function becomes internal, and
/// the Libcalls.def functions are kept alive through llvm.compiler.used
/// until the code generator has lowered its calls to them.
llvm::Error linkRuntime(llvm::Module &M);

} // namespace zkc

#endif // ZKC_DRIVER_RUNTIME_H
