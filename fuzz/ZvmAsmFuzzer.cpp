//===-- ZvmAsmFuzzer.cpp - Fuzz the ZVM assembler -------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Feeds arbitrary text to the assembler. It must never crash, hang or
// allocate without bound; and whatever it accepts must serialize, load back
// as the same object, and survive a trip through the disassembler and the
// assembler again with identical bytes.
//
//===----------------------------------------------------------------------===//

#include "zkc/MC/Assembler.h"
#include "zkc/MC/Disassembler.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace zkc;

[[noreturn]] static void fail(const char *What, const std::string &Detail) {
  llvm::errs() << "ZvmAsmFuzzer: " << What << "\n" << Detail << "\n";
  llvm::errs().flush();
  std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Source(reinterpret_cast<const char *>(Data), Size);
  std::optional<Object> O = assembleText(Source, llvm::nulls());
  if (!O)
    return 0;

  llvm::Expected<std::vector<uint8_t>> Bytes = writeObject(*O);
  if (!Bytes)
    fail("assembled object does not serialize",
         llvm::toString(Bytes.takeError()));
  llvm::Expected<Object> Loaded = readObject(*Bytes);
  if (!Loaded)
    fail("assembled object does not load", llvm::toString(Loaded.takeError()));
  if (!(*Loaded == *O))
    fail("loaded object differs from the assembled one", "");

  std::string Text = Disassembler().toString(*O);
  std::string Diags;
  llvm::raw_string_ostream DiagOS(Diags);
  std::optional<Object> Again = assembleText(Text, DiagOS, "<disassembly>");
  if (!Again)
    fail("disassembly does not assemble", Text + Diags);
  llvm::Expected<std::vector<uint8_t>> BytesAgain = writeObject(*Again);
  if (!BytesAgain || *BytesAgain != *Bytes)
    fail("disassembly reassembles to different bytes", Text);
  return 0;
}
