//===-- zkc/Circuit/KeccakAir.h - The keccak-f[1600] permutation -*- C++
//-*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per round of keccak-f[1600], the state held as bits where the
// round needs them. A row has the round's input state A as 32-bit limbs,
// the column parities C of A and C' of theta(A) as bits, theta(A) = A' as
// bits, and the round's output before iota, A'' = chi(pi(rho(A'))), as
// limbs; lane (0, 0) of A'' once more as bits, and after iota (A''') as
// limbs. rho and pi only move bits, so they cost no column: chi reads the
// bits of A' where rho and pi put them. Every constraint has degree 3 or
// less: a XOR of three bits is a cubic, chi's a ^ (~b & c) too.
//
// The round schedule is fixed (preprocessed) with period 32: a permutation
// takes rows 32 i to 32 i + 23 (rounds 0 to 23) and 8 idle rows, so that
// the fixed columns are the same whatever the table's height (a power of
// two, which 24 never divides). The input is received on the keccak-f bus
// on round 0, the output sent on round 23, each with the tag the sponge
// gave it; the state, the tag and the IsReal flag carry over from round to
// round.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_KECCAKAIR_H
#define ZKC_CIRCUIT_KECCAKAIR_H

#include "zkc/Circuit/Air.h"

#include <array>
#include <cstdint>

namespace zkc::circuit {

namespace keccak {

inline constexpr unsigned Lanes = 25;
inline constexpr unsigned LaneBits = 64;
/// Lanes are two limbs of 32 bits (a 64-bit lane does not fit the field).
inline constexpr unsigned LaneLimbs = 2;
inline constexpr unsigned LaneLimbBits = 32;
inline constexpr unsigned Rounds = 24;
/// Rows per permutation: 24 rounds and 8 idle rows.
inline constexpr unsigned Period = 32;
/// The keccak-f bus's first element: what the sponge sends (an input) and
/// what the permutation sends back (an output) never match each other.
inline constexpr unsigned InputKind = 0, OutputKind = 1;

/// Lane (x, y) of the state is lane x + 5 y, as in the Keccak reference
/// and zkc::keccakF1600.
constexpr unsigned lane(unsigned X, unsigned Y) { return X % 5 + 5 * (Y % 5); }

/// rho's rotation of lane (x, y): (t + 1)(t + 2) / 2 mod 64 for the t at
/// which the walk (x, y) -> (y, 2x + 3y) from (1, 0) reaches it.
inline constexpr std::array<unsigned, Lanes> RhoOffsets = [] {
  std::array<unsigned, Lanes> R{};
  unsigned X = 1, Y = 0;
  for (unsigned T = 0; T < 24; ++T) {
    R[lane(X, Y)] = (T + 1) * (T + 2) / 2 % 64;
    unsigned NX = Y, NY = (2 * X + 3 * Y) % 5;
    X = NX;
    Y = NY;
  }
  return R;
}();

/// pi moves lane (x, y) to (y, 2x + 3y): PiSource[l] is the lane of A'
/// that lands at lane l of B.
inline constexpr std::array<unsigned, Lanes> PiSource = [] {
  std::array<unsigned, Lanes> S{};
  for (unsigned X = 0; X < 5; ++X)
    for (unsigned Y = 0; Y < 5; ++Y)
      S[lane(Y, 2 * X + 3 * Y)] = lane(X, Y);
  return S;
}();

/// The round constants, from the spec's LFSR x^8 + x^6 + x^5 + x^4 + 1:
/// bit 2^j - 1 of RC[i] is rc(j + 7 i).
inline constexpr std::array<uint64_t, Rounds> RoundConstants = [] {
  auto Rc = [](unsigned T) {
    unsigned R = 1;
    for (unsigned I = 0; I < T % 255; ++I) {
      R <<= 1;
      if (R & 0x100)
        R ^= 0x171;
    }
    return R & 1;
  };
  std::array<uint64_t, Rounds> C{};
  for (unsigned I = 0; I < Rounds; ++I)
    for (unsigned J = 0; J < 7; ++J)
      C[I] |= uint64_t(Rc(J + 7 * I)) << ((1u << J) - 1);
  return C;
}();

} // namespace keccak

template <class T> struct KeccakPreCols {
  /// Round 0 (receives the input), round 23 (sends the output).
  T IsFirstRound, IsLastRound;
  /// Rounds 0 to 22: the next row is the next round.
  T Chain;
  /// The bits of the round's constant (0 on idle rows).
  T Rc[keccak::LaneBits];
};

template <class T> struct KeccakCols {
  /// 1 on the rows of a permutation the sponge asked for.
  T IsReal;
  /// The sponge's name for this permutation.
  T Tag;
  /// The round's input state: A[l][k] is limb k of lane l.
  T A[keccak::Lanes][keccak::LaneLimbs];
  /// C[x][z] = XOR over y of A[x][y][z].
  T C[5][keccak::LaneBits];
  /// C'[x][z] = C[x][z] ^ C[x - 1][z] ^ C[x + 1][z - 1]: the parity of
  /// A'[x][.][z].
  T CPrime[5][keccak::LaneBits];
  /// A' = theta(A) = A ^ C ^ C', bits.
  T APrime[keccak::Lanes][keccak::LaneBits];
  /// A'' = chi(pi(rho(A'))), limbs.
  T A2[keccak::Lanes][keccak::LaneLimbs];
  /// The bits of lane (0, 0) of A''.
  T A2Lane0Bits[keccak::LaneBits];
  /// Lane (0, 0) after iota: A''(0, 0) ^ RC.
  T A3Lane0[keccak::LaneLimbs];
};

class KeccakAir {
public:
  static constexpr const char *Name = "keccak-f";
  static constexpr size_t Width = NumCols<KeccakCols>;
  static constexpr size_t PreprocessedWidth = NumCols<KeccakPreCols>;
  /// The fixed columns repeat every Period rows, whatever the height.
  static constexpr bool PeriodicPreprocessed = true;

