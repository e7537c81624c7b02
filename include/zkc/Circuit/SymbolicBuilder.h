//===-- zkc/Circuit/SymbolicBuilder.h - Constraint degrees ------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A builder that runs a table's `eval` once over symbolic rows and records
// the degree of every constraint and of every bus interaction, as Plonky3's
// SymbolicAirBuilder does for the quotient degree. Trace cells have degree
// 1, constants 0; the row selectors (first, last, transition) count as
// degree 1, which is conservative (Plonky3 counts is_transition as 0).
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_SYMBOLICBUILDER_H
#define ZKC_CIRCUIT_SYMBOLICBUILDER_H

#include "zkc/Circuit/Air.h"

#include <algorithm>
#include <string>
#include <vector>

namespace zkc::circuit {

/// A polynomial known only by its degree.
struct SymExpr {
  int Degree = 0;

  constexpr SymExpr() = default;
  template <std::integral I> constexpr SymExpr(I) {}
  constexpr SymExpr(Felt) {}
  static constexpr SymExpr variable() {
    SymExpr E;
    E.Degree = 1;
    return E;
  }

  friend constexpr SymExpr operator+(SymExpr A, SymExpr B) {
    A.Degree = std::max(A.Degree, B.Degree);
    return A;
  }
  friend constexpr SymExpr operator-(SymExpr A, SymExpr B) { return A + B; }
  friend constexpr SymExpr operator-(SymExpr A) { return A; }
  friend constexpr SymExpr operator*(SymExpr A, SymExpr B) {
    A.Degree += B.Degree;
    return A;
  }
};

struct ConstraintDegree {
  std::string Table;
  std::string Name;
  int Degree = 0;
};

struct InteractionDegree {
  std::string Table;
  Bus B = Bus::Program;
  bool IsSend = true;
  unsigned Arity = 0;
  int MultiplicityDegree = 0;
  /// The largest degree of a tuple element.
  int ValueDegree = 0;
  /// The degree of the LogUp constraint h (alpha - Σ beta^i v_i) = m on the
  /// helper column h of this interaction.
  int logUpDegree() const {
    return std::max(1 + ValueDegree, MultiplicityDegree);
  }
};

class SymbolicBuilder : public AirBuilderBase<SymbolicBuilder, SymExpr> {
public:
  SymbolicBuilder(std::string Table, size_t Width, size_t PreprocessedWidth)
      : Table(std::move(Table)),
        Main(std::max<size_t>(Width, 1), SymExpr::variable()),
        Pre(std::max<size_t>(PreprocessedWidth, 1), SymExpr::variable()) {}

  const SymExpr *local() const { return Main.data(); }
  const SymExpr *next() const { return Main.data(); }
  const SymExpr *preprocessedLocal() const { return Pre.data(); }
  const SymExpr *preprocessedNext() const { return Pre.data(); }
  SymExpr isFirstRow() const { return SymExpr::variable(); }
  SymExpr isLastRow() const { return SymExpr::variable(); }
  SymExpr isTransition() const { return SymExpr::variable(); }

  void assertZero(const char *Name, const SymExpr &X) {
    Constraints.push_back({Table, Name, X.Degree});
  }
  void interact(Bus B, const SymExpr &Mult, const Tuple<SymExpr> &T,
                bool IsSend) {
    InteractionDegree I{Table, B, IsSend, T.size(), Mult.Degree, 0};
    for (const SymExpr &V : T)
      I.ValueDegree = std::max(I.ValueDegree, V.Degree);
    Interactions.push_back(I);
  }

  std::vector<ConstraintDegree> Constraints;
  std::vector<InteractionDegree> Interactions;

private:
  std::string Table;
  std::vector<SymExpr> Main, Pre;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_SYMBOLICBUILDER_H
