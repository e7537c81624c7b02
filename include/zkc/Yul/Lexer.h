//===-- zkc/Yul/Lexer.h - Yul tokens and diagnostics ------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Splits Yul text into tokens. Comments are skipped, except that solc's
// `/// @src` and `/// @use-src` annotations (also inside `/** */`) update the
// lexer's current origin, which the parser attaches to every node it builds.
// Diagnostics go through llvm::SourceMgr, so each carries file:line:column and
// the offending text.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_YUL_LEXER_H
#define ZKC_YUL_LEXER_H

#include "zkc/Yul/AST.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/SourceMgr.h"

#include <string>
#include <utility>
#include <vector>

namespace zkc::yul {

/// Reports errors against one SourceMgr and counts them. Errors are printed
/// to the stream given at construction (stderr by default); a null stream
/// counts them only.
class DiagnosticEngine {
public:
  explicit DiagnosticEngine(llvm::SourceMgr &SM);
  DiagnosticEngine(llvm::SourceMgr &SM, llvm::raw_ostream *OS)
      : SM(SM), OS(OS) {}

  void error(SourceRange Range, const llvm::Twine &Message);
  void error(const char *Loc, const llvm::Twine &Message) {
    error(SourceRange{Loc, Loc}, Message);
  }
  unsigned getNumErrors() const { return NumErrors; }
  bool hasErrors() const { return NumErrors != 0; }
  llvm::SourceMgr &getSourceMgr() { return SM; }
  /// The first error's message, for tests and the fuzzer.
  const std::string &firstError() const { return FirstError; }

private:
  llvm::SourceMgr &SM;
  llvm::raw_ostream *OS;
  unsigned NumErrors = 0;
  std::string FirstError;
};

enum class TokenKind {
  Eof,
  Error,
  Identifier,
  Number,
  String,
  HexString,
  // Keywords. `object`, `code` and `data` are keywords only in the object
  // grammar: the lexer returns them as identifiers, so that code may use
  // them as names (solc's own output has variables called `data`).
  KwObject,
  KwCode,
  KwData,
  KwFunction,
  KwLet,
  KwIf,
  KwSwitch,
  KwCase,
  KwDefault,
  KwFor,
  KwBreak,
  KwContinue,
  KwLeave,
  KwTrue,
  KwFalse,
  // Punctuation.
  LBrace,
  RBrace,
  LParen,
  RParen,
  Comma,
  Colon,
  Assign, // :=
  Arrow,  // ->
};

struct Token {
  TokenKind Kind = TokenKind::Eof;
  SourceRange Range;
  /// Decoded contents of String and HexString tokens.
  std::string Value;
  /// The origin in force where the token starts.
  OriginLoc Origin;
  llvm::StringRef text() const { return Range.text(); }
};

const char *tokenKindName(TokenKind Kind);

class Lexer {
public:
  Lexer(llvm::StringRef Buffer, DiagnosticEngine &Diags);

  /// Scans the next token. Errors are reported and yield TokenKind::Error.
  Token lex();

  /// Files named by `@use-src` so far.
  std::vector<std::pair<int, std::string>> &useSrc() { return UseSrc; }

private:
  void skipTrivia();
  void scanAnnotations(llvm::StringRef Comment);
  Token makeToken(TokenKind Kind, const char *Begin);
  Token lexString(const char *Begin, bool Hex);

  const char *Cur;
  const char *End;
  DiagnosticEngine &Diags;
  OriginLoc Origin;
  std::vector<std::pair<int, std::string>> UseSrc;
};

} // namespace zkc::yul

#endif // ZKC_YUL_LEXER_H
