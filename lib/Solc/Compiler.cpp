//===-- Compiler.cpp - Finding and running solc ---------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Solc/Solc.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace zkc;
using namespace zkc::solc;

static llvm::Error makeError(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

/// The Node.js program that runs the JavaScript build: Standard JSON on
/// stdin, output on stdout; imports are read from the base path, then the
/// include paths, as a native solc would.
static const char *const JSDriver = R"JS(
const fs = require('fs'), path = require('path');
const [pkg, base, ...includes] = process.argv.slice(1);
const solc = require(pkg);
const roots = [base || '.', ...includes];
function findImports(p) {
  for (const r of roots) {
    try { return {contents: fs.readFileSync(path.resolve(r, p), 'utf8')}; }
    catch (e) {}
  }
  return {error: 'File not found: ' + p + ' (searched ' + roots.join(', ') + ')'};
}
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', d => input += d);
process.stdin.on('end', () => {
  process.stdout.write(solc.compile(input, {import: findImports}));
});
)JS";

/// The version field of a package.json, without parsing all of it.
static std::optional<std::string> packageVersion(llvm::StringRef Dir) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "package.json");
  auto Buf = llvm::MemoryBuffer::getFile(P);
  if (!Buf)
    return std::nullopt;
  nlohmann::json J = nlohmann::json::parse((*Buf)->getBuffer().begin(),
                                           (*Buf)->getBuffer().end(), nullptr,
                                           /*allow_exceptions=*/false);
  if (!J.is_object() || !J.contains("version") || !J["version"].is_string())
    return std::nullopt;
  return J["version"].get<std::string>();
}

static bool isSolcPackage(llvm::StringRef Dir) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "soljson.js");
  return llvm::sys::fs::exists(P) && packageVersion(Dir).has_value();
}

llvm::Expected<Compiler>
Compiler::find(const std::optional<std::string> &Explicit) {
  Compiler C;
  C.CacheDir = defaultCacheDir();
  auto UseNative = [&](const std::string &Exe) -> llvm::Expected<Compiler> {
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(Exe, St))
      return makeError("cannot read solc at '" + Exe + "'");
    C.K = Kind::Native;
    C.Path = Exe;
    C.Identity =
        "native:" + Exe + ":" + std::to_string(St.getSize()) + ":" +
        std::to_string(St.getLastModificationTime().time_since_epoch().count());
    return std::move(C);
  };
  auto UseJS = [&](const std::string &Dir) -> llvm::Expected<Compiler> {
    llvm::ErrorOr<std::string> Node = llvm::sys::findProgramByName("node");
    if (!Node)
      return makeError("the JavaScript build of solc in '" + Dir +
                       "' needs Node.js ('node' on PATH)");
    C.K = Kind::JavaScript;
    C.Path = Dir;
    C.Node = *Node;
    C.Identity = "solcjs:" + *packageVersion(Dir);
    return std::move(C);
  };

  if (Explicit) {
    if (llvm::sys::fs::is_directory(*Explicit)) {
      if (!isSolcPackage(*Explicit))
        return makeError("'" + *Explicit +
                         "' is not the npm package solc (no soljson.js)");
      return UseJS(*Explicit);
    }
    if (!llvm::sys::fs::can_execute(*Explicit))
      return makeError("--solc '" + *Explicit + "' is not an executable");
    return UseNative(*Explicit);
  }
  if (llvm::ErrorOr<std::string> Native = llvm::sys::findProgramByName("solc"))
    return UseNative(*Native);
  std::vector<std::string> Candidates;
  if (const char *Env = std::getenv("ZKC_SOLCJS_DIR"))
    Candidates.push_back(Env);
#ifdef ZKC_NPM_TOOLS_DIR
  Candidates.push_back(ZKC_NPM_TOOLS_DIR "/node_modules/solc");
#endif
  Candidates.push_back("/usr/local/lib/node_modules/solc");
  Candidates.push_back("/usr/lib/node_modules/solc");
  for (const std::string &Dir : Candidates)
    if (isSolcPackage(Dir))
      return UseJS(Dir);
  return makeError("solc not found: give --solc PATH, put a native solc on "
                   "PATH, or install the npm package solc "
                   "(scripts/setup.sh does)");
}

llvm::Expected<std::string> Compiler::version() const {
  if (K == Kind::JavaScript)
    return javaScriptVersion();
  llvm::SmallString<128> Out;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("zkc-solc-version", "txt", Out))
    return makeError("cannot create a temporary file: " + EC.message());
  llvm::FileRemover Remove(Out.str());
  std::optional<llvm::StringRef> Redirects[] = {
      std::nullopt, llvm::StringRef(Out), std::nullopt};
  std::string ErrMsg;
  llvm::StringRef Args[] = {Path, "--version"};
  if (llvm::sys::ExecuteAndWait(Path, Args, std::nullopt, Redirects, 60, 0,
                                &ErrMsg) != 0)
    return makeError("'" + Path + " --version' failed" +
                     (ErrMsg.empty() ? "" : ": " + ErrMsg));
  auto Buf = llvm::MemoryBuffer::getFile(Out);
  if (!Buf)
    return makeError("cannot read the output of solc --version");
  llvm::StringRef Text = (*Buf)->getBuffer();
  size_t At = Text.find("Version: ");
  if (At == llvm::StringRef::npos)
    return makeError("unexpected output of solc --version");
  return Text.drop_front(At + 9).take_until(llvm::isSpace).str();
}

