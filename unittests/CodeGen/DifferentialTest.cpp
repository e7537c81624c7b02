//===-- DifferentialTest.cpp - Random IR compiled and run against LLVM
//-----===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Generates random functions of integer arithmetic (i256 and narrower,
// with selects, intrinsics and branch diamonds), compiles them with the ZVM
// code generator, assembles and runs them in the emulator, and compares the
// result with LLVM's constant folding of the same function on the same
// inputs. Half of the functions go through LLVM's -O2 pipeline first, so
// the code generator also sees what the optimiser makes of them.
//
//===----------------------------------------------------------------------===//

#include "../VM/ObjectBuilder.h"

#include "zkc/CodeGen/CodeGen.h"
#include "zkc/MC/Assembler.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"

#include <random>

using namespace llvm;
using zkc::Word;

namespace {

constexpr char DataLayoutString[] =
    "E-p:256:256-p1:256:256-p2:256:256-p3:256:256-p4:256:256-p5:256:256-"
    "p6:256:256-i1:8-i8:8-i16:16-i32:32-i64:64-i128:128-i256:256-n256-S256";

/// Builds a random function f(i256, i256, i256) -> i256.
class Generator {
public:
  Generator(Module &M, uint32_t Seed) : M(M), Ctx(M.getContext()), Rng(Seed) {}

  Function *build(unsigned NumOps) {
    Type *W = word();
    auto *FT = FunctionType::get(W, {W, W, W}, false);
    F = Function::Create(FT, Function::ExternalLinkage, "f", M);
    BasicBlock *BB = BasicBlock::Create(Ctx, "entry", F);
    B = std::make_unique<IRBuilder<>>(BB);
    for (Argument &A : F->args())
      Pool.push_back(&A);
    for (unsigned I = 0; I < NumOps; ++I) {
      if (pick(10) == 0)
        diamond();
      else
        Pool.push_back(step());
    }
    Value *R = Pool.back();
    for (unsigned I = 0; I < 3; ++I)
      R = B->CreateXor(R, any());
    B->CreateRet(R);
    return F;
  }

private:
  Type *word() { return Type::getIntNTy(Ctx, 256); }
  unsigned pick(unsigned N) {
    return std::uniform_int_distribution<unsigned>(0, N - 1)(Rng);
  }
  Value *any() { return Pool[pick(Pool.size())]; }

  Constant *randomConstant(unsigned Bits) {
    APInt V(Bits, 0);
    switch (pick(4)) {
    case 0:
      V = APInt(Bits, pick(64));
      break;
    case 1:
      V = APInt::getAllOnes(Bits) - APInt(Bits, pick(8));
      break;
    case 2:
      V = APInt(Bits, 1).shl(pick(Bits));
      break;
    default:
      for (unsigned I = 0; I < Bits; I += 32)
        V.insertBits(uint64_t(Rng()), I, std::min(32u, Bits - I));
    }
    return ConstantInt::get(Ctx, V);
  }

  /// An operand of Bits bits: a pool value truncated, or a constant.
  Value *operand(unsigned Bits) {
    if (pick(4) == 0)
      return randomConstant(Bits);
    Value *V = any();
    return Bits == 256 ? V : B->CreateTrunc(V, Type::getIntNTy(Ctx, Bits));
  }

  Value *widen(Value *V) {
    if (V->getType()->getIntegerBitWidth() == 256)
      return V;
    return pick(2) ? B->CreateZExt(V, word()) : B->CreateSExt(V, word());
  }

