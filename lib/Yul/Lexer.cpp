//===-- Lexer.cpp - Yul tokens and diagnostics ----------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Yul/Lexer.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace zkc::yul;

DiagnosticEngine::DiagnosticEngine(SourceMgr &SM) : SM(SM), OS(&errs()) {}

void DiagnosticEngine::error(SourceRange Range, const Twine &Message) {
  ++NumErrors;
  if (NumErrors == 1)
    FirstError = Message.str();
  if (!OS)
    return;
  SMLoc Loc = SMLoc::getFromPointer(Range.Begin);
  SmallVector<SMRange, 1> Ranges;
  if (Range.End > Range.Begin)
    Ranges.push_back(SMRange(Loc, SMLoc::getFromPointer(Range.End)));
  SM.PrintMessage(*OS, Loc, SourceMgr::DK_Error, Message, Ranges);
}

const char *zkc::yul::tokenKindName(TokenKind Kind) {
  switch (Kind) {
  case TokenKind::Eof: return "end of input";
  case TokenKind::Error: return "invalid token";
  case TokenKind::Identifier: return "identifier";
  case TokenKind::Number: return "number";
  case TokenKind::String: return "string literal";
  case TokenKind::HexString: return "hex string literal";
  case TokenKind::KwObject: return "'object'";
  case TokenKind::KwCode: return "'code'";
  case TokenKind::KwData: return "'data'";
  case TokenKind::KwFunction: return "'function'";
  case TokenKind::KwLet: return "'let'";
  case TokenKind::KwIf: return "'if'";
  case TokenKind::KwSwitch: return "'switch'";
  case TokenKind::KwCase: return "'case'";
  case TokenKind::KwDefault: return "'default'";
  case TokenKind::KwFor: return "'for'";
  case TokenKind::KwBreak: return "'break'";
  case TokenKind::KwContinue: return "'continue'";
  case TokenKind::KwLeave: return "'leave'";
  case TokenKind::KwTrue: return "'true'";
  case TokenKind::KwFalse: return "'false'";
  case TokenKind::LBrace: return "'{'";
  case TokenKind::RBrace: return "'}'";
  case TokenKind::LParen: return "'('";
  case TokenKind::RParen: return "')'";
  case TokenKind::Comma: return "','";
  case TokenKind::Colon: return "':'";
  case TokenKind::Assign: return "':='";
  case TokenKind::Arrow: return "'->'";
  }
  return "token";
}

Lexer::Lexer(StringRef Buffer, DiagnosticEngine &Diags)
    : Cur(Buffer.begin()), End(Buffer.end()), Diags(Diags) {}

static bool isIdentStart(char C) {
  return isAlpha(C) || C == '_' || C == '$';
}
static bool isIdentChar(char C) { return isIdentStart(C) || isDigit(C) || C == '.'; }

/// Parses a possibly negative decimal integer at the front of S.
static bool consumeInt(StringRef &S, int &Value) {
  bool Negative = S.consume_front("-");
  size_t N = 0;
  while (N < S.size() && isDigit(S[N]))
    ++N;
  if (N == 0 || N > 9)
    return false;
  int V = 0;
  S.substr(0, N).getAsInteger(10, V);
  S = S.drop_front(N);
  Value = Negative ? -V : V;
  return true;
}

/// Skips a quoted snippet at the front of S (solc quotes the source text
/// after `@src`), honouring backslash escapes.
static void skipQuoted(StringRef &S) {
  if (S.empty() || S.front() != '"')
    return;
  size_t I = 1;
  while (I < S.size() && S[I] != '"')
    I += S[I] == '\\' ? 2 : 1;
  S = S.drop_front(std::min(I + 1, S.size()));
}

void Lexer::scanAnnotations(StringRef Comment) {
  while (true) {
    size_t At = Comment.find('@');
    if (At == StringRef::npos)
      return;
    Comment = Comment.drop_front(At);
    if (Comment.consume_front("@src")) {
      StringRef S = Comment.ltrim(" \t");
      OriginLoc Loc;
      if (consumeInt(S, Loc.SourceIndex) && S.consume_front(":") &&
          consumeInt(S, Loc.Start) && S.consume_front(":") &&
          consumeInt(S, Loc.End)) {
        Origin = Loc.SourceIndex < 0 ? OriginLoc() : Loc;
        S = S.ltrim(" \t");
        skipQuoted(S);
      }
      Comment = S;
      continue;
    }
    if (Comment.consume_front("@use-src")) {
      StringRef S = Comment.ltrim(" \t");
      while (true) {
        int Index;
        if (!consumeInt(S, Index) || !S.consume_front(":") ||
            !S.starts_with("\""))
          break;
        size_t Close = S.find('"', 1);
        if (Close == StringRef::npos)
          break;
        UseSrc.emplace_back(Index, S.substr(1, Close - 1).str());
        S = S.drop_front(Close + 1).ltrim(" \t");
        if (!S.consume_front(","))
          break;
        S = S.ltrim(" \t\r\n");
      }
      Comment = S;
      continue;
    }
    Comment = Comment.drop_front();
  }
}

