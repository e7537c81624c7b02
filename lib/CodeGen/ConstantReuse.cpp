//===-- ConstantReuse.cpp - One register per constant and block
//------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Selection materialises constants at each use, which keeps live ranges
// short across blocks but repeats `li rN, 0` (the base of every constant
// heap address) within one, and reloads constants on every iteration of
// a loop. Here constants used in loops, and zero everywhere, are loaded
// once at the start of the entry block, which dominates every use; then a
// later `li`/`ldc` of a constant already loaded earlier in the same block,
// or in the chain of single predecessors leading to it, reuses that
// register: the earlier definition dominates everything the later one
// reaches.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <map>

using namespace llvm;
using zkc::Opcode;
using namespace zkc::codegen;

using ConstantKey = std::tuple<unsigned, int64_t, std::string>;

static bool isConstantLoad(const MInstr &I) {
  return I.Opc == static_cast<unsigned>(Opcode::Li) ||
         I.Opc == static_cast<unsigned>(Opcode::Ldc);
}

/// Moves the loads of zero into the entry block and those of other
/// constants in loops into the preheader of the outermost loop, one per
/// constant and place. A register that holds a constant for longer costs a
/// register; the ZVM has 256 of them, and the spiller reloads one no dearer
/// than `li` would.
static void hoistConstants(MFunction &MF) {
  std::vector<unsigned> NumDefs(MF.numVRegs());
  for (auto &B : MF.Blocks)
    for (MInstr &I : B->Instrs)
      for (unsigned D : I.Defs)
        if (!isOutReg(D))
          ++NumDefs[D];
  MBlock *Entry = MF.Blocks.front().get();
  std::map<std::pair<MBlock *, ConstantKey>, unsigned> Hoisted;
  // Per destination block, the loads moved there, in order.
  std::map<MBlock *, std::vector<MInstr>> Loads;
  std::vector<unsigned> Replace(MF.numVRegs());
  for (unsigned R = 0; R < Replace.size(); ++R)
    Replace[R] = R;
  bool Changed = false;
  for (auto &B : MF.Blocks) {
    erase_if(B->Instrs, [&](MInstr &I) {
      if (!isConstantLoad(I) || isOutReg(I.Defs[0]) ||
          MF.Fixed[I.Defs[0]] >= 0 || NumDefs[I.Defs[0]] != 1)
        return false;
      bool Zero =
          I.Opc == static_cast<unsigned>(Opcode::Li) && !I.Imm && I.Sym.empty();
      MBlock *To = Zero ? Entry : B->LoopPreheader;
      if (!To || To == B.get())
        return false;
      auto [It, New] =
          Hoisted.try_emplace({To, {I.Opc, I.Imm, I.Sym}}, I.Defs[0]);
      if (New)
        Loads[To].push_back(std::move(I));
      else
        Replace[I.Defs[0]] = It->second;
      Changed = true;
      return true;
    });
  }
  if (!Changed)
    return;
  for (auto &[To, Is] : Loads) {
    // Zero goes first in the entry block, before any use; elsewhere before
    // the terminators, after everything else the block computes.
    auto At = To == Entry ? To->Instrs.begin() : To->firstTerminator();
    To->Instrs.insert(At, std::make_move_iterator(Is.begin()),
                      std::make_move_iterator(Is.end()));
  }
  for (auto &B : MF.Blocks)
    for (MInstr &I : B->Instrs)
      for (unsigned &U : I.Uses)
        if (!isOutReg(U))
          U = Replace[U];
}

void zkc::codegen::reuseConstants(MFunction &MF) {
  hoistConstants(MF);
  std::vector<unsigned> NumDefs(MF.numVRegs());
  for (auto &B : MF.Blocks)
    for (MInstr &I : B->Instrs)
      for (unsigned D : I.Defs)
        if (!isOutReg(D))
          ++NumDefs[D];
  // A block with a single predecessor also sees the constants its
  // predecessor holds at its end (registers defined once, so still holding
  // them): the predecessor dominates it. This is what lets the fall-through
  // side of a compare-and-branch tree, which compares the same selector
  // constant again, reuse it.
  DenseMap<MBlock *, unsigned> NumPreds;
  DenseMap<MBlock *, MBlock *> OnlyPred;
  for (auto &B : MF.Blocks)
    for (MBlock *S : B->successors())
      if (++NumPreds[S] == 1)
        OnlyPred[S] = B.get();
  MBlock *Entry = MF.Blocks.front().get();
  std::map<MBlock *, std::map<ConstantKey, unsigned>> AtEnd;
  std::vector<unsigned> Replace(MF.numVRegs());
  for (unsigned R = 0; R < Replace.size(); ++R)
    Replace[R] = R;
  bool Changed = false;
  auto Visit = [&](MBlock *B) {
    std::map<ConstantKey, unsigned> &Seen = AtEnd[B];
    if (B != Entry && NumPreds.lookup(B) == 1)
      // Only a register defined once is known to hold its constant
      // wherever its block dominates.
      for (const auto &[Key, Reg] : AtEnd[OnlyPred[B]])
        if (NumDefs[Reg] == 1)
          Seen.emplace(Key, Reg);
    llvm::erase_if(B->Instrs, [&](MInstr &I) {
      if (!isConstantLoad(I) || isOutReg(I.Defs[0]) || MF.Fixed[I.Defs[0]] >= 0)
        return false;
      auto [It, New] = Seen.try_emplace({I.Opc, I.Imm, I.Sym}, I.Defs[0]);
      if (New)
        return false;
      Replace[I.Defs[0]] = It->second;
      Changed = true;
      return true;
    });
  };
  // Each block after its chain of single predecessors: walk up the chain to
  // a block already visited (or one without a single predecessor), then
  // visit down. A cycle of such blocks, unreachable from the entry, stops
  // the walk where it meets itself.
  DenseSet<MBlock *> Visited;
  for (auto &Start : MF.Blocks) {
    SmallVector<MBlock *, 8> Chain;
    for (MBlock *B = Start.get(); B && Visited.insert(B).second;
         B = B != Entry && NumPreds.lookup(B) == 1 ? OnlyPred[B] : nullptr)
      Chain.push_back(B);
    for (MBlock *B : llvm::reverse(Chain))
      Visit(B);
  }
  if (!Changed)
    return;
  for (auto &B : MF.Blocks)
    for (MInstr &I : B->Instrs)
      for (unsigned &U : I.Uses)
        if (!isOutReg(U))
          U = Replace[U];
}
