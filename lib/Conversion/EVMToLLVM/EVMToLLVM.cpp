//===-- EVMToLLVM.cpp - Lower the evm dialect to LLVM IR ------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Two steps. First every evm.object is outlined into its own top-level
// builtin.module (its code becomes `@__entry`, its data sections constant
// globals in the code address space, references to objects external
// globals the linker resolves). Then each module is converted to the LLVM
// dialect with the func, cf and arith patterns and the ones below.
//
// The EVM's semantics are kept exactly: LLVM's udiv/sdiv/urem/srem and its
// shifts are undefined or poison where the EVM defines a result, so the
// expansions below select the EVM's answer for those operands.
//
//===----------------------------------------------------------------------===//

#include "zkc/Conversion/EVMToLLVM/EVMToLLVM.h"
#include "zkc/Dialect/EVM/IR/EVMDialect.h"
#include "zkc/Dialect/EVM/IR/EVMOps.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/LLVMCommon/ConversionTarget.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace zkc;
using llvm::APInt;

const char *const zkc::ZVMDataLayout =
    "E-p:256:256-p1:256:256-p2:256:256-p3:256:256-p4:256:256-p5:256:256-"
    "p6:256:256-i1:8-i8:8-i16:16-i32:32-i64:64-i128:128-i256:256-n256-S256";
const char *const zkc::ZVMTargetTriple = "zvm-unknown-unknown";

/// Attribute on datasize/dataoffset naming the global they resolve to once
/// the objects are outlined and symbol references no longer resolve.
static constexpr llvm::StringLiteral TargetAttr = "zvm.target";

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static Type wordType(MLIRContext *C) { return IntegerType::get(C, 256); }

static Value word(OpBuilder &B, Location L, const APInt &V) {
  return B.create<LLVM::ConstantOp>(
      L, wordType(B.getContext()),
      B.getIntegerAttr(wordType(B.getContext()), V));
}
static Value word(OpBuilder &B, Location L, uint64_t V) {
  return word(B, L, APInt(256, V));
}

static Value pointer(OpBuilder &B, Location L, unsigned AS, Value Address) {
  return B.create<LLVM::IntToPtrOp>(
      L, LLVM::LLVMPointerType::get(B.getContext(), AS), Address);
}

static Value boolToWord(OpBuilder &B, Location L, Value I1) {
  return B.create<LLVM::ZExtOp>(L, wordType(B.getContext()), I1);
}

static Value icmp(OpBuilder &B, Location L, LLVM::ICmpPredicate P, Value A,
                  Value C) {
  return B.create<LLVM::ICmpOp>(L, P, A, C);
}

static Value select(OpBuilder &B, Location L, Value C, Value T, Value F) {
  return B.create<LLVM::SelectOp>(L, C, T, F);
}

/// An external global marking an object, immutable or library for the
/// linker, in the code address space.
static Value markerAddress(OpBuilder &B, Location L, ModuleOp M,
                           StringRef Name) {
  auto Global = M.lookupSymbol<LLVM::GlobalOp>(Name);
  if (!Global) {
    OpBuilder::InsertionGuard Guard(B);
    B.setInsertionPointToStart(M.getBody());
    Global = B.create<LLVM::GlobalOp>(
        L, IntegerType::get(B.getContext(), 8), /*isConstant=*/true,
        LLVM::Linkage::External, Name, Attribute(), /*alignment=*/0,
        /*addrSpace=*/AS_Code);
  }
  return B.create<LLVM::AddressOfOp>(L, Global);
}

