//===-- zkc/Circuit/StorageAir.h - Storage, offline checked -----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The running account's storage and the transient storage, for one
// context, as two memories keyed by a 256-bit word: one row per sload,
// sstore, tload or tstore, which consumes the state of its slot it found
// (transient, key, previous timestamp, previous value) and produces the
// one it leaves on the storage state bus, with a strictly greater
// timestamp, as the registers do (MemoryAir.h).
//
// The boundary table produces the initial state of every slot touched and
// consumes its final state. Its rows are ordered by (transient, key),
// strictly increasing, the key order proven by the lt table over the ALU
// bus, so each slot starts exactly once. A transient slot starts at zero;
// a slot of the account's storage starts at the public pre-state and its
// final value goes to the storage-public table, which holds the public
// pre- and post-state: the post-state is the final value, or the
// pre-state when the call reverted (public too), so that a reverted
// call's writes are dropped.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_STORAGEAIR_H
#define ZKC_CIRCUIT_STORAGEAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/ISA/Instruction.h"

#include <map>

namespace zkc::circuit {

/// One account's storage: slot key to value, absent keys holding zero.
using StorageMap = std::map<Word, Word>;

template <class T> struct StorageAccessCols {
  T IsReal;
  /// sstore or tstore.
  T IsWrite;
  /// tload or tstore: the slot is in the transient storage.
  T Transient;
  /// The CPU's storage timestamp, Clk + 1.
  T Ts;
  T Key[NumLimbs];
  /// The value loaded or stored.
  T Value[NumLimbs];
  /// The state the access found.
  T PrevTs;
  T PrevValue[NumLimbs];
  /// Ts - PrevTs - 1 = TsDiffLo + 2^16 TsDiffHi.
  T TsDiffLo, TsDiffHi;
};

class StorageAccessAir {
public:
  static constexpr const char *Name = "storage";
  static constexpr size_t Width = NumCols<StorageAccessCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const StorageAccessCols<E> &L = viewRow<StorageAccessCols>(Bld.local());
    // A fractional IsReal would let two rows share one access.
    Bld.assertBool("storage.is_real_bool", L.IsReal);
    // IsWrite and Transient need no booleanity: on a real row the storage
    // bus makes them the CPU's (selector sums).
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.when(E(1) - L.IsWrite)
          .assertEq("storage.read_keeps_value", L.Value[I], L.PrevValue[I]);
    Bld.when(L.IsReal).assertEq("storage.ts_increases", L.Ts - L.PrevTs - E(1),
                                L.TsDiffLo + E(LimbBase) * L.TsDiffHi);
    Bld.send(Bus::Range16, L.IsReal, L.TsDiffLo);
    Bld.send(Bus::Range16, L.IsReal, L.TsDiffHi);
    Bld.receive(Bus::Storage, L.IsReal, L.Transient, L.Ts, L.IsWrite, L.Key,
                L.Value);
    Bld.receive(Bus::StorageState, L.IsReal, L.Transient, L.Key, L.PrevTs,
                L.PrevValue);
    Bld.send(Bus::StorageState, L.IsReal, L.Transient, L.Key, L.Ts, L.Value);
  }
};

template <class T> struct StorageBoundaryCols {
  T IsReal;
  T Transient;
  T Key[NumLimbs];
  /// The slot's value before the call: the public pre-state, or 0 for a
  /// transient slot.
  T Init[NumLimbs];
  T FinalTs;
  T Final[NumLimbs];
  /// Transient minus the row above's on a real row, 0 on padding (and
  /// free on the first row, where nothing uses it): 1 where the transient
  /// slots begin.
  T NewSpace;
};

