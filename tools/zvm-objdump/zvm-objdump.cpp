//===-- zvm-objdump.cpp - Print the contents of .zbin objects -------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Disassembles .zbin objects (-d) and prints where each part lies in the file
// (-h). The reader validates every object fully; a corrupt or truncated file
// is reported with the byte offset at which it goes wrong.
//
//===----------------------------------------------------------------------===//

#include "zkc/MC/Disassembler.h"
#include "zkc/Support/CommandLine.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace po = boost::program_options;
using namespace zkc;

int main(int Argc, char **Argv) {
  ToolDescription Tool{
      "zvm-objdump", "[-d] [-h] FILE...",
      "Prints the contents of .zbin objects: -d disassembles them into "
      "assembly that zvm-as turns back into the same bytes, -h lists the "
      "byte offset and size of the code, constant pool, data sections, "
      "subobjects, relocations and metadata. FILE '-' reads standard input.",
      /*ShortHelp=*/false};
  po::options_description Options("options");
  Options.add_options()("disassemble,d", "print the objects as assembly")(
      "headers,h", "print the offset and size of every part")(
      "input", po::value<std::vector<std::string>>()->required(),
      "object files");
  po::positional_options_description Positional;
  Positional.add("input", -1);
  po::variables_map VM;
  if (std::optional<int> Exit =
          parseToolOptions(Argc, Argv, Tool, Options, Positional, VM))
    return *Exit;
  bool Disassemble = VM.count("disassemble"), ShowHeaders = VM.count("headers");
  if (!Disassemble && !ShowHeaders) {
    llvm::errs() << "zvm-objdump: error: nothing to do: give -d or -h\n";
    return ExitUsageError;
  }

  const auto &Inputs = VM["input"].as<std::vector<std::string>>();
  for (const std::string &Input : Inputs) {
    auto BufOrErr = llvm::MemoryBuffer::getFileOrSTDIN(Input);
    if (std::error_code EC = BufOrErr.getError()) {
      llvm::errs() << "zvm-objdump: error: " << Input << ": " << EC.message()
                   << "\n";
      return ExitInputError;
    }
    llvm::ArrayRef<uint8_t> Bytes(
        reinterpret_cast<const uint8_t *>((*BufOrErr)->getBufferStart()),
        (*BufOrErr)->getBufferSize());
    size_t Consumed = 0;
    llvm::Expected<Object> O = readObject(Bytes, &Consumed);
    if (!O) {
      llvm::outs().flush();
      llvm::errs() << "zvm-objdump: error: " << Input << ": "
                   << llvm::toString(O.takeError()) << "\n";
      return ExitInputError;
    }
    if (Inputs.size() > 1)
      llvm::outs() << Input << ":\n";
    if (ShowHeaders) {
      printHeaders(*O, llvm::outs());
      if (Consumed < Bytes.size())
        llvm::outs() << "  " << Bytes.size() - Consumed
                     << " bytes follow the object (constructor arguments)\n";
    }
    if (Disassemble)
      Disassembler().print(*O, llvm::outs());
  }
  return ExitSuccess;
}
