//===-- RegAlloc.cpp - Copy coalescing and linear-scan allocation ---------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Two steps over the live intervals:
//  1. Coalescing: for every copy (mov and the parts of a parallel copy),
//     most frequently executed first, join source and destination into one
//     interval when they do not overlap and at most one is fixed to a
//     register. The copy then costs nothing: frame lowering drops it.
//  2. Linear scan with interval holes: intervals in order of their start,
//     each given its copy partners' register if free, else the lowest free
//     one. Parameters are fixed to r0, r1, ... and placed first. A register
//     is free for an interval when none of the intervals already in it
//     overlaps; intervals that ended before the current start are dropped
//     from that check, as they can overlap nothing later either.
//
// When no register is free, the cheapest of the current interval and the
// intervals that block each register is spilled: cost is the spill weight,
// uses and definitions weighted by 10^loop depth per unit of interval
// length, so long, rarely used values go first and values used in inner
// loops stay. Spilled values get stack slots (Spiller.cpp), and allocation
// starts again on the rewritten function, whose reload and store registers
// live one instruction and are never spilled. A window has 256 registers
// and callers save nothing, so this is rare: it takes more values live at
// one point than the window holds.
//
//===----------------------------------------------------------------------===//

#include "Spiller.h"

#include "zkc/CodeGen/LiveIntervals.h"
#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Debug.h"

#include <cmath>
#include <limits>
#include <numeric>

using namespace llvm;
using namespace zkc::codegen;

#define DEBUG_TYPE "zvm-regalloc"

