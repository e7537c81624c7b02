//===-- ZbinLoaderFuzzer.cpp - Fuzz the .zbin reader ----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Feeds arbitrary bytes to readObject. It must never crash, hang or allocate
// without bound. An object it accepts must be canonical: writing it back
// gives exactly the bytes it was read from. Its disassembly must assemble to
// the same object too, unless two of its data sections or subobjects share a
// name, which the format allows but assembly rejects (@dataoffset and
// @datasize would be ambiguous).
//
//===----------------------------------------------------------------------===//

#include "zkc/MC/Assembler.h"
#include "zkc/MC/Disassembler.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace zkc;

[[noreturn]] static void fail(const char *What, const std::string &Detail) {
  llvm::errs() << "ZbinLoaderFuzzer: " << What << "\n" << Detail << "\n";
  llvm::errs().flush();
  std::abort();
}

static bool hasUniquePartNames(const Object &O) {
  llvm::StringSet<> Names;
  for (const DataSection &D : O.Data)
    if (!Names.insert(D.Name).second)
      return false;
  for (const Object &Sub : O.Subobjects)
    if (!Names.insert(Sub.Name).second || !hasUniquePartNames(Sub))
      return false;
  return true;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::ArrayRef<uint8_t> Input(Data, Size);
  size_t Consumed = 0;
  llvm::Expected<Object> O = readObject(Input, &Consumed);
  if (!O) {
    llvm::consumeError(O.takeError());
    llvm::Expected<Program> P = readProgram(Input);
    if (P)
      fail("readProgram accepts what readObject rejects", "");
    llvm::consumeError(P.takeError());
    return 0;
  }
  if (Consumed == 0 || Consumed > Size)
    fail("consumed size out of range", std::to_string(Consumed));

  llvm::Expected<std::vector<uint8_t>> Bytes = writeObject(*O);
  if (!Bytes)
    fail("loaded object does not serialize", llvm::toString(Bytes.takeError()));
  if (*Bytes != std::vector<uint8_t>(Data, Data + Consumed))
    fail("loaded object does not rewrite to the same bytes", "");
  if (computeLayout(*O).TotalSize != Consumed)
    fail("computeLayout disagrees with the reader", "");

  printHeaders(*O, llvm::nulls());
  if (!hasUniquePartNames(*O))
    return 0;
  std::string Text = Disassembler().toString(*O);
  std::string Diags;
  llvm::raw_string_ostream DiagOS(Diags);
  std::optional<Object> Again = assembleText(Text, DiagOS, "<disassembly>");
  if (!Again)
    fail("disassembly does not assemble", Text + Diags);
  if (!(*Again == *O))
    fail("disassembly assembles to a different object", Text);
  return 0;
}
