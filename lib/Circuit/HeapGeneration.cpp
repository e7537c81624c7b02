//===-- HeapGeneration.cpp - The heap tables' traces ----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Replays the heap accesses in timestamp order byte by byte, recording for
// each byte the state it found (previous timestamp and byte), with
// keccak256's reads of its message among them (the sponge table's) and
// the copies' writes (the copy table's), then
// the output's reads of the returned range at the halt, and lists the final
// state of every byte touched for the boundary table.
//
//===----------------------------------------------------------------------===//

#include "ByteMemory.h"

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

void zkc::circuit::generateHeapTraces(const std::vector<HeapEvent> &Events,
                                      std::vector<KeccakEvent> &Keccak,
                                      const HaltEvent &Halt, Matrix &Accesses,
                                      Matrix &Boundary, Matrix &Output,
                                      const std::vector<LogByteRead> &LogReads,
                                      Matrix &LogData,
                                      std::vector<CopyEvent> &Copies) {
  ByteCells Cells;
  // keccak256 reads its message at its timestamp, between the accesses
  // of the cycles before and after it.
  size_t NextKeccak = 0;
  auto ReadKeccakUntil = [&](uint64_t Ts) {
    for (; NextKeccak < Keccak.size() && Keccak[NextKeccak].Ts < Ts;
         ++NextKeccak) {
      KeccakEvent &K = Keccak[NextKeccak];
      K.Message.resize(K.Len);
      K.PrevTs.resize(K.Len);
      for (uint64_t I = 0; I < K.Len; ++I) {
        ByteCell &Cell = Cells[K.Addr + I];
        assert(K.Ts > Cell.Ts && "keccak256 events out of timestamp order");
        K.Message[I] = Cell.Value;
        K.PrevTs[I] = Cell.Ts;
        Cell.Ts = K.Ts;
      }
    }
  };
  // The log-data table's reads, interleaved with the accesses by
  // timestamp: each finds the state its byte is in and leaves it, later.
  size_t NextRead = 0;
  auto readLogBytes = [&](uint64_t Before) {
    for (; NextRead < LogReads.size() && LogReads[NextRead].Ts < Before &&
           NextRead < LogData.Height;
         ++NextRead) {
      const LogByteRead &Rd = LogReads[NextRead];
      ByteCell &Cell = Cells[Rd.Addr];
      LogDataCols<Felt> &C = viewRowMut<LogDataCols>(LogData.row(NextRead));
      C.Ts = Felt(Rd.Ts);
      C.Offset = Felt(Rd.Offset);
      C.PrevTs = Felt(Cell.Ts);
      uint64_t Diff = Rd.Ts - Cell.Ts - 1;
      C.TsDiffLo = Felt(Diff & 0xffff);
      C.TsDiffHi = Felt(Diff >> 16);
      Cell.Ts = Rd.Ts;
    }
  };
  // A copy writes its bytes at its timestamp, like stores of one byte.
  size_t NextCopy = 0;
  auto WriteCopiesUntil = [&](uint64_t Ts) {
    for (; NextCopy < Copies.size() && Copies[NextCopy].Ts < Ts; ++NextCopy) {
      CopyEvent &Cp = Copies[NextCopy];
      Cp.PrevTs.resize(Cp.Len);
      Cp.PrevBytes.resize(Cp.Len);
      if (Cp.Op == Opcode::MCopy) {
        // Every source byte is read before any is written; onto itself the
        // read is the whole copy.
        Cp.Bytes.resize(Cp.Len);
        Cp.SrcPrevTs.resize(Cp.Len);
        for (uint64_t I = 0; I < Cp.Len; ++I) {
          ByteCell &Cell = Cells[Cp.Src + I];
          assert(Cp.Ts > Cell.Ts && "copy events out of timestamp order");
          Cp.Bytes[I] = Cell.Value;
          Cp.SrcPrevTs[I] = Cp.PrevTs[I] = Cell.Ts;
          Cp.PrevBytes[I] = Cell.Value;
          Cell.Ts = Cp.Ts;
        }
        if (Cp.Dst == Cp.Src)
          continue;
      }
      for (uint64_t I = 0; I < Cp.Len; ++I) {
        ByteCell &Cell = Cells[Cp.Dst + I];
        assert(Cp.Ts > Cell.Ts && "copy events out of timestamp order");
        Cp.PrevBytes[I] = Cell.Value;
        Cp.PrevTs[I] = Cell.Ts;
        Cell = {Cp.Ts, Cp.Bytes[I]};
      }
    }
  };
  // All in timestamp order: no two of a keccak256, a log and a copy share
  // one.
  auto readUntil = [&](uint64_t Ts) {
    for (;;) {
      uint64_t K = NextKeccak < Keccak.size() ? Keccak[NextKeccak].Ts : ~0ull;
      uint64_t L = NextRead < LogReads.size() && NextRead < LogData.Height
                       ? LogReads[NextRead].Ts
                       : ~0ull;
      uint64_t Cp = NextCopy < Copies.size() ? Copies[NextCopy].Ts : ~0ull;
      uint64_t First = std::min({K, L, Cp});
      if (First >= Ts)
        return;
      if (First == K)
        ReadKeccakUntil(K + 1);
      else if (First == L)
        readLogBytes(L + 1);
      else
        WriteCopiesUntil(Cp + 1);
    }
  };
  Accesses = Matrix(HeapAccessAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const HeapEvent &Ev = Events[R];
    readUntil(Ev.Ts);
    bool IsWord = Ev.Op == Opcode::MLoad || Ev.Op == Opcode::MStore;
    bool IsWrite = Ev.Op == Opcode::MStore || Ev.Op == Opcode::MStore8;
    HeapAccessCols<Felt> &C = viewRowMut<HeapAccessCols>(Accesses.row(R));
    C.IsLoad = Felt(Ev.Op == Opcode::MLoad ? 1u : 0u);
    C.IsStore = Felt(Ev.Op == Opcode::MStore ? 1u : 0u);
    C.IsLoad8 = Felt(Ev.Op == Opcode::MLoad8 ? 1u : 0u);
    C.IsStore8 = Felt(Ev.Op == Opcode::MStore8 ? 1u : 0u);
    C.Ts = Felt(Ev.Ts);
    uint64_t End = Ev.Addr + (IsWord ? WordBytes - 1 : 0);
    C.AddrLo = Felt(Ev.Addr & 0xffff);
    C.AddrHi = Felt(Ev.Addr >> 16);
    C.EndLo = Felt(End & 0xffff);
    C.EndHi = Felt(End >> 16);
    writeLimbs(Ev.Value, C.Value);
    if (Ev.Op == Opcode::MStore8)
      C.StoreHi = Felt(byteAt(Ev.Value, 1));
    accessBytes(C, Cells, Ev.Addr, Ev.Ts, IsWord ? WordBytes : 1, IsWrite,
                Ev.Value);
  }

  readUntil(~0ull);

  // The returned bytes, read last: the halt is the last cycle.
  Output = Matrix(OutputAir::Width, OutputAir::heightFor(Halt.Length));
  for (size_t R = 0; R < Output.Height; ++R) {
    OutputCols<Felt> &C = viewRowMut<OutputCols>(Output.row(R));
    uint64_t Addr = Halt.Start + R;
    C.Halts = Felt(Halt.Halts && R == 0 ? 1u : 0u);
    C.Ts = Felt(Halt.Ts);
    C.Start = Felt(Halt.Start);
    C.AddrLo = Felt(Addr & 0xffff);
    C.AddrHi = Felt(Addr >> 16);
    if (R >= Halt.Length)
      continue;
    ByteCell &Cell = Cells[Addr];
    assert(Halt.Ts > Cell.Ts && "the halt is not the last heap access");
    C.PrevTs = Felt(Cell.Ts);
    uint64_t Diff = Halt.Ts - Cell.Ts - 1;
    C.TsDiffLo = Felt(Diff & 0xffff);
    C.TsDiffHi = Felt(Diff >> 16);
    Cell.Ts = Halt.Ts;
  }

  Boundary = boundaryRows<HeapBoundaryCols>(Cells, HeapBoundaryAir::Width);
}
