//===-- Emulator.cpp - Transactions, calls and creation --------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Everything between frames: value transfer, the journal that lets a failed
// frame undo its state changes, contract creation with the EVM's address
// derivation, precompiles and the transaction envelope.
//
//===----------------------------------------------------------------------===//

#include "zkc/VM/Emulator.h"

#include "zkc/Support/Keccak.h"
#include "zkc/VM/Precompiles.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace zkc;
using namespace zkc::vm;

Word zkc::vm::emptyCodeHash() {
  static const Word H = keccak256Word(nullptr, 0);
  return H;
}

const char *zkc::vm::trapKindName(TrapKind K) {
  switch (K) {
  case TrapKind::None:
    return "none";
  case TrapKind::InvalidInstruction:
    return "invalid instruction";
  case TrapKind::OutOfGas:
    return "out of gas";
  case TrapKind::BadJump:
    return "jump outside the code";
  case TrapKind::ReturnFromTopFrame:
    return "fret without fcall";
  case TrapKind::FrameOverflow:
    return "internal call depth exceeded";
  case TrapKind::MemoryBudget:
    return "memory budget exceeded";
  case TrapKind::HeapLimit:
    return "heap address beyond the limit";
  case TrapKind::StackLimit:
    return "stack limit exceeded";
  case TrapKind::StackAccess:
    return "stack access out of bounds";
  case TrapKind::StaticStateChange:
    return "state change in a static call";
  case TrapKind::ReturnDataOutOfBounds:
    return "returndata copy out of bounds";
  case TrapKind::InvalidCode:
    return "invalid code object";
  case TrapKind::CodeTooLarge:
    return "code too large";
  case TrapKind::AddressCollision:
    return "address collision";
  case TrapKind::InsufficientBalance:
    return "insufficient balance";
  case TrapKind::CallDepth:
    return "call depth exceeded";
  case TrapKind::Precompile:
    return "precompile failed";
  }
  return "unknown";
}

//===----------------------------------------------------------------------===//
// Journaled state
//===----------------------------------------------------------------------===//

struct Emulator::JournalEntry {
  enum KindTy : uint8_t { Balance, Nonce, Storage, Transient, Code, Created };
  KindTy Kind;
  Word Addr;
  Word Key;
  Word Old;
  uint64_t OldNonce = 0;
  SharedBytes OldCode;
};

Emulator::Emulator() = default;
Emulator::~Emulator() = default;

Account &Emulator::getOrCreate(const Word &Addr) {
  auto [It, Inserted] = State.Accounts.try_emplace(Addr);
  if (Inserted) {
    It->second.CodeHash = emptyCodeHash();
    Journal.push_back({JournalEntry::Created, Addr, {}, {}, 0, nullptr});
  }
  return It->second;
}

void Emulator::setBalance(const Word &Addr, const Word &Balance) {
  Account &A = getOrCreate(Addr);
  Journal.push_back({JournalEntry::Balance, Addr, {}, A.Balance, 0, nullptr});
  A.Balance = Balance;
}

void Emulator::setNonce(const Word &Addr, uint64_t Nonce) {
  Account &A = getOrCreate(Addr);
  Journal.push_back({JournalEntry::Nonce, Addr, {}, {}, A.Nonce, nullptr});
  A.Nonce = Nonce;
}

void Emulator::setStorage(const Word &Addr, const Word &Key,
                          const Word &Value) {
  Account &A = getOrCreate(Addr);
  auto It = A.Storage.find(Key);
  Word Old = It == A.Storage.end() ? Word() : It->second;
  Journal.push_back({JournalEntry::Storage, Addr, Key, Old, 0, nullptr});
  // Zero is stored as absence, so equal states compare equal.
  if (Value.isZero()) {
    if (It != A.Storage.end())
      A.Storage.erase(It);
  } else {
    A.Storage[Key] = Value;
  }
}

void Emulator::setTransient(const Word &Addr, const Word &Key,
                            const Word &Value) {
  auto &Slots = Transient[Addr];
  auto It = Slots.find(Key);
  Word Old = It == Slots.end() ? Word() : It->second;
  Journal.push_back({JournalEntry::Transient, Addr, Key, Old, 0, nullptr});
  if (Value.isZero())
    Slots.erase(Key);
  else
    Slots[Key] = Value;
}

