//===-- KeccakSoundnessTest.cpp - Forged hashes are rejected --------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Consistent malicious witnesses for keccak256: a wrong digest (in the CPU
// alone, in the sponge's output, in its digest bytes), a message byte that
// is not the heap's, wrong padding, a rate byte XORed wrongly, a
// permutation bit flipped and a wrong round constant (the rest of the
// permutation, the sponge and the CPU recomputed from there), bit columns
// and flags that are not bits, a length that is not the message's, blocks
// out of order or starting from a nonzero state, reads that are not the
// message's, tags reused, and a range with high limbs; each rejected by
// exactly the constraint or bus it names. SoundnessTest.cpp's coverage
// test counts keccakMutations() too.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::circuit::keccak;
using namespace zkc::test;

namespace {

/// Sponge rows 0 and 1: 140 bytes at 70 (26 stored, then never written);
/// row 2: the empty message; row 3: 3 bytes at 64; row 4: 32 bytes at 64.
/// Rows 5 to 7 are padding; the keccak-f table has a permutation per real
/// row (instance = tag = row) and three padding ones.
std::vector<Instruction> keccakProgram() {
  return {
      ins(Opcode::Li, 1, 0, 0, 64),      // 0
      ins(Opcode::Ldc, 2, 0, 0, 0),      // 1
      ins(Opcode::MStore, 1, 2, 0, 0),   // 2: bytes 64 to 95
      ins(Opcode::Li, 3, 0, 0, 70),      // 3
      ins(Opcode::Li, 4, 0, 0, 140),     // 4
      ins(Opcode::Keccak256, 5, 3, 4),   // 5: rows 0, 1
      ins(Opcode::Li, 6, 0, 0, 0),       // 6
      ins(Opcode::Keccak256, 7, 1, 6),   // 7: row 2
      ins(Opcode::Li, 8, 0, 0, 3),       // 8
      ins(Opcode::Keccak256, 9, 1, 8),   // 9: row 3
      ins(Opcode::Li, 10, 0, 0, 32),     // 10
      ins(Opcode::Keccak256, 11, 1, 10), // 11: row 4
      ins(Opcode::Stop),                 // 12
  };
}

KeccakSpongeCols<Felt> &sp(Mutant &W, size_t R) {
  return W.row<KeccakSpongeCols>(TableId::KeccakSponge, R);
}
KeccakCols<Felt> &perm(Mutant &W, size_t Instance, unsigned Round) {
  return W.row<KeccakCols>(TableId::KeccakF, Instance * Period + Round);
}

uint64_t limbOfState(const std::array<uint64_t, Lanes> &S, unsigned K) {
  return (S[K / 2] >> (32 * (K % 2))) & 0xffffffff;
}
uint8_t byteOfState(const std::array<uint64_t, Lanes> &S, unsigned J) {
  return static_cast<uint8_t>(S[J / 8] >> (8 * (J % 8)));
}

/// The byte XORed into rate byte J of sponge row C, from its columns.
uint64_t blockByte(const KeccakSpongeCols<Felt> &C, unsigned J) {
  Felt Start = (J == 0 ? Felt(1u) : C.InMsg[J - 1]) - C.InMsg[J];
  Felt Pad = J + 1 == RateBytes ? Start + Felt(0x80u) : Start;
  return (C.Byte[J] + C.IsLast * Pad).value();
}

/// Recomputes sponge row R onwards to the end of its message as an honest
/// prover would from the row's columns (the absorbed bytes too unless
/// KeepAbsorbed), with their permutations, the digest and the CPU's result.
void propagate(Mutant &W, size_t R, bool KeepAbsorbed = false) {
  for (;; ++R) {
    KeccakSpongeCols<Felt> &C = sp(W, R);
    std::array<uint64_t, Lanes> S{};
    for (unsigned J = 0; J < RateBytes; ++J) {
      if (!KeepAbsorbed)
        C.Absorbed[J] = Felt(C.State[J].value() ^ blockByte(C, J));
      S[J / 8] |= C.Absorbed[J].value() << (8 * (J % 8));
    }
    KeepAbsorbed = false;
    for (unsigned K = 0; K < CapacityLimbs; ++K)
      S[(RateLimbs + K) / 2] |= C.Capacity[K].value()
                                << (32 * ((RateLimbs + K) % 2));
    fillKeccakFRounds(W.T[TableId::KeccakF].row(R * Period), C.Tag.value(),
                      C.IsReal, S);
    keccakF1600(S.data());
    for (unsigned K = 0; K < Lanes * LaneLimbs; ++K)
      C.Out[K] = Felt(limbOfState(S, K));
    if (!C.IsLast.isZero()) {
      uint8_t Digest[DigestBytes];
      for (unsigned J = 0; J < DigestBytes; ++J) {
        Digest[J] = byteOfState(S, J);
        C.Digest[J] = Felt(Digest[J]);
      }
      W.setOut(C.Ts.value() - 1, limbs(Word::fromBigEndian(Digest)));
      return;
    }
    // A chain may end without a last block at the end of the table.
    if (R + 1 == W.T[TableId::KeccakSponge].Height)
      return;
    KeccakSpongeCols<Felt> &N = sp(W, R + 1);
    for (unsigned J = 0; J < RateBytes; ++J)
      N.State[J] = Felt(byteOfState(S, J));
    for (unsigned K = 0; K < CapacityLimbs; ++K)
      N.Capacity[K] = Felt(limbOfState(S, RateLimbs + K));
  }
}

/// Takes byte J of sponge row R out of the message: no read, and the byte's
/// final state is the one the read found (the read must be its last access).
void dropRead(Mutant &W, size_t R, unsigned J) {
  KeccakSpongeCols<Felt> &C = sp(W, R);
  uint64_t Addr = (C.Addr + Felt(RateBytes) * C.Block + Felt(J)).value();
  HeapBoundaryCols<Felt> &B = heapBoundary(W, Addr);
  EXPECT_EQ(B.FinalTs, C.Ts);
  B.FinalTs = C.PrevTs[J];
  C.InMsg[J] = C.Byte[J] = C.PrevTs[J] = C.TsDiffLo[J] = C.TsDiffHi[J] = Felt();
}

/// Makes sponge row R read byte J at Addr + 136 Block + J at its Ts, after
/// every other access of that byte.
void addRead(Mutant &W, size_t R, unsigned J) {
  KeccakSpongeCols<Felt> &C = sp(W, R);
  uint64_t Addr = (C.Addr + Felt(RateBytes) * C.Block + Felt(J)).value();
  HeapBoundaryCols<Felt> &B = heapBoundary(W, Addr);
  C.InMsg[J] = Felt(1u);
  C.Byte[J] = B.FinalByte;
  C.PrevTs[J] = B.FinalTs;
  uint64_t D = C.Ts.value() - B.FinalTs.value() - 1;
  C.TsDiffLo[J] = Felt(D & 0xffff);
  C.TsDiffHi[J] = Felt(D >> 16);
  B.FinalTs = C.Ts;
}

/// Sets a row's A, A'', its bits and A''' from its A', C and C' bits as
/// theta's, chi's and iota's constraints (with round constant 0) want them.
void deriveIdleRow(KeccakCols<Felt> &C) {
  std::array<uint64_t, Lanes> APrime{}, A2{};
  for (unsigned L = 0; L < Lanes; ++L) {
    uint64_t A = 0;
    for (unsigned Z = 0; Z < LaneBits; ++Z) {
      APrime[L] |= C.APrime[L][Z].value() << Z;
      A |= (C.APrime[L][Z].value() ^ C.C[L % 5][Z].value() ^
            C.CPrime[L % 5][Z].value())
           << Z;
    }
    C.A[L][0] = Felt(A & 0xffffffff);
    C.A[L][1] = Felt(A >> 32);
  }
  auto Rotl = [](uint64_t V, unsigned R) {
    return R ? (V << R) | (V >> (64 - R)) : V;
  };
  std::array<uint64_t, Lanes> B;
  for (unsigned L = 0; L < Lanes; ++L)
    B[L] = Rotl(APrime[PiSource[L]], RhoOffsets[PiSource[L]]);
  for (unsigned X = 0; X < 5; ++X)
    for (unsigned Y = 0; Y < 5; ++Y)
      A2[lane(X, Y)] = B[lane(X, Y)] ^ (~B[lane(X + 1, Y)] & B[lane(X + 2, Y)]);
  for (unsigned L = 0; L < Lanes; ++L) {
    C.A2[L][0] = Felt(A2[L] & 0xffffffff);
    C.A2[L][1] = Felt(A2[L] >> 32);
  }
  for (unsigned Z = 0; Z < LaneBits; ++Z)
    C.A2Lane0Bits[Z] = Felt((A2[0] >> Z) & 1);
  C.A3Lane0[0] = C.A2[0][0];
  C.A3Lane0[1] = C.A2[0][1];
}

/// The state a round of instance I leaves, from its columns.
std::array<uint64_t, Lanes> roundOutput(Mutant &W, size_t I, unsigned Round) {
  KeccakCols<Felt> &C = perm(W, I, Round);
  std::array<uint64_t, Lanes> S;
  for (unsigned L = 0; L < Lanes; ++L) {
    const Felt *Limbs = L == 0 ? C.A3Lane0 : C.A2[L];
    S[L] = Limbs[0].value() | (Limbs[1].value() << 32);
  }
  return S;
}

/// Flips bit Z of lane L of what round Round of real instance I leaves
/// (through Edit, which changes the columns), then runs the rest of the
/// permutation from there and the sponge, digest and CPU after it.
void flipAndRecompute(Mutant &W, size_t I, unsigned Round,
                      const std::function<void(KeccakCols<Felt> &)> &Edit) {
  Edit(perm(W, I, Round));
  std::array<uint64_t, Lanes> S = roundOutput(W, I, Round);
  fillKeccakFRounds(W.T[TableId::KeccakF].row(I * Period), I,
                    perm(W, I, 0).IsReal, S, Round + 1);
  // The permutation's output as the sponge row sees it, then the rest.
  std::array<uint64_t, Lanes> Out = roundOutput(W, I, Rounds - 1);
  KeccakSpongeCols<Felt> &C = sp(W, I);
  for (unsigned K = 0; K < Lanes * LaneLimbs; ++K)
    C.Out[K] = Felt(limbOfState(Out, K));
  if (!C.IsLast.isZero()) {
    uint8_t Digest[DigestBytes];
    for (unsigned J = 0; J < DigestBytes; ++J) {
      Digest[J] = byteOfState(Out, J);
      C.Digest[J] = Felt(Digest[J]);
    }
    W.setOut(C.Ts.value() - 1, limbs(Word::fromBigEndian(Digest)));
    return;
  }
  KeccakSpongeCols<Felt> &N = sp(W, I + 1);
  for (unsigned J = 0; J < RateBytes; ++J)
    N.State[J] = Felt(byteOfState(Out, J));
  for (unsigned K = 0; K < CapacityLimbs; ++K)
    N.Capacity[K] = Felt(limbOfState(Out, RateLimbs + K));
  propagate(W, I + 1);
}

/// The digest of sponge row R (a last block) as a word.
Word digestOf(Mutant &W, size_t R) {
  uint8_t D[DigestBytes];
  for (unsigned J = 0; J < DigestBytes; ++J)
    D[J] = static_cast<uint8_t>(sp(W, R).Digest[J].value());
  return Word::fromBigEndian(D);
}

TEST(KeccakSoundnessTest, TheProgramDoesWhatItSays) {
  Mutant W(keccakProgram());
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  EXPECT_EQ(W.T.UsedRows[unsigned(TableId::KeccakSponge)], 5u);
  EXPECT_EQ(W.T[TableId::KeccakSponge].Height, 8u);
  EXPECT_EQ(W.T[TableId::KeccakF].Height, 8 * Period);
  EXPECT_EQ(W.Run.T.Steps[7].Out, keccak256Word(nullptr, 0));
  EXPECT_EQ(digestOf(W, 4), W.Run.T.Steps[11].Out);
  // Recomputing an honest witness changes nothing.
  propagate(W, 0);
  propagate(W, 3);
  EXPECT_TRUE(W.check().ok());
}

TEST(KeccakSoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : keccakMutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W(M.Program ? M.Program() : keccakProgram());
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

} // namespace

const std::vector<Mutation> &zkc::test::keccakMutations() {
  static const std::vector<Mutation> M = {
      // The digest.
      {"bus keccak", "a wrong digest in the CPU alone", nullptr,
       [](Mutant &W) { W.setOut(11, limbs(W.Run.T.Steps[11].Out + Word(1))); }},
      {"keccak.digest", "digest bytes that are not the output's", nullptr,
       [](Mutant &W) {
         sp(W, 4).Digest[31] = Felt(sp(W, 4).Digest[31].value() ^ 1);
         W.setOut(11, limbs(digestOf(W, 4)));
       }},
      {"bus keccak-f", "a wrong digest as the permutation's output", nullptr,
       [](Mutant &W) {
         KeccakSpongeCols<Felt> &C = sp(W, 4);
         C.Out[0] = Felt(C.Out[0].value() ^ 1);
         C.Digest[0] = Felt(C.Digest[0].value() ^ 1);
         W.setOut(11, limbs(digestOf(W, 4)));
       }},
      // The message.
      {"bus heap-state", "a message byte that is not the heap's", nullptr,
       [](Mutant &W) {
         sp(W, 3).Byte[1] = Felt(sp(W, 3).Byte[1].value() ^ 0x40);
         propagate(W, 3);
       }},
      {"bus byte", "a rate byte XORed wrongly", nullptr,
       [](Mutant &W) {
         sp(W, 0).Absorbed[3] = Felt(sp(W, 0).Absorbed[3].value() ^ 4);
         propagate(W, 0, /*KeepAbsorbed=*/true);
       }},
      {"bus byte", "SHA-3's padding (0x06) instead of keccak's", nullptr,
       [](Mutant &W) {
         KeccakSpongeCols<Felt> &C = sp(W, 3);
         C.Absorbed[3] = Felt(C.State[3].value() ^ 0x06);
         propagate(W, 3, /*KeepAbsorbed=*/true);
       }},
      {"keccak.length", "the hash of 31 of the 32 bytes", nullptr,
       [](Mutant &W) {
         dropRead(W, 4, 31);
         propagate(W, 4);
       }},
      {"keccak.byte_outside_zero", "a byte after the message", nullptr,
       [](Mutant &W) {
         sp(W, 1).Byte[10] = Felt(5u);
         propagate(W, 1);
       }},
      {"keccak.in_msg_prefix", "a byte of the block left out", nullptr,
       [](Mutant &W) { dropRead(W, 0, 50); }},
      {"keccak.full_block", "the last byte of a full block left out", nullptr,
       [](Mutant &W) { dropRead(W, 0, RateBytes - 1); }},
      {"keccak.in_msg_real", "a padding row reading a heap byte", nullptr,
       [](Mutant &W) {
         KeccakSpongeCols<Felt> &C = sp(W, 5);
         C.Ts = Felt(1000u);
         C.Addr = Felt(64u);
         addRead(W, 5, 0);
       }},
      {"keccak.ts_increases", "a timestamp difference that is not one", nullptr,
       [](Mutant &W) { sp(W, 0).TsDiffLo[0] += Felt(1u); }},
      {"keccak.end", "an end that is not the message's", nullptr,
       [](Mutant &W) { sp(W, 0).EndLo = sp(W, 0).EndHi = Felt(); }},
      {"keccak.flags_bool",
       "a read of multiplicity -1 undoing a dangling chain's, hashing a byte "
       "more than the length with other padding",
       [] {
         std::vector<Instruction> Code = keccakProgram();
         Code.pop_back();
         // Row 5 to 7: 300 bytes at 300; row 8: 133 bytes at 300.
         for (Instruction I :
              {ins(Opcode::Li, 12, 0, 0, 300), ins(Opcode::Li, 13, 0, 0, 300),
               ins(Opcode::Keccak256, 14, 12, 13),
               ins(Opcode::Li, 15, 0, 0, 133),
               ins(Opcode::Keccak256, 16, 12, 15), ins(Opcode::Stop)})
           Code.push_back(I);
         return Code;
       },
       [](Mutant &W) {
         // Row 8 reads bytes 0 to 133 and byte 134 -1 times, which the
         // chain on row 15 (padding) reads at the same time from 434 on.
         KeccakSpongeCols<Felt> &C = sp(W, 8);
         ASSERT_EQ(C.Len, Felt(133u));
         addRead(W, 8, 133);
         HeapBoundaryCols<Felt> &B = heapBoundary(W, 434);
         C.InMsg[134] = Felt(-1);
         C.PrevTs[134] = B.FinalTs;
         C.TsDiffLo[134] = C.Ts - B.FinalTs - Felt(1u);
         propagate(W, 8);
         KeccakSpongeCols<Felt> &D = sp(W, 15);
         D.IsReal = D.IsFirst = Felt(1u);
         D.Ts = C.Ts;
         D.Addr = Felt(434u);
         D.Len = Felt(136u);
         D.EndLo = Felt(434u + 135);
         D.InMsg[0] = Felt(1u);
         D.PrevTs[0] = B.FinalTs;
         D.TsDiffLo[0] = C.TsDiffLo[134];
         for (unsigned J = 1; J < RateBytes; ++J)
           addRead(W, 15, J);
         propagate(W, 15);
       }},
      // The blocks.
      {"keccak.last_is_real",
       "a forged hash claimed by a last block with no permutation", nullptr,
       [](Mutant &W) {
         // Row 4's hash (32 bytes at 64) is claimed by row 7, padding at the
         // end of the table, and row 4 becomes padding.
         for (unsigned J = 0; J < 32; ++J)
           dropRead(W, 4, J);
         Matrix &M = W.T[TableId::KeccakSponge];
         std::fill(M.row(4), M.row(5), Felt());
         sp(W, 4).Tag = Felt(4u);
         for (unsigned R = 0; R < Rounds; ++R)
           perm(W, 4, R).IsReal = Felt();
         KeccakSpongeCols<Felt> &C = sp(W, 7);
         C.IsLast = Felt(1u);
         C.Ts = Felt(12u);
         C.Addr = Felt(64u);
         C.Len = Felt(32u);
         C.Block = Felt(32u) * Felt(RateBytes).inverse();
         for (unsigned J = 0; J < DigestBytes; ++J)
           C.Digest[J] = Felt(J + 1);
         for (unsigned K = 0; K < DigestBytes / 4; ++K)
           for (unsigned I = 0; I < 4; ++I)
             C.Out[K] += Felt(uint64_t(4 * K + I + 1) << (8 * I));
         W.setOut(11, limbs(digestOf(W, 7)));
       }},
      {"keccak.first_row", "a first message from a nonzero state", nullptr,
       [](Mutant &W) {
         sp(W, 0).IsFirst = Felt();
         sp(W, 0).State[0] = Felt(5u);
         propagate(W, 0);
       }},
      {"keccak.first_after_last", "a message from a nonzero state", nullptr,
       [](Mutant &W) {
         sp(W, 3).IsFirst = Felt();
         sp(W, 3).State[0] = Felt(5u);
         propagate(W, 3);
       }},
      {"keccak.first_block", "a first block from a nonzero state", nullptr,
       [](Mutant &W) {
         sp(W, 2).State[7] = Felt(9u);
         propagate(W, 2);
       }},
      {"keccak.chain", "a next block from another state", nullptr,
       [](Mutant &W) {
         sp(W, 1).State[0] = Felt(sp(W, 1).State[0].value() ^ 1);
         propagate(W, 1);
       }},
      {"keccak.same_message", "a length changed between blocks", nullptr,
       [](Mutant &W) {
         sp(W, 0).Len = Felt(150u);
         sp(W, 0).EndLo = Felt(70u + 150 - 1);
       }},
      {"keccak.block_step", "a block 1/136 further, skipping a byte", nullptr,
       [](Mutant &W) {
         // Reads 207 to 209 as 3 bytes left instead of 206 to 209.
         KeccakSpongeCols<Felt> &C = sp(W, 1);
         dropRead(W, 1, 3);
         heapBoundary(W, 206).FinalTs = Felt();
         C.Block = Felt(137u) * Felt(136u).inverse();
         for (unsigned J = 0; J < 3; ++J) {
           C.PrevTs[J] = Felt();
           C.TsDiffLo[J] = Felt(C.Ts.value() - 1);
         }
         heapBoundary(W, 209).FinalTs = C.Ts;
         propagate(W, 1);
       }},
      {"keccak.tag_step", "two permutations under one tag", nullptr,
       [](Mutant &W) {
         for (size_t R = 3; R < 8; ++R)
           sp(W, R).Tag -= Felt(1u);
         for (size_t I = 3; I < 5; ++I)
           for (unsigned R = 0; R < Rounds; ++R)
             perm(W, I, R).Tag -= Felt(1u);
       }},
      // The permutation.
      {"keccak-f.chi", "a permutation bit flipped", nullptr,
       [](Mutant &W) {
         flipAndRecompute(W, 0, 10, [](KeccakCols<Felt> &C) {
           C.A2[5][1] = Felt(C.A2[5][1].value() ^ 0x100);
         });
       }},
      {"keccak-f.iota", "a wrong round constant", nullptr,
       [](Mutant &W) {
         flipAndRecompute(W, 4, 5, [](KeccakCols<Felt> &C) {
           C.A3Lane0[0] = Felt(C.A3Lane0[0].value() ^ 4);
         });
       }},
      {"keccak-f.bits_bool", "bits 2 and -1 for 1 and 0", nullptr,
       [](Mutant &W) {
         KeccakCols<Felt> &C = perm(W, 0, Rounds);
         C.A2Lane0Bits[0] = Felt(2u);
         C.A2Lane0Bits[1] = Felt(-1);
       }},
      {"keccak-f.c_prime", "a parity C' that is not theta's", nullptr,
       [](Mutant &W) {
         KeccakCols<Felt> &C = perm(W, 0, Rounds);
         C.C[0][0] = Felt(1u);
         deriveIdleRow(C);
       }},
      {"keccak-f.c_prime_parity", "a C' that is not the parity of A'", nullptr,
       [](Mutant &W) {
         KeccakCols<Felt> &C = perm(W, 0, Rounds);
         C.APrime[0][0] = Felt(1u);
         deriveIdleRow(C);
       }},
      {"keccak-f.theta", "a state that is not A' ^ C ^ C'", nullptr,
       [](Mutant &W) { perm(W, 0, Rounds).A[3][1] = Felt(1u); }},
      {"keccak-f.a2_bits", "bits of lane (0, 0) that are not its", nullptr,
       [](Mutant &W) {
         KeccakCols<Felt> &C = perm(W, 0, Rounds);
         C.A2Lane0Bits[4] = Felt(1u);
         C.A3Lane0[0] = Felt(16u);
       }},
      {"keccak-f.next_round", "a round that does not start from the last",
       nullptr,
       [](Mutant &W) {
         std::array<uint64_t, Lanes> S = roundOutput(W, 5, 0);
         S[7] ^= 1;
         fillKeccakFRounds(W.T[TableId::KeccakF].row(5 * Period), 0, Felt(), S,
                           1);
       }},
      {"keccak-f.same_tag", "a tag changed within a permutation", nullptr,
       [](Mutant &W) {
         for (unsigned R = 3; R < Rounds; ++R)
           perm(W, 5, R).Tag = Felt(9u);
       }},
      {"keccak-f.same_is_real", "rounds of a permutation not real", nullptr,
       [](Mutant &W) {
         for (unsigned R = 5; R < 11; ++R)
           perm(W, 0, R).IsReal = Felt();
       }},
      // The CPU.
      {"cpu.keccak_range", "a start with high limbs", nullptr,
       [](Mutant &W) {
         // keccak256 of nothing at 2^32 + 64: the ISA's hash of nothing,
         // which the circuit takes for the hash at 64.
         W.Run = runTraced(
             {ins(Opcode::Li, 1, 0, 0, 1), ins(Opcode::ShlI, 1, 1, 0, 32),
              ins(Opcode::AddI, 1, 1, 0, 64), ins(Opcode::Li, 2, 0, 0, 0),
              ins(Opcode::Keccak256, 3, 1, 2), ins(Opcode::Stop)},
             {X, Y, -X, GoldilocksPlusOne});
         W.C = std::make_unique<ZvmCircuit>(W.Run.Prog.Code, W.Run.Prog.Pool,
                                            W.Run.Env, W.Run.Out);
         W.regenerate();
       }},
  };
  return M;
}
