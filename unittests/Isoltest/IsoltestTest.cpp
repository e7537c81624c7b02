//===-- IsoltestTest.cpp - Tests for the semantic-test reader -------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Isoltest/Isoltest.h"
#include "zkc/Support/Hex.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

using namespace zkc;
using namespace zkc::isoltest;

namespace {

TestFile parseOk(llvm::StringRef Text) {
  llvm::Expected<TestFile> F = parseTestFile(Text, "t.sol");
  EXPECT_TRUE(bool(F)) << llvm::toString(F.takeError());
  return F ? std::move(*F) : TestFile();
}

std::string parseError(llvm::StringRef Text) {
  llvm::Expected<TestFile> F = parseTestFile(Text, "t.sol");
  if (F)
    return "no error";
  return llvm::toString(F.takeError());
}

std::string hex(const std::vector<uint8_t> &B) {
  return toHexString(B.data(), B.size(), /*Prefix=*/false);
}

std::string word(const char *Low) {
  std::string L(Low);
  return std::string(64 - L.size(), '0') + L;
}

TEST(IsoltestTest, SourcesSettingsAndCalls) {
  TestFile F = parseOk(R"(contract C {
    function f(uint a) public returns (uint) { return a; }
}
// ====
// compileViaYul: true
// EVMVersion: >=byzantium
// ----
// f(uint256): 7 -> 7
// f(uint256), 2 ether: -1 -> 0x01
)");
  ASSERT_EQ(F.Sources.size(), 1u);
  EXPECT_EQ(F.Sources[0].Name, "test.sol");
  EXPECT_NE(F.Sources[0].Text.find("contract C"), std::string::npos);
  EXPECT_EQ(F.Sources[0].Text.find("===="), std::string::npos);
  EXPECT_EQ(F.Settings["compileViaYul"], "true");
  EXPECT_EQ(F.Settings["EVMVersion"], ">=byzantium");
  ASSERT_EQ(F.Calls.size(), 2u);
  EXPECT_EQ(F.Calls[0].Signature, "f(uint256)");
  EXPECT_EQ(F.Calls[0].Line, 8u);
  EXPECT_EQ(hex(F.Calls[0].Arguments), word("7"));
  EXPECT_TRUE(F.Calls[0].HasExpectations);
  EXPECT_EQ(hex(F.Calls[0].Expected), word("7"));
  EXPECT_EQ(F.Calls[1].Value, Word(2'000'000'000'000'000'000ull));
  EXPECT_EQ(hex(F.Calls[1].Arguments), std::string(64, 'f'));
  EXPECT_EQ(hex(F.Calls[1].Expected), word("1"));
}

TEST(IsoltestTest, ValueForms) {
  TestFile F = parseOk(R"(contract C {}
// ----
// f(): left(0x01), right(true), "ab", hex"0102", false, 0x0102, left(1), left(0) ->
// g() -> "abcdabcdabcdabcdabcdabcdabcdabcdab"
)");
  ASSERT_EQ(F.Calls.size(), 2u);
  EXPECT_EQ(hex(F.Calls[0].Arguments),
            "01" + std::string(62, '0') + word("1") + "6162" +
                std::string(60, '0') + "0102" + word("0") + word("102") + "01" +
                std::string(62, '0') + word("0"));
  EXPECT_TRUE(F.Calls[0].HasExpectations);
  EXPECT_TRUE(F.Calls[0].Expected.empty());
  // Strings longer than a word are padded to whole words.
  EXPECT_EQ(F.Calls[1].Expected.size(), 64u);
}