/// A call to the intrinsic-like function Name, declared on first use.
/// Marker: one argument is the address of a marker global that the
/// code generator resolves at compile time; such calls are `nomerge`, so
/// that LLVM never merges two of them into one call taking a phi or select
/// of markers, which no instruction could encode.
static LLVM::CallOp callIntrinsic(OpBuilder &B, Location L, ModuleOp M,
                                  StringRef Name, TypeRange Results,
                                  ValueRange Args, bool NoReturn = false,
                                  bool ReadNone = false, bool Marker = false) {
  MLIRContext *C = B.getContext();
  auto Fn = M.lookupSymbol<LLVM::LLVMFuncOp>(Name);
  if (!Fn) {
    Type Result = Results.empty() ? LLVM::LLVMVoidType::get(C) : Results[0];
    auto FnType =
        LLVM::LLVMFunctionType::get(Result, llvm::to_vector(Args.getTypes()));
    OpBuilder::InsertionGuard Guard(B);
    B.setInsertionPointToStart(M.getBody());
    Fn = B.create<LLVM::LLVMFuncOp>(L, Name, FnType);
    SmallVector<Attribute, 2> Passthrough{StringAttr::get(C, "nounwind")};
    if (NoReturn)
      Passthrough.push_back(StringAttr::get(C, "noreturn"));
    if (Marker)
      Passthrough.push_back(StringAttr::get(C, "nomerge"));
    if (ReadNone) {
      Passthrough.push_back(StringAttr::get(C, "willreturn"));
      Fn.setMemoryAttr(LLVM::MemoryEffectsAttr::get(
          C, {LLVM::ModRefInfo::NoModRef, LLVM::ModRefInfo::NoModRef,
              LLVM::ModRefInfo::NoModRef}));
    }
    Fn.setPassthroughAttr(ArrayAttr::get(C, Passthrough));
  }
  return B.create<LLVM::CallOp>(L, Fn, Args);
}

/// "evm.calldatasize" -> "zvm.calldatasize".
static std::string intrinsicName(Operation *Op) {
  return ("zvm." + Op->getName().stripDialect()).str();
}

//===----------------------------------------------------------------------===//
// Expansions of the arithmetic builtins
//===----------------------------------------------------------------------===//

using ExpandFn = Value (*)(OpBuilder &, Location, ValueRange);
using P = LLVM::ICmpPredicate;

template <typename LLVMOp>
static Value expandBinary(OpBuilder &B, Location L, ValueRange A) {
  return B.create<LLVMOp>(L, A[0], A[1]);
}

template <P Pred>
static Value expandCompare(OpBuilder &B, Location L, ValueRange A) {
  return boolToWord(B, L, icmp(B, L, Pred, A[0], A[1]));
}

static Value expandIsZero(OpBuilder &B, Location L, ValueRange A) {
  return boolToWord(B, L, icmp(B, L, P::eq, A[0], word(B, L, 0)));
}

static Value expandNot(OpBuilder &B, Location L, ValueRange A) {
  return B.create<LLVM::XOrOp>(L, A[0], word(B, L, APInt::getAllOnes(256)));
}

// div(a, b) = b == 0 ? 0 : a udiv b   (the divisor is made 1 so udiv is
// defined)
template <typename LLVMOp>
static Value expandUnsignedDivRem(OpBuilder &B, Location L, ValueRange A) {
  Value Zero = word(B, L, 0);
  Value IsZero = icmp(B, L, P::eq, A[1], Zero);
  Value Safe = select(B, L, IsZero, word(B, L, 1), A[1]);
  Value R = B.create<LLVMOp>(L, A[0], Safe);
  return select(B, L, IsZero, Zero, R);
}

// sdiv(a, b) = b == 0 ? 0 : (a == -2^255 && b == -1) ? a : a sdiv b
static Value expandSDiv(OpBuilder &B, Location L, ValueRange A) {
  Value Zero = word(B, L, 0);
  Value IsZero = icmp(B, L, P::eq, A[1], Zero);
  Value Overflow = B.create<LLVM::AndOp>(
      L, icmp(B, L, P::eq, A[0], word(B, L, APInt::getSignedMinValue(256))),
      icmp(B, L, P::eq, A[1], word(B, L, APInt::getAllOnes(256))));
  Value Bad = B.create<LLVM::OrOp>(L, IsZero, Overflow);
  // a sdiv 1 == a is the EVM's answer for the overflow case.
  Value Safe = select(B, L, Bad, word(B, L, 1), A[1]);
  Value R = B.create<LLVM::SDivOp>(L, A[0], Safe);
  return select(B, L, IsZero, Zero, R);
}

// smod(a, b) = (b == 0 || b == -1) ? 0 : a srem b   (a srem 1 == 0)
static Value expandSMod(OpBuilder &B, Location L, ValueRange A) {
  Value Bad = B.create<LLVM::OrOp>(
      L, icmp(B, L, P::eq, A[1], word(B, L, 0)),
      icmp(B, L, P::eq, A[1], word(B, L, APInt::getAllOnes(256))));
  Value Safe = select(B, L, Bad, word(B, L, 1), A[1]);
  return B.create<LLVM::SRemOp>(L, A[0], Safe);
}

