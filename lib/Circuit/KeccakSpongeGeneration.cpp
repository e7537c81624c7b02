//===-- KeccakSpongeGeneration.cpp - The keccak sponge table's trace ------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Absorbs each keccak256's message (the bytes generateHeapTraces read from
// the heap) block by block, as keccak256 does, recording each block's reads,
// the state before and after the block is XORed in, and the permutation it
// asks of the keccak-f table under the row's tag.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"
#include "zkc/Support/Keccak.h"

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::circuit::keccak;

namespace {

uint8_t stateByte(const std::array<uint64_t, Lanes> &S, unsigned J) {
  return static_cast<uint8_t>(S[J / 8] >> (8 * (J % 8)));
}

} // namespace

Matrix
zkc::circuit::generateKeccakSpongeTrace(const std::vector<KeccakEvent> &Events,
                                        std::vector<KeccakFEvent> &Perms) {
  size_t Rows = 0;
  for (const KeccakEvent &K : Events)
    Rows += K.Len / RateBytes + 1;
  Matrix M(KeccakSpongeAir::Width, paddedHeight(Rows));
  size_t R = 0;
  for (const KeccakEvent &K : Events) {
    assert(K.Message.size() == K.Len && "the heap has not read the message");
    std::array<uint64_t, Lanes> S{};
    uint64_t Blocks = K.Len / RateBytes + 1;
    for (uint64_t Blk = 0; Blk < Blocks; ++Blk, ++R) {
      KeccakSpongeCols<Felt> &C = viewRowMut<KeccakSpongeCols>(M.row(R));
      bool Last = Blk + 1 == Blocks;
      C.IsReal = Felt(1u);
      C.IsFirst = Felt(Blk == 0 ? 1u : 0u);
      C.IsLast = Felt(Last ? 1u : 0u);
      C.Ts = Felt(K.Ts);
      C.Addr = Felt(K.Addr);
      C.Len = Felt(K.Len);
      C.Block = Felt(Blk);
      if (Blk == 0 && K.Len) {
        uint64_t End = K.Addr + K.Len - 1;
        C.EndLo = Felt(End & 0xffff);
        C.EndHi = Felt(End >> 16);
      }
      for (unsigned J = 0; J < RateBytes; ++J) {
        uint64_t I = Blk * RateBytes + J;
        uint8_t In = 0;
        if (I < K.Len) {
          In = K.Message[I];
          C.InMsg[J] = Felt(1u);
          C.Byte[J] = Felt(In);
          C.PrevTs[J] = Felt(K.PrevTs[I]);
          uint64_t Diff = K.Ts - K.PrevTs[I] - 1;
          C.TsDiffLo[J] = Felt(Diff & 0xffff);
          C.TsDiffHi[J] = Felt(Diff >> 16);
        }
        if (Last && I == K.Len)
          In |= 0x01;
        if (Last && J == RateBytes - 1)
          In |= 0x80;
        C.State[J] = Felt(stateByte(S, J));
        S[J / 8] ^= uint64_t(In) << (8 * (J % 8));
        C.Absorbed[J] = Felt(stateByte(S, J));
      }
      for (unsigned K2 = 0; K2 < CapacityLimbs; ++K2) {
        unsigned Limb = RateLimbs + K2;
        C.Capacity[K2] = Felt((S[Limb / 2] >> (32 * (Limb % 2))) & 0xffffffff);
      }
      Perms.push_back({R, S});
      keccakF1600(S.data());
      for (unsigned Limb = 0; Limb < Lanes * LaneLimbs; ++Limb)
        C.Out[Limb] = Felt((S[Limb / 2] >> (32 * (Limb % 2))) & 0xffffffff);
      if (Last)
        for (unsigned J = 0; J < DigestBytes; ++J)
          C.Digest[J] = Felt(stateByte(S, J));
    }
  }
  // Padding rows are zero but for the tag, which keeps counting.
  for (size_t I = 0; I < M.Height; ++I)
    viewRowMut<KeccakSpongeCols>(M.row(I)).Tag = Felt(I);
  return M;
}
