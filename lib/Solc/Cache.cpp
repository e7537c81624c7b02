//===-- Cache.cpp - Compiling with solc, cached by content ----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A cache entry is a JSON file named by the key hash:
//   {"output": <solc's output>,
//    "imports": [{"name": N, "path": P, "hash": H}, ...]}
// where the imports are the source units solc read from files (those in the
// output's "sources" that the input did not give as content), resolved as
// solc resolves them, with the hash of their contents when compiled.
//
//===----------------------------------------------------------------------===//

#include "zkc/Solc/Solc.h"
#include "zkc/Support/Hex.h"
#include "zkc/Support/Keccak.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace zkc;
using namespace zkc::solc;

static std::string hashOf(llvm::StringRef Data) {
  std::array<uint8_t, 32> H =
      keccak256(reinterpret_cast<const uint8_t *>(Data.data()), Data.size());
  return toHexString(H.data(), H.size(), /*Prefix=*/false);
}

/// The file a source unit name read through an import resolves to: the
/// first of base path and include paths that has it, as solc looks.
static std::optional<std::string> resolveImport(llvm::StringRef Name,
                                                const ImportPaths &Paths) {
  std::vector<std::string> Roots{Paths.BasePath};
  Roots.insert(Roots.end(), Paths.IncludePaths.begin(),
               Paths.IncludePaths.end());
  for (const std::string &Root : Roots) {
    llvm::SmallString<256> P;
    if (llvm::sys::path::is_absolute(Name))
      P = Name;
    else
      llvm::sys::path::append(P, Root.empty() ? "." : Root, Name);
    if (llvm::sys::fs::is_regular_file(P))
      return P.str().str();
  }
  return std::nullopt;
}

/// Where a directory is, however it was written ("../x", "/a/b/../x",
/// a link): the same folder gives the same cache key from any working
/// directory.
static std::string canonicalPath(llvm::StringRef Dir) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Dir.empty() ? "." : Dir, Real))
    return Real.str().str();
  llvm::SmallString<256> Abs(Dir);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return Abs.str().str();
}

static std::optional<std::string> hashOfFile(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
  if (!Buf)
    return std::nullopt;
  return hashOf((*Buf)->getBuffer());
}

/// Whether every import recorded in Entry still has the same contents.
static bool importsUnchanged(const nlohmann::json &Entry,
                             const ImportPaths &Paths) {
  const nlohmann::json *Imports =
      Entry.contains("imports") ? &Entry["imports"] : nullptr;
  if (!Imports || !Imports->is_array())
    return false;
  for (const nlohmann::json &I : *Imports) {
    if (!I.is_object() || !I.contains("name") || !I.contains("hash") ||
        !I["name"].is_string() || !I["hash"].is_string())
      return false;
    std::optional<std::string> Path =
        resolveImport(I["name"].get<std::string>(), Paths);
    if (!Path || hashOfFile(*Path) != I["hash"].get<std::string>())
      return false;
  }
  return true;
}

llvm::Expected<nlohmann::json> Compiler::compile(const nlohmann::json &Input,
                                                 const ImportPaths &Paths) {
  std::string InputText = Input.dump();
  std::vector<std::string> Includes;
  for (const std::string &P : Paths.IncludePaths)
    Includes.push_back(canonicalPath(P));
  nlohmann::json KeyParts = {Identity, InputText, canonicalPath(Paths.BasePath),
                             Includes};
  std::string Key = hashOf(KeyParts.dump());
  llvm::SmallString<256> EntryPath;
  if (!CacheDir.empty()) {
    llvm::sys::path::append(EntryPath, CacheDir, Key + ".json");
    if (auto Buf = llvm::MemoryBuffer::getFile(EntryPath)) {
      nlohmann::json Entry = nlohmann::json::parse(
          (*Buf)->getBuffer().begin(), (*Buf)->getBuffer().end(), nullptr,
          /*allow_exceptions=*/false);
      // A damaged or stale entry is recompiled and overwritten.
      if (Entry.is_object() && Entry.contains("output") &&
          Entry["output"].is_object() && importsUnchanged(Entry, Paths)) {
        ++*CacheHits;
        return Entry["output"];
      }
    }
  }

  llvm::Expected<std::string> Text = run(InputText, Paths);
  if (!Text)
    return Text.takeError();
  nlohmann::json Output = nlohmann::json::parse(*Text, nullptr,
                                                /*allow_exceptions=*/false);
  if (!Output.is_object())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "solc did not print Standard JSON: " +
                                       llvm::StringRef(*Text).take_front(200));
  if (CacheDir.empty())
    return Output;

  // Record what solc read from files, so that a change there misses.
  nlohmann::json Imports = nlohmann::json::array();
  const nlohmann::json &Given =
      Input.contains("sources") ? Input["sources"] : nlohmann::json::object();
  if (Output.contains("sources") && Output["sources"].is_object()) {
    for (const auto &[Name, Unused] : Output["sources"].items()) {
      if (Given.is_object() && Given.contains(Name) &&
          Given[Name].is_object() && Given[Name].contains("content"))
        continue;
      std::optional<std::string> Path = resolveImport(Name, Paths);
      std::optional<std::string> Hash = Path ? hashOfFile(*Path) : std::nullopt;
      if (!Hash)
        return Output; // Not a plain file: do not cache what we can't check.
      Imports.push_back({{"name", Name}, {"path", *Path}, {"hash", *Hash}});
    }
  }
  // Written to a temporary file and renamed, so that a concurrent reader
  // never sees half an entry.
  if (!llvm::sys::fs::create_directories(CacheDir)) {
    llvm::SmallString<256> Tmp;
    int FD;
    if (!llvm::sys::fs::createUniqueFile(EntryPath + ".%%%%%%.tmp", FD, Tmp)) {
      {
        llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
        OS << nlohmann::json{{"output", Output}, {"imports", Imports}}.dump();
      }
      if (llvm::sys::fs::rename(Tmp, EntryPath))
        llvm::sys::fs::remove(Tmp);
    }
  }
  return Output;
}
