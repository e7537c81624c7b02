//===-- zkc/Circuit/LogAir.h - Logs as public outputs -----------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// log0 .. log4 for one context: the log table has one row per log the
// execution emits, in execution order (strictly increasing cycles, indices
// 0, 1, ...), and reads the instruction's block of registers itself
// (offset, size, then the topics). Unless the call reverted, each row
// sends its topics and data size to the log-public table, which holds the
// published logs, and asks the log-data table for its data bytes: one row
// per published byte, read from the heap at the instruction's heap
// timestamp through the heap state bus, as the output table reads the
// returned bytes. A reverted call publishes no logs: its log rows send
// nothing (the revert flag is public), so its logs are dropped, not
// hidden, and the execution stays provable.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_LOGAIR_H
#define ZKC_CIRCUIT_LOGAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/Circuit/OutputAir.h"
#include "zkc/ISA/Instruction.h"

namespace zkc::circuit {

/// The topics a log can have.
inline constexpr unsigned MaxLogTopics = 4;

/// The heap limit: an access ending beyond it traps (docs/isa.md).
inline constexpr uint64_t HeapLimit = 1ull << 28;

template <class T> struct LogCols {
  /// One per instruction: IsLog[n] is logn.
  T IsLog[MaxLogTopics + 1];
  /// The CPU's cycle and the block's first register cell, Fp + A.
  T Clk, Base;
  /// The heap range [Offset, Offset + Size), each below 2^32 (the
  /// registers' high limbs are zero), and 2^28 - Offset - Size = RoomLo +
  /// 2^16 RoomHi, with RoomHi below 2^13.
  T OffLo, OffHi, SizeLo, SizeHi, RoomLo, RoomHi;
  T Topics[MaxLogTopics][NumLimbs];
  /// The log's position in the call's log list.
  T Index;
  /// Clk - Clk of the row above - 1 = ClkGapLo + 2^16 ClkGapHi.
  T ClkGapLo, ClkGapHi;
};

class LogAir {
public:
  static constexpr const char *Name = "log";
  static constexpr size_t Width = NumCols<LogCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  /// Reverted is the public revert flag.
  explicit LogAir(bool Reverted = false) : Reverted(Reverted) {}

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const LogCols<E> &L = viewRow<LogCols>(Bld.local());
    const LogCols<E> &N = viewRow<LogCols>(Bld.next());
    E IsReal(0), NextReal(0), Op(0);
    // HasTopic[j]: the instruction has topic j (logn with n > j).
    E HasTopic[MaxLogTopics] = {E(0), E(0), E(0), E(0)};
    for (unsigned K = 0; K <= MaxLogTopics; ++K) {
      Bld.assertBool("log.flags_bool", L.IsLog[K]);
      IsReal = IsReal + L.IsLog[K];
      NextReal = NextReal + N.IsLog[K];
      Op =
          Op + L.IsLog[K] * E(static_cast<uint8_t>(Opcode::Log0) + uint64_t(K));
      for (unsigned J = 0; J < K; ++J)
        HasTopic[J] = HasTopic[J] + L.IsLog[K];
    }
    // The CPU's log instructions, each once, with the range the heap grows
    // over.
    Bld.receive(Bus::Log, IsReal, Op, L.Clk, L.Base,
                L.OffLo + E(LimbBase) * L.OffHi,
                L.SizeLo + E(LimbBase) * L.SizeHi);

    // The block: offset and size, whose high limbs must be zero (the
    // tuples say so), then the topics, all read at the cycle's first
    // register timestamp (distinct cells).
    E Ts = E(4) * L.Clk + E(1);
    Tuple<E> Offset, Size;
    for (Tuple<E> *T : {&Offset, &Size}) {
      T->push(L.Base + E(T == &Offset ? 0 : 1));
      T->push(Ts);
      T->push(E(0));
    }
    Offset.push(L.OffLo);
    Offset.push(L.OffHi);
    Size.push(L.SizeLo);
    Size.push(L.SizeHi);
    for (unsigned I = 2; I < NumLimbs; ++I) {
      Offset.push(E(0));
      Size.push(E(0));
    }
    Bld.interact(Bus::Register, IsReal, Offset, /*IsSend=*/true);
    Bld.interact(Bus::Register, IsReal, Size, /*IsSend=*/true);
    for (unsigned J = 0; J < MaxLogTopics; ++J)
      Bld.send(Bus::Register, HasTopic[J], L.Base + E(2 + J), Ts, E(0),
               L.Topics[J]);

