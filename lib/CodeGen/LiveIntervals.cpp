//===-- LiveIntervals.cpp - Live intervals of virtual registers -----------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Classic backward dataflow for live-in/live-out sets, then one backward
// walk per block to turn them into segments.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/LiveIntervals.h"

#include <cmath>

using namespace llvm;
using namespace zkc::codegen;

bool LiveInterval::overlaps(const LiveInterval &Other) const {
  auto A = Segments.begin(), AE = Segments.end();
  auto B = Other.Segments.begin(), BE = Other.Segments.end();
  while (A != AE && B != BE) {
    if (A->End < B->Start)
      ++A;
    else if (B->End < A->Start)
      ++B;
    else
      return true;
  }
  return false;
}

bool LiveInterval::liveAt(unsigned Pos) const {
  for (const Segment &S : Segments)
    if (S.Start <= Pos && Pos <= S.End)
      return true;
  return false;
}

void LiveInterval::add(unsigned Start, unsigned End) {
  // Find the first segment that could touch [Start, End].
  auto It = Segments.begin();
  while (It != Segments.end() && It->End + 1 < Start)
    ++It;
  auto Last = It;
  while (Last != Segments.end() && Last->Start <= End + 1) {
    Start = std::min(Start, Last->Start);
    End = std::max(End, Last->End);
    ++Last;
  }
  It = Segments.erase(It, Last);
  Segments.insert(It, Segment{Start, End});
}

void LiveInterval::join(const LiveInterval &Other) {
  for (const Segment &S : Other.Segments)
    add(S.Start, S.End);
  Weight += Other.Weight;
}

LiveIntervals LiveIntervals::compute(const MFunction &MF) {
  LiveIntervals LI;
  unsigned NumRegs = MF.numVRegs();
  unsigned NumBlocks = MF.Blocks.size();
  LI.Intervals.resize(NumRegs);
  for (unsigned R = 0; R < NumRegs; ++R)
    LI.Intervals[R].VReg = R;
  LI.LiveIn.assign(NumBlocks, BitVector(NumRegs));
  LI.LiveOut.assign(NumBlocks, BitVector(NumRegs));
  LI.BlockStart.resize(NumBlocks);
  LI.BlockEnd.resize(NumBlocks);

  // Upward-exposed uses and definitions per block.
  std::vector<BitVector> Use(NumBlocks, BitVector(NumRegs)),
      Def(NumBlocks, BitVector(NumRegs));
  unsigned Pos = 0;
  for (const auto &B : MF.Blocks) {
    unsigned N = B->Number;
    LI.BlockStart[N] = Pos;
    for (const MInstr &I : B->Instrs) {
      for (unsigned U : I.Uses)
        if (!isOutReg(U) && !Def[N].test(U))
          Use[N].set(U);
      for (unsigned D : I.Defs)
        if (!isOutReg(D))
          Def[N].set(D);
      Pos += 2;
    }
    LI.BlockEnd[N] = Pos - 1;
  }

  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (auto It = MF.Blocks.rbegin(); It != MF.Blocks.rend(); ++It) {
      const MBlock &B = **It;
      BitVector Out(NumRegs);
      for (MBlock *S : B.successors())
        Out |= LI.LiveIn[S->Number];
      BitVector In = Out;
      In.reset(Def[B.Number]);
      In |= Use[B.Number];
      if (In != LI.LiveIn[B.Number] || Out != LI.LiveOut[B.Number]) {
        LI.LiveIn[B.Number] = std::move(In);
        LI.LiveOut[B.Number] = std::move(Out);
        Changed = true;
      }
    }
  }

  // Segments, block by block, walking backwards from the live-out set.
  std::vector<unsigned> EndOf(NumRegs, 0);
  for (const auto &B : MF.Blocks) {
    unsigned N = B->Number;
    double Freq = std::pow(10.0, std::min(B->LoopDepth, 8u));
    BitVector Live = LI.LiveOut[N];
    for (unsigned R : Live.set_bits())
      EndOf[R] = LI.BlockEnd[N];
    unsigned P = LI.BlockEnd[N] + 1;
    for (auto It = B->Instrs.rbegin(); It != B->Instrs.rend(); ++It) {
      P -= 2;
      for (unsigned D : It->Defs) {
        if (isOutReg(D))
          continue;
        LiveInterval &I = LI.Intervals[D];
        I.Weight += Freq;
        if (Live.test(D)) {
          I.add(P + 1, EndOf[D]);
          Live.reset(D);
        } else {
          I.add(P + 1, P + 1);
        }
      }
      for (unsigned U : It->Uses) {
        if (isOutReg(U))
          continue;
        LI.Intervals[U].Weight += Freq;
        if (!Live.test(U)) {
          Live.set(U);
          EndOf[U] = P;
        }
      }
    }
    for (unsigned R : Live.set_bits())
      LI.Intervals[R].add(LI.BlockStart[N], EndOf[R]);
  }
  return LI;
}
