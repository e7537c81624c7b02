//===-- AssemblerTest.cpp - Tests for the ZVM assembler and disassembler --===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/MC/Assembler.h"
#include "zkc/MC/Disassembler.h"

#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <random>
#include <string>

using namespace zkc;

namespace {

struct AsmResult {
  std::optional<Object> Obj;
  std::string Diags;
};

AsmResult assemble(llvm::StringRef Source, AsmSymbols *Syms = nullptr) {
  AsmResult R;
  llvm::raw_string_ostream OS(R.Diags);
  R.Obj = assembleText(Source, OS, "<input>", Syms);
  return R;
}

/// Assembles a single object holding Body.
Object assembleBody(llvm::StringRef Body) {
  AsmResult R = assemble((".object \"T\"\n" + Body + "\n.end\n").str());
  EXPECT_TRUE(R.Obj.has_value()) << R.Diags;
  return R.Obj ? *R.Obj : Object();
}

/// The first diagnostic, without its source line and caret.
std::string firstError(llvm::StringRef Source) {
  AsmResult R = assemble(Source);
  EXPECT_FALSE(R.Obj.has_value());
  return llvm::StringRef(R.Diags).split('\n').first.str();
}

std::vector<uint8_t> bytesOf(const Object &O) {
  llvm::Expected<std::vector<uint8_t>> B = writeObject(O);
  EXPECT_TRUE(bool(B));
  return B ? *B : std::vector<uint8_t>();
}

/// Disassembles O and assembles the text again: must be the same object.
void expectRoundTrip(const Object &O) {
  std::string Text = Disassembler().toString(O);
  AsmResult R = assemble(Text);
  ASSERT_TRUE(R.Obj.has_value()) << Text << R.Diags;
  EXPECT_EQ(*R.Obj, O) << Text;
  EXPECT_EQ(bytesOf(*R.Obj), bytesOf(O));
}

TEST(AssemblerTest, EncodesRegisterOperands) {
  Object O = assembleBody("add r1, r2, r3\nselect r4, r5, r6, r255\n"
                          "call r7, r8\nfcall r9, 0");
  ASSERT_EQ(O.Code.size(), 4u);
  EXPECT_EQ(O.Code[0].encode(), 0x0000000003020120ull);
  EXPECT_EQ(O.Code[1], (Instruction{Opcode::Select, 4, 5, 6, 255}));
  EXPECT_EQ(O.Code[2], (Instruction{Opcode::Call, 7, 8, 0, 0}));
  EXPECT_EQ(O.Code[3], (Instruction{Opcode::FCall, 9, 0, 0, 0}));
}

/// Every opcode in the table assembles from its printed form, and prints
/// back the same way.
TEST(AssemblerTest, EveryInstructionRoundTrips) {
  for (unsigned Code = 0; Code < 256; ++Code) {
    const InstrInfo &Info = InstrTable[Code];
    if (!Info.Defined)
      continue;
    Instruction I;
    I.Op = static_cast<Opcode>(Code);
    uint8_t *Fields[] = {&I.A, &I.B, &I.C};
    unsigned RegFields = 0;
    for (char K : Info.Operands) {
      if (InstrInfo::isRegFieldKind(K))
        *Fields[RegFields++] = uint8_t(10 + RegFields * 7);
      else if (K == 'i')
        I.Imm = uint32_t(-12345);
      else if (K == 'u')
        I.Imm = 4000000000u;
      else if (K == 'r')
        I.Imm = 200;
      // 't' and 'p' stay 0: the only instruction, the only slot.
    }
    std::string Text = formatInstruction(I);
    std::string Body = Text;
    if (Info.immKind() == 'p')
      Body += "\n.pool\n.word 7";
    Object O = assembleBody(Body);
    ASSERT_EQ(O.Code.size(), 1u) << Text;
    EXPECT_EQ(O.Code[0], I) << Text;
    expectRoundTrip(O);
  }
}

TEST(AssemblerTest, ImmediateRanges) {
  EXPECT_EQ(assembleBody("addi r1, r1, -2147483648").Code[0].Imm, 0x80000000u);
  EXPECT_EQ(assembleBody("addi r1, r1, 2147483647").Code[0].Imm, 0x7fffffffu);
  EXPECT_EQ(assembleBody("addi r1, r1, 0x7fffffff").Code[0].Imm, 0x7fffffffu);
  EXPECT_EQ(assembleBody("shli r1, r1, 4294967295").Code[0].Imm, 0xffffffffu);
  EXPECT_EQ(assembleBody("shli r1, r1, 0xFFFFFFFF").Code[0].Imm, 0xffffffffu);
  EXPECT_EQ(firstError(".object \"T\"\naddi r1, r1, 2147483648\n.end"),
            "<input>:2:14: error: immediate '2147483648' does not fit in a "
            "signed 32-bit field (-2147483648..2147483647)");
  EXPECT_EQ(firstError(".object \"T\"\naddi r1, r1, -2147483649\n.end"),
            "<input>:2:14: error: immediate '-2147483649' does not fit in a "
            "signed 32-bit field (-2147483648..2147483647)");
  EXPECT_EQ(firstError(".object \"T\"\nshli r1, r1, 4294967296\n.end"),
            "<input>:2:14: error: immediate '4294967296' does not fit in an "
            "unsigned 32-bit field (0..4294967295)");
  EXPECT_EQ(firstError(".object \"T\"\nshli r1, r1, -1\n.end"),
            "<input>:2:14: error: immediate '-1' does not fit in an unsigned "
            "32-bit field (0..4294967295)");
}

TEST(AssemblerTest, LabelsAndTargets) {
  AsmSymbols Syms;
  AsmResult R = assemble(".object \"T\"\n"
                         "  jmp end\n"
                         "top: loop:\n"
                         "  jnz r1, top\n"
                         "  beq r1, r2, 0\n"
                         "end:\n"
                         "  stop\n"
                         ".end\n",
                         &Syms);
  ASSERT_TRUE(R.Obj) << R.Diags;
  EXPECT_EQ(R.Obj->Code[0].Imm, 3u);
  EXPECT_EQ(R.Obj->Code[1].Imm, 1u);
  EXPECT_EQ(R.Obj->Code[2].Imm, 0u);
  ASSERT_EQ(Syms.Labels.size(), 3u);
  EXPECT_EQ(Syms.Labels[1], std::make_pair(uint32_t(1), std::string("loop")));

  // A listing with the source's names prints them back.
  DisassemblerOptions Opts;
  Opts.Symbols = &Syms;
  std::string Listing = Disassembler(Opts).toString(*R.Obj);
  EXPECT_NE(Listing.find("jmp end\n"), std::string::npos) << Listing;
  EXPECT_NE(Listing.find("beq r1, r2, 0\n"), std::string::npos) << Listing;
  AsmResult Again = assemble(Listing);
  ASSERT_TRUE(Again.Obj) << Again.Diags;
  EXPECT_EQ(*Again.Obj, *R.Obj);
}

TEST(AssemblerTest, PoolIsDeduplicatedInFirstUseOrder) {
  Object O = assembleBody("ldc r1, 7\n"
                          "ldc r2, @library(\"a.sol:A\")\n"
                          "ldc r3, 0x07\n"
                          "ldc r4, -1\n"
                          "ldc r5, @immutable(\"a.sol:A\")\n"
                          "ldc r6, @library(\"a.sol:A\")\n"
                          "ldc r7, 0\n"
                          "ldc r8, #1");
  ASSERT_EQ(O.Pool.size(), 5u);
  EXPECT_EQ(O.Pool[0], Word(7));
  EXPECT_EQ(O.Pool[1], Word());
  EXPECT_EQ(O.Pool[2], Word::max());
  EXPECT_EQ(O.Pool[3], Word());
  // The literal 0 does not reuse a relocated slot.
  EXPECT_EQ(O.Pool[4], Word());
  std::vector<uint32_t> Slots;
  for (const Instruction &I : O.Code)
    Slots.push_back(I.Imm);
  EXPECT_EQ(Slots, (std::vector<uint32_t>{0, 1, 0, 2, 3, 1, 4, 1}));
  ASSERT_EQ(O.Relocs.size(), 2u);
  EXPECT_EQ(O.Relocs[0], (Relocation{Relocation::Library, 1, "a.sol:A"}));
  EXPECT_EQ(O.Relocs[1], (Relocation{Relocation::Immutable, 3, "a.sol:A"}));
  expectRoundTrip(O);
}

TEST(AssemblerTest, PinnedPool) {
  Object O = assembleBody("ldc r1, 9\n"
                          "ldc r2, 5\n"
                          ".pool\n"
                          ".word 5\n"
                          ".word 5\n"
                          ".word @immutable(\"x\")\n");
  ASSERT_EQ(O.Pool.size(), 4u);
  EXPECT_EQ(O.Pool, (std::vector<Word>{5, 5, 0, 9}));
  EXPECT_EQ(O.Code[0].Imm, 3u);
  EXPECT_EQ(O.Code[1].Imm, 0u);
  EXPECT_EQ(O.Relocs,
            (std::vector<Relocation>{{Relocation::Immutable, 2, "x"}}));
  expectRoundTrip(O);
}

TEST(AssemblerTest, OutOfOrderRelocationsRoundTrip) {
  Object O;
  O.Name = "R";
  O.Pool = {Word(), Word(5), Word()};
  O.Code = {Instruction{Opcode::Ldc, 1, 0, 0, 2},
            Instruction{Opcode::Ldc, 1, 0, 0, 0},
            Instruction{Opcode::Ldc, 1, 0, 0, 1}};
  O.Relocs = {{Relocation::Library, 2, "B"},
              {Relocation::Library, 0, "A"},
              {Relocation::Immutable, 1, "C"},
              {Relocation::Immutable, 1, "D"}};
  std::string Text = Disassembler().toString(O);
  EXPECT_NE(Text.find(".reloc library, #2, \"B\""), std::string::npos) << Text;
  expectRoundTrip(O);
}

TEST(AssemblerTest, DataOffsetAndSize) {
  AsmResult R = assemble(".object \"D\"\n"
                         "  li r1, @dataoffset(\"R\")\n"
                         "  li r2, @datasize(\"R\")\n"
                         "  li r3, @dataoffset(\"blob\")\n"
                         "  shli r4, r4, @datasize(\"blob\")\n"
                         "  li r5, @datasize(\"D\")\n"
                         "  li r6, @dataoffset(\"D\")\n"
                         "  ldc r7, 12345678901234567890123\n"
                         "  .data \"blob\" hex\"00112233445566778899\"\n"
                         "  .object \"R\"\n"
                         "    stop\n"
                         "  .end\n"
                         "  .metadata \"meta\"\n"
                         ".end\n");
  ASSERT_TRUE(R.Obj) << R.Diags;
  const Object &O = *R.Obj;
  ObjectLayout L = computeLayout(O);
  EXPECT_EQ(O.Code[0].Imm, L.SubobjectOffsets[0]);
  EXPECT_EQ(O.Code[1].Imm, L.SubobjectSizes[0]);
  EXPECT_EQ(O.Code[2].Imm, L.DataOffsets[0]);
  EXPECT_EQ(O.Code[3].Imm, 10u);
  EXPECT_EQ(O.Code[4].Imm, L.TotalSize);
  EXPECT_EQ(O.Code[5].Imm, 0u);
  EXPECT_EQ(L.TotalSize, bytesOf(O).size());
  EXPECT_EQ(O.Metadata, (std::vector<uint8_t>{'m', 'e', 't', 'a'}));
  expectRoundTrip(O);
}

TEST(AssemblerTest, StringsAndEscapes) {
  Object O = assembleBody(".data \"a\" \"q\\\"b\\\\n\\n\\t\\r\\0\\x7F\"\n"
                          ".data \"\" \"\"\n"
                          ".data \"h\" hex\"\"\n");
  ASSERT_EQ(O.Data.size(), 3u);
  EXPECT_EQ(std::string(O.Data[0].Bytes.begin(), O.Data[0].Bytes.end()),
            std::string("q\"b\\n\n\t\r\0\x7f", 10));
  EXPECT_TRUE(O.Data[1].Bytes.empty());
  expectRoundTrip(O);
}

TEST(AssemblerTest, Diagnostics) {
  struct Case {
    std::string Body;
    const char *Error;
  } Cases[] = {
      {"add r1, r2", "2:11: error: too few operands for 'add': expected 3"},
      {"add r1, r2, r3, r4", "2:15: error: too many operands for 'add'"},
      {"stop r1", "2:6: error: too many operands for 'stop': expected 0"},
      {"add r1, r2, r256", "2:13: error: register 'r256' is out of range"},
      {"add r1, r2, 5", "2:13: error: expected a register (r0..r255), found "
                        "'5'"},
      {"frob r1", "2:1: error: unknown mnemonic 'frob'"},
      {"jmp nowhere", "2:5: error: undefined label 'nowhere'"},
      {"a:\na:", "3:1: error: duplicate label 'a'"},
      {"ldc r1, 0x12g", "2:9: error: malformed integer literal '0x12g'"},
      {"ldc r1, 0x1" + std::string(64, '0'),
       "2:9: error: integer literal '0x1000"},
      {"ldc r1, #3", "2:9: error: constant pool index 3 is out of range"},
      {"li r1, @datasize(\"x\")",
       "2:8: error: unknown data section or subobject 'x'"},
      {"li r1, @foo(\"x\")", "2:8: error: unknown function '@foo'"},
      {".data \"x\" hex\"abc\"",
       "2:11: error: hex string has an odd number of digits"},
      {".data \"x\" hex\"zz\"", "2:15: error: invalid hex digit"},
      {".data \"x\" \"a\\q\"", "2:13: error: unknown escape sequence"},
      {".data \"x\" \"abc", "2:11: error: unterminated string"},
      {".data \"x\" \"\"\n.data \"x\" \"\"",
       "3:1: error: duplicate data or subobject name 'x'"},
      {"jmp 2", "2:5: error: jump target 2 is outside the code"},
      {"x: stop\njmp y\ny:", "3:5: error: label 'y' is past the last "
                             "instruction"},
      {"call r0, r250", "2:10: error: register block r250..r256 leaves the "
                        "window"},
      {".word 1", "2:1: error: '.word' before '.pool'"},
      {".bogus", "2:1: error: unknown directive '.bogus'"},
      {"add r1 r2, r3", "2:8: error: expected ',' between operands"},
      {"stop ~", "2:6: error: unexpected character"},
      {".metadata \"\"\n.metadata \"\"", "3:1: error: duplicate '.metadata'"},
  };
  for (const Case &C : Cases) {
    std::string Source = ".object \"T\"\n" + C.Body + "\n.end\n";
    std::string E = firstError(Source);
    EXPECT_EQ(E.find(std::string("<input>:") + C.Error), 0u)
        << "source: " << C.Body << "\nerror:  " << E;
  }
}

TEST(AssemblerTest, StructuralErrors) {
  EXPECT_EQ(firstError(""),
            "<input>:1:1: error: no object to assemble: expected '.object "
            "\"Name\"'");
  EXPECT_EQ(firstError("stop\n"), "<input>:1:1: error: instruction outside of "
                                  "an object; start one with '.object "
                                  "\"Name\"'");
  EXPECT_EQ(firstError(".object \"A\"\n.object \"B\"\n.end\n"),
            "<input>:4:1: error: unexpected end of file: object 'A' is not "
            "closed by '.end'");
  EXPECT_EQ(firstError(".end\n"),
            "<input>:1:1: error: '.end' without an open '.object'");
  EXPECT_EQ(firstError(".object \"A\"\n.end\n.object \"B\"\n.end\n"),
            "<input>:3:1: error: only one top-level object is allowed");
  EXPECT_EQ(firstError(".object A\n.end\n"),
            "<input>:1:9: error: expected a quoted string, found 'A'");
}

TEST(AssemblerTest, NestingIsBounded) {
  auto nested = [](unsigned Levels) {
    std::string S;
    for (unsigned I = 0; I < Levels; ++I)
      S += ".object \"o" + std::to_string(I) + "\"\n";
    for (unsigned I = 0; I < Levels; ++I)
      S += ".end\n";
    return S;
  };
  AsmResult Ok = assemble(nested(MaxObjectDepth + 1));
  ASSERT_TRUE(Ok.Obj) << Ok.Diags;
  EXPECT_TRUE(bool(readObject(bytesOf(*Ok.Obj))));
  EXPECT_EQ(firstError(nested(MaxObjectDepth + 2)),
            "<input>:34:1: error: objects nest deeper than 32 levels");
  // Far deeper input stops at the limit instead of recursing.
  EXPECT_FALSE(assemble(nested(100000)).Obj);
}

TEST(AssemblerTest, ErrorsAreCapped) {
  std::string Source = ".object \"T\"\n";
  for (int I = 0; I < 100; ++I)
    Source += "frob\n";
  AsmResult R = assemble(Source);
  EXPECT_FALSE(R.Obj);
  size_t Count = 0;
  for (size_t P = R.Diags.find("error:"); P != std::string::npos;
       P = R.Diags.find("error:", P + 1))
    ++Count;
  EXPECT_EQ(Count, Assembler::MaxErrors);
  EXPECT_NE(R.Diags.find("too many errors"), std::string::npos);
}

/// Random mutations of a valid program: the assembler must not crash, and
/// whatever it accepts must round-trip through the disassembler.
TEST(AssemblerTest, MutatedInputs) {
  const std::string Seed = ".object \"D\"\n"
                           "  li r1, @datasize(\"R\")\n"
                           "x: ldc r2, @library(\"L\")\n"
                           "  beq r1, r2, x\n"
                           "  ldc r3, 0xff\n"
                           "  .data \"d\" hex\"0a0b\"\n"
                           "  .object \"R\"\n"
                           "    stop\n"
                           "  .end\n"
                           "  .metadata \"m\"\n"
                           ".end\n";
  const char Alphabet[] = " \n\t,:;#@()\"\\.-0123456789xabcdefrhl_";
  std::mt19937 Rng(12345);
  unsigned Accepted = 0;
  for (int Iter = 0; Iter < 3000; ++Iter) {
    std::string S = Seed;
    int Edits = 1 + Rng() % 4;
    for (int E = 0; E < Edits && !S.empty(); ++E) {
      size_t Pos = Rng() % S.size();
      switch (Rng() % 3) {
      case 0:
        S.erase(Pos, 1 + Rng() % 3);
        break;
      case 1:
        S.insert(Pos, 1, Alphabet[Rng() % (sizeof(Alphabet) - 1)]);
        break;
      default:
        S[Pos] = char(Rng() % 256);
      }
    }
    std::string Diags;
    llvm::raw_string_ostream OS(Diags);
    std::optional<Object> O = assembleText(S, OS);
    if (!O) {
      EXPECT_NE(Diags.find("error:"), std::string::npos) << S;
      continue;
    }
    ++Accepted;
    expectRoundTrip(*O);
  }
  EXPECT_GT(Accepted, 50u);
}

TEST(DisassemblerTest, PrintsReadably) {
  Object O = assembleBody("x: ldc r1, 12345678901234567890123\n"
                          "ldc r2, 42\n"
                          "jmp x\n"
                          ".data \"s\" \"text\"\n"
                          ".data \"b\" hex\"00ff\"");
  std::string Text = Disassembler().toString(O);
  EXPECT_EQ(Text, ".object \"T\"\n"
                  "  L0:\n"
                  "    ldc r1, 0x29d42b64e76714244cb\n"
                  "    ldc r2, 42\n"
                  "    jmp L0\n"
                  "  .pool\n"
                  "    .word 0x29d42b64e76714244cb  ; #0\n"
                  "    .word 42  ; #1\n"
                  "  .data \"s\" \"text\"\n"
                  "  .data \"b\" hex\"00ff\"\n"
                  ".end\n");
}

TEST(DisassemblerTest, DuplicatePoolValuesKeepTheirSlots) {
  Object O;
  O.Name = "P";
  O.Pool = {Word(5), Word(5)};
  O.Code = {Instruction{Opcode::Ldc, 1, 0, 0, 1},
            Instruction{Opcode::Ldc, 1, 0, 0, 0}};
  std::string Text = Disassembler().toString(O);
  EXPECT_NE(Text.find("ldc r1, #1\n"), std::string::npos) << Text;
  EXPECT_NE(Text.find("ldc r1, 5\n"), std::string::npos) << Text;
  expectRoundTrip(O);
}

TEST(DisassemblerTest, Headers) {
  Object O = assembleBody("stop\n.data \"d\" \"abc\"\n.object \"R\"\nstop\n"
                          ".end\n.metadata \"m\"");
  std::string S;
  llvm::raw_string_ostream OS(S);
  printHeaders(O, OS);
  ObjectLayout L = computeLayout(O);
  EXPECT_NE(S.find("object \"T\": " + std::to_string(L.TotalSize) +
                   " bytes at offset 0"),
            std::string::npos)
      << S;
  EXPECT_NE(S.find("object \"R\": 56 bytes at offset " +
                   std::to_string(L.SubobjectOffsets[0])),
            std::string::npos)
      << S;
}

} // namespace
