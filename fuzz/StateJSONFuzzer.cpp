//===-- StateJSONFuzzer.cpp - Fuzz the world-state JSON loader ------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Loads arbitrary text as a world state. Checks: no crash, and a state that
// loads saves to JSON that loads again and saves to the same text.
//
//===----------------------------------------------------------------------===//

#include "zkc/VM/StateJSON.h"

#include <cstdlib>

using namespace zkc::vm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  Emulator E;
  if (llvm::Error Err = loadStateJSON(E, Text)) {
    llvm::consumeError(std::move(Err));
    return 0;
  }
  std::string Saved = saveStateJSON(E);
  Emulator Again;
  if (llvm::Error Err = loadStateJSON(Again, Saved)) {
    llvm::consumeError(std::move(Err));
    std::abort(); // What we write must load.
  }
  if (saveStateJSON(Again) != Saved)
    std::abort(); // Saving is deterministic and loading is lossless.
  return 0;
}
