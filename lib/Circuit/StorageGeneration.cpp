//===-- StorageGeneration.cpp - The storage tables' traces ----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The storage accesses replayed over the slots' states (the public
// pre-state, zero for transient slots), the boundary rows of every slot by
// increasing (transient, key) with the key comparisons they ask of the lt
// table, and the final value of every public slot.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

#include <map>
#include <utility>

using namespace zkc;
using namespace zkc::circuit;

void zkc::circuit::generateStorageTraces(
    const std::vector<StorageEvent> &Events, const StoragePublicAir &Public,
    Matrix &Accesses, Matrix &Boundary, Matrix &PublicFinal,
    std::vector<AluEvent> &Lt) {
  struct Slot {
    Word Init;
    uint64_t Ts = 0;
    Word Value;
  };
  // By (transient, key): the boundary's order.
  std::map<std::pair<bool, Word>, Slot> Slots;
  auto slot = [&](bool Transient, const Word &Key) -> Slot & {
    auto [It, New] = Slots.try_emplace({Transient, Key});
    if (New && !Transient) {
      auto Pre = Public.preState().find(Key);
      It->second.Init = Pre == Public.preState().end() ? Word() : Pre->second;
      It->second.Value = It->second.Init;
    }
    return It->second;
  };
  // Every public slot has a boundary row, touched or not.
  for (const auto &KV : Public.postState())
    slot(false, KV.first);

  Accesses = Matrix(StorageAccessAir::Width, paddedHeight(Events.size()));
  for (size_t R = 0; R < Events.size(); ++R) {
    const StorageEvent &Ev = Events[R];
    Slot &S = slot(Ev.Transient, Ev.Key);
    StorageAccessCols<Felt> &C = viewRowMut<StorageAccessCols>(Accesses.row(R));
    C.IsReal = Felt(1u);
    C.IsWrite = Felt(Ev.IsWrite ? 1u : 0u);
    C.Transient = Felt(Ev.Transient ? 1u : 0u);
    C.Ts = Felt(Ev.Ts);
    writeLimbs(Ev.Key, C.Key);
    writeLimbs(Ev.Value, C.Value);
    C.PrevTs = Felt(S.Ts);
    writeLimbs(S.Value, C.PrevValue);
    uint64_t D = Ev.Ts - S.Ts - 1;
    C.TsDiffLo = Felt(D & 0xffff);
    C.TsDiffHi = Felt(D >> 16);
    S.Ts = Ev.Ts;
    S.Value = Ev.Value;
  }

  Boundary = Matrix(StorageBoundaryAir::Width, paddedHeight(Slots.size()));
  size_t R = 0;
  const std::pair<bool, Word> *Prev = nullptr;
  for (const auto &[Id, S] : Slots) {
    StorageBoundaryCols<Felt> &C =
        viewRowMut<StorageBoundaryCols>(Boundary.row(R));
    C.IsReal = Felt(1u);
    C.Transient = Felt(Id.first ? 1u : 0u);
    writeLimbs(Id.second, C.Key);
    writeLimbs(S.Init, C.Init);
    C.FinalTs = Felt(S.Ts);
    writeLimbs(S.Value, C.Final);
    bool NewSpace = Prev && Prev->first != Id.first;
    C.NewSpace = Felt(NewSpace ? 1u : 0u);
    // Within a space, each key is below the next.
    if (Prev && !NewSpace)
      Lt.push_back({Opcode::Lt, Prev->second, Id.second, Word(1)});
    Prev = &Id;
    ++R;
  }

  PublicFinal =
      Matrix(StoragePublicAir::Width, paddedHeight(Public.postState().size()));
  R = 0;
  for (const auto &KV : Public.postState()) {
    const Slot &S = Slots.at({false, KV.first});
    writeLimbs(S.Value,
               viewRowMut<StoragePublicCols>(PublicFinal.row(R)).Final);
    ++R;
  }
}
