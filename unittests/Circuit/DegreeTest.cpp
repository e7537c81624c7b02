//===-- DegreeTest.cpp - Every constraint has degree 3 or less ------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

#include "gtest/gtest.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;

namespace {

TEST(DegreeTest, EveryConstraintHasDegreeAtMostThree) {
  ZvmCircuit C({Instruction{Opcode::Stop}}, {});
  CircuitDegrees D = computeDegrees(C);
  ASSERT_FALSE(D.Constraints.empty());
  for (const ConstraintDegree &K : D.Constraints) {
    EXPECT_LE(K.Degree, 3) << K.Table << ": " << K.Name;
    EXPECT_GE(K.Degree, 1) << K.Table << ": " << K.Name << " is constant";
  }
}

TEST(DegreeTest, EveryInteractionFitsALogUpColumnOfDegreeThree) {
  ZvmCircuit C({Instruction{Opcode::Stop}}, {});
  for (const InteractionDegree &I : computeDegrees(C).Interactions) {
    EXPECT_LE(I.ValueDegree, 2) << I.Table << " on bus " << busName(I.B);
    EXPECT_LE(I.MultiplicityDegree, 3) << I.Table << " on bus " << busName(I.B);
    EXPECT_LE(I.logUpDegree(), 3) << I.Table << " on bus " << busName(I.B);
  }
}

TEST(DegreeTest, ConstraintNamesBelongToTheirTable) {
  ZvmCircuit C({Instruction{Opcode::Stop}}, {});
  for (const ConstraintDegree &K : computeDegrees(C).Constraints)
    EXPECT_EQ(K.Name.substr(0, K.Table.size() + 1), K.Table + ".") << K.Name;
}

TEST(DegreeTest, EveryBusHasASenderAndAReceiver) {
  ZvmCircuit C({Instruction{Opcode::Stop}}, {});
  std::set<std::pair<Bus, bool>> Seen;
  for (const InteractionDegree &I : computeDegrees(C).Interactions)
    Seen.insert({I.B, I.IsSend});
  for (unsigned B = 0; B < NumBuses; ++B) {
    EXPECT_TRUE(Seen.count({static_cast<Bus>(B), true})) << B;
    EXPECT_TRUE(Seen.count({static_cast<Bus>(B), false})) << B;
  }
}

} // namespace

namespace {

TEST(DegreeTest, WidthsAreAsDocumented) {
  // docs/circuit.md, "Tables".
  EXPECT_EQ(ProgramAir::Width, 1u);
  EXPECT_EQ(ProgramAir::PreprocessedWidth, 22u);
  EXPECT_EQ(CpuAir::Width, 199u);
  EXPECT_EQ(AddSubAir::Width, 66u);
  EXPECT_EQ(LtAir::Width, 70u);
  EXPECT_EQ(EqAir::Width, 37u);
  EXPECT_EQ(BitwiseAir::Width, 148u);
  EXPECT_EQ(MulAir::Width, 81u);
  EXPECT_EQ(DivModAir::Width, 216u);
  EXPECT_EQ(ShiftAir::Width, 191u);
  EXPECT_EQ(ByteOpAir::Width, 122u);
  EXPECT_EQ(SelectAir::Width, 51u);
  EXPECT_EQ(ModArithAir::Width, 179u);
  EXPECT_EQ(ExpAir::Width, 131u);
  EXPECT_EQ(WideMulAir::Width, 143u);
  EXPECT_EQ(RegisterAccessAir::Width, 39u);
  EXPECT_EQ(RegisterBoundaryAir::Width, 21u);
  EXPECT_EQ(HeapAccessAir::Width, 186u);
  EXPECT_EQ(HeapBoundaryAir::Width, 6u);
  EXPECT_EQ(StackAccessAir::Width, 183u);
  EXPECT_EQ(StackBoundaryAir::Width, 6u);
  EXPECT_EQ(OutputAir::Width, 8u);
  EXPECT_EQ(OutputAir::PreprocessedWidth, 6u);
  EXPECT_EQ(CdLoadAir::Width, 54u);
  EXPECT_EQ(StorageAccessAir::Width, 55u);
  EXPECT_EQ(StorageBoundaryAir::Width, 52u);
  EXPECT_EQ(StoragePublicAir::Width, 16u);
  EXPECT_EQ(StoragePublicAir::PreprocessedWidth, 50u);
  EXPECT_EQ(LogAir::Width, 80u);
  EXPECT_EQ(LogDataAir::Width, 5u);
  EXPECT_EQ(LogDataAir::PreprocessedWidth, 4u);
  EXPECT_EQ(LogPublicAir::Width, 1u);
  EXPECT_EQ(LogPublicAir::PreprocessedWidth, 68u);
  EXPECT_EQ(CalldataAir::Width, 1u);
  EXPECT_EQ(CalldataAir::PreprocessedWidth, 2u);
  EXPECT_EQ(EnvAir::Width, 1u);
  EXPECT_EQ(EnvAir::PreprocessedWidth, 17u);
  EXPECT_EQ(RangeAir::Width, 1u);
  EXPECT_EQ(RangeAir::PreprocessedWidth, 1u);
  EXPECT_EQ(ByteAir::Width, 3u);
  EXPECT_EQ(ByteAir::PreprocessedWidth, 5u);
  EXPECT_EQ(KeccakSpongeAir::Width, 1060u);
  EXPECT_EQ(KeccakAir::Width, 2408u);
  EXPECT_EQ(KeccakAir::PreprocessedWidth, 67u);
  EXPECT_EQ(CopyAir::Width, 27u);
  EXPECT_EQ(CodeAir::Width, 1u);
  EXPECT_EQ(CodeAir::PreprocessedWidth, 2u);
}

} // namespace
