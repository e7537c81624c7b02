//===-- ByteMemory.h - Replaying a byte-wise checked memory -----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The heap and the stack are checked byte by byte the same way, in tables
// of their own (HeapAir.h, StackAir.h): an access row records for each byte
// the state it found and leaves the new one, and a boundary row per byte
// touched opens it at (addr, 0, 0) and closes its final state. This is the
// replay both generators share; the columns they fill have the same names.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_LIB_CIRCUIT_BYTEMEMORY_H
#define ZKC_LIB_CIRCUIT_BYTEMEMORY_H

#include "zkc/Circuit/Circuit.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace zkc::circuit {

/// Byte J of W, counted from the least significant one.
inline uint8_t byteAt(const Word &W, unsigned J) {
  return static_cast<uint8_t>(W.L[J / 8] >> (8 * (J % 8)));
}

/// A byte's state: the timestamp of its last access and its value. A byte
/// first met is 0 from time 0.
struct ByteCell {
  uint64_t Ts = 0;
  uint8_t Value = 0;
};
using ByteCells = std::unordered_map<uint64_t, ByteCell>;

/// One access at timestamp Ts of the N bytes at Addr (a word, big-endian,
/// or one byte), storing Value's bytes when IsWrite: fills the row's
/// Bytes, PrevBytes, PrevTs and TsDiffLo/Hi and moves the cells on.
template <class Row>
void accessBytes(Row &C, ByteCells &Cells, uint64_t Addr, uint64_t Ts,
                 unsigned N, bool IsWrite, const Word &Value) {
  for (unsigned K = 0; K < N; ++K) {
    ByteCell &Cell = Cells[Addr + K];
    assert(Ts > Cell.Ts && "memory events out of timestamp order");
    uint8_t New = IsWrite ? byteAt(Value, N - 1 - K) : Cell.Value;
    C.Bytes[K] = Felt(New);
    C.PrevBytes[K] = Felt(Cell.Value);
    C.PrevTs[K] = Felt(Cell.Ts);
    uint64_t Diff = Ts - Cell.Ts - 1;
    C.TsDiffLo[K] = Felt(Diff & 0xffff);
    C.TsDiffHi[K] = Felt(Diff >> 16);
    Cell = {Ts, New};
  }
}

/// The boundary table of Width columns: a row per byte touched by
/// increasing address, with its final state and the gap to the previous
/// address.
template <template <class> class BoundaryCols>
Matrix boundaryRows(const ByteCells &Cells, size_t Width) {
  std::vector<uint64_t> Addrs;
  Addrs.reserve(Cells.size());
  for (const auto &[Addr, S] : Cells)
    Addrs.push_back(Addr);
  std::sort(Addrs.begin(), Addrs.end());
  Matrix Boundary(Width, paddedHeight(Addrs.size()));
  for (size_t R = 0; R < Addrs.size(); ++R) {
    BoundaryCols<Felt> &C = viewRowMut<BoundaryCols>(Boundary.row(R));
    const ByteCell &S = Cells.at(Addrs[R]);
    C.IsReal = Felt(1u);
    C.Addr = Felt(Addrs[R]);
    C.FinalTs = Felt(S.Ts);
    C.FinalByte = Felt(S.Value);
    uint64_t Gap = R == 0 ? 0 : Addrs[R] - Addrs[R - 1] - 1;
    C.GapLo = Felt(Gap & 0xffff);
    C.GapHi = Felt(Gap >> 16);
  }
  return Boundary;
}

} // namespace zkc::circuit

#endif // ZKC_LIB_CIRCUIT_BYTEMEMORY_H
