//===-- EVMCanonicalization.td - evm rewrite patterns ------*- tablegen -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Declarative rewrites for the pure EVM operations. Constant folding and the
// single-operation identities (add(x, 0) -> x, ...) are the ops' folders in
// EVMOps.cpp; these patterns rewrite across operations.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DIALECT_EVM_IR_EVMCANONICALIZATION_TD
#define ZKC_DIALECT_EVM_IR_EVMCANONICALIZATION_TD

include "mlir/IR/PatternBase.td"
include "mlir/Dialect/Arith/IR/ArithOps.td"
include "zkc/Dialect/EVM/IR/EVMOps.td"

def EVM_ZeroWord : NativeCodeCall<"::zkc::evm::getWordAttr($_builder, 0)">;
def EVM_IsConstantZero
    : Constraint<CPred<"::zkc::evm::isConstantWord($0, 0)">, "is zero">;
def EVM_AddWordAttrs
    : NativeCodeCall<"::zkc::evm::addWordAttrs($_builder, $0, $1)">;

// iszero(iszero(iszero(x))) -> iszero(x)
def IsZeroIsZeroIsZero : Pat<(EVM_IsZeroOp (EVM_IsZeroOp (EVM_IsZeroOp $x))),
                             (EVM_IsZeroOp $x)>;

// not(not(x)) -> x
def NotNot : Pat<(EVM_NotOp (EVM_NotOp $x)), (replaceWithValue $x)>;

// sub(x, x) -> 0
def SubSelf : Pat<(EVM_SubOp $x, $x), (Arith_ConstantOp (EVM_ZeroWord))>;

// xor(x, x) -> 0
def XorSelf : Pat<(EVM_XorOp $x, $x), (Arith_ConstantOp (EVM_ZeroWord))>;

// and(x, x) -> x
def AndSelf : Pat<(EVM_AndOp $x, $x), (replaceWithValue $x)>;

// or(x, x) -> x
def OrSelf : Pat<(EVM_OrOp $x, $x), (replaceWithValue $x)>;

// eq(x, 0) -> iszero(x)
def EqZero : Pat<(EVM_EqOp $x, $c), (EVM_IsZeroOp $x),
                 [(EVM_IsConstantZero $c)]>;

// add(add(x, c0), c1) -> add(x, c0 + c1)   (mod 2^256)
def AddAddConstants
    : Pat<(EVM_AddOp (EVM_AddOp $x, (Arith_ConstantOp $c0)),
                     (Arith_ConstantOp $c1)),
          (EVM_AddOp $x, (Arith_ConstantOp (EVM_AddWordAttrs $c0, $c1)))>;

#endif // ZKC_DIALECT_EVM_IR_EVMCANONICALIZATION_TD
