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

#include "ByteMemory.h"

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

void zkc::circuit::generateStackTraces(const std::vector<HeapEvent> &Events,
                                       Matrix &Accesses, Matrix &Boundary) {
  ByteCells Cells;
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
    accessBytes(C, Cells, Ev.Addr, Ev.Ts, IsWord ? StackWordBytes : 1, IsWrite,
                Ev.Value);
  }

  Boundary = boundaryRows<StackBoundaryCols>(Cells, StackBoundaryAir::Width);
}