// shl(s, v) = s >= 256 ? 0 : v << s ; shr likewise.
template <typename LLVMOp>
static Value expandLogicalShift(OpBuilder &B, Location L, ValueRange A) {
  Value Big = icmp(B, L, P::uge, A[0], word(B, L, 256));
  Value Shifted = B.create<LLVMOp>(L, A[1], A[0]);
  return select(B, L, Big, word(B, L, 0), Shifted);
}

// sar(s, v) = v >>s min(s, 255)
static Value expandSar(OpBuilder &B, Location L, ValueRange A) {
  Value Max = word(B, L, 255);
  Value Amount = select(B, L, icmp(B, L, P::ugt, A[0], Max), Max, A[0]);
  return B.create<LLVM::AShrOp>(L, A[1], Amount);
}

// byte(i, x) = i >= 32 ? 0 : (x >> (248 - 8i)) & 0xff
static Value expandByte(OpBuilder &B, Location L, ValueRange A) {
  Value Big = icmp(B, L, P::uge, A[0], word(B, L, 32));
  Value Index = select(B, L, Big, word(B, L, 0), A[0]);
  Value Shift = B.create<LLVM::SubOp>(
      L, word(B, L, 248), B.create<LLVM::MulOp>(L, Index, word(B, L, 8)));
  Value Byte = B.create<LLVM::AndOp>(L, B.create<LLVM::LShrOp>(L, A[1], Shift),
                                     word(B, L, 0xff));
  return select(B, L, Big, word(B, L, 0), Byte);
}

// signextend(b, x): s = 248 - 8 * min(b, 31); (x << s) >>s s
static Value expandSignExtend(OpBuilder &B, Location L, ValueRange A) {
  Value Max = word(B, L, 31);
  Value Index = select(B, L, icmp(B, L, P::ugt, A[0], Max), Max, A[0]);
  Value Shift = B.create<LLVM::SubOp>(
      L, word(B, L, 248), B.create<LLVM::MulOp>(L, Index, word(B, L, 8)));
  return B.create<LLVM::AShrOp>(L, B.create<LLVM::ShlOp>(L, A[1], Shift),
                                Shift);
}

//===----------------------------------------------------------------------===//
// Memory, storage and copies
//===----------------------------------------------------------------------===//

template <unsigned AS>
static Value expandLoad(OpBuilder &B, Location L, ValueRange A) {
  return B.create<LLVM::LoadOp>(L, wordType(B.getContext()),
                                pointer(B, L, AS, A[0]), /*alignment=*/1);
}

template <unsigned AS>
static Value expandStore(OpBuilder &B, Location L, ValueRange A) {
  B.create<LLVM::StoreOp>(L, A[1], pointer(B, L, AS, A[0]), /*alignment=*/1);
  return {};
}

static Value expandMStore8(OpBuilder &B, Location L, ValueRange A) {
  Value Byte = B.create<LLVM::TruncOp>(L, B.getI8Type(), A[1]);
  B.create<LLVM::StoreOp>(L, Byte, pointer(B, L, AS_Heap, A[0]), 1);
  return {};
}

// mcopy(dst, src, n): heap to heap, overlapping allowed.
static Value expandMCopy(OpBuilder &B, Location L, ValueRange A) {
  B.create<LLVM::MemmoveOp>(L, pointer(B, L, AS_Heap, A[0]),
                            pointer(B, L, AS_Heap, A[1]), A[2],
                            /*isVolatile=*/false);
  return {};
}