void Emulator::setCode(const Word &Addr, SharedBytes Code,
                       const Word &CodeHash) {
  Account &A = getOrCreate(Addr);
  Journal.push_back({JournalEntry::Code, Addr, {}, A.CodeHash, 0, A.Code});
  A.Code = std::move(Code);
  A.CodeHash = CodeHash;
}

Word Emulator::getStorage(const Word &Addr, const Word &Key) const {
  const Account *A = State.find(Addr);
  if (!A)
    return Word();
  auto It = A->Storage.find(Key);
  return It == A->Storage.end() ? Word() : It->second;
}

Word Emulator::getTransient(const Word &Addr, const Word &Key) const {
  auto It = Transient.find(Addr);
  if (It == Transient.end())
    return Word();
  auto Slot = It->second.find(Key);
  return Slot == It->second.end() ? Word() : Slot->second;
}

Word Emulator::getBalance(const Word &Addr) const {
  const Account *A = State.find(Addr);
  return A ? A->Balance : Word();
}

Emulator::Checkpoint Emulator::checkpoint() const {
  return {Journal.size(), Logs.size()};
}

void Emulator::revertTo(const Checkpoint &C) {
  while (Journal.size() > C.JournalSize) {
    JournalEntry &E = Journal.back();
    switch (E.Kind) {
    case JournalEntry::Balance:
      State.Accounts[E.Addr].Balance = E.Old;
      break;
    case JournalEntry::Nonce:
      State.Accounts[E.Addr].Nonce = E.OldNonce;
      break;
    case JournalEntry::Storage: {
      auto &Slots = State.Accounts[E.Addr].Storage;
      if (E.Old.isZero())
        Slots.erase(E.Key);
      else
        Slots[E.Key] = E.Old;
      break;
    }
    case JournalEntry::Transient:
      if (E.Old.isZero())
        Transient[E.Addr].erase(E.Key);
      else
        Transient[E.Addr][E.Key] = E.Old;
      break;
    case JournalEntry::Code: {
      Account &A = State.Accounts[E.Addr];
      A.Code = std::move(E.OldCode);
      A.CodeHash = E.Old;
      break;
    }
    case JournalEntry::Created:
      State.Accounts.erase(E.Addr);
      break;
    }
    Journal.pop_back();
  }
  Logs.resize(C.LogCount);
}

bool Emulator::transfer(const Word &From, const Word &To, const Word &Value) {
  if (Value.isZero())
    return true;
  Word FromBalance = getBalance(From);
  if (FromBalance < Value)
    return false;
  setBalance(From, FromBalance - Value);
  setBalance(To, getBalance(To) + Value);
  return true;
}

//===----------------------------------------------------------------------===//
// Messages
//===----------------------------------------------------------------------===//

llvm::Expected<std::shared_ptr<const Program>>
Emulator::loadProgram(const Word &CodeHash, llvm::ArrayRef<uint8_t> Code) {
  auto It = ProgramCache.find(CodeHash);
  if (It != ProgramCache.end())
    return It->second;
  auto P = readProgram(Code);
  if (!P)
    return P.takeError();
  // The sentinel lets execution fall off the end of the code into `stop`
  // without a bounds check per instruction.
  P->Code.push_back(Instruction{Opcode::Stop, 0, 0, 0, 0});
  auto Shared = std::make_shared<const Program>(std::move(*P));
  ProgramCache.emplace(CodeHash, Shared);
  return Shared;
}

static ExecResult failure(Status S, TrapKind K, int64_t GasLeft,
                          std::string Detail = {}) {
  ExecResult R;
  R.S = S;
  R.Trap = K;
  R.GasLeft = GasLeft;
  R.Detail = std::move(Detail);
  return R;
}

