//===-- YulParserTest.cpp - Tests for the Yul lexer and parser ------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Yul/AST.h"
#include "zkc/Yul/Analysis.h"
#include "zkc/Yul/Lexer.h"
#include "zkc/Yul/Parser.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace zkc::yul;

namespace {

/// Parses (and optionally checks) Text, keeping the diagnostics.
struct Parsed {
  explicit Parsed(llvm::StringRef Text, bool Analyze = true)
      : DiagOS(Diagnostics), Diags(SM, &DiagOS) {
    SM.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, "t.yul"),
                          llvm::SMLoc());
    Ok = parseYul(Ctx, Diags) && (!Analyze || analyzeYul(Ctx, Diags));
  }
  std::string dump() {
    std::string S;
    llvm::raw_string_ostream OS(S);
    dumpAST(Ctx, SM, OS);
    return S;
  }
  llvm::SourceMgr SM;
  std::string Diagnostics;
  llvm::raw_string_ostream DiagOS;
  DiagnosticEngine Diags;
  ASTContext Ctx;
  bool Ok = false;
};

std::vector<Token> lexAll(llvm::StringRef Text) {
  llvm::SourceMgr SM;
  SM.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, "t.yul"),
                        llvm::SMLoc());
  DiagnosticEngine Diags(SM, nullptr);
  Lexer L(SM.getMemoryBuffer(SM.getMainFileID())->getBuffer(), Diags);
  std::vector<Token> Tokens;
  while (true) {
    Token T = L.lex();
    if (T.Kind == TokenKind::Eof)
      break;
    Tokens.push_back(T);
    if (T.Kind == TokenKind::Error)
      break;
  }
  return Tokens;
}

TEST(YulLexerTest, Tokens) {
  auto Tokens = lexAll("let x := 0x1F // c\n /* d */ f(a, \"s\\n\") -> hex\"00ff\"");
  std::vector<TokenKind> Kinds;
  for (const Token &T : Tokens)
    Kinds.push_back(T.Kind);
  std::vector<TokenKind> Expected = {
      TokenKind::KwLet,  TokenKind::Identifier, TokenKind::Assign,
      TokenKind::Number, TokenKind::Identifier, TokenKind::LParen,
      TokenKind::Identifier, TokenKind::Comma,  TokenKind::String,
      TokenKind::RParen, TokenKind::Arrow,      TokenKind::HexString};
  EXPECT_EQ(Kinds, Expected);
  EXPECT_EQ(Tokens[8].Value, "s\n");
  EXPECT_EQ(Tokens[11].Value, std::string("\x00\xff", 2));
}

TEST(YulLexerTest, ObjectWordsAreIdentifiers) {
  auto Tokens = lexAll("object code data");
  ASSERT_EQ(Tokens.size(), 3u);
  for (const Token &T : Tokens)
    EXPECT_EQ(T.Kind, TokenKind::Identifier);
}

TEST(YulLexerTest, SrcAnnotations) {
  auto Tokens = lexAll("a /// @src 1:2:3 \"x\"\nb /** @src -1:-1:-1 */ c");
  ASSERT_EQ(Tokens.size(), 3u);
  EXPECT_FALSE(Tokens[0].Origin.isValid());
  EXPECT_EQ(Tokens[1].Origin.SourceIndex, 1);
  EXPECT_EQ(Tokens[1].Origin.Start, 2);
  EXPECT_EQ(Tokens[1].Origin.End, 3);
  EXPECT_FALSE(Tokens[2].Origin.isValid());
}

TEST(YulParserTest, LiteralValues) {
  Parsed P("{ let a := 0xff let b := \"ab\" let c := true let d := 10 }");
  ASSERT_TRUE(P.Ok) << P.Diagnostics;
  auto *Code = P.Ctx.Root->Code;
  auto Value = [&](unsigned I) {
    return llvm::cast<Literal>(
               llvm::cast<VariableDeclaration>(Code->Statements[I])->Value)
        ->Value;
  };
  EXPECT_EQ(Value(0), 255u);
  EXPECT_EQ(Value(1), llvm::APInt(256, 0x6162).shl(240));
  EXPECT_EQ(Value(2), 1u);
  EXPECT_EQ(Value(3), 10u);
}

TEST(YulParserTest, ImplicitObject) {
  Parsed P("{ }");
  ASSERT_TRUE(P.Ok);
  EXPECT_TRUE(P.Ctx.Root->Implicit);
  EXPECT_EQ(P.Ctx.Root->Name, "object");
}

