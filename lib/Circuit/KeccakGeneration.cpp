//===-- KeccakGeneration.cpp - The keccak-f table's trace -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Runs each permutation the sponge asks for round by round, recording what
// the keccak-f table holds of each round (the parities, theta's bits, the
// output limbs). A padding permutation is the zero state's, not sent on the
// bus; the idle rows after round 23 are zero, which every constraint of a
// row allows there (their round constant is 0).
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::circuit::keccak;

namespace {

uint64_t rotl(uint64_t V, unsigned R) {
  return R == 0 ? V : (V << R) | (V >> (64 - R));
}

void writeLane(uint64_t V, Felt *Limbs) {
  Limbs[0] = Felt(V & 0xffffffff);
  Limbs[1] = Felt(V >> 32);
}

} // namespace

void zkc::circuit::fillKeccakFRounds(Felt *Rows, uint64_t Tag, Felt IsReal,
                                     std::array<uint64_t, Lanes> A,
                                     unsigned FirstRound) {
  for (unsigned Round = FirstRound; Round < Rounds; ++Round) {
    KeccakCols<Felt> &C =
        viewRowMut<KeccakCols>(Rows + size_t(Round) * KeccakAir::Width);
    C.IsReal = IsReal;
    C.Tag = Felt(Tag);
    for (unsigned L = 0; L < Lanes; ++L)
      writeLane(A[L], C.A[L]);
    uint64_t Par[5], CPrime[5];
    for (unsigned X = 0; X < 5; ++X)
      Par[X] = A[lane(X, 0)] ^ A[lane(X, 1)] ^ A[lane(X, 2)] ^ A[lane(X, 3)] ^
               A[lane(X, 4)];
    for (unsigned X = 0; X < 5; ++X)
      CPrime[X] = Par[X] ^ Par[(X + 4) % 5] ^ rotl(Par[(X + 1) % 5], 1);
    std::array<uint64_t, Lanes> APrime;
    for (unsigned X = 0; X < 5; ++X)
      for (unsigned Y = 0; Y < 5; ++Y)
        APrime[lane(X, Y)] = A[lane(X, Y)] ^ Par[X] ^ CPrime[X];
    for (unsigned Z = 0; Z < LaneBits; ++Z) {
      for (unsigned X = 0; X < 5; ++X) {
        C.C[X][Z] = Felt((Par[X] >> Z) & 1);
        C.CPrime[X][Z] = Felt((CPrime[X] >> Z) & 1);
      }
      for (unsigned L = 0; L < Lanes; ++L)
        C.APrime[L][Z] = Felt((APrime[L] >> Z) & 1);
    }
    std::array<uint64_t, Lanes> B, A2;
    for (unsigned L = 0; L < Lanes; ++L)
      B[L] = rotl(APrime[PiSource[L]], RhoOffsets[PiSource[L]]);
    for (unsigned X = 0; X < 5; ++X)
      for (unsigned Y = 0; Y < 5; ++Y)
        A2[lane(X, Y)] =
            B[lane(X, Y)] ^ (~B[lane(X + 1, Y)] & B[lane(X + 2, Y)]);
    for (unsigned L = 0; L < Lanes; ++L)
      writeLane(A2[L], C.A2[L]);
    for (unsigned Z = 0; Z < LaneBits; ++Z)
      C.A2Lane0Bits[Z] = Felt((A2[0] >> Z) & 1);
    A2[0] ^= RoundConstants[Round];
    writeLane(A2[0], C.A3Lane0);
    A = A2;
  }
}

Matrix
zkc::circuit::generateKeccakFTrace(const std::vector<KeccakFEvent> &Events) {
  size_t Perms = std::max<size_t>(Events.size(), 1);
  Matrix M(KeccakAir::Width, paddedHeight(Perms * Period));
  for (size_t I = 0; I < Events.size(); ++I)
    fillKeccakFRounds(M.row(I * Period), Events[I].Tag, Felt(1u),
                      Events[I].State);
  // Padding: the zero state's permutation, computed once.
  size_t First = Events.size();
  if (First * Period < M.Height) {
    fillKeccakFRounds(M.row(First * Period), 0, Felt(), {});
    for (size_t R = First + 1; R * Period < M.Height; ++R)
      std::copy(M.row(First * Period), M.row((First + 1) * Period),
                M.row(R * Period));
  }
  return M;
}
