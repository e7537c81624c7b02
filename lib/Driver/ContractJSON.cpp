//===-- ContractJSON.cpp - A contract's code as JSON ----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/ContractJSON.h"
#include "zkc/Driver/OutputSelection.h"

#include "zkc/Config.h"
#include "zkc/Support/Hex.h"

#include <map>

using namespace zkc;
using llvm::StringRef;

/// Pool slots are 32-byte big-endian words; an address is the low 20 bytes.
static constexpr uint64_t SlotSize = 32, AddressSize = 20;

/// The byte offsets, in the serialized O placed at Base, of the pool slots
/// relocated with Kind, by symbol. With OnlyUnfilled, only slots holding 0.
static void collectSlots(const Object &O, uint64_t Base,
                         Relocation::KindTy Kind, bool OnlyUnfilled,
                         std::map<std::string, std::vector<uint64_t>> &Out) {
  ObjectLayout L = computeLayout(O);
  for (const Relocation &R : O.Relocs) {
    if (R.Kind != Kind || R.Slot >= O.Pool.size())
      continue;
    if (OnlyUnfilled && !O.Pool[R.Slot].isZero())
      continue;
    Out[R.Symbol].push_back(Base + L.PoolOffset + SlotSize * R.Slot);
  }
  for (size_t I = 0; I < O.Subobjects.size(); ++I)
    collectSlots(O.Subobjects[I], Base + L.SubobjectOffsets[I], Kind,
                 OnlyUnfilled, Out);
}

nlohmann::json zkc::linkReferences(const Object &O) {
  std::map<std::string, std::vector<uint64_t>> Slots;
  collectSlots(O, 0, Relocation::Library, /*OnlyUnfilled=*/true, Slots);
  nlohmann::json Refs = nlohmann::json::object();
  for (const auto &[Symbol, Offsets] : Slots) {
    // "file.sol:Lib"; file names may contain ':' themselves.
    auto [File, Lib] = StringRef(Symbol).rsplit(':');
    nlohmann::json &List = Refs[File.str()][Lib.str()];
    List = nlohmann::json::array();
    for (uint64_t Off : Offsets)
      List.push_back(
          {{"start", Off + SlotSize - AddressSize}, {"length", AddressSize}});
  }
  return Refs;
}

/// solc's immutableReferences: {"<name>": [{"start": N, "length": 32}]}.
static nlohmann::json immutableReferences(const Object &O) {
  std::map<std::string, std::vector<uint64_t>> Slots;
  collectSlots(O, 0, Relocation::Immutable, /*OnlyUnfilled=*/false, Slots);
  nlohmann::json Refs = nlohmann::json::object();
  for (const auto &[Symbol, Offsets] : Slots) {
    nlohmann::json &List = Refs[Symbol];
    List = nlohmann::json::array();
    for (uint64_t Off : Offsets)
      List.push_back({{"start", Off}, {"length", SlotSize}});
  }
  return Refs;
}

/// The runtime object inside Root and its byte range in Root's bytes: the
/// subobject named "<root>_deployed", else the first, else Root itself, as
/// the linker chooses where the metadata hash goes (docs/driver.md).
static std::pair<const Object *, std::pair<uint64_t, uint64_t>>
runtimeOf(const Object &Root, size_t RootSize) {
  if (Root.Subobjects.empty())
    return {&Root, {0, RootSize}};
  size_t Index = 0;
  for (size_t I = 0; I < Root.Subobjects.size(); ++I)
    if (Root.Subobjects[I].Name == Root.Name + "_deployed") {
      Index = I;
      break;
    }
  ObjectLayout L = computeLayout(Root);
  return {&Root.Subobjects[Index],
          {L.SubobjectOffsets[Index], L.SubobjectSizes[Index]}};
}

void zkc::addContractOutputs(nlohmann::json &Contract,
                             const CompiledContract &C,
                             const CompileOptions &Opts,
                             const nlohmann::json &Selection, StringRef File,
                             StringRef Name) {
  auto Wants = [&](StringRef Output) {
    return isSelected(Selection, File, Name, Output);
  };
  // The fields solc gives for EVM code that have no ZVM meaning are
  // present, when asked for, and empty, so that tools that expect them
  // find them.
  auto AddCode = [&](StringRef Key, const Object &O,
                     llvm::ArrayRef<uint8_t> Bytes, bool Deployed) {
    std::string Prefix = "evm." + Key.str() + ".";
    nlohmann::json Code = nlohmann::json::object();
    if (Wants(Prefix + "object"))
      Code["object"] = toHexString(Bytes.data(), Bytes.size(), false);
    if (Wants(Prefix + "linkReferences"))
      Code["linkReferences"] = linkReferences(O);
    if (Deployed && Wants(Prefix + "immutableReferences"))
      Code["immutableReferences"] = immutableReferences(O);
    if (Wants(Prefix + "opcodes"))
      Code["opcodes"] = "";
    if (Wants(Prefix + "sourceMap"))
      Code["sourceMap"] = "";
    if (Wants(Prefix + "functionDebugData"))
      Code["functionDebugData"] = nlohmann::json::object();
    if (Wants(Prefix + "generatedSources"))
      Code["generatedSources"] = nlohmann::json::array();
    if (!Deployed && Wants(Prefix + "zvm.assembly"))
      Code["zvm"]["assembly"] = C.Assembly;
    if (!Code.empty())
      Contract["evm"][Key.str()] = std::move(Code);
  };
  AddCode("bytecode", C.Obj, C.Bytes, /*Deployed=*/false);
  auto [Runtime, Range] = runtimeOf(C.Obj, C.Bytes.size());
  AddCode("deployedBytecode", *Runtime,
          llvm::ArrayRef<uint8_t>(C.Bytes).slice(Range.first, Range.second),
          /*Deployed=*/true);

  if (Wants("zvm")) {
    nlohmann::json Z = {{"compiler", std::string("zkc ") + ZKC_VERSION},
                        {"objectName", C.Name},
                        {"optimization", optLevelName(Opts.Opt).str()}};
    Z["metadataHash"] =
        Runtime->Metadata.empty()
            ? nlohmann::json()
            : nlohmann::json(toHexString(Runtime->Metadata, false));
    Z["unlinkedLibraries"] = C.UnlinkedLibraries;
    Contract["zvm"] = std::move(Z);
  }
}
