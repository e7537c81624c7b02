//===-- Instructions.cpp - Instructions outside the dispatch loop ----------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Memory expansion, copies, storage, logs, calls and creation: instructions
// whose cost is dominated by the work they do, not by dispatch. Gas follows
// the schedule in docs/isa.md, which keeps the EVM's dynamic costs.
//
//===----------------------------------------------------------------------===//

#include "Instructions.h"

#include "zkc/Support/Keccak.h"

#include <algorithm>
#include <cstring>

using namespace zkc;
using namespace zkc::vm;

bool Frame::expandHeap(const Word &Offset, const Word &Size) {
  if (!Offset.fitsU64() || !Size.fitsU64() || Offset.low() > HeapLimit ||
      Size.low() > HeapLimit || Offset.low() + Size.low() > HeapLimit)
    return trap(TrapKind::HeapLimit);
  uint64_t End = Offset.low() + Size.low();
  uint64_t NewSize = (End + 31) / 32 * 32;
  if (NewSize <= Heap.size())
    return true;
  if (!chargeGas(memoryCost(NewSize / 32) - memoryCost(Heap.size() / 32)))
    return false;
  uint64_t Delta = NewSize - Heap.size();
  if (Host.LiveMemory + Delta > MemoryBudget)
    return trap(TrapKind::MemoryBudget);
  Heap.resize(NewSize, 0);
  Host.LiveMemory += Delta;
  return true;
}

bool Frame::growRegisters(size_t Cells) {
  if (Cells <= Regs.size())
    return true;
  size_t NewSize = std::max(Cells, Regs.size() * 2);
  uint64_t Delta = (NewSize - Regs.size()) * sizeof(Word);
  if (Host.LiveMemory + Delta > MemoryBudget)
    return trap(TrapKind::MemoryBudget);
  Regs.resize(NewSize);
  Host.LiveMemory += Delta;
  return true;
}

void Frame::setOutput(const Word &Offset, const Word &Size) {
  if (Size.isZero())
    return;
  const uint8_t *P = Heap.data() + Offset.low();
  Output.assign(P, P + Size.low());
  if (T)
    recordBytes(Space::Heap, false, Offset.low(), P, Size.low());
}

bool Frame::enterStack(uint32_t Size) {
  if (Size > StackLimit - Sp)
    return trap(TrapKind::StackLimit);
  if (!chargeGas(copyCost(Size)))
    return false;
  uint64_t NewSp = Sp + Size;
  uint64_t NewSize = (NewSp + 31) / 32 * 32;
  if (NewSize > Stack.size()) {
    uint64_t Delta = NewSize - Stack.size();
    if (Host.LiveMemory + Delta > MemoryBudget)
      return trap(TrapKind::MemoryBudget);
    Stack.resize(NewSize, 0);
    Host.LiveMemory += Delta;
  }
  Sp = NewSp;
  return true;
}

bool Frame::enterFunction(uint32_t ReturnPc, uint8_t Base) {
  if (CallStack.size() >= MaxInternalCallDepth)
    return trap(TrapKind::FrameOverflow);
  size_t NewFp = Fp + Base;
  if (!growRegisters(NewFp + NumWindowRegisters))
    return false;
  CallStack.push_back({ReturnPc, static_cast<uint32_t>(Fp), Sp});
  Fp = NewFp;
  return true;
}

bool Frame::leaveFunction(uint32_t &ReturnPc) {
  if (CallStack.empty())
    return trap(TrapKind::ReturnFromTopFrame);
  ReturnPc = CallStack.back().ReturnPc;
  Fp = CallStack.back().Fp;
  Sp = CallStack.back().Sp;
  CallStack.pop_back();
  return true;
}

