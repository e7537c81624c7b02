//===-- Check.cpp - Checking every constraint and every bus ---------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The first pass evaluates every constraint on every row and folds every bus
// interaction into a LogUp sum per bus, Σ ±m / (alpha - Σ beta^i v_i), kept
// as one fraction so that no inversion is needed until the end. A bus whose
// sum is not zero is unbalanced (a balanced bus sums to zero exactly; an
// unbalanced one does too only with probability about n / p). For those
// buses a second pass compares the multisets exactly, so that the report
// names the tuples at fault.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"
#include "zkc/Circuit/ConstraintChecker.h"

#include <algorithm>
#include <map>
#include <random>

using namespace zkc;
using namespace zkc::circuit;

namespace {

class CheckSink final : public RowSink {
public:
  CheckSink(CheckReport &Rep, const CheckOptions &Opts) : Rep(Rep), Opts(Opts) {
    std::mt19937_64 Rng(Opts.Seed ? Opts.Seed
                                  : (uint64_t(std::random_device()()) << 32) ^
                                        std::random_device()());
    Alpha = Felt(Rng());
    Felt Beta = Felt(Rng());
    BetaPow[0] = Felt::one();
    for (unsigned I = 1; I < BetaPow.size(); ++I)
      BetaPow[I] = BetaPow[I - 1] * Beta;
  }

  TableId Table = TableId::Program;
  /// The second pass: only buses marked here are compared exactly.
  bool ExactPass = false;
  std::array<bool, NumBuses> Exact{};

  struct Entry {
    Felt Net;
    TableId Table;
    size_t Row;
  };
  std::map<std::vector<uint64_t>, Entry> Multisets;

  void constraintFailed(const char *Name, size_t Row) override {
    if (ExactPass)
      return;
    // A constraint family can fail once per limb; count it once per row.
    if (LastTable != Table || LastRow != Row) {
      LastTable = Table;
      LastRow = Row;
      RowFailures.clear();
    }
    if (std::find(RowFailures.begin(), RowFailures.end(), Name) !=
        RowFailures.end())
      return;
    RowFailures.push_back(Name);
    ++Rep.NumFailures;
    FailedNames.insert(Name);
    if (Rep.Failures.size() < Opts.MaxReported)
      Rep.Failures.push_back({Table, Row, Name});
  }

  void interaction(Bus B, Felt Mult, const Tuple<Felt> &T, bool IsSend,
                   size_t Row) override {
    unsigned BI = static_cast<unsigned>(B);
    Felt M = IsSend ? Mult : -Mult;
    if (ExactPass) {
      if (!Exact[BI])
        return;
      std::vector<uint64_t> Key;
      Key.reserve(T.size() + 1);
      Key.push_back(BI);
      for (Felt V : T)
        Key.push_back(V.value());
      auto [It, New] =
          Multisets.try_emplace(std::move(Key), Entry{M, Table, Row});
      if (!New)
        It->second.Net += M;
      return;
    }
    // Distinct buses use the same challenges; each has its own sum.
    Felt D = Alpha;
    for (unsigned I = 0; I < T.size(); ++I)
      D -= BetaPow[I] * T[I];
    Sums[BI].Num = Sums[BI].Num * D + M * Sums[BI].Den;
    Sums[BI].Den *= D;
  }

  bool balanced(unsigned BI) const {
    return Sums[BI].Num.isZero() && !Sums[BI].Den.isZero();
  }

  std::set<std::string> FailedNames;

private:
  CheckReport &Rep;
  const CheckOptions &Opts;
  Felt Alpha;
  std::array<Felt, Tuple<Felt>::Capacity> BetaPow;
  struct Fraction {
    Felt Num = Felt::zero();
    Felt Den = Felt::one();
  };
  std::array<Fraction, NumBuses> Sums;
  TableId LastTable = TableId::Program;
  size_t LastRow = ~size_t(0);
  std::vector<const char *> RowFailures;
};

/// A table whose fixed columns repeat over its height (KeccakAir.h).
template <class AirT> constexpr bool isPeriodic() {
  if constexpr (requires { AirT::PeriodicPreprocessed; })
    return AirT::PeriodicPreprocessed;
  return false;
}

} // namespace

