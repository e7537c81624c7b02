//===-- ISel.cpp - Instruction selection for the ZVM ----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Selects ZVM instructions for one LLVM function, block by block in reverse
// post-order, over virtual registers. Every IR value becomes one or more
// virtual registers ("parts"): one for integers up to 256 bits and
// pointers, two (low, high) for integers up to 512 bits, the concatenation
// of its members' parts for a struct. Integers narrower than 256 bits are
// kept canonical, zero-extended, so that comparisons, division and stores
// need no fix-up; operations that can carry bits past the width (add, mul,
// shl without nuw) mask their result, and signed operations sign-extend
// their operands first.
//
// Folding done here: immediates into the *i forms, compare into branch,
// constant offsets into the immediate of heap and calldata accesses. Phis
// become parallel copies at the end of each predecessor (critical edges were
// split by the IR lowering).
//
//===----------------------------------------------------------------------===//

#include "ISelLowering.h"

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GetElementPtrTypeIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

using namespace llvm;
using zkc::Opcode;
using namespace zkc::codegen;

#define DEBUG_TYPE "zvm-isel"

//===----------------------------------------------------------------------===//
// Helpers shared with the lowering files
//===----------------------------------------------------------------------===//

std::string zkc::codegen::describeLocation(const Instruction *I) {
  std::string S;
  raw_string_ostream OS(S);
  if (I) {
    if (const DILocation *Loc = I->getDebugLoc()) {
      OS << Loc->getFilename() << ":" << Loc->getLine() << ":"
         << Loc->getColumn() << ": ";
    }
    OS << "in function '" << I->getFunction()->getName() << "'";
  }
  return OS.str();
}

std::optional<int64_t> zkc::codegen::asImm32(const APInt &V) {
  if (V.isSignedIntN(32))
    return V.getSExtValue();
  return std::nullopt;
}