bool Frame::heapCopy(const Word &Dst, const Word &Src, const Word &Size) {
  if (Size.isZero())
    return true;
  if (!ensureHeap(Src, Size) || !ensureHeap(Dst, Size) ||
      !chargeGas(copyCost(Size.low())))
    return false;
  if (T)
    recordBytes(Space::Heap, false, Src.low(), Heap.data() + Src.low(),
                Size.low());
  std::memmove(Heap.data() + Dst.low(), Heap.data() + Src.low(), Size.low());
  if (T)
    recordBytes(Space::Heap, true, Dst.low(), Heap.data() + Dst.low(),
                Size.low());
  return true;
}

Word Frame::loadPadded(llvm::ArrayRef<uint8_t> Bytes, const Word &Offset,
                       Space Where) {
  uint8_t Buf[32] = {};
  if (Offset.fitsU64() && Offset.low() < Bytes.size()) {
    size_t N = std::min<uint64_t>(32, Bytes.size() - Offset.low());
    std::memcpy(Buf, Bytes.data() + Offset.low(), N);
  }
  Word V = Word::fromBigEndian(Buf);
  if (T)
    record(Where, false, Offset, V, 32);
  return V;
}

bool Frame::copyIn(llvm::ArrayRef<uint8_t> Source, Space Where,
                   const Word &Dst, const Word &Src, const Word &Size) {
  if (Size.isZero())
    return true;
  if (!ensureHeap(Dst, Size) || !chargeGas(copyCost(Size.low())))
    return false;
  uint8_t *Out = Heap.data() + Dst.low();
  uint64_t N = Size.low(), Avail = 0;
  if (Src.fitsU64() && Src.low() < Source.size())
    Avail = std::min<uint64_t>(N, Source.size() - Src.low());
  if (Avail)
    std::memcpy(Out, Source.data() + Src.low(), Avail);
  std::memset(Out + Avail, 0, N - Avail);
  if (T) {
    // The source is read where it exists; the zero padding is not an access.
    if (Avail)
      recordBytes(Where, false, Src.low(), Out, Avail);
    recordBytes(Space::Heap, true, Dst.low(), Out, N);
  }
  return true;
}

bool Frame::returnDataCopy(const Word &Dst, const Word &Src,
                           const Word &Size) {
  Word End = Src + Size;
  if (End < Src || !End.fitsU64() || End.low() > ReturnData.size())
    return trap(TrapKind::ReturnDataOutOfBounds);
  return copyIn(ReturnData, Space::Returndata, Dst, Src, Size);
}

bool Frame::extCodeCopy(const Word &Addr, const Word &Dst, const Word &Src,
                        const Word &Size) {
  const Account *A = Host.State.find(toAddress(Addr));
  SharedBytes Code = A ? A->Code : nullptr;
  llvm::ArrayRef<uint8_t> Bytes;
  if (Code)
    Bytes = *Code;
  return copyIn(Bytes, Space::Code, Dst, Src, Size);
}

bool Frame::storageStore(const Word &Key, const Word &Value) {
  if (Msg.IsStatic)
    return trap(TrapKind::StaticStateChange);
  // EIP-2200: a store needs more than the call stipend left.
  if (Gas <= 2300)
    return trap(TrapKind::OutOfGas);
  Word Current = Host.getStorage(Msg.Recipient, Key);
  int64_t Cost = Current == Value ? 100 : Current.isZero() ? 20000 : 2900;
  if (!chargeGas(Cost))
    return false;
  Host.setStorage(Msg.Recipient, Key, Value);
  if (T)
    record(Space::Storage, true, Key, Value, 32);
  return true;
}

bool Frame::keccak(Word &Out, const Word &Offset, const Word &Size) {
  if (!ensureHeap(Offset, Size) ||
      !chargeGas(6 * static_cast<int64_t>((Size.low() + 31) / 32)))
    return false;
  const uint8_t *P = Size.isZero() ? nullptr : Heap.data() + Offset.low();
  if (T && P)
    recordBytes(Space::Heap, false, Offset.low(), P, Size.low());
  Out = keccak256Word(P, Size.isZero() ? 0 : Size.low());
  return true;
}