// calldatacopy/codecopy/datacopy(dst, src, n): reads past the end of
// calldata and code yield zeros on the ZVM, as on the EVM.
template <unsigned AS>
static Value expandCopyToHeap(OpBuilder &B, Location L, ValueRange A) {
  B.create<LLVM::MemcpyOp>(L, pointer(B, L, AS_Heap, A[0]),
                           pointer(B, L, AS, A[1]), A[2],
                           /*isVolatile=*/false);
  return {};
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

namespace {

/// Replaces an op by the value an expansion function builds (or erases it
/// when the expansion has no result).
template <typename OpTy>
struct ExpandLowering : public OpConversionPattern<OpTy> {
  ExpandLowering(MLIRContext *C, ExpandFn Fn)
      : OpConversionPattern<OpTy>(C), Fn(Fn) {}
  LogicalResult
  matchAndRewrite(OpTy Op, typename OpTy::Adaptor Adaptor,
                  ConversionPatternRewriter &Rewriter) const override {
    Value V = Fn(Rewriter, Op.getLoc(), Adaptor.getOperands());
    if (V)
      Rewriter.replaceOp(Op, V);
    else
      Rewriter.eraseOp(Op);
    return success();
  }
  ExpandFn Fn;
};

/// Replaces an op by a call to `zvm.<mnemonic>` with the same operands.
template <typename OpTy>
struct IntrinsicLowering : public OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy Op, typename OpTy::Adaptor Adaptor,
                  ConversionPatternRewriter &Rewriter) const override {
    auto M = Op->template getParentOfType<ModuleOp>();
    auto Call = callIntrinsic(Rewriter, Op.getLoc(), M, intrinsicName(Op),
                              Op->getResultTypes(), Adaptor.getOperands(),
                              /*NoReturn=*/false, isMemoryEffectFree(Op));
    Rewriter.replaceOp(Op, Call->getResults());
    return success();
  }
};

/// evm.return/revert/stop/invalid: a noreturn call, then unreachable.
template <typename OpTy>
struct TerminatorLowering : public OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy Op, typename OpTy::Adaptor Adaptor,
                  ConversionPatternRewriter &Rewriter) const override {
    constexpr bool Succeeds = std::is_same_v<OpTy, evm::ReturnOp> ||
                              std::is_same_v<OpTy, evm::StopOp>;
    auto M = Op->template getParentOfType<ModuleOp>();
    auto Fn = Op->template getParentOfType<FunctionOpInterface>();
    bool InEntry = Succeeds && Fn && Fn.getName() == "__entry";
    if (InEntry && std::is_same_v<OpTy, evm::StopOp>) {
      Rewriter.replaceOpWithNewOp<LLVM::ReturnOp>(Op, ValueRange());
      return success();
    }
    callIntrinsic(Rewriter, Op.getLoc(), M, intrinsicName(Op), {},
                  Adaptor.getOperands(), /*NoReturn=*/!Succeeds);
    if (InEntry)
      Rewriter.replaceOpWithNewOp<LLVM::ReturnOp>(Op, ValueRange());
    else
      Rewriter.replaceOpWithNewOp<LLVM::UnreachableOp>(Op);
    return success();
  }
};

struct LogLowering : public OpConversionPattern<evm::LogOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(evm::LogOp Op, OpAdaptor Adaptor,
                  ConversionPatternRewriter &Rewriter) const override {
    auto M = Op->getParentOfType<ModuleOp>();
    std::string Name = "zvm.log" + std::to_string(Op.getTopics().size());
    callIntrinsic(Rewriter, Op.getLoc(), M, Name, {}, Adaptor.getOperands());
    Rewriter.eraseOp(Op);
    return success();
  }
};

/// datasize/dataoffset: a call on the marker global of the object or data.
template <typename OpTy>
struct DataRefLowering : public OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy Op, typename OpTy::Adaptor Adaptor,
                  ConversionPatternRewriter &Rewriter) const override {
    auto Target = Op->template getAttrOfType<StringAttr>(TargetAttr);
    if (!Target)
      return Rewriter.notifyMatchFailure(Op, "object was not outlined");
    auto M = Op->template getParentOfType<ModuleOp>();
    Value Marker;
    if (auto Data = M.template lookupSymbol<LLVM::GlobalOp>(Target.getValue()))
      Marker = Rewriter.create<LLVM::AddressOfOp>(Op.getLoc(), Data);
    else
      Marker = markerAddress(Rewriter, Op.getLoc(), M, Target.getValue());
    auto Call = callIntrinsic(Rewriter, Op.getLoc(), M, intrinsicName(Op),
                              Op->getResultTypes(), Marker,
                              /*NoReturn=*/false, /*ReadNone=*/true,
                              /*Marker=*/true);
    Rewriter.replaceOp(Op, Call->getResults());
    return success();
  }
};

