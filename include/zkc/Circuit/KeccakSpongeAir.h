//===-- zkc/Circuit/KeccakSpongeAir.h - keccak256 of heap bytes -*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per block of 136 bytes (the rate) of each keccak256 the CPU
// executes: a message of Len bytes takes floor(Len / 136) + 1 rows, the
// last holding the 0 to 135 bytes left and the padding. Each message byte
// is read from the heap at the instruction's timestamp, as a heap load
// would (the state found is consumed and left as it was, newer); the
// rate's bytes before the block are XORed with the block's bytes (message
// or padding) through the byte table, and the state goes to the
// permutation table on the keccak-f bus and comes back, under the row's
// tag, as the next row's state. The last row's first 32 output bytes are
// the digest, the word the CPU writes, received on the keccak bus.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_KECCAKSPONGEAIR_H
#define ZKC_CIRCUIT_KECCAKSPONGEAIR_H

#include "zkc/Circuit/KeccakAir.h"
#include "zkc/ISA/Instruction.h"

namespace zkc::circuit {

namespace keccak {
/// keccak256's rate in bytes, 17 lanes; the capacity is the other 8.
inline constexpr unsigned RateBytes = 136;
inline constexpr unsigned RateLimbs = RateBytes / 4;
inline constexpr unsigned CapacityLimbs = Lanes * LaneLimbs - RateLimbs;
inline constexpr unsigned DigestBytes = 32;
} // namespace keccak

template <class T> struct KeccakSpongeCols {
  T IsReal;
  /// The first and last block of a message.
  T IsFirst, IsLast;
  /// The name of this row's permutation: the row's index.
  T Tag;
  /// The CPU's heap timestamp (Clk + 1), the message's first address and
  /// its length, as on the keccak bus; the same on every block.
  T Ts, Addr, Len;
  /// The block's index in the message: it holds bytes 136 Block onwards.
  T Block;
  /// On the first block of a non-empty message, Addr + Len - 1 = EndLo +
  /// 2^16 EndHi, below 2^28.
  T EndLo, EndHi;
  /// InMsg[j]: byte j of the block is a message byte (a prefix of the
  /// block: all of it but on the last block).
  T InMsg[keccak::RateBytes];
  /// The message byte, read from the heap at Addr + 136 Block + j (0
  /// outside the message).
  T Byte[keccak::RateBytes];
  /// The heap state the read found: its timestamp, and Ts - PrevTs - 1 =
  /// TsDiffLo + 2^16 TsDiffHi.
  T PrevTs[keccak::RateBytes];
  T TsDiffLo[keccak::RateBytes], TsDiffHi[keccak::RateBytes];
  /// The rate's bytes before the block (lanes little-endian), and after
  /// XORing the block's bytes (message or padding) into them.
  T State[keccak::RateBytes];
  T Absorbed[keccak::RateBytes];
  /// The capacity's limbs before the block.
  T Capacity[keccak::CapacityLimbs];
  /// The permutation's output, 32-bit limbs of the 25 lanes.
  T Out[keccak::Lanes * keccak::LaneLimbs];
  /// On the last block, the first 32 bytes of Out: the digest.
  T Digest[keccak::DigestBytes];
};

class KeccakSpongeAir {
public:
  static constexpr const char *Name = "keccak";
  static constexpr size_t Width = NumCols<KeccakSpongeCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using namespace keccak;
    using E = typename B::Expr;
    const KeccakSpongeCols<E> &L = viewRow<KeccakSpongeCols>(Bld.local());
    const KeccakSpongeCols<E> &N = viewRow<KeccakSpongeCols>(Bld.next());
    // Four bytes, little-endian, as a 32-bit limb.
    auto Limb = [](const E *Bytes) {
      return Bytes[0] + E(1u << 8) * Bytes[1] + E(1u << 16) * Bytes[2] +
             E(1u << 24) * Bytes[3];
    };

    // The rows of a message are consecutive, from a first block to a last
    // one: a real row follows a last block, padding or nothing exactly
    // when it is a first block, and a real row that is not a last is
    // followed by its next block if anything (a chain that never reaches
    // a last block claims no hash: it is only work). IsReal needs no
    // booleanity of its own: a row with IsReal not 0 or 1 reads nothing
    // (keccak.in_msg_real), so it must be a last block (keccak.full_block),
    // which is real (keccak.last_is_real).
    Bld.assertBool("keccak.flags_bool", L.IsLast);
    Bld.when(L.IsLast).assertOne("keccak.last_is_real", L.IsReal);
    Bld.whenFirstRow().assertEq("keccak.first_row", L.IsFirst, L.IsReal);
    Bld.whenTransition().when(N.IsReal).assertEq(
        "keccak.first_after_last", N.IsFirst, L.IsLast + E(1) - L.IsReal);
    E Continues = L.IsReal - L.IsLast;
    // Distinct tags, so that no permutation's output can be taken for
    // another's.
    Bld.whenTransition().assertEq("keccak.tag_step", N.Tag, L.Tag + E(1));

    // The next block: same message, state from the permutation.
    Bld.whenTransition().when(Continues).assertEq("keccak.same_message", N.Ts,
                                                  L.Ts);
    Bld.whenTransition().when(Continues).assertEq("keccak.same_message", N.Addr,
                                                  L.Addr);
    Bld.whenTransition().when(Continues).assertEq("keccak.same_message", N.Len,
                                                  L.Len);
    Bld.whenTransition().when(Continues).assertEq("keccak.block_step", N.Block,
                                                  L.Block + E(1));
    for (unsigned K = 0; K < RateLimbs; ++K)
      Bld.whenTransition().when(Continues).assertEq(
          "keccak.chain", Limb(&N.State[4 * K]), L.Out[K]);
    for (unsigned K = 0; K < CapacityLimbs; ++K)
      Bld.whenTransition().when(Continues).assertEq(
          "keccak.chain", N.Capacity[K], L.Out[RateLimbs + K]);
    // The first block starts from the zero state.
    Bld.when(L.IsFirst).assertZero("keccak.first_block", L.Block);
    for (unsigned J = 0; J < RateBytes; ++J)
      Bld.when(L.IsFirst).assertZero("keccak.first_block", L.State[J]);
    for (unsigned K = 0; K < CapacityLimbs; ++K)
      Bld.when(L.IsFirst).assertZero("keccak.first_block", L.Capacity[K]);