Word Frame::blockHash(const Word &Number) const {
  const Word &Current = Host.Block.Number;
  if (!(Number < Current) || Current - Number > Word(256))
    return Word();
  auto It = Host.Block.BlockHashes.find(Number);
  return It == Host.Block.BlockHashes.end() ? Word() : It->second;
}

bool Frame::log(uint8_t Block, unsigned NumTopics) {
  if (Msg.IsStatic)
    return trap(TrapKind::StaticStateChange);
  if (T)
    recordBlock(Block, 2 + NumTopics);
  const Word *R = regs() + Block;
  Word Offset = R[0], Size = R[1];
  if (!ensureHeap(Offset, Size) ||
      !chargeGas(8 * static_cast<int64_t>(Size.low())))
    return false;
  Log L;
  L.Address = Msg.Recipient;
  L.Topics.assign(R + 2, R + 2 + NumTopics);
  if (!Size.isZero()) {
    const uint8_t *P = Heap.data() + Offset.low();
    L.Data.assign(P, P + Size.low());
    if (T)
      recordBytes(Space::Heap, false, Offset.low(), P, Size.low());
  }
  Host.Logs.push_back(std::move(L));
  return true;
}

/// The heap bytes [Offset, Offset + Size), already made addressable.
static Bytes heapSlice(const Bytes &Heap, const Word &Offset,
                       const Word &Size) {
  if (Size.isZero())
    return {};
  const uint8_t *P = Heap.data() + Offset.low();
  return Bytes(P, P + Size.low());
}

bool Frame::call(const Instruction &I) {
  const Opcode Op = I.Op;
  const unsigned N = getInstrInfo(Op).Block;
  if (T)
    recordBlock(I.B, N);
  const Word *A = regs() + I.B;
  const Word GasRequested = A[0], Target = toAddress(A[1]);
  unsigned K = 2;
  const Word Value = Op == Opcode::Call ? A[K++] : Word();
  const Word ArgOffset = A[K], ArgSize = A[K + 1], RetOffset = A[K + 2],
             RetSize = A[K + 3];

  if (Op == Opcode::Call && Msg.IsStatic && !Value.isZero())
    return trap(TrapKind::StaticStateChange);
  if (!ensureHeap(ArgOffset, ArgSize) || !ensureHeap(RetOffset, RetSize))
    return false;
  int64_t Extra = 0;
  bool TransfersValue = Op == Opcode::Call && !Value.isZero();
  if (TransfersValue) {
    Extra += 9000;
    const Account *Dest = Host.State.find(Target);
    if (!Dest || (Dest->Nonce == 0 && Dest->Balance.isZero() &&
                  Dest->codeSize() == 0))
      Extra += 25000;
  }
  if (!chargeGas(Extra))
    return false;

  // All but one 64th of the remaining gas may be passed on.
  int64_t Cap = Gas - Gas / 64;
  int64_t Passed = GasRequested.fitsU64() &&
                           GasRequested.low() < static_cast<uint64_t>(Cap)
                       ? static_cast<int64_t>(GasRequested.low())
                       : Cap;
  Gas -= Passed;
  if (TransfersValue)
    Passed += 2300; // The stipend.

  Message M;
  M.Kind = Op == Opcode::Call         ? CallKind::Call
           : Op == Opcode::StaticCall ? CallKind::StaticCall
                                      : CallKind::DelegateCall;
  M.Gas = Passed;
  M.Depth = Msg.Depth + 1;
  M.CodeAddress = Target;
  if (Op == Opcode::DelegateCall) {
    M.Recipient = Msg.Recipient;
    M.Sender = Msg.Sender;
    M.Value = Msg.Value;
  } else {
    M.Recipient = Target;
    M.Sender = Msg.Recipient;
    M.Value = Value;
  }
  M.IsStatic = Msg.IsStatic || Op == Opcode::StaticCall;
  M.Input = heapSlice(Heap, ArgOffset, ArgSize);
  if (T && !M.Input.empty())
    recordBytes(Space::Heap, false, ArgOffset.low(), M.Input.data(),
                M.Input.size());

  ExecResult Res;
  if (TransfersValue && Host.getBalance(Msg.Recipient) < Value) {
    Res.S = Status::Revert;
    Res.GasLeft = Passed;
  } else {
    Res = Host.call(M);
  }
  Gas += Res.GasLeft;
  ReturnData = std::move(Res.Output);
  uint64_t Copy = std::min<uint64_t>(RetSize.isZero() ? 0 : RetSize.low(),
                                     ReturnData.size());
  if (Copy) {
    std::memcpy(Heap.data() + RetOffset.low(), ReturnData.data(), Copy);
    if (T)
      recordBytes(Space::Heap, true, RetOffset.low(), ReturnData.data(), Copy);
  }
  regs()[I.A] = Word(Res.S == Status::Success);
  return true;
}

