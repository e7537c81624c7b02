//===-- zkc/Circuit/HeapAir.h - The heap, offline checked -------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The heap is byte-addressed and its words are big-endian at any byte
// address, so it is checked byte by byte: one row per mload, mstore,
// mload8 or mstore8, holding the 32 bytes at Addr .. Addr + 31 (only the
// first for the byte forms), and for each byte the state it found
// (previous timestamp and byte) and the one it leaves, on the heap state
// bus, exactly as the registers do word by word (MemoryAir.h). The boundary
// table produces the initial state (addr, 0, 0) of every byte touched and
// consumes its final state, with addresses strictly increasing.
//
// The byte at address Addr + k of a word is its byte 31 - k counted from
// the least significant one, so limb i = 256 Bytes[30 - 2i] + Bytes[31 - 2i].
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_HEAPAIR_H
#define ZKC_CIRCUIT_HEAPAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/ISA/Instruction.h"

namespace zkc::circuit {

/// The bytes a heap row can touch: one word.
inline constexpr unsigned WordBytes = 32;

template <class T> struct HeapAccessCols {
  T IsLoad, IsStore, IsLoad8, IsStore8;
  /// The CPU's heap timestamp, Clk + 1.
  T Ts;
  /// The first byte's address Addr = AddrLo + 2^16 AddrHi and the last
  /// one's End = EndLo + 2^16 EndHi, both proven below 2^28.
  T AddrLo, AddrHi, EndLo, EndHi;
  /// The register value loaded or stored.
  T Value[NumLimbs];
  /// mstore8's second byte of the value, which it does not store.
  T StoreHi;
  /// Bytes[k] is the byte at Addr + k after the access.
  T Bytes[WordBytes];
  T PrevBytes[WordBytes];
  T PrevTs[WordBytes];
  /// Ts - PrevTs[k] - 1 = TsDiffLo[k] + 2^16 TsDiffHi[k].
  T TsDiffLo[WordBytes], TsDiffHi[WordBytes];
};

class HeapAccessAir {
public:
  static constexpr const char *Name = "heap";
  static constexpr size_t Width = NumCols<HeapAccessCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const HeapAccessCols<E> &L = viewRow<HeapAccessCols>(Bld.local());
    Bld.assertBool("heap.flags_bool", L.IsLoad);
    Bld.assertBool("heap.flags_bool", L.IsStore);
    Bld.assertBool("heap.flags_bool", L.IsLoad8);
    Bld.assertBool("heap.flags_bool", L.IsStore8);
    E Word = L.IsLoad + L.IsStore;
    E Byte = L.IsLoad8 + L.IsStore8;
    E IsReal = Word + Byte;
    E Writes = L.IsStore + L.IsStore8;
    E Addr = L.AddrLo + E(LimbBase) * L.AddrHi;

    // The range must end below the heap limit 2^28 (the emulator traps
    // otherwise): both ends are range checked as 16 + 12 bits, which also
    // keeps Addr + k from wrapping around the field.
    Bld.assertEq("heap.end", L.EndLo + E(LimbBase) * L.EndHi,
                 Addr + E(WordBytes - 1) * Word);
    Bld.send(Bus::Range16, IsReal, L.AddrLo);
    Bld.send(Bus::Range16, IsReal, E(16) * L.AddrHi);
    Bld.send(Bus::Range16, IsReal, L.EndLo);
    Bld.send(Bus::Range16, IsReal, E(16) * L.EndHi);

