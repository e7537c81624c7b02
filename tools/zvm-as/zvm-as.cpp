//===-- zvm-as.cpp - The ZVM assembler ------------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Assembles one ZVM assembly file (docs/assembly.md) into a .zbin object
// (docs/object-format.md). All of the work is in lib/MC.
//
//===----------------------------------------------------------------------===//

#include "zkc/MC/Assembler.h"
#include "zkc/MC/Disassembler.h"
#include "zkc/Support/CommandLine.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace po = boost::program_options;
using namespace zkc;

int main(int Argc, char **Argv) {
  ToolDescription Tool{
      "zvm-as", "INPUT.s -o OUTPUT.zbin [--show-encoding]",
      "Assembles ZVM assembly into a .zbin object. INPUT '-' reads standard "
      "input, OUTPUT '-' writes standard output. --show-encoding prints each "
      "instruction with its 8-byte encoding."};
  po::options_description Options("options");
  Options.add_options()("input", po::value<std::string>()->required(),
                        "assembly file ('-' for standard input)")(
      "output,o", po::value<std::string>(), "object file to write")(
      "show-encoding", "print the instructions with their encodings");
  po::positional_options_description Positional;
  Positional.add("input", 1);
  po::variables_map VM;
  if (std::optional<int> Exit =
          parseToolOptions(Argc, Argv, Tool, Options, Positional, VM))
    return *Exit;

  std::string Input = VM["input"].as<std::string>();
  bool ShowEncoding = VM.count("show-encoding");
  if (!VM.count("output") && !ShowEncoding) {
    llvm::errs() << "zvm-as: error: no output: give -o FILE or "
                    "--show-encoding\n";
    return ExitUsageError;
  }

  if (ShowEncoding && VM.count("output") &&
      VM["output"].as<std::string>() == "-") {
    llvm::errs() << "zvm-as: error: --show-encoding and -o - would both write "
                    "to standard output\n";
    return ExitUsageError;
  }

  auto BufOrErr = llvm::MemoryBuffer::getFileOrSTDIN(Input, /*IsText=*/true);
  if (std::error_code EC = BufOrErr.getError()) {
    llvm::errs() << "zvm-as: error: " << Input << ": " << EC.message() << "\n";
    return ExitInputError;
  }
  llvm::SourceMgr SrcMgr;
  unsigned ID = SrcMgr.AddNewSourceBuffer(std::move(*BufOrErr), llvm::SMLoc());
  Assembler Asm(SrcMgr);
  std::optional<Object> O = Asm.assemble(ID);
  if (!O)
    return ExitInputError;
  llvm::Expected<std::vector<uint8_t>> Bytes = writeObject(*O);
  if (!Bytes) {
    llvm::errs() << "zvm-as: error: " << Input << ": "
                 << llvm::toString(Bytes.takeError()) << "\n";
    return ExitInputError;
  }

  if (ShowEncoding) {
    DisassemblerOptions Opts;
    Opts.ShowEncoding = true;
    Opts.Symbols = &Asm.symbols();
    Disassembler(Opts).print(*O, llvm::outs());
  }
  if (VM.count("output")) {
    std::string Output = VM["output"].as<std::string>();
    std::error_code EC;
    llvm::raw_fd_ostream OS(Output, EC, llvm::sys::fs::OF_None);
    if (EC) {
      llvm::errs() << "zvm-as: error: " << Output << ": " << EC.message()
                   << "\n";
      return ExitInputError;
    }
    OS.write(reinterpret_cast<const char *>(Bytes->data()), Bytes->size());
    OS.close();
    if (OS.has_error()) {
      llvm::errs() << "zvm-as: error: " << Output << ": "
                   << OS.error().message() << "\n";
      OS.clear_error();
      return ExitInputError;
    }
  }
  return ExitSuccess;
}
