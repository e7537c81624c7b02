//===-- zkc/Circuit/CopyAir.h - Copies to the heap --------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// cdcopy and codecopy write a run of heap bytes taken from a read-only,
// public byte string (the calldata or the running code), zero past its end;
// mcopy takes them from the heap itself.
// The code table holds the code's bytes as the calldata table holds the
// calldata's; the copy table has one row per byte copied, chained from the
// copy's first byte to its last, whose row answers the CPU's request. Each
// row writes its byte to the heap at the instruction's heap timestamp
// through the heap-state protocol, as a heap store of one byte would.
// docs/circuit.md lists every constraint with its degree.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_COPYAIR_H
#define ZKC_CIRCUIT_COPYAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/Circuit/PublicBytesAir.h"
#include "zkc/ISA/Instruction.h"

#include <cstdint>
#include <vector>

namespace zkc::circuit {

/// The running code's bytes (preprocessed), answering the code bus: what
/// `codesize` measures and `codecopy` reads.
class CodeAir : public PublicBytesAir {
public:
  static constexpr const char *Name = "code";
  explicit CodeAir(std::vector<uint8_t> Data = {})
      : PublicBytesAir(Bus::Code, std::move(Data), 0) {}
};

template <class T> struct CopyCols {
  /// The row belongs to a copy.
  T IsReal;
  /// The source is the code (codecopy), not the calldata (cdcopy).
  T IsCode;
  /// The copy's first and last rows.
  T IsFirst, IsLast;
  /// The row copies a byte: every row of a copy but the only row of an
  /// empty one.
  T Active;
  /// The CPU's heap timestamp, destination, source and length: the same on
  /// every row of a copy.
  T Ts, Dst, Src, Len;
  /// The row's byte is the Idx-th of the copy.
  T Idx;
  /// The byte written to the heap at Dst + Idx.
  T Byte;
  /// 1 when Src + Idx is at or past the source's end: the byte is 0.
  T Past;
  /// Src + Idx - Size (past) or Size - 1 - (Src + Idx) (inside).
  T DiffLo, DiffHi;
  /// The heap address written, Dst + Idx = AddrLo + 2^16 AddrHi.
  T AddrLo, AddrHi;
  /// The heap state the write found, and Ts - PrevTs - 1.
  T PrevTs, PrevByte;
  T TsDiffLo, TsDiffHi;
  /// mcopy: the source is the heap, read at Ts.
  T IsMcopy;
  /// Active and not mcopy: the byte is looked up in the calldata or code.
  T Looks;
  /// mcopy onto itself (Dst = Src), which only reads; Inv inverts Dst - Src
  /// otherwise.
  T Same, Inv;
  /// The heap state mcopy's read found, and Ts - SrcPrevTs - 1.
  T SrcPrevTs, SrcTsDiffLo, SrcTsDiffHi;
};

/// One row per byte of each cdcopy and codecopy (one row for a copy of no
/// bytes).
class CopyAir {
public:
  static constexpr const char *Name = "copy";
  static constexpr size_t Width = NumCols<CopyCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  /// The sizes of the calldata and of the code, public inputs.
  explicit CopyAir(uint64_t CalldataSize = 0, uint64_t CodeSize = 0)
      : CalldataSize(CalldataSize), CodeSize(CodeSize) {}

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const CopyCols<E> &L = viewRow<CopyCols>(Bld.local());
    const CopyCols<E> &N = viewRow<CopyCols>(Bld.next());
    for (const E *F : {&L.IsReal, &L.IsCode, &L.IsFirst, &L.IsLast, &L.Active,
                       &L.Past, &L.IsMcopy})
      Bld.assertBool("copy.flags_bool", *F);
    Bld.when(L.Active).assertOne("copy.active_is_real", L.IsReal);

    // Chains: a copy's rows are consecutive, from a first row to a last
    // row, and every real row is in one (a chain that never ends would
    // write bytes no instruction asked for). A last row is real: otherwise
    // Continues = -1 makes the next row real and first twice over, and
    // the table's last row must end a chain.
    E Continues = L.IsReal - L.IsLast;
    Bld.whenFirstRow().assertEq("copy.first_row", L.IsFirst, L.IsReal);
    Bld.whenTransition().when(N.IsReal).assertEq(
        "copy.first_after_last", N.IsFirst, L.IsLast + E(1) - L.IsReal);
    Bld.whenTransition().when(Continues).assertOne("copy.chain_ends", N.IsReal);
    Bld.whenLastRow().assertEq("copy.last_row_ends", L.IsReal, L.IsLast);
    for (auto [Next, Here] : {std::pair<const E *, const E *>{&N.Ts, &L.Ts},
                              {&N.Dst, &L.Dst},
                              {&N.Src, &L.Src},
                              {&N.Len, &L.Len},
                              {&N.IsCode, &L.IsCode},
                              {&N.IsMcopy, &L.IsMcopy}})
      Bld.whenTransition().when(Continues).assertEq("copy.same_copy", *Next,
                                                    *Here);
    Bld.whenTransition().when(Continues).assertEq("copy.idx_step", N.Idx,
                                                  L.Idx + E(1));
    Bld.when(L.IsFirst).assertZero("copy.first_idx", L.Idx);
    // Bytes 0 to Len - 1, each once: every row but the last copies a byte,
    // and the last ends the count.
    Bld.when(Continues).assertOne("copy.continues_active", L.Active);
    Bld.when(L.IsLast).assertEq("copy.length", L.Len, L.Idx + L.Active);