CheckReport zkc::circuit::checkCircuit(const ZvmCircuit &C,
                                       const CircuitTrace &T,
                                       const CheckOptions &Opts) {
  CheckReport Rep;
  C.forEachTable([&](TableId Id, const auto &Air) {
    using AirT = std::decay_t<decltype(Air)>;
    const Matrix &Main = T[Id], &Pre = C.preprocessed(Id);
    if (Main.Width != AirT::Width ||
        Main.Values.size() != Main.Width * Main.Height)
      Rep.ShapeErrors.push_back(
          std::string("table ") + tableName(Id) + ": main trace has " +
          std::to_string(Main.Width) + " columns, the table " +
          std::to_string(AirT::Width));
    else if (Pre.Height && Pre.Height != Main.Height &&
             !(isPeriodic<AirT>() && Main.Height % Pre.Height == 0))
      Rep.ShapeErrors.push_back(std::string("table ") + tableName(Id) + ": " +
                                std::to_string(Main.Height) +
                                " rows, its fixed columns " +
                                std::to_string(Pre.Height));
    else if (Main.Height == 0 || (Main.Height & (Main.Height - 1)))
      Rep.ShapeErrors.push_back(std::string("table ") + tableName(Id) +
                                ": height is not a power of two");
  });
  if (!Rep.ShapeErrors.empty())
    return Rep;

  CheckSink Sink(Rep, Opts);
  DebugConstraintChecker Checker(Sink);
  auto RunAll = [&] {
    C.forEachTable([&](TableId Id, const auto &Air) {
      Sink.Table = Id;
      Checker.run(Air, T[Id], C.preprocessed(Id));
    });
  };
  RunAll();
  Rep.FailedNames = Sink.FailedNames;
  bool AnyUnbalanced = false;
  for (unsigned BI = 0; BI < NumBuses; ++BI)
    if (!Sink.balanced(BI)) {
      Rep.UnbalancedBuses.push_back(static_cast<Bus>(BI));
      Sink.Exact[BI] = true;
      AnyUnbalanced = true;
    }
  if (!AnyUnbalanced)
    return Rep;

  Sink.ExactPass = true;
  RunAll();
  for (const auto &[Key, E] : Sink.Multisets) {
    if (E.Net.isZero())
      continue;
    ++Rep.NumImbalances;
    if (Rep.Imbalances.size() >= Opts.MaxReported)
      continue;
    BusImbalance I{static_cast<Bus>(Key[0]), {}, E.Net, E.Table, E.Row};
    for (size_t K = 1; K < Key.size(); ++K)
      I.Values.push_back(Felt(Key[K]));
    Rep.Imbalances.push_back(std::move(I));
  }
  return Rep;
}

std::set<std::string> CheckReport::rejecters() const {
  std::set<std::string> R = FailedNames;
  for (Bus B : UnbalancedBuses)
    R.insert(std::string("bus ") + busName(B));
  for (const std::string &S : ShapeErrors)
    R.insert("shape: " + S);
  return R;
}

void CheckReport::print(llvm::raw_ostream &OS) const {
  for (const std::string &S : ShapeErrors)
    OS << "malformed trace: " << S << "\n";
  for (const ConstraintFailure &F : Failures)
    OS << "violation: table " << tableName(F.Table) << ", row " << F.Row << ": "
       << F.Constraint << "\n";
  if (NumFailures > Failures.size())
    OS << "... and " << NumFailures - Failures.size()
       << " more constraint violations\n";
  for (Bus B : UnbalancedBuses)
    OS << "unbalanced bus: " << busName(B) << "\n";
  for (const BusImbalance &I : Imbalances) {
    OS << "  bus " << busName(I.B) << ": (";
    for (size_t K = 0; K < I.Values.size(); ++K)
      OS << (K ? ", " : "") << I.Values[K].toString();
    OS << ") sent " << I.Net.toString() << " more times than received (from "
       << tableName(I.Table) << " row " << I.Row << ")\n";
  }
  if (NumImbalances > Imbalances.size())
    OS << "  ... and " << NumImbalances - Imbalances.size()
       << " more unbalanced tuples\n";
  if (ok())
    OS << "all constraints hold\n";
}