namespace {

struct CopyPair {
  unsigned Dst, Src;
  double Weight;
};

class UnionFind {
public:
  explicit UnionFind(unsigned N) : Leader(N) {
    std::iota(Leader.begin(), Leader.end(), 0);
  }
  unsigned find(unsigned X) {
    while (Leader[X] != X) {
      Leader[X] = Leader[Leader[X]];
      X = Leader[X];
    }
    return X;
  }
  void join(unsigned Into, unsigned From) { Leader[From] = Into; }

private:
  std::vector<unsigned> Leader;
};

std::vector<CopyPair> collectCopies(const MFunction &MF,
                                    const std::vector<bool> &NoSpill) {
  std::vector<CopyPair> Copies;
  for (const auto &B : MF.Blocks) {
    double Freq = std::pow(10.0, std::min(B->LoopDepth, 8u));
    for (const MInstr &I : B->Instrs) {
      if (!I.isCopy())
        continue;
      for (auto [D, S] : zip(I.Defs, I.Uses))
        // Spill temporaries stay alone: joined with a long-lived value
        // they would make it unspillable.
        if (!isOutReg(D) && !isOutReg(S) && !NoSpill[D] && !NoSpill[S])
          Copies.push_back({D, S, Freq});
    }
  }
  llvm::stable_sort(Copies, [](const CopyPair &A, const CopyPair &B) {
    return A.Weight > B.Weight;
  });
  return Copies;
}

/// Spill cost per unit of length: what keeping the value in memory costs
/// (a reload per use, a store per definition, weighted by loop depth)
/// against how much register pressure spilling it relieves.
double spillWeight(const LiveInterval &I) {
  double Length = 0;
  for (const Segment &S : I.Segments)
    Length += S.End - S.Start + 1;
  return I.Weight / (Length + 8);
}

/// One round: coalescing and linear scan. Returns the groups to spill, or
/// none when every interval got a register.
Expected<std::vector<SpillGroup>>
allocateOnce(MFunction &MF, const std::vector<bool> &NoSpill) {
  LiveIntervals LI = LiveIntervals::compute(MF);
  unsigned N = MF.numVRegs();
  std::vector<int> Fixed = MF.Fixed;
  UnionFind UF(N);

  std::vector<CopyPair> Copies = collectCopies(MF, NoSpill);
  std::vector<SmallVector<unsigned, 2>> Partners(N);
  for (const CopyPair &C : Copies) {
    unsigned D = UF.find(C.Dst), S = UF.find(C.Src);
    if (D == S)
      continue;
    bool FixedClash = Fixed[D] >= 0 && Fixed[S] >= 0 && Fixed[D] != Fixed[S];
    if (FixedClash || LI.Intervals[D].overlaps(LI.Intervals[S])) {
      Partners[C.Dst].push_back(C.Src);
      Partners[C.Src].push_back(C.Dst);
      continue;
    }
    LI.Intervals[D].join(LI.Intervals[S]);
    LI.Intervals[S].Segments.clear();
    if (Fixed[D] < 0)
      Fixed[D] = Fixed[S];
    UF.join(D, S);
  }

  // Parameters (fixed) and spill temporaries cannot be spilled.
  std::vector<double> Weight(N, 0);
  for (unsigned R = 0; R < N; ++R)
    if (UF.find(R) == R)
      Weight[R] = spillWeight(LI.Intervals[R]);
  // A value the spiller can compute again (one definition, a constant or
  // frame address, not coalesced) costs no store: half the weight.
  std::vector<unsigned> NumDefs(N, 0);
  std::vector<bool> Remat(N, false);
  for (const auto &B : MF.Blocks)
    for (const MInstr &I : B->Instrs)
      for (unsigned D : I.Defs)
        if (!isOutReg(D)) {
          ++NumDefs[UF.find(D)];
          Remat[UF.find(D)] = isRematerializable(I);
        }
  for (unsigned R = 0; R < N; ++R)
    if (UF.find(R) == R && NumDefs[R] == 1 && Remat[R])
      Weight[R] *= 0.5;
  for (unsigned R = 0; R < N; ++R)
    if (NoSpill[R] || Fixed[UF.find(R)] >= 0)
      Weight[UF.find(R)] = std::numeric_limits<double>::infinity();

  unsigned K = MF.allocatableRegs();
  std::vector<int> Assigned(N, -1);
  std::vector<std::vector<unsigned>> InReg(K);
  std::vector<unsigned> Order;
  for (unsigned R = 0; R < N; ++R) {
    if (UF.find(R) != R || LI.Intervals[R].empty())
      continue;
    if (Fixed[R] >= 0) {
      Assigned[R] = Fixed[R];
      InReg[Fixed[R]].push_back(R);
    } else {
      Order.push_back(R);
    }
  }
  llvm::stable_sort(Order, [&](unsigned A, unsigned B) {
    return LI.Intervals[A].start() < LI.Intervals[B].start();
  });

  std::vector<SmallVector<unsigned, 2>> GroupPartners(N);
  for (unsigned V = 0; V < N; ++V)
    for (unsigned P : Partners[V])
      GroupPartners[UF.find(V)].push_back(P);

  std::vector<int> Preferred(N, -1);
  for (const auto &B : MF.Blocks)
    for (const MInstr &I : B->Instrs)
      if (I.Opc == Ret)
        for (auto [Idx, U] : enumerate(I.Uses))
          if (Preferred[UF.find(U)] < 0)
            Preferred[UF.find(U)] = Idx;

  auto IsFree = [&](unsigned Reg, const LiveInterval &I) {
    auto &Users = InReg[Reg];
    llvm::erase_if(
        Users, [&](unsigned U) { return LI.Intervals[U].end() < I.start(); });
    return llvm::none_of(
        Users, [&](unsigned U) { return LI.Intervals[U].overlaps(I); });
  };

  std::vector<unsigned> Spilled;
  for (unsigned R : Order) {
    const LiveInterval &I = LI.Intervals[R];
    int Chosen = -1;
    // Registers of the values this one is copied from or to, so that the
    // copy disappears after all.
    for (unsigned P : GroupPartners[R]) {
      int PR = Assigned[UF.find(P)];
      if (PR >= 0 && unsigned(PR) < K && IsFree(PR, I)) {
        Chosen = PR;
        break;
      }
    }
    // Returned values want to be where the return puts them.
    if (Chosen < 0 && Preferred[R] >= 0 && unsigned(Preferred[R]) < K &&
        IsFree(Preferred[R], I))
      Chosen = Preferred[R];
    for (unsigned Reg = 0; Reg < K && Chosen < 0; ++Reg)
      if (IsFree(Reg, I))
        Chosen = Reg;
    if (Chosen >= 0) {
      Assigned[R] = Chosen;
      InReg[Chosen].push_back(R);
      continue;
    }

    // No register is free: the register whose blocking intervals are the
    // cheapest to spill, if they are cheaper than this one.
    int Victim = -1;
    double VictimCost = std::numeric_limits<double>::infinity();
    for (unsigned Reg = 0; Reg < K; ++Reg) {
      double Cost = 0;
      for (unsigned U : InReg[Reg])
        if (LI.Intervals[U].overlaps(I))
          Cost += Weight[U];
      if (Cost < VictimCost) {
        VictimCost = Cost;
        Victim = Reg;
      }
    }
    bool SpillCurrent = Weight[R] <= VictimCost;
    if (SpillCurrent && std::isinf(Weight[R]))
      return createStringError(
          inconvertibleErrorCode(),
          "in function '" + MF.Name + "': more than " + Twine(K) +
              " values that cannot be spilled (parameters and reloaded "
              "operands) are live at once, which exceeds the register "
              "window");
    if (SpillCurrent) {
      Spilled.push_back(R);
      continue;
    }
    auto &Users = InReg[Victim];
    for (unsigned U : Users)
      if (LI.Intervals[U].overlaps(I)) {
        Spilled.push_back(U);
        Assigned[U] = -1;
      }
    llvm::erase_if(Users, [&](unsigned U) { return Assigned[U] < 0; });
    Assigned[R] = Victim;
    Users.push_back(R);
  }

  std::vector<SpillGroup> Groups;
  if (!Spilled.empty()) {
    DenseMap<unsigned, unsigned> GroupOf;
    for (unsigned R : Spilled) {
      GroupOf[R] = Groups.size();
      Groups.push_back({{}, LI.Intervals[R]});
    }
    for (unsigned V = 0; V < N; ++V) {
      auto It = GroupOf.find(UF.find(V));
      if (It != GroupOf.end())
        Groups[It->second].VRegs.push_back(V);
    }
    return Groups;
  }

  MF.Assigned.assign(N, 0);
  for (unsigned R = 0; R < N; ++R) {
    // Values never live (an unused parameter) keep their fixed register.
    int A = Assigned[UF.find(R)];
    if (A < 0)
      A = Fixed[UF.find(R)];
    MF.Assigned[R] = A < 0 ? 0 : A;
  }
  return Groups;
}

} // namespace

Error zkc::codegen::allocateRegisters(MFunction &MF) {
  std::vector<bool> NoSpill(MF.numVRegs(), false);
  int NextSpillId = 0;
  // Each round spills values whose reloads live one instruction, so the
  // pressure left after one or two rounds is what single instructions need.
  for (unsigned Round = 0;; ++Round) {
    NoSpill.resize(MF.numVRegs(), false);
    Expected<std::vector<SpillGroup>> Groups = allocateOnce(MF, NoSpill);
    if (!Groups)
      return Groups.takeError();
    if (Groups->empty())
      break;
    if (Round == 16)
      return createStringError(inconvertibleErrorCode(),
                               "in function '" + MF.Name +
                                   "': register allocation does not converge");
    LLVM_DEBUG(dbgs() << MF.Name << ": spilling " << Groups->size()
                      << " values\n");
    insertSpillCode(MF, *Groups, NoSpill, NextSpillId);
  }
  LLVM_DEBUG(dbgs() << "allocated " << MF.Name << "\n");
  return Error::success();
}
