//===-- EVMOps.cpp - The evm operations -----------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Verifiers, folders and canonicalization patterns. The folders implement the
// EVM's semantics exactly (docs/evm-dialect.md), so that folding never
// changes what a contract computes.
//
//===----------------------------------------------------------------------===//

#include "zkc/Dialect/EVM/IR/EVMOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace zkc::evm;
using llvm::APInt;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

IntegerAttr zkc::evm::getWordAttr(Builder &B, const APInt &V) {
  return B.getIntegerAttr(B.getIntegerType(256), V);
}

IntegerAttr zkc::evm::getWordAttr(Builder &B, uint64_t V) {
  return getWordAttr(B, APInt(256, V));
}

bool zkc::evm::isConstantWord(Value V, uint64_t C) {
  APInt Bits;
  return matchPattern(V, m_ConstantInt(&Bits)) && Bits == C;
}

IntegerAttr zkc::evm::addWordAttrs(Builder &B, Attribute A, Attribute C) {
  return getWordAttr(B, cast<IntegerAttr>(A).getValue() +
                            cast<IntegerAttr>(C).getValue());
}

//===----------------------------------------------------------------------===//
// Semantics
//===----------------------------------------------------------------------===//

namespace sem = zkc::evm::semantics;

APInt sem::div(const APInt &A, const APInt &B) {
  return B.isZero() ? APInt(256, 0) : A.udiv(B);
}

APInt sem::sdiv(const APInt &A, const APInt &B) {
  if (B.isZero())
    return APInt(256, 0);
  // -2^255 / -1 overflows back to -2^255, as the EVM defines.
  if (A.isMinSignedValue() && B.isAllOnes())
    return A;
  return A.sdiv(B);
}

APInt sem::mod(const APInt &A, const APInt &B) {
  return B.isZero() ? APInt(256, 0) : A.urem(B);
}

APInt sem::smod(const APInt &A, const APInt &B) {
  if (B.isZero() || B.isAllOnes())
    return APInt(256, 0);
  return A.srem(B);
}

APInt sem::exp(const APInt &A, const APInt &B) {
  APInt Result(256, 1), Base = A;
  for (unsigned I = 0, E = B.getActiveBits(); I < E; ++I) {
    if (B[I])
      Result *= Base;
    Base *= Base;
  }
  return Result;
}

APInt sem::signextend(const APInt &A, const APInt &B) {
  if (A.uge(31))
    return B;
  unsigned Bits = 8 * (A.getZExtValue() + 1);
  return B.trunc(Bits).sext(256);
}

APInt sem::byte(const APInt &A, const APInt &B) {
  if (A.uge(32))
    return APInt(256, 0);
  return B.lshr(248 - 8 * A.getZExtValue()) & APInt(256, 0xff);
}

APInt sem::shl(const APInt &Shift, const APInt &V) {
  return Shift.uge(256) ? APInt(256, 0) : V.shl(Shift.getZExtValue());
}

APInt sem::shr(const APInt &Shift, const APInt &V) {
  return Shift.uge(256) ? APInt(256, 0) : V.lshr(Shift.getZExtValue());
}

APInt sem::sar(const APInt &Shift, const APInt &V) {
  return V.ashr(Shift.uge(256) ? 255 : Shift.getZExtValue());
}

APInt sem::addmod(const APInt &A, const APInt &B, const APInt &N) {
  if (N.isZero())
    return APInt(256, 0);
  return (A.zext(257) + B.zext(257)).urem(N.zext(257)).trunc(256);
}

APInt sem::mulmod(const APInt &A, const APInt &B, const APInt &N) {
  if (N.isZero())
    return APInt(256, 0);
  return (A.zext(512) * B.zext(512)).urem(N.zext(512)).trunc(256);
}

//===----------------------------------------------------------------------===//
// Folders
//===----------------------------------------------------------------------===//

static APInt boolWord(bool B) { return APInt(256, B ? 1 : 0); }

template <typename Fn>
static OpFoldResult foldBinary(ArrayRef<Attribute> Operands, Fn &&F) {
  auto A = dyn_cast_or_null<IntegerAttr>(Operands[0]);
  auto B = dyn_cast_or_null<IntegerAttr>(Operands[1]);
  if (!A || !B)
    return {};
  return IntegerAttr::get(A.getType(), F(A.getValue(), B.getValue()));
}

