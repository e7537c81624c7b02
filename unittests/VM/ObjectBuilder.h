//===-- ObjectBuilder.h - Building ZVM objects in tests ---------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A small builder for emulator tests: code is written as a list of
// instructions, and wrapping a runtime object in a deploy object emits the
// EVM-style constructor (codecopy the runtime object, return it).
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_UNITTESTS_VM_OBJECTBUILDER_H
#define ZKC_UNITTESTS_VM_OBJECTBUILDER_H

#include "zkc/Object/Object.h"
#include "zkc/VM/Emulator.h"

#include "gtest/gtest.h"

namespace zkc::test {

inline Instruction ins(Opcode Op, uint8_t A = 0, uint8_t B = 0, uint8_t C = 0,
                       uint32_t Imm = 0) {
  return Instruction{Op, A, B, C, Imm};
}

/// Code that returns register Reg as a 32-byte word (clobbers r250, r251).
inline std::vector<Instruction> returnReg(uint8_t Reg) {
  return {ins(Opcode::Li, 250, 0, 0, 0), ins(Opcode::MStore, 250, Reg, 0, 0),
          ins(Opcode::Li, 251, 0, 0, 32),
          ins(Opcode::Return, 250, 251, 0, 0)};
}

inline Object makeObject(std::vector<Instruction> Code,
                         std::vector<Word> Pool = {},
                         std::string Name = "Test") {
  Object O;
  O.Name = std::move(Name);
  O.Code = std::move(Code);
  O.Pool = std::move(Pool);
  return O;
}

/// A deploy object whose constructor returns Runtime; Prologue runs first.
inline Object makeDeploy(const Object &Runtime,
                         std::vector<Instruction> Prologue = {}) {
  Object D;
  D.Name = Runtime.Name + "_deploy";
  D.Code = std::move(Prologue);
  size_t Patch = D.Code.size();
  D.Code.push_back(ins(Opcode::Li, 0, 0, 0, 0)); // dataoffset, patched below
  D.Code.push_back(ins(Opcode::Li, 1, 0, 0, 0)); // datasize, patched below
  D.Code.push_back(ins(Opcode::Li, 2, 0, 0, 0));
  D.Code.push_back(ins(Opcode::CodeCopy, 2, 0, 1));
  D.Code.push_back(ins(Opcode::Return, 2, 1));
  D.Subobjects.push_back(Runtime);
  ObjectLayout L = computeLayout(D);
  D.Code[Patch].Imm = static_cast<uint32_t>(L.SubobjectOffsets[0]);
  D.Code[Patch + 1].Imm = static_cast<uint32_t>(L.SubobjectSizes[0]);
  return D;
}

inline vm::Bytes serialize(const Object &O) {
  auto B = writeObject(O);
  EXPECT_TRUE(static_cast<bool>(B));
  return B ? *B : vm::Bytes();
}

inline Word wordOf(const vm::Bytes &B) {
  EXPECT_EQ(B.size(), 32u);
  return B.size() == 32 ? Word::fromBigEndian(B.data()) : Word();
}

/// An emulator with a funded sender.
struct EmulatorFixture : ::testing::Test {
  vm::Emulator E;
  const Word Sender = Word(0xa11ce);

  EmulatorFixture() {
    E.State.Accounts[Sender].Balance = Word(0, 1, 0, 0); // 2^64 wei
    E.State.Accounts[Sender].CodeHash = vm::emptyCodeHash();
  }

  vm::TxResult deploy(const Object &Runtime, std::vector<Instruction> Prologue = {},
                      const vm::Bytes &Args = {}, Word Value = Word()) {
    vm::Transaction Tx;
    Tx.From = Sender;
    Tx.Value = Value;
    Tx.Data = serialize(makeDeploy(Runtime, std::move(Prologue)));
    Tx.Data.insert(Tx.Data.end(), Args.begin(), Args.end());
    return E.transact(Tx);
  }

  /// Deploys Runtime and returns its address (failing the test otherwise).
  Word install(const Object &Runtime) {
    vm::TxResult R = deploy(Runtime);
    EXPECT_EQ(R.Result.S, vm::Status::Success) << R.Result.Detail;
    return R.Result.CreatedAddress;
  }

  vm::TxResult call(const Word &To, const vm::Bytes &Data = {},
                    Word Value = Word(), int64_t Gas = 10'000'000) {
    vm::Transaction Tx;
    Tx.From = Sender;
    Tx.To = To;
    Tx.Value = Value;
    Tx.Data = Data;
    Tx.GasLimit = Gas;
    return E.transact(Tx);
  }
};

} // namespace zkc::test

#endif // ZKC_UNITTESTS_VM_OBJECTBUILDER_H
