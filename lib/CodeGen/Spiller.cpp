//===-- Spiller.cpp - Spill code for the register allocator ---------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Spill everywhere: a spilled value lives in its slot from definition to
// last use, and only the instruction that reads or writes it sees it in a
// register. Copies are the common case (phis, coalescing leftovers) and
// need no register at all: a copy into a spilled value is a store of its
// source, a copy out of one a reload into its destination, and a copy
// between registers coalesced into one spilled value disappears.
//
// A value defined once by an instruction that reads nothing (a constant,
// a frame object's address) needs no slot: it is computed again before
// each use instead, which costs what a reload costs and saves the store.
//
//===----------------------------------------------------------------------===//

#include "Spiller.h"

#include "llvm/ADT/DenseMap.h"

using namespace llvm;
using zkc::Opcode;
using namespace zkc::codegen;

namespace {

struct SlotInfo {
  unsigned Slot;
  int SpillId;
};

/// Assigns slots first-fit: a group may reuse a slot of this round whose
/// groups' intervals it neither overlaps nor touches. Touching intervals
/// (one dies where the other is born) would let an instruction's store
/// land in the slot it reads, which parallel copies must not see.
std::vector<unsigned> assignSlots(MFunction &MF, ArrayRef<SpillGroup> Groups) {
  std::vector<unsigned> SlotOf(Groups.size());
  std::vector<LiveInterval> Occupied;
  unsigned First = MF.NumSpillSlots;
  for (auto [GI, G] : enumerate(Groups)) {
    LiveInterval Padded;
    for (const Segment &Seg : G.Interval.Segments)
      Padded.add(Seg.Start, Seg.End + 1);
    unsigned S = 0;
    while (S < Occupied.size() && Occupied[S].overlaps(Padded))
      ++S;
    if (S == Occupied.size())
      Occupied.emplace_back();
    Occupied[S].join(Padded);
    SlotOf[GI] = First + S;
  }
  MF.NumSpillSlots += Occupied.size();
  return SlotOf;
}

MInstr reload(unsigned Dst, const MFunction &MF, SlotInfo S) {
  MInstr I(static_cast<unsigned>(Opcode::SpLd));
  I.Defs.push_back(Dst);
  I.Imm = MF.spillSlotOffset(S.Slot);
  I.SpillOf = S.SpillId;
  return I;
}

MInstr store(unsigned Src, const MFunction &MF, SlotInfo S) {
  MInstr I(static_cast<unsigned>(Opcode::SpSt));
  I.Uses.push_back(Src);
  I.Imm = MF.spillSlotOffset(S.Slot);
  I.SpillOf = S.SpillId;
  return I;
}

} // namespace

bool zkc::codegen::isRematerializable(const MInstr &I) {
  if (I.isPseudo() || !I.Uses.empty() || I.Defs.size() != 1)
    return false;
  switch (I.opcode()) {
  case Opcode::Li:
  case Opcode::Ldc:
  case Opcode::SpAddr:
    return true;
  default:
    return false;
  }
}

namespace {

/// The defining instruction of each single-register group whose only
/// definition can be repeated at its uses.
DenseMap<unsigned, MInstr> findRematerializable(const MFunction &MF,
                                                ArrayRef<SpillGroup> Groups) {
  DenseMap<unsigned, unsigned> NumDefs;
  DenseMap<unsigned, const MInstr *> Def;
  for (const SpillGroup &G : Groups)
    if (G.VRegs.size() == 1)
      NumDefs[G.VRegs[0]] = 0;
  for (const auto &B : MF.Blocks)
    for (const MInstr &I : B->Instrs)
      for (unsigned D : I.Defs) {
        auto It = NumDefs.find(D);
        if (It == NumDefs.end())
          continue;
        ++It->second;
        Def[D] = &I;
      }
  DenseMap<unsigned, MInstr> Remat;
  for (auto [V, N] : NumDefs)
    if (N == 1 && isRematerializable(*Def[V]))
      Remat[V] = *Def[V];
  return Remat;
}

} // namespace

