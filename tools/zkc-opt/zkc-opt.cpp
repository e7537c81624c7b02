//===-- zkc-opt.cpp - MLIR optimizer driver for the evm dialect -----------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// mlir-opt with the evm dialect and zkc's passes registered, for the dialect
// and conversion tests.
//
//===----------------------------------------------------------------------===//

#include "zkc/Conversion/EVMToLLVM/EVMToLLVM.h"
#include "zkc/Dialect/EVM/IR/EVMDialect.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int Argc, char **Argv) {
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  zkc::registerEVMToLLVMPass();
  mlir::DialectRegistry Registry;
  Registry.insert<zkc::evm::EVMDialect, mlir::arith::ArithDialect,
                  mlir::cf::ControlFlowDialect, mlir::func::FuncDialect,
                  mlir::LLVM::LLVMDialect>();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(Argc, Argv, "zkc MLIR optimizer driver\n", Registry));
}