void Lexer::skipTrivia() {
  while (Cur < End) {
    char C = *Cur;
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' ||
        C == '\v') {
      ++Cur;
      continue;
    }
    if (C == '/' && Cur + 1 < End && Cur[1] == '/') {
      const char *Begin = Cur;
      while (Cur < End && *Cur != '\n')
        ++Cur;
      if (Cur - Begin >= 3 && Begin[2] == '/')
        scanAnnotations(StringRef(Begin + 3, Cur - Begin - 3));
      continue;
    }
    if (C == '/' && Cur + 1 < End && Cur[1] == '*') {
      const char *Begin = Cur;
      Cur += 2;
      while (Cur + 1 < End && !(Cur[0] == '*' && Cur[1] == '/'))
        ++Cur;
      if (Cur + 1 >= End) {
        Diags.error(SourceRange{Begin, Begin + 2}, "unterminated comment");
        Cur = End;
        return;
      }
      if (Cur - Begin >= 3 && Begin[2] == '*')
        scanAnnotations(StringRef(Begin + 3, Cur - Begin - 3));
      Cur += 2;
      continue;
    }
    return;
  }
}

Token Lexer::makeToken(TokenKind Kind, const char *Begin) {
  Token T;
  T.Kind = Kind;
  T.Range = {Begin, Cur};
  T.Origin = Origin;
  return T;
}

Token Lexer::lexString(const char *Begin, bool Hex) {
  char Quote = *Cur++;
  std::string Value;
  while (true) {
    if (Cur >= End || *Cur == '\n') {
      Diags.error(SourceRange{Begin, Cur}, "unterminated string literal");
      return makeToken(TokenKind::Error, Begin);
    }
    char C = *Cur;
    if (C == Quote) {
      ++Cur;
      break;
    }
    if (Hex) {
      if (C == '_' && !Value.empty() && Cur + 1 < End && isHexDigit(Cur[1])) {
        ++Cur;
        continue;
      }
      if (!isHexDigit(C) || Cur + 1 >= End || !isHexDigit(Cur[1])) {
        Diags.error(SourceRange{Cur, Cur + 1},
                    "hex string literal must contain an even number of hex "
                    "digits");
        return makeToken(TokenKind::Error, Begin);
      }
      Value.push_back(char(hexDigitValue(C) * 16 + hexDigitValue(Cur[1])));
      Cur += 2;
      continue;
    }
    if (C != '\\') {
      Value.push_back(C);
      ++Cur;
      continue;
    }
    const char *EscBegin = Cur++;
    if (Cur >= End)
      continue;
    char E = *Cur++;
    switch (E) {
    case '\\': Value.push_back('\\'); break;
    case '"': Value.push_back('"'); break;
    case '\'': Value.push_back('\''); break;
    case 'n': Value.push_back('\n'); break;
    case 'r': Value.push_back('\r'); break;
    case 't': Value.push_back('\t'); break;
    case 'b': Value.push_back('\b'); break;
    case 'f': Value.push_back('\f'); break;
    case 'v': Value.push_back('\v'); break;
    case '0': Value.push_back('\0'); break;
    case '\n': break;
    case 'x': {
      if (Cur + 1 < End && isHexDigit(Cur[0]) && isHexDigit(Cur[1])) {
        Value.push_back(char(hexDigitValue(Cur[0]) * 16 + hexDigitValue(Cur[1])));
        Cur += 2;
        break;
      }
      Diags.error(SourceRange{EscBegin, Cur}, "invalid \\x escape sequence");
      return makeToken(TokenKind::Error, Begin);
    }
    case 'u': {
      unsigned CodePoint = 0;
      for (int I = 0; I < 4; ++I) {
        if (Cur >= End || !isHexDigit(*Cur)) {
          Diags.error(SourceRange{EscBegin, Cur}, "invalid \\u escape sequence");
          return makeToken(TokenKind::Error, Begin);
        }
        CodePoint = CodePoint * 16 + hexDigitValue(*Cur++);
      }
      // UTF-8, as solc encodes \u escapes.
      if (CodePoint < 0x80) {
        Value.push_back(char(CodePoint));
      } else if (CodePoint < 0x800) {
        Value.push_back(char(0xC0 | (CodePoint >> 6)));
        Value.push_back(char(0x80 | (CodePoint & 0x3F)));
      } else {
        Value.push_back(char(0xE0 | (CodePoint >> 12)));
        Value.push_back(char(0x80 | ((CodePoint >> 6) & 0x3F)));
        Value.push_back(char(0x80 | (CodePoint & 0x3F)));
      }
      break;
    }
    default:
      Diags.error(SourceRange{EscBegin, Cur}, "invalid escape sequence");
      return makeToken(TokenKind::Error, Begin);
    }
  }
  Token T = makeToken(Hex ? TokenKind::HexString : TokenKind::String, Begin);
  T.Value = std::move(Value);
  return T;
}