    // The heap write of Dst + Idx (below 2^28, the heap limit), as a store
    // at the instruction's timestamp.
    E Addr = L.AddrLo + E(LimbBase) * L.AddrHi;
    Bld.when(L.Active).assertEq("copy.addr", Addr, L.Dst + L.Idx);
    Bld.when(L.Active).assertEq("copy.ts_increases",
                                L.TsDiffLo + E(LimbBase) * L.TsDiffHi,
                                L.Ts - L.PrevTs - E(1));
    Bld.send(Bus::Range16, L.Active, L.AddrLo);
    Bld.send(Bus::Range16, L.Active, E(16) * L.AddrHi);
    Bld.send(Bus::Range16, L.Active, L.TsDiffLo);
    Bld.send(Bus::Range16, L.Active, L.TsDiffHi);
    // mcopy onto itself writes what it reads: the read alone does it.
    Bld.assertEq("copy.same", L.Same,
                 L.IsMcopy * (E(1) - (L.Dst - L.Src) * L.Inv));
    Bld.assertZero("copy.same_exact", L.Same * (L.Dst - L.Src));
    E Writes = L.Active * (E(1) - L.Same);
    Bld.receive(Bus::HeapState, Writes, Addr, L.PrevTs, L.PrevByte);
    Bld.send(Bus::HeapState, Writes, Addr, L.Ts, L.Byte);

    // The source byte: Past exactly when Src + Idx >= Size (one of the two
    // differences is below 2^32, the other not, as Src + Idx < 2^33 and
    // Size < 2^32); past the end the byte is 0, inside it is the public
    // one.
    E SrcAddr = L.Src + L.Idx;
    E Size = E(CalldataSize) + L.IsCode * (E(CodeSize) - E(CalldataSize));
    Bld.assertEq("copy.looks", L.Looks, L.Active * (E(1) - L.IsMcopy));
    Bld.when(L.Looks).assertEq("copy.bound", L.DiffLo + E(LimbBase) * L.DiffHi,
                               L.Past * (SrcAddr - Size) +
                                   (E(1) - L.Past) * (Size - E(1) - SrcAddr));
    Bld.send(Bus::Range16, L.Active, L.DiffLo);
    Bld.send(Bus::Range16, L.Active, L.DiffHi);
    Bld.when(L.Past).assertZero("copy.past_zero", L.Byte);
    E Inside = L.Looks * (E(1) - L.Past);
    Bld.send(Bus::Calldata, Inside * (E(1) - L.IsCode), SrcAddr, L.Byte);
    Bld.send(Bus::Code, Inside * L.IsCode, SrcAddr, L.Byte);

    // mcopy reads its source byte from the heap at Ts, as a heap load of
    // one byte would, below 2^28 (the distance columns hold the address).
    // Every read and write of one mcopy is at Ts and needs an older state,
    // so no byte can be both read and written: an mcopy whose ranges
    // overlap (but onto itself) cannot be proven.
    E HeapRead = L.Active - L.Looks;
    Bld.when(HeapRead).assertEq("copy.src_addr",
                                L.DiffLo + E(LimbBase) * L.DiffHi, SrcAddr);
    Bld.when(HeapRead).assertEq("copy.src_ts_increases",
                                L.SrcTsDiffLo + E(LimbBase) * L.SrcTsDiffHi,
                                L.Ts - L.SrcPrevTs - E(1));
    Bld.send(Bus::Range16, HeapRead, E(16) * L.DiffHi);
    Bld.send(Bus::Range16, HeapRead, L.SrcTsDiffLo);
    Bld.send(Bus::Range16, HeapRead, L.SrcTsDiffHi);
    Bld.receive(Bus::HeapState, HeapRead, SrcAddr, L.SrcPrevTs, L.Byte);
    Bld.send(Bus::HeapState, HeapRead, SrcAddr, L.Ts, L.Byte);

    // The copy the CPU asked for.
    E Op = E(static_cast<uint8_t>(Opcode::CdCopy)) +
           L.IsCode * E(static_cast<uint8_t>(Opcode::CodeCopy) -
                        static_cast<uint8_t>(Opcode::CdCopy)) -
           L.IsMcopy * E(static_cast<uint8_t>(Opcode::CdCopy) -
                         static_cast<uint8_t>(Opcode::MCopy));
    Bld.receive(Bus::Copy, L.IsLast, Op, L.Dst, L.Src, L.Len, L.Ts);
  }

private:
  uint64_t CalldataSize, CodeSize;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_COPYAIR_H
