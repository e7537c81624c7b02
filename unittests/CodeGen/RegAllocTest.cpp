//===-- RegAllocTest.cpp - Liveness, allocation and its verifier ----------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Machine functions built by hand: live intervals, coalescing, the
// allocation's soundness as the verifier sees it, and the verifier catching
// assignments that clobber a live value.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/LiveIntervals.h"
#include "zkc/CodeGen/Passes.h"

#include "gtest/gtest.h"

using namespace zkc;
using namespace zkc::codegen;

namespace {

/// Builds machine functions one instruction at a time.
struct Builder {
  MFunction MF;
  MBlock *B;
  Builder() {
    MF.Name = MF.Label = "f";
    B = MF.addBlock("f.bb0");
  }
  unsigned param() { return MF.newVReg(MF.NumParams++); }
  unsigned op(Opcode Op, std::vector<unsigned> Uses, int64_t Imm = 0) {
    unsigned D = MF.newVReg();
    MInstr I(static_cast<unsigned>(Op));
    I.Defs.push_back(D);
    I.Uses.assign(Uses.begin(), Uses.end());
    I.Imm = Imm;
    B->Instrs.push_back(I);
    return D;
  }
  void ret(std::vector<unsigned> Uses) {
    MInstr I(Ret);
    I.Uses.assign(Uses.begin(), Uses.end());
    B->Instrs.push_back(I);
    B->NumTerminators = 1;
    MF.NumResults = Uses.size();
  }
  void branch(Opcode Op, std::vector<unsigned> Uses, MBlock *Target) {
    MInstr I(static_cast<unsigned>(Op));
    I.Uses.assign(Uses.begin(), Uses.end());
    I.Target = Target;
    B->Instrs.push_back(I);
  }
};

TEST(LiveIntervalsTest, ValueDiesWhereItIsLastRead) {
  Builder F;
  unsigned A = F.param();
  unsigned X = F.op(Opcode::AddI, {A}, 1); // position 0
  unsigned Y = F.op(Opcode::AddI, {X}, 2); // position 2
  F.ret({Y});                              // position 4
  LiveIntervals LI = LiveIntervals::compute(F.MF);
  ASSERT_EQ(LI.Intervals[X].Segments.size(), 1u);
  EXPECT_EQ(LI.Intervals[X].start(), 1u);
  EXPECT_EQ(LI.Intervals[X].end(), 2u);
  EXPECT_EQ(LI.Intervals[A].start(), 0u);
  EXPECT_EQ(LI.Intervals[A].end(), 0u);
  // X dies where Y is born: they may share a register.
  EXPECT_FALSE(LI.Intervals[X].overlaps(LI.Intervals[Y]));
}

TEST(LiveIntervalsTest, LoopCarriedValueCoversTheWholeLoop) {
  Builder F;
  MBlock *Entry = F.B;
  MBlock *Loop = F.MF.addBlock("f.bb1");
  MBlock *Exit = F.MF.addBlock("f.bb2");
  unsigned N = F.param();
  unsigned I0 = F.op(Opcode::Li, {}, 0);
  unsigned I = F.MF.newVReg();
  MInstr Copy(PCopy);
  Copy.Defs.push_back(I);
  Copy.Uses.push_back(I0);
  Entry->Instrs.push_back(Copy);
  F.branch(Opcode::Jmp, {}, Loop);
  F.B = Loop;
  unsigned Next = F.op(Opcode::AddI, {I}, 1);
  MInstr Back(PCopy);
  Back.Defs.push_back(I);
  Back.Uses.push_back(Next);
  Loop->Instrs.push_back(Back);
  F.branch(Opcode::Bltu, {I, N}, Loop);
  F.branch(Opcode::Jmp, {}, Exit);
  F.B = Exit;
  F.ret({I});
  LiveIntervals LI = LiveIntervals::compute(F.MF);
  // N is read in the loop on every iteration: live through all of it.
  for (unsigned P = LI.BlockStart[1]; P <= LI.BlockEnd[1]; ++P)
    EXPECT_TRUE(LI.Intervals[N].liveAt(P)) << P;
  EXPECT_TRUE(LI.LiveIn[1].test(I));
  EXPECT_TRUE(LI.LiveIn[2].test(I));
  EXPECT_FALSE(LI.LiveIn[2].test(N));

  ASSERT_FALSE(bool(allocateRegisters(F.MF)));
  EXPECT_FALSE(bool(verifyRegisterAllocation(F.MF)));
  // The loop counter and its copies coalesce into one register.
  EXPECT_EQ(F.MF.Assigned[I], F.MF.Assigned[Next]);
  EXPECT_EQ(F.MF.Assigned[I], F.MF.Assigned[I0]);
  EXPECT_NE(F.MF.Assigned[I], F.MF.Assigned[N]);
  EXPECT_EQ(F.MF.Assigned[N], 0);
}

TEST(RegAllocTest, SimultaneouslyLiveValuesGetDistinctRegisters) {
  Builder F;
  unsigned A = F.param(), B = F.param();
  std::vector<unsigned> Vals;
  for (int K = 0; K < 50; ++K)
    Vals.push_back(F.op(Opcode::AddI, {K % 2 ? A : B}, K));
  unsigned Sum = Vals[0];
  for (unsigned K = 1; K < Vals.size(); ++K)
    Sum = F.op(Opcode::Add, {Sum, Vals[K]});
  F.ret({Sum});
  ASSERT_FALSE(bool(allocateRegisters(F.MF)));
  EXPECT_FALSE(bool(verifyRegisterAllocation(F.MF)));
  std::set<int> Regs;
  for (unsigned V : Vals)
    Regs.insert(F.MF.Assigned[V]);
  // All fifty are live at the first add; the parameters die before.
  EXPECT_EQ(Regs.size(), 50u);
}

TEST(RegAllocTest, VerifierCatchesAClobberedValue) {
  Builder F;
  unsigned A = F.param();
  unsigned X = F.op(Opcode::AddI, {A}, 1);
  unsigned Y = F.op(Opcode::AddI, {A}, 2);
  unsigned Z = F.op(Opcode::Add, {X, Y});
  F.ret({Z});
  ASSERT_FALSE(bool(allocateRegisters(F.MF)));
  ASSERT_FALSE(bool(verifyRegisterAllocation(F.MF)));
  // X is still live when Y is written: the same register would lose X.
  F.MF.Assigned[Y] = F.MF.Assigned[X];
  llvm::Error E = verifyRegisterAllocation(F.MF);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("is read from"),
            std::string::npos);
}

TEST(RegAllocTest, VerifierCatchesAMovedParameter) {
  Builder F;
  unsigned A = F.param();
  F.ret({F.op(Opcode::AddI, {A}, 1)});
  ASSERT_FALSE(bool(allocateRegisters(F.MF)));
  F.MF.Assigned[A] = 5;
  EXPECT_TRUE(bool(verifyRegisterAllocation(F.MF)) == true);
}

TEST(RegAllocTest, TooManyLiveValuesIsAnError) {
  Builder F;
  std::vector<unsigned> Vals;
  for (int K = 0; K < 300; ++K)
    Vals.push_back(F.op(Opcode::Li, {}, K));
  unsigned Sum = Vals[0];
  for (unsigned K = 1; K < Vals.size(); ++K)
    Sum = F.op(Opcode::Add, {Sum, Vals[K]});
  F.ret({Sum});
  llvm::Error E = allocateRegisters(F.MF);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("register window"),
            std::string::npos);
}

} // namespace
