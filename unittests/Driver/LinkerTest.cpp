//===-- LinkerTest.cpp - Composing objects, libraries ---------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Linker.h"
#include "zkc/MC/Assembler.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace zkc;

namespace {

ObjectSource deployPair() {
  ObjectSource Root;
  Root.Name = "C";
  Root.Code = "li r1, @immutableoffset(\"set_only\")\n"
              "li r2, @immutableoffset(\"both\")\nstop\n";
  Root.Data.push_back({"d\"x", {0x00, 0x41}});
  ObjectSource Other;
  Other.Name = "Other";
  Other.Code = "stop\n";
  ObjectSource Runtime;
  Runtime.Name = "C_deployed";
  Runtime.Code = "ldc r1, @immutable(\"both\")\n"
                 "ldc r2, @library(\"l.sol:L\")\nstop\n";
  Runtime.Metadata = {0xab};
  Root.Subobjects = {Other, Runtime};
  return Root;
}

TEST(Linker, RuntimeObject) {
  ObjectSource Root = deployPair();
  EXPECT_EQ(runtimeObject(Root).Name, "C_deployed");
  Root.Subobjects.pop_back();
  EXPECT_EQ(runtimeObject(Root).Name, "Other");
  Root.Subobjects.clear();
  EXPECT_EQ(runtimeObject(Root).Name, "C");
}

TEST(Linker, ComposeAddsSlotsForImmutablesOnlySet) {
  auto Text = composeAssembly(deployPair());
  ASSERT_TRUE(bool(Text)) << llvm::toString(Text.takeError());
  EXPECT_EQ(*Text, ".object \"C\"\n"
                   "  li r1, @immutableoffset(\"set_only\")\n"
                   "  li r2, @immutableoffset(\"both\")\n"
                   "  stop\n"
                   "  .data \"d\\\"x\" hex\"0041\"\n"
                   "  .object \"Other\"\n"
                   "    stop\n"
                   "  .end\n"
                   "  .object \"C_deployed\"\n"
                   "    ldc r1, @immutable(\"both\")\n"
                   "    ldc r2, @library(\"l.sol:L\")\n"
                   "    stop\n"
                   "    .pool\n"
                   "    .word @immutable(\"set_only\")\n"
                   "    .metadata hex\"ab\"\n"
                   "  .end\n"
                   ".end\n");
  std::string Diags;
  llvm::raw_string_ostream OS(Diags);
  EXPECT_TRUE(assembleText(*Text, OS)) << Diags;
}

TEST(Linker, ImmutableWithoutSubobject) {
  ObjectSource Lone;
  Lone.Name = "Lone";
  Lone.Code = "li r1, @immutableoffset(\"x\")\n";
  auto Text = composeAssembly(Lone);
  ASSERT_FALSE(bool(Text));
  EXPECT_EQ(llvm::toString(Text.takeError()),
            "object 'Lone' sets immutable 'x' but has no subobject to hold it");
}

TEST(Linker, LibrariesPatchNestedSlotsAndKeepRelocations) {
  auto Text = composeAssembly(deployPair());
  ASSERT_TRUE(bool(Text));
  std::string Diags;
  llvm::raw_string_ostream OS(Diags);
  std::optional<Object> Obj = assembleText(*Text, OS);
  ASSERT_TRUE(Obj) << Diags;
  auto Before = writeObject(*Obj);
  ASSERT_TRUE(bool(Before));
  EXPECT_EQ(unlinkedLibraries(*Obj), std::vector<std::string>{"l.sol:L"});
  EXPECT_EQ(linkLibraries(*Obj, {{"other.sol:X", Word(5)}}),
            std::vector<std::string>{"l.sol:L"});
  EXPECT_TRUE(linkLibraries(*Obj, {{"l.sol:L", Word(0x1234)}}).empty());
  const Object &Runtime = Obj->Subobjects[1];
  ASSERT_EQ(Runtime.Relocs.size(), 3u);
  for (const Relocation &R : Runtime.Relocs)
    if (R.Kind == Relocation::Library)
      EXPECT_EQ(Runtime.Pool[R.Slot], Word(0x1234));
  auto After = writeObject(*Obj);
  ASSERT_TRUE(bool(After));
  // Only the slot's bytes change, so offsets computed earlier stay valid.
  EXPECT_EQ(Before->size(), After->size());
}

TEST(Linker, QuoteAsmString) {
  EXPECT_EQ(quoteAsmString("plain"), "\"plain\"");
  EXPECT_EQ(quoteAsmString("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\x0a\\x01\"");
}

} // namespace
