//===-- EmulatorTest.cpp - Emulator semantics ------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Checks the EVM semantics the emulator promises: the deploy model, calls of
// every kind, value, reverts and traps undoing state, logs, transient storage,
// create and create2 addresses, gas rules, limits, internal calls and traces.
//
//===----------------------------------------------------------------------===//

#include "../VM/ObjectBuilder.h"

#include "zkc/Support/Keccak.h"

using namespace zkc;
using namespace zkc::test;
using namespace zkc::vm;
using O = Opcode;

namespace {

using EmulatorTest = EmulatorFixture;

TEST_F(EmulatorTest, DeployThenCallReturnsComputedWord) {
  // r1 = calldata word 0; return r1 * 3 + 7.
  Object Runtime = makeObject({ins(O::Li, 0, 0, 0, 0),
                               ins(O::CdLoad, 1, 0, 0, 0),
                               ins(O::MulI, 1, 1, 0, 3),
                               ins(O::AddI, 1, 1, 0, 7)});
  for (const Instruction &I : returnReg(1))
    Runtime.Code.push_back(I);
  Word Addr = install(Runtime);
  EXPECT_EQ(E.State.find(Addr)->Nonce, 1u);
  EXPECT_EQ(*E.State.find(Addr)->Code, serialize(Runtime));

  Bytes Data(32);
  Word(14).toBigEndian(Data.data());
  TxResult R = call(Addr, Data);
  ASSERT_EQ(R.Result.S, Status::Success);
  EXPECT_EQ(wordOf(R.Result.Output), Word(49));
  EXPECT_GT(R.Cycles, 0u);
  EXPECT_GT(R.GasUsed, 21000);
}

TEST_F(EmulatorTest, CreateAddressesFollowTheEVM) {
  // Known vectors: CREATE from the rlp of (sender, nonce), CREATE2 (EIP-1014
  // example 1: deployer 0, salt 0, init code 0x00).
  Word Sender = *Word::fromString("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
  EXPECT_EQ(Emulator::createAddress(Sender, 0),
            *Word::fromString("0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"));
  EXPECT_EQ(Emulator::createAddress(Sender, 1),
            *Word::fromString("0x343c43a37d37dff08ae8c4a11544c718abb4fcf8"));
  uint8_t Zero = 0;
  EXPECT_EQ(Emulator::create2Address(Word(), Word(), keccak256Word(&Zero, 1)),
            *Word::fromString("0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38"));
  TxResult R = deploy(makeObject({ins(O::Stop)}));
  ASSERT_EQ(R.Result.S, Status::Success);
  EXPECT_EQ(R.Result.CreatedAddress, Emulator::createAddress(this->Sender, 0));
}

TEST_F(EmulatorTest, ConstructorArgumentsFollowTheDeployObject) {
  // The constructor stores the word after the object (codesize - 32) in slot 0.
  Object Runtime = makeObject({ins(O::Li, 0, 0, 0, 0), ins(O::SLoad, 1, 0)});
  for (const Instruction &I : returnReg(1))
    Runtime.Code.push_back(I);
  std::vector<Instruction> Ctor = {
      ins(O::CodeSize, 10), ins(O::AddI, 10, 10, 0, -32), ins(O::Li, 11),
      ins(O::Li, 12, 0, 0, 32), ins(O::CodeCopy, 11, 10, 12),
      ins(O::MLoad, 13, 11, 0, 0), ins(O::SStore, 11, 13)};
  Bytes Args(32);
  Word(0xbeef).toBigEndian(Args.data());
  TxResult D = deploy(Runtime, Ctor, Args);
  ASSERT_EQ(D.Result.S, Status::Success);
  TxResult R = call(D.Result.CreatedAddress);
  EXPECT_EQ(wordOf(R.Result.Output), Word(0xbeef));
}

TEST_F(EmulatorTest, RevertUndoesStorageLogsAndKeepsRevertData) {
  // sstore(0, 1); log0; tstore(0, 1); revert with 4 bytes of data.
  Object Runtime = makeObject({
      ins(O::Li, 0), ins(O::Li, 1, 0, 0, 1), ins(O::SStore, 0, 1),
      ins(O::Li, 2), ins(O::Li, 3), ins(O::Log0, 2), ins(O::TStore, 0, 1),
      ins(O::Li, 4, 0, 0, 0x11223344), ins(O::ShlI, 4, 4, 0, 224),
      ins(O::MStore, 0, 4, 0, 0), ins(O::Li, 5, 0, 0, 4),
      ins(O::Revert, 0, 5)});
  Word Addr = install(Runtime);
  TxResult R = call(Addr);
  EXPECT_EQ(R.Result.S, Status::Revert);
  EXPECT_EQ(R.Result.Output, (Bytes{0x11, 0x22, 0x33, 0x44}));
  EXPECT_TRUE(R.Logs.empty());
  EXPECT_TRUE(E.State.find(Addr)->Storage.empty());
  EXPECT_GT(R.GasUsed, 21000);
  EXPECT_LT(R.GasUsed, 10'000'000); // A revert returns the unused gas.
}

TEST_F(EmulatorTest, TrapConsumesAllGasAndUndoesState) {
  Object Runtime = makeObject({ins(O::Li, 0), ins(O::Li, 1, 0, 0, 1),
                               ins(O::SStore, 0, 1), ins(O::Invalid)});
  Word Addr = install(Runtime);
  TxResult R = call(Addr, {}, Word(), 100'000);
  EXPECT_EQ(R.Result.S, Status::Trap);
  EXPECT_EQ(R.Result.Trap, TrapKind::InvalidInstruction);
  EXPECT_EQ(R.GasUsed, 100'000);
  EXPECT_TRUE(E.State.find(Addr)->Storage.empty());
}

TEST_F(EmulatorTest, LogsAreKeptInOrder) {
  Object Runtime = makeObject({ins(O::Li, 0), ins(O::Li, 1),
                               ins(O::Li, 2, 0, 0, 7), ins(O::Log1, 0),
                               ins(O::Li, 2, 0, 0, 8), ins(O::Li, 3, 0, 0, 9),
                               ins(O::Log2, 0), ins(O::Stop)});
  Word Addr = install(Runtime);
  TxResult R = call(Addr);
  ASSERT_EQ(R.Logs.size(), 2u);
  EXPECT_EQ(R.Logs[0].Topics, std::vector<Word>{Word(7)});
  EXPECT_EQ(R.Logs[1].Topics, (std::vector<Word>{Word(8), Word(9)}));
  EXPECT_EQ(R.Logs[0].Address, Addr);
}

/// Callee: stores callvalue in slot 0, returns caller.
static Object makeCallee() {
  Object Callee = makeObject({ins(O::Li, 0), ins(O::CallValue, 1),
                              ins(O::SStore, 0, 1), ins(O::Caller, 1)});
  for (const Instruction &I : returnReg(1))
    Callee.Code.push_back(I);
  return Callee;
}

/// Caller: calls the address in calldata word 0 with the given opcode and
/// value 5 (for call), returns the success flag and the returned word.
static Object makeCaller(Opcode CallOp) {
  std::vector<Instruction> Code = {
      ins(O::Li, 0), ins(O::CdLoad, 21, 0, 0, 0), ins(O::Gas, 20)};
  uint8_t Next = 22;
  if (CallOp == O::Call)
    Code.push_back(ins(O::Li, Next++, 0, 0, 5));
  Code.push_back(ins(O::Li, Next++, 0, 0, 0));  // args offset
  Code.push_back(ins(O::Li, Next++, 0, 0, 0));  // args size
  Code.push_back(ins(O::Li, Next++, 0, 0, 32)); // ret offset
  Code.push_back(ins(O::Li, Next++, 0, 0, 32)); // ret size
  Code.push_back(ins(CallOp, 1, 20));
  Code.push_back(ins(O::MStore, 0, 1, 0, 0));
  Code.push_back(ins(O::Li, 2, 0, 0, 64));
  Code.push_back(ins(O::Return, 0, 2));
  return makeObject(Code);
}

TEST_F(EmulatorTest, CallTransfersValueAndRunsInCalleeContext) {
  Word Callee = install(makeCallee());
  Word Caller = install(makeCaller(O::Call));
  E.State.Accounts[Caller].Balance = Word(100);
  Bytes Data(32);
  Callee.toBigEndian(Data.data());
  TxResult R = call(Caller, Data);
  ASSERT_EQ(R.Result.S, Status::Success);
  ASSERT_EQ(R.Result.Output.size(), 64u);
  EXPECT_EQ(Word::fromBigEndian(R.Result.Output.data()), Word(1));
  EXPECT_EQ(Word::fromBigEndian(R.Result.Output.data() + 32), Caller);
  EXPECT_EQ(E.getBalance(Callee), Word(5));
  EXPECT_EQ(E.getBalance(Caller), Word(95));
  EXPECT_EQ(E.getStorage(Callee, Word()), Word(5));
}

TEST_F(EmulatorTest, CallWithoutBalanceFailsWithoutTrapping) {
  Word Callee = install(makeCallee());
  Word Caller = install(makeCaller(O::Call));
  Bytes Data(32);
  Callee.toBigEndian(Data.data());
  TxResult R = call(Caller, Data);
  ASSERT_EQ(R.Result.S, Status::Success);
  EXPECT_EQ(Word::fromBigEndian(R.Result.Output.data()), Word(0));
}

TEST_F(EmulatorTest, DelegateCallKeepsStorageCallerAndValue) {
  Word Callee = install(makeCallee());
  Word Caller = install(makeCaller(O::DelegateCall));
  Bytes Data(32);
  Callee.toBigEndian(Data.data());
  TxResult R = call(Caller, Data, Word(3));
  ASSERT_EQ(R.Result.S, Status::Success);
  EXPECT_EQ(Word::fromBigEndian(R.Result.Output.data()), Word(1));
  // The callee saw the transaction's sender and value, and wrote the
  // caller's storage.
  EXPECT_EQ(Word::fromBigEndian(R.Result.Output.data() + 32), Sender);
  EXPECT_EQ(E.getStorage(Caller, Word()), Word(3));
  EXPECT_EQ(E.getStorage(Callee, Word()), Word());
}

TEST_F(EmulatorTest, StaticCallTrapsOnStateChange) {
  Word Callee = install(makeCallee());
  Word Caller = install(makeCaller(O::StaticCall));
  Bytes Data(32);
  Callee.toBigEndian(Data.data());
  TxResult R = call(Caller, Data);
  ASSERT_EQ(R.Result.S, Status::Success);
  EXPECT_EQ(Word::fromBigEndian(R.Result.Output.data()), Word(0));
  EXPECT_EQ(E.getStorage(Callee, Word()), Word());
}

TEST_F(EmulatorTest, CallPassesAtMost63Of64thsOfTheGas) {
  // The callee returns gas(); the caller asks for far more than it has.
  Object GasReporter = makeObject({ins(O::Gas, 1)});
  for (const Instruction &I : returnReg(1))
    GasReporter.Code.push_back(I);
  Word Callee = install(GasReporter);
  Object Caller = makeObject({
      ins(O::Li, 0), ins(O::CdLoad, 21, 0, 0, 0), ins(O::Li, 20, 0, 0, -1),
      ins(O::Li, 22), ins(O::Li, 23), ins(O::Li, 24), ins(O::Li, 25, 0, 0, 32),
      ins(O::Li, 26, 0, 0, 32), ins(O::Gas, 5), ins(O::Call, 1, 20),
      ins(O::MLoad, 6, 0, 0, 32), ins(O::MStore, 0, 5, 0, 0),
      ins(O::MStore, 0, 6, 0, 32), ins(O::Li, 2, 0, 0, 64),
      ins(O::Return, 0, 2)});
  Word CallerAddr = install(Caller);
  Bytes Data(32);
  Callee.toBigEndian(Data.data());
  TxResult R = call(CallerAddr, Data);
  ASSERT_EQ(R.Result.S, Status::Success);
  uint64_t Before = Word::fromBigEndian(R.Result.Output.data()).low();
  uint64_t InCallee = Word::fromBigEndian(R.Result.Output.data() + 32).low();
  EXPECT_GT(InCallee, 0u);
  EXPECT_LE(InCallee, Before - Before / 64);
}

TEST_F(EmulatorTest, CallDepthIsLimitedTo1024) {
  // Each frame calls itself and returns 1 + the callee's answer, or 0 when
  // the call fails. The answer is the depth reached.
  Object Recursive = makeObject({
      ins(O::Address, 21), ins(O::Gas, 20), ins(O::Li, 22), ins(O::Li, 23),
      ins(O::Li, 24), ins(O::Li, 25, 0, 0, 32), ins(O::StaticCall, 1, 20),
      ins(O::Li, 0), ins(O::MLoad, 2, 0, 0, 0), ins(O::AddI, 2, 2, 0, 1)});
  for (const Instruction &I : returnReg(2))
    Recursive.Code.push_back(I);
  Word Addr = install(Recursive);
  // Each level passes on 63/64 of its gas, so reaching the bottom takes a lot.
  TxResult R = call(Addr, {}, Word(), 4'000'000'000'000);
  ASSERT_EQ(R.Result.S, Status::Success);
  EXPECT_EQ(wordOf(R.Result.Output), Word(MaxCallDepth + 1));
}

TEST_F(EmulatorTest, CreateFromContractAndCreate2) {
  // A factory creates the init code it receives as calldata, with create or
  // with create2 and salt 42, and returns the new address.
  Object Child = makeObject({ins(O::Stop)}, {}, "Child");
  Bytes Init = serialize(makeDeploy(Child));
  for (bool Use2 : {false, true}) {
    Object Factory = makeObject({
        ins(O::Li, 0), ins(O::CdSize, 12), ins(O::CdCopy, 0, 0, 12),
        ins(O::Li, 10), ins(O::Li, 11), ins(O::Li, 13, 0, 0, 42),
        ins(Use2 ? O::Create2 : O::Create, 1, 10)});
    for (const Instruction &I : returnReg(1))
      Factory.Code.push_back(I);
    Word F = install(Factory);
    TxResult R = call(F, Init);
    ASSERT_EQ(R.Result.S, Status::Success);
    Word Expected = Use2 ? Emulator::create2Address(
                               F, Word(42),
                               keccak256Word(Init.data(), Init.size()))
                         : Emulator::createAddress(F, 1);
    EXPECT_EQ(wordOf(R.Result.Output), Expected);
    ASSERT_NE(E.State.find(Expected), nullptr);
    EXPECT_EQ(*E.State.find(Expected)->Code, serialize(Child));
    if (Use2) {
      // The same salt and init code again collide: create2 gives 0.
      TxResult Again = call(F, Init);
      EXPECT_EQ(wordOf(Again.Result.Output), Word());
    }
  }
}

TEST_F(EmulatorTest, DeployingInvalidCodeFails) {
  // The constructor returns 8 bytes that are not an object.
  Object Bad = makeObject({ins(O::Li, 0), ins(O::Li, 1, 0, 0, 8),
                           ins(O::Return, 0, 1)});
  Transaction Tx;
  Tx.From = Sender;
  Tx.Data = serialize(Bad);
  TxResult R = E.transact(Tx);
  EXPECT_EQ(R.Result.S, Status::Trap);
  EXPECT_EQ(R.Result.Trap, TrapKind::InvalidCode);
}

TEST_F(EmulatorTest, CreateWithEmptyInitCodeFails) {
  // Init code must be an object; empty init code is not one, so create
  // yields 0 and no account appears.
  Object Factory = makeObject({ins(O::Li, 10), ins(O::Li, 11), ins(O::Li, 12),
                               ins(O::Create, 1, 10)});
  for (const Instruction &I : returnReg(1))
    Factory.Code.push_back(I);
  Word Addr = install(Factory);
  TxResult R = call(Addr);
  ASSERT_EQ(R.Result.S, Status::Success);
  EXPECT_EQ(wordOf(R.Result.Output), Word());
  EXPECT_EQ(E.State.find(Emulator::createAddress(Addr, 1)), nullptr);
}

TEST_F(EmulatorTest, OutOfGasStopsAnInfiniteLoop) {
  Word Addr = install(makeObject({ins(O::Jmp, 0, 0, 0, 0)}));
  TxResult R = call(Addr, {}, Word(), 50'000);
  EXPECT_EQ(R.Result.Trap, TrapKind::OutOfGas);
  EXPECT_EQ(R.GasUsed, 50'000);
}

TEST_F(EmulatorTest, HeapBeyondTheLimitTraps) {
  Word Addr = install(makeObject(
      {ins(O::Li, 0, 0, 0, 1), ins(O::ShlI, 0, 0, 0, 40),
       ins(O::MLoad, 1, 0, 0, 0), ins(O::Stop)}));
  TxResult R = call(Addr);
  EXPECT_EQ(R.Result.Trap, TrapKind::HeapLimit);
}

TEST_F(EmulatorTest, MemoryExpansionIsChargedQuadratically) {
  auto GasFor = [&](int32_t Offset) {
    Word Addr = install(makeObject({ins(O::Li, 0, 0, 0, Offset),
                                    ins(O::MLoad, 1, 0, 0, 0), ins(O::Stop)}));
    return call(Addr).GasUsed;
  };
  int64_t Small = GasFor(0), Large = GasFor(32 * 4095);
  // 4096 words cost 3 * 4096 + 4096^2 / 512 = 45056 gas; 1 word costs 3.
  EXPECT_EQ(Large - Small, 45056 - 3);
}

TEST_F(EmulatorTest, ReturnDataCopyOutOfBoundsTraps) {
  Word Addr = install(makeObject({ins(O::Li, 0), ins(O::Li, 1, 0, 0, 1),
                                  ins(O::RdCopy, 0, 0, 1), ins(O::Stop)}));
  EXPECT_EQ(call(Addr).Result.Trap, TrapKind::ReturnDataOutOfBounds);
}

TEST_F(EmulatorTest, IndirectJumpOutsideTheCodeTraps) {
  Word Addr = install(makeObject({ins(O::Li, 0, 0, 0, 1000), ins(O::Jr, 0)}));
  EXPECT_EQ(call(Addr).Result.Trap, TrapKind::BadJump);
}

TEST_F(EmulatorTest, FallingOffTheEndStops) {
  Word Addr = install(makeObject({ins(O::Li, 0)}));
  TxResult R = call(Addr);
  EXPECT_EQ(R.Result.S, Status::Success);
  EXPECT_TRUE(R.Result.Output.empty());
}

TEST_F(EmulatorTest, InternalCallsShiftTheRegisterWindow) {
  // fact(n) = n <= 1 ? 1 : n * fact(n - 1), argument and result in the
  // callee's r0; the caller keeps n in r0 and passes n - 1 in r1 (window
  // base 1).
  Object Runtime = makeObject({
      /*0*/ ins(O::Li, 0), ins(O::CdLoad, 0, 0, 0, 0),
      /*2*/ ins(O::FCall, 0, 0, 0, 5),
      /*3*/ ins(O::Jmp, 0, 0, 0, 0),
      /*4*/ ins(O::Invalid),
      /*5 fact:*/ ins(O::GtI, 2, 0, 0, 1), ins(O::Jnz, 2, 0, 0, 9),
      /*7*/ ins(O::Li, 0, 0, 0, 1), ins(O::FRet),
      /*9*/ ins(O::AddI, 1, 0, 0, -1), ins(O::FCall, 1, 0, 0, 5),
      /*11*/ ins(O::Mul, 0, 0, 1), ins(O::FRet)});
  Runtime.Code[3].Imm = Runtime.Code.size(); // Past fact, to the return.
  for (const Instruction &I : returnReg(0))
    Runtime.Code.push_back(I);
  Word Addr = install(Runtime);
  Bytes Data(32);
  Word(20).toBigEndian(Data.data());
  TxResult R = call(Addr, Data);
  ASSERT_EQ(R.Result.S, Status::Success) << trapKindName(R.Result.Trap);
  EXPECT_EQ(wordOf(R.Result.Output), Word(2432902008176640000ull));
}

TEST_F(EmulatorTest, ReturnWithoutCallTraps) {
  Word Addr = install(makeObject({ins(O::FRet)}));
  EXPECT_EQ(call(Addr).Result.Trap, TrapKind::ReturnFromTopFrame);
}

TEST_F(EmulatorTest, UnboundedRecursionHitsAResourceLimit) {
  Word Addr = install(makeObject({ins(O::FCall, 8, 0, 0, 0)}));
  TxResult R = call(Addr, {}, Word(), 1'000'000'000);
  EXPECT_EQ(R.Result.S, Status::Trap);
  EXPECT_TRUE(R.Result.Trap == TrapKind::MemoryBudget ||
              R.Result.Trap == TrapKind::FrameOverflow);
}

TEST_F(EmulatorTest, TransientStorageLastsOneTransaction) {
  // Returns tload(0), then tstore(0, 9).
  Object Runtime = makeObject({ins(O::Li, 0), ins(O::TLoad, 1, 0),
                               ins(O::Li, 2, 0, 0, 9), ins(O::TStore, 0, 2)});
  for (const Instruction &I : returnReg(1))
    Runtime.Code.push_back(I);
  Word Addr = install(Runtime);
  EXPECT_EQ(wordOf(call(Addr).Result.Output), Word());
  EXPECT_EQ(wordOf(call(Addr).Result.Output), Word());
}

TEST_F(EmulatorTest, PrecompileIdentityAnswersCalls) {
  // Calls 0x04 with 32 bytes of calldata and returns what came back.
  Object Caller = makeObject({
      ins(O::Li, 0), ins(O::CdLoad, 1, 0, 0, 0), ins(O::MStore, 0, 1, 0, 0),
      ins(O::Gas, 20), ins(O::Li, 21, 0, 0, 4), ins(O::Li, 22), ins(O::Li, 23),
      ins(O::Li, 24, 0, 0, 32), ins(O::Li, 25, 0, 0, 32),
      ins(O::Li, 26, 0, 0, 32), ins(O::Call, 2, 20),
      ins(O::MLoad, 3, 0, 0, 32)});
  for (const Instruction &I : returnReg(3))
    Caller.Code.push_back(I);
  Word Addr = install(Caller);
  Bytes Data(32);
  Word(0xfeed).toBigEndian(Data.data());
  EXPECT_EQ(wordOf(call(Addr, Data).Result.Output), Word(0xfeed));
}

TEST_F(EmulatorTest, TracingRecordsEveryCycleAndChangesNothing) {
  Word Callee = install(makeCallee());
  Word Caller = install(makeCaller(O::Call));
  E.State.Accounts[Caller].Balance = Word(100);
  Bytes Data(32);
  Callee.toBigEndian(Data.data());

  WorldState Saved = E.State;
  TxResult Expected = call(Caller, Data);
  E.State = std::move(Saved);

  Trace T;
  E.setTrace(&T);
  TxResult R = call(Caller, Data);
  E.setTrace(nullptr);
  EXPECT_EQ(R.Result.Output, Expected.Result.Output);
  EXPECT_EQ(R.GasUsed, Expected.GasUsed);
  EXPECT_EQ(R.Cycles, Expected.Cycles);
  ASSERT_EQ(T.Steps.size(), R.Cycles);
  for (size_t I = 0; I < T.Steps.size(); ++I)
    EXPECT_EQ(T.Steps[I].Cycle, I);
  // The callee's steps are at depth 1, between the caller's.
  EXPECT_TRUE(std::any_of(T.Steps.begin(), T.Steps.end(),
                          [](const TraceStep &S) { return S.Depth == 1; }));
  EXPECT_EQ(T.Steps.back().Depth, 0u);
  bool SawStorageWrite = false;
  for (const MemoryAccess &A : T.Accesses)
    SawStorageWrite |= A.Where == Space::Storage && A.IsWrite &&
                       A.Account == Callee && A.Value == Word(5);
  EXPECT_TRUE(SawStorageWrite);
  // Every 'd' instruction records what it wrote: the call's success flag.
  auto CallStep = std::find_if(T.Steps.begin(), T.Steps.end(),
                               [](const TraceStep &S) {
                                 return S.Instr.Op == Opcode::Call;
                               });
  ASSERT_NE(CallStep, T.Steps.end());
  EXPECT_TRUE(CallStep->HasOut);
  EXPECT_EQ(CallStep->Out, Word(1));
}

TEST_F(EmulatorTest, TracedLoadsRecordTheirKeyWhenTheResultOverwritesIt) {
  // sload r1, r1 and tload r2, r2: the key's register receives the value.
  Word Addr = install(makeObject(
      {ins(O::Li, 1, 0, 0, 7), ins(O::SLoad, 1, 1), ins(O::Li, 2, 0, 0, 9),
       ins(O::Li, 3, 0, 0, 11), ins(O::TStore, 2, 3), ins(O::TLoad, 2, 2),
       ins(O::Stop)}));
  E.setStorage(Addr, Word(7), Word(30));
  Trace T;
  E.setTrace(&T);
  call(Addr, {});
  E.setTrace(nullptr);
  std::vector<std::pair<Word, Word>> Loads;
  for (const MemoryAccess &A : T.Accesses)
    if (!A.IsWrite && (A.Where == Space::Storage ||
                       A.Where == Space::TransientStorage))
      Loads.push_back({A.Address, A.Value});
  EXPECT_EQ(Loads, (std::vector<std::pair<Word, Word>>{{Word(7), Word(30)},
                                                       {Word(9), Word(11)}}));
}

} // namespace
