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

#include "zkc/Circuit/Circuit.h"
#include "zkc/Circuit/TransactionCheck.h"
#include "zkc/Object/Object.h"
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

TEST(TransactionCheckTest, PublishesStorageAndLogs) {
  // storage[7] = storage[7] + 5 from a pre-state of 30, then a log of the
  // word stored at heap 0 with topic 7: the public outputs (post-state,
  // logs) are the transaction's.
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 7),   ins(Opcode::SLoad, 2, 1),
      ins(Opcode::AddI, 2, 2, 0, 5), ins(Opcode::SStore, 1, 2),
      ins(Opcode::Li, 10, 0, 0, 0),  ins(Opcode::MStore, 10, 2, 0, 0),
      ins(Opcode::Li, 11, 0, 0, 32), ins(Opcode::Mov, 12, 1),
      ins(Opcode::Log1, 10),         ins(Opcode::Stop)};
  Emulator E;
  installContract(E, Code);
  E.setStorage(Contract, Word(7), Word(30));
  TransactionCheck Check;
  TxResult R = transactAndCheck(E, callOf(Contract), Check);
  ASSERT_EQ(R.Result.S, Status::Success);
  ASSERT_EQ(R.Logs.size(), 1u);
  EXPECT_EQ(wordOf(R.Logs[0].Data), Word(35));
  EXPECT_EQ(Check.Outcome, TransactionCheck::Result::Checked) << Check.Detail;
}

TEST(TransactionCheckTest, ChecksADeployment) {
  // The init code copies the runtime object out of itself and reads its
  // constructor argument from the end of the code (codesize - 32), as
  // compiled deploy code does; the public output is the runtime object.
  Object Runtime = makeObject({ins(Opcode::Li, 1, 0, 0, 7), ins(Opcode::Stop)});
  std::vector<Instruction> Prologue = {
      ins(Opcode::CodeSize, 3),       ins(Opcode::Li, 4, 0, 0, 32),
      ins(Opcode::Sub, 3, 3, 4),      ins(Opcode::Li, 5, 0, 0, 1000),
      ins(Opcode::CodeCopy, 5, 3, 4), ins(Opcode::MLoad, 6, 5, 0, 0),
      ins(Opcode::CdSize, 7),         ins(Opcode::Address, 8),
      ins(Opcode::Add, 6, 6, 7)};
  Emulator E;
  E.State.Accounts[Sender].CodeHash = emptyCodeHash();
  E.State.Accounts[Sender].Balance = Word(1'000'000'000ull);
  E.State.Accounts[Sender].Nonce = 3;
  Transaction Deploy;
  Deploy.From = Sender;
  Deploy.GasLimit = 1'000'000;
  Deploy.Value = Word(5);
  Deploy.Data = serialize(makeDeploy(Runtime, Prologue));
  Bytes Arg(32, 0);
  Arg[31] = 0x2a;
  Deploy.Data.insert(Deploy.Data.end(), Arg.begin(), Arg.end());
  PublicInputs Env = creationInputsOf(E, Deploy);
  EXPECT_EQ(Env.Code, Deploy.Data);
  EXPECT_TRUE(Env.Calldata.empty());
  TransactionCheck Check;
  TxResult R = transactAndCheck(E, Deploy, Check);
  ASSERT_EQ(R.Result.S, Status::Success) << R.Result.Detail;
  EXPECT_EQ(R.Result.CreatedAddress, Env[Opcode::Address]);
  EXPECT_EQ(Check.Outcome, TransactionCheck::Result::Checked) << Check.Detail;

  // Another runtime object claimed as the output is rejected.
  Emulator E2;
  E2.State.Accounts[Sender].CodeHash = emptyCodeHash();
  E2.State.Accounts[Sender].Balance = Word(1'000'000'000ull);
  E2.State.Accounts[Sender].Nonce = 3;
  Trace T;
  E2.setTrace(&T);
  TxResult R2 = E2.transact(Deploy);
  E2.setTrace(nullptr);
  ASSERT_EQ(R2.Result.S, Status::Success);
  PublicOutputs Out = creationOutputsOf(E2, T, R2, Env[Opcode::Address]);
  EXPECT_EQ(Out.Output, serialize(Runtime));
  Out.Output.back() ^= 1;
  auto Prog = readProgram(Env.Code);
  ASSERT_TRUE(static_cast<bool>(Prog));
  ZvmCircuit C(Prog->Code, Prog->Pool, Env, Out);
  auto CT = generateCircuitTrace(C, T);
  ASSERT_TRUE(static_cast<bool>(CT));
  EXPECT_FALSE(checkCircuit(C, *CT).ok());
  // And so is init code that is not the transaction's.
  PublicInputs Other = Env;
  Other.Code[Other.Code.size() - 1] ^= 1; // the constructor argument
  ZvmCircuit C2(Prog->Code, Prog->Pool, Other,
                creationOutputsOf(E2, T, R2, Env[Opcode::Address]));
  auto CT2 = generateCircuitTrace(C2, T);
  ASSERT_TRUE(static_cast<bool>(CT2));
  // (the copy takes the public byte, which the load of it then contradicts)
  EXPECT_FALSE(checkCircuit(C2, *CT2).ok());
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

  // A deployment whose constructor uses an instruction the circuit does not
  // constrain, and a trap.
  Transaction Deploy;
  Deploy.From = Sender;
  Deploy.GasLimit = 1'000'000;
  Deploy.Data = serialize(
      makeDeploy(makeObject({ins(Opcode::Stop)}), {ins(Opcode::Gas, 5)}));
  TransactionCheck DeployCheck;
  EXPECT_EQ(transactAndCheck(E, Deploy, DeployCheck).Result.S, Status::Success);
  EXPECT_EQ(DeployCheck.Outcome, TransactionCheck::Result::Unsupported);
  EXPECT_EQ(DeployCheck.Detail, "unsupported by the circuit: gas");
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
  EXPECT_EQ(Twice.Reasons["blockhash"], 2u);
  EXPECT_EQ(Twice.Reasons["gas"], 4u);
  EXPECT_EQ(Twice.Reasons.size(), 3u);
}

} // namespace