  Value *binary(unsigned Bits) {
    Value *X = operand(Bits), *Y = operand(Bits);
    Type *T = X->getType();
    switch (pick(13)) {
    case 0:
      return B->CreateAdd(X, Y);
    case 1:
      return B->CreateSub(X, Y);
    case 2:
      return B->CreateMul(X, Y);
    case 3:
      return B->CreateAnd(X, Y);
    case 4:
      return B->CreateOr(X, Y);
    case 5:
      return B->CreateXor(X, Y);
    case 6:
    case 7:
    case 8: {
      // Shift amounts below the width keep the result defined.
      Value *S = B->CreateURem(Y, ConstantInt::get(T, Bits));
      if (pick(2))
        S = ConstantInt::get(T, pick(Bits));
      unsigned K = pick(3);
      return K == 0   ? B->CreateShl(X, S)
             : K == 1 ? B->CreateLShr(X, S)
                      : B->CreateAShr(X, S);
    }
    case 9:
    case 10: {
      Value *D = B->CreateOr(Y, ConstantInt::get(T, 1));
      return pick(2) ? B->CreateUDiv(X, D) : B->CreateURem(X, D);
    }
    case 11: {
      // A positive divisor: no division by zero, no INT_MIN / -1.
      Value *D = B->CreateOr(B->CreateLShr(Y, 1), ConstantInt::get(T, 1));
      return pick(2) ? B->CreateSDiv(X, D) : B->CreateSRem(X, D);
    }
    default: {
      static const CmpInst::Predicate Preds[] = {
          CmpInst::ICMP_EQ,  CmpInst::ICMP_NE,  CmpInst::ICMP_ULT,
          CmpInst::ICMP_ULE, CmpInst::ICMP_UGT, CmpInst::ICMP_UGE,
          CmpInst::ICMP_SLT, CmpInst::ICMP_SLE, CmpInst::ICMP_SGT,
          CmpInst::ICMP_SGE};
      Value *C = B->CreateICmp(Preds[pick(10)], X, Y);
      if (pick(2))
        return B->CreateZExt(C, T);
      return B->CreateSelect(C, operand(Bits), operand(Bits));
    }
    }
  }

  Value *intrinsic(unsigned Bits) {
    Value *X = operand(Bits), *Y = operand(Bits);
    Type *T = X->getType();
    auto Call = [&](Intrinsic::ID ID, ArrayRef<Value *> Args) {
      return B->CreateCall(Intrinsic::getDeclaration(&M, ID, {T}), Args);
    };
    switch (pick(10)) {
    case 0:
      return Call(Intrinsic::umin, {X, Y});
    case 1:
      return Call(Intrinsic::smax, {X, Y});
    case 2:
      return Call(Intrinsic::ctlz, {X, B->getFalse()});
    case 3:
      return Call(Intrinsic::cttz, {X, B->getFalse()});
    case 4:
      return Call(Intrinsic::ctpop, {X});
    case 5:
      return Call(Intrinsic::fshl, {X, Y, operand(Bits)});
    case 6:
      return Call(Intrinsic::fshr, {X, Y, operand(Bits)});
    case 7:
      return Call(Intrinsic::abs, {X, B->getFalse()});
    case 8: {
      static const Intrinsic::ID Ovf[] = {
          Intrinsic::uadd_with_overflow, Intrinsic::usub_with_overflow,
          Intrinsic::umul_with_overflow, Intrinsic::sadd_with_overflow,
          Intrinsic::ssub_with_overflow};
      Value *R = Call(Ovf[pick(5)], {X, Y});
      Value *Flag = B->CreateZExt(B->CreateExtractValue(R, 1), T);
      return B->CreateAdd(B->CreateExtractValue(R, 0), B->CreateShl(Flag, 1));
    }
    default:
      if (Bits % 16 == 0 && Bits <= 64)
        return Call(Intrinsic::bswap, {X});
      return Call(Intrinsic::usub_sat, {X, Y});
    }
  }

  Value *step() {
    static const unsigned Widths[] = {256, 256, 256, 1,   8,
                                      13,  64,  128, 160, 255};
    unsigned Bits = Widths[pick(std::size(Widths))];
    if (Bits == 1) {
      Value *C = B->CreateICmpULT(any(), any());
      return B->CreateZExt(B->CreateXor(C, operand(1)), word());
    }
    Value *R = pick(4) == 0 ? intrinsic(Bits) : binary(Bits);
    return widen(R);
  }

