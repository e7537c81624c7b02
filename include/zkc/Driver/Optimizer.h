//===-- zkc/Driver/Optimizer.h - The LLVM pass pipeline ---------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Runs LLVM's standard per-module pipeline for -O0 ... -Oz on one object's
// module. The target library information declares no library functions: a
// ZVM object links against nothing, so LLVM must not turn loops into memset
// or memcpy calls, nor calls into other calls it believes exist.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_OPTIMIZER_H
#define ZKC_DRIVER_OPTIMIZER_H

#include "zkc/Driver/Options.h"

namespace llvm {
class Module;
} // namespace llvm

namespace zkc {

/// Optimises M in place at Level. The module is verified afterwards; a
/// module that does not verify is an internal error.
llvm::Error optimizeModule(llvm::Module &M, OptLevel Level);

} // namespace zkc

#endif // ZKC_DRIVER_OPTIMIZER_H
