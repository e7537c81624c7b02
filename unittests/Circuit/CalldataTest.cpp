//===-- CalldataTest.cpp - cdload on honest executions --------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// cdload of calldata of 0, 1, 31, 32, 33 and 100 bytes at every offset
// around its start and end, far past it, through negative offsets and near
// 2^32, and a word read and returned: the tables built from the trace with
// the calldata as a public input satisfy every constraint and balance every
// bus. Addresses the circuit cannot express are refused with the reason.
//
//===----------------------------------------------------------------------===//

#include "CircuitTestUtil.h"

#include <random>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

TEST(CalldataTest, ReadsAroundTheStartAndTheEnd) {
  for (size_t Size : {0, 1, 31, 32, 33, 100}) {
    SCOPED_TRACE(Size);
    vm::Bytes Data = randomBytes(Size, Size);
    std::vector<Instruction> Code = {ins(Opcode::Li, 1, 0, 0, 10)};
    std::vector<int64_t> Offsets = {0, 1, 31, 32, 64, 1000, 1 << 20};
    for (int64_t Around :
         {int64_t(Size) - 33, int64_t(Size) - 32, int64_t(Size) - 31,
          int64_t(Size) - 1, int64_t(Size), int64_t(Size) + 1})
      if (Around >= 0)
        Offsets.push_back(Around);
    for (int64_t Addr : Offsets)
      Code.push_back(
          ins(Opcode::CdLoad, 2, 1, 0, static_cast<uint32_t>(Addr - 10)));
    // A base near 2^32 with a positive offset.
    Code.push_back(ins(Opcode::Li, 3, 0, 0, 0x7fffffff));
    Code.push_back(ins(Opcode::ShlI, 3, 3, 0, 1));
    Code.push_back(ins(Opcode::CdLoad, 2, 3, 0, 1));
    Code.push_back(ins(Opcode::Stop));
    CircuitRun R(std::move(Code), {}, Data);
    ASSERT_EQ(R.Run.Result.Result.S, vm::Status::Success);
    EXPECT_EQ(R.T.UsedRows[unsigned(TableId::CdLoad)], Offsets.size() + 1);
    CheckReport Rep = R.check(/*Refill=*/false);
    EXPECT_TRUE(Rep.ok()) << describe(Rep);
  }
}

TEST(CalldataTest, AWordReadIsReturned) {
  vm::Bytes Data = randomBytes(36, 7);
  CircuitRun R({ins(Opcode::Li, 1, 0, 0, 4), ins(Opcode::CdLoad, 2, 1, 0, 0),
                ins(Opcode::MStore, 1, 2, 0, 0), ins(Opcode::Li, 3, 0, 0, 32),
                ins(Opcode::Return, 1, 3)},
               {}, Data);
  ASSERT_EQ(R.Run.Result.Result.S, vm::Status::Success);
  EXPECT_EQ(R.Run.Out.Output, vm::Bytes(Data.begin() + 4, Data.end()));
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

TEST(CalldataTest, AddressesTheCircuitCannotExpressAreRefused) {
  // 0 - 1 wraps around 2^256: the ISA reads zeros there.
  TracedRun Run = runTraced(
      {ins(Opcode::CdLoad, 2, 1, 0, ~0u), ins(Opcode::Stop)}, {}, {1, 2});
  ASSERT_EQ(Run.Result.Result.S, vm::Status::Success);
  ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool, Run.Env);
  auto T = generateCircuitTrace(C, Run.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: a calldata address outside [0, "
            "2^32) (at pc 0)");
}

} // namespace
