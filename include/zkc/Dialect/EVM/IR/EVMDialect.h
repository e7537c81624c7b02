//===-- zkc/Dialect/EVM/IR/EVMDialect.h - The evm dialect -------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The `evm` dialect: EVM instructions over i256 and Yul's object structure.
// docs/evm-dialect.md describes it.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DIALECT_EVM_IR_EVMDIALECT_H
#define ZKC_DIALECT_EVM_IR_EVMDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Dialect.h"

#include "zkc/Dialect/EVM/IR/EVMDialect.h.inc"

#endif // ZKC_DIALECT_EVM_IR_EVMDIALECT_H
