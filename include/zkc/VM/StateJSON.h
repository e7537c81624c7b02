//===-- zkc/VM/StateJSON.h - World state as JSON ----------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Loading and saving the emulator's world state and block environment as
// JSON (docs/zvm-run.md describes the schema). Saving is deterministic:
// accounts and storage slots are written in ascending order.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_VM_STATEJSON_H
#define ZKC_VM_STATEJSON_H

#include "zkc/VM/Emulator.h"

#include "llvm/Support/Error.h"

#include <string>

namespace zkc::vm {

/// Replaces E's state and block environment with those in Text.
llvm::Error loadStateJSON(Emulator &E, const std::string &Text);

/// loadStateJSON of the file at Path; errors name the path.
llvm::Error loadStateFile(Emulator &E, llvm::StringRef Path);

/// The state and block environment of E, pretty-printed.
std::string saveStateJSON(const Emulator &E);

} // namespace zkc::vm

#endif // ZKC_VM_STATEJSON_H
