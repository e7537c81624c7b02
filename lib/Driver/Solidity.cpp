//===-- Solidity.cpp - Solidity input through solc ------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Solidity.h"

#include "zkc/Solc/Settings.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace zkc;

static llvm::Error makeError(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

nlohmann::json zkc::solcLibrariesSetting(const LibraryMap &Libraries) {
  nlohmann::json Setting = nlohmann::json::object();
  for (const auto &[Symbol, Address] : Libraries) {
    auto [File, Lib] = llvm::StringRef(Symbol).rsplit(':');
    uint8_t Bytes[32];
    Address.toBigEndian(Bytes);
    Setting[File.str()][Lib.str()] =
        "0x" + llvm::toHex(llvm::ArrayRef<uint8_t>(Bytes + 12, 20),
                           /*LowerCase=*/true);
  }
  return Setting;
}

llvm::Expected<std::vector<CompiledContract>>
zkc::compileSolidity(llvm::ArrayRef<std::string> Files,
                     const CompileOptions &Opts, const SolidityOptions &SolOpts,
                     llvm::raw_ostream &Diags) {
  llvm::Expected<solc::Compiler> Solc = solc::Compiler::find(SolOpts.Solc);
  if (!Solc)
    return Solc.takeError();

  // The sources are read here, so that their contents are part of the
  // cache key; imports are read by solc through the import paths.
  nlohmann::json Sources = nlohmann::json::object();
  for (const std::string &F : Files) {
    auto Buf = llvm::MemoryBuffer::getFile(F, /*IsText=*/true);
    if (!Buf)
      return makeError(F + ": " + Buf.getError().message());
    Sources[F] = {{"content", (*Buf)->getBuffer().str()}};
  }
  nlohmann::json Settings = solc::yulIRSettings({"evm.methodIdentifiers"});
  if (!Opts.Libraries.empty())
    Settings["libraries"] = solcLibrariesSetting(Opts.Libraries);
  if (!SolOpts.EVMVersion.empty())
    Settings["evmVersion"] = SolOpts.EVMVersion;
  nlohmann::json Input = {
      {"language", "Solidity"}, {"sources", Sources}, {"settings", Settings}};
  llvm::Expected<nlohmann::json> Output = Solc->compile(Input, SolOpts.Paths);
  if (!Output)
    return Output.takeError();

  bool Failed = false;
  if (Output->contains("errors"))
    for (const nlohmann::json &E : (*Output)["errors"]) {
      Diags << llvm::StringRef(
                   E.value("formattedMessage", E.value("message", "")))
                   .rtrim()
            << "\n\n";
      Failed |= E.value("severity", "") == "error";
    }
  if (Failed)
    return makeError("solc reported errors");

  std::vector<CompiledContract> Result;
  if (!Output->contains("contracts"))
    return Result;
  // Sorted by source unit, then by contract name, as solc prints them.
  for (const auto &[Unit, Contracts] : (*Output)["contracts"].items())
    for (const auto &[Name, C] : Contracts.items()) {
      std::string Yul = C.value("irOptimized", "");
      if (Yul.empty()) // interfaces and abstract contracts have no code
        continue;
      Compilation Comp(Yul, Unit + ":" + Name + ".yul", Opts, Diags);
      if (!Comp.compile())
        return makeError("cannot compile " + Unit + ":" + Name);
      CompiledContract R = Comp.result();
      R.Name = Unit + ":" + Name;
      Result.push_back(std::move(R));
    }
  return Result;
}