  Matrix preprocessedTrace() const {
    using namespace keccak;
    Matrix M(PreprocessedWidth, Period);
    for (unsigned R = 0; R < Rounds; ++R) {
      KeccakPreCols<Felt> &P = viewRowMut<KeccakPreCols>(M.row(R));
      P.IsFirstRound = Felt(R == 0 ? 1u : 0u);
      P.IsLastRound = Felt(R == Rounds - 1 ? 1u : 0u);
      P.Chain = Felt(R + 1 < Rounds ? 1u : 0u);
      for (unsigned Z = 0; Z < LaneBits; ++Z)
        P.Rc[Z] = Felt((RoundConstants[R] >> Z) & 1);
    }
    return M;
  }

  template <AirBuilder B> void eval(B &Bld) const {
    using namespace keccak;
    using E = typename B::Expr;
    const KeccakPreCols<E> &P = viewRow<KeccakPreCols>(Bld.preprocessedLocal());
    const KeccakCols<E> &L = viewRow<KeccakCols>(Bld.local());
    const KeccakCols<E> &N = viewRow<KeccakCols>(Bld.next());
    auto Xor = [](const E &U, const E &V) { return U + V - E(2) * U * V; };
    auto Xor3 = [](const E &U, const E &V, const E &W) {
      return U + V + W - E(2) * (U * V + U * W + V * W) + E(4) * U * V * W;
    };
    // The bits a limb is made of, as a sum of 2^i bit_i.
    auto Limb = [](auto &&BitAt, unsigned K) {
      E Sum(0);
      for (unsigned I = 0; I < LaneLimbBits; ++I)
        Sum = Sum + E(uint64_t(1) << I) * BitAt(K * LaneLimbBits + I);
      return Sum;
    };

    // The bit columns are bits; C' is then one too (keccak-f.c_prime).
    for (unsigned X = 0; X < 5; ++X)
      for (unsigned Z = 0; Z < LaneBits; ++Z)
        Bld.assertBool("keccak-f.bits_bool", L.C[X][Z]);
    for (unsigned Ln = 0; Ln < Lanes; ++Ln)
      for (unsigned Z = 0; Z < LaneBits; ++Z)
        Bld.assertBool("keccak-f.bits_bool", L.APrime[Ln][Z]);
    for (unsigned Z = 0; Z < LaneBits; ++Z)
      Bld.assertBool("keccak-f.bits_bool", L.A2Lane0Bits[Z]);

    // theta. C' is C ^ D, D[x][z] = C[x - 1][z] ^ C[x + 1][z - 1].
    for (unsigned X = 0; X < 5; ++X)
      for (unsigned Z = 0; Z < LaneBits; ++Z)
        Bld.assertEq("keccak-f.c_prime", L.CPrime[X][Z],
                     Xor3(L.C[X][Z], L.C[(X + 4) % 5][Z],
                          L.C[(X + 1) % 5][(Z + 63) % 64]));
    // A' = A ^ D, that is A = A' ^ C ^ C': checked on A's limbs, which
    // also makes A's bits those of a 64-bit lane.
    for (unsigned X = 0; X < 5; ++X)
      for (unsigned Y = 0; Y < 5; ++Y)
        for (unsigned K = 0; K < LaneLimbs; ++K) {
          unsigned Ln = lane(X, Y);
          auto Bit = [&](unsigned Z) {
            return Xor3(L.APrime[Ln][Z], L.C[X][Z], L.CPrime[X][Z]);
          };
          Bld.assertEq("keccak-f.theta", L.A[Ln][K], Limb(Bit, K));
        }
    // C' is the parity of A'[x][.][z]: their sum minus C' is 0, 2 or 4.
    // With the constraint above, C is then the parity of A's column and A'
    // is theta(A).
    for (unsigned X = 0; X < 5; ++X)
      for (unsigned Z = 0; Z < LaneBits; ++Z) {
        E Diff = -L.CPrime[X][Z];
        for (unsigned Y = 0; Y < 5; ++Y)
          Diff = Diff + L.APrime[lane(X, Y)][Z];
        Bld.assertZero("keccak-f.c_prime_parity",
                       Diff * (Diff - E(2)) * (Diff - E(4)));
      }

    // rho and pi: bit z of lane l of B is bit z - rho of lane PiSource[l]
    // of A'. chi: A''[x][y] = B[x][y] ^ (~B[x + 1][y] & B[x + 2][y]).
    auto BBit = [&](unsigned X, unsigned Y, unsigned Z) -> const E & {
      unsigned Src = PiSource[lane(X, Y)];
      return L.APrime[Src][(Z + LaneBits - RhoOffsets[Src]) % LaneBits];
    };
    for (unsigned X = 0; X < 5; ++X)
      for (unsigned Y = 0; Y < 5; ++Y)
        for (unsigned K = 0; K < LaneLimbs; ++K) {
          auto Bit = [&](unsigned Z) {
            return Xor(BBit(X, Y, Z),
                       (E(1) - BBit(X + 1, Y, Z)) * BBit(X + 2, Y, Z));
          };
          Bld.assertEq("keccak-f.chi", L.A2[lane(X, Y)][K], Limb(Bit, K));
        }

    // iota: lane (0, 0) in bits, XORed with the round constant.
    for (unsigned K = 0; K < LaneLimbs; ++K) {
      auto Bit = [&](unsigned Z) { return E(L.A2Lane0Bits[Z]); };
      Bld.assertEq("keccak-f.a2_bits", L.A2[0][K], Limb(Bit, K));
      auto Iota = [&](unsigned Z) { return Xor(L.A2Lane0Bits[Z], P.Rc[Z]); };
      Bld.assertEq("keccak-f.iota", L.A3Lane0[K], Limb(Iota, K));
    }

    // The next round starts from this one's output. IsReal, a multiplicity
    // of both interactions, needs no booleanity: keccak-f is a bijection,
    // so whatever instances the prover adds, an output under a tag is
    // sent as often as its preimage under that tag is received.
    auto Output = [&](unsigned Ln, unsigned K) -> const E & {
      return Ln == 0 ? L.A3Lane0[K] : L.A2[Ln][K];
    };
    for (unsigned Ln = 0; Ln < Lanes; ++Ln)
      for (unsigned K = 0; K < LaneLimbs; ++K)
        Bld.when(P.Chain).assertEq("keccak-f.next_round", N.A[Ln][K],
                                   Output(Ln, K));
    Bld.when(P.Chain).assertEq("keccak-f.same_tag", N.Tag, L.Tag);
    Bld.when(P.Chain).assertEq("keccak-f.same_is_real", N.IsReal, L.IsReal);

    Tuple<E> In, Out;
    In.push(E(InputKind));
    In.push(L.Tag);
    Out.push(E(OutputKind));
    Out.push(L.Tag);
    for (unsigned Ln = 0; Ln < Lanes; ++Ln)
      for (unsigned K = 0; K < LaneLimbs; ++K) {
        In.push(L.A[Ln][K]);
        Out.push(Output(Ln, K));
      }
    Bld.interact(Bus::KeccakF, L.IsReal * P.IsFirstRound, In,
                 /*IsSend=*/false);
    Bld.interact(Bus::KeccakF, L.IsReal * P.IsLastRound, Out,
                 /*IsSend=*/true);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_KECCAKAIR_H
