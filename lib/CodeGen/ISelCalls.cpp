//===-- ISelCalls.cpp - Calls, builtins and intrinsics
//---------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Calls to `zvm.*` declarations become the ZVM instruction of the same
// builtin; calls to LLVM intrinsics are expanded inline; calls to defined
// functions follow the calling convention of docs/codegen.md: arguments in
// the outgoing block (which is the callee's r0, r1, ...), `fcall` with the
// window base at the frame top, results read back from the same registers.
//
//===----------------------------------------------------------------------===//

#include "ISelLowering.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;
using zkc::getInstrInfo;
using zkc::InstrInfo;
using zkc::InstrTable;
using zkc::Opcode;
using namespace zkc::codegen;

void FunctionSelector::selectCall(CallInst &I) {
  if (I.isInlineAsm())
    return fail(&I, "inline assembly");
  if (auto *II = dyn_cast<IntrinsicInst>(&I))
    return selectIntrinsic(*II);
  Function *Callee = I.getCalledFunction();
  if (!Callee)
    return selectFunctionCall(I, nullptr);
  if (Callee->getName().starts_with("zvm.")) {
    if (!selectBuiltin(I, Callee->getName().drop_front(4)))
      fail(&I, "the builtin '" + Callee->getName() + "'");
    return;
  }
  if (Callee->isDeclaration())
    return fail(&I,
                "a call to the undefined function '" + Callee->getName() + "'");
  selectFunctionCall(I, Callee);
}

void FunctionSelector::passOutgoing(ArrayRef<Value *> Args,
                                    const CallInst *Call) {
  unsigned Next = 0;
  for (auto [ArgNo, A] : enumerate(Args)) {
    if (Call && Call->isByValArgument(ArgNo)) {
      // The callee owns a copy of the pointee: one in this frame, made
      // before the call.
      unsigned Copy = byValCopy(A, Call->getParamByValType(ArgNo));
      emit(Opcode::Mov, {outReg(Next++)}, {Copy});
      continue;
    }
    std::optional<APInt> C = constantValue(A);
    if (C && numParts(A->getType()) == 1) {
      // Constants go straight into the outgoing register.
      emitConstantInto(outReg(Next++), C->trunc(256));
      continue;
    }
    for (unsigned R : parts(A))
      emit(Opcode::Mov, {outReg(Next++)}, {R});
  }
  MF->MaxOutRegs = std::max(MF->MaxOutRegs, Next);
}

unsigned FunctionSelector::byValCopy(Value *Ptr, Type *T) {
  if (Ptr->getType()->getPointerAddressSpace() != 0) {
    fail(CurInstr, "a byval argument outside the stack");
    return constant(0);
  }
  uint64_t Size = DL.getTypeAllocSize(T);
  uint64_t Offset = alignTo(MF->FrameObjectBytes, 32);
  MF->FrameObjectBytes = Offset + std::max<uint64_t>(Size, 1);
  unsigned Dst = emitOp(Opcode::SpAddr, {}, int64_t(Offset));
  unsigned Src = reg(Ptr);
  // Words, then the bytes of a partial last word (a whole-word access
  // there could reach beyond the source object).
  uint64_t Done = 0;
  for (; Done + 32 <= Size; Done += 32)
    emit(Opcode::StStore, {}, {Dst, emitOp(Opcode::StLoad, {Src}, Done)}, Done);
  for (; Done < Size; ++Done)
    emit(Opcode::StStore8, {}, {Dst, emitOp(Opcode::StLoad8, {Src}, Done)},
         Done);
  return Dst;
}