struct SetImmutableLowering : public OpConversionPattern<evm::SetImmutableOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(evm::SetImmutableOp Op, OpAdaptor Adaptor,
                  ConversionPatternRewriter &Rewriter) const override {
    auto M = Op->getParentOfType<ModuleOp>();
    Value Marker = markerAddress(Rewriter, Op.getLoc(), M,
                                 ("zvm.immutable." + Op.getName()).str());
    callIntrinsic(Rewriter, Op.getLoc(), M, "zvm.setimmutable", {},
                  {Adaptor.getOffset(), Marker, Adaptor.getValue()},
                  /*NoReturn=*/false, /*ReadNone=*/false, /*Marker=*/true);
    Rewriter.eraseOp(Op);
    return success();
  }
};

struct LoadImmutableLowering
    : public OpConversionPattern<evm::LoadImmutableOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(evm::LoadImmutableOp Op, OpAdaptor Adaptor,
                  ConversionPatternRewriter &Rewriter) const override {
    auto M = Op->getParentOfType<ModuleOp>();
    Value Marker = markerAddress(Rewriter, Op.getLoc(), M,
                                 ("zvm.immutable." + Op.getName()).str());
    auto Call = callIntrinsic(Rewriter, Op.getLoc(), M, "zvm.loadimmutable",
                              Op->getResultTypes(), Marker,
                              /*NoReturn=*/false, /*ReadNone=*/true,
                              /*Marker=*/true);
    Rewriter.replaceOp(Op, Call->getResults());
    return success();
  }
};

struct LinkerSymbolLowering : public OpConversionPattern<evm::LinkerSymbolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(evm::LinkerSymbolOp Op, OpAdaptor Adaptor,
                  ConversionPatternRewriter &Rewriter) const override {
    auto M = Op->getParentOfType<ModuleOp>();
    Value Marker = markerAddress(Rewriter, Op.getLoc(), M,
                                 ("zvm.library." + Op.getPath()).str());
    auto Call = callIntrinsic(Rewriter, Op.getLoc(), M, "zvm.linkersymbol",
                              Op->getResultTypes(), Marker,
                              /*NoReturn=*/false, /*ReadNone=*/true,
                              /*Marker=*/true);
    Rewriter.replaceOp(Op, Call->getResults());
    return success();
  }
};

struct MemoryGuardLowering : public OpConversionPattern<evm::MemoryGuardOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(evm::MemoryGuardOp Op, OpAdaptor Adaptor,
                  ConversionPatternRewriter &Rewriter) const override {
    Rewriter.replaceOp(
        Op, word(Rewriter, Op.getLoc(), static_cast<uint64_t>(Op.getSize())));
    return success();
  }
};

} // namespace