/// The file in the cache directory that holds the full version of the
/// JavaScript build with this identity.
static std::string versionCacheFile(llvm::StringRef CacheDir,
                                    llvm::StringRef Identity) {
  std::string Name = "version-";
  for (char C : Identity)
    Name += llvm::isAlnum(C) || C == '.' || C == '-' ? C : '_';
  llvm::SmallString<256> P(CacheDir);
  llvm::sys::path::append(P, Name + ".txt");
  return P.str().str();
}

llvm::Expected<std::string> Compiler::javaScriptVersion() const {
  // The package's version is the compiler's ("0.8.30"), but tools that read
  // `solc --version` want the build's full string
  // ("0.8.30+commit.73712a01.Emscripten.clang"), which needs the compiler
  // loaded (seconds); it is kept in the cache directory.
  std::optional<std::string> Short = packageVersion(Path);
  if (!Short)
    return makeError("cannot read the version of '" + Path + "'");
  // Without a cache every call would load the compiler again.
  if (CacheDir.empty())
    return *Short;
  std::string Cached = versionCacheFile(CacheDir, Identity);
  if (auto Buf = llvm::MemoryBuffer::getFile(Cached))
    if (llvm::StringRef V = (*Buf)->getBuffer().trim();
        V.starts_with(*Short + "+"))
      return V.str();
  llvm::SmallString<128> Out;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("zkc-solc-version", "txt", Out))
    return *Short;
  llvm::FileRemover Remove(Out.str());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(Out), llvm::StringRef("")};
  llvm::StringRef Args[] = {
      Node, "-e", "process.stdout.write(require(process.argv[1]).version())",
      Path};
  if (llvm::sys::ExecuteAndWait(Node, Args, std::nullopt, Redirects, 120) != 0)
    return *Short;
  auto Buf = llvm::MemoryBuffer::getFile(Out);
  if (!Buf || !(*Buf)->getBuffer().trim().starts_with(*Short + "+"))
    return *Short;
  std::string Full = (*Buf)->getBuffer().trim().str();
  if (!llvm::sys::fs::create_directories(CacheDir)) {
    // Written under a unique name and renamed, as cache entries are.
    llvm::SmallString<256> Tmp;
    int FD;
    if (!llvm::sys::fs::createUniqueFile(Cached + ".%%%%%%.tmp", FD, Tmp)) {
      {
        llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
        OS << Full << "\n";
      }
      if (llvm::sys::fs::rename(Tmp, Cached))
        llvm::sys::fs::remove(Tmp);
    }
  }
  return Full;
}

llvm::Expected<std::string> Compiler::run(const std::string &Input,
                                          const ImportPaths &Paths) const {
  llvm::SmallString<128> In, Out, Err;
  for (auto [Name, Buf] : {std::pair{"in", &In}, {"out", &Out}, {"err", &Err}})
    if (std::error_code EC =
            llvm::sys::fs::createTemporaryFile("zkc-solc", Name, *Buf))
      return makeError("cannot create a temporary file: " + EC.message());
  llvm::FileRemover RemoveIn(In.str()), RemoveOut(Out.str()),
      RemoveErr(Err.str());
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(In, EC);
    if (EC)
      return makeError("cannot write '" + In + "': " + EC.message());
    OS << Input;
  }
  std::vector<std::string> Args;
  std::string Program;
  if (K == Kind::Native) {
    Program = Path;
    Args = {Path, "--standard-json"};
    if (!Paths.BasePath.empty())
      Args.insert(Args.end(), {"--base-path", Paths.BasePath});
    for (const std::string &I : Paths.IncludePaths)
      Args.insert(Args.end(), {"--include-path", I});
    if (!Paths.AllowPaths.empty())
      Args.insert(Args.end(),
                  {"--allow-paths", llvm::join(Paths.AllowPaths, ",")});
  } else {
    Program = Node;
    Args = {Node, "-e", JSDriver, Path, Paths.BasePath};
    Args.insert(Args.end(), Paths.IncludePaths.begin(),
                Paths.IncludePaths.end());
  }
  std::vector<llvm::StringRef> ArgRefs(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(In), llvm::StringRef(Out), llvm::StringRef(Err)};
  std::string ErrMsg;
  int RC = llvm::sys::ExecuteAndWait(Program, ArgRefs, std::nullopt, Redirects,
                                     /*SecondsToWait=*/0,
                                     /*MemoryLimit=*/0, &ErrMsg);
  auto OutBuf = llvm::MemoryBuffer::getFile(Out);
  if (RC != 0 || !OutBuf || (*OutBuf)->getBufferSize() == 0) {
    std::string Stderr;
    if (auto E = llvm::MemoryBuffer::getFile(Err))
      Stderr = (*E)->getBuffer().trim().str();
    return makeError("solc (" + Program + ") failed" +
                     (RC != 0 ? " with exit code " + std::to_string(RC) : "") +
                     (ErrMsg.empty() ? "" : ": " + ErrMsg) +
                     (Stderr.empty() ? "" : "\n" + Stderr));
  }
  return (*OutBuf)->getBuffer().str();
}

std::string zkc::solc::defaultCacheDir() {
  llvm::SmallString<256> Dir;
  if (const char *X = std::getenv("XDG_CACHE_HOME"); X && *X)
    Dir = X;
  else if (const char *Home = std::getenv("HOME"); Home && *Home)
    llvm::sys::path::append(Dir, Home, ".cache");
  else
    return "";
  llvm::sys::path::append(Dir, "zkc", "solc");
  return Dir.str().str();
}