  /// if (x <cmp> y) { a = ... } else { a = ... }; continue with a.
  void diamond() {
    BasicBlock *Then = BasicBlock::Create(Ctx, "then", F);
    BasicBlock *Else = BasicBlock::Create(Ctx, "else", F);
    BasicBlock *Join = BasicBlock::Create(Ctx, "join", F);
    B->CreateCondBr(B->CreateICmpSLT(any(), any()), Then, Else);
    B->SetInsertPoint(Then);
    Value *T = step();
    BasicBlock *ThenEnd = B->GetInsertBlock();
    B->CreateBr(Join);
    B->SetInsertPoint(Else);
    Value *E = step();
    BasicBlock *ElseEnd = B->GetInsertBlock();
    B->CreateBr(Join);
    B->SetInsertPoint(Join);
    PHINode *Phi = B->CreatePHI(word(), 2);
    Phi->addIncoming(T, ThenEnd);
    Phi->addIncoming(E, ElseEnd);
    // The arms' values are not available after the join.
    Pool.push_back(Phi);
    if (std::find(Pool.begin(), Pool.end(), T) != Pool.end())
      Pool.erase(std::find(Pool.begin(), Pool.end(), T));
  }

  Module &M;
  LLVMContext &Ctx;
  std::mt19937 Rng;
  Function *F = nullptr;
  std::unique_ptr<IRBuilder<>> B;
  std::vector<Value *> Pool;
};

/// f's result on constant arguments, by LLVM's constant folder.
std::optional<APInt> fold(Function &F, ArrayRef<APInt> Args) {
  const DataLayout &DL = F.getParent()->getDataLayout();
  DenseMap<Value *, Constant *> Vals;
  for (auto [A, V] : zip(F.args(), Args))
    Vals[&A] = ConstantInt::get(F.getContext(), V);
  BasicBlock *BB = &F.getEntryBlock(), *Prev = nullptr;
  for (unsigned Steps = 0; Steps < 10000; ++Steps) {
    for (Instruction &I : *BB) {
      if (auto *Phi = dyn_cast<PHINode>(&I)) {
        Vals[&I] = Vals.lookup(Phi->getIncomingValueForBlock(Prev));
        continue;
      }
      if (auto *Ret = dyn_cast<ReturnInst>(&I)) {
        auto *C =
            dyn_cast_or_null<ConstantInt>(Vals.lookup(Ret->getReturnValue()));
        if (!C && isa<ConstantInt>(Ret->getReturnValue()))
          C = cast<ConstantInt>(Ret->getReturnValue());
        return C ? std::optional<APInt>(C->getValue()) : std::nullopt;
      }
      if (auto *Br = dyn_cast<BranchInst>(&I)) {
        Prev = BB;
        if (Br->isUnconditional()) {
          BB = Br->getSuccessor(0);
        } else {
          Value *C = Br->getCondition();
          auto *CC = dyn_cast_or_null<ConstantInt>(
              isa<Constant>(C) ? cast<Constant>(C) : Vals.lookup(C));
          if (!CC)
            return std::nullopt;
          BB = Br->getSuccessor(CC->isZero() ? 1 : 0);
        }
        break;
      }
      SmallVector<Constant *, 4> Ops;
      for (Value *Op : I.operands()) {
        if (auto *C = dyn_cast<Constant>(Op))
          Ops.push_back(C);
        else if (Constant *C = Vals.lookup(Op))
          Ops.push_back(C);
        else
          return std::nullopt;
      }
      Constant *R = ConstantFoldInstOperands(&I, Ops, DL);
      if (!R)
        return std::nullopt;
      Vals[&I] = R;
    }
  }
  return std::nullopt;
}

/// Adds __entry: f(calldata words 0, 1, 2) returned as one word.
void addEntry(Module &M, Function &F) {
  LLVMContext &Ctx = M.getContext();
  Type *W = Type::getIntNTy(Ctx, 256);
  auto *Entry = Function::Create(FunctionType::get(Type::getVoidTy(Ctx), false),
                                 Function::ExternalLinkage, "__entry", M);
  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", Entry));
  SmallVector<Value *, 3> Args;
  for (unsigned I = 0; I < 3; ++I)
    Args.push_back(B.CreateLoad(
        W, B.CreateIntToPtr(ConstantInt::get(W, 32 * I), B.getPtrTy(2))));
  Value *R = B.CreateCall(&F, Args);
  B.CreateStore(R, ConstantPointerNull::get(B.getPtrTy(1)));
  FunctionCallee Ret = M.getOrInsertFunction(
      "zvm.return", FunctionType::get(Type::getVoidTy(Ctx), {W, W}, false));
  B.CreateCall(Ret, {ConstantInt::get(W, 0), ConstantInt::get(W, 32)});
  B.CreateUnreachable();
}

void optimize(Module &M) {
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PassBuilder PB;
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  PB.buildPerModuleDefaultPipeline(OptimizationLevel::O2).run(M, MAM);
}

struct CodeGenDifferentialTest : zkc::test::EmulatorFixture {};

TEST_F(CodeGenDifferentialTest, RandomArithmeticMatchesConstantFolding) {
  unsigned Compared = 0, Spilled = 0;
  for (uint32_t Seed = 1; Seed <= 200; ++Seed) {
    LLVMContext Ctx;
    Module M("T", Ctx);
    M.setDataLayout(DataLayoutString);
    Generator G(M, Seed);
    Function *F = G.build(8 + Seed % 24);
    // Keep f from being inlined and folded away: it is what is tested.
    F->addFnAttr(Attribute::NoInline);
    ASSERT_FALSE(verifyModule(M, &errs())) << "seed " << Seed;

    std::mt19937 Rng(Seed * 7919);
    std::vector<std::array<APInt, 3>> Inputs;
    for (unsigned K = 0; K < 3; ++K) {
      std::array<APInt, 3> In;
      for (APInt &V : In) {
        V = APInt(256, 0);
        for (unsigned I = 0; I < 256; I += 32)
          V.insertBits(uint64_t(Rng()), I, 32);
        if (Rng() % 3 == 0)
          V = APInt(256, Rng() % 100);
      }
      Inputs.push_back(In);
    }
    std::vector<std::optional<APInt>> Expected;
    for (auto &In : Inputs)
      Expected.push_back(fold(*F, In));

    addEntry(M, *F);
    if (Seed % 2 == 0)
      optimize(M);
    std::string Asm;
    raw_string_ostream OS(Asm);
    zkc::CodeGenOptions Opts;
    Opts.VerifyRegAlloc = true;
    // Half of the functions, optimised or not, in a few registers: spills,
    // reloads and rematerialization through branches and phis.
    if (Seed % 4 < 2)
      Opts.MaxRegisters = 8;
    Error E = zkc::generateZVMAssembly(M, Opts, OS);
    ASSERT_FALSE(bool(E)) << "seed " << Seed << ": " << toString(std::move(E));
    Spilled += Asm.find("spld") != std::string::npos;
    std::string Diags;
    raw_string_ostream DiagOS(Diags);
    std::optional<zkc::Object> Obj =
        zkc::assembleText(".object \"T\"\n" + Asm + ".end\n", DiagOS);
    ASSERT_TRUE(Obj) << "seed " << Seed << ": " << Diags << "\n" << Asm;
    Word Addr = install(*Obj);

    for (auto [In, Want] : zip(Inputs, Expected)) {
      if (!Want)
        continue;
      zkc::vm::Bytes Data(96);
      for (unsigned I = 0; I < 3; ++I)
        Word::fromString("0x" + toString(In[I], 16, false))
            ->toBigEndian(Data.data() + 32 * I);
      zkc::vm::TxResult R = call(Addr, Data);
      ASSERT_EQ(R.Result.S, zkc::vm::Status::Success) << "seed " << Seed;
      Word Got = zkc::test::wordOf(R.Result.Output);
      Word WantWord = *Word::fromString("0x" + toString(*Want, 16, false));
      EXPECT_EQ(Got, WantWord) << "seed " << Seed << "\n" << Asm;
      ++Compared;
    }
  }
  // Constant folding must have answered for most inputs.
  EXPECT_GT(Compared, 250u);
  // And a good part of the functions in few registers had to spill.
  EXPECT_GT(Spilled, 10u);
}

} // namespace