static void populateEVMToLLVMPatterns(RewritePatternSet &Patterns) {
  MLIRContext *C = Patterns.getContext();
  Patterns.add<ExpandLowering<evm::AddOp>>(C, expandBinary<LLVM::AddOp>);
  Patterns.add<ExpandLowering<evm::SubOp>>(C, expandBinary<LLVM::SubOp>);
  Patterns.add<ExpandLowering<evm::MulOp>>(C, expandBinary<LLVM::MulOp>);
  Patterns.add<ExpandLowering<evm::AndOp>>(C, expandBinary<LLVM::AndOp>);
  Patterns.add<ExpandLowering<evm::OrOp>>(C, expandBinary<LLVM::OrOp>);
  Patterns.add<ExpandLowering<evm::XorOp>>(C, expandBinary<LLVM::XOrOp>);
  Patterns.add<ExpandLowering<evm::NotOp>>(C, expandNot);
  Patterns.add<ExpandLowering<evm::LtOp>>(C, expandCompare<P::ult>);
  Patterns.add<ExpandLowering<evm::GtOp>>(C, expandCompare<P::ugt>);
  Patterns.add<ExpandLowering<evm::SLtOp>>(C, expandCompare<P::slt>);
  Patterns.add<ExpandLowering<evm::SGtOp>>(C, expandCompare<P::sgt>);
  Patterns.add<ExpandLowering<evm::EqOp>>(C, expandCompare<P::eq>);
  Patterns.add<ExpandLowering<evm::IsZeroOp>>(C, expandIsZero);
  Patterns.add<ExpandLowering<evm::DivOp>>(C,
                                           expandUnsignedDivRem<LLVM::UDivOp>);
  Patterns.add<ExpandLowering<evm::ModOp>>(C,
                                           expandUnsignedDivRem<LLVM::URemOp>);
  Patterns.add<ExpandLowering<evm::SDivOp>>(C, expandSDiv);
  Patterns.add<ExpandLowering<evm::SModOp>>(C, expandSMod);
  Patterns.add<ExpandLowering<evm::ShlOp>>(C, expandLogicalShift<LLVM::ShlOp>);
  Patterns.add<ExpandLowering<evm::ShrOp>>(C, expandLogicalShift<LLVM::LShrOp>);
  Patterns.add<ExpandLowering<evm::SarOp>>(C, expandSar);
  Patterns.add<ExpandLowering<evm::ByteOp>>(C, expandByte);
  Patterns.add<ExpandLowering<evm::SignExtendOp>>(C, expandSignExtend);

  Patterns.add<ExpandLowering<evm::MLoadOp>>(C, expandLoad<AS_Heap>);
  Patterns.add<ExpandLowering<evm::MStoreOp>>(C, expandStore<AS_Heap>);
  Patterns.add<ExpandLowering<evm::MStore8Op>>(C, expandMStore8);
  Patterns.add<ExpandLowering<evm::MCopyOp>>(C, expandMCopy);
  Patterns.add<ExpandLowering<evm::SLoadOp>>(C, expandLoad<AS_Storage>);
  Patterns.add<ExpandLowering<evm::SStoreOp>>(C, expandStore<AS_Storage>);
  Patterns.add<ExpandLowering<evm::TLoadOp>>(C,
                                             expandLoad<AS_TransientStorage>);
  Patterns.add<ExpandLowering<evm::TStoreOp>>(C,
                                              expandStore<AS_TransientStorage>);
  Patterns.add<ExpandLowering<evm::CallDataLoadOp>>(C, expandLoad<AS_CallData>);
  Patterns.add<ExpandLowering<evm::CallDataCopyOp>>(
      C, expandCopyToHeap<AS_CallData>);
  Patterns.add<ExpandLowering<evm::CodeCopyOp>>(C, expandCopyToHeap<AS_Code>);
  Patterns.add<ExpandLowering<evm::DataCopyOp>>(C, expandCopyToHeap<AS_Code>);

  Patterns.add<
      // Arithmetic the ZVM has single instructions for.
      IntrinsicLowering<evm::ExpOp>, IntrinsicLowering<evm::AddModOp>,
      IntrinsicLowering<evm::MulModOp>, IntrinsicLowering<evm::Keccak256Op>,
      IntrinsicLowering<evm::MSizeOp>,
      // Environment.
      IntrinsicLowering<evm::GasOp>, IntrinsicLowering<evm::AddressOp>,
      IntrinsicLowering<evm::BalanceOp>, IntrinsicLowering<evm::SelfBalanceOp>,
      IntrinsicLowering<evm::CallerOp>, IntrinsicLowering<evm::CallValueOp>,
      IntrinsicLowering<evm::CallDataSizeOp>,
      IntrinsicLowering<evm::CodeSizeOp>, IntrinsicLowering<evm::ExtCodeSizeOp>,
      IntrinsicLowering<evm::ExtCodeCopyOp>,
      IntrinsicLowering<evm::ExtCodeHashOp>,
      IntrinsicLowering<evm::ReturnDataSizeOp>,
      IntrinsicLowering<evm::ReturnDataCopyOp>,
      IntrinsicLowering<evm::ChainIdOp>, IntrinsicLowering<evm::BaseFeeOp>,
      IntrinsicLowering<evm::BlobBaseFeeOp>, IntrinsicLowering<evm::BlobHashOp>,
      IntrinsicLowering<evm::OriginOp>, IntrinsicLowering<evm::GasPriceOp>,
      IntrinsicLowering<evm::BlockHashOp>, IntrinsicLowering<evm::CoinbaseOp>,
      IntrinsicLowering<evm::TimestampOp>, IntrinsicLowering<evm::NumberOp>,
      IntrinsicLowering<evm::PrevRandaoOp>, IntrinsicLowering<evm::GasLimitOp>,
      // Calls and creation.
      IntrinsicLowering<evm::CallOp>, IntrinsicLowering<evm::DelegateCallOp>,
      IntrinsicLowering<evm::StaticCallOp>, IntrinsicLowering<evm::CreateOp>,
      IntrinsicLowering<evm::Create2Op>,
      // Termination.
      TerminatorLowering<evm::ReturnOp>, TerminatorLowering<evm::RevertOp>,
      TerminatorLowering<evm::StopOp>, TerminatorLowering<evm::InvalidOp>,
      // Objects.
      LogLowering, DataRefLowering<evm::DataSizeOp>,
      DataRefLowering<evm::DataOffsetOp>, SetImmutableLowering,
      LoadImmutableLowering, LinkerSymbolLowering, MemoryGuardLowering>(C);
}

