//===-- OverflowChecks.cpp - Signed overflow tests in one comparison -----===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The EVM has no overflow flags, so solc's checked signed arithmetic spells
// each test out with comparisons: `x - y` overflowed if y >= 0 and the
// difference is greater than x, or y < 0 and it is less; `x * c` overflowed
// if x != 0 and the product divided back by x is not c. LLVM keeps these as
// written (InstCombine only recognises the unsigned division-back test, and
// here the divisor is the EVM's division-by-zero-safe one), so a signed
// subtraction costs nine ZVM instructions where its overflow bit takes four,
// and a multiplication by a constant a division where a range check does.
//
// This pass recognises such tests on conditional branches and rewrites
// them as the shortest test for the ZVM, one comparison that selection
// folds into the branch:
//  - add/sub: the sign of (x ^ y) & (x ^ r) for a subtraction, (x ^ r) &
//    (y ^ r) for an addition. A condition built from the sign of one
//    operand and signed comparisons of the result with the other, with
//    and/or/xor, select, zext and tests against zero, is evaluated on every
//    feasible combination of those facts; if it equals the overflow bit (or
//    its negation) on all of them, it is that bit. Deciding by truth table
//    rather than by shape accepts every spelling InstCombine may leave.
//  - mul by a constant c other than the minimum: `x != 0 && sdiv(x * c, d)
//    != c`, d being x or x made non-zero (umax(x, 1), select(x == 0, 1, x)),
//    and its negation, become a range check of x. For x != 0, d is x, and
//    the division-back test is exact except for x = -1, c = INT_MIN, which
//    the constant excludes.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/PatternMatch.h"
#include "llvm/Transforms/Utils/Local.h"

#include <optional>

using namespace llvm;
using namespace llvm::PatternMatch;
using namespace zkc::codegen;

#define DEBUG_TYPE "zvm-overflow-checks"

namespace {

/// How a result R compares with the operand P it is tested against, in
/// one combination of facts.
enum class Order { Less, Equal, Greater };

/// One combination of the facts an add/sub overflow test can depend on:
/// whether the operand Q is negative, and how R compares with P.
struct World {
  bool QNegative;
  Order ROrder;
};

/// The facts a candidate test is expressed in: R = P op Q (or Q op P for a
/// commutative add) is the arithmetic, P the operand R is compared with, Q
/// the one whose sign is tested.
struct Candidate {
  BinaryOperator *R;
  Value *P, *Q;
};

class ConditionEvaluator {
public:
  ConditionEvaluator(const Candidate &C, const World &W) : C(C), W(W) {}

  /// The value of V (an i1, or an integer known to be 0 or 1) in the
  /// world, or nothing if V depends on anything else.
  std::optional<bool> eval(Value *V, unsigned Depth = 0) {
    if (Depth > MaxDepth)
      return std::nullopt;
    if (auto *CI = dyn_cast<ConstantInt>(V))
      return CI->isOne()    ? std::optional(true)
             : CI->isZero() ? std::optional(false)
                            : std::nullopt;
    Value *A, *B, *Cond;
    const APInt *Shift;
    unsigned Width = V->getType()->getScalarSizeInBits();
    // The sign bit of Q moved to bit 0.
    if (match(V, m_LShr(m_Specific(C.Q), m_APInt(Shift))) &&
        *Shift == Width - 1)
      return W.QNegative;
    if (match(V, m_ZExt(m_Value(A))))
      return eval(A, Depth + 1);
    if (match(V, m_Not(m_Value(A))) && V->getType()->isIntegerTy(1)) {
      std::optional<bool> X = eval(A, Depth + 1);
      return X ? std::optional(!*X) : std::nullopt;
    }
    if (match(V, m_And(m_Value(A), m_Value(B))) ||
        match(V, m_Or(m_Value(A), m_Value(B))) ||
        match(V, m_Xor(m_Value(A), m_Value(B)))) {
      std::optional<bool> X = eval(A, Depth + 1), Y = eval(B, Depth + 1);
      if (!X || !Y)
        return std::nullopt;
      switch (cast<BinaryOperator>(V)->getOpcode()) {
      case Instruction::And:
        return *X && *Y;
      case Instruction::Or:
        return *X || *Y;
      default:
        return *X != *Y;
      }
    }
    if (match(V, m_Select(m_Value(Cond), m_Value(A), m_Value(B)))) {
      std::optional<bool> X = eval(Cond, Depth + 1);
      return X ? eval(*X ? A : B, Depth + 1) : std::nullopt;
    }
    if (auto *Cmp = dyn_cast<ICmpInst>(V))
      return evalCompare(Cmp, Depth);
    return std::nullopt;
  }

private:
  static constexpr unsigned MaxDepth = 12;