    // Which bytes are the message's: a prefix of the block, all of it but
    // on the last block, whose count is what is left of the length (0 to
    // 135, so that the padding fits).
    E Count(0);
    for (unsigned J = 0; J < RateBytes; ++J) {
      Bld.assertBool("keccak.flags_bool", L.InMsg[J]);
      if (J + 1 < RateBytes)
        Bld.when(E(1) - L.InMsg[J])
            .assertZero("keccak.in_msg_prefix", L.InMsg[J + 1]);
      Count = Count + L.InMsg[J];
    }
    // Padding rows read nothing: a read of multiplicity -1 would take a
    // byte's state back in time.
    Bld.when(E(1) - L.IsReal).assertZero("keccak.in_msg_real", L.InMsg[0]);
    Bld.when(L.IsReal).assertEq("keccak.full_block", L.InMsg[RateBytes - 1],
                                E(1) - L.IsLast);
    Bld.when(L.IsLast).assertEq("keccak.length", Count,
                                L.Len - E(RateBytes) * L.Block);
    // A non-empty message ends below the heap limit 2^28 (the ISA traps
    // otherwise): Addr + Len - 1 in 16 + 12 bits, which also keeps every
    // address read from wrapping around the field. On the first block,
    // InMsg[0] is 1 exactly when Len is not 0.
    E NonEmpty = L.IsFirst * L.InMsg[0];
    Bld.when(NonEmpty).assertEq("keccak.end", L.EndLo + E(LimbBase) * L.EndHi,
                                L.Addr + L.Len - E(1));
    Bld.send(Bus::Range16, NonEmpty, L.EndLo);
    Bld.send(Bus::Range16, NonEmpty, E(16) * L.EndHi);

    const E XorOp(static_cast<uint8_t>(Opcode::Xor));
    const E AndOp(static_cast<uint8_t>(Opcode::And));
    for (unsigned J = 0; J < RateBytes; ++J) {
      // Message bytes are read from the heap at Ts; others are 0.
      Bld.when(E(1) - L.InMsg[J])
          .assertZero("keccak.byte_outside_zero", L.Byte[J]);
      Bld.when(L.InMsg[J])
          .assertEq("keccak.ts_increases", L.Ts - L.PrevTs[J] - E(1),
                    L.TsDiffLo[J] + E(LimbBase) * L.TsDiffHi[J]);
      Bld.send(Bus::Range16, L.InMsg[J], L.TsDiffLo[J]);
      Bld.send(Bus::Range16, L.InMsg[J], L.TsDiffHi[J]);
      E Addr = L.Addr + E(RateBytes) * L.Block + E(J);
      Bld.receive(Bus::HeapState, L.InMsg[J], Addr, L.PrevTs[J], L.Byte[J]);
      Bld.send(Bus::HeapState, L.InMsg[J], Addr, L.Ts, L.Byte[J]);
      // The padding of the last block: 0x01 after the message (at the
      // first byte that is not the message's), 0x80 in byte 135, both in
      // one byte when the message leaves 135 bytes. The byte table makes
      // the block's bytes and the state's bytes.
      E Start = (J == 0 ? E(1) : E(L.InMsg[J - 1])) - L.InMsg[J];
      E Pad = J + 1 == RateBytes ? Start + E(0x80) : Start;
      Bld.send(Bus::Byte, L.IsReal, XorOp, L.State[J],
               L.Byte[J] + L.IsLast * Pad, L.Absorbed[J]);
    }

    // The permutation, named by the tag.
    Tuple<E> In, Out;
    In.push(E(InputKind));
    In.push(L.Tag);
    for (unsigned K = 0; K < RateLimbs; ++K)
      In.push(Limb(&L.Absorbed[4 * K]));
    for (unsigned K = 0; K < CapacityLimbs; ++K)
      In.push(L.Capacity[K]);
    Out.push(E(OutputKind));
    Out.push(L.Tag);
    for (unsigned K = 0; K < Lanes * LaneLimbs; ++K)
      Out.push(L.Out[K]);
    Bld.interact(Bus::KeccakF, L.IsReal, In, /*IsSend=*/true);
    Bld.interact(Bus::KeccakF, L.IsReal, Out, /*IsSend=*/false);

    // The digest: the first 32 bytes of the last output, bytes of the
    // byte table, as the big-endian word the CPU writes.
    for (unsigned K = 0; K < DigestBytes / 4; ++K)
      Bld.when(L.IsLast).assertEq("keccak.digest", L.Out[K],
                                  Limb(&L.Digest[4 * K]));
    for (unsigned J = 0; J < DigestBytes; ++J)
      Bld.send(Bus::Byte, L.IsLast, AndOp, L.Digest[J], L.Digest[J],
               L.Digest[J]);
    Tuple<E> Hash;
    Hash.push(L.Addr);
    Hash.push(L.Len);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Hash.push(E(256) * L.Digest[30 - 2 * I] + L.Digest[31 - 2 * I]);
    Hash.push(L.Ts);
    Bld.interact(Bus::Keccak, L.IsLast, Hash, /*IsSend=*/false);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_KECCAKSPONGEAIR_H
