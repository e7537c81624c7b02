//===-- AsmEmitter.cpp - Prints ZVM assembly
//-------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Prints a function whose registers are window registers, in the syntax of
// docs/assembly.md, operands in the order of their letters in
// ZVMInstrs.def. Jumps to the next block are dropped, and a conditional
// branch to the next block is inverted so that the other side falls
// through.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/SmallPtrSet.h"

using namespace llvm;
using zkc::getInstrInfo;
using zkc::InstrInfo;
using zkc::Opcode;
using namespace zkc::codegen;

static void printInstr(const MFunction &MF, const MInstr &I, raw_ostream &OS) {
  const InstrInfo &Info = getInstrInfo(I.opcode());
  OS << "  " << Info.Mnemonic;
  unsigned NextDef = 0, NextUse = 0;
  bool First = true;
  for (char K : Info.Operands) {
    OS << (First ? " " : ", ");
    First = false;
    switch (K) {
    case 'd':
      OS << 'r' << I.Defs[NextDef++];
      break;
    case 's':
    case 'r':
      OS << 'r' << I.Uses[NextUse++];
      break;
    case 'w':
    case 'b':
      OS << 'r' << MF.FrameTop;
      break;
    case 'i':
    case 'u':
    case 'p':
      if (!I.Sym.empty())
        OS << I.Sym;
      else
        OS << I.Imm;
      break;
    case 't':
      if (I.Target)
        OS << I.Target->Label;
      else
        OS << I.Sym;
      break;
    }
  }
  OS << "\n";
}

void zkc::codegen::emitAssembly(const MFunction &MF, raw_ostream &OS) {
  // First the instructions that remain once fall-throughs are taken, then
  // labels for the blocks those still branch to.
  std::vector<std::vector<MInstr>> Emitted(MF.Blocks.size());
  SmallPtrSet<const MBlock *, 16> Targets;
  for (unsigned BI = 0; BI < MF.Blocks.size(); ++BI) {
    const MBlock &B = *MF.Blocks[BI];
    const MBlock *Next =
        BI + 1 < MF.Blocks.size() ? MF.Blocks[BI + 1].get() : nullptr;
    const std::vector<MInstr> &Is = B.Instrs;
    for (unsigned K = 0; K < Is.size(); ++K) {
      const MInstr &I = Is[K];
      bool IsJmp = I.Opc == static_cast<unsigned>(Opcode::Jmp);
      if (IsJmp && I.Target == Next)
        continue;
      // condbr T; jmp F with T next: branch to F on the opposite condition.
      if (I.isConditionalBranch() && K + 1 < Is.size() &&
          Is[K + 1].Opc == static_cast<unsigned>(Opcode::Jmp) &&
          I.Target == Next && Is[K + 1].Target != Next) {
        MInstr Inverted = I;
        Inverted.Opc = static_cast<unsigned>(invertBranch(I.opcode()));
        Inverted.Target = Is[K + 1].Target;
        Emitted[BI].push_back(std::move(Inverted));
        ++K;
        continue;
      }
      Emitted[BI].push_back(I);
    }
    for (const MInstr &I : Emitted[BI])
      if (I.Target)
        Targets.insert(I.Target);
  }

  OS << MF.Label << ":\n";
  for (unsigned BI = 0; BI < MF.Blocks.size(); ++BI) {
    if (BI && Targets.count(MF.Blocks[BI].get()))
      OS << MF.Blocks[BI]->Label << ":\n";
    for (const MInstr &I : Emitted[BI])
      printInstr(MF, I, OS);
  }
}