void FunctionSelector::selectFunctionCall(CallInst &I, Function *Callee) {
  SmallVector<Value *, 8> Args(I.args());
  // The code address is read before the arguments are in place, so that
  // its register is live only up to the call.
  unsigned Target = Callee ? 0 : reg(I.getCalledOperand());
  passOutgoing(Args, &I);
  if (Callee) {
    MInstr Call(static_cast<unsigned>(Opcode::FCall));
    Call.Sym = Info.FunctionLabels.lookup(Callee->getName());
    Cur->Instrs.push_back(std::move(Call));
  } else {
    emit(Opcode::FCallR, {}, {Target});
  }
  unsigned N = numParts(I.getType());
  if (!I.getType()->isVoidTy() && !N)
    return fail(&I, "a call returning a value of an unsupported type");
  if (N > MaxParts)
    return fail(&I, "a call with too many result registers");
  MF->MaxOutRegs = std::max(MF->MaxOutRegs, N);
  SmallVector<unsigned, 2> Results;
  for (unsigned R = 0; R < N; ++R) {
    unsigned D = MF->newVReg();
    emit(Opcode::Mov, {D}, {outReg(R)});
    Results.push_back(D);
  }
  if (N)
    setParts(&I, Results);
}

/// The relative name under which the assembler knows a marker global: the
/// object's own path, its subobjects and its data sections are named
/// relative to it.
std::string FunctionSelector::objectName(const Value *Marker, StringRef Prefix,
                                         bool RelativeToObject) {
  StringRef Name = Marker->stripPointerCasts()->getName();
  if (!Name.consume_front(Prefix))
    return {};
  if (!RelativeToObject)
    return Name.str();
  StringRef Path = Info.ObjectPath;
  if (Name == Path) {
    // The object itself: any name that is neither a data section nor a
    // subobject; its own last path component is the natural one.
    return Path.rsplit('.').second.empty() ? Path.str()
                                           : Path.rsplit('.').second.str();
  }
  if (Name.consume_front(Path) && Name.consume_front("."))
    return Name.str();
  return {};
}

bool FunctionSelector::selectBuiltin(CallInst &I, StringRef Name) {
  // The builtins that name objects, data, immutables and libraries.
  if (Name == "datasize" || Name == "dataoffset") {
    std::string Target =
        objectName(I.getArgOperand(0), "zvm.object.", /*Relative=*/true);
    if (Target.empty())
      Target =
          objectName(I.getArgOperand(0), "zvm.data." + Info.ObjectPath + ".",
                     /*Relative=*/false);
    if (Target.empty())
      return false;
    setReg(&I, emitSym(Opcode::Li,
                       "@" + Name.str() + "(" + quoteAsmString(Target) + ")"));
    return true;
  }
  if (Name == "loadimmutable" || Name == "linkersymbol") {
    bool Immutable = Name == "loadimmutable";
    std::string Target = objectName(
        I.getArgOperand(0), Immutable ? "zvm.immutable." : "zvm.library.",
        /*Relative=*/false);
    if (Target.empty())
      return false;
    setReg(&I, emitSym(Opcode::Ldc, (Immutable ? "@immutable(" : "@library(") +
                                        quoteAsmString(Target) + ")"));
    return true;
  }
  if (Name == "setimmutable") {
    // The runtime object's copy in the heap at `offset` gets the value in
    // the pool slot of the immutable.
    std::string Target =
        objectName(I.getArgOperand(1), "zvm.immutable.", /*Relative=*/false);
    if (Target.empty())
      return false;
    emit(Opcode::MStore, {}, {reg(I.getArgOperand(0)), reg(I.getArgOperand(2))})
        .Sym = "@immutableoffset(" + quoteAsmString(Target) + ")";
    return true;
  }

  // Everything else is the instruction of the same name.
  std::string Mnemonic = StringSwitch<std::string>(Name)
                             .Case("calldatasize", "cdsize")
                             .Case("returndatasize", "rdsize")
                             .Case("returndatacopy", "rdcopy")
                             .Default(Name.str());
  std::optional<Opcode> Op;
  for (unsigned C = 0; C < 256; ++C)
    if (InstrTable[C].Defined && InstrTable[C].Mnemonic == Mnemonic)
      Op = static_cast<Opcode>(C);
  if (!Op)
    return false;
  const InstrInfo &II = getInstrInfo(*Op);
  SmallVector<unsigned, 1> Defs;
  SmallVector<unsigned, 3> Uses;
  unsigned NextArg = 0;
  for (char K : II.Operands) {
    switch (K) {
    case 'd':
      Defs.push_back(MF->newVReg());
      break;
    case 's':
    case 'r':
      if (NextArg >= I.arg_size())
        return false;
      Uses.push_back(reg(I.getArgOperand(NextArg++)));
      break;
    case 'b': {
      if (I.arg_size() - NextArg != II.Block)
        return false;
      SmallVector<Value *, 8> Block;
      for (unsigned A = NextArg; A < I.arg_size(); ++A)
        Block.push_back(I.getArgOperand(A));
      NextArg = I.arg_size();
      passOutgoing(Block);
      break;
    }
    default:
      return false;
    }
  }
  if (NextArg != I.arg_size() ||
      Defs.size() != (I.getType()->isVoidTy() ? 0u : 1u))
    return false;
  emit(*Op, Defs, Uses);
  if (!Defs.empty())
    setReg(&I, Defs[0]);
  return true;
}

