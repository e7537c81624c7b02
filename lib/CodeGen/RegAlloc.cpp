//===-- RegAlloc.cpp - Copy coalescing and linear-scan allocation
//----------===//
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
// A window has 256 registers and callers save nothing, so a function runs
// out only when more values than its window holds are live at one point;
// that is reported as an error naming the function.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/LiveIntervals.h"
#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Debug.h"

#include <cmath>
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

std::vector<CopyPair> collectCopies(const MFunction &MF) {
  std::vector<CopyPair> Copies;
  for (const auto &B : MF.Blocks) {
    double Freq = std::pow(10.0, std::min(B->LoopDepth, 8u));
    for (const MInstr &I : B->Instrs) {
      if (!I.isCopy())
        continue;
      for (auto [D, S] : zip(I.Defs, I.Uses))
        if (!isOutReg(D) && !isOutReg(S))
          Copies.push_back({D, S, Freq});
    }
  }
  llvm::stable_sort(Copies, [](const CopyPair &A, const CopyPair &B) {
    return A.Weight > B.Weight;
  });
  return Copies;
}

} // namespace

Error zkc::codegen::allocateRegisters(MFunction &MF) {
  LiveIntervals LI = LiveIntervals::compute(MF);
  unsigned N = MF.numVRegs();
  std::vector<int> Fixed = MF.Fixed;
  UnionFind UF(N);

  std::vector<CopyPair> Copies = collectCopies(MF);
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
    if (Chosen < 0)
      return createStringError(
          inconvertibleErrorCode(),
          "in function '" + MF.Name + "': more than " + Twine(K) +
              " values are live at once, which exceeds the register window");
    Assigned[R] = Chosen;
    InReg[Chosen].push_back(R);
  }

  MF.Assigned.assign(N, 0);
  for (unsigned R = 0; R < N; ++R) {
    // Values never live (an unused parameter) keep their fixed register.
    int A = Assigned[UF.find(R)];
    if (A < 0)
      A = Fixed[UF.find(R)];
    MF.Assigned[R] = A < 0 ? 0 : A;
  }
  LLVM_DEBUG(dbgs() << "allocated " << MF.Name << "\n");
  return Error::success();
}