//===----------------------------------------------------------------------===//
// Outlining objects
//===----------------------------------------------------------------------===//

static std::string objectGlobal(StringRef Path) {
  return ("zvm.object." + Path).str();
}

/// Moves Obj (whose path is Path) into a new module at the end of Top, then
/// its sub-objects. Returns failure after reporting an error.
static LogicalResult outlineObject(evm::ObjectOp Obj, StringRef Path,
                                   ModuleOp Top,
                                   SmallVectorImpl<ModuleOp> &Out) {
  MLIRContext *C = Obj.getContext();
  OpBuilder B(C);
  B.setInsertionPointToEnd(Top.getBody());
  auto M = B.create<ModuleOp>(Obj.getLoc(), Path);
  M->setAttr("llvm.data_layout", StringAttr::get(C, ZVMDataLayout));
  M->setAttr("llvm.target_triple", StringAttr::get(C, ZVMTargetTriple));
  M->setAttr("zvm.object", StringAttr::get(C, Path));
  Out.push_back(M);

  // References to objects and data, resolved while the symbols still are.
  std::string Prefix = Path.str();
  auto Resolve = [&](Operation *Op, SymbolRefAttr Ref) {
    if (Ref.getNestedReferences().empty() &&
        Ref.getRootReference() == Obj.getSymNameAttr()) {
      Op->setAttr(TargetAttr, StringAttr::get(C, objectGlobal(Path)));
      return;
    }
    Operation *Target = SymbolTable::lookupSymbolIn(Obj, Ref);
    std::string Name;
    if (isa_and_nonnull<evm::DataOp>(Target)) {
      Name =
          ("zvm.data." + Path + "." + Ref.getLeafReference().getValue()).str();
    } else {
      Name = Prefix + "." + Ref.getRootReference().getValue().str();
      for (FlatSymbolRefAttr Nested : Ref.getNestedReferences())
        Name += "." + Nested.getValue().str();
      Name = objectGlobal(Name);
    }
    Op->setAttr(TargetAttr, StringAttr::get(C, Name));
  };
  Obj.walk([&](Operation *Op) {
    if (auto Size = dyn_cast<evm::DataSizeOp>(Op))
      Resolve(Op, Size.getName());
    else if (auto Offset = dyn_cast<evm::DataOffsetOp>(Op))
      Resolve(Op, Offset.getName());
    // Sub-objects are outlined on their own.
    return isa<evm::ObjectOp>(Op) && Op != Obj.getOperation()
               ? WalkResult::skip()
               : WalkResult::advance();
  });

  SmallVector<evm::ObjectOp, 2> Subs;
  for (Operation &Op : llvm::make_early_inc_range(Obj.getBodyBlock())) {
    if (auto Code = dyn_cast<evm::CodeOp>(Op)) {
      B.setInsertionPointToEnd(M.getBody());
      auto Entry = B.create<func::FuncOp>(Code.getLoc(), "__entry",
                                          B.getFunctionType({}, {}));
      Entry.getBody().takeBody(Code.getBody());
      Code.erase();
    } else if (auto Fn = dyn_cast<func::FuncOp>(Op)) {
      Fn->moveBefore(M.getBody(), M.getBody()->end());
    } else if (auto Data = dyn_cast<evm::DataOp>(Op)) {
      B.setInsertionPointToEnd(M.getBody());
      StringRef Bytes = Data.getBytes();
      auto Type = LLVM::LLVMArrayType::get(IntegerType::get(C, 8),
                                           std::max<size_t>(Bytes.size(), 1));
      B.create<LLVM::GlobalOp>(
          Data.getLoc(), Type, /*isConstant=*/true, LLVM::Linkage::Internal,
          ("zvm.data." + Path + "." + Data.getSymName()).str(),
          B.getStringAttr(Bytes.empty() ? StringRef("\0", 1) : Bytes),
          /*alignment=*/1, /*addrSpace=*/AS_Code);
      Data.erase();
    } else if (auto Sub = dyn_cast<evm::ObjectOp>(Op)) {
      Subs.push_back(Sub);
    }
  }
  for (evm::ObjectOp Sub : Subs)
    if (failed(outlineObject(Sub, (Path + "." + Sub.getSymName()).str(), Top,
                             Out)))
      return failure();
  Obj.erase();
  return success();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {

struct EVMToLLVMPass
    : public PassWrapper<EVMToLLVMPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(EVMToLLVMPass)

  StringRef getArgument() const override { return "convert-evm-to-llvm"; }
  StringRef getDescription() const override {
    return "Lower evm objects to one LLVM dialect module each";
  }
  void getDependentDialects(DialectRegistry &Registry) const override {
    Registry.insert<LLVM::LLVMDialect>();
  }

  void runOnOperation() override {
    ModuleOp Top = getOperation();
    SmallVector<evm::ObjectOp, 1> Objects(Top.getOps<evm::ObjectOp>());
    SmallVector<ModuleOp, 4> Modules;
    for (evm::ObjectOp Obj : Objects)
      if (failed(outlineObject(Obj, Obj.getSymName(), Top, Modules)))
        return signalPassFailure();

    // One pattern set for all objects: building it costs more than
    // converting a typical object.
    LowerToLLVMOptions Options(&getContext());
    LLVMTypeConverter Converter(&getContext(), Options);
    RewritePatternSet Patterns(&getContext());
    arith::populateArithToLLVMConversionPatterns(Converter, Patterns);
    cf::populateControlFlowToLLVMConversionPatterns(Converter, Patterns);
    populateFuncToLLVMConversionPatterns(Converter, Patterns);
    populateEVMToLLVMPatterns(Patterns);
    FrozenRewritePatternSet Frozen(std::move(Patterns));
    LLVMConversionTarget Target(getContext());
    Target.addLegalOp<ModuleOp>();
    for (ModuleOp M : Modules)
      if (failed(applyFullConversion(M, Target, Frozen)))
        return signalPassFailure();
  }
};

} // namespace