ExecResult Emulator::callPrecompile(const Message &Msg) {
  PrecompileResult P = runPrecompile(static_cast<unsigned>(Msg.CodeAddress.low()),
                                     Msg.Input, static_cast<uint64_t>(Msg.Gas));
  if (P.Status != PrecompileStatus::Success)
    return failure(Status::Trap, TrapKind::Precompile, 0,
                   P.Status == PrecompileStatus::Unsupported
                       ? "precompile not supported by zkc"
                       : "");
  ExecResult R;
  R.GasLeft = Msg.Gas - static_cast<int64_t>(P.GasUsed);
  R.Output = std::move(P.Output);
  return R;
}

ExecResult Emulator::call(const Message &Msg) {
  // Failures before execution leave the caller its gas, as on the EVM.
  if (Msg.Depth > MaxCallDepth)
    return failure(Status::Revert, TrapKind::CallDepth, Msg.Gas);
  if (Msg.Kind == CallKind::Create || Msg.Kind == CallKind::Create2)
    return create(Msg);

  Checkpoint CP = checkpoint();
  if (Msg.Kind == CallKind::Call && !transfer(Msg.Sender, Msg.Recipient,
                                              Msg.Value))
    return failure(Status::Revert, TrapKind::InsufficientBalance, Msg.Gas);

  ExecResult R;
  if (isPrecompileAddress(Msg.CodeAddress)) {
    R = callPrecompile(Msg);
  } else {
    const Account *A = State.find(Msg.CodeAddress);
    if (!A || A->codeSize() == 0) {
      R.GasLeft = Msg.Gas;
      return R;
    }
    SharedBytes Code = A->Code; // Keeps the bytes alive through the call.
    auto P = loadProgram(A->CodeHash, *Code);
    if (!P)
      R = failure(Status::Trap, TrapKind::InvalidCode, 0,
                  llvm::toString(P.takeError()));
    else
      R = interpret(*this, Msg, **P, *Code);
  }
  if (R.S != Status::Success)
    revertTo(CP);
  return R;
}

ExecResult Emulator::create(const Message &Msg) {
  const Word Sender = Msg.Sender;
  if (getBalance(Sender) < Msg.Value)
    return failure(Status::Revert, TrapKind::InsufficientBalance, Msg.Gas);
  uint64_t Nonce = State.find(Sender) ? State.find(Sender)->Nonce : 0;
  if (Nonce == UINT64_MAX)
    return failure(Status::Revert, TrapKind::InsufficientBalance, Msg.Gas,
                   "nonce overflow");
  setNonce(Sender, Nonce + 1);

  Word InitCodeHash = keccak256Word(Msg.Input.data(), Msg.Input.size());
  Word Addr = Msg.Kind == CallKind::Create
                  ? createAddress(Sender, Nonce)
                  : create2Address(Sender, Msg.Salt, InitCodeHash);
  if (const Account *Existing = State.find(Addr);
      Existing && (Existing->Nonce != 0 || Existing->codeSize() != 0))
    return failure(Status::Trap, TrapKind::AddressCollision, 0);

  Checkpoint CP = checkpoint();
  getOrCreate(Addr);
  setNonce(Addr, 1);
  transfer(Sender, Addr, Msg.Value);

  Message Init = Msg;
  Init.Recipient = Addr;
  Init.CodeAddress = Addr;
  ExecResult R;
  auto P = loadProgram(InitCodeHash, Msg.Input);
  if (!P) {
    R = failure(Status::Trap, TrapKind::InvalidCode, 0,
                llvm::toString(P.takeError()));
  } else {
    R = interpret(*this, Init, **P, Msg.Input);
  }

  if (R.S == Status::Success) {
    // The returned bytes become the account's code: they must be one whole,
    // valid runtime object, paid for at 200 gas a byte as on the EVM.
    size_t Consumed = 0;
    llvm::Expected<Object> Runtime = readObject(R.Output, &Consumed);
    if (R.Output.size() > MaxCodeSize) {
      R = failure(Status::Trap, TrapKind::CodeTooLarge, 0);
    } else if (!Runtime || Consumed != R.Output.size()) {
      std::string Why = Runtime ? "trailing bytes after the runtime object"
                                : llvm::toString(Runtime.takeError());
      R = failure(Status::Trap, TrapKind::InvalidCode, 0,
                  "deployed code: " + Why);
    } else if (R.GasLeft < 200 * static_cast<int64_t>(R.Output.size())) {
      R = failure(Status::Trap, TrapKind::OutOfGas, 0);
    } else {
      R.GasLeft -= 200 * static_cast<int64_t>(R.Output.size());
      Word Hash = keccak256Word(R.Output.data(), R.Output.size());
      setCode(Addr, std::make_shared<const Bytes>(std::move(R.Output)), Hash);
      R.Output.clear();
      R.CreatedAddress = Addr;
    }
  }
  if (R.S != Status::Success)
    revertTo(CP);
  return R;
}