TEST(YulParserTest, NestedObjectsAndData) {
  Parsed P("object \"A\" { code { } object \"B\" { code { } data \"d\" \"x\" }"
           " data \"e\" hex\"0102\" }");
  ASSERT_TRUE(P.Ok) << P.Diagnostics;
  ASSERT_EQ(P.Ctx.Root->SubObjects.size(), 1u);
  EXPECT_EQ(P.Ctx.Root->SubObjects[0]->Parent, P.Ctx.Root);
  EXPECT_EQ(P.Ctx.Root->DataSections[0].Bytes, "\x01\x02");
  EXPECT_EQ(P.Ctx.Root->SubObjects[0]->DataSections[0].Bytes, "x");
}

TEST(YulParserTest, DepthLimit) {
  std::string Deep(MaxNestingDepth + 1, '{');
  Deep += std::string(MaxNestingDepth + 1, '}');
  Parsed P(Deep);
  EXPECT_FALSE(P.Ok);
  EXPECT_EQ(P.Diags.firstError(),
            "nesting too deep: more than 512 levels of blocks and expressions");
  std::string Fine(MaxNestingDepth, '{');
  Fine += std::string(MaxNestingDepth, '}');
  EXPECT_TRUE(Parsed(Fine).Ok);
}

TEST(YulParserTest, DiagnosticHasLocationAndText) {
  Parsed P("{\n  let x := }");
  EXPECT_FALSE(P.Ok);
  EXPECT_NE(P.Diagnostics.find("t.yul:2:12: error: expected a literal, found '}'"),
            std::string::npos)
      << P.Diagnostics;
  EXPECT_NE(P.Diagnostics.find("  let x := }"), std::string::npos);
}

TEST(YulAnalysisTest, ResolvesNames) {
  Parsed P("{ function f(a) -> r { r := a } let x := f(1) sstore(x, x) }");
  ASSERT_TRUE(P.Ok) << P.Diagnostics;
  auto *Code = P.Ctx.Root->Code;
  auto *Decl = llvm::cast<VariableDeclaration>(Code->Statements[1]);
  auto *Call = llvm::cast<FunctionCall>(Decl->Value);
  EXPECT_EQ(Call->Function,
            llvm::cast<FunctionDefinition>(Code->Statements[0]));
  auto *Store = llvm::cast<FunctionCall>(
      llvm::cast<ExpressionStatement>(Code->Statements[2])->E);
  ASSERT_NE(Store->Builtin, nullptr);
  EXPECT_EQ(Store->Builtin->Id, BuiltinId::SStore);
  EXPECT_EQ(llvm::cast<Identifier>(Store->Args[0])->Decl, Decl->Variables[0]);
}

TEST(YulAnalysisTest, DataNames) {
  Parsed P("object \"A\" { code { } object \"B\" { code { } object \"C\" "
           "{ code { } } } data \"d\" \"\" }");
  ASSERT_TRUE(P.Ok);
  Object *A = P.Ctx.Root;
  EXPECT_EQ(resolveDataName(A, "A").Obj, A);
  EXPECT_EQ(resolveDataName(A, "B").Obj, A->SubObjects[0]);
  EXPECT_EQ(resolveDataName(A, "B.C").Obj, A->SubObjects[0]->SubObjects[0]);
  EXPECT_NE(resolveDataName(A, "d").DataSec, nullptr);
  EXPECT_FALSE(resolveDataName(A, "C").found());
}

TEST(YulBuiltinsTest, Table) {
  const BuiltinInfo *Call = lookupBuiltin("call");
  ASSERT_NE(Call, nullptr);
  EXPECT_EQ(Call->Args, 7u);
  EXPECT_EQ(Call->Returns, 1u);
  EXPECT_EQ(lookupBuiltin("mcopy")->Args, 3u);
  EXPECT_NE(lookupBuiltin("pc")->UnsupportedReason, nullptr);
  EXPECT_EQ(lookupBuiltin("add")->UnsupportedReason, nullptr);
  EXPECT_EQ(lookupBuiltin("nope"), nullptr);
  EXPECT_TRUE(isVerbatimName("verbatim_2i_1o"));
  EXPECT_FALSE(isVerbatimName("verbatim_i_o"));
  for (unsigned I = 0; I < unsigned(BuiltinId::NumBuiltins); ++I)
    EXPECT_EQ(unsigned(getBuiltinInfo(BuiltinId(I)).Id), I);
}

} // namespace