void FunctionSelector::selectIntrinsic(IntrinsicInst &I) {
  Intrinsic::ID ID = I.getIntrinsicID();
  auto Arg = [&](unsigned N) { return I.getArgOperand(N); };
  Type *T = I.getType();
  unsigned W = widthOf(T->isStructTy() ? T->getStructElementType(0) : T);
  switch (ID) {
  // Hints and markers: nothing to do.
  case Intrinsic::assume:
  case Intrinsic::lifetime_start:
  case Intrinsic::lifetime_end:
  case Intrinsic::dbg_declare:
  case Intrinsic::dbg_value:
  case Intrinsic::dbg_label:
  case Intrinsic::donothing:
  case Intrinsic::sideeffect:
  case Intrinsic::experimental_noalias_scope_decl:
  case Intrinsic::pseudoprobe:
  case Intrinsic::invariant_end:
    return;
  case Intrinsic::invariant_start:
    return;
  case Intrinsic::expect:
  case Intrinsic::expect_with_probability:
    return setParts(&I, SmallVector<unsigned, 2>(parts(Arg(0))));
  case Intrinsic::trap:
  case Intrinsic::ubsantrap:
    emit(Opcode::Invalid, {}, {});
    return;

  case Intrinsic::memcpy:
  case Intrinsic::memcpy_inline:
  case Intrinsic::memmove: {
    auto &MT = cast<MemTransferInst>(I);
    unsigned SrcAS = MT.getSourceAddressSpace();
    if (MT.getDestAddressSpace() != 1)
      return fail(&I, "a memory copy outside the heap");
    Opcode Op;
    switch (SrcAS) {
    case 1:
      Op = Opcode::MCopy;
      break;
    case 2:
      Op = Opcode::CdCopy;
      break;
    case 3:
      Op = Opcode::RdCopy;
      break;
    case 4:
      Op = Opcode::CodeCopy;
      break;
    default:
      return fail(&I, "a memory copy from address space " + Twine(SrcAS));
    }
    if (ID == Intrinsic::memmove && SrcAS != 1)
      return fail(&I, "a memmove into the heap from another address space");
    unsigned Dst = addressValue(MT.getRawDest());
    unsigned Src = addressValue(MT.getRawSource());
    emit(Op, {}, {Dst, Src, reg(MT.getLength())});
    return;
  }

  case Intrinsic::umin:
  case Intrinsic::umax:
  case Intrinsic::smin:
  case Intrinsic::smax: {
    CmpInst::Predicate P = ID == Intrinsic::umin   ? CmpInst::ICMP_ULT
                           : ID == Intrinsic::umax ? CmpInst::ICMP_UGT
                           : ID == Intrinsic::smin ? CmpInst::ICMP_SLT
                                                   : CmpInst::ICMP_SGT;
    unsigned C = selectCompare(P, Arg(0), Arg(1));
    return setReg(&I, emitOp(Opcode::Select, {C, reg(Arg(0)), reg(Arg(1))}));
  }
  case Intrinsic::abs: {
    unsigned S = signExtend(reg(Arg(0)), W);
    unsigned Neg = emitOp(Opcode::MulI, {S}, -1);
    unsigned IsNeg = emitOp(Opcode::SLtI, {S}, 0);
    return setReg(&I, mask(emitOp(Opcode::Select, {IsNeg, Neg, S}), W));
  }
  case Intrinsic::ctlz: {
    unsigned C = emitOp(Opcode::Clz, {reg(Arg(0))});
    return setReg(&I,
                  W < 256 ? emitOp(Opcode::AddI, {C}, -int64_t(256 - W)) : C);
  }
  case Intrinsic::cttz: {
    // Set bit W so that zero gives W; then the ones below the lowest set
    // bit, (y & -y) - 1, number 256 - clz of them.
    unsigned Y = reg(Arg(0));
    if (W < 256)
      Y = W < 31 ? emitOp(Opcode::OrI, {Y}, int64_t(1) << W)
                 : emitOp(Opcode::Or, {Y, constant(APInt(256, 1).shl(W))});
    unsigned Low = emitOp(Opcode::And, {Y, emitOp(Opcode::MulI, {Y}, -1)});
    unsigned Below = emitOp(Opcode::AddI, {Low}, -1);
    unsigned C = emitOp(Opcode::Clz, {Below});
    return setReg(&I, emitOp(Opcode::Sub, {constant(256), C}));
  }
  case Intrinsic::ctpop: {
    // Bit-parallel counts in ever wider fields; the last step sums the
    // sixteen 16-bit fields with one multiplication into the top field.
    auto Pattern = [](uint64_t Unit, unsigned UnitBits) {
      APInt P(256, 0);
      for (unsigned S = 0; S < 256; S += UnitBits)
        P |= APInt(256, Unit).shl(S);
      return P;
    };
    unsigned X = reg(Arg(0));
    unsigned M1 = constant(Pattern(0x55, 8));
    X = emitOp(Opcode::Sub,
               {X, emitOp(Opcode::And, {emitOp(Opcode::ShrI, {X}, 1), M1})});
    unsigned M2 = constant(Pattern(0x33, 8));
    X = emitOp(Opcode::Add,
               {emitOp(Opcode::And, {X, M2}),
                emitOp(Opcode::And, {emitOp(Opcode::ShrI, {X}, 2), M2})});
    unsigned M4 = constant(Pattern(0x0f, 8));
    X = emitOp(Opcode::And,
               {emitOp(Opcode::Add, {X, emitOp(Opcode::ShrI, {X}, 4)}), M4});
    unsigned M8 = constant(Pattern(0x00ff, 16));
    X = emitOp(Opcode::And,
               {emitOp(Opcode::Add, {X, emitOp(Opcode::ShrI, {X}, 8)}), M8});
    X = emitOp(Opcode::Mul, {X, constant(Pattern(1, 16))});
    return setReg(&I, emitOp(Opcode::ShrI, {X}, 240));
  }
  case Intrinsic::bswap: {
    if (W % 8 || W > 64)
      return fail(&I, "a byte swap of this width");
    unsigned X = reg(Arg(0));
    unsigned N = W / 8;
    unsigned R = ~0u;
    for (unsigned K = 0; K < N; ++K) {
      // Byte K from the least significant end is EVM byte 31 - K.
      unsigned B = emitOp(Opcode::ByteI, {X}, 31 - K);
      unsigned Shifted =
          N - 1 - K ? emitOp(Opcode::ShlI, {B}, 8 * (N - 1 - K)) : B;
      R = R == ~0u ? Shifted : emitOp(Opcode::Or, {R, Shifted});
    }
    return setReg(&I, R);
  }
  case Intrinsic::fshl:
  case Intrinsic::fshr: {
    // fshl(a, b, s) = a << s | b >> (W - s), s taken modulo W; a shift by
    // W of a canonical value gives zero on the ZVM, as s = 0 needs.
    unsigned A = reg(Arg(0)), B = reg(Arg(1));
    unsigned S;
    std::optional<APInt> C = constantValue(Arg(2));
    if (C) {
      S = constant(C->urem(W));
    } else {
      S = reg(Arg(2));
      S = W == 256             ? emitOp(Opcode::AndI, {S}, 255)
          : (W & (W - 1)) == 0 ? emitOp(Opcode::AndI, {S}, W - 1)
                               : emitOp(Opcode::Mod, {S, constant(W)});
    }
    unsigned Rest = emitOp(Opcode::Sub, {constant(W), S});
    unsigned R;
    if (ID == Intrinsic::fshl)
      R = emitOp(Opcode::Or,
                 {emitOp(Opcode::Shl, {A, S}), emitOp(Opcode::Shr, {B, Rest})});
    else
      R = emitOp(Opcode::Or,
                 {emitOp(Opcode::Shr, {B, S}), emitOp(Opcode::Shl, {A, Rest})});
    return setReg(&I, mask(R, W));
  }

  case Intrinsic::uadd_with_overflow:
  case Intrinsic::usub_with_overflow:
  case Intrinsic::umul_with_overflow:
  case Intrinsic::smul_with_overflow:
  case Intrinsic::sadd_with_overflow:
  case Intrinsic::ssub_with_overflow: {
    unsigned A = reg(Arg(0)), B = reg(Arg(1));
    unsigned R, Overflow;
    switch (ID) {
    case Intrinsic::uadd_with_overflow:
      R = emitOp(Opcode::Add, {A, B});
      Overflow =
          W == 256 ? emitOp(Opcode::Lt, {R, A}) : emitOp(Opcode::ShrI, {R}, W);
      break;
    case Intrinsic::usub_with_overflow:
      R = emitOp(Opcode::Sub, {A, B});
      Overflow = emitOp(Opcode::Lt, {A, B});
      break;
    case Intrinsic::umul_with_overflow: {
      R = emitOp(Opcode::Mul, {A, B});
      if (W <= 128) {
        Overflow = emitOp(Opcode::GtI, {emitOp(Opcode::ShrI, {R}, W)}, 0);
        break;
      }
      std::optional<APInt> CA = constantValue(Arg(0)),
                           CB = constantValue(Arg(1));
      if (CA && !CB) {
        std::swap(A, B);
        std::swap(CA, CB);
      }
      if (CB && !CB->trunc(W).isZero()) {
        // By a constant c: the product leaves W bits exactly when the other
        // operand exceeds (2^W - 1) / c.
        APInt Limit = APInt::getLowBitsSet(256, W).udiv(CB->trunc(W).zext(256));
        if (std::optional<int64_t> Imm = asImm32(Limit))
          Overflow = emitOp(Opcode::GtI, {A}, *Imm);
        else
          Overflow = emitOp(Opcode::Gt, {A, constant(Limit)});
        break;
      }
      // A wrapped product is smaller than the exact one, so dividing it
      // back by a non-zero A gives less than B; dividing an exact one gives
      // B. When A is zero nothing overflows: compare B with itself.
      unsigned Back = emitOp(Opcode::Div, {R, A});
      Back = emitOp(Opcode::Select, {A, Back, B});
      Overflow = emitOp(Opcode::Lt, {Back, B});
      if (W < 256)
        Overflow = emitOp(
            Opcode::Or,
            {Overflow, emitOp(Opcode::GtI, {emitOp(Opcode::ShrI, {R}, W)}, 0)});
      break;
    }
    case Intrinsic::smul_with_overflow: {
      unsigned SA = signExtend(A, W), SB = signExtend(B, W);
      R = emitOp(Opcode::Mul, {SA, SB});
      std::optional<APInt> CA = constantValue(Arg(0)),
                           CB = constantValue(Arg(1));
      if (CA && !CB) {
        std::swap(SA, SB);
        std::swap(CA, CB);
      }
      if (W == 256 && CB && !CB->isZero()) {
        // By a constant c: the product fits exactly when the other operand
        // lies in [lo, hi], the quotients of the extremes by c rounded
        // towards zero; one unsigned comparison tests that range.
        APInt Min = APInt::getSignedMinValue(256),
              Max = APInt::getSignedMaxValue(256);
        APInt Lo, Hi;
        if (CB->isAllOnes()) {
          Lo = -Max;
          Hi = Max;
        } else if (CB->isNegative()) {
          Lo = Max.sdiv(*CB);
          Hi = Min.sdiv(*CB);
        } else {
          Lo = Min.sdiv(*CB);
          Hi = Max.sdiv(*CB);
        }
        APInt MinusLo = -Lo;
        unsigned Shifted = asImm32(MinusLo)
                               ? emitOp(Opcode::AddI, {SA}, *asImm32(MinusLo))
                               : emitOp(Opcode::Add, {SA, constant(MinusLo)});
        APInt Span = Hi - Lo;
        Overflow = asImm32(Span)
                       ? emitOp(Opcode::GtI, {Shifted}, *asImm32(Span))
                       : emitOp(Opcode::Gt, {Shifted, constant(Span)});
        break;
      }
      // Products of operands of up to 128 bits are exact in 256 bits and
      // overflow only when they leave W bits. Wider ones may wrap: a wrapped
      // product is found by dividing it back by a non-zero SA. SDIV of
      // -2^255 by -1 gives -2^255, so -1 * -2^255 passes that test; it is
      // caught by its sign instead: two negative operands cannot give a
      // negative exact product.
      if (W < 256) {
        unsigned Fits = signExtend(mask(R, W), W);
        Overflow = emitOp(Opcode::IsZero, {emitOp(Opcode::Eq, {Fits, R})});
      }
      if (W > 128) {
        unsigned Back = emitOp(Opcode::SDiv, {R, SA});
        Back = emitOp(Opcode::Select, {SA, Back, SB});
        unsigned Wrong =
            emitOp(Opcode::IsZero, {emitOp(Opcode::Eq, {Back, SB})});
        unsigned AllNegative = emitOp(
            Opcode::SLtI,
            {emitOp(Opcode::And, {emitOp(Opcode::And, {SA, SB}), R})}, 0);
        Wrong = emitOp(Opcode::Or, {Wrong, AllNegative});
        Overflow = W < 256 ? emitOp(Opcode::Or, {Overflow, Wrong}) : Wrong;
      }
      break;
    }
    default: {
      bool Add = ID == Intrinsic::sadd_with_overflow;
      if (W == 256) {
        R = emitOp(Add ? Opcode::Add : Opcode::Sub, {A, B});
        // Overflow when the result's sign differs from what the operands'
        // signs force.
        unsigned X = Add ? emitOp(Opcode::And, {emitOp(Opcode::Xor, {A, R}),
                                                emitOp(Opcode::Xor, {B, R})})
                         : emitOp(Opcode::And, {emitOp(Opcode::Xor, {A, B}),
                                                emitOp(Opcode::Xor, {A, R})});
        Overflow = emitOp(Opcode::SLtI, {X}, 0);
      } else {
        unsigned SA = signExtend(A, W), SB = signExtend(B, W);
        R = emitOp(Add ? Opcode::Add : Opcode::Sub, {SA, SB});
        unsigned Fits = signExtend(mask(R, W), W);
        Overflow = emitOp(Opcode::IsZero, {emitOp(Opcode::Eq, {Fits, R})});
      }
      break;
    }
    }
    return setParts(&I, {mask(R, W), Overflow});
  }
  case Intrinsic::uadd_sat:
  case Intrinsic::usub_sat: {
    unsigned A = reg(Arg(0)), B = reg(Arg(1));
    if (ID == Intrinsic::usub_sat) {
      unsigned D = emitOp(Opcode::Sub, {A, B});
      unsigned Under = emitOp(Opcode::Lt, {A, B});
      return setReg(&I, emitOp(Opcode::Select, {Under, constant(0), D}));
    }
    unsigned S = emitOp(Opcode::Add, {A, B});
    unsigned Over =
        W == 256 ? emitOp(Opcode::Lt, {S, A}) : emitOp(Opcode::ShrI, {S}, W);
    unsigned Max = constant(APInt::getLowBitsSet(256, W));
    return setReg(&I, mask(emitOp(Opcode::Select, {Over, Max, S}), W));
  }
  default:
    return fail(&I, "the intrinsic '" + I.getCalledFunction()->getName() + "'");
  }
}
