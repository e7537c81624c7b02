//===-- zkc/Conversion/YulToEVM/YulToEVM.h - Yul AST to evm -----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Lowers a parsed and checked Yul AST to the `evm` dialect: one evm.object per
// Yul object, its code as an evm.code control-flow graph, Yul functions as
// func.func, Yul variables as SSA values (block arguments where control flow
// joins). Every operation carries the Yul file's line and column and, when
// solc annotated the source with `@src`, the original source range as a
// NameLoc "<file>:<start>:<end>" around it.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CONVERSION_YULTOEVM_YULTOEVM_H
#define ZKC_CONVERSION_YULTOEVM_YULTOEVM_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace llvm {
class SourceMgr;
} // namespace llvm

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace zkc {
namespace yul {
class ASTContext;
} // namespace yul

/// Loads the dialects the lowering produces into Context.
void loadYulToEVMDialects(mlir::MLIRContext &Context);

/// Lowers Ctx, which analyzeYul accepted, to a module holding the outermost
/// evm.object. The result is verified; null when verification fails (a bug,
/// reported through the context's diagnostic handler).
mlir::OwningOpRef<mlir::ModuleOp> lowerYulToEVM(const yul::ASTContext &Ctx,
                                                const llvm::SourceMgr &SM,
                                                mlir::MLIRContext &Context);

} // namespace zkc

#endif // ZKC_CONVERSION_YULTOEVM_YULTOEVM_H