std::string zkc::codegen::quoteAsmString(StringRef S) {
  std::string Out = "\"";
  for (unsigned char C : S) {
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += C;
    } else if (C >= 0x20 && C < 0x7f) {
      Out += C;
    } else {
      static const char Hex[] = "0123456789abcdef";
      Out += "\\x";
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out + "\"";
}

//===----------------------------------------------------------------------===//
// FunctionSelector: the value and block bookkeeping
//===----------------------------------------------------------------------===//

unsigned FunctionSelector::widthOf(Type *T) const {
  if (auto *IT = dyn_cast<IntegerType>(T))
    return IT->getBitWidth();
  if (T->isPointerTy())
    return 256;
  return 0;
}

unsigned FunctionSelector::numParts(Type *T) const {
  if (auto *IT = dyn_cast<IntegerType>(T))
    return IT->getBitWidth() <= 256 ? 1 : IT->getBitWidth() <= 512 ? 2 : 0;
  if (T->isPointerTy())
    return 1;
  if (auto *ST = dyn_cast<StructType>(T)) {
    unsigned N = 0;
    for (Type *E : ST->elements()) {
      unsigned P = numParts(E);
      if (!P)
        return 0;
      N += P;
    }
    return N;
  }
  if (auto *AT = dyn_cast<ArrayType>(T)) {
    unsigned P = numParts(AT->getElementType());
    return AT->getNumElements() <= 64 ? P * AT->getNumElements() : 0;
  }
  return 0;
}

unsigned FunctionSelector::flatIndex(Type *T,
                                     ArrayRef<unsigned> Indices) const {
  unsigned Flat = 0;
  for (unsigned Idx : Indices) {
    if (auto *ST = dyn_cast<StructType>(T)) {
      for (unsigned I = 0; I < Idx; ++I)
        Flat += numParts(ST->getElementType(I));
      T = ST->getElementType(Idx);
    } else {
      auto *AT = cast<ArrayType>(T);
      Flat += Idx * numParts(AT->getElementType());
      T = AT->getElementType();
    }
  }
  return Flat;
}

void FunctionSelector::fail(const Instruction *I, const Twine &What) {
  if (!ErrorMessage.empty())
    return;
  std::string Where = describeLocation(I);
  if (Where.empty())
    Where = "in function '" + F.getName().str() + "'";
  ErrorMessage = (Where + ": cannot compile " + What).str();
}

MInstr &FunctionSelector::emit(Opcode Op, ArrayRef<unsigned> Defs,
                               ArrayRef<unsigned> Uses, int64_t Imm) {
  MInstr I(static_cast<unsigned>(Op));
  I.Defs.assign(Defs.begin(), Defs.end());
  I.Uses.assign(Uses.begin(), Uses.end());
  I.Imm = Imm;
  Cur->Instrs.push_back(std::move(I));
  return Cur->Instrs.back();
}

unsigned FunctionSelector::emitOp(Opcode Op, ArrayRef<unsigned> Uses,
                                  int64_t Imm) {
  unsigned D = MF->newVReg();
  emit(Op, {D}, Uses, Imm);
  return D;
}

unsigned FunctionSelector::emitSym(Opcode Op, StringRef Sym,
                                   ArrayRef<unsigned> Uses) {
  unsigned D = MF->newVReg();
  emit(Op, {D}, Uses).Sym = Sym.str();
  return D;
}

void FunctionSelector::emitConstantInto(unsigned D, const APInt &V) {
  APInt W = V.zextOrTrunc(256);
  if (std::optional<int64_t> Imm = asImm32(W)) {
    emit(Opcode::Li, {D}, {}, *Imm);
    return;
  }
  // Values close to 2^256 read better as negative numbers.
  SmallString<80> Text;
  if (W.isNegative() && (-W).getActiveBits() < 128) {
    Text = "-";
    (-W).toStringUnsigned(Text, 10);
  } else {
    Text = "0x";
    W.toStringUnsigned(Text, 16);
  }
  emit(Opcode::Ldc, {D}, {}).Sym = Text.str().lower();
}

unsigned FunctionSelector::constant(const APInt &V) {
  unsigned D = MF->newVReg();
  emitConstantInto(D, V);
  return D;
}

unsigned FunctionSelector::mask(unsigned R, unsigned Width) {
  if (Width >= 256)
    return R;
  if (Width <= 31)
    return emitOp(Opcode::AndI, {R}, (int64_t(1) << Width) - 1);
  unsigned T = emitOp(Opcode::ShlI, {R}, 256 - Width);
  return emitOp(Opcode::ShrI, {T}, 256 - Width);
}

unsigned FunctionSelector::signExtend(unsigned R, unsigned Width) {
  if (Width >= 256)
    return R;
  if (Width == 1)
    return emitOp(Opcode::MulI, {R}, -1);
  if (Width % 8 == 0)
    return emitOp(Opcode::SignExtendI, {R}, Width / 8 - 1);
  unsigned T = emitOp(Opcode::ShlI, {R}, 256 - Width);
  return emitOp(Opcode::SarI, {T}, 256 - Width);
}

std::optional<APInt> FunctionSelector::constantValue(const Value *V) const {
  if (auto *CI = dyn_cast<ConstantInt>(V))
    return CI->getValue().zextOrTrunc(std::max(256u, CI->getBitWidth()));
  if (isa<ConstantPointerNull>(V) || isa<UndefValue>(V))
    return APInt(std::max(256u, widthOf(V->getType())), 0);
  if (auto *CE = dyn_cast<ConstantExpr>(V)) {
    if (CE->getOpcode() == Instruction::IntToPtr ||
        CE->getOpcode() == Instruction::PtrToInt ||
        CE->getOpcode() == Instruction::BitCast ||
        CE->getOpcode() == Instruction::AddrSpaceCast) {
      std::optional<APInt> Inner = constantValue(CE->getOperand(0));
      if (!Inner)
        return std::nullopt;
      unsigned W = widthOf(CE->getType());
      APInt R = Inner->zextOrTrunc(256);
      if (W && W < 256)
        R = R.trunc(W).zext(256);
      return R;
    }
  }
  return std::nullopt;
}

std::optional<int64_t> FunctionSelector::immediate(const Value *V) const {
  std::optional<APInt> C = constantValue(V);
  if (!C || C->getBitWidth() > 256)
    return std::nullopt;
  return asImm32(*C);
}

ArrayRef<unsigned> FunctionSelector::parts(Value *V) {
  auto It = Values.find(V);
  if (It != Values.end())
    return It->second;
  // Constants are materialised at each use: a load immediate is as cheap as
  // a copy and keeps live ranges short.
  if (auto *C = dyn_cast<Constant>(V)) {
    SmallVector<unsigned, 2> Regs;
    materialize(C, Regs);
    Scratch.push_back(std::move(Regs));
    return Scratch.back();
  }
  // Not selected yet (a phi, or a value used before its block was reached
  // through an unusual order): give it registers now.
  unsigned N = numParts(V->getType());
  SmallVector<unsigned, 2> Regs;
  for (unsigned I = 0; I < N; ++I)
    Regs.push_back(MF->newVReg());
  return Values[V] = std::move(Regs);
}

unsigned FunctionSelector::reg(Value *V) {
  ArrayRef<unsigned> P = parts(V);
  if (P.size() != 1) {
    fail(dyn_cast<Instruction>(V), "a value of an unsupported type");
    return P.empty() ? MF->newVReg() : P[0];
  }
  return P[0];
}

void FunctionSelector::setParts(Value *V, ArrayRef<unsigned> Regs) {
  auto It = Values.find(V);
  if (It == Values.end()) {
    Values[V].assign(Regs.begin(), Regs.end());
    return;
  }
  // Registers were handed out early (the value was used by a phi of an
  // earlier block): copy into them.
  for (auto [Dst, Src] : zip(It->second, Regs))
    if (Dst != Src)
      emit(Opcode::Mov, {Dst}, {Src});
}

void FunctionSelector::materialize(Constant *C,
                                   SmallVectorImpl<unsigned> &Out) {
  Type *T = C->getType();
  if (isa<StructType>(T) || isa<ArrayType>(T)) {
    unsigned N = isa<StructType>(T) ? cast<StructType>(T)->getNumElements()
                                    : cast<ArrayType>(T)->getNumElements();
    for (unsigned I = 0; I < N; ++I)
      materialize(C->getAggregateElement(I), Out);
    return;
  }
  if (auto *GV = dyn_cast<GlobalValue>(C->stripPointerCasts())) {
    // Data sections live in the code: a pointer to one is its offset.
    StringRef Name = GV->getName();
    // A function's address is the index of its first instruction, which
    // fcallr calls.
    if (isa<Function>(GV)) {
      std::string Label = Info.FunctionLabels.lookup(Name);
      if (Label.empty()) {
        fail(CurInstr, "the address of the undefined function '" + Name + "'");
        Out.push_back(constant(APInt(256, 0)));
        return;
      }
      Out.push_back(
          emitSym(Opcode::Li, "@label(" + quoteAsmString(Label) + ")"));
      return;
    }
    std::string Prefix = "zvm.data." + Info.ObjectPath + ".";
    if (Name.starts_with(Prefix)) {
      Out.push_back(emitSym(Opcode::Li,
                            "@dataoffset(" +
                                quoteAsmString(Name.drop_front(Prefix.size())) +
                                ")"));
      return;
    }
    fail(CurInstr, "the address of global '" + Name + "'");
    Out.push_back(constant(APInt(256, 0)));
    return;
  }
  if (std::optional<APInt> V = constantValue(C)) {
    if (numParts(T) == 2) {
      Out.push_back(constant(V->trunc(256)));
      Out.push_back(constant(V->lshr(256).trunc(256)));
      return;
    }
    Out.push_back(constant(V->trunc(256)));
    return;
  }
  if (auto *CE = dyn_cast<ConstantExpr>(C)) {
    // Constant expressions over globals or other constants: select them as
    // the instructions they stand for.
    Instruction *I = CE->getAsInstruction();
    I->insertBefore(CurInstr ? const_cast<Instruction *>(CurInstr)
                             : &*F.getEntryBlock().begin());
    const Instruction *Saved = CurInstr;
    selectInstruction(*I);
    CurInstr = Saved;
    for (unsigned R : parts(I))
      Out.push_back(R);
    Values.erase(I);
    I->eraseFromParent();
    return;
  }
  fail(CurInstr, "a constant of an unsupported kind");
  Out.push_back(constant(APInt(256, 0)));
}

//===----------------------------------------------------------------------===//
// Addresses
//===----------------------------------------------------------------------===//

FunctionSelector::Address FunctionSelector::address(Value *Ptr) {
  // Constant offsets anywhere in a chain of GEPs, casts and adds end up in
  // the immediate; the rest in a base register.
  APInt Offset(256, 0);
  Value *Base = Ptr;
  SmallVector<std::pair<Value *, APInt>, 2> Scaled;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    if (auto *GEP = dyn_cast<GEPOperator>(Base)) {
      MapVector<Value *, APInt> Vars;
      APInt Const(256, 0);
      if (!GEP->collectOffset(DL, 256, Vars, Const))
        break;
      Offset += Const;
      for (auto &[V, S] : Vars)
        Scaled.push_back({V, S});
      Base = GEP->getPointerOperand();
      continue;
    }
    if (auto *Op = dyn_cast<Operator>(Base)) {
      if (Op->getOpcode() == Instruction::IntToPtr ||
          Op->getOpcode() == Instruction::BitCast ||
          Op->getOpcode() == Instruction::AddrSpaceCast) {
        if (widthOf(Op->getOperand(0)->getType()) == 256) {
          Base = Op->getOperand(0);
          continue;
        }
      }
      if (Op->getOpcode() == Instruction::Add && widthOf(Op->getType()) == 256)
        if (std::optional<APInt> C = constantValue(Op->getOperand(1))) {
          Offset += C->trunc(256);
          Base = Op->getOperand(0);
          continue;
        }
    }
    break;
  }

  Address A;
  std::optional<APInt> BaseConst = constantValue(Base);
  if (BaseConst) {
    Offset += BaseConst->trunc(256);
    A.Base = ~0u;
  } else {
    A.Base = reg(Base);
  }
  for (auto &[V, S] : Scaled) {
    unsigned R = reg(V);
    unsigned W = widthOf(V->getType());
    // GEP indices narrower than the pointer are sign-extended.
    if (W < 256)
      R = signExtend(R, W);
    unsigned Term;
    if (S.isPowerOf2())
      Term = S == 1 ? R : emitOp(Opcode::ShlI, {R}, S.logBase2());
    else if (std::optional<int64_t> Imm = asImm32(S))
      Term = emitOp(Opcode::MulI, {R}, *Imm);
    else
      Term = emitOp(Opcode::Mul, {R, constant(S)});
    A.Base = A.Base == ~0u ? Term : emitOp(Opcode::Add, {A.Base, Term});
  }
  if (std::optional<int64_t> Imm = asImm32(Offset)) {
    A.Offset = *Imm;
  } else if (A.Base == ~0u) {
    A.Base = constant(Offset);
  } else {
    A.Base = emitOp(Opcode::Add, {A.Base, constant(Offset)});
  }
  if (A.Base == ~0u) {
    // Only an immediate: the base is a zero register.
    A.Constant = true;
    A.Base = constant(APInt(256, 0));
  }
  return A;
}

