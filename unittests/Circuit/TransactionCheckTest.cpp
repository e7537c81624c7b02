//===-- TransactionCheckTest.cpp - Checking transactions as runners do ----===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// circuit::transactAndCheck, which `zkc-test --check-circuit` runs on every
// transaction: calls the circuit proves are checked with the transaction's
// own public inputs, others are counted with the reason.
//
//===----------------------------------------------------------------------===//

#include "../VM/ObjectBuilder.h"

#include "zkc/Circuit/TransactionCheck.h"
#include "zkc/Support/Keccak.h"

#include "gtest/gtest.h"

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;
using namespace zkc::vm;

namespace {

const Word Sender(0xa11ce), Contract(0xc0de);

void installContract(Emulator &E, std::vector<Instruction> Code) {
  E.State.Accounts[Sender].CodeHash = emptyCodeHash();
  E.State.Accounts[Sender].Balance = Word(1'000'000'000ull);
  Bytes Obj = serialize(makeObject(std::move(Code)));
  Account &A = E.State.Accounts[Contract];
  A.Code = std::make_shared<const Bytes>(Obj);
  A.CodeHash = keccak256Word(Obj.data(), Obj.size());
}

Transaction callOf(const Word &To) {
  Transaction Tx;
  Tx.From = Sender;
  Tx.To = To;
  Tx.GasLimit = 1'000'000;
  return Tx;
}

TEST(TransactionCheckTest, ChecksACallWithItsOwnOrigin) {
  // tx.origin set apart from the sender, as test hosts do: the public
  // inputs must be the transaction's.
  std::vector<Instruction> Code = {ins(Opcode::Origin, 1),
                                   ins(Opcode::Caller, 2),
                                   ins(Opcode::Sub, 1, 1, 2)};
  for (const Instruction &I : returnReg(1))
    Code.push_back(I);
  Emulator E;
  installContract(E, Code);
  Transaction Tx = callOf(Contract);
  Tx.Origin = Word(0x9292);
  TransactionCheck Check;
  TxResult R = transactAndCheck(E, Tx, Check);
  ASSERT_EQ(R.Result.S, Status::Success);
  EXPECT_EQ(wordOf(R.Result.Output), Word(0x9292) - Sender);
  EXPECT_EQ(Check.Outcome, TransactionCheck::Result::Checked) << Check.Detail;
  EXPECT_GT(Check.Rows, 0u);

  CircuitTally Tally;
  Tally.add(Check, R.Cycles);
  EXPECT_EQ(Tally.Checked, 1u);
  EXPECT_EQ(Tally.Cycles, R.Cycles);
  EXPECT_EQ(Tally.Rows, Check.Rows);
}

TEST(TransactionCheckTest, CountsWhatTheCircuitCannotProve) {
  Emulator E;
  installContract(E, {ins(Opcode::Gas, 1), ins(Opcode::Gas, 2),
                      ins(Opcode::BlockHash, 3, 1), ins(Opcode::Stop)});
  TransactionCheck Check;
  TxResult R = transactAndCheck(E, callOf(Contract), Check);
  EXPECT_EQ(R.Result.S, Status::Success);
  EXPECT_EQ(Check.Outcome, TransactionCheck::Result::Unsupported);
  EXPECT_EQ(Check.Detail, "unsupported by the circuit: gas, blockhash");

  // A deployment, and a trap.
  Transaction Deploy;
  Deploy.From = Sender;
  Deploy.Data = serialize(makeDeploy(makeObject({ins(Opcode::Stop)})));
  TransactionCheck DeployCheck;
  EXPECT_EQ(transactAndCheck(E, Deploy, DeployCheck).Result.S, Status::Success);
  EXPECT_EQ(DeployCheck.Outcome, TransactionCheck::Result::Unsupported);
  Emulator Trapping;
  installContract(Trapping, {ins(Opcode::Invalid)});
  TransactionCheck TrapCheck;
  EXPECT_EQ(transactAndCheck(Trapping, callOf(Contract), TrapCheck).Result.S,
            Status::Trap);
  EXPECT_EQ(TrapCheck.Outcome, TransactionCheck::Result::Unsupported);

  // Instructions count one by one; other reasons without their location.
  CircuitTally Tally;
  Tally.add(Check, R.Cycles);
  Tally.add(DeployCheck, 0);
  Tally.add(TrapCheck, 0);
  CircuitTally Twice;
  Twice.merge(Tally);
  Twice.merge(Tally);
  EXPECT_EQ(Twice.Unsupported, 6u);
  EXPECT_EQ(Twice.Checked, 0u);
  EXPECT_EQ(Twice.Reasons["gas"], 2u);
  EXPECT_EQ(Twice.Reasons["blockhash"], 2u);
  EXPECT_EQ(Twice.Reasons[DeployCheck.Detail], 2u);
  EXPECT_EQ(Twice.Reasons.size(), 4u);
}

} // namespace
