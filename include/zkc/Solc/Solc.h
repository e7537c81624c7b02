//===-- zkc/Solc/Solc.h - Running solc --------------------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// This file declares how zkc runs solc, the Solidity compiler, to get the
// Yul IR of Solidity sources: a native solc (given with --solc or found on
// PATH) or the official JavaScript build from the npm package `solc`, run
// with Node.js. Both are driven through solc's Standard JSON interface.
//
// The JavaScript build takes seconds per compilation, so results are cached
// by content: the key hashes the compiler's identity and the Standard JSON
// input; an entry also records every source file solc read through an
// import, with its hash, and is used only while they are unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_SOLC_SOLC_H
#define ZKC_SOLC_SOLC_H

#include "llvm/Support/Error.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace zkc::solc {

/// Where sources named in imports are looked up, as solc's options say.
struct ImportPaths {
  /// --base-path: the root of source unit names ("" for the current
  /// directory).
  std::string BasePath;
  /// --include-path, tried after the base path.
  std::vector<std::string> IncludePaths;
  /// --allow-paths for a native solc (the JavaScript build reads only
  /// through the paths above).
  std::vector<std::string> AllowPaths;
};

class Compiler {
public:
  enum class Kind { Native, JavaScript };

  /// Finds solc: Explicit when given (a native executable, or the directory
  /// of the npm package `solc`), else `solc` on PATH, else the npm package
  /// in $ZKC_SOLCJS_DIR, in the project's .npm-tools, or in the global
  /// node_modules, run with `node`.
  static llvm::Expected<Compiler>
  find(const std::optional<std::string> &Explicit = std::nullopt);

  Kind kind() const { return K; }
  /// The executable, or the package directory of the JavaScript build.
  const std::string &path() const { return Path; }
  /// The version as `solc --version` prints it:
  /// "0.8.30+commit.73712a01.Linux.g++". For the JavaScript build it is
  /// asked of the compiler once and then kept in the cache directory; the
  /// package's version ("0.8.30") when that fails.
  llvm::Expected<std::string> version() const;

  /// The cache directory; empty turns caching off. The default is
  /// $XDG_CACHE_HOME/zkc/solc, or ~/.cache/zkc/solc.
  void setCacheDir(std::string Dir) { CacheDir = std::move(Dir); }
  const std::string &cacheDir() const { return CacheDir; }

  /// Runs solc on a Standard JSON input and returns its Standard JSON
  /// output. solc's own errors (syntax, types) are in the output's "errors";
  /// an llvm::Error means solc could not be run or gave no JSON.
  /// Safe to call from several threads at once.
  llvm::Expected<nlohmann::json> compile(const nlohmann::json &Input,
                                         const ImportPaths &Paths = {});

  /// How many compile() calls were answered from the cache.
  unsigned cacheHits() const { return *CacheHits; }

private:
  Kind K = Kind::Native;
  std::string Path;
  std::string Node;
  /// Identifies the compiler in cache keys: its version for the JavaScript
  /// build, the executable's path, size and time for a native solc.
  std::string Identity;
  std::string CacheDir;
  /// compile() may run on several threads at once; the counter is the only
  /// state it changes.
  std::unique_ptr<std::atomic<unsigned>> CacheHits =
      std::make_unique<std::atomic<unsigned>>(0);

  llvm::Expected<std::string> run(const std::string &Input,
                                  const ImportPaths &Paths) const;
  llvm::Expected<std::string> javaScriptVersion() const;
};

/// The default cache directory (see Compiler::setCacheDir).
std::string defaultCacheDir();

} // namespace zkc::solc

#endif // ZKC_SOLC_SOLC_H
