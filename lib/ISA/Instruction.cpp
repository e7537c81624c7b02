//===-- Instruction.cpp - ZVM opcode lookup --------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/ISA/Instruction.h"

#include "llvm/ADT/StringMap.h"

using namespace zkc;

std::optional<Opcode> zkc::lookupMnemonic(std::string_view Mnemonic) {
  static const llvm::StringMap<Opcode> Map = [] {
    llvm::StringMap<Opcode> M;
#define ZVM_INSTR(Name, Mn, Code, Operands, Gas, Block, Flags)                 \
  M[Mn] = Opcode::Name;
#include "zkc/ISA/ZVMInstrs.def"
    return M;
  }();
  auto It = Map.find(llvm::StringRef(Mnemonic.data(), Mnemonic.size()));
  if (It == Map.end())
    return std::nullopt;
  return It->second;
}