unsigned FunctionSelector::addressValue(Value *Ptr) {
  Address A = address(Ptr);
  // A constant address is one constant (the zero base, now unused, goes
  // with dead code elimination).
  if (A.Constant)
    return constant(APInt(256, A.Offset, /*isSigned=*/true));
  return A.Offset ? emitOp(Opcode::AddI, {A.Base}, A.Offset) : A.Base;
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

bool FunctionSelector::isFoldedIntoBranch(const Instruction &I) const {
  auto *Cmp = dyn_cast<ICmpInst>(&I);
  if (!Cmp || !Cmp->hasOneUse() || numParts(Cmp->getOperand(0)->getType()) != 1)
    return false;
  auto *Br = dyn_cast<BranchInst>(Cmp->user_back());
  return Br && Br->isConditional() && Br->getParent() == Cmp->getParent();
}

Expected<std::unique_ptr<MFunction>> FunctionSelector::run() {
  MF = std::make_unique<MFunction>();
  MF->Name = F.getName().str();
  MF->Label = Info.FunctionLabels.lookup(F.getName());
  MF->IsEntry = F.getName() == "__entry";

  // Loop depths weigh copies and live ranges by how often they execute.
  DominatorTree DT(F);
  LoopInfo Loops(DT);
  for (BasicBlock &BB : F) {
    std::string Label =
        Info.uniqueLabel(MF->Label + ".bb" + std::to_string(Blocks.size()));
    Blocks[&BB] = MF->addBlock(std::move(Label));
    Blocks[&BB]->LoopDepth = Loops.getLoopDepth(&BB);
  }
  for (BasicBlock &BB : F)
    if (Loop *L = Loops.getLoopFor(&BB))
      if (BasicBlock *Pre = L->getOutermostLoop()->getLoopPreheader())
        Blocks[&BB]->LoopPreheader = Blocks[Pre];

  // Parameters arrive in r0, r1, ...: their registers are fixed.
  for (Argument &A : F.args()) {
    unsigned N = numParts(A.getType());
    if (!N) {
      fail(nullptr, "a parameter of an unsupported type");
      continue;
    }
    SmallVector<unsigned, 2> Regs;
    for (unsigned I = 0; I < N; ++I)
      Regs.push_back(MF->newVReg(MF->NumParams++));
    Values[&A] = std::move(Regs);
  }
  if (!F.getReturnType()->isVoidTy()) {
    MF->NumResults = numParts(F.getReturnType());
    if (!MF->NumResults)
      fail(nullptr, "a return value of an unsupported type");
  }
  if (MF->NumParams > MaxParts || MF->NumResults > MaxParts)
    fail(nullptr, "a function with more than " + Twine(MaxParts) +
                      " parameter or result registers");

  ReversePostOrderTraversal<Function *> RPO(&F);
  for (BasicBlock *BB : RPO) {
    Cur = Blocks[BB];
    for (Instruction &I : *BB) {
      if (!ErrorMessage.empty())
        break;
      if (isFoldedIntoBranch(I))
        continue;
      CurInstr = &I;
      Scratch.clear();
      selectInstruction(I);
    }
  }
  for (auto &B : MF->Blocks) {
    unsigned N = 0;
    for (auto It = B->Instrs.rbegin(); It != B->Instrs.rend(); ++It) {
      if (!It->isTerminator())
        break;
      ++N;
    }
    B->NumTerminators = N;
  }

  lowerPhis(RPO);

  // Drop unreachable blocks.
  std::vector<std::unique_ptr<MBlock>> Live;
  for (auto &B : MF->Blocks)
    if (!B->Instrs.empty())
      Live.push_back(std::move(B));
  MF->Blocks = std::move(Live);
  SmallPtrSet<MBlock *, 16> Kept;
  for (unsigned I = 0; I < MF->Blocks.size(); ++I) {
    MF->Blocks[I]->Number = I;
    Kept.insert(MF->Blocks[I].get());
  }
  for (auto &B : MF->Blocks)
    if (!Kept.count(B->LoopPreheader))
      B->LoopPreheader = nullptr;

  if (!ErrorMessage.empty())
    return createStringError(inconvertibleErrorCode(), ErrorMessage);
  return std::move(MF);
}

void FunctionSelector::lowerPhis(ReversePostOrderTraversal<Function *> &RPO) {
  for (BasicBlock *BB : RPO) {
    if (!isa<PHINode>(BB->begin()))
      continue;
    for (BasicBlock *Pred : predecessors(BB)) {
      MBlock *PB = Blocks[Pred];
      if (PB->Instrs.empty())
        continue; // Unreachable predecessor.
      // Build the copies in a scratch block, then move them in before the
      // predecessor's terminators.
      MBlock Tmp;
      Cur = &Tmp;
      MInstr Copy(PCopy);
      for (PHINode &Phi : BB->phis()) {
        CurInstr = Pred->getTerminator();
        Scratch.clear();
        ArrayRef<unsigned> Dst = parts(&Phi);
        SmallVector<unsigned, 2> DstRegs(Dst.begin(), Dst.end());
        ArrayRef<unsigned> Src = parts(Phi.getIncomingValueForBlock(Pred));
        for (auto [D, S] : zip(DstRegs, Src)) {
          Copy.Defs.push_back(D);
          Copy.Uses.push_back(S);
        }
      }
      Tmp.Instrs.push_back(std::move(Copy));
      PB->Instrs.insert(PB->firstTerminator(),
                        std::make_move_iterator(Tmp.Instrs.begin()),
                        std::make_move_iterator(Tmp.Instrs.end()));
    }
  }
}

//===----------------------------------------------------------------------===//
// Module-wide information
//===----------------------------------------------------------------------===//

std::string ModuleInfo::uniqueLabel(StringRef Wanted) {
  std::string Label;
  for (char C : Wanted)
    Label += isAlnum(C) || C == '_' || C == '.' || C == '$' ? C : '_';
  // Labels must not start with a digit or a '.' (directives), nor look like
  // a register.
  bool RegisterLike = Label.size() > 1 && Label[0] == 'r' &&
                      all_of(StringRef(Label).drop_front(), isDigit);
  if (Label.empty() || isDigit(Label[0]) || Label[0] == '.' || RegisterLike)
    Label = "_" + Label;
  std::string Result = Label;
  unsigned &N = UsedLabels[Label];
  while (N && UsedLabels.count(Result))
    Result = Label + "." + std::to_string(N++);
  if (!N)
    N = 1;
  UsedLabels[Result];
  return Result;
}

ModuleInfo zkc::codegen::analyzeModule(Module &M) {
  ModuleInfo MI;
  // The frontend names the object in metadata and in source_filename; the
  // module identifier is only a fallback (it is the file name of parsed IR).
  MI.ObjectPath = M.getSourceFileName().empty() ? M.getModuleIdentifier()
                                                : M.getSourceFileName();
  if (NamedMDNode *Obj = M.getNamedMetadata("zvm.object"))
    if (Obj->getNumOperands() && Obj->getOperand(0)->getNumOperands())
      if (auto *S = dyn_cast<MDString>(Obj->getOperand(0)->getOperand(0)))
        MI.ObjectPath = S->getString().str();
  // __entry first: its label is the start of the code.
  if (Function *Entry = M.getFunction("__entry"))
    MI.FunctionLabels[Entry->getName()] = MI.uniqueLabel("__entry");
  for (Function &F : M)
    if (!F.isDeclaration() && !MI.FunctionLabels.count(F.getName()))
      MI.FunctionLabels[F.getName()] = MI.uniqueLabel(F.getName());
  return MI;
}

Expected<std::unique_ptr<MFunction>>
zkc::codegen::selectInstructions(Function &F, ModuleInfo &MI) {
  FunctionSelector S(F, MI);
  return S.run();
}
