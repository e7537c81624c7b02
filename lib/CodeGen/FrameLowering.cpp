//===-- FrameLowering.cpp - Window layout and pseudo expansion ------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The frame of a function is its register window (docs/codegen.md):
//
//   r0 .. rP-1             parameters on entry, results on return
//   r0 .. rT-1             registers the allocator assigned (T: frame top)
//   rT .. rT+O-1           outgoing block: call arguments and results,
//                          operands of log/call/create; rT is also the
//                          scratch register of parallel copies
//
// `fcall rT, f` makes rT the callee's r0, so nothing of this frame below
// rT needs saving. Once T is known this rewrites every register operand to
// its window register and expands parallel copies and returns into moves.
//
// Memory a function needs (frame objects, spill slots) is its stack frame,
// the F bytes below the stack pointer that `enter F` reserves on entry;
// fcall saves the stack pointer and fret restores it, so nothing is needed
// on return. Frame offsets become sp-relative: offset X is sp - F + X.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;
using zkc::NumWindowRegisters;
using zkc::Opcode;
using namespace zkc::codegen;

namespace {

MInstr move(unsigned Dst, unsigned Src) {
  MInstr M(static_cast<unsigned>(Opcode::Mov));
  M.Defs.push_back(Dst);
  M.Uses.push_back(Src);
  return M;
}

/// Orders the moves Dst[i] = Src[i] (all at once) so that no source is
/// overwritten before it is read; cycles go through Scratch.
void sequentialize(SmallVector<std::pair<unsigned, unsigned>, 8> Pending,
                   unsigned Scratch, std::vector<MInstr> &Out) {
  llvm::erase_if(Pending, [](auto &P) { return P.first == P.second; });
  while (!Pending.empty()) {
    auto Ready = llvm::find_if(Pending, [&](auto &P) {
      return llvm::none_of(Pending,
                           [&](auto &Q) { return Q.second == P.first; });
    });
    if (Ready != Pending.end()) {
      Out.push_back(move(Ready->first, Ready->second));
      Pending.erase(Ready);
      continue;
    }
    // Only cycles are left: free one destination by saving its old value.
    unsigned Saved = Pending.front().first;
    Out.push_back(move(Scratch, Saved));
    for (auto &P : Pending)
      if (P.second == Saved)
        P.second = Scratch;
    llvm::erase_if(Pending, [](auto &P) { return P.first == P.second; });
  }
}

} // namespace

Error zkc::codegen::lowerFrame(MFunction &MF) {
  unsigned Top = std::max(MF.NumParams, MF.NumResults);
  for (int A : MF.Assigned)
    Top = std::max(Top, unsigned(A) + 1);
  unsigned Out = std::max(MF.MaxOutRegs, 1u);
  if (Top + Out > NumWindowRegisters)
    return createStringError(inconvertibleErrorCode(),
                             "in function '" + MF.Name + "': the frame needs " +
                                 Twine(Top + Out) +
                                 " registers, more than a window's 256");
  MF.FrameTop = Top;

  uint64_t FrameBytes = MF.frameBytes();
  if (FrameBytes > zkc::MaxFrameBytes)
    return createStringError(inconvertibleErrorCode(),
                             "in function '" + MF.Name +
                                 "': the stack frame needs " +
                                 Twine(FrameBytes) + " bytes, more than " +
                                 Twine(zkc::MaxFrameBytes));

  auto Phys = [&](unsigned R) {
    return isOutReg(R) ? Top + (R - FirstOutReg) : unsigned(MF.Assigned[R]);
  };
  for (auto &B : MF.Blocks) {
    std::vector<MInstr> NewInstrs;
    NewInstrs.reserve(B->Instrs.size());
    for (MInstr &I : B->Instrs) {
      for (unsigned &D : I.Defs)
        D = Phys(D);
      for (unsigned &U : I.Uses)
        U = Phys(U);
      if (I.Opc == PCopy) {
        SmallVector<std::pair<unsigned, unsigned>, 8> Moves;
        for (auto [D, S] : zip(I.Defs, I.Uses))
          Moves.push_back({D, S});
        sequentialize(Moves, Top, NewInstrs);
        continue;
      }
      if (I.Opc == Ret) {
        SmallVector<std::pair<unsigned, unsigned>, 8> Moves;
        for (auto [Idx, S] : enumerate(I.Uses))
          Moves.push_back({unsigned(Idx), S});
        sequentialize(Moves, Top, NewInstrs);
        NewInstrs.emplace_back(
            static_cast<unsigned>(MF.IsEntry ? Opcode::Stop : Opcode::FRet));
        continue;
      }
      if (I.Opc == static_cast<unsigned>(Opcode::Mov) && I.Defs[0] == I.Uses[0])
        continue;
      if (I.Opc == static_cast<unsigned>(Opcode::SpLd) ||
          I.Opc == static_cast<unsigned>(Opcode::SpSt) ||
          I.Opc == static_cast<unsigned>(Opcode::SpAddr))
        I.Imm -= int64_t(FrameBytes);
      NewInstrs.push_back(std::move(I));
    }
    B->Instrs = std::move(NewInstrs);
  }
  if (FrameBytes) {
    // The entry block has no predecessors (LLVM's entry block has none), so
    // this runs once per call.
    MInstr Enter(static_cast<unsigned>(Opcode::Enter));
    Enter.Imm = int64_t(FrameBytes);
    auto &Entry = MF.Blocks.front()->Instrs;
    Entry.insert(Entry.begin(), std::move(Enter));
  }
  return Error::success();
}
