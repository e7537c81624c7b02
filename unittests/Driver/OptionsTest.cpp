//===-- OptionsTest.cpp - Optimisation levels and library lists -----------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Options.h"

#include <gtest/gtest.h>

using namespace zkc;

namespace {

TEST(Options, OptLevels) {
  EXPECT_EQ(parseOptLevel("0"), OptLevel::O0);
  EXPECT_EQ(parseOptLevel("O3"), OptLevel::O3);
  EXPECT_EQ(parseOptLevel("s"), OptLevel::Os);
  EXPECT_EQ(parseOptLevel("z"), OptLevel::Oz);
  EXPECT_FALSE(parseOptLevel("4"));
  EXPECT_FALSE(parseOptLevel(""));
  EXPECT_FALSE(parseOptLevel("O"));
  for (OptLevel L : AllOptLevels)
    EXPECT_EQ(parseOptLevel(optLevelName(L)), L);
}

TEST(Options, Libraries) {
  LibraryMap Libs;
  ASSERT_FALSE(bool(
      parseLibraries("a.sol:A=0x00000000000000000000000000000000000000aa, "
                     "dir/b.sol:B=0x00000000000000000000000000000000000000bB\n",
                     Libs)));
  ASSERT_EQ(Libs.size(), 2u);
  EXPECT_EQ(Libs["a.sol:A"], Word(0xaa));
  EXPECT_EQ(Libs["dir/b.sol:B"], Word(0xbb));
  // The same address twice is fine, two different ones are not.
  EXPECT_FALSE(bool(parseLibraries(
      "a.sol:A=0x00000000000000000000000000000000000000aa", Libs)));
  EXPECT_EQ(llvm::toString(parseLibraries(
                "a.sol:A=0x00000000000000000000000000000000000000ab", Libs)),
            "library 'a.sol:A' is given two different addresses");
}

TEST(Options, MalformedLibraries) {
  LibraryMap Libs;
  auto Message = [&](const char *Text) {
    return llvm::toString(parseLibraries(Text, Libs));
  };
  EXPECT_EQ(
      Message("a.sol:A"),
      "library entry 'a.sol:A' is not of the form file.sol:Lib=0xADDRESS");
  EXPECT_EQ(Message("A=0x00000000000000000000000000000000000000aa"),
            "library 'A' must be named file:Library");
  EXPECT_EQ(Message("a.sol:A=0xaa"),
            "address '0xaa' of library 'a.sol:A' is not 0x followed by 40 hex "
            "digits");
  EXPECT_EQ(Message("a.sol:A=0x0000000000000000000000000000000000000000"),
            "library 'a.sol:A' cannot have the zero address");
  EXPECT_TRUE(Libs.empty());
}

} // namespace
