//===-- zkc/Circuit/ConstraintChecker.h - Evaluate every row ----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The DebugConstraintChecker runs a table's `eval` on one row of a concrete
// trace at a time (after Plonky3's check_constraints.rs): every assertZero
// whose value is not zero is a failure of that constraint on that row, and
// every bus interaction is handed to a sink, which balances the buses
// (checkCircuit in Circuit.h) or counts lookups (fillLookupMultiplicities).
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_CONSTRAINTCHECKER_H
#define ZKC_CIRCUIT_CONSTRAINTCHECKER_H

#include "zkc/Circuit/Air.h"

namespace zkc::circuit {

/// Where the checker reports what a row does.
class RowSink {
public:
  virtual ~RowSink();
  virtual void constraintFailed(const char *Name, size_t Row) = 0;
  virtual void interaction(Bus B, Felt Mult, const Tuple<Felt> &T, bool IsSend,
                           size_t Row) = 0;
};

class DebugConstraintChecker
    : public AirBuilderBase<DebugConstraintChecker, Felt> {
public:
  explicit DebugConstraintChecker(RowSink &Sink) : Sink(Sink) {}

  /// Evaluates Air on every row of Main (and Pre, its preprocessed trace,
  /// of the same height when the table has one, or repeated over it when
  /// the table's fixed columns are periodic). The last row's next row is
  /// the first, as on a cyclic evaluation domain.
  template <class AirT>
  void run(const AirT &Air, const Matrix &Main, const Matrix &Pre) {
    const size_t H = Main.Height;
    Height = H;
    for (size_t R = 0; R < H; ++R) {
      size_t NextR = R + 1 == H ? 0 : R + 1;
      Row = R;
      Local = Main.row(R);
      Next = Main.row(NextR);
      PreLocal = Pre.Height ? Pre.row(R % Pre.Height) : nullptr;
      PreNext = Pre.Height ? Pre.row(NextR % Pre.Height) : nullptr;
      Air.eval(*this);
    }
  }

  const Felt *local() const { return Local; }
  const Felt *next() const { return Next; }
  const Felt *preprocessedLocal() const { return PreLocal; }
  const Felt *preprocessedNext() const { return PreNext; }
  Felt isFirstRow() const { return Felt(Row == 0 ? 1u : 0u); }
  Felt isLastRow() const { return Felt(Row + 1 == Height ? 1u : 0u); }
  Felt isTransition() const { return Felt(Row + 1 != Height ? 1u : 0u); }

  void assertZero(const char *Name, Felt X) {
    if (!X.isZero())
      Sink.constraintFailed(Name, Row);
  }
  void interact(Bus B, Felt Mult, const Tuple<Felt> &T, bool IsSend) {
    if (!Mult.isZero())
      Sink.interaction(B, Mult, T, IsSend, Row);
  }

private:
  RowSink &Sink;
  const Felt *Local = nullptr, *Next = nullptr;
  const Felt *PreLocal = nullptr, *PreNext = nullptr;
  size_t Row = 0, Height = 0;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_CONSTRAINTCHECKER_H