template <typename Fn>
static OpFoldResult foldUnary(ArrayRef<Attribute> Operands, Fn &&F) {
  auto A = dyn_cast_or_null<IntegerAttr>(Operands[0]);
  if (!A)
    return {};
  return IntegerAttr::get(A.getType(), F(A.getValue()));
}

static bool isZeroAttr(Attribute A) {
  auto I = dyn_cast_or_null<IntegerAttr>(A);
  return I && I.getValue().isZero();
}
static bool isOneAttr(Attribute A) {
  auto I = dyn_cast_or_null<IntegerAttr>(A);
  return I && I.getValue().isOne();
}

OpFoldResult AddOp::fold(FoldAdaptor Adaptor) {
  // add(x, 0) -> x
  if (isZeroAttr(Adaptor.getRhs()))
    return getLhs();
  return foldBinary(Adaptor.getOperands(),
                    [](const APInt &A, const APInt &B) { return A + B; });
}

OpFoldResult SubOp::fold(FoldAdaptor Adaptor) {
  // sub(x, 0) -> x
  if (isZeroAttr(Adaptor.getRhs()))
    return getLhs();
  return foldBinary(Adaptor.getOperands(),
                    [](const APInt &A, const APInt &B) { return A - B; });
}

OpFoldResult MulOp::fold(FoldAdaptor Adaptor) {
  // mul(x, 1) -> x; mul(x, 0) -> 0
  if (isOneAttr(Adaptor.getRhs()))
    return getLhs();
  if (isZeroAttr(Adaptor.getRhs()))
    return Adaptor.getRhs();
  return foldBinary(Adaptor.getOperands(),
                    [](const APInt &A, const APInt &B) { return A * B; });
}

OpFoldResult DivOp::fold(FoldAdaptor Adaptor) {
  // div(x, 1) -> x; div(x, 0) -> 0
  if (isOneAttr(Adaptor.getRhs()))
    return getLhs();
  if (isZeroAttr(Adaptor.getRhs()))
    return Adaptor.getRhs();
  return foldBinary(Adaptor.getOperands(), sem::div);
}

OpFoldResult SDivOp::fold(FoldAdaptor Adaptor) {
  if (isZeroAttr(Adaptor.getRhs()))
    return Adaptor.getRhs();
  return foldBinary(Adaptor.getOperands(), sem::sdiv);
}

OpFoldResult ModOp::fold(FoldAdaptor Adaptor) {
  if (isZeroAttr(Adaptor.getRhs()))
    return Adaptor.getRhs();
  return foldBinary(Adaptor.getOperands(), sem::mod);
}

OpFoldResult SModOp::fold(FoldAdaptor Adaptor) {
  if (isZeroAttr(Adaptor.getRhs()))
    return Adaptor.getRhs();
  return foldBinary(Adaptor.getOperands(), sem::smod);
}

OpFoldResult ExpOp::fold(FoldAdaptor Adaptor) {
  // exp(x, 1) -> x
  if (isOneAttr(Adaptor.getRhs()))
    return getLhs();
  return foldBinary(Adaptor.getOperands(), sem::exp);
}

OpFoldResult SignExtendOp::fold(FoldAdaptor Adaptor) {
  return foldBinary(Adaptor.getOperands(), sem::signextend);
}

OpFoldResult LtOp::fold(FoldAdaptor Adaptor) {
  // lt(x, x) -> 0
  if (getLhs() == getRhs()) {
    Builder B(getContext());
    return getWordAttr(B, 0);
  }
  return foldBinary(Adaptor.getOperands(), [](const APInt &A, const APInt &B) {
    return boolWord(A.ult(B));
  });
}

OpFoldResult GtOp::fold(FoldAdaptor Adaptor) {
  if (getLhs() == getRhs()) {
    Builder B(getContext());
    return getWordAttr(B, 0);
  }
  return foldBinary(Adaptor.getOperands(), [](const APInt &A, const APInt &B) {
    return boolWord(A.ugt(B));
  });
}

OpFoldResult SLtOp::fold(FoldAdaptor Adaptor) {
  return foldBinary(Adaptor.getOperands(), [](const APInt &A, const APInt &B) {
    return boolWord(A.slt(B));
  });
}

OpFoldResult SGtOp::fold(FoldAdaptor Adaptor) {
  return foldBinary(Adaptor.getOperands(), [](const APInt &A, const APInt &B) {
    return boolWord(A.sgt(B));
  });
}

