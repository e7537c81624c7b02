//===-- zkc/Circuit/StackAir.h - The stack, offline checked -----*- C++ -*-===//
//-*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The stack memory (docs/isa.md, "Stack memory") is byte-addressed with
// big-endian words like the heap, and is checked the same way, byte by
// byte, in tables of its own: one row per stack load or store (spld, spst,
// stload, stload8, ststore, ststore8) holding the 32 bytes at Addr .. Addr
// + 31 (only the first for the byte forms), with the state each byte found
// and the one it leaves on the stack-state bus, and a boundary table
// producing the initial state (addr, 0, 0) of every byte touched and
// consuming its final one. Its own buses keep it apart from the heap: a
// heap byte and a stack byte at the same address are two cells.
//
// The CPU proves the bounds of every access (32 <= Addr and Addr + n <= sp
// <= 2^28, CpuAir.h), so this table range checks no address.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_STACKAIR_H
#define ZKC_CIRCUIT_STACKAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/ISA/Instruction.h"

namespace zkc::circuit {

/// The operation codes of the stack bus: the CPU sends spld as stload and
/// spst as ststore (the sp-relative forms differ only in their address).
inline constexpr uint8_t StackLoadOp = static_cast<uint8_t>(Opcode::StLoad);
inline constexpr uint8_t StackLoad8Op = static_cast<uint8_t>(Opcode::StLoad8);
inline constexpr uint8_t StackStoreOp = static_cast<uint8_t>(Opcode::StStore);
inline constexpr uint8_t StackStore8Op = static_cast<uint8_t>(Opcode::StStore8);

/// The bytes a stack row can touch: one word.
inline constexpr unsigned StackWordBytes = 32;

template <class T> struct StackAccessCols {
  T IsLoad, IsStore, IsLoad8, IsStore8;
  /// The CPU's stack timestamp, Clk + 1.
  T Ts;
  /// The first byte's address.
  T Addr;
  /// The register value loaded or stored.
  T Value[NumLimbs];
  /// ststore8's second byte of the value, which it does not store.
  T StoreHi;
  /// Bytes[k] is the byte at Addr + k after the access.
  T Bytes[StackWordBytes];
  T PrevBytes[StackWordBytes];
  T PrevTs[StackWordBytes];
  /// Ts - PrevTs[k] - 1 = TsDiffLo[k] + 2^16 TsDiffHi[k].
  T TsDiffLo[StackWordBytes], TsDiffHi[StackWordBytes];
};

class StackAccessAir {
public:
  static constexpr const char *Name = "stack";
  static constexpr size_t Width = NumCols<StackAccessCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const StackAccessCols<E> &L = viewRow<StackAccessCols>(Bld.local());
    Bld.assertBool("stack.flags_bool", L.IsLoad);
    Bld.assertBool("stack.flags_bool", L.IsStore);
    Bld.assertBool("stack.flags_bool", L.IsLoad8);
    Bld.assertBool("stack.flags_bool", L.IsStore8);
    E Word = L.IsLoad + L.IsStore;
    E Byte = L.IsLoad8 + L.IsStore8;
    E IsReal = Word + Byte;
    E Writes = L.IsStore + L.IsStore8;

    // The value is the bytes, big-endian; stload8 zero-extends its byte and
    // ststore8 stores the low byte of its value.
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.when(Word).assertEq("stack.word_limbs", L.Value[I],
                              E(256) * L.Bytes[30 - 2 * I] +
                                  L.Bytes[31 - 2 * I]);
    Bld.when(Byte).assertEq("stack.byte_limb", L.Value[0],
                            L.Bytes[0] + E(256) * L.StoreHi);
    Bld.when(L.IsLoad8).assertZero("stack.load8_zero_extends", L.StoreHi);
    for (unsigned I = 1; I < NumLimbs; ++I)
      Bld.when(L.IsLoad8).assertZero("stack.load8_zero_extends", L.Value[I]);
    Bld.send(Bus::Byte, L.IsStore8, E(static_cast<uint8_t>(Opcode::And)),
             L.StoreHi, L.StoreHi, L.StoreHi);

    Tuple<E> Op;
    Op.push(L.IsLoad * E(StackLoadOp) + L.IsStore * E(StackStoreOp) +
            L.IsLoad8 * E(StackLoad8Op) + L.IsStore8 * E(StackStore8Op));
    Op.push(L.Ts);
    Op.push(L.Addr);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Op.push(L.Value[I]);
    Bld.interact(Bus::Stack, IsReal, Op, /*IsSend=*/false);

    // Offline memory checking, byte by byte: the byte forms touch only the
    // first.
    for (unsigned K = 0; K < StackWordBytes; ++K) {
      E Active = K == 0 ? IsReal : Word;
      E Stored = K == 0 ? Writes : E(L.IsStore);
      Bld.when(E(1) - Writes)
          .assertEq("stack.read_keeps_byte", L.Bytes[K], L.PrevBytes[K]);
      Bld.when(Active).assertEq("stack.ts_increases", L.Ts - L.PrevTs[K] - E(1),
                                L.TsDiffLo[K] + E(LimbBase) * L.TsDiffHi[K]);
      Bld.send(Bus::Range16, Active, L.TsDiffLo[K]);
      Bld.send(Bus::Range16, Active, L.TsDiffHi[K]);
      Bld.send(Bus::Byte, Stored, E(static_cast<uint8_t>(Opcode::And)),
               L.Bytes[K], L.Bytes[K], L.Bytes[K]);
      Bld.receive(Bus::StackState, Active, L.Addr + E(K), L.PrevTs[K],
                  L.PrevBytes[K]);
      Bld.send(Bus::StackState, Active, L.Addr + E(K), L.Ts, L.Bytes[K]);
    }
  }
};

template <class T> struct StackBoundaryCols {
  T IsReal;
  T Addr;
  T FinalTs;
  T FinalByte;
  /// Addr - Addr of the row above - 1 = GapLo + 2^16 GapHi.
  T GapLo, GapHi;
};

class StackBoundaryAir {
public:
  static constexpr const char *Name = "stack-boundary";
  static constexpr size_t Width = NumCols<StackBoundaryCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const StackBoundaryCols<E> &L = viewRow<StackBoundaryCols>(Bld.local());
    const StackBoundaryCols<E> &N = viewRow<StackBoundaryCols>(Bld.next());
    Bld.assertBool("stack-boundary.is_real_bool", L.IsReal);
    // Real rows first, so that the address order below covers them all.
    Bld.whenTransition().when(N.IsReal).assertOne("stack-boundary.real_prefix",
                                                  L.IsReal);
    Bld.whenTransition().when(N.IsReal).assertEq(
        "stack-boundary.addr_increases", N.Addr - L.Addr - E(1),
        N.GapLo + E(LimbBase) * N.GapHi);
    Bld.send(Bus::Range16, L.IsReal, L.GapLo);
    Bld.send(Bus::Range16, L.IsReal, L.GapHi);
    // The stack starts at zero in a new context (docs/isa.md).
    Bld.send(Bus::StackState, L.IsReal, L.Addr, E(0), E(0));
    Bld.receive(Bus::StackState, L.IsReal, L.Addr, L.FinalTs, L.FinalByte);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_STACKAIR_H
