//===-- EVMDialect.cpp - The evm dialect ----------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Dialect/EVM/IR/EVMDialect.h"
#include "zkc/Dialect/EVM/IR/EVMOps.h"

using namespace mlir;
using namespace zkc::evm;

#include "zkc/Dialect/EVM/IR/EVMDialect.cpp.inc"

void EVMDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "zkc/Dialect/EVM/IR/EVMOps.cpp.inc"
      >();
}

Operation *EVMDialect::materializeConstant(OpBuilder &Builder, Attribute Value,
                                           Type Ty, Location Loc) {
  auto IntAttr = dyn_cast<IntegerAttr>(Value);
  if (!IntAttr || IntAttr.getType() != Ty)
    return nullptr;
  return Builder.create<arith::ConstantOp>(Loc, IntAttr);
}