bool Frame::create(const Instruction &I) {
  if (Msg.IsStatic)
    return trap(TrapKind::StaticStateChange);
  const bool Is2 = I.Op == Opcode::Create2;
  if (T)
    recordBlock(I.B, Is2 ? 4 : 3);
  const Word *A = regs() + I.B;
  const Word Value = A[0], Offset = A[1], Size = A[2];
  const Word Salt = Is2 ? A[3] : Word();
  if (!ensureHeap(Offset, Size))
    return false;
  if (!Size.isZero() && Size.low() > MaxInitCodeSize)
    return trap(TrapKind::CodeTooLarge);
  // EIP-3860's 2 gas per word of init code, and CREATE2's hashing.
  int64_t Words = static_cast<int64_t>((Size.low() + 31) / 32);
  if (!chargeGas(2 * Words + (Is2 ? 6 * Words : 0)))
    return false;

  Message M;
  M.Kind = Is2 ? CallKind::Create2 : CallKind::Create;
  M.Sender = Msg.Recipient;
  M.Value = Value;
  M.Salt = Salt;
  M.Depth = Msg.Depth + 1;
  M.Input = heapSlice(Heap, Offset, Size);
  if (T && !M.Input.empty())
    recordBytes(Space::Heap, false, Offset.low(), M.Input.data(),
                M.Input.size());
  M.Gas = Gas - Gas / 64;
  Gas -= M.Gas;

  ExecResult Res = Host.call(M);
  Gas += Res.GasLeft;
  bool Ok = Res.S == Status::Success;
  ReturnData = Ok ? Bytes() : std::move(Res.Output);
  regs()[I.A] = Ok ? Res.CreatedAddress : Word();
  return true;
}

void Frame::record(Space Where, bool IsWrite, const Word &Address,
                   const Word &Value, uint8_t Size) {
  if (!T)
    return;
  MemoryAccess Acc;
  Acc.Cycle = T->Steps[CurStep].Cycle;
  Acc.Where = Where;
  Acc.IsWrite = IsWrite;
  Acc.Size = Size;
  Acc.Account = Msg.Recipient;
  Acc.Address = Address;
  Acc.Value = Value;
  T->Accesses.push_back(Acc);
}

void Frame::recordBytes(Space Where, bool IsWrite, uint64_t Address,
                        const uint8_t *Data, uint64_t Size) {
  for (uint64_t Done = 0; Done < Size; Done += 32) {
    unsigned N = static_cast<unsigned>(std::min<uint64_t>(32, Size - Done));
    record(Where, IsWrite, Word(Address + Done),
           Word::fromBigEndian(Data + Done, N), N);
  }
}

void Frame::recordBlock(uint8_t Base, unsigned Count) {
  for (unsigned I = 0; I < Count; ++I)
    record(Space::Frame, false, Word(Fp + Base + I), regs()[Base + I], 32);
}
