//===-- ISelLowering.cpp - Selecting ZVM instructions for IR
//---------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One case per IR instruction kind. Widths up to 256 bits are one register
// (kept zero-extended); 257 to 512 bits are a (low, high) pair, for the
// arithmetic the optimiser forms from 256x256 multiplications and for
// `unsigned _BitInt(512)` in the runtime library.
//
//===----------------------------------------------------------------------===//

#include "ISelLowering.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Operator.h"

using namespace llvm;
using zkc::Opcode;
using namespace zkc::codegen;

void FunctionSelector::selectInstruction(Instruction &I) {
  // Types other than integers, pointers and their aggregates never reach
  // the ZVM (no floating point, no vectors).
  if (!I.getType()->isVoidTy() && !numParts(I.getType()) && !isa<CallInst>(I) &&
      !isa<AllocaInst>(I)) {
    fail(
        &I, "a value of type " + [&] {
          std::string S;
          raw_string_ostream OS(S);
          I.getType()->print(OS);
          return S;
        }());
    return;
  }
  switch (I.getOpcode()) {
  case Instruction::Add:
  case Instruction::Sub:
  case Instruction::Mul:
  case Instruction::And:
  case Instruction::Or:
  case Instruction::Xor:
  case Instruction::Shl:
  case Instruction::LShr:
  case Instruction::AShr:
  case Instruction::UDiv:
  case Instruction::URem:
  case Instruction::SDiv:
  case Instruction::SRem:
    if (numParts(I.getType()) == 2)
      return selectWideBinary(cast<BinaryOperator>(I));
    return selectBinary(cast<BinaryOperator>(I));
  case Instruction::ICmp: {
    auto &Cmp = cast<ICmpInst>(I);
    if (numParts(Cmp.getOperand(0)->getType()) != 1)
      return fail(&I, "a comparison of integers wider than 256 bits");
    return setReg(&I, selectCompare(Cmp.getPredicate(), Cmp.getOperand(0),
                                    Cmp.getOperand(1)));
  }
  case Instruction::Select: {
    auto &Sel = cast<SelectInst>(I);
    unsigned C = reg(Sel.getCondition());
    ArrayRef<unsigned> T = parts(Sel.getTrueValue());
    ArrayRef<unsigned> Fa = parts(Sel.getFalseValue());
    SmallVector<unsigned, 2> Out;
    for (auto [TR, FR] : zip(T, Fa))
      Out.push_back(TR == FR ? TR : emitOp(Opcode::Select, {C, TR, FR}));
    return setParts(&I, Out);
  }
  case Instruction::PHI:
    // Registers now; the copies come once every block is selected.
    (void)parts(&I);
    return;
  case Instruction::Trunc:
  case Instruction::ZExt:
  case Instruction::SExt:
  case Instruction::PtrToInt:
  case Instruction::IntToPtr:
  case Instruction::BitCast:
  case Instruction::AddrSpaceCast:
    return selectCast(cast<CastInst>(I));
  case Instruction::Freeze:
    return setParts(&I, SmallVector<unsigned, 2>(parts(I.getOperand(0))));
  case Instruction::GetElementPtr:
    return setReg(&I, addressValue(&I));
  case Instruction::Load:
    return selectLoad(cast<LoadInst>(I));
  case Instruction::Store:
    return selectStore(cast<StoreInst>(I));
  case Instruction::ExtractValue: {
    auto &EV = cast<ExtractValueInst>(I);
    ArrayRef<unsigned> Agg = parts(EV.getAggregateOperand());
    unsigned Start =
        flatIndex(EV.getAggregateOperand()->getType(), EV.getIndices());
    return setParts(
        &I, SmallVector<unsigned, 2>(Agg.slice(Start, numParts(I.getType()))));
  }
  case Instruction::InsertValue: {
    auto &IV = cast<InsertValueInst>(I);
    SmallVector<unsigned, 4> Agg(parts(IV.getAggregateOperand()));
    ArrayRef<unsigned> Val = parts(IV.getInsertedValueOperand());
    unsigned Start = flatIndex(I.getType(), IV.getIndices());
    for (auto [Idx, R] : enumerate(Val))
      Agg[Start + Idx] = R;
    return setParts(&I, Agg);
  }
  case Instruction::Call:
    return selectCall(cast<CallInst>(I));
  case Instruction::Br:
    return selectBranch(cast<BranchInst>(I));
  case Instruction::Ret: {
    MInstr Ret(codegen::Ret);
    if (Value *V = cast<ReturnInst>(I).getReturnValue())
      for (unsigned R : parts(V))
        Ret.Uses.push_back(R);
    Cur->Instrs.push_back(std::move(Ret));
    return;
  }
  case Instruction::Unreachable:
    // After a halting builtin (return, revert, stop, invalid) nothing is
    // needed; elsewhere reaching it traps.
    if (Cur->Instrs.empty() || !Cur->Instrs.back().isTerminator())
      emit(Opcode::Invalid, {}, {});
    return;
  case Instruction::Alloca:
    return selectAlloca(cast<AllocaInst>(I));
  case Instruction::Switch:
    return fail(&I, "a switch (it should have been lowered)");
  default:
    return fail(&I, Twine("the instruction '") + I.getOpcodeName() + "'");
  }
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

void FunctionSelector::selectBinary(BinaryOperator &I) {
  unsigned W = widthOf(I.getType());
  Value *A = I.getOperand(0), *B = I.getOperand(1);
  bool NUW = isa<OverflowingBinaryOperator>(I) && I.hasNoUnsignedWrap();
  // Operations whose 256-bit result can exceed W bits need a mask.
  bool NeedsMask = W < 256 && !NUW;

  auto Commutative = [&](Opcode RR, Opcode RI) {
    if (std::optional<int64_t> Imm = immediate(B))
      return emitOp(RI, {reg(A)}, *Imm);
    if (std::optional<int64_t> Imm = immediate(A))
      return emitOp(RI, {reg(B)}, *Imm);
    return emitOp(RR, {reg(A), reg(B)});
  };
  auto ShiftAmount = [&]() -> std::optional<int64_t> {
    std::optional<APInt> C = constantValue(B);
    if (C && C->ult(256))
      return C->getZExtValue();
    return std::nullopt;
  };

  unsigned R;
  switch (I.getOpcode()) {
  case Instruction::Add:
    R = Commutative(Opcode::Add, Opcode::AddI);
    break;
  case Instruction::Sub: {
    std::optional<APInt> C = constantValue(B);
    std::optional<int64_t> Neg;
    if (C)
      Neg = asImm32(-C->trunc(256));
    R = Neg ? emitOp(Opcode::AddI, {reg(A)}, *Neg)
            : emitOp(Opcode::Sub, {reg(A), reg(B)});
    break;
  }
  case Instruction::Mul:
    R = Commutative(Opcode::Mul, Opcode::MulI);
    break;
  case Instruction::And:
    R = Commutative(Opcode::And, Opcode::AndI);
    break;
  case Instruction::Or:
    R = Commutative(Opcode::Or, Opcode::OrI);
    break;
  case Instruction::Xor:
    R = Commutative(Opcode::Xor, Opcode::XorI);
    break;
  case Instruction::Shl:
    if (std::optional<int64_t> S = ShiftAmount())
      R = emitOp(Opcode::ShlI, {reg(A)}, *S);
    else
      R = emitOp(Opcode::Shl, {reg(A), reg(B)});
    break;
  case Instruction::LShr:
    if (std::optional<int64_t> S = ShiftAmount())
      R = emitOp(Opcode::ShrI, {reg(A)}, *S);
    else
      R = emitOp(Opcode::Shr, {reg(A), reg(B)});
    NeedsMask = false;
    break;
  case Instruction::AShr: {
    unsigned SA = signExtend(reg(A), W);
    if (std::optional<int64_t> S = ShiftAmount())
      R = emitOp(Opcode::SarI, {SA}, *S);
    else
      R = emitOp(Opcode::Sar, {SA, reg(B)});
    NeedsMask = W < 256;
    break;
  }
  case Instruction::UDiv:
    R = emitOp(Opcode::Div, {reg(A), reg(B)});
    NeedsMask = false;
    break;
  case Instruction::URem:
    R = emitOp(Opcode::Mod, {reg(A), reg(B)});
    NeedsMask = false;
    break;
  case Instruction::SDiv:
  case Instruction::SRem: {
    // LLVM leaves x / 0 and INT_MIN / -1 undefined, so the EVM's answers
    // for them are as good as any.
    unsigned SA = signExtend(reg(A), W), SB = signExtend(reg(B), W);
    R = emitOp(I.getOpcode() == Instruction::SDiv ? Opcode::SDiv : Opcode::SMod,
               {SA, SB});
    NeedsMask = W < 256;
    break;
  }
  default:
    return fail(&I, "this binary operator");
  }
  if (I.getOpcode() == Instruction::And || I.getOpcode() == Instruction::Or ||
      I.getOpcode() == Instruction::Xor)
    NeedsMask = false;
  setReg(&I, NeedsMask ? mask(R, W) : R);
}

unsigned FunctionSelector::selectCompare(CmpInst::Predicate P, Value *A,
                                         Value *B) {
  unsigned W = widthOf(A->getType());
  bool Signed = CmpInst::isSigned(P);
  // Constants on the right.
  if (constantValue(A) && !constantValue(B)) {
    std::swap(A, B);
    P = CmpInst::getSwappedPredicate(P);
  }
  auto Operand = [&](Value *V) {
    unsigned R = reg(V);
    return Signed ? signExtend(R, W) : R;
  };
  std::optional<APInt> C = constantValue(B);
  std::optional<int64_t> Imm;
  APInt CV(256, 0);
  if (C) {
    CV = C->trunc(256);
    if (Signed && W < 256)
      CV = CV.trunc(W).sext(256);
    Imm = asImm32(CV);
  }
  unsigned X = Operand(A);
  auto Cmp = [&](Opcode RR, Opcode RI) {
    return Imm ? emitOp(RI, {X}, *Imm) : emitOp(RR, {X, Operand(B)});
  };
  switch (P) {
  case CmpInst::ICMP_EQ:
    return Cmp(Opcode::Eq, Opcode::EqI);
  case CmpInst::ICMP_NE:
    return emitOp(Opcode::IsZero, {Cmp(Opcode::Eq, Opcode::EqI)});
  case CmpInst::ICMP_ULT:
    return Cmp(Opcode::Lt, Opcode::LtI);
  case CmpInst::ICMP_UGT:
    return Cmp(Opcode::Gt, Opcode::GtI);
  case CmpInst::ICMP_SLT:
    return Cmp(Opcode::SLt, Opcode::SLtI);
  case CmpInst::ICMP_SGT:
    return Cmp(Opcode::SGt, Opcode::SGtI);
  case CmpInst::ICMP_ULE:
    // x <= c is x < c + 1 when c + 1 does not wrap.
    if (Imm && !CV.isAllOnes())
      if (std::optional<int64_t> Next = asImm32(CV + 1))
        return emitOp(Opcode::LtI, {X}, *Next);
    Imm.reset();
    return emitOp(Opcode::IsZero, {Cmp(Opcode::Gt, Opcode::GtI)});
  case CmpInst::ICMP_UGE:
    if (Imm && !CV.isZero())
      if (std::optional<int64_t> Prev = asImm32(CV - 1))
        return emitOp(Opcode::GtI, {X}, *Prev);
    Imm.reset();
    return emitOp(Opcode::IsZero, {Cmp(Opcode::Lt, Opcode::LtI)});
  case CmpInst::ICMP_SLE:
    if (Imm && !CV.isMaxSignedValue())
      if (std::optional<int64_t> Next = asImm32(CV + 1))
        return emitOp(Opcode::SLtI, {X}, *Next);
    Imm.reset();
    return emitOp(Opcode::IsZero, {Cmp(Opcode::SGt, Opcode::SGtI)});
  case CmpInst::ICMP_SGE:
    if (Imm && !CV.isMinSignedValue())
      if (std::optional<int64_t> Prev = asImm32(CV - 1))
        return emitOp(Opcode::SGtI, {X}, *Prev);
    Imm.reset();
    return emitOp(Opcode::IsZero, {Cmp(Opcode::SLt, Opcode::SLtI)});
  default:
    fail(CurInstr, "this comparison predicate");
    return X;
  }
}

void FunctionSelector::selectBranch(BranchInst &I) {
  if (I.isUnconditional()) {
    emit(Opcode::Jmp, {}, {}).Target = Blocks[I.getSuccessor(0)];
    return;
  }
  MBlock *True = Blocks[I.getSuccessor(0)];
  MBlock *False = Blocks[I.getSuccessor(1)];
  auto *Cmp = dyn_cast<ICmpInst>(I.getCondition());
  if (Cmp && isFoldedIntoBranch(*Cmp)) {
    CmpInst::Predicate P = Cmp->getPredicate();
    Value *A = Cmp->getOperand(0), *B = Cmp->getOperand(1);
    if (constantValue(A) && !constantValue(B)) {
      std::swap(A, B);
      P = CmpInst::getSwappedPredicate(P);
    }
    unsigned W = widthOf(A->getType());
    std::optional<APInt> C = constantValue(B);
    bool IsZero = C && C->isZero();
    // Against zero: x == 0, x <= 0 (unsigned) and their negations test one
    // register.
    if (IsZero && (P == CmpInst::ICMP_EQ || P == CmpInst::ICMP_ULE ||
                   P == CmpInst::ICMP_NE || P == CmpInst::ICMP_UGT)) {
      Opcode Op = P == CmpInst::ICMP_EQ || P == CmpInst::ICMP_ULE ? Opcode::Jz
                                                                  : Opcode::Jnz;
      emit(Op, {}, {reg(A)}).Target = True;
    } else {
      bool Signed = CmpInst::isSigned(P);
      unsigned X = reg(A), Y = reg(B);
      if (Signed) {
        X = signExtend(X, W);
        Y = signExtend(Y, W);
      }
      Opcode Op;
      bool Swap = false;
      switch (P) {
      case CmpInst::ICMP_EQ:
        Op = Opcode::Beq;
        break;
      case CmpInst::ICMP_NE:
        Op = Opcode::Bne;
        break;
      case CmpInst::ICMP_ULT:
        Op = Opcode::Bltu;
        break;
      case CmpInst::ICMP_UGE:
        Op = Opcode::Bgeu;
        break;
      case CmpInst::ICMP_UGT:
        Op = Opcode::Bltu;
        Swap = true;
        break;
      case CmpInst::ICMP_ULE:
        Op = Opcode::Bgeu;
        Swap = true;
        break;
      case CmpInst::ICMP_SLT:
        Op = Opcode::Blt;
        break;
      case CmpInst::ICMP_SGE:
        Op = Opcode::Bge;
        break;
      case CmpInst::ICMP_SGT:
        Op = Opcode::Blt;
        Swap = true;
        break;
      case CmpInst::ICMP_SLE:
        Op = Opcode::Bge;
        Swap = true;
        break;
      default:
        return fail(&I, "this comparison predicate");
      }
      if (Swap)
        std::swap(X, Y);
      emit(Op, {}, {X, Y}).Target = True;
    }
  } else {
    emit(Opcode::Jnz, {}, {reg(I.getCondition())}).Target = True;
  }
  emit(Opcode::Jmp, {}, {}).Target = False;
}

void FunctionSelector::selectCast(CastInst &I) {
  Value *Src = I.getOperand(0);
  unsigned From = widthOf(Src->getType()), To = widthOf(I.getType());
  unsigned SrcParts = numParts(Src->getType()),
           DstParts = numParts(I.getType());
  if (SrcParts == 2 || DstParts == 2) {
    ArrayRef<unsigned> S = parts(Src);
    SmallVector<unsigned, 2> Out;
    switch (I.getOpcode()) {
    case Instruction::ZExt:
      if (SrcParts == 1)
        Out = {S[0], constant(0)};
      else
        Out.assign(S.begin(), S.end());
      break;
    case Instruction::SExt: {
      unsigned Lo = SrcParts == 1 ? signExtend(S[0], From) : S[0];
      unsigned Hi = SrcParts == 1 ? emitOp(Opcode::SarI, {Lo}, 255)
                                  : signExtend(S[1], From - 256);
      Out = {SrcParts == 1 ? mask(Lo, std::min(To, 256u)) : Lo,
             mask(Hi, To - 256)};
      break;
    }
    case Instruction::Trunc:
      if (DstParts == 1)
        Out = {mask(S[0], To)};
      else
        Out = {S[0], mask(S[1], To - 256)};
      break;
    case Instruction::BitCast:
      Out.assign(S.begin(), S.end());
      break;
    default:
      return fail(&I, "this cast of integers wider than 256 bits");
    }
    return setParts(&I, Out);
  }

  unsigned R = reg(Src);
  switch (I.getOpcode()) {
  case Instruction::ZExt:
  case Instruction::BitCast:
  case Instruction::AddrSpaceCast:
  case Instruction::IntToPtr:
    // Canonical values are already zero-extended.
    return setReg(&I, R);
  case Instruction::SExt:
    return setReg(&I, mask(signExtend(R, From), To));
  case Instruction::Trunc:
  case Instruction::PtrToInt: {
    // A `trunc nuw` promises that the dropped bits are zero.
    auto *T = dyn_cast<TruncInst>(&I);
    bool Fits = (T && T->hasNoUnsignedWrap()) || fitsIn(Src, To);
    return setReg(&I, To < From && !Fits ? mask(R, To) : R);
  }
  default:
    return fail(&I, Twine("the cast '") + I.getOpcodeName() + "'");
  }
}

bool FunctionSelector::fitsIn(const Value *V, unsigned Width) const {
  // The selector shifted right by 224, a masked value, a zero-extension:
  // the known bits show that the high bits are already clear.
  if (!V->getType()->isIntegerTy())
    return false;
  unsigned From = widthOf(V->getType());
  return computeKnownBits(V, DL).countMinLeadingZeros() >= From - Width;
}

//===----------------------------------------------------------------------===//
// Integers of 257 to 512 bits
//===----------------------------------------------------------------------===//

void FunctionSelector::selectWideBinary(BinaryOperator &I) {
  unsigned W = widthOf(I.getType());
  unsigned HiW = W - 256;
  ArrayRef<unsigned> A = parts(I.getOperand(0));
  ArrayRef<unsigned> B = parts(I.getOperand(1));
  unsigned Lo, Hi;
  switch (I.getOpcode()) {
  case Instruction::Add: {
    Lo = emitOp(Opcode::Add, {A[0], B[0]});
    unsigned Carry = emitOp(Opcode::Lt, {Lo, A[0]});
    Hi = emitOp(Opcode::Add, {emitOp(Opcode::Add, {A[1], B[1]}), Carry});
    break;
  }
  case Instruction::Sub: {
    Lo = emitOp(Opcode::Sub, {A[0], B[0]});
    unsigned Borrow = emitOp(Opcode::Lt, {A[0], B[0]});
    Hi = emitOp(Opcode::Sub, {emitOp(Opcode::Sub, {A[1], B[1]}), Borrow});
    break;
  }
  case Instruction::Mul: {
    Lo = emitOp(Opcode::Mul, {A[0], B[0]});
    unsigned H = mulHigh(A[0], B[0]);
    unsigned Cross = emitOp(Opcode::Add, {emitOp(Opcode::Mul, {A[0], B[1]}),
                                          emitOp(Opcode::Mul, {A[1], B[0]})});
    Hi = emitOp(Opcode::Add, {H, Cross});
    break;
  }
  case Instruction::And:
  case Instruction::Or:
  case Instruction::Xor: {
    Opcode Op = I.getOpcode() == Instruction::And  ? Opcode::And
                : I.getOpcode() == Instruction::Or ? Opcode::Or
                                                   : Opcode::Xor;
    Lo = emitOp(Op, {A[0], B[0]});
    Hi = emitOp(Op, {A[1], B[1]});
    setParts(&I, {Lo, Hi});
    return;
  }
  case Instruction::Shl:
  case Instruction::LShr:
  case Instruction::AShr: {
    std::optional<APInt> C = constantValue(I.getOperand(1));
    if (!C || C->uge(W))
      return fail(&I, "a variable shift of an integer wider than 256 bits");
    unsigned S = C->getZExtValue();
    bool Arith = I.getOpcode() == Instruction::AShr;
    unsigned AHi = Arith ? signExtend(A[1], HiW) : A[1];
    if (I.getOpcode() == Instruction::Shl) {
      if (S >= 256) {
        Lo = constant(0);
        Hi = emitOp(Opcode::ShlI, {A[0]}, S - 256);
      } else if (S == 0) {
        Lo = A[0];
        Hi = A[1];
      } else {
        Lo = emitOp(Opcode::ShlI, {A[0]}, S);
        Hi = emitOp(Opcode::Or, {emitOp(Opcode::ShlI, {A[1]}, S),
                                 emitOp(Opcode::ShrI, {A[0]}, 256 - S)});
      }
    } else {
      Opcode Shift = Arith ? Opcode::SarI : Opcode::ShrI;
      if (S >= 256) {
        Lo = emitOp(Shift, {AHi}, S - 256);
        Hi = Arith ? emitOp(Opcode::SarI, {AHi}, 255) : constant(0);
      } else if (S == 0) {
        Lo = A[0];
        Hi = AHi;
      } else {
        Lo = emitOp(Opcode::Or, {emitOp(Opcode::ShrI, {A[0]}, S),
                                 emitOp(Opcode::ShlI, {AHi}, 256 - S)});
        Hi = emitOp(Shift, {AHi}, S);
      }
    }
    break;
  }
  default:
    return fail(&I, Twine("'") + I.getOpcodeName() +
                        "' on integers wider than 256 bits");
  }
  setParts(&I, {Lo, mask(Hi, HiW)});
}

unsigned FunctionSelector::mulHigh(unsigned A, unsigned B) {
  // Schoolbook on 128-bit halves: every partial product fits in a word.
  auto LowHalf = [&](unsigned R) {
    return emitOp(Opcode::ShrI, {emitOp(Opcode::ShlI, {R}, 128)}, 128);
  };
  unsigned A0 = LowHalf(A), A1 = emitOp(Opcode::ShrI, {A}, 128);
  unsigned B0 = LowHalf(B), B1 = emitOp(Opcode::ShrI, {B}, 128);
  unsigned P00 = emitOp(Opcode::Mul, {A0, B0});
  unsigned P01 = emitOp(Opcode::Mul, {A0, B1});
  unsigned P10 = emitOp(Opcode::Mul, {A1, B0});
  unsigned P11 = emitOp(Opcode::Mul, {A1, B1});
  unsigned Mid =
      emitOp(Opcode::Add, {emitOp(Opcode::ShrI, {P00}, 128), LowHalf(P01)});
  Mid = emitOp(Opcode::Add, {Mid, LowHalf(P10)});
  unsigned Hi = emitOp(Opcode::Add, {P11, emitOp(Opcode::ShrI, {P01}, 128)});
  Hi = emitOp(Opcode::Add, {Hi, emitOp(Opcode::ShrI, {P10}, 128)});
  return emitOp(Opcode::Add, {Hi, emitOp(Opcode::ShrI, {Mid}, 128)});
}

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

unsigned FunctionSelector::loadThroughHeap(Opcode Copy, unsigned Addr) {
  // Returndata and code have no load instruction: copy the word to the end
  // of the heap and load it from there. This grows msize by a word, as the
  // equivalent EVM sequence would.
  unsigned Top = emitOp(Opcode::MSize, {});
  emit(Copy, {}, {Top, Addr, constant(32)});
  return emitOp(Opcode::MLoad, {Top}, 0);
}

void FunctionSelector::selectLoad(LoadInst &I) {
  unsigned AS = I.getPointerAddressSpace();
  Type *T = I.getType();
  unsigned W = widthOf(T);
  if (numParts(T) != 1 || !W)
    return fail(&I, "a load of a value of this type");
  unsigned Bytes = DL.getTypeStoreSize(T);
  unsigned R;
  std::optional<int64_t> FrameOff =
      AS == 0 && Bytes > 1 ? frameOffset(I.getPointerOperand()) : std::nullopt;
  switch (AS) {
  case 0:
  case 1:
  case 2: {
    if (FrameOff) {
      R = emitOp(Opcode::SpLd, {}, *FrameOff);
      break;
    }
    Address A = address(I.getPointerOperand());
    if (AS != 2 && Bytes == 1) {
      unsigned B = emitOp(AS == 0 ? Opcode::StLoad8 : Opcode::MLoad8, {A.Base},
                          A.Offset);
      return setReg(&I, W < 8 ? mask(B, W) : B);
    }
    R = emitOp(AS == 0   ? Opcode::StLoad
               : AS == 1 ? Opcode::MLoad
                         : Opcode::CdLoad,
               {A.Base}, A.Offset);
    break;
  }
  case 3:
  case 4:
    R = loadThroughHeap(AS == 3 ? Opcode::RdCopy : Opcode::CodeCopy,
                        addressValue(I.getPointerOperand()));
    break;
  case 5:
  case 6:
    if (Bytes != 32)
      return fail(&I, "a storage access narrower than a word");
    return setReg(&I, emitOp(AS == 5 ? Opcode::SLoad : Opcode::TLoad,
                             {addressValue(I.getPointerOperand())}));
  default:
    return fail(&I, "a load from address space " + Twine(AS));
  }
  // Big-endian: a narrow value is the first bytes of the word.
  if (Bytes < 32)
    R = emitOp(Opcode::ShrI, {R}, 256 - 8 * Bytes);
  setReg(&I, W < 8 * Bytes ? mask(R, W) : R);
}

void FunctionSelector::selectStore(StoreInst &I) {
  unsigned AS = I.getPointerAddressSpace();
  Type *T = I.getValueOperand()->getType();
  unsigned W = widthOf(T);
  if (numParts(T) != 1 || !W)
    return fail(&I, "a store of a value of this type");
  unsigned Bytes = DL.getTypeStoreSize(T);
  switch (AS) {
  case 0:
  case 1: {
    // The stack is byte-addressed and big-endian like the heap.
    Opcode Load = AS == 0 ? Opcode::StLoad : Opcode::MLoad;
    Opcode Store = AS == 0 ? Opcode::StStore : Opcode::MStore;
    Opcode Store8 = AS == 0 ? Opcode::StStore8 : Opcode::MStore8;
    unsigned V = reg(I.getValueOperand());
    if (std::optional<int64_t> Off = AS == 0 && Bytes > 1
                                         ? frameOffset(I.getPointerOperand())
                                         : std::nullopt) {
      // A word, or a narrow value merged into the word it starts, at a
      // constant place in the frame.
      if (Bytes < 32) {
        unsigned Shift = 256 - 8 * Bytes;
        unsigned Old = emitOp(Opcode::SpLd, {}, *Off);
        unsigned Kept = emitOp(
            Opcode::ShrI, {emitOp(Opcode::ShlI, {Old}, 8 * Bytes)}, 8 * Bytes);
        V = emitOp(Opcode::Or, {Kept, emitOp(Opcode::ShlI, {V}, Shift)});
      }
      emit(Opcode::SpSt, {}, {V}, *Off);
      return;
    }
    Address A = address(I.getPointerOperand());
    if (Bytes == 1) {
      emit(Store8, {}, {A.Base, V}, A.Offset);
      return;
    }
    if (Bytes < 32) {
      // Read, merge the value into the first Bytes bytes, write back.
      unsigned Shift = 256 - 8 * Bytes;
      unsigned Old = emitOp(Load, {A.Base}, A.Offset);
      unsigned Kept = emitOp(
          Opcode::ShrI, {emitOp(Opcode::ShlI, {Old}, 8 * Bytes)}, 8 * Bytes);
      V = emitOp(Opcode::Or, {Kept, emitOp(Opcode::ShlI, {V}, Shift)});
    }
    emit(Store, {}, {A.Base, V}, A.Offset);
    return;
  }
  case 5:
  case 6: {
    if (Bytes != 32)
      return fail(&I, "a storage access narrower than a word");
    unsigned Key = addressValue(I.getPointerOperand());
    emit(AS == 5 ? Opcode::SStore : Opcode::TStore, {},
         {Key, reg(I.getValueOperand())});
    return;
  }
  default:
    return fail(&I, "a store to address space " + Twine(AS));
  }
}

void FunctionSelector::selectAlloca(AllocaInst &I) {
  // What SROA and mem2reg left has its address taken: it lives in the
  // stack frame. Only fixed-size allocas of the entry block have a place
  // there; others would need the frame to grow at run time.
  if (!I.isStaticAlloca())
    return fail(&I, "a dynamically sized alloca or one outside the entry "
                    "block");
  std::optional<TypeSize> Size = I.getAllocationSize(DL);
  if (!Size || Size->isScalable())
    return fail(&I, "an alloca of this type");
  uint64_t Align = std::max<uint64_t>(I.getAlign().value(), 1);
  uint64_t Offset = alignTo(MF->FrameObjectBytes, Align);
  uint64_t End = Offset + std::max<uint64_t>(Size->getFixedValue(), 1);
  if (End > zkc::MaxFrameBytes / 2)
    return fail(&I, "an alloca beyond the largest stack frame");
  MF->FrameObjectBytes = End;
  FrameObjects[&I] = int64_t(Offset);
  setReg(&I, emitOp(Opcode::SpAddr, {}, int64_t(Offset)));
}

std::optional<int64_t> FunctionSelector::frameOffset(Value *Ptr) const {
  APInt Offset(DL.getIndexTypeSizeInBits(Ptr->getType()), 0);
  const Value *Base = Ptr->stripAndAccumulateConstantOffsets(
      DL, Offset, /*AllowNonInbounds=*/true);
  auto *AI = dyn_cast<AllocaInst>(Base);
  auto It = AI ? FrameObjects.find(AI) : FrameObjects.end();
  if (It == FrameObjects.end())
    return std::nullopt;
  // Only places within the frame objects' area: a word read there stays
  // below the guard word's end.
  std::optional<int64_t> Off = asImm32(Offset.sextOrTrunc(256));
  if (!Off || *Off < 0 || It->second + *Off > MF->FrameObjectBytes)
    return std::nullopt;
  return It->second + *Off;
}
