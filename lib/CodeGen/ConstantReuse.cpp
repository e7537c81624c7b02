//===-- ConstantReuse.cpp - One register per constant and block
//------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Selection materialises constants at each use, which keeps live ranges
// short across blocks but repeats `li rN, 0` (the base of every constant
// heap address) within one. Here a later `li`/`ldc` of a constant already
// loaded earlier in the same block reuses that register: the earlier
// definition dominates everything the later one reaches.
//
//===----------------------------------------------------------------------===//

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/DenseMap.h"

#include <map>

using namespace llvm;
using zkc::Opcode;
using namespace zkc::codegen;

void zkc::codegen::reuseConstants(MFunction &MF) {
  std::vector<unsigned> Replace(MF.numVRegs());
  for (unsigned R = 0; R < Replace.size(); ++R)
    Replace[R] = R;
  bool Changed = false;
  for (auto &B : MF.Blocks) {
    std::map<std::tuple<unsigned, int64_t, std::string>, unsigned> Seen;
    llvm::erase_if(B->Instrs, [&](MInstr &I) {
      bool IsConstant = I.Opc == static_cast<unsigned>(Opcode::Li) ||
                        I.Opc == static_cast<unsigned>(Opcode::Ldc);
      if (!IsConstant || isOutReg(I.Defs[0]) || MF.Fixed[I.Defs[0]] >= 0)
        return false;
      auto [It, New] = Seen.try_emplace({I.Opc, I.Imm, I.Sym}, I.Defs[0]);
      if (New)
        return false;
      Replace[I.Defs[0]] = It->second;
      Changed = true;
      return true;
    });
  }
  if (!Changed)
    return;
  for (auto &B : MF.Blocks)
    for (MInstr &I : B->Instrs)
      for (unsigned &U : I.Uses)
        if (!isOutReg(U))
          U = Replace[U];
}