Token Lexer::lex() {
  skipTrivia();
  const char *Begin = Cur;
  if (Cur >= End)
    return makeToken(TokenKind::Eof, Begin);
  char C = *Cur;

  if (C == 'h' && End - Cur >= 4 && Cur[1] == 'e' && Cur[2] == 'x' &&
      (Cur[3] == '"' || Cur[3] == '\'')) {
    Cur += 3;
    return lexString(Begin, /*Hex=*/true);
  }
  if (isIdentStart(C)) {
    while (Cur < End && isIdentChar(*Cur))
      ++Cur;
    StringRef Text(Begin, Cur - Begin);
    TokenKind Kind = StringSwitch<TokenKind>(Text)
                         .Case("function", TokenKind::KwFunction)
                         .Case("let", TokenKind::KwLet)
                         .Case("if", TokenKind::KwIf)
                         .Case("switch", TokenKind::KwSwitch)
                         .Case("case", TokenKind::KwCase)
                         .Case("default", TokenKind::KwDefault)
                         .Case("for", TokenKind::KwFor)
                         .Case("break", TokenKind::KwBreak)
                         .Case("continue", TokenKind::KwContinue)
                         .Case("leave", TokenKind::KwLeave)
                         .Case("true", TokenKind::KwTrue)
                         .Case("false", TokenKind::KwFalse)
                         .Default(TokenKind::Identifier);
    return makeToken(Kind, Begin);
  }
  if (isDigit(C)) {
    if (C == '0' && Cur + 1 < End && Cur[1] == 'x') {
      Cur += 2;
      while (Cur < End && isHexDigit(*Cur))
        ++Cur;
      if (Cur - Begin == 2) {
        Diags.error(SourceRange{Begin, Cur}, "hex number without digits");
        return makeToken(TokenKind::Error, Begin);
      }
    } else {
      while (Cur < End && isDigit(*Cur))
        ++Cur;
    }
    if (Cur < End && isIdentChar(*Cur)) {
      while (Cur < End && isIdentChar(*Cur))
        ++Cur;
      Diags.error(SourceRange{Begin, Cur}, "invalid number literal '" +
                                               StringRef(Begin, Cur - Begin) +
                                               "'");
      return makeToken(TokenKind::Error, Begin);
    }
    return makeToken(TokenKind::Number, Begin);
  }
  if (C == '"' || C == '\'')
    return lexString(Begin, /*Hex=*/false);

  ++Cur;
  switch (C) {
  case '{': return makeToken(TokenKind::LBrace, Begin);
  case '}': return makeToken(TokenKind::RBrace, Begin);
  case '(': return makeToken(TokenKind::LParen, Begin);
  case ')': return makeToken(TokenKind::RParen, Begin);
  case ',': return makeToken(TokenKind::Comma, Begin);
  case ':':
    if (Cur < End && *Cur == '=') {
      ++Cur;
      return makeToken(TokenKind::Assign, Begin);
    }
    return makeToken(TokenKind::Colon, Begin);
  case '-':
    if (Cur < End && *Cur == '>') {
      ++Cur;
      return makeToken(TokenKind::Arrow, Begin);
    }
    break;
  default:
    break;
  }
  // One whole UTF-8 sequence, so the message shows a whole character.
  while (Cur < End && (static_cast<unsigned char>(*Cur) & 0xC0) == 0x80)
    ++Cur;
  Diags.error(SourceRange{Begin, Cur},
              "unexpected character '" + StringRef(Begin, Cur - Begin) + "'");
  return makeToken(TokenKind::Error, Begin);
}