void zkc::codegen::insertSpillCode(MFunction &MF, ArrayRef<SpillGroup> Groups,
                                   std::vector<bool> &NoSpill,
                                   int &NextSpillId) {
  DenseMap<unsigned, MInstr> Remat = findRematerializable(MF, Groups);
  SmallVector<SpillGroup, 8> ToSlots;
  for (const SpillGroup &G : Groups)
    if (G.VRegs.size() != 1 || !Remat.count(G.VRegs[0]))
      ToSlots.push_back(G);
  Groups = ToSlots;
  std::vector<unsigned> Slots = assignSlots(MF, Groups);
  DenseMap<unsigned, SlotInfo> Spilled;
  for (auto [GI, G] : enumerate(Groups)) {
    int Id = NextSpillId++;
    for (unsigned V : G.VRegs)
      Spilled[V] = SlotInfo{Slots[GI], Id};
  }
  auto SlotOf = [&](unsigned R) -> const SlotInfo * {
    if (isOutReg(R))
      return nullptr;
    auto It = Spilled.find(R);
    return It == Spilled.end() ? nullptr : &It->second;
  };
  auto Temp = [&] {
    unsigned T = MF.newVReg();
    NoSpill.resize(MF.numVRegs(), false);
    NoSpill[T] = true;
    return T;
  };

  for (auto &B : MF.Blocks) {
    std::vector<MInstr> Out;
    Out.reserve(B->Instrs.size());
    unsigned FirstTerm = B->Instrs.size() - B->NumTerminators;
    // Reloads for a terminator after the first go before the first, so
    // that the block still ends in its terminators.
    size_t TermPos = 0;
    for (auto [Idx, I] : enumerate(B->Instrs)) {
      if (Idx == FirstTerm)
        TermPos = Out.size();
      size_t ReloadPos = Idx > FirstTerm ? TermPos : Out.size();
      // The definition of a rematerialized value goes; its uses get their
      // own copies of it below.
      if (I.Defs.size() == 1 && Remat.count(I.Defs[0]))
        continue;
      if (I.Opc == static_cast<unsigned>(Opcode::Mov) && !isOutReg(I.Uses[0]) &&
          Remat.count(I.Uses[0]) && !SlotOf(I.Defs[0])) {
        MInstr Copy = Remat.find(I.Uses[0])->second;
        Copy.Defs[0] = I.Defs[0];
        Out.push_back(std::move(Copy));
        continue;
      }
      for (unsigned &U : I.Uses) {
        auto It = isOutReg(U) ? Remat.end() : Remat.find(U);
        if (It == Remat.end())
          continue;
        MInstr Copy = It->second;
        Copy.Defs[0] = Temp();
        U = Copy.Defs[0];
        Out.insert(Out.begin() + ReloadPos++, std::move(Copy));
        if (Idx > FirstTerm)
          ++TermPos;
      }
      if (I.Opc == static_cast<unsigned>(Opcode::Mov)) {
        const SlotInfo *D = SlotOf(I.Defs[0]), *S = SlotOf(I.Uses[0]);
        // Within a group the slot already holds the value. (Groups that
        // merely share a slot still copy, so that every value in a slot
        // is one the verifier can name.)
        if (D && S && D->SpillId == S->SpillId)
          continue;
        if (D && S) {
          unsigned T = Temp();
          Out.push_back(reload(T, MF, *S));
          Out.push_back(store(T, MF, *D));
          continue;
        }
        if (D) {
          Out.push_back(store(I.Uses[0], MF, *D));
          continue;
        }
        if (S) {
          Out.push_back(reload(I.Defs[0], MF, *S));
          continue;
        }
      }
      if (I.Opc == PCopy) {
        // Pairs that touch a slot leave the parallel copy, so that a loop
        // with many spilled phis needs one register for them, not one
        // each. The slots a copy reads and writes differ (assignSlots), so
        // stores into slots can go first, while every source register
        // still holds its value, and reloads into registers last, once
        // the copy has read the registers they overwrite.
        MInstr Kept(PCopy);
        std::vector<MInstr> After;
        for (auto [D, S] : zip(I.Defs, I.Uses)) {
          const SlotInfo *DS = SlotOf(D), *SS = SlotOf(S);
          if (DS && SS && DS->SpillId == SS->SpillId)
            continue; // Within one group: nothing moves.
          if (DS && SS) {
            unsigned T = Temp();
            Out.push_back(reload(T, MF, *SS));
            Out.push_back(store(T, MF, *DS));
          } else if (DS) {
            Out.push_back(store(S, MF, *DS));
          } else if (SS) {
            After.push_back(reload(D, MF, *SS));
          } else {
            Kept.Defs.push_back(D);
            Kept.Uses.push_back(S);
          }
        }
        if (!Kept.Defs.empty())
          Out.push_back(std::move(Kept));
        for (MInstr &R : After)
          Out.push_back(std::move(R));
        continue;
      }
      // One reload per slot the instruction reads.
      SmallDenseMap<unsigned, unsigned, 4> Reloaded;
      for (unsigned &U : I.Uses) {
        const SlotInfo *S = SlotOf(U);
        if (!S)
          continue;
        auto [It, New] = Reloaded.try_emplace(S->Slot, 0);
        if (New) {
          It->second = Temp();
          Out.insert(Out.begin() + ReloadPos++, reload(It->second, MF, *S));
          if (Idx > FirstTerm)
            ++TermPos;
        }
        U = It->second;
      }
      SmallVector<MInstr, 2> Stores;
      for (unsigned &D : I.Defs) {
        const SlotInfo *S = SlotOf(D);
        if (!S)
          continue;
        D = Temp();
        Stores.push_back(store(D, MF, *S));
      }
      Out.push_back(std::move(I));
      for (MInstr &S : Stores)
        Out.push_back(std::move(S));
    }
    B->Instrs = std::move(Out);
  }
}
