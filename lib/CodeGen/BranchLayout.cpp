//===-- BranchLayout.cpp - Block placement for fall-throughs
//---------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Chains blocks so that a block's unconditional successor (or the false
// side of its conditional branch) follows it where possible, which lets
// the emitter drop the jump. The chain prefers successors whose only
// predecessor is this block, then any unplaced one, keeping the selector's
// order (which is the optimiser's) otherwise; the entry block stays first.
// After register allocation, a block that ends a loop iteration with a
// jump back to the loop's header (the phi copies of the back edge) moves to
// just before the header, so that it falls into it.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace llvm;
using zkc::Opcode;
using namespace zkc::codegen;

/// Retargets branches that lead to a block holding nothing but a jump (the
/// blocks that split critical edges and received no copies) to where that
/// jump goes, and deletes the blocks nothing reaches any more.
static void threadJumps(MFunction &MF) {
  auto IsJumpOnly = [](const MBlock *B) {
    return B->Instrs.size() == 1 &&
           B->Instrs[0].Opc == static_cast<unsigned>(Opcode::Jmp);
  };
  for (auto &B : MF.Blocks)
    for (MInstr &I : B->Instrs) {
      // The hop limit ends cycles of jump-only blocks.
      for (unsigned Hops = 0;
           I.Target && IsJumpOnly(I.Target) && Hops < MF.Blocks.size(); ++Hops)
        I.Target = I.Target->Instrs[0].Target;
    }

  std::vector<bool> Reached(MF.Blocks.size(), false);
  std::vector<MBlock *> Work{MF.Blocks.front().get()};
  Reached[0] = true;
  while (!Work.empty()) {
    MBlock *B = Work.back();
    Work.pop_back();
    for (MBlock *S : B->successors())
      if (!Reached[S->Number]) {
        Reached[S->Number] = true;
        Work.push_back(S);
      }
  }
  std::vector<std::unique_ptr<MBlock>> Kept;
  for (auto &B : MF.Blocks)
    if (Reached[B->Number])
      Kept.push_back(std::move(B));
  MF.Blocks = std::move(Kept);
  for (unsigned I = 0; I < MF.Blocks.size(); ++I)
    MF.Blocks[I]->Number = I;
}

void zkc::codegen::layoutBlocks(MFunction &MF) {
  if (MF.Blocks.empty())
    return;
  threadJumps(MF);
  unsigned N = MF.Blocks.size();
  if (N < 2)
    return;
  std::vector<unsigned> NumPreds(N, 0);
  for (auto &B : MF.Blocks)
    for (MBlock *S : B->successors())
      ++NumPreds[S->Number];

  std::vector<bool> Placed(N, false);
  std::vector<MBlock *> Order;
  auto NextInChain = [&](MBlock *B) -> MBlock * {
    if (B->Instrs.empty())
      return nullptr;
    // The jump at the end, then the conditional branch before it.
    SmallVector<MBlock *, 2> Candidates;
    for (auto It = B->Instrs.rbegin(); It != B->Instrs.rend(); ++It) {
      if (!It->isTerminator())
        break;
      if (It->Target)
        Candidates.push_back(It->Target);
    }
    for (MBlock *C : Candidates)
      if (!Placed[C->Number] && NumPreds[C->Number] == 1)
        return C;
    for (MBlock *C : Candidates)
      if (!Placed[C->Number])
        return C;
    return nullptr;
  };
  for (auto &Start : MF.Blocks) {
    for (MBlock *B = Start.get(); B && !Placed[B->Number]; B = NextInChain(B)) {
      Placed[B->Number] = true;
      Order.push_back(B);
    }
  }

  std::vector<std::unique_ptr<MBlock>> Blocks;
  DenseMap<MBlock *, std::unique_ptr<MBlock> *> Owner;
  for (auto &B : MF.Blocks)
    Owner[B.get()] = &B;
  for (MBlock *B : Order)
    Blocks.push_back(std::move(*Owner[B]));
  MF.Blocks = std::move(Blocks);
  for (unsigned I = 0; I < N; ++I)
    MF.Blocks[I]->Number = I;
}

void zkc::codegen::placeBackEdgeBlocks(MFunction &MF) {
  // A block `...; jmp H` placed after H inside a loop costs its jump on
  // every iteration. Placed just before H it falls through instead, and the
  // latch that branched past it now branches to it: one cycle an iteration
  // saved, against at most a jump added once per entry to the loop (by the
  // block that used to fall into H).
  SmallVector<MBlock *, 4> Candidates;
  for (auto &B : MF.Blocks) {
    if (!B->LoopDepth || B->Instrs.empty() ||
        any_of(drop_end(B->Instrs),
               [](const MInstr &I) { return I.isTerminator(); }))
      continue;
    const MInstr &J = B->Instrs.back();
    if (J.Opc == static_cast<unsigned>(Opcode::Jmp) && J.Target &&
        J.Target->Number < B->Number && J.Target->Number > 0)
      Candidates.push_back(B.get());
  }
  SmallPtrSet<MBlock *, 4> Headers;
  for (MBlock *B : Candidates) {
    MBlock *H = B->Instrs.back().Target;
    // One block per header; and the block before the header must leave it
    // by an explicit jump or not at all, never by falling through alone.
    const MBlock *Before = MF.Blocks[H->Number - 1].get();
    if (!Headers.insert(H).second || Before->Instrs.empty() ||
        !Before->Instrs.back().isTerminator() ||
        Before->Instrs.back().isConditionalBranch())
      continue;
    std::unique_ptr<MBlock> Moved = std::move(MF.Blocks[B->Number]);
    MF.Blocks.erase(MF.Blocks.begin() + B->Number);
    MF.Blocks.insert(MF.Blocks.begin() + H->Number, std::move(Moved));
    for (unsigned I = 0; I < MF.Blocks.size(); ++I)
      MF.Blocks[I]->Number = I;
  }
}
