//===-- zkc/VM/Trace.h - Execution trace for the circuit --------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The execution trace the emulator records when asked: one step per cycle
// with the instruction, the values it read and wrote, and every access it
// made to an address space other than the registers. The format is described
// in docs/trace.md; trace generation for the circuit reads it.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_VM_TRACE_H
#define ZKC_VM_TRACE_H

#include "zkc/ISA/Instruction.h"
#include "zkc/Support/Word.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <vector>

namespace zkc::vm {

/// The address spaces of docs/isa.md, as recorded in the trace.
enum class Space : uint8_t {
  Frame,
  Heap,
  Calldata,
  Returndata,
  Code,
  Storage,
  TransientStorage,
  /// Stack memory: byte-addressed like the heap (enter, spld, stload...).
  Stack,
};

const char *spaceName(Space S);

/// One access to an address space. Heap, calldata, returndata and code are
/// byte-addressed: Size bytes (1 to 32) at Address, Value holding them
/// big-endian in its low Size bytes. Storage accesses have Size 32 and the
/// key in Address.
struct MemoryAccess {
  /// The step (cycle) that made the access.
  uint64_t Cycle = 0;
  Space Where = Space::Heap;
  bool IsWrite = false;
  uint8_t Size = 32;
  /// For storage and transient storage: the account whose storage it is.
  Word Account;
  Word Address;
  Word Value;
};

struct TraceStep {
  /// Cycle number within the transaction, from 0.
  uint64_t Cycle = 0;
  /// Call depth: 0 for the transaction's own frame.
  uint32_t Depth = 0;
  /// Serial number of the call context, in the order contexts start.
  uint32_t Context = 0;
  uint32_t Pc = 0;
  /// Register window base: register rN is frame cell Fp + N.
  uint32_t Fp = 0;
  /// Stack pointer before the instruction (docs/isa.md, "Stack memory").
  uint64_t Sp = 0;
  Instruction Instr;
  /// Values of the register operands read, in operand order (up to three,
  /// the immediate-held register of 'r' operands included).
  Word In[3];
  uint8_t NumIn = 0;
  /// Value written to the 'd' register, if the instruction has one.
  Word Out;
  bool HasOut = false;
  /// Gas left before the instruction.
  int64_t GasBefore = 0;
};

/// Steps in cycle order; accesses in the order they were made, each naming
/// its step (a call's accesses come before and after those of its callee).
struct Trace {
  std::vector<TraceStep> Steps;
  std::vector<MemoryAccess> Accesses;

  void clear() {
    Steps.clear();
    Accesses.clear();
  }
  /// Writes the trace as JSON lines, one object per step (docs/trace.md).
  void writeJSONLines(llvm::raw_ostream &OS) const;
};

} // namespace zkc::vm

#endif // ZKC_VM_TRACE_H