    // The range ends within the heap (the emulator traps otherwise), so
    // that the data bytes are heap bytes: Room is below 2^29 (16 + 13
    // bits), so it is 2^28 - Offset - Size over the integers, not negative.
    E OffsetE = L.OffLo + E(LimbBase) * L.OffHi;
    E SizeE = L.SizeLo + E(LimbBase) * L.SizeHi;
    Bld.when(IsReal).assertEq("log.in_heap", L.RoomLo + E(LimbBase) * L.RoomHi,
                              E(HeapLimit) - OffsetE - SizeE);
    Bld.send(Bus::Range16, IsReal, L.RoomLo);
    Bld.send(Bus::Range16, IsReal, E(8) * L.RoomHi);

    // Execution order: real rows first, cycles strictly increasing,
    // indices consecutive.
    Bld.whenTransition().when(NextReal).assertOne("log.real_prefix", IsReal);
    Bld.whenTransition().when(NextReal).assertEq("log.index_step", N.Index,
                                                 L.Index + E(1));
    Bld.whenTransition().when(NextReal).assertEq(
        "log.clk_increases", N.Clk - L.Clk - E(1),
        N.ClkGapLo + E(LimbBase) * N.ClkGapHi);
    Bld.send(Bus::Range16, IsReal, L.ClkGapLo);
    Bld.send(Bus::Range16, IsReal, L.ClkGapHi);

    // Published unless the call reverted: the log's header, and its data
    // bytes, Size of them, at the heap timestamp Clk + 1.
    E Published = E(Reverted ? 0 : 1);
    Tuple<E> Header;
    Header.push(L.Index);
    Header.push(Op);
    for (unsigned J = 0; J < MaxLogTopics; ++J)
      for (unsigned I = 0; I < NumLimbs; ++I)
        Header.push(L.Topics[J][I]);
    Header.push(SizeE);
    Bld.interact(Bus::LogPublic, IsReal * Published, Header,
                 /*IsSend=*/true);
    Bld.send(Bus::LogData, IsReal * SizeE * Published, L.Index, L.Clk + E(1),
             OffsetE);
  }

private:
  bool Reverted;
};

template <class T> struct LogDataPreCols {
  /// 1 on the rows of published bytes.
  T IsByte;
  /// Byte K of the data of log Index.
  T Index, K, Byte;
};

template <class T> struct LogDataCols {
  /// The log's heap timestamp and offset, as the log row gives them.
  T Ts, Offset;
  /// The state the read found, and Ts - PrevTs - 1 = TsDiffLo + 2^16
  /// TsDiffHi.
  T PrevTs, TsDiffLo, TsDiffHi;
};

/// The bytes of the published logs, one row each (at least one row).
class LogDataAir {
public:
  static constexpr const char *Name = "log-data";
  static constexpr size_t Width = NumCols<LogDataCols>;
  static constexpr size_t PreprocessedWidth = NumCols<LogDataPreCols>;

  explicit LogDataAir(std::vector<PublicLog> Logs = {})
      : Logs(std::move(Logs)) {}

