//===-- ZvmEmulatorFuzzer.cpp - Fuzz the emulator with valid programs -----===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Turns the input into a valid program (every 8 bytes an instruction, mapped
// onto a defined opcode with its fields brought into range) so that the
// fuzzer explores the interpreter rather than the loader, then runs it twice,
// with and without tracing, with bounded gas. Checks: nothing crashes or
// hangs, and both runs agree on status, output, gas, cycles, logs and state.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/Keccak.h"
#include "zkc/VM/Emulator.h"

#include <cstdlib>
#include <cstring>
#include <vector>

using namespace zkc;
using namespace zkc::vm;

static const std::vector<Opcode> &definedOpcodes() {
  static const std::vector<Opcode> Ops = [] {
    std::vector<Opcode> V;
#define ZVM_INSTR(Name, Mn, Code, Operands, Gas, Block, Flags)                 \
  V.push_back(Opcode::Name);
#include "zkc/ISA/ZVMInstrs.def"
    return V;
  }();
  return Ops;
}

/// Brings a raw instruction into the form the loader accepts. Registers are
/// kept below r16 so that values flow between instructions; that also keeps
/// every register block (at most 7 long) inside the window.
static Instruction legalize(Instruction I, size_t CodeSize, size_t PoolSize) {
  const auto &Ops = definedOpcodes();
  I.Op = Ops[static_cast<uint8_t>(I.Op) % Ops.size()];
  const InstrInfo &Info = getInstrInfo(I.Op);
  unsigned RegFields = 0;
  bool UsesImm = false;
  for (char K : Info.Operands) {
    if (InstrInfo::isRegFieldKind(K)) {
      ++RegFields;
      continue;
    }
    UsesImm = true;
    if (K == 't')
      I.Imm %= CodeSize;
    else if (K == 'p')
      I.Imm %= PoolSize;
    else if (K == 'r')
      I.Imm %= 16;
  }
  I.A = RegFields >= 1 ? I.A % 16 : 0;
  I.B = RegFields >= 2 ? I.B % 16 : 0;
  I.C = RegFields >= 3 ? I.C % 16 : 0;
  if (!UsesImm)
    I.Imm = 0;
  return I;
}

struct RunResult {
  ExecResult Result;
  int64_t GasUsed;
  uint64_t Cycles;
  size_t NumLogs;
  WorldState State;
};

static RunResult runOnce(const Bytes &Code, const Bytes &Calldata,
                         bool Tracing) {
  Emulator E;
  const Word Contract(0xc0de), Sender(0x5e4d);
  Account &A = E.State.Accounts[Contract];
  A.Code = std::make_shared<const Bytes>(Code);
  A.CodeHash = keccak256Word(Code.data(), Code.size());
  A.Balance = Word(1000);
  E.State.Accounts[Sender].Balance = Word(1) + Word(1'000'000);
  Trace T;
  if (Tracing)
    E.setTrace(&T);
  Transaction Tx{Sender, Contract, Word(7), Calldata, 200'000, Word()};
  TxResult R = E.transact(Tx);
  if (Tracing && T.Steps.size() != R.Cycles)
    std::abort(); // One trace step per cycle.
  return {R.Result, R.GasUsed, R.Cycles, R.Logs.size(), E.State};
}

static bool sameState(const WorldState &X, const WorldState &Y) {
  if (X.Accounts.size() != Y.Accounts.size())
    return false;
  for (const auto &[Addr, A] : X.Accounts) {
    const Account *B = Y.find(Addr);
    if (!B || A.Balance != B->Balance || A.Nonce != B->Nonce ||
        A.CodeHash != B->CodeHash || A.Storage != B->Storage)
      return false;
  }
  return true;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  // Layout: 2 pool words, 4 bytes of calldata length, then instructions.
  if (Size < 64 + 4 + 8)
    return 0;
  Object O;
  O.Name = "Fuzz";
  O.Pool = {Word::fromBigEndian(Data), Word::fromBigEndian(Data + 32)};
  uint32_t CalldataLen;
  std::memcpy(&CalldataLen, Data + 64, 4);
  Data += 68;
  Size -= 68;
  size_t NumInstrs = std::min<size_t>(Size / 8, 4096);
  for (size_t I = 0; I < NumInstrs; ++I) {
    uint64_t W;
    std::memcpy(&W, Data + 8 * I, 8);
    O.Code.push_back(legalize(Instruction::decode(W), NumInstrs, 2));
  }
  auto Code = writeObject(O);
  if (!Code || !readProgram(*Code))
    std::abort(); // Legalized programs must load.
  const uint8_t *Rest = Data + 8 * NumInstrs;
  size_t RestSize = Size - 8 * NumInstrs;
  Bytes Calldata(Rest, Rest + std::min<size_t>(RestSize, CalldataLen % 256));

  RunResult Plain = runOnce(*Code, Calldata, /*Tracing=*/false);
  RunResult Traced = runOnce(*Code, Calldata, /*Tracing=*/true);
  if (Plain.Result.S != Traced.Result.S ||
      Plain.Result.Trap != Traced.Result.Trap ||
      Plain.Result.Output != Traced.Result.Output ||
      Plain.GasUsed != Traced.GasUsed || Plain.Cycles != Traced.Cycles ||
      Plain.NumLogs != Traced.NumLogs || !sameState(Plain.State, Traced.State))
    std::abort(); // Tracing must not change what happens.
  return 0;
}
