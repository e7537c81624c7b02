//===-- CalldataGeneration.cpp - The cdload table's trace -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A row per cdload: the address split into limbs, whether the word starts
// past the end of the calldata and its distance to the end, and the word's
// 32 bytes (0 past the end, as the ISA says).
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

Matrix zkc::circuit::generateCdLoadTrace(const std::vector<CdLoadEvent> &Events,
                                         uint64_t Size) {
  Matrix M(CdLoadAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const CdLoadEvent &Ev = Events[R];
    CdLoadCols<Felt> &C = viewRowMut<CdLoadCols>(M.row(R));
    C.IsReal = Felt(1u);
    C.AddrLo = Felt(Ev.Addr & 0xffff);
    C.AddrHi = Felt(Ev.Addr >> 16);
    bool Past = Ev.Addr >= Size;
    C.Past = Felt(Past ? 1u : 0u);
    uint64_t Diff = Past ? Ev.Addr - Size : Size - 1 - Ev.Addr;
    C.DiffLo = Felt(Diff & 0xffff);
    C.DiffHi = Felt(Diff >> 16);
    writeLimbs(Ev.Value, C.Value);
    // Byte k of the word is its byte 31 - k from the least significant.
    for (unsigned K = 0; K < 32; ++K)
      C.Bytes[K] = Felt(static_cast<uint8_t>(Ev.Value.L[(31 - K) / 8] >>
                                             (8 * ((31 - K) % 8))));
  }
  return M;
}