std::unique_ptr<Pass> zkc::createEVMToLLVMPass() {
  return std::make_unique<EVMToLLVMPass>();
}

void zkc::registerEVMToLLVMPass() { PassRegistration<EVMToLLVMPass>(); }

std::vector<LLVMObject> zkc::lowerEVMToLLVMIR(ModuleOp Module,
                                              llvm::LLVMContext &Context) {
  MLIRContext *C = Module.getContext();
  registerBuiltinDialectTranslation(*C);
  registerLLVMDialectTranslation(*C);
  C->loadDialect<LLVM::LLVMDialect>();
  PassManager PM(C);
  PM.addPass(createEVMToLLVMPass());
  if (failed(PM.run(Module)))
    return {};
  std::vector<LLVMObject> Objects;
  for (ModuleOp M : Module.getOps<ModuleOp>()) {
    LLVMObject Obj;
    Obj.Path = M.getSymName().value_or("").str();
    Obj.Module = translateModuleToLLVMIR(M, Context, Obj.Path);
    if (!Obj.Module) {
      emitError(M.getLoc())
          << "cannot translate object " << Obj.Path << " to LLVM IR";
      return {};
    }
    // The object's exact path, for the code generator to name data and
    // subobjects relative to it (dotted names make the globals' own names
    // ambiguous).
    Obj.Module->getOrInsertNamedMetadata("zvm.object")
        ->addOperand(
            llvm::MDNode::get(Context, llvm::MDString::get(Context, Obj.Path)));
    std::string Message;
    llvm::raw_string_ostream OS(Message);
    if (llvm::verifyModule(*Obj.Module, &OS)) {
      emitError(M.getLoc()) << "LLVM IR of object " << Obj.Path
                            << " does not verify: " << OS.str();
      return {};
    }
    Objects.push_back(std::move(Obj));
  }
  return Objects;
}