TEST(IsoltestTest, FailureEventsAndBuiltins) {
  TestFile F = parseOk(R"(contract C {}
// ----
// constructor(), 27 wei: 3 ->
// g() -> FAILURE, hex"4e487b71", 0x11
// h() -> FAILURE
// e(uint256): 5 ->
// ~ emit E(uint256,bytes32) from 0x1234: #0x05, 0x02
// ~ emit <anonymous>: #0x01
// ~ emit Done()
// gas irOptimized: 12345
// library: L
// balance -> 27
// balance: 0x1234 -> 0
// balance: 0x0000000000000000000000000000000000001234 -> 0
// storageEmpty -> 1
// account: 1 -> 0x1212121212121212121212121212120000001012
// () -> 1
// library: "a.sol":M
// isoltest_side_effects_test: 0x12 -> 0x12
// ~ 0000000000000000000000000000000000000000000000000000000000000012
)");
  ASSERT_EQ(F.Calls.size(), 13u);
  EXPECT_EQ(F.Calls[11].Signature, "a.sol:M");
  EXPECT_EQ(F.Calls[12].K, Call::Kind::RunnerSelfTest);
  EXPECT_EQ(F.Calls[12].OtherSideEffects.size(), 1u);
  EXPECT_EQ(F.Calls[0].K, Call::Kind::Constructor);
  EXPECT_EQ(F.Calls[0].Value, Word(27));
  EXPECT_TRUE(F.Calls[1].ExpectFailure);
  EXPECT_EQ(hex(F.Calls[1].Expected), "4e487b71" + word("11"));
  EXPECT_TRUE(F.Calls[2].ExpectFailure);
  EXPECT_TRUE(F.Calls[2].Expected.empty());
  const Call &E = F.Calls[3];
  ASSERT_EQ(E.Events.size(), 3u);
  EXPECT_EQ(E.Events[0].Signature, "E(uint256,bytes32)");
  EXPECT_EQ(E.Events[0].Emitter, Word(0x1234));
  ASSERT_EQ(E.Events[0].Topics.size(), 1u);
  EXPECT_EQ(E.Events[0].Topics[0], Word(5));
  EXPECT_EQ(hex(E.Events[0].Data), word("2"));
  EXPECT_EQ(E.Events[1].Signature, "");
  EXPECT_EQ(E.Events[1].Topics.size(), 1u);
  EXPECT_EQ(E.Events[2].Signature, "Done()");
  EXPECT_EQ(E.Gas.size(), 1u);
  EXPECT_EQ(F.Calls[4].K, Call::Kind::Library);
  EXPECT_EQ(F.Calls[4].Signature, "L");
  EXPECT_EQ(F.Calls[5].K, Call::Kind::Balance);
  EXPECT_FALSE(F.Calls[5].BuiltinArgument.has_value());
  // solc's runner takes an address only when written as 20 bytes of hex;
  // a shorter literal is the zero address there.
  EXPECT_EQ(F.Calls[6].BuiltinArgument, Word());
  EXPECT_EQ(F.Calls[7].BuiltinArgument, Word(0x1234));
  EXPECT_EQ(F.Calls[8].K, Call::Kind::StorageEmpty);
  EXPECT_EQ(F.Calls[9].K, Call::Kind::Account);
  EXPECT_EQ(F.Calls[10].Signature, "()");
}

TEST(IsoltestTest, MultiLineCallsAndSources) {
  TestFile F = parseOk(R"(==== Source: a.sol ====
contract A {}
==== Source: b.sol ====
import "a.sol";
contract B {}
==== ExternalSource: _lib/x.sol=lib.sol ====
==== ExternalSource: y.sol ====
// ----
// f(string,string):
//   0x40, 0x80, 3, "abc",
//   3, "def"
//   ->
//   0x20, 6, "abcdef"
// g() # a comment # -> 1
)");
  ASSERT_EQ(F.Sources.size(), 4u);
  EXPECT_EQ(F.Sources[3].Path, "y.sol");
  EXPECT_EQ(F.Sources[0].Name, "a.sol");
  EXPECT_EQ(F.Sources[1].Text, "import \"a.sol\";\ncontract B {}\n");
  EXPECT_TRUE(F.Sources[2].External);
  EXPECT_EQ(F.Sources[2].Name, "_lib/x.sol");
  EXPECT_EQ(F.Sources[2].Path, "lib.sol");
  ASSERT_EQ(F.Calls.size(), 2u);
  EXPECT_EQ(F.Calls[0].Arguments.size(), 6 * 32u);
  EXPECT_EQ(F.Calls[0].Expected.size(), 3 * 32u);
  EXPECT_EQ(F.Calls[1].Line, 14u);
  EXPECT_EQ(hex(F.Calls[1].Expected), word("1"));
}