OpFoldResult EqOp::fold(FoldAdaptor Adaptor) {
  // eq(x, x) -> 1
  if (getLhs() == getRhs()) {
    Builder B(getContext());
    return getWordAttr(B, 1);
  }
  return foldBinary(Adaptor.getOperands(), [](const APInt &A, const APInt &B) {
    return boolWord(A == B);
  });
}

OpFoldResult IsZeroOp::fold(FoldAdaptor Adaptor) {
  return foldUnary(
      Adaptor.getOperands(), [](const APInt &A) { return boolWord(A.isZero()); });
}

OpFoldResult AndOp::fold(FoldAdaptor Adaptor) {
  // and(x, 0) -> 0; and(x, ~0) -> x
  if (isZeroAttr(Adaptor.getRhs()))
    return Adaptor.getRhs();
  if (auto C = dyn_cast_or_null<IntegerAttr>(Adaptor.getRhs());
      C && C.getValue().isAllOnes())
    return getLhs();
  return foldBinary(Adaptor.getOperands(),
                    [](const APInt &A, const APInt &B) { return A & B; });
}

OpFoldResult OrOp::fold(FoldAdaptor Adaptor) {
  // or(x, 0) -> x
  if (isZeroAttr(Adaptor.getRhs()))
    return getLhs();
  return foldBinary(Adaptor.getOperands(),
                    [](const APInt &A, const APInt &B) { return A | B; });
}

OpFoldResult XorOp::fold(FoldAdaptor Adaptor) {
  // xor(x, 0) -> x
  if (isZeroAttr(Adaptor.getRhs()))
    return getLhs();
  return foldBinary(Adaptor.getOperands(),
                    [](const APInt &A, const APInt &B) { return A ^ B; });
}

OpFoldResult NotOp::fold(FoldAdaptor Adaptor) {
  return foldUnary(Adaptor.getOperands(),
                                       [](const APInt &A) { return ~A; });
}

OpFoldResult ByteOp::fold(FoldAdaptor Adaptor) {
  return foldBinary(Adaptor.getOperands(), sem::byte);
}

OpFoldResult ShlOp::fold(FoldAdaptor Adaptor) {
  // shl(0, x) -> x
  if (isZeroAttr(Adaptor.getLhs()))
    return getRhs();
  return foldBinary(Adaptor.getOperands(), sem::shl);
}

OpFoldResult ShrOp::fold(FoldAdaptor Adaptor) {
  // shr(0, x) -> x
  if (isZeroAttr(Adaptor.getLhs()))
    return getRhs();
  return foldBinary(Adaptor.getOperands(), sem::shr);
}

OpFoldResult SarOp::fold(FoldAdaptor Adaptor) {
  // sar(0, x) -> x
  if (isZeroAttr(Adaptor.getLhs()))
    return getRhs();
  return foldBinary(Adaptor.getOperands(), sem::sar);
}

template <typename Fn>
static OpFoldResult foldTernary(Operation *Op, ArrayRef<Attribute> Operands,
                                Fn &&F) {
  auto A = dyn_cast_or_null<IntegerAttr>(Operands[0]);
  auto B = dyn_cast_or_null<IntegerAttr>(Operands[1]);
  auto N = dyn_cast_or_null<IntegerAttr>(Operands[2]);
  Builder Bld(Op->getContext());
  // (a op b) % 0 -> 0
  if (N && N.getValue().isZero())
    return getWordAttr(Bld, 0);
  if (!A || !B || !N)
    return {};
  return getWordAttr(Bld, F(A.getValue(), B.getValue(), N.getValue()));
}

OpFoldResult AddModOp::fold(FoldAdaptor Adaptor) {
  return foldTernary(*this, Adaptor.getOperands(), sem::addmod);
}

OpFoldResult MulModOp::fold(FoldAdaptor Adaptor) {
  return foldTernary(*this, Adaptor.getOperands(), sem::mulmod);
}

OpFoldResult MemoryGuardOp::fold(FoldAdaptor Adaptor) {
  Builder B(getContext());
  return getWordAttr(B, static_cast<uint64_t>(getSize()));
}

//===----------------------------------------------------------------------===//
// Canonicalization patterns
//===----------------------------------------------------------------------===//

namespace {
#include "zkc/Dialect/EVM/IR/EVMCanonicalization.inc"
} // namespace

