//===-- RegAllocVerifier.cpp - Checks a register assignment ---------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Independent of the allocator's own reasoning (intervals), this tracks
// along every path which virtual register each window register holds: a
// forward dataflow whose state maps registers to the value last written to
// them, meeting to "unknown" where predecessors disagree. Every read must
// find its own value in its register; a read that finds another one means
// a live value was clobbered. Spill slots are tracked the same way: a spill
// store puts the spilled value (MInstr::SpillOf) in its slot, and a reload
// must find that value there, so a slot shared by two values that are live
// at once, or a reload from the wrong slot, is caught too.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/DenseMap.h"

using namespace llvm;
using namespace zkc::codegen;

namespace {

/// What a register holds: a virtual register, or one of these.
constexpr int Unknown = -1;
constexpr int Unvisited = -2;

using State = std::vector<int>;

void meet(State &Into, const State &From) {
  for (unsigned R = 0; R < Into.size(); ++R) {
    if (Into[R] == Unvisited)
      Into[R] = From[R];
    else if (From[R] != Unvisited && Into[R] != From[R])
      Into[R] = Unknown;
  }
}

} // namespace

Error zkc::codegen::verifyRegisterAllocation(const MFunction &MF) {
  if (MF.Blocks.empty())
    return Error::success();
  unsigned NumBlocks = MF.Blocks.size();
  unsigned K = MF.allocatableRegs();
  if (MF.Assigned.size() != MF.numVRegs())
    return createStringError(inconvertibleErrorCode(),
                             "function '" + MF.Name +
                                 "': registers were not allocated");
  for (unsigned V = 0; V < MF.numVRegs(); ++V) {
    if (MF.Assigned[V] < 0 || unsigned(MF.Assigned[V]) >= K)
      return createStringError(inconvertibleErrorCode(),
                               "function '" + MF.Name + "': %" + Twine(V) +
                                   " has no register of the window");
    if (MF.Fixed[V] >= 0 && MF.Fixed[V] != MF.Assigned[V])
      return createStringError(inconvertibleErrorCode(),
                               "function '" + MF.Name + "': %" + Twine(V) +
                                   " must be in r" + Twine(MF.Fixed[V]) +
                                   " but is in r" + Twine(MF.Assigned[V]));
  }

  // Registers 0..K-1, then the spill slots.
  unsigned NumCells = K + MF.NumSpillSlots;
  auto SlotCell = [&](const MInstr &I) -> int {
    if (I.SpillOf < 0 || (I.Opc != unsigned(zkc::Opcode::SpLd) &&
                          I.Opc != unsigned(zkc::Opcode::SpSt)))
      return -1;
    int64_t Off = I.Imm - int64_t(MF.alignedObjectBytes());
    if (Off < 0 || Off % 32 || Off / 32 >= MF.NumSpillSlots)
      return -2;
    return K + Off / 32;
  };
  std::vector<State> In(NumBlocks, State(NumCells, Unvisited));
  // Parameters are in their registers on entry; nothing else is known.
  State &Entry = In[MF.Blocks.front()->Number];
  std::fill(Entry.begin(), Entry.end(), Unknown);
  for (unsigned V = 0; V < MF.numVRegs(); ++V)
    if (MF.Fixed[V] >= 0)
      Entry[MF.Fixed[V]] = V;

  std::vector<bool> Queued(NumBlocks, false);
  std::vector<const MBlock *> Work{MF.Blocks.front().get()};
  Queued[MF.Blocks.front()->Number] = true;
  while (!Work.empty()) {
    const MBlock *B = Work.back();
    Work.pop_back();
    Queued[B->Number] = false;
    State S = In[B->Number];
    for (const MInstr &I : B->Instrs) {
      int Cell = SlotCell(I);
      if (Cell == -2)
        return createStringError(inconvertibleErrorCode(),
                                 "function '" + MF.Name + "', block " +
                                     B->Label + ": a spill of value " +
                                     Twine(I.SpillOf) +
                                     " addresses no spill slot");
      if (Cell >= 0 && I.Opc == unsigned(zkc::Opcode::SpLd) &&
          S[Cell] != I.SpillOf) {
        std::string Held = S[Cell] == Unknown
                               ? std::string("an unknown value")
                               : "spilled value " + std::to_string(S[Cell]);
        return createStringError(inconvertibleErrorCode(),
                                 "function '" + MF.Name + "', block " +
                                     B->Label + ": spilled value " +
                                     Twine(I.SpillOf) +
                                     " is reloaded from slot " +
                                     Twine(Cell - K) + ", which holds " + Held);
      }
      for (unsigned U : I.Uses) {
        if (isOutReg(U))
          continue;
        int R = MF.Assigned[U];
        if (S[R] != int(U)) {
          std::string Held = S[R] == Unknown ? std::string("an unknown value")
                                             : "%" + std::to_string(S[R]);
          return createStringError(inconvertibleErrorCode(),
                                   "function '" + MF.Name + "', block " +
                                       B->Label + ": %" + Twine(U) +
                                       " is read from r" + Twine(R) +
                                       ", which holds " + Held);
        }
      }
      // Parallel copies write after reading everything; the other
      // instructions have at most one definition.
      for (unsigned D : I.Defs)
        if (!isOutReg(D))
          S[MF.Assigned[D]] = D;
      if (Cell >= 0 && I.Opc == unsigned(zkc::Opcode::SpSt))
        S[Cell] = I.SpillOf;
    }
    for (MBlock *Succ : B->successors()) {
      State Old = In[Succ->Number];
      meet(In[Succ->Number], S);
      if (In[Succ->Number] != Old && !Queued[Succ->Number]) {
        Queued[Succ->Number] = true;
        Work.push_back(Succ);
      }
    }
  }
  return Error::success();
}
