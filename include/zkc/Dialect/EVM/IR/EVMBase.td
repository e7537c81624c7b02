//===-- EVMBase.td - The evm dialect and its base classes --*- tablegen -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DIALECT_EVM_IR_EVMBASE_TD
#define ZKC_DIALECT_EVM_IR_EVMBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def EVM_Dialect : Dialect {
  let name = "evm";
  let cppNamespace = "::zkc::evm";
  let summary = "The EVM's instructions and objects over 256-bit words";
  let description = [{
    The `evm` dialect is where both frontends (Yul and EVM bytecode) meet. It
    has one operation for every builtin of Yul's EVM dialect, with the EVM's
    exact semantics over `i256` (division by zero yields zero, shifts by 256
    or more yield zero or the sign, ...), and the structure of a Yul object:
    objects nest, each with one `evm.code` region, functions and data.
    Control flow uses MLIR's `cf` dialect, functions `func`, and constants
    `arith.constant`. docs/evm-dialect.md is the reference.
  }];
  let hasConstantMaterializer = 1;
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::cf::ControlFlowDialect",
    "::mlir::func::FuncDialect"
  ];
}

/// The EVM word.
def EVM_Word : I<256>;

class EVM_Op<string mnemonic, list<Trait> traits = []>
    : Op<EVM_Dialect, mnemonic, traits>;

#endif // ZKC_DIALECT_EVM_IR_EVMBASE_TD
