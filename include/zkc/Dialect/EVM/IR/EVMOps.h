//===-- zkc/Dialect/EVM/IR/EVMOps.h - The evm operations --------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DIALECT_EVM_IR_EVMOPS_H
#define ZKC_DIALECT_EVM_IR_EVMOPS_H

#include "zkc/Dialect/EVM/IR/EVMDialect.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace zkc::evm {
class CodeOp;

/// The i256 attribute with value V.
mlir::IntegerAttr getWordAttr(mlir::Builder &B, const llvm::APInt &V);
mlir::IntegerAttr getWordAttr(mlir::Builder &B, uint64_t V);
/// True when V is defined by a constant equal to C.
bool isConstantWord(mlir::Value V, uint64_t C);
/// (A + B) mod 2^256 of two i256 integer attributes.
mlir::IntegerAttr addWordAttrs(mlir::Builder &B, mlir::Attribute A,
                               mlir::Attribute C);

/// EVM semantics of the pure builtins over 256-bit values, shared by the
/// folders and the tests.
namespace semantics {
llvm::APInt div(const llvm::APInt &A, const llvm::APInt &B);
llvm::APInt sdiv(const llvm::APInt &A, const llvm::APInt &B);
llvm::APInt mod(const llvm::APInt &A, const llvm::APInt &B);
llvm::APInt smod(const llvm::APInt &A, const llvm::APInt &B);
llvm::APInt exp(const llvm::APInt &A, const llvm::APInt &B);
llvm::APInt signextend(const llvm::APInt &A, const llvm::APInt &B);
llvm::APInt byte(const llvm::APInt &A, const llvm::APInt &B);
llvm::APInt shl(const llvm::APInt &Shift, const llvm::APInt &V);
llvm::APInt shr(const llvm::APInt &Shift, const llvm::APInt &V);
llvm::APInt sar(const llvm::APInt &Shift, const llvm::APInt &V);
llvm::APInt addmod(const llvm::APInt &A, const llvm::APInt &B,
                   const llvm::APInt &N);
llvm::APInt mulmod(const llvm::APInt &A, const llvm::APInt &B,
                   const llvm::APInt &N);
} // namespace semantics
} // namespace zkc::evm

#define GET_OP_CLASSES
#include "zkc/Dialect/EVM/IR/EVMOps.h.inc"

#endif // ZKC_DIALECT_EVM_IR_EVMOPS_H