  std::optional<bool> evalCompare(ICmpInst *Cmp, unsigned Depth) {
    ICmpInst::Predicate Pred = Cmp->getPredicate();
    Value *L = Cmp->getOperand(0), *R = Cmp->getOperand(1);
    // A 0/1 value tested against zero.
    if (Cmp->isEquality() && match(R, m_Zero())) {
      std::optional<bool> X = eval(L, Depth + 1);
      return X ? std::optional(Pred == ICmpInst::ICMP_EQ ? !*X : *X)
               : std::nullopt;
    }
    // The sign of Q.
    if (L == C.Q && match(R, m_Zero()) && Pred == ICmpInst::ICMP_SLT)
      return W.QNegative;
    if (L == C.Q && match(R, m_AllOnes()) && Pred == ICmpInst::ICMP_SGT)
      return !W.QNegative;
    // R against P.
    if (L == C.P && R == C.R) {
      std::swap(L, R);
      Pred = ICmpInst::getSwappedPredicate(Pred);
    }
    if (L != C.R || R != C.P || !(Cmp->isSigned() || Cmp->isEquality()))
      return std::nullopt;
    switch (Pred) {
    case ICmpInst::ICMP_EQ:
      return W.ROrder == Order::Equal;
    case ICmpInst::ICMP_NE:
      return W.ROrder != Order::Equal;
    case ICmpInst::ICMP_SLT:
      return W.ROrder == Order::Less;
    case ICmpInst::ICMP_SLE:
      return W.ROrder != Order::Greater;
    case ICmpInst::ICMP_SGT:
      return W.ROrder == Order::Greater;
    case ICmpInst::ICMP_SGE:
      return W.ROrder != Order::Less;
    default:
      return std::nullopt;
    }
  }

