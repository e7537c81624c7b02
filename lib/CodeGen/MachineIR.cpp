//===-- MachineIR.cpp - The ZVM code generator's IR
//------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/MachineIR.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"

using zkc::getInstrInfo;
using zkc::Opcode;
using namespace zkc::codegen;

bool MInstr::isBranch() const {
  if (isPseudo())
    return false;
  switch (opcode()) {
  case Opcode::Jmp:
  case Opcode::Jnz:
  case Opcode::Jz:
  case Opcode::Beq:
  case Opcode::Bne:
  case Opcode::Bltu:
  case Opcode::Bgeu:
  case Opcode::Blt:
  case Opcode::Bge:
    return true;
  default:
    return false;
  }
}

bool MInstr::isConditionalBranch() const {
  return isBranch() && opcode() != Opcode::Jmp;
}

bool MInstr::isTerminator() const {
  if (Opc == Ret)
    return true;
  if (isPseudo())
    return false;
  if (isBranch())
    return true;
  switch (opcode()) {
  case Opcode::Invalid:
  case Opcode::Stop:
  case Opcode::Return:
  case Opcode::Revert:
    return true;
  default:
    return false;
  }
}

llvm::SmallVector<MBlock *, 2> MBlock::successors() const {
  llvm::SmallVector<MBlock *, 2> Succs;
  for (const MInstr &I : Instrs)
    if (I.Target && llvm::find(Succs, I.Target) == Succs.end())
      Succs.push_back(I.Target);
  return Succs;
}

Opcode zkc::codegen::invertBranch(Opcode Op) {
  switch (Op) {
  case Opcode::Jnz:
    return Opcode::Jz;
  case Opcode::Jz:
    return Opcode::Jnz;
  case Opcode::Beq:
    return Opcode::Bne;
  case Opcode::Bne:
    return Opcode::Beq;
  case Opcode::Bltu:
    return Opcode::Bgeu;
  case Opcode::Bgeu:
    return Opcode::Bltu;
  case Opcode::Blt:
    return Opcode::Bge;
  case Opcode::Bge:
    return Opcode::Blt;
  default:
    llvm_unreachable("not a conditional branch");
  }
}

bool zkc::codegen::isPure(const MInstr &I) {
  if (I.isPseudo())
    return I.Opc == PCopy;
  uint8_t Code = static_cast<uint8_t>(I.opcode());
  // Moves, constants and the arithmetic, comparison and bitwise groups
  // (0x10..0x13, 0x20..0x4e) only write their destination. exp is left out:
  // its dynamic gas is observable.
  if (I.opcode() == Opcode::Exp)
    return false;
  if (I.opcode() == Opcode::SpAddr)
    return true;
  return (Code >= 0x10 && Code <= 0x13) || (Code >= 0x20 && Code <= 0x4e);
}

void MFunction::print(llvm::raw_ostream &OS) const {
  OS << "function " << Name << " (" << NumParams << " params, " << NumResults
     << " results)\n";
  for (const auto &B : Blocks) {
    OS << B->Label << ":\n";
    for (const MInstr &I : B->Instrs) {
      OS << "  ";
      if (I.Opc == PCopy)
        OS << "pcopy";
      else if (I.Opc == Ret)
        OS << "ret";
      else
        OS << getInstrInfo(I.opcode()).Mnemonic;
      auto PrintReg = [&](unsigned R) {
        if (isOutReg(R))
          OS << " out" << R - FirstOutReg;
        else
          OS << " %" << R;
      };
      for (unsigned D : I.Defs)
        PrintReg(D);
      if (!I.Defs.empty())
        OS << " =";
      for (unsigned U : I.Uses)
        PrintReg(U);
      if (!I.Sym.empty())
        OS << " " << I.Sym;
      else
        OS << " #" << I.Imm;
      if (I.Target)
        OS << " -> " << I.Target->Label;
      OS << "\n";
    }
  }
}
