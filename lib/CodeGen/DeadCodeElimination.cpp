//===-- DeadCodeElimination.cpp - Removes unused pure instructions
//---------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Selection emits some values that folding then leaves unused (an address
// computed for a GEP whose only users folded it into their immediates, a
// constant materialised for an operand that became an immediate). They go
// here, before liveness, so they cost neither registers nor cycles.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/Passes.h"

using namespace llvm;
using namespace zkc::codegen;

void zkc::codegen::eliminateDeadCode(MFunction &MF) {
  bool Changed = true;
  while (Changed) {
    Changed = false;
    std::vector<unsigned> Uses(MF.numVRegs(), 0);
    for (auto &B : MF.Blocks)
      for (MInstr &I : B->Instrs)
        for (unsigned U : I.Uses)
          if (!isOutReg(U))
            ++Uses[U];
    for (auto &B : MF.Blocks) {
      unsigned Before = B->Instrs.size();
      llvm::erase_if(B->Instrs, [&](MInstr &I) {
        if (!isPure(I) || I.isTerminator())
          return false;
        for (unsigned D : I.Defs)
          if (isOutReg(D) || Uses[D])
            return false;
        return true;
      });
      Changed |= B->Instrs.size() != Before;
    }
  }
}
