//===-- zkc/Circuit/OutputAir.h - How the execution ends --------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The output table holds the public outputs of the call: whether it
// reverted and the bytes it returned (stop returns none), fixed by the
// verifier. The CPU's last real row (stop, return or revert) tells it on
// the halt bus where the bytes lie in the heap and when the execution
// ends; each byte row reads its byte there through the heap state bus, as
// a heap access at the halting timestamp would, so the output is the
// heap's final contents. The row count is the verifier's too: the CPU
// sends the halt tuple once per byte it returns and once more, and the
// table receives it once per public byte and Halts times more on its first
// row, which the tuple's public length forces to 1 (the CPU's constraints
// already make exactly one row halt).
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_OUTPUTAIR_H
#define ZKC_CIRCUIT_OUTPUTAIR_H

#include "zkc/Circuit/Air.h"

#include <cstdint>
#include <map>
#include <vector>

namespace zkc::circuit {

/// A log the call emitted: its topics (at most four) and data.
struct PublicLog {
  std::vector<Word> Topics;
  std::vector<uint8_t> Data;
};

/// The public outputs of one call: how it ended and the bytes it returned
/// (or reverted with).
struct PublicOutputs {
  bool Reverted = false;
  std::vector<uint8_t> Output;
  /// The running account's storage after the call for the keys it
  /// touched: the post-state of the storage-public table (StorageAir.h).
  std::map<Word, Word> Storage;
  /// The logs the call emitted, in order (none when it reverted): the
  /// log-public and log-data tables (LogAir.h).
  std::vector<PublicLog> Logs;
};

template <class T> struct OutputPreCols {
  /// 1 on the first row, which also receives the halt Halts times.
  T IsFirst;
  /// The public flag and length, on every row.
  T Reverted, Length;
  /// 1 on the rows of the Length bytes, which come first.
  T IsByte;
  /// The row's index: byte Offset of the output.
  T Offset;
  /// The public byte.
  T Byte;
};

template <class T> struct OutputCols {
  /// How often the first row receives the halt: 1 (the bus forces it).
  T Halts;
  /// The halting row's heap timestamp (Clk + 1) and the range's first
  /// address, as the halt bus gives them.
  T Ts, Start;
  /// The byte's address Start + Offset = AddrLo + 2^16 AddrHi, below 2^28.
  T AddrLo, AddrHi;
  /// The state the read found, and Ts - PrevTs - 1 = TsDiffLo + 2^16
  /// TsDiffHi.
  T PrevTs, TsDiffLo, TsDiffHi;
};

class OutputAir {
public:
  static constexpr const char *Name = "output";
  static constexpr size_t Width = NumCols<OutputCols>;
  static constexpr size_t PreprocessedWidth = NumCols<OutputPreCols>;

  explicit OutputAir(PublicOutputs Out = {}) : Out(std::move(Out)) {}
  const PublicOutputs &outputs() const { return Out; }

  /// One row per output byte, at least one.
  static size_t heightFor(size_t Length) {
    size_t H = 1;
    while (H < Length)
      H <<= 1;
    return H;
  }

  Matrix preprocessedTrace() const {
    Matrix M(PreprocessedWidth, heightFor(Out.Output.size()));
    for (size_t R = 0; R < M.Height; ++R) {
      OutputPreCols<Felt> &P = viewRowMut<OutputPreCols>(M.row(R));
      P.IsFirst = Felt(R == 0 ? 1u : 0u);
      P.Reverted = Felt(Out.Reverted ? 1u : 0u);
      P.Length = Felt(static_cast<uint64_t>(Out.Output.size()));
      P.IsByte = Felt(R < Out.Output.size() ? 1u : 0u);
      P.Offset = Felt(static_cast<uint64_t>(R));
      P.Byte = Felt(R < Out.Output.size() ? Out.Output[R] : 0u);
    }
    return M;
  }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const OutputPreCols<E> &P = viewRow<OutputPreCols>(Bld.preprocessedLocal());
    const OutputCols<E> &L = viewRow<OutputCols>(Bld.local());
    // Every byte row (and the first row once more) takes Ts and Start from
    // the one halting row, with the public flag and length. The CPU sends
    // Length + 1 copies, so Halts is 1.
    Bld.receive(Bus::Halt, P.IsByte + P.IsFirst * L.Halts, P.Reverted, P.Length,
                L.Start, L.Ts);
    // The ISA traps on a range ending beyond the heap limit 2^28: each
    // address is range checked as 16 + 12 bits, which also keeps it from
    // wrapping around the field.
    E Addr = L.AddrLo + E(LimbBase) * L.AddrHi;
    Bld.when(P.IsByte).assertEq("output.addr", Addr, L.Start + P.Offset);
    Bld.send(Bus::Range16, P.IsByte, L.AddrLo);
    Bld.send(Bus::Range16, P.IsByte, E(16) * L.AddrHi);
    // A read of the byte at the halting timestamp: the state found is
    // older, and is left as it was.
    Bld.when(P.IsByte).assertEq("output.ts_increases", L.Ts - L.PrevTs - E(1),
                                L.TsDiffLo + E(LimbBase) * L.TsDiffHi);
    Bld.send(Bus::Range16, P.IsByte, L.TsDiffLo);
    Bld.send(Bus::Range16, P.IsByte, L.TsDiffHi);
    Bld.receive(Bus::HeapState, P.IsByte, Addr, L.PrevTs, P.Byte);
    Bld.send(Bus::HeapState, P.IsByte, Addr, L.Ts, P.Byte);
  }

private:
  PublicOutputs Out;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_OUTPUTAIR_H