  const Candidate &C;
  const World &W;
};

/// Whether R = P + Q or P - Q overflowed in a world: P + Q overflowed when
/// Q >= 0 and R < P, or Q < 0 and R > P; P - Q the other way round.
bool overflows(const Candidate &C, const World &W) {
  bool Add = C.R->getOpcode() == Instruction::Add;
  Order Wrapped = W.QNegative == Add ? Order::Greater : Order::Less;
  return W.ROrder == Wrapped;
}

/// The worlds that can occur: a negative Q never leaves R equal to P.
SmallVector<World, 6> feasibleWorlds() {
  SmallVector<World, 6> Worlds;
  for (bool Negative : {false, true})
    for (Order O : {Order::Less, Order::Equal, Order::Greater})
      if (!(Negative && O == Order::Equal))
        Worlds.push_back({Negative, O});
  return Worlds;
}

/// The add/sub instructions (and operand roles) a condition could be the
/// overflow test of: those it compares with one of their operands.
SmallVector<Candidate, 4> candidatesFor(Value *Cond) {
  SmallVector<Candidate, 4> Result;
  SmallVector<Value *, 16> Work{Cond};
  SmallPtrSet<Value *, 16> Seen;
  while (!Work.empty() && Seen.size() < 32) {
    Value *V = Work.pop_back_val();
    auto *I = dyn_cast<Instruction>(V);
    if (!I || !Seen.insert(I).second)
      continue;
    if (auto *Cmp = dyn_cast<ICmpInst>(I)) {
      for (unsigned Side = 0; Side < 2; ++Side) {
        auto *R = dyn_cast<BinaryOperator>(Cmp->getOperand(Side));
        Value *Other = Cmp->getOperand(1 - Side);
        if (!R || !R->getType()->isIntegerTy())
          continue;
        if (R->getOpcode() == Instruction::Sub && R->getOperand(0) == Other)
          Result.push_back({R, Other, R->getOperand(1)});
        if (R->getOpcode() == Instruction::Add)
          for (unsigned K = 0; K < 2; ++K)
            if (R->getOperand(K) == Other)
              Result.push_back({R, Other, R->getOperand(1 - K)});
      }
    }
    if (isa<BinaryOperator, SelectInst, ZExtInst, ICmpInst>(I))
      for (Value *Op : I->operands())
        Work.push_back(Op);
  }
  return Result;
}

/// The overflow test of R = P + Q or P - Q as the sign of one word: the
/// result's sign differs from what the operands' signs force. With
/// Overflowed false, the negation (the sign comparison inverted).
Value *addSubTest(BinaryOperator *R, bool Overflowed, Instruction *Before) {
  IRBuilder<> B(Before);
  Value *X = R->getOperand(0), *Y = R->getOperand(1);
  Value *Wrong = R->getOpcode() == Instruction::Add
                     ? B.CreateAnd(B.CreateXor(X, R), B.CreateXor(Y, R))
                     : B.CreateAnd(B.CreateXor(X, Y), B.CreateXor(X, R));
  Constant *Zero = ConstantInt::get(R->getType(), 0);
  return Overflowed ? B.CreateICmpSLT(Wrong, Zero, R->getName() + ".ov")
                    : B.CreateICmpSGE(Wrong, Zero, R->getName() + ".nov");
}

/// An add/sub overflow test: the overflow bit, or its negation, in place of
/// Cond; nothing if Cond is neither.
Value *foldAddSubTest(Value *Cond, Instruction *InsertBefore) {
  for (const Candidate &C : candidatesFor(Cond)) {
    bool IsOverflow = true, IsNoOverflow = true;
    for (const World &W : feasibleWorlds()) {
      std::optional<bool> V = ConditionEvaluator(C, W).eval(Cond);
      if (!V) {
        IsOverflow = IsNoOverflow = false;
        break;
      }
      IsOverflow &= *V == overflows(C, W);
      IsNoOverflow &= *V != overflows(C, W);
    }
    if (!IsOverflow && !IsNoOverflow)
      continue;
    return addSubTest(C.R, IsOverflow, InsertBefore);
  }
  return nullptr;
}

/// The overflow test of x * C as a range check: the product fits exactly
/// when x lies in [Lo, Hi], the quotients of the extremes by C rounded
/// towards zero, which one unsigned comparison of x - Lo with Hi - Lo
/// tests. With Overflowed false, its negation.
Value *mulTest(Value *X, const APInt &C, bool Overflowed, Instruction *Before) {
  unsigned W = C.getBitWidth();
  APInt Min = APInt::getSignedMinValue(W), Max = APInt::getSignedMaxValue(W);
  APInt Lo, Hi;
  if (C.isAllOnes()) {
    Lo = -Max;
    Hi = Max;
  } else if (C.isNegative()) {
    Lo = Max.sdiv(C);
    Hi = Min.sdiv(C);
  } else {
    Lo = Min.sdiv(C);
    Hi = Max.sdiv(C);
  }
  IRBuilder<> B(Before);
  Value *Offset = B.CreateSub(X, B.getInt(Lo));
  Value *Span = B.getInt(Hi - Lo);
  return Overflowed ? B.CreateICmpUGT(Offset, Span, "mul.ov")
                    : B.CreateICmpULE(Offset, Span, "mul.nov");
}

/// Whether V is X * C, as InstCombine leaves it: a multiplication, a shift
/// for a power of two, a negation for -1.
bool isMulByConstant(Value *V, Value *X, const APInt &C) {
  const APInt *K;
  if (match(V, m_c_Mul(m_Specific(X), m_APInt(K))))
    return *K == C;
  if (match(V, m_Shl(m_Specific(X), m_APInt(K))))
    return K->ult(C.getBitWidth()) && C.isPowerOf2() &&
           C.logBase2() == K->getZExtValue();
  return C.isAllOnes() && match(V, m_Neg(m_Specific(X)));
}

/// x made non-zero for a division: x itself, umax(x, 1) or
/// select(x == 0, 1, x).
bool isNonZeroDivisor(Value *D, Value *X) {
  if (D == X)
    return true;
  if (match(D, m_c_UMax(m_Specific(X), m_One())))
    return true;
  ICmpInst::Predicate Pred;
  return match(D, m_Select(m_ICmp(Pred, m_Specific(X), m_Zero()), m_One(),
                           m_Specific(X))) &&
         Pred == ICmpInst::ICMP_EQ;
}

/// `x != 0 && sdiv(x * c, d) != c`, or the negation `x == 0 || sdiv(x * c,
/// d) == c`: the smul overflow bit (or its negation) in place of Cond.
Value *foldMulTest(Value *Cond, Instruction *InsertBefore) {
  Value *A, *B;
  bool Negated;
  if (match(Cond, m_LogicalAnd(m_Value(A), m_Value(B))))
    Negated = false;
  else if (match(Cond, m_LogicalOr(m_Value(A), m_Value(B))))
    Negated = true;
  else
    return nullptr;
  ICmpInst::Predicate Outer = Negated ? ICmpInst::ICMP_EQ : ICmpInst::ICMP_NE;
  for (int Swap = 0; Swap < 2; ++Swap, std::swap(A, B)) {
    Value *X, *Mul, *D;
    const APInt *C;
    ICmpInst::Predicate P1, P2;
    if (!match(A, m_ICmp(P1, m_Value(X), m_Zero())) || P1 != Outer)
      continue;
    if (!match(B, m_c_ICmp(P2, m_SDiv(m_Value(Mul), m_Value(D)), m_APInt(C))) ||
        P2 != Outer)
      continue;
    if (!isMulByConstant(Mul, X, *C) || C->isMinSignedValue() ||
        !isNonZeroDivisor(D, X))
      continue;
    return mulTest(X, *C, !Negated, InsertBefore);
  }
  return nullptr;
}

} // namespace

PreservedAnalyses SignedOverflowCheckPass::run(Function &F,
                                               FunctionAnalysisManager &) {
  bool Changed = false;
  for (BasicBlock &BB : F) {
    auto *Br = dyn_cast<BranchInst>(BB.getTerminator());
    if (!Br || !Br->isConditional())
      continue;
    Value *Cond = Br->getCondition();
    Value *Bit = foldMulTest(Cond, Br);
    if (!Bit)
      Bit = foldAddSubTest(Cond, Br);
    if (!Bit)
      continue;
    Br->setCondition(Bit);
    RecursivelyDeleteTriviallyDeadInstructions(Cond);
    Changed = true;
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}