  Matrix preprocessedTrace() const {
    size_t Bytes = 0;
    for (const PublicLog &L : Logs)
      Bytes += L.Data.size();
    size_t H = 1;
    while (H < Bytes)
      H <<= 1;
    Matrix M(PreprocessedWidth, H);
    size_t R = 0;
    for (size_t I = 0; I < Logs.size(); ++I)
      for (size_t K = 0; K < Logs[I].Data.size(); ++K, ++R) {
        LogDataPreCols<Felt> &P = viewRowMut<LogDataPreCols>(M.row(R));
        P.IsByte = Felt(1u);
        P.Index = Felt(static_cast<uint64_t>(I));
        P.K = Felt(static_cast<uint64_t>(K));
        P.Byte = Felt(uint64_t(Logs[I].Data[K]));
      }
    return M;
  }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const LogDataPreCols<E> &P =
        viewRow<LogDataPreCols>(Bld.preprocessedLocal());
    const LogDataCols<E> &L = viewRow<LogDataCols>(Bld.local());
    // Each published byte is asked for by its log row, which sends as many
    // requests as its size: the public byte count is the log's.
    Bld.receive(Bus::LogData, P.IsByte, P.Index, L.Ts, L.Offset);
    // A read of the byte at Offset + K (below 2^28 by log.in_heap) at the
    // log's timestamp: the state found is older, and is left as it was.
    Bld.when(P.IsByte).assertEq("log-data.ts_increases", L.Ts - L.PrevTs - E(1),
                                L.TsDiffLo + E(LimbBase) * L.TsDiffHi);
    Bld.send(Bus::Range16, P.IsByte, L.TsDiffLo);
    Bld.send(Bus::Range16, P.IsByte, L.TsDiffHi);
    Bld.receive(Bus::HeapState, P.IsByte, L.Offset + P.K, L.PrevTs, P.Byte);
    Bld.send(Bus::HeapState, P.IsByte, L.Offset + P.K, L.Ts, P.Byte);
  }

private:
  std::vector<PublicLog> Logs;
};

template <class T> struct LogPublicPreCols {
  T IsReal;
  T Index, Opcode;
  T Topics[MaxLogTopics][NumLimbs];
  T Size;
};

template <class T> struct LogPublicCols {
  /// How often the log is emitted: 1 (log-public.mult).
  T Mult;
};

/// The published logs, one row each (at least one row): topics (zero
/// past the log's count) and data size.
class LogPublicAir {
public:
  static constexpr const char *Name = "log-public";
  static constexpr size_t Width = NumCols<LogPublicCols>;
  static constexpr size_t PreprocessedWidth = NumCols<LogPublicPreCols>;

  explicit LogPublicAir(std::vector<PublicLog> Logs = {})
      : Logs(std::move(Logs)) {}

  Matrix preprocessedTrace() const {
    size_t H = 1;
    while (H < Logs.size())
      H <<= 1;
    Matrix M(PreprocessedWidth, H);
    for (size_t R = 0; R < Logs.size(); ++R) {
      LogPublicPreCols<Felt> &P = viewRowMut<LogPublicPreCols>(M.row(R));
      P.IsReal = Felt(1u);
      P.Index = Felt(static_cast<uint64_t>(R));
      P.Opcode =
          Felt(static_cast<uint64_t>(Opcode::Log0) + Logs[R].Topics.size());
      for (size_t J = 0; J < Logs[R].Topics.size() && J < MaxLogTopics; ++J)
        writeLimbs(Logs[R].Topics[J], P.Topics[J]);
      P.Size = Felt(static_cast<uint64_t>(Logs[R].Data.size()));
    }
    return M;
  }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const LogPublicPreCols<E> &P =
        viewRow<LogPublicPreCols>(Bld.preprocessedLocal());
    const LogPublicCols<E> &L = viewRow<LogPublicCols>(Bld.local());
    // Every published log is emitted once, as the execution's log of that
    // index.
    Bld.assertEq("log-public.mult", L.Mult, P.IsReal);
    Tuple<E> Header;
    Header.push(P.Index);
    Header.push(P.Opcode);
    for (unsigned J = 0; J < MaxLogTopics; ++J)
      for (unsigned I = 0; I < NumLimbs; ++I)
        Header.push(P.Topics[J][I]);
    Header.push(P.Size);
    Bld.interact(Bus::LogPublic, L.Mult, Header, /*IsSend=*/false);
  }

private:
  std::vector<PublicLog> Logs;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_LOGAIR_H
