//===-- Trace.cpp - Writing execution traces -------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/VM/Trace.h"

#include <nlohmann/json.hpp>

using namespace zkc;
using namespace zkc::vm;

const char *zkc::vm::spaceName(Space S) {
  switch (S) {
  case Space::Frame:
    return "frame";
  case Space::Heap:
    return "heap";
  case Space::Calldata:
    return "calldata";
  case Space::Returndata:
    return "returndata";
  case Space::Code:
    return "code";
  case Space::Storage:
    return "storage";
  case Space::TransientStorage:
    return "transient";
  case Space::Stack:
    return "stack";
  }
  return "unknown";
}

void Trace::writeJSONLines(llvm::raw_ostream &OS) const {
  // Accesses are in the order they were made; a call's own accesses come
  // before and after its callee's, so group them by step.
  std::vector<std::vector<const MemoryAccess *>> ByStep(Steps.size());
  uint64_t FirstCycle = Steps.empty() ? 0 : Steps.front().Cycle;
  for (const MemoryAccess &A : Accesses) {
    uint64_t Index = A.Cycle - FirstCycle;
    if (Index < ByStep.size())
      ByStep[Index].push_back(&A);
  }
  for (size_t I = 0; I < Steps.size(); ++I) {
    const TraceStep &S = Steps[I];
    nlohmann::ordered_json J;
    J["cycle"] = S.Cycle;
    J["depth"] = S.Depth;
    J["context"] = S.Context;
    J["pc"] = S.Pc;
    J["fp"] = S.Fp;
    J["sp"] = S.Sp;
    J["op"] = std::string(getInstrInfo(S.Instr.Op).Mnemonic);
    J["a"] = S.Instr.A;
    J["b"] = S.Instr.B;
    J["c"] = S.Instr.C;
    J["imm"] = S.Instr.Imm;
    J["gas"] = S.GasBefore;
    auto &In = J["in"] = nlohmann::ordered_json::array();
    for (unsigned K = 0; K < S.NumIn; ++K)
      In.push_back(S.In[K].toHex());
    if (S.HasOut)
      J["out"] = S.Out.toHex();
    auto &Acc = J["mem"] = nlohmann::ordered_json::array();
    for (const MemoryAccess *A : ByStep[I]) {
      nlohmann::ordered_json M;
      M["space"] = spaceName(A->Where);
      M["write"] = A->IsWrite;
      M["addr"] = A->Address.toHex();
      M["size"] = A->Size;
      M["value"] = A->Value.toHex();
      if (A->Where == Space::Storage || A->Where == Space::TransientStorage)
        M["account"] = A->Account.toHex();
      Acc.push_back(std::move(M));
    }
    OS << J.dump() << "\n";
  }
}
