//===-- RegisterGeneration.cpp - The register tables' traces --------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Replays the register accesses in timestamp order, recording for each the
// state it found (previous timestamp and value), and lists the final state
// of every cell touched for the boundary table.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

#include <algorithm>
#include <unordered_map>

using namespace zkc;
using namespace zkc::circuit;

void zkc::circuit::generateRegisterTraces(
    const std::vector<RegisterEvent> &Events, Matrix &Accesses,
    Matrix &Boundary) {
  struct State {
    uint64_t Ts = 0;
    Word Value;
  };
  std::unordered_map<uint64_t, State> Cells;
  Accesses = Matrix(RegisterAccessAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const RegisterEvent &Ev = Events[R];
    State &Cell = Cells[Ev.Addr]; // A cell first met holds 0 from time 0.
    assert(Ev.Ts > Cell.Ts && "register events out of timestamp order");
    RegisterAccessCols<Felt> &C =
        viewRowMut<RegisterAccessCols>(Accesses.row(R));
    C.IsReal = Felt(1u);
    C.Addr = Felt(Ev.Addr);
    C.Ts = Felt(Ev.Ts);
    C.IsWrite = Felt(Ev.IsWrite ? 1u : 0u);
    writeLimbs(Ev.Value, C.Value);
    C.PrevTs = Felt(Cell.Ts);
    writeLimbs(Cell.Value, C.PrevValue);
    uint64_t Diff = Ev.Ts - Cell.Ts - 1;
    C.TsDiffLo = Felt(Diff & 0xffff);
    C.TsDiffHi = Felt(Diff >> 16);
    Cell.Ts = Ev.Ts;
    Cell.Value = Ev.Value;
  }

  std::vector<uint64_t> Addrs;
  Addrs.reserve(Cells.size());
  for (const auto &[Addr, S] : Cells)
    Addrs.push_back(Addr);
  std::sort(Addrs.begin(), Addrs.end());
  Boundary = Matrix(RegisterBoundaryAir::Width, paddedHeight(Addrs.size()));
  for (size_t R = 0; R < Addrs.size(); ++R) {
    RegisterBoundaryCols<Felt> &C =
        viewRowMut<RegisterBoundaryCols>(Boundary.row(R));
    const State &S = Cells[Addrs[R]];
    C.IsReal = Felt(1u);
    C.Addr = Felt(Addrs[R]);
    C.FinalTs = Felt(S.Ts);
    writeLimbs(S.Value, C.FinalValue);
    uint64_t Gap = R == 0 ? 0 : Addrs[R] - Addrs[R - 1] - 1;
    C.GapLo = Felt(Gap & 0xffff);
    C.GapHi = Felt(Gap >> 16);
  }
}
