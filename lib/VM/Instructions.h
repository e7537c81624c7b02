//===-- Instructions.h - Frame state and instruction helpers ----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The state of one executing call frame and the instructions too large to sit
// in the dispatch loop. The hot helpers (register window, heap bounds) are
// inline; the rest are in Instructions.cpp. Helpers that can trap return
// false after setting Frame::Trap.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_LIB_VM_INSTRUCTIONS_H
#define ZKC_LIB_VM_INSTRUCTIONS_H

#include "zkc/VM/Emulator.h"

#include <utility>
#include <vector>

namespace zkc::vm {

/// Gas for memory of Words 32-byte words: the EVM's 3w + w^2/512.
inline int64_t memoryCost(uint64_t Words) {
  return static_cast<int64_t>(3 * Words + Words * Words / 512);
}

/// Gas for copying Size bytes: 3 per word.
inline int64_t copyCost(uint64_t Size) {
  return static_cast<int64_t>(3 * ((Size + 31) / 32));
}

struct Frame {
  Frame(Emulator &Host, const Message &Msg, const Program &Prog,
        llvm::ArrayRef<uint8_t> Code)
      : Host(Host), Msg(Msg), Prog(Prog), Code(Code),
        Calldata(Msg.Kind == CallKind::Create || Msg.Kind == CallKind::Create2
                     ? llvm::ArrayRef<uint8_t>()
                     : llvm::ArrayRef<uint8_t>(Msg.Input)),
        Gas(Msg.Gas), T(Host.TraceOut), Context(Host.NextContext++) {}
  ~Frame() {
    Host.LiveMemory -= Heap.size() + Stack.size() + Regs.size() * sizeof(Word);
  }
  Frame(const Frame &) = delete;
  Frame &operator=(const Frame &) = delete;

  Emulator &Host;
  const Message &Msg;
  const Program &Prog;
  /// The bytes CODESIZE and CODECOPY see: the running object, and for init
  /// code the constructor arguments after it.
  llvm::ArrayRef<uint8_t> Code;
  llvm::ArrayRef<uint8_t> Calldata;
  int64_t Gas;

  Bytes Heap;
  Bytes ReturnData;
  Bytes Output;
  std::vector<Word> Regs;
  /// Register window base: rN is Regs[Fp + N].
  size_t Fp = 0;
  /// Stack memory and its pointer: the bytes below Sp belong to the frames
  /// of the outstanding `enter`s; Stack may be longer (its high-water mark).
  Bytes Stack;
  uint64_t Sp = StackBase;
  /// What fcall saves and fret restores.
  struct SavedCall {
    uint32_t ReturnPc;
    uint32_t Fp;
    uint64_t Sp;
  };
  std::vector<SavedCall> CallStack;

  Status Result = Status::Success;
  TrapKind Trap = TrapKind::None;

  Trace *T;
  uint32_t Context;
  size_t CurStep = 0;
  bool StepOpen = false;

  Word *regs() { return Regs.data() + Fp; }

  bool trap(TrapKind K) {
    Trap = K;
    return false;
  }
  bool chargeGas(int64_t Cost) {
    Gas -= Cost;
    return Gas >= 0 || trap(TrapKind::OutOfGas);
  }

  /// Makes [Offset, Offset + Size) addressable, charging for expansion.
  bool ensureHeap(const Word &Offset, const Word &Size) {
    if (Size.isZero())
      return true;
    if (Offset.fitsU64() && Size.fitsU64() && Offset.low() <= HeapLimit &&
        Size.low() <= HeapLimit && Offset.low() + Size.low() <= Heap.size())
      return true;
    return expandHeap(Offset, Size);
  }
  bool expandHeap(const Word &Offset, const Word &Size);
  bool growRegisters(size_t Cells);
  /// `enter`: allocates Size bytes of stack above Sp.
  bool enterStack(uint32_t Size);
  /// Traps unless [Addr, Addr + Size) lies between StackBase and Sp.
  bool checkStack(const Word &Addr, uint64_t Size) {
    if (Addr.fitsU64() && Addr.low() >= StackBase && Addr.low() <= Sp &&
        Size <= Sp - Addr.low())
      return true;
    return trap(TrapKind::StackAccess);
  }

  void setOutput(const Word &Offset, const Word &Size);
  bool enterFunction(uint32_t ReturnPc, uint8_t Base);
  bool leaveFunction(uint32_t &ReturnPc);

  bool heapCopy(const Word &Dst, const Word &Src, const Word &Size);
  /// CALLDATALOAD-style read of 32 bytes, zero past the end.
  Word loadPadded(llvm::ArrayRef<uint8_t> Bytes, const Word &Offset,
                  Space Where);
  /// Copies from a read-only byte string into the heap, zero past its end.
  bool copyIn(llvm::ArrayRef<uint8_t> Source, Space Where, const Word &Dst,
              const Word &Src, const Word &Size);
  bool returnDataCopy(const Word &Dst, const Word &Src, const Word &Size);
  bool extCodeCopy(const Word &Addr, const Word &Dst, const Word &Src,
                   const Word &Size);
  bool storageStore(const Word &Key, const Word &Value);
  bool keccak(Word &Out, const Word &Offset, const Word &Size);
  Word blockHash(const Word &Number) const;
  bool log(uint8_t Block, unsigned NumTopics);
  bool call(const Instruction &I);
  bool create(const Instruction &I);

  /// Records an access for the current trace step.
  void record(Space Where, bool IsWrite, const Word &Address,
              const Word &Value, uint8_t Size);
  /// Records a byte range as accesses of at most 32 bytes each.
  void recordBytes(Space Where, bool IsWrite, uint64_t Address,
                   const uint8_t *Data, uint64_t Size);
  /// Records the reads of a register block.
  void recordBlock(uint8_t Base, unsigned Count);
};

} // namespace zkc::vm

#endif // ZKC_LIB_VM_INSTRUCTIONS_H