class StorageBoundaryAir {
public:
  static constexpr const char *Name = "storage-boundary";
  static constexpr size_t Width = NumCols<StorageBoundaryCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const StorageBoundaryCols<E> &L = viewRow<StorageBoundaryCols>(Bld.local());
    const StorageBoundaryCols<E> &N = viewRow<StorageBoundaryCols>(Bld.next());
    Bld.assertBool("storage-boundary.is_real_bool", L.IsReal);
    Bld.assertBool("storage-boundary.transient_bool", L.Transient);
    // Real rows first, so that the order below covers them all.
    Bld.whenTransition().when(N.IsReal).assertOne(
        "storage-boundary.real_prefix", L.IsReal);
    // Persistent slots, then transient ones: NewSpace' = IsReal' (T' - T)
    // is a bit, so T never goes from 1 back to 0 between real rows.
    Bld.assertBool("storage-boundary.new_space_bool", L.NewSpace);
    Bld.whenTransition().assertEq("storage-boundary.new_space", N.NewSpace,
                                  N.IsReal * (N.Transient - L.Transient));
    // Within a space, keys strictly increase: Key < Key' by the lt table.
    // The keys are range checked, which lt relies on for its operands.
    Tuple<E> Less;
    Less.push(E(static_cast<uint8_t>(Opcode::Lt)));
    for (unsigned I = 0; I < NumLimbs; ++I)
      Less.push(L.Key[I]);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Less.push(N.Key[I]);
    Less.push(E(1));
    for (unsigned I = 1; I < NumLimbs; ++I)
      Less.push(E(0));
    Bld.interact(Bus::Alu, Bld.isTransition() * N.IsReal * (E(1) - N.NewSpace),
                 Less,
                 /*IsSend=*/true);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.send(Bus::Range16, L.IsReal, L.Key[I]);
    // Transient storage starts at zero in every transaction (docs/isa.md).
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.when(L.Transient)
          .assertZero("storage-boundary.transient_starts_zero", L.Init[I]);
    Bld.send(Bus::StorageState, L.IsReal, L.Transient, L.Key, E(0), L.Init);
    Bld.receive(Bus::StorageState, L.IsReal, L.Transient, L.Key, L.FinalTs,
                L.Final);
    // The account's slots: their initial and final values are checked
    // against the public pre- and post-state.
    Bld.send(Bus::StoragePublic, L.IsReal * (E(1) - L.Transient), L.Key, L.Init,
             L.Final);
  }
};

template <class T> struct StoragePublicPreCols {
  T IsReal;
  /// The public revert flag, on every row.
  T Reverted;
  T Key[NumLimbs];
  /// The verifier's storage of the account at Key before the call.
  T Pre[NumLimbs];
  /// The published value after the call.
  T Post[NumLimbs];
};

template <class T> struct StoragePublicCols {
  /// The slot's value at the end of the execution.
  T Final[NumLimbs];
};

class StoragePublicAir {
public:
  static constexpr const char *Name = "storage-public";
  static constexpr size_t Width = NumCols<StoragePublicCols>;
  static constexpr size_t PreprocessedWidth = NumCols<StoragePublicPreCols>;

  /// Pre is the account's storage before the call (absent keys are zero),
  /// Post the published storage after it for the keys it touched.
  StoragePublicAir(StorageMap Pre = {}, StorageMap Post = {},
                   bool Reverted = false)
      : Pre(std::move(Pre)), Post(std::move(Post)), Reverted(Reverted) {}
  const StorageMap &preState() const { return Pre; }
  const StorageMap &postState() const { return Post; }

  /// One row per published slot (at least one row), by increasing key.
  Matrix preprocessedTrace() const {
    size_t H = 1;
    while (H < Post.size())
      H <<= 1;
    Matrix M(PreprocessedWidth, H);
    size_t R = 0;
    for (const auto &[Key, Value] : Post) {
      StoragePublicPreCols<Felt> &P =
          viewRowMut<StoragePublicPreCols>(M.row(R));
      P.IsReal = Felt(1u);
      writeLimbs(Key, P.Key);
      auto It = Pre.find(Key);
      writeLimbs(It == Pre.end() ? Word() : It->second, P.Pre);
      writeLimbs(Value, P.Post);
      ++R;
    }
    for (R = 0; R < H; ++R)
      viewRowMut<StoragePublicPreCols>(M.row(R)).Reverted =
          Felt(Reverted ? 1u : 0u);
    return M;
  }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const StoragePublicPreCols<E> &P =
        viewRow<StoragePublicPreCols>(Bld.preprocessedLocal());
    const StoragePublicCols<E> &L = viewRow<StoragePublicCols>(Bld.local());
    // A reverted call's effects are dropped: its post-state is its
    // pre-state, whatever the execution wrote.
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.when(P.IsReal).assertEq("storage-public.post", P.Post[I],
                                  L.Final[I] +
                                      P.Reverted * (P.Pre[I] - L.Final[I]));
    Bld.receive(Bus::StoragePublic, P.IsReal, P.Key, P.Pre, L.Final);
  }

private:
  StorageMap Pre, Post;
  bool Reverted;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_STORAGEAIR_H
