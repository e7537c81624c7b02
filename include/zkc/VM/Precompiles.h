//===-- zkc/VM/Precompiles.h - EVM precompiled contracts --------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The precompiled contracts at addresses 0x01..0x0a, answered by the emulator
// with the EVM's results and gas (Prague). Each is computed by a maintained
// library; those no available library provides are listed in
// docs/precompiles.md and fail like a call that runs out of gas.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_VM_PRECOMPILES_H
#define ZKC_VM_PRECOMPILES_H

#include "zkc/Support/Word.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace zkc::vm {

inline constexpr unsigned NumPrecompiles = 10;

enum class PrecompileStatus {
  /// Output is valid; GasUsed was charged.
  Success,
  /// Invalid input or not enough gas: the call fails and consumes all gas.
  Failure,
  /// The precompile exists on the EVM but zkc has no implementation: the
  /// call fails and consumes all gas (docs/precompiles.md).
  Unsupported,
};

struct PrecompileResult {
  PrecompileStatus Status = PrecompileStatus::Failure;
  uint64_t GasUsed = 0;
  std::vector<uint8_t> Output;
};

/// True for addresses 0x01 .. 0x0a.
inline bool isPrecompileAddress(const Word &Addr) {
  return Addr.fitsU64() && Addr.low() >= 1 && Addr.low() <= NumPrecompiles;
}

/// Runs precompile number Index (1..10) on Input with at most GasLimit gas.
PrecompileResult runPrecompile(unsigned Index, llvm::ArrayRef<uint8_t> Input,
                               uint64_t GasLimit);

} // namespace zkc::vm

#endif // ZKC_VM_PRECOMPILES_H