void IsZeroOp::getCanonicalizationPatterns(RewritePatternSet &Results,
                                           MLIRContext *Context) {
  Results.add<IsZeroIsZeroIsZero>(Context);
}
void NotOp::getCanonicalizationPatterns(RewritePatternSet &Results,
                                        MLIRContext *Context) {
  Results.add<NotNot>(Context);
}
void SubOp::getCanonicalizationPatterns(RewritePatternSet &Results,
                                        MLIRContext *Context) {
  Results.add<SubSelf>(Context);
}
void XorOp::getCanonicalizationPatterns(RewritePatternSet &Results,
                                        MLIRContext *Context) {
  Results.add<XorSelf>(Context);
}
void AndOp::getCanonicalizationPatterns(RewritePatternSet &Results,
                                        MLIRContext *Context) {
  Results.add<AndSelf>(Context);
}
void OrOp::getCanonicalizationPatterns(RewritePatternSet &Results,
                                       MLIRContext *Context) {
  Results.add<OrSelf>(Context);
}
void EqOp::getCanonicalizationPatterns(RewritePatternSet &Results,
                                       MLIRContext *Context) {
  Results.add<EqZero>(Context);
}
void AddOp::getCanonicalizationPatterns(RewritePatternSet &Results,
                                        MLIRContext *Context) {
  Results.add<AddAddConstants>(Context);
}

//===----------------------------------------------------------------------===//
// Verifiers
//===----------------------------------------------------------------------===//

LogicalResult LogOp::verify() {
  if (getTopics().size() > 4)
    return emitOpError("takes at most 4 topics, got ") << getTopics().size();
  return success();
}

LogicalResult MemoryGuardOp::verify() {
  if (static_cast<int64_t>(getSize()) < 0)
    return emitOpError("size must not be negative");
  return success();
}

void ObjectOp::build(OpBuilder &Builder, OperationState &State,
                     llvm::StringRef Name) {
  State.addAttribute(mlir::SymbolTable::getSymbolAttrName(),
                     Builder.getStringAttr(Name));
  Region *Body = State.addRegion();
  Body->push_back(new Block());
}

CodeOp ObjectOp::getCode() {
  for (Operation &Op : getBodyBlock())
    if (auto Code = dyn_cast<CodeOp>(Op))
      return Code;
  return {};
}

LogicalResult ObjectOp::verify() {
  Operation *Parent = (*this)->getParentOp();
  if (Parent && !isa<ModuleOp, ObjectOp>(Parent))
    return emitOpError("must be nested in a module or another object");
  unsigned NumCode = 0;
  for (Operation &Op : getBodyBlock()) {
    if (isa<CodeOp>(Op))
      ++NumCode;
    else if (!isa<ObjectOp, DataOp, func::FuncOp>(Op))
      return emitOpError("may only hold evm.code, func.func, evm.data and "
                         "evm.object, not ")
             << Op.getName();
  }
  if (NumCode != 1)
    return emitOpError("must hold exactly one evm.code, found ") << NumCode;
  return success();
}

LogicalResult CodeOp::verify() {
  Region &Body = getBody();
  if (Body.empty())
    return emitOpError("must have a body");
  if (Body.front().getNumArguments() != 0)
    return emitOpError("entry block must have no arguments");
  return success();
}

/// Resolves a datasize/dataoffset reference from the enclosing object: the
/// object itself, or a sub-object or data section (nested references go
/// deeper through sub-objects).
static LogicalResult verifyDataRef(Operation *Op, SymbolRefAttr Ref,
                                   SymbolTableCollection &Tables) {
  auto Obj = Op->getParentOfType<ObjectOp>();
  if (!Obj)
    return Op->emitOpError("must be inside an evm.object");
  if (Ref.getNestedReferences().empty() &&
      Ref.getRootReference() == Obj.getSymNameAttr())
    return success();
  Operation *Target = Tables.lookupSymbolIn(Obj, Ref);
  if (!Target || !isa<ObjectOp, DataOp>(Target))
    return Op->emitOpError("refers to ")
           << Ref << ", which is neither this object nor one of its "
                     "sub-objects or data sections";
  return success();
}

LogicalResult DataSizeOp::verifySymbolUses(SymbolTableCollection &Tables) {
  return verifyDataRef(*this, getName(), Tables);
}

LogicalResult DataOffsetOp::verifySymbolUses(SymbolTableCollection &Tables) {
  return verifyDataRef(*this, getName(), Tables);
}

#define GET_OP_CLASSES
#include "zkc/Dialect/EVM/IR/EVMOps.cpp.inc"
