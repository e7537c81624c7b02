//===-- Degrees.cpp - The degree of every constraint ----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc::circuit;

CircuitDegrees zkc::circuit::computeDegrees(const ZvmCircuit &C) {
  CircuitDegrees D;
  C.forEachTable([&](TableId Id, const auto &Air) {
    using AirT = std::decay_t<decltype(Air)>;
    SymbolicBuilder B(tableName(Id), AirT::Width, AirT::PreprocessedWidth);
    Air.eval(B);
    D.Constraints.insert(D.Constraints.end(), B.Constraints.begin(),
                         B.Constraints.end());
    D.Interactions.insert(D.Interactions.end(), B.Interactions.begin(),
                          B.Interactions.end());
  });
  return D;
}
