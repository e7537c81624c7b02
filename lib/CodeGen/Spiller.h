//===-- Spiller.h - Spill code for the register allocator -------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// What linear scan could not keep in a register goes to a 32-byte slot of
// the stack frame: the spiller rewrites the function so that every
// definition of a spilled value is stored to its slot right after it and
// every use is reloaded into a fresh, short-lived register right before it.
// The allocator then starts again on the rewritten function.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_LIB_CODEGEN_SPILLER_H
#define ZKC_LIB_CODEGEN_SPILLER_H

#include "zkc/CodeGen/LiveIntervals.h"

#include <vector>

namespace zkc::codegen {

/// One value to spill: the virtual registers coalescing joined into it, and
/// their joined live interval (groups whose intervals do not overlap may
/// share a slot).
struct SpillGroup {
  llvm::SmallVector<unsigned, 4> VRegs;
  LiveInterval Interval;
};

/// Whether I can be repeated wherever its result is needed: it reads no
/// register and has no effect (li, ldc, spaddr).
bool isRematerializable(const MInstr &I);

/// Gives each group a slot (new ones after MF.NumSpillSlots) and inserts
/// the stores and reloads. The registers it creates are marked in NoSpill,
/// which grows with MF's virtual registers: they live from one instruction
/// to the next and spilling them again would gain nothing. NextSpillId
/// numbers the groups for the verifier (MInstr::SpillOf).
/// A single-register group defined once by a rematerializable instruction
/// gets no slot: the definition is repeated before each use instead.
void insertSpillCode(MFunction &MF, llvm::ArrayRef<SpillGroup> Groups,
                     std::vector<bool> &NoSpill, int &NextSpillId);

} // namespace zkc::codegen

#endif // ZKC_LIB_CODEGEN_SPILLER_H
