//===-- zkc/Conversion/EVMToLLVM/EVMToLLVM.h - evm to LLVM IR ---*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Lowers the `evm` dialect to the LLVM dialect and then to LLVM IR, one LLVM
// module per Yul object. Heap, calldata, returndata, code, storage and
// transient storage are LLVM address spaces 1 to 6 (docs/evm-dialect.md);
// each builtin becomes LLVM instructions, an intrinsic-like `zvm.*` call the
// code generator selects, or an LLVM memory intrinsic.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CONVERSION_EVMTOLLVM_EVMTOLLVM_H
#define ZKC_CONVERSION_EVMTOLLVM_EVMTOLLVM_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace zkc {

/// LLVM address spaces of the ZVM.
enum ZVMAddressSpace : unsigned {
  AS_Frame = 0,
  AS_Heap = 1,
  AS_CallData = 2,
  AS_ReturnData = 3,
  AS_Code = 4,
  AS_Storage = 5,
  AS_TransientStorage = 6,
};

/// The ZVM's LLVM data layout: big-endian (heap words are big-endian, as
/// mload and mstore see them), 256-bit pointers in every address space,
/// i256 native and 32-byte aligned.
extern const char *const ZVMDataLayout;
extern const char *const ZVMTargetTriple;

/// The `convert-evm-to-llvm` pass: turns every evm.object into a top-level
/// `builtin.module` named by the object's path ("C.C_deployed") holding only
/// LLVM dialect operations; the object's code becomes `llvm.func @__entry`.
std::unique_ptr<mlir::Pass> createEVMToLLVMPass();
void registerEVMToLLVMPass();

struct LLVMObject {
  /// The object's path from the outermost object, joined with '.'.
  std::string Path;
  std::unique_ptr<llvm::Module> Module;
};

/// Runs the conversion on Module (which holds evm.objects) and translates
/// each object to LLVM IR, verified. Returns an empty vector after an error
/// was reported through the MLIR context.
std::vector<LLVMObject> lowerEVMToLLVMIR(mlir::ModuleOp Module,
                                         llvm::LLVMContext &Context);

} // namespace zkc

#endif // ZKC_CONVERSION_EVMTOLLVM_EVMTOLLVM_H