    // The value is the bytes, big-endian; mload8 zero-extends its byte and
    // mstore8 stores the low byte of its value.
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.when(Word).assertEq("heap.word_limbs", L.Value[I],
                              E(256) * L.Bytes[30 - 2 * I] +
                                  L.Bytes[31 - 2 * I]);
    Bld.when(Byte).assertEq("heap.byte_limb", L.Value[0],
                            L.Bytes[0] + E(256) * L.StoreHi);
    Bld.when(L.IsLoad8).assertZero("heap.load8_zero_extends", L.StoreHi);
    for (unsigned I = 1; I < NumLimbs; ++I)
      Bld.when(L.IsLoad8).assertZero("heap.load8_zero_extends", L.Value[I]);
    // Stored bytes are bytes (loaded ones are stored ones or 0); StoreHi
    // too, so that the low byte is the one stored.
    Bld.send(Bus::Byte, L.IsStore8, E(static_cast<uint8_t>(Opcode::And)),
             L.StoreHi, L.StoreHi, L.StoreHi);

    Tuple<E> Op;
    Op.push(L.IsLoad * E(static_cast<uint8_t>(Opcode::MLoad)) +
            L.IsStore * E(static_cast<uint8_t>(Opcode::MStore)) +
            L.IsLoad8 * E(static_cast<uint8_t>(Opcode::MLoad8)) +
            L.IsStore8 * E(static_cast<uint8_t>(Opcode::MStore8)));
    Op.push(L.Ts);
    Op.push(Addr);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Op.push(L.Value[I]);
    Bld.interact(Bus::Heap, IsReal, Op, /*IsSend=*/false);

    // Offline memory checking, byte by byte: the byte forms touch only the
    // first.
    for (unsigned K = 0; K < WordBytes; ++K) {
      E Active = K == 0 ? IsReal : Word;
      E Stored = K == 0 ? Writes : E(L.IsStore);
      Bld.when(E(1) - Writes)
          .assertEq("heap.read_keeps_byte", L.Bytes[K], L.PrevBytes[K]);
      Bld.when(Active).assertEq("heap.ts_increases", L.Ts - L.PrevTs[K] - E(1),
                                L.TsDiffLo[K] + E(LimbBase) * L.TsDiffHi[K]);
      Bld.send(Bus::Range16, Active, L.TsDiffLo[K]);
      Bld.send(Bus::Range16, Active, L.TsDiffHi[K]);
      Bld.send(Bus::Byte, Stored, E(static_cast<uint8_t>(Opcode::And)),
               L.Bytes[K], L.Bytes[K], L.Bytes[K]);
      Bld.receive(Bus::HeapState, Active, Addr + E(K), L.PrevTs[K],
                  L.PrevBytes[K]);
      Bld.send(Bus::HeapState, Active, Addr + E(K), L.Ts, L.Bytes[K]);
    }
  }
};

template <class T> struct HeapBoundaryCols {
  T IsReal;
  T Addr;
  T FinalTs;
  T FinalByte;
  /// Addr - Addr of the row above - 1 = GapLo + 2^16 GapHi.
  T GapLo, GapHi;
};

class HeapBoundaryAir {
public:
  static constexpr const char *Name = "heap-boundary";
  static constexpr size_t Width = NumCols<HeapBoundaryCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const HeapBoundaryCols<E> &L = viewRow<HeapBoundaryCols>(Bld.local());
    const HeapBoundaryCols<E> &N = viewRow<HeapBoundaryCols>(Bld.next());
    Bld.assertBool("heap-boundary.is_real_bool", L.IsReal);
    // Real rows first, so that the address order below covers them all.
    Bld.whenTransition().when(N.IsReal).assertOne("heap-boundary.real_prefix",
                                                  L.IsReal);
    Bld.whenTransition().when(N.IsReal).assertEq(
        "heap-boundary.addr_increases", N.Addr - L.Addr - E(1),
        N.GapLo + E(LimbBase) * N.GapHi);
    Bld.send(Bus::Range16, L.IsReal, L.GapLo);
    Bld.send(Bus::Range16, L.IsReal, L.GapHi);
    // The heap starts at zero in a new context (docs/isa.md).
    Bld.send(Bus::HeapState, L.IsReal, L.Addr, E(0), E(0));
    Bld.receive(Bus::HeapState, L.IsReal, L.Addr, L.FinalTs, L.FinalByte);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_HEAPAIR_H
