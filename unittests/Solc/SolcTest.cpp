//===-- SolcTest.cpp - Tests for running solc -----------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Solc/Solc.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace zkc::solc;

namespace {

TEST(SolcTest, ExplicitPathMustBeSolc) {
  llvm::Expected<Compiler> C = Compiler::find(std::string("/nonexistent/solc"));
  ASSERT_FALSE(bool(C));
  EXPECT_EQ(llvm::toString(C.takeError()),
            "--solc '/nonexistent/solc' is not an executable");
  C = Compiler::find(std::string("/tmp"));
  ASSERT_FALSE(bool(C));
  EXPECT_EQ(llvm::toString(C.takeError()),
            "'/tmp' is not the npm package solc (no soljson.js)");
}

/// A temporary directory, removed at the end of the test.
struct TempDir {
  llvm::SmallString<128> Path;
  TempDir() {
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("zkc-solc", Path));
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Path); }
  std::string file(llvm::StringRef Name) const {
    llvm::SmallString<128> P(Path);
    llvm::sys::path::append(P, Name);
    return P.str().str();
  }
  void write(llvm::StringRef Name, llvm::StringRef Text) const {
    std::error_code EC;
    llvm::raw_fd_ostream OS(file(Name), EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
};

nlohmann::json input(const std::string &Source) {
  return {
      {"language", "Solidity"},
      {"sources", {{"a.sol", {{"content", Source}}}}},
      {"settings", {{"outputSelection", {{"*", {{"*", {"irOptimized"}}}}}}}}};
}

// Compiles through whichever solc the machine has (scripts/setup.sh
// installs the JavaScript build), caching by content: the second identical
// compile is a cache hit; changing an imported file is a miss.
TEST(SolcTest, CompilesAndCachesByContent) {
  llvm::Expected<Compiler> Found = Compiler::find();
  if (!Found) {
    std::string Why = llvm::toString(Found.takeError());
    GTEST_SKIP() << Why;
  }
  Compiler C = std::move(*Found);
  TempDir Cache, Base;
  C.setCacheDir(Cache.Path.str().str());
  Base.write("lib.sol", "uint constant K = 41;\n");
  ImportPaths Paths;
  Paths.BasePath = Base.Path.str().str();
  nlohmann::json In = input("import \"lib.sol\";\n"
                            "contract C { function f() public pure returns "
                            "(uint) { return K + 1; } }\n");

  llvm::Expected<nlohmann::json> Out = C.compile(In, Paths);
  ASSERT_TRUE(bool(Out)) << llvm::toString(Out.takeError());
  ASSERT_TRUE(Out->contains("contracts")) << Out->dump();
  std::string Yul = (*Out)["contracts"]["a.sol"]["C"]["irOptimized"];
  EXPECT_NE(Yul.find("object \"C_"), std::string::npos);
  EXPECT_EQ(C.cacheHits(), 0u);

  llvm::Expected<nlohmann::json> Again = C.compile(In, Paths);
  ASSERT_TRUE(bool(Again));
  EXPECT_EQ(C.cacheHits(), 1u);
  EXPECT_EQ(*Again, *Out);

  // A damaged entry is compiled again, not trusted or fatal.
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator I(Cache.Path, EC), End;
       I != End && !EC; I.increment(EC)) {
    llvm::raw_fd_ostream OS(I->path(), EC);
    OS << "{\"output\": [trunc";
  }
  llvm::Expected<nlohmann::json> Damaged = C.compile(In, Paths);
  ASSERT_TRUE(bool(Damaged));
  EXPECT_EQ(C.cacheHits(), 1u);
  EXPECT_EQ(*Damaged, *Out);

  Base.write("lib.sol", "uint constant K = 99;\n");
  llvm::Expected<nlohmann::json> Changed = C.compile(In, Paths);
  ASSERT_TRUE(bool(Changed));
  EXPECT_EQ(C.cacheHits(), 1u);
  EXPECT_NE(*Changed, *Out);

  // solc's own errors come back in the output, not as a failure.
  llvm::Expected<nlohmann::json> Bad = C.compile(input("contract {"), Paths);
  ASSERT_TRUE(bool(Bad));
  ASSERT_TRUE(Bad->contains("errors"));
  EXPECT_EQ((*Bad)["errors"][0]["severity"], "error");
}

} // namespace
