//===-- zkc/Circuit/MemoryAir.h - Registers, offline checked ----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Offline memory checking of the frame address space (the registers), with a
// previous value and timestamp per access:
//
//   - every access consumes the state it found, (addr, prev_ts, prev_value),
//     and produces the state it leaves, (addr, ts, value), on the memory
//     state bus; a read leaves the value unchanged; prev_ts < ts is proven
//     by range checking ts - prev_ts - 1 as two 16-bit limbs;
//   - the boundary table produces the initial state (addr, 0, 0) of every
//     address touched and consumes its final state, with addresses strictly
//     increasing so that each address starts exactly once.
//
// The bus balances exactly when, address by address, the accesses in
// timestamp order form one chain from the initial state to the final one,
// each read returning the value of the access before it.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_MEMORYAIR_H
#define ZKC_CIRCUIT_MEMORYAIR_H

#include "zkc/Circuit/Air.h"

namespace zkc::circuit {

template <class T> struct RegisterAccessCols {
  T IsReal;
  /// The frame cell (fp + register).
  T Addr;
  T Ts;
  T IsWrite;
  T Value[NumLimbs];
  T PrevTs;
  T PrevValue[NumLimbs];
  /// Ts - PrevTs - 1 = TsDiffLo + 2^16 TsDiffHi.
  T TsDiffLo, TsDiffHi;
};

class RegisterAccessAir {
public:
  static constexpr const char *Name = "registers";
  static constexpr size_t Width = NumCols<RegisterAccessCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const RegisterAccessCols<E> &L = viewRow<RegisterAccessCols>(Bld.local());
    Bld.assertBool("registers.is_real_bool", L.IsReal);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.when(E(1) - L.IsWrite)
          .assertEq("registers.read_keeps_value", L.Value[I], L.PrevValue[I]);
    Bld.when(L.IsReal).assertEq("registers.ts_increases",
                                L.Ts - L.PrevTs - E(1),
                                L.TsDiffLo + E(LimbBase) * L.TsDiffHi);
    Bld.send(Bus::Range16, L.IsReal, L.TsDiffLo);
    Bld.send(Bus::Range16, L.IsReal, L.TsDiffHi);
    Bld.receive(Bus::Register, L.IsReal, L.Addr, L.Ts, L.IsWrite, L.Value);
    Bld.receive(Bus::MemoryState, L.IsReal, L.Addr, L.PrevTs, L.PrevValue);
    Bld.send(Bus::MemoryState, L.IsReal, L.Addr, L.Ts, L.Value);
  }
};

template <class T> struct RegisterBoundaryCols {
  T IsReal;
  T Addr;
  T FinalTs;
  T FinalValue[NumLimbs];
  /// Addr - Addr of the row above - 1 = GapLo + 2^16 GapHi.
  T GapLo, GapHi;
};

class RegisterBoundaryAir {
public:
  static constexpr const char *Name = "register-boundary";
  static constexpr size_t Width = NumCols<RegisterBoundaryCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const RegisterBoundaryCols<E> &L =
        viewRow<RegisterBoundaryCols>(Bld.local());
    const RegisterBoundaryCols<E> &N =
        viewRow<RegisterBoundaryCols>(Bld.next());
    Bld.assertBool("register-boundary.is_real_bool", L.IsReal);
    // Real rows first, so that the address order below covers them all.
    Bld.whenTransition().when(N.IsReal).assertOne(
        "register-boundary.real_prefix", L.IsReal);
    Bld.whenTransition().when(N.IsReal).assertEq(
        "register-boundary.addr_increases", N.Addr - L.Addr - E(1),
        N.GapLo + E(LimbBase) * N.GapHi);
    Bld.send(Bus::Range16, L.IsReal, L.GapLo);
    Bld.send(Bus::Range16, L.IsReal, L.GapHi);
    // Registers start at zero in a new context (docs/isa.md).
    Tuple<E> Init;
    Init.push(L.Addr);
    for (unsigned I = 0; I <= NumLimbs; ++I)
      Init.push(E(0));
    Bld.interact(Bus::MemoryState, L.IsReal, Init, /*IsSend=*/true);
    Bld.receive(Bus::MemoryState, L.IsReal, L.Addr, L.FinalTs, L.FinalValue);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_MEMORYAIR_H
