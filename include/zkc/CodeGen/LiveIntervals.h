//===-- zkc/CodeGen/LiveIntervals.h - Live intervals of vregs ---*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Liveness of virtual registers over the linear order of a machine
// function. Instruction K is at position 2K: it reads its uses at 2K and
// writes its defs at 2K + 1, so a value that dies at an instruction and the
// value it defines may share a register. A block covers [first position,
// last position + 1]. An interval is a sorted list of closed segments, with
// holes where the value is dead.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CODEGEN_LIVEINTERVALS_H
#define ZKC_CODEGEN_LIVEINTERVALS_H

#include "zkc/CodeGen/MachineIR.h"

#include "llvm/ADT/BitVector.h"

namespace zkc::codegen {

struct Segment {
  unsigned Start, End; // Closed.
};

struct LiveInterval {
  unsigned VReg = 0;
  llvm::SmallVector<Segment, 2> Segments;
  /// Sum of 10^loop depth over the instructions that touch the value.
  double Weight = 0;

  bool empty() const { return Segments.empty(); }
  unsigned start() const { return Segments.front().Start; }
  unsigned end() const { return Segments.back().End; }
  bool overlaps(const LiveInterval &Other) const;
  bool liveAt(unsigned Pos) const;
  /// Adds [Start, End], merging with touching or overlapping segments.
  void add(unsigned Start, unsigned End);
  /// Adds all of Other's segments.
  void join(const LiveInterval &Other);
};

struct LiveIntervals {
  std::vector<LiveInterval> Intervals;
  /// Per block (by Number): live-in and live-out virtual registers.
  std::vector<llvm::BitVector> LiveIn, LiveOut;
  /// Per block: position of its first instruction and of its end.
  std::vector<unsigned> BlockStart, BlockEnd;

  /// Computes liveness for MF's current block order.
  static LiveIntervals compute(const MFunction &MF);
};

} // namespace zkc::codegen

#endif // ZKC_CODEGEN_LIVEINTERVALS_H