TEST(IsoltestTest, Errors) {
  EXPECT_EQ(parseError("contract C {}\n"),
            "t.sol:1:1: no '// ----' line: the test has no expectations");
  EXPECT_EQ(parseError("c\n// ----\n// f(: 1\n"),
            "t.sol:3:6: expected a parameter type, found ':'");
  EXPECT_EQ(parseError("c\n// ----\n// f() -> \"abc\n"),
            "t.sol:3:11: string is not closed on its line");
  EXPECT_EQ(parseError("c\n// ----\n// f(), 1 dollar ->\n"),
            "t.sol:3:11: expected 'ether', 'gwei' or 'wei', found 'dollar'");
  EXPECT_EQ(parseError("c\n// ----\n// f() -> 1, FAILURE\n"),
            "t.sol:3:14: expected a value (FAILURE only starts an "
            "expectation), found 'FAILURE'");
  EXPECT_EQ(parseError("c\n// ----\n// ~ emit E()\n"),
            "t.sol:3:4: an event or gas line before any call");
  EXPECT_EQ(parseError("c\n// ----\n// frobnicate -> 1\n"),
            "t.sol:3:4: unknown builtin 'frobnicate'");
  EXPECT_EQ(parseError("c\n// ----\n// f() -> 1 % 2\n"),
            "t.sol:3:13: unexpected character '%'");
  EXPECT_EQ(parseError("c\n// ----\n// f() -> 1" + std::string(80, '0') + "\n"),
            "t.sol:3:11: number does not fit in 256 bits");
}

TEST(IsoltestTest, ExternalSourcesAndOwnSource) {
  TestFile F = parseOk("==== ExternalSource: _e/e.sol ====\n"
                       "import \"_e/e.sol\";\ncontract C {}\n// ----\n"
                       "// constructor()\n");
  ASSERT_EQ(F.Sources.size(), 2u);
  EXPECT_TRUE(F.Sources[0].External);
  EXPECT_EQ(F.Sources[1].Name, "test.sol");
  EXPECT_NE(F.Sources[1].Text.find("contract C"), std::string::npos);
  EXPECT_FALSE(F.Calls[0].HasExpectations);
}

// Every semantic test of the shared corpus reads without error.
TEST(IsoltestTest, SharedCorpusParses) {
  std::string Dir = ZKC_SHARED_CORPUS_DIR "/solidity-semantic";
  if (!llvm::sys::fs::is_directory(Dir))
    GTEST_SKIP() << "no corpus at " << Dir;
  std::error_code EC;
  unsigned Files = 0, Calls = 0;
  for (llvm::sys::fs::recursive_directory_iterator I(Dir, EC), End;
       I != End && !EC; I.increment(EC)) {
    if (llvm::sys::path::extension(I->path()) != ".sol" ||
        I->path().find("/_") != std::string::npos)
      continue;
    auto Buf = llvm::MemoryBuffer::getFile(I->path());
    ASSERT_TRUE(bool(Buf)) << I->path();
    llvm::Expected<TestFile> F = parseTestFile((*Buf)->getBuffer(), I->path());
    EXPECT_TRUE(bool(F)) << llvm::toString(F.takeError());
    if (F)
      Calls += F->Calls.size();
    ++Files;
  }
  EXPECT_GT(Files, 500u);
  EXPECT_GT(Calls, Files);
}

} // namespace