//===----------------------------------------------------------------------===//
// Transactions and addresses
//===----------------------------------------------------------------------===//

TxResult Emulator::transact(const Transaction &T) {
  TxResult Out;
  Tx.Origin = T.Origin ? *T.Origin : T.From;
  Tx.GasPrice = T.GasPrice;
  Transient.clear();
  Logs.clear();
  Journal.clear();
  Cycles = 0;
  NextContext = 0;
  if (TraceOut)
    TraceOut->clear();

  // The EVM's intrinsic gas: 21000, 32000 more for a creation, and 4 or 16
  // per byte of data.
  int64_t Intrinsic = 21000 + (T.To ? 0 : 32000);
  for (uint8_t B : T.Data)
    Intrinsic += B ? 16 : 4;
  if (T.GasLimit < Intrinsic) {
    Out.Result = failure(Status::Trap, TrapKind::OutOfGas, 0,
                         "gas limit below the intrinsic gas");
    Out.GasUsed = T.GasLimit;
    return Out;
  }

  Message M;
  M.Sender = T.From;
  M.Value = T.Value;
  M.Input = T.Data;
  M.Gas = T.GasLimit - Intrinsic;
  getOrCreate(T.From);
  if (T.To) {
    setNonce(T.From, State.find(T.From)->Nonce + 1);
    M.Kind = CallKind::Call;
    M.Recipient = *T.To;
    M.CodeAddress = *T.To;
  } else {
    M.Kind = CallKind::Create; // create() bumps the nonce it derives from.
  }
  Out.Result = call(M);
  Out.GasUsed = T.GasLimit - Out.Result.GasLeft;
  Out.Cycles = Cycles;
  Out.Logs = std::move(Logs);
  Logs.clear();
  Journal.clear();
  return Out;
}

/// Appends the RLP encoding of a byte string.
static void rlpBytes(Bytes &Out, const uint8_t *P, size_t N) {
  if (N == 1 && P[0] < 0x80) {
    Out.push_back(P[0]);
    return;
  }
  Out.push_back(static_cast<uint8_t>(0x80 + N)); // Short strings only.
  Out.insert(Out.end(), P, P + N);
}

Word Emulator::createAddress(const Word &Sender, uint64_t Nonce) {
  // keccak256(rlp([sender, nonce]))[12:]
  uint8_t AddrBytes[32];
  Sender.toBigEndian(AddrBytes);
  uint8_t NonceBytes[8];
  size_t NonceLen = 0;
  for (int Shift = 56; Shift >= 0; Shift -= 8)
    if (uint8_t B = Nonce >> Shift; B || NonceLen)
      NonceBytes[NonceLen++] = B;
  Bytes Payload;
  rlpBytes(Payload, AddrBytes + 12, 20);
  rlpBytes(Payload, NonceBytes, NonceLen);
  Bytes List{static_cast<uint8_t>(0xc0 + Payload.size())};
  List.insert(List.end(), Payload.begin(), Payload.end());
  return toAddress(keccak256Word(List.data(), List.size()));
}

Word Emulator::create2Address(const Word &Sender, const Word &Salt,
                              const Word &InitCodeHash) {
  // keccak256(0xff ++ sender ++ salt ++ keccak256(init_code))[12:]
  uint8_t Buf[1 + 20 + 32 + 32];
  uint8_t Tmp[32];
  Buf[0] = 0xff;
  Sender.toBigEndian(Tmp);
  std::copy(Tmp + 12, Tmp + 32, Buf + 1);
  Salt.toBigEndian(Buf + 21);
  InitCodeHash.toBigEndian(Buf + 53);
  return toAddress(keccak256Word(Buf, sizeof(Buf)));
}
