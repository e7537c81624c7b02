//===-- CombinedJSON.cpp - solc's --combined-json -------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/CombinedJSON.h"
#include "zkc/Driver/Solidity.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace zkc;
using llvm::StringRef;
using json = nlohmann::json;

namespace {
/// A combined JSON field and the Standard JSON output it is taken from.
struct Field {
  const char *Name;
  const char *Output;
};
} // namespace

static constexpr Field Fields[] = {
    {"abi", "abi"},
    {"asm", "evm.bytecode.zvm.assembly"},
    {"bin", "evm.bytecode.object"},
    {"bin-runtime", "evm.deployedBytecode.object"},
    {"hashes", "evm.methodIdentifiers"},
    {"metadata", "metadata"},
    {"storage-layout", "storageLayout"},
};

static const Field *findField(StringRef Name) {
  for (const Field &F : Fields)
    if (Name == F.Name)
      return &F;
  return nullptr;
}

llvm::ArrayRef<const char *> zkc::combinedJSONFields() {
  static const std::vector<const char *> Names = [] {
    std::vector<const char *> N;
    for (const Field &F : Fields)
      N.push_back(F.Name);
    return N;
  }();
  return Names;
}

llvm::Expected<std::vector<std::string>>
zkc::parseCombinedJSONFields(StringRef Text) {
  llvm::SmallVector<StringRef, 8> Parts;
  Text.split(Parts, ',', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (StringRef P : Parts) {
    P = P.trim();
    if (!findField(P))
      return llvm::createStringError(
          "invalid option to --combined-json: " + P + " (zkc supports " +
          llvm::join(combinedJSONFields(), ",") + ")");
    Result.push_back(P.str());
  }
  if (Result.empty())
    return llvm::createStringError("--combined-json needs at least one field");
  return Result;
}

/// The value at a dotted path of a contract's Standard JSON output.
static const json *lookup(const json &Contract, StringRef Path) {
  const json *J = &Contract;
  llvm::SmallVector<StringRef, 4> Parts;
  Path.split(Parts, '.');
  for (StringRef P : Parts) {
    if (!J->is_object() || !J->contains(P.str()))
      return nullptr;
    J = &(*J)[P.str()];
  }
  return J;
}

std::optional<json> zkc::compileCombinedJSON(llvm::ArrayRef<std::string> Files,
                                             llvm::ArrayRef<std::string> Names,
                                             const CompileOptions &CO,
                                             const std::string &EVMVersion,
                                             const StandardJSONOptions &Opts,
                                             llvm::raw_ostream &Diags) {
  json Sources = json::object();
  for (const std::string &F : Files) {
    auto Buf = llvm::MemoryBuffer::getFile(F, /*IsText=*/true);
    if (!Buf) {
      Diags << "Error: " << F << ": " << Buf.getError().message() << "\n";
      return std::nullopt;
    }
    Sources[F] = {{"content", (*Buf)->getBuffer().str()}};
  }
  json Outputs = json::array();
  for (const std::string &N : Names)
    Outputs.push_back(findField(N)->Output);
  json Settings = {{"outputSelection", {{"*", {{"*", Outputs}}}}},
                   {"libraries", solcLibrariesSetting(CO.Libraries)},
                   {"zkc", {{"optimization", optLevelName(CO.Opt).str()}}}};
  if (!CO.MetadataHash)
    Settings["metadata"] = {{"bytecodeHash", "none"}};
  if (!EVMVersion.empty())
    Settings["evmVersion"] = EVMVersion;
  json Output = compileStandardJSON(json{{"language", "Solidity"},
                                         {"sources", Sources},
                                         {"settings", Settings}},
                                    Opts);

  bool Failed = false;
  for (const json &E : Output.value("errors", json::array())) {
    Diags << StringRef(E.value("formattedMessage", E.value("message", "")))
                 .rtrim()
          << "\n\n";
    Failed |= E.value("severity", "") == "error";
  }
  if (Failed)
    return std::nullopt;

  json Contracts = json::object();
  const json Compiled = Output.value("contracts", json::object());
  for (const auto &[File, PerFile] : Compiled.items())
    for (const auto &[Name, Contract] : PerFile.items()) {
      json Entry = json::object();
      for (const std::string &N : Names) {
        const json *V = lookup(Contract, findField(N)->Output);
        // solc gives every field asked for; code is empty for interfaces.
        Entry[N] = V ? *V : json("");
      }
      Contracts[File + ":" + Name] = std::move(Entry);
    }
  json Result = {{"contracts", Contracts}};
  llvm::Expected<solc::Compiler> Solc = solc::Compiler::find(Opts.Solc);
  if (Solc)
    if (llvm::Expected<std::string> V = Solc->version())
      Result["version"] = *V;
    else
      llvm::consumeError(V.takeError());
  else
    llvm::consumeError(Solc.takeError());
  return Result;
}
