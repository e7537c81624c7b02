//===-- StackGeneration.cpp - The stack tables' traces --------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Replays the stack accesses in timestamp order byte by byte, recording for
// each byte the state it found (previous timestamp and byte), and lists the
// final state of every byte touched for the boundary table.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

#include <algorithm>
#include <unordered_map>

using namespace zkc;
using namespace zkc::circuit;

namespace {

/// Byte J of W, counted from the least significant one.
uint8_t byteAt(const Word &W, unsigned J) {
  return static_cast<uint8_t>(W.L[J / 8] >> (8 * (J % 8)));
}

} // namespace

void zkc::circuit::generateStackTraces(const std::vector<HeapEvent> &Events,
                                       Matrix &Accesses, Matrix &Boundary) {
  struct State {
    uint64_t Ts = 0;
    uint8_t Value = 0;
  };
  std::unordered_map<uint64_t, State> Cells;
  Accesses = Matrix(StackAccessAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const HeapEvent &Ev = Events[R];
    bool IsWord = Ev.Op == Opcode::StLoad || Ev.Op == Opcode::StStore;
    bool IsWrite = Ev.Op == Opcode::StStore || Ev.Op == Opcode::StStore8;
    StackAccessCols<Felt> &C = viewRowMut<StackAccessCols>(Accesses.row(R));
    C.IsLoad = Felt(Ev.Op == Opcode::StLoad ? 1u : 0u);
    C.IsStore = Felt(Ev.Op == Opcode::StStore ? 1u : 0u);
    C.IsLoad8 = Felt(Ev.Op == Opcode::StLoad8 ? 1u : 0u);
    C.IsStore8 = Felt(Ev.Op == Opcode::StStore8 ? 1u : 0u);
    C.Ts = Felt(Ev.Ts);
    C.Addr = Felt(Ev.Addr);
    writeLimbs(Ev.Value, C.Value);
    if (Ev.Op == Opcode::StStore8)
      C.StoreHi = Felt(byteAt(Ev.Value, 1));
    for (unsigned K = 0; K < (IsWord ? StackWordBytes : 1); ++K) {
      State &Cell = Cells[Ev.Addr + K]; // A byte first met is 0 from time 0.
      assert(Ev.Ts > Cell.Ts && "stack events out of timestamp order");
      uint8_t New = Cell.Value;
      if (IsWrite)
        New = byteAt(Ev.Value, IsWord ? StackWordBytes - 1 - K : 0);
      C.Bytes[K] = Felt(New);
      C.PrevBytes[K] = Felt(Cell.Value);
      C.PrevTs[K] = Felt(Cell.Ts);
      uint64_t Diff = Ev.Ts - Cell.Ts - 1;
      C.TsDiffLo[K] = Felt(Diff & 0xffff);
      C.TsDiffHi[K] = Felt(Diff >> 16);
      Cell = {Ev.Ts, New};
    }
  }

  std::vector<uint64_t> Addrs;
  Addrs.reserve(Cells.size());
  for (const auto &[Addr, S] : Cells)
    Addrs.push_back(Addr);
  std::sort(Addrs.begin(), Addrs.end());
  Boundary = Matrix(StackBoundaryAir::Width, paddedHeight(Addrs.size()));
  for (size_t R = 0; R < Addrs.size(); ++R) {
    StackBoundaryCols<Felt> &C = viewRowMut<StackBoundaryCols>(Boundary.row(R));
    const State &S = Cells[Addrs[R]];
    C.IsReal = Felt(1u);
    C.Addr = Felt(Addrs[R]);
    C.FinalTs = Felt(S.Ts);
    C.FinalByte = Felt(S.Value);
    uint64_t Gap = R == 0 ? 0 : Addrs[R] - Addrs[R - 1] - 1;
    C.GapLo = Felt(Gap & 0xffff);
    C.GapHi = Felt(Gap >> 16);
  }
}
