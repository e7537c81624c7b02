//===-- CopyGeneration.cpp - The copy table's trace
//------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A row per byte of each cdcopy and codecopy (one row for a copy of no
// bytes), with the heap state each write found (generateHeapTraces) and
// where the source byte lies against the source's end.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

Matrix zkc::circuit::generateCopyTrace(const std::vector<CopyEvent> &Events,
                                       uint64_t CalldataSize, uint64_t CodeSize,
                                       size_t *UsedRows) {
  size_t Rows = 0;
  for (const CopyEvent &Ev : Events)
    Rows += std::max<uint64_t>(Ev.Len, 1);
  Matrix M(CopyAir::Width, paddedHeight(Rows));
  size_t R = 0;
  for (const CopyEvent &Ev : Events) {
    bool IsCode = Ev.Op == Opcode::CodeCopy;
    bool IsMcopy = Ev.Op == Opcode::MCopy;
    bool Same = IsMcopy && Ev.Dst == Ev.Src;
    Felt Inv =
        IsMcopy && !Same ? (Felt(Ev.Dst) - Felt(Ev.Src)).inverse() : Felt();
    uint64_t Size = IsCode ? CodeSize : CalldataSize;
    uint64_t N = std::max<uint64_t>(Ev.Len, 1);
    for (uint64_t I = 0; I < N; ++I, ++R) {
      CopyCols<Felt> &C = viewRowMut<CopyCols>(M.row(R));
      C.IsReal = Felt(1u);
      C.IsCode = Felt(IsCode ? 1u : 0u);
      C.IsFirst = Felt(I == 0 ? 1u : 0u);
      C.IsLast = Felt(I == N - 1 ? 1u : 0u);
      C.Ts = Felt(Ev.Ts);
      C.Dst = Felt(Ev.Dst);
      C.Src = Felt(Ev.Src);
      C.Len = Felt(Ev.Len);
      C.Idx = Felt(I);
      C.IsMcopy = Felt(IsMcopy ? 1u : 0u);
      C.Same = Felt(Same ? 1u : 0u);
      C.Inv = Inv;
      if (Ev.Len == 0)
        continue;
      C.Active = Felt(1u);
      C.Byte = Felt(Ev.Bytes[I]);
      uint64_t SrcAddr = Ev.Src + I;
      bool Past = !IsMcopy && SrcAddr >= Size;
      uint64_t Diff = IsMcopy ? SrcAddr
                      : Past  ? SrcAddr - Size
                              : Size - 1 - SrcAddr;
      C.Looks = Felt(IsMcopy ? 0u : 1u);
      if (IsMcopy) {
        C.SrcPrevTs = Felt(Ev.SrcPrevTs[I]);
        uint64_t D = Ev.Ts - Ev.SrcPrevTs[I] - 1;
        C.SrcTsDiffLo = Felt(D & 0xffff);
        C.SrcTsDiffHi = Felt(D >> 16);
      }
      C.Past = Felt(Past ? 1u : 0u);
      C.DiffLo = Felt(Diff & 0xffff);
      C.DiffHi = Felt(Diff >> 16);
      uint64_t Addr = Ev.Dst + I;
      C.AddrLo = Felt(Addr & 0xffff);
      C.AddrHi = Felt(Addr >> 16);
      C.PrevTs = Felt(Ev.PrevTs[I]);
      C.PrevByte = Felt(Ev.PrevBytes[I]);
      uint64_t TsDiff = Ev.Ts - Ev.PrevTs[I] - 1;
      C.TsDiffLo = Felt(TsDiff & 0xffff);
      C.TsDiffHi = Felt(TsDiff >> 16);
    }
  }
  if (UsedRows)
    *UsedRows = Rows;
  return M;
}
