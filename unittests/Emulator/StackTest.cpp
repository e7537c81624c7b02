//===-- StackTest.cpp - Stack memory and indirect calls -------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The stack of docs/isa.md: enter reserves frames below sp, fcall and fret
// save and restore sp, the sp-relative and pointer forms read and write the
// same big-endian bytes, accesses at or above sp trap; fcallr calls through
// a register.
//
//===----------------------------------------------------------------------===//

#include "../VM/ObjectBuilder.h"

using namespace zkc;
using namespace zkc::test;
using namespace zkc::vm;
using O = Opcode;

namespace {

using StackTest = EmulatorFixture;

Word runReturning(StackTest &T, std::vector<Instruction> Code, uint8_t Reg,
                  const Bytes &Data = {}) {
  Object Runtime = makeObject(std::move(Code));
  for (const Instruction &I : returnReg(Reg))
    Runtime.Code.push_back(I);
  TxResult R = T.call(T.install(Runtime), Data);
  EXPECT_EQ(R.Result.S, Status::Success) << trapKindName(R.Result.Trap);
  return wordOf(R.Result.Output);
}

TxResult runTrapping(StackTest &T, std::vector<Instruction> Code) {
  return T.call(T.install(makeObject(std::move(Code))));
}

TEST_F(StackTest, SpRelativeAndPointerFormsShareBytes) {
  // A 64-byte frame: store 0x1234 at sp - 64, read it back through the
  // address spaddr gives, then its last byte with stload8.
  Word W = runReturning(
      *this,
      {ins(O::Enter, 0, 0, 0, 64), ins(O::Li, 1, 0, 0, 0x1234),
       ins(O::SpSt, 1, 0, 0, uint32_t(-64)),
       ins(O::SpAddr, 2, 0, 0, uint32_t(-64)), ins(O::StLoad, 3, 2, 0, 0),
       ins(O::StLoad8, 4, 2, 0, 31), ins(O::Add, 5, 3, 4)},
      5);
  EXPECT_EQ(W, Word(0x1234 + 0x34));
}

TEST_F(StackTest, ByteStoresAreBigEndian) {
  // ststore8 of 0xab at offset 31 of a zeroed word, then the whole word.
  Word W = runReturning(
      *this,
      {ins(O::Enter, 0, 0, 0, 32), ins(O::SpAddr, 1, 0, 0, uint32_t(-32)),
       ins(O::Li, 2, 0, 0, 0x1ab), ins(O::StStore8, 1, 2, 0, 31),
       ins(O::SpLd, 3, 0, 0, uint32_t(-32))},
      3);
  EXPECT_EQ(W, Word(0xab));
}

TEST_F(StackTest, FretRestoresTheCallersStackPointer) {
  // The stack starts at 32; the caller's frame is 32 bytes; the callee
  // reserves 96 more and returns its sp (160) in r0; after fret the
  // caller's spaddr 0 is 64 again.
  Object Runtime = makeObject(
      {/*0*/ ins(O::Enter, 0, 0, 0, 32), ins(O::FCall, 10, 0, 0, 0),
       /*2*/ ins(O::SpAddr, 1, 0, 0, 0), ins(O::Add, 2, 1, 10),
       /*4*/ ins(O::Jmp, 0, 0, 0, 0),
       /*5 callee:*/ ins(O::Enter, 0, 0, 0, 96), ins(O::SpAddr, 0, 0, 0, 0),
       /*7*/ ins(O::FRet)});
  Runtime.Code[1].Imm = 5;
  Runtime.Code[4].Imm = Runtime.Code.size();
  for (const Instruction &I : returnReg(2))
    Runtime.Code.push_back(I);
  TxResult R = call(install(Runtime));
  ASSERT_EQ(R.Result.S, Status::Success) << trapKindName(R.Result.Trap);
  EXPECT_EQ(wordOf(R.Result.Output), Word(64 + 160));
}

TEST_F(StackTest, AccessAtOrAboveSpTraps) {
  // sp starts at 32; enter 40 makes it 72.
  EXPECT_EQ(runTrapping(*this, {ins(O::SpLd, 1, 0, 0, 0)}).Result.Trap,
            TrapKind::StackAccess);
  EXPECT_EQ(runTrapping(*this, {ins(O::Enter, 0, 0, 0, 40),
                                ins(O::SpLd, 1, 0, 0, uint32_t(-31))})
                .Result.Trap,
            TrapKind::StackAccess);
  EXPECT_EQ(
      runTrapping(*this, {ins(O::Enter, 0, 0, 0, 40), ins(O::Li, 1, 0, 0, 72),
                          ins(O::StStore8, 1, 1, 0, 0)})
          .Result.Trap,
      TrapKind::StackAccess);
  // The first word is never accessible: address 0 is the null pointer.
  EXPECT_EQ(runTrapping(*this, {ins(O::Enter, 0, 0, 0, 40), ins(O::Li, 1),
                                ins(O::StLoad8, 2, 1, 0, 0)})
                .Result.Trap,
            TrapKind::StackAccess);
  // Addresses wrap modulo 2^256: below zero is far above sp.
  EXPECT_EQ(runTrapping(*this, {ins(O::Enter, 0, 0, 0, 40),
                                ins(O::Li, 1, 0, 0, uint32_t(-1)),
                                ins(O::StLoad8, 2, 1, 0, 0)})
                .Result.Trap,
            TrapKind::StackAccess);
}

TEST_F(StackTest, EnterBeyondTheLimitTraps) {
  std::vector<Instruction> Code;
  for (int K = 0; K < 3; ++K)
    Code.push_back(ins(O::Enter, 0, 0, 0, 1u << 27));
  TxResult R = call(install(makeObject(Code)), {}, Word(), 1'000'000'000);
  EXPECT_EQ(R.Result.Trap, TrapKind::StackLimit);
}

TEST_F(StackTest, EnterChargesPerWord) {
  // enter 33 reserves two words: 1 static + 6 dynamic gas.
  auto GasOf = [&](uint32_t Size) {
    TxResult R = call(install(makeObject({ins(O::Enter, 0, 0, 0, Size)})));
    EXPECT_EQ(R.Result.S, Status::Success);
    return R.Result.GasLeft;
  };
  EXPECT_EQ(GasOf(0) - GasOf(33), 6);
}

TEST_F(StackTest, FCallRCallsTheAddressInARegister) {
  // r1 = 4 (the callee), fcallr with window base 5: the callee doubles
  // its r0, the caller's r5.
  Object Runtime =
      makeObject({/*0*/ ins(O::Li, 1, 0, 0, 4), ins(O::Li, 5, 0, 0, 21),
                  /*2*/ ins(O::FCallR, 5, 1), ins(O::Jmp, 0, 0, 0, 0),
                  /*4 callee:*/ ins(O::Add, 0, 0, 0), ins(O::FRet)});
  Runtime.Code[3].Imm = Runtime.Code.size();
  for (const Instruction &I : returnReg(5))
    Runtime.Code.push_back(I);
  TxResult R = call(install(Runtime));
  ASSERT_EQ(R.Result.S, Status::Success) << trapKindName(R.Result.Trap);
  EXPECT_EQ(wordOf(R.Result.Output), Word(42));
}

TEST_F(StackTest, FCallROutsideTheCodeTraps) {
  EXPECT_EQ(
      runTrapping(*this, {ins(O::Li, 1, 0, 0, 1000), ins(O::FCallR, 5, 1)})
          .Result.Trap,
      TrapKind::BadJump);
}

} // namespace
