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

#include "llvm/ADT/STLExtras.h"

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

/// 300 values computed from a parameter, all live when the chain that
/// sums them starts.
Builder manyLiveValues(std::vector<unsigned> &Vals) {
  Builder F;
  unsigned A = F.param();
  for (int K = 0; K < 300; ++K)
    Vals.push_back(F.op(Opcode::AddI, {A}, K));
  unsigned Sum = Vals[0];
  for (unsigned K = 1; K < Vals.size(); ++K)
    Sum = F.op(Opcode::Add, {Sum, Vals[K]});
  F.ret({Sum});
  return F;
}

/// Spilled values disappear from the function: their definitions and uses
/// were renamed to the registers around their stores and reloads.
bool isSpilled(const MFunction &MF, unsigned V) {
  for (const auto &B : MF.Blocks)
    for (const MInstr &I : B->Instrs)
      if (llvm::is_contained(I.Defs, V) || llvm::is_contained(I.Uses, V))
        return false;
  return true;
}

MInstr *findInstr(MFunction &MF, Opcode Op) {
  for (auto &B : MF.Blocks)
    for (MInstr &I : B->Instrs)
      if (I.Opc == static_cast<unsigned>(Op))
        return &I;
  return nullptr;
}

TEST(RegAllocTest, MoreLiveValuesThanRegistersAreSpilled) {
  std::vector<unsigned> Vals;
  Builder F = manyLiveValues(Vals);
  ASSERT_FALSE(bool(allocateRegisters(F.MF)));
  EXPECT_FALSE(bool(verifyRegisterAllocation(F.MF)));
  unsigned Spilled =
      llvm::count_if(Vals, [&](unsigned V) { return isSpilled(F.MF, V); });
  // 255 registers, one of them the parameter's; a few more go to the
  // reloads of the chain.
  EXPECT_GE(Spilled, 300u - F.MF.allocatableRegs());
  EXPECT_LT(Spilled, 60u);
  EXPECT_GE(F.MF.NumSpillSlots, 1u);
  EXPECT_LE(F.MF.NumSpillSlots, Spilled);
  EXPECT_NE(findInstr(F.MF, Opcode::SpSt), nullptr);
  EXPECT_NE(findInstr(F.MF, Opcode::SpLd), nullptr);
}

TEST(RegAllocTest, ConstantsAreComputedAgainRatherThanSpilled) {
  Builder F;
  std::vector<unsigned> Vals;
  for (int K = 0; K < 300; ++K)
    Vals.push_back(F.op(Opcode::Li, {}, K));
  unsigned Sum = Vals[0];
  for (unsigned K = 1; K < Vals.size(); ++K)
    Sum = F.op(Opcode::Add, {Sum, Vals[K]});
  F.ret({Sum});
  ASSERT_FALSE(bool(allocateRegisters(F.MF)));
  EXPECT_FALSE(bool(verifyRegisterAllocation(F.MF)));
  EXPECT_EQ(F.MF.NumSpillSlots, 0u);
  EXPECT_EQ(findInstr(F.MF, Opcode::SpSt), nullptr);
  EXPECT_EQ(findInstr(F.MF, Opcode::SpLd), nullptr);
  unsigned NumLi = 0;
  for (const MInstr &I : F.MF.Blocks.front()->Instrs)
    NumLi += I.Opc == static_cast<unsigned>(Opcode::Li);
  EXPECT_EQ(NumLi, 300u);
}

TEST(RegAllocTest, SpillsPreferValuesOutsideLoops) {
  // 250 hot values used in a loop, 20 cold ones used only after it: the
  // cold ones are the cheapest to spill, and spilling enough of them
  // leaves the loop without reloads.
  Builder F;
  MBlock *Loop = F.MF.addBlock("f.bb1");
  MBlock *Exit = F.MF.addBlock("f.bb2");
  Loop->LoopDepth = 1;
  unsigned N = F.param();
  std::vector<unsigned> Hot, Cold;
  for (int K = 0; K < 250; ++K)
    Hot.push_back(F.op(Opcode::AddI, {N}, K));
  for (int K = 0; K < 20; ++K)
    Cold.push_back(F.op(Opcode::AddI, {N}, 1000 + K));
  F.branch(Opcode::Jmp, {}, Loop);
  F.B->NumTerminators = 1;
  F.B = Loop;
  unsigned Acc = F.op(Opcode::Li, {}, 0);
  for (unsigned H : Hot)
    Acc = F.op(Opcode::Add, {Acc, H});
  F.branch(Opcode::Jnz, {Acc}, Loop);
  F.branch(Opcode::Jmp, {}, Exit);
  Loop->NumTerminators = 2;
  F.B = Exit;
  unsigned Sum = N;
  for (unsigned C : Cold)
    Sum = F.op(Opcode::Add, {Sum, C});
  F.ret({Sum});
  ASSERT_FALSE(bool(allocateRegisters(F.MF)));
  ASSERT_FALSE(bool(verifyRegisterAllocation(F.MF)));
  unsigned ColdSpilled =
      llvm::count_if(Cold, [&](unsigned V) { return isSpilled(F.MF, V); });
  unsigned HotSpilled =
      llvm::count_if(Hot, [&](unsigned V) { return isSpilled(F.MF, V); });
  // 250 + 20 values, the parameter and the sum in 255 registers.
  EXPECT_GE(ColdSpilled, 17u);
  EXPECT_EQ(HotSpilled, 0u);
  for (const MInstr &I : Loop->Instrs)
    EXPECT_NE(I.Opc, static_cast<unsigned>(Opcode::SpLd));
}

TEST(RegAllocTest, VerifierCatchesAReloadOfAnotherValue) {
  std::vector<unsigned> Vals;
  Builder F = manyLiveValues(Vals);
  ASSERT_FALSE(bool(allocateRegisters(F.MF)));
  ASSERT_FALSE(bool(verifyRegisterAllocation(F.MF)));
  MInstr *Reload = findInstr(F.MF, Opcode::SpLd);
  ASSERT_NE(Reload, nullptr);
  Reload->SpillOf += 1000;
  llvm::Error E = verifyRegisterAllocation(F.MF);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("is reloaded from slot"),
            std::string::npos);
}

TEST(RegAllocTest, VerifierCatchesAClobberedSpillSlot) {
  // Two values live at once must not share a slot: storing the second
  // into the first's slot loses the first.
  std::vector<unsigned> Vals;
  Builder F = manyLiveValues(Vals);
  ASSERT_FALSE(bool(allocateRegisters(F.MF)));
  ASSERT_GE(F.MF.NumSpillSlots, 2u);
  std::vector<MInstr *> Stores;
  for (auto &B : F.MF.Blocks)
    for (MInstr &I : B->Instrs)
      if (I.Opc == static_cast<unsigned>(Opcode::SpSt))
        Stores.push_back(&I);
  ASSERT_GE(Stores.size(), 2u);
  // The stores come right after the constants, before any reload.
  Stores[1]->Imm = Stores[0]->Imm;
  llvm::Error E = verifyRegisterAllocation(F.MF);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("which holds spilled value"),
            std::string::npos);
}

} // namespace
