//===-- Expectations.cpp - The calls after `// ----` ----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The expectation lines are one token stream: a call and its results may
// continue over several `//` lines, so lines are joined and a Newline token
// marks each start. Event lines (`// ~ ...`) and gas lines (`// gas ...`)
// belong to the call before them and are taken whole.
//
//===----------------------------------------------------------------------===//

#include "Expectations.h"

#include "llvm/ADT/StringExtras.h"

using namespace zkc;
using namespace zkc::isoltest;
using llvm::StringRef;

namespace {

enum class Tok {
  Ident,
  Number,
  HexNumber,
  String,
  LParen,
  RParen,
  LBrack,
  RBrack,
  Comma,
  Colon,
  Arrow,
  Sub,
  Hash,
  Newline,
  SideEffect,
  Gas,
  End
};

struct Token {
  Tok K;
  std::string Text; // identifier, digits, unescaped string, whole line
  unsigned Line = 0, Column = 0;
};

class Lexer {
public:
  Lexer(StringRef FileName) : FileName(FileName) {}

  /// Appends the tokens of one line (its text after "//").
  llvm::Error addLine(StringRef Body, unsigned Line, unsigned BodyColumn) {
    StringRef Trimmed = Body.ltrim();
    unsigned Col = BodyColumn + (Body.size() - Trimmed.size());
    if (Trimmed.starts_with("~")) {
      Tokens.push_back({Tok::SideEffect, Trimmed.str(), Line, Col});
      return llvm::Error::success();
    }
    if (Trimmed.starts_with("gas ")) {
      Tokens.push_back({Tok::Gas, Trimmed.str(), Line, Col});
      return llvm::Error::success();
    }
    Tokens.push_back({Tok::Newline, "", Line, BodyColumn});
    size_t I = 0;
    while (I < Body.size()) {
      char C = Body[I];
      unsigned Column = BodyColumn + I;
      if (llvm::isSpace(C)) {
        ++I;
        continue;
      }
      auto Single = [&](Tok K) {
        Tokens.push_back({K, std::string(1, C), Line, Column});
        ++I;
      };
      switch (C) {
      case '(':
        Single(Tok::LParen);
        continue;
      case ')':
        Single(Tok::RParen);
        continue;
      case '[':
        Single(Tok::LBrack);
        continue;
      case ']':
        Single(Tok::RBrack);
        continue;
      case ',':
        Single(Tok::Comma);
        continue;
      case ':':
        Single(Tok::Colon);
        continue;
      case '-':
        if (I + 1 < Body.size() && Body[I + 1] == '>') {
          Tokens.push_back({Tok::Arrow, "->", Line, Column});
          I += 2;
        } else {
          Single(Tok::Sub);
        }
        continue;
      case '#': {
        // A comment runs to the next '#' on the line.
        size_t End = Body.find('#', I + 1);
        if (End == StringRef::npos)
          return error(Line, Column, "comment is not closed by '#'");
        I = End + 1;
        continue;
      }
      case '"': {
        std::string S;
        size_t J = I + 1;
        for (;; ++J) {
          if (J >= Body.size())
            return error(Line, Column, "string is not closed on its line");
          if (Body[J] == '"')
            break;
          if (Body[J] != '\\') {
            S += Body[J];
            continue;
          }
          if (++J >= Body.size())
            return error(Line, Column, "string is not closed on its line");
          switch (Body[J]) {
          case '\\':
            S += '\\';
            break;
          case '"':
            S += '"';
            break;
          case 'n':
            S += '\n';
            break;
          case 'r':
            S += '\r';
            break;
          case 't':
            S += '\t';
            break;
          case '0':
            S += '\0';
            break;
          case 'x':
            if (J + 2 >= Body.size() || !llvm::isHexDigit(Body[J + 1]) ||
                !llvm::isHexDigit(Body[J + 2]))
              return error(Line, BodyColumn + J, "\\x needs two hex digits");
            S += char(llvm::hexFromNibbles(Body[J + 1], Body[J + 2]));
            J += 2;
            break;
          default:
            return error(Line, BodyColumn + J - 1,
                         "unknown escape sequence in string");
          }
        }
        Tokens.push_back({Tok::String, std::move(S), Line, Column});
        I = J + 1;
        continue;
      }
      default:
        break;
      }
      if (llvm::isDigit(C)) {
        size_t J = I;
        Tok K = Tok::Number;
        if (C == '0' && I + 1 < Body.size() &&
            (Body[I + 1] == 'x' || Body[I + 1] == 'X')) {
          K = Tok::HexNumber;
          J = I + 2;
          while (J < Body.size() && llvm::isHexDigit(Body[J]))
            ++J;
        } else {
          while (J < Body.size() && llvm::isDigit(Body[J]))
            ++J;
        }
        Tokens.push_back({K, Body.slice(I, J).str(), Line, Column});
        I = J;
        continue;
      }
      if (llvm::isAlpha(C) || C == '_' || C == '$') {
        size_t J = I;
        while (J < Body.size() &&
               (llvm::isAlnum(Body[J]) || Body[J] == '_' || Body[J] == '$'))
          ++J;
        Tokens.push_back({Tok::Ident, Body.slice(I, J).str(), Line, Column});
        I = J;
        continue;
      }
      return error(Line, Column,
                   "unexpected character '" + llvm::Twine(C) + "'");
    }
    return llvm::Error::success();
  }

  std::vector<Token> take() {
    Tokens.push_back(
        {Tok::End, "", Tokens.empty() ? 0 : Tokens.back().Line, 0});
    return std::move(Tokens);
  }

  llvm::Error error(unsigned Line, unsigned Column, const llvm::Twine &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   FileName + ":" + llvm::Twine(Line) + ":" +
                                       llvm::Twine(Column) + ": " + Msg);
  }

private:
  StringRef FileName;
  std::vector<Token> Tokens;

public:
  StringRef fileName() const { return FileName; }
};

/// Pads to whole words: on the right for left-aligned values, on the left
/// otherwise. An empty value still takes one word, as in solc's runner.
void appendAligned(std::vector<uint8_t> &Out, const std::vector<uint8_t> &B,
                   bool Left) {
  size_t Padded = B.empty() ? 32 : (B.size() + 31) / 32 * 32;
  if (!Left)
    Out.insert(Out.end(), Padded - B.size(), 0);
  Out.insert(Out.end(), B.begin(), B.end());
  if (Left)
    Out.insert(Out.end(), Padded - B.size(), 0);
}

class Parser {
public:
  Parser(std::vector<Token> Tokens, Lexer &Lex)
      : Tokens(std::move(Tokens)), Lex(Lex) {}

  llvm::Error parse(std::vector<Call> &Calls) {
    while (true) {
      skipNewlines();
      const Token &T = cur();
      if (T.K == Tok::End)
        return llvm::Error::success();
      if (T.K == Tok::SideEffect || T.K == Tok::Gas) {
        if (Calls.empty())
          return Lex.error(T.Line, T.Column,
                           "an event or gas line before any call");
        if (T.K == Tok::Gas) {
          Calls.back().Gas.push_back(T.Text);
        } else if (llvm::Error E = parseEvent(T, Calls.back())) {
          return E;
        }
        ++Pos;
        continue;
      }
      llvm::Expected<Call> C = parseCall();
      if (!C)
        return C.takeError();
      Calls.push_back(std::move(*C));
    }
  }

  bool atEnd() {
    skipNewlines();
    return cur().K == Tok::End;
  }

private:
  std::vector<Token> Tokens;
  Lexer &Lex;
  size_t Pos = 0;

  const Token &cur() const { return Tokens[Pos]; }
  const Token &peek(size_t N = 1) const {
    return Tokens[std::min(Pos + N, Tokens.size() - 1)];
  }
  void skipNewlines() {
    while (cur().K == Tok::Newline)
      ++Pos;
  }
  bool accept(Tok K) {
    skipNewlines();
    if (cur().K != K)
      return false;
    ++Pos;
    return true;
  }
  llvm::Error unexpected(const char *Expected) {
    skipNewlines();
    const Token &T = cur();
    std::string Found =
        T.K == Tok::End ? "the end of the expectations" : "'" + T.Text + "'";
    return Lex.error(T.Line, T.Column,
                     llvm::Twine("expected ") + Expected + ", found " + Found);
  }
  bool isIdent(StringRef S) const {
    return cur().K == Tok::Ident && cur().Text == S;
  }

  llvm::Expected<Call> parseCall() {
    Call C;
    const Token &First = cur();
    C.Line = First.Line;
    if (First.K == Tok::Ident && First.Text == "library" &&
        peek().K == Tok::Colon) {
      Pos += 2;
      C.K = Call::Kind::Library;
      // library: L, or library: "source.sol":L
      if (cur().K == Tok::String && peek().K == Tok::Colon) {
        C.Signature = cur().Text + ":";
        Pos += 2;
      }
      if (cur().K != Tok::Ident)
        return unexpected("a library name");
      C.Signature += cur().Text;
      ++Pos;
      return C;
    }
    if (First.K == Tok::Ident && peek().K != Tok::LParen) {
      // A builtin: balance, storageEmpty, account.
      C.Signature = First.Text;
      if (First.Text == "balance")
        C.K = Call::Kind::Balance;
      else if (First.Text == "storageEmpty")
        C.K = Call::Kind::StorageEmpty;
      else if (First.Text == "account")
        C.K = Call::Kind::Account;
      else if (StringRef(First.Text).starts_with("isoltest_"))
        C.K = Call::Kind::RunnerSelfTest;
      else
        return Lex.error(First.Line, First.Column,
                         "unknown builtin '" + First.Text + "'");
      ++Pos;
      if (accept(Tok::Colon)) {
        std::string RawArgument = cur().Text;
        std::vector<uint8_t> Arg;
        bool Failure = false;
        if (llvm::Error E = parseValues(Arg, Failure, /*AllowFailure=*/false))
          return std::move(E);
        if (C.K == Call::Kind::RunnerSelfTest) {
          C.Arguments = std::move(Arg);
        } else {
          if (Arg.size() != 32)
            return Lex.error(First.Line, First.Column,
                             "a builtin takes one word as argument");
          C.BuiltinArgument = Word::fromBigEndian(Arg.data());
          // solc's runner reads balance's address from the literal's text as
          // exactly 20 bytes of hex; any other literal ("0x124") is the zero
          // address there, and expectations are written against that.
          StringRef Hex(RawArgument);
          if (C.K == Call::Kind::Balance &&
              !(Hex.consume_front("0x") && Hex.size() == 40 &&
                llvm::all_of(Hex, llvm::isHexDigit)))
            C.BuiltinArgument = Word();
        }
      }
      if (llvm::Error E = parseExpectations(C))
        return std::move(E);
      return C;
    }
    // name(types) or (): the fallback or receive call.
    std::string Name;
    if (First.K == Tok::Ident) {
      Name = First.Text;
      ++Pos;
    } else if (First.K != Tok::LParen) {
      return unexpected("a call");
    }
    llvm::Expected<std::string> Params = parseTypeList();
    if (!Params)
      return Params.takeError();
    C.Signature = Name + *Params;
    if (Name.empty() && *Params != "()")
      return Lex.error(First.Line, First.Column,
                       "a call without a function name cannot have "
                       "parameters");
    if (Name == "constructor")
      C.K = Call::Kind::Constructor;
    if (accept(Tok::Comma)) {
      if (llvm::Error E = parseCallValue(C.Value))
        return std::move(E);
    }
    if (accept(Tok::Colon)) {
      bool Failure = false;
      if (llvm::Error E =
              parseValues(C.Arguments, Failure, /*AllowFailure=*/false))
        return std::move(E);
    }
    if (llvm::Error E = parseExpectations(C))
      return std::move(E);
    return C;
  }

  llvm::Error parseExpectations(Call &C) {
    if (!accept(Tok::Arrow))
      return llvm::Error::success();
    C.HasExpectations = true;
    return parseValues(C.Expected, C.ExpectFailure, /*AllowFailure=*/true,
                       /*AllowEmpty=*/true);
  }

  /// "(types)" as written, with nested tuples and array suffixes.
  llvm::Expected<std::string> parseTypeList() {
    if (!accept(Tok::LParen))
      return unexpected("'('");
    std::string S = "(";
    int Depth = 1;
    while (Depth > 0) {
      const Token &T = cur();
      switch (T.K) {
      case Tok::LParen:
        ++Depth;
        break;
      case Tok::RParen:
        --Depth;
        break;
      case Tok::Ident:
      case Tok::Number:
      case Tok::LBrack:
      case Tok::RBrack:
      case Tok::Comma:
        break;
      case Tok::Newline:
        ++Pos;
        continue;
      default:
        return unexpected("a parameter type");
      }
      S += T.Text;
      ++Pos;
    }
    return S;
  }

  llvm::Error parseCallValue(Word &Value) {
    skipNewlines();
    const Token &N = cur();
    if (N.K != Tok::Number)
      return unexpected("a value such as '1 ether'");
    std::optional<Word> Amount = Word::fromString(N.Text);
    ++Pos;
    skipNewlines();
    Word Unit;
    if (isIdent("ether"))
      Unit = Word(1'000'000'000'000'000'000ull);
    else if (isIdent("gwei"))
      Unit = Word(1'000'000'000ull);
    else if (isIdent("wei"))
      Unit = Word(1);
    else
      return unexpected("'ether', 'gwei' or 'wei'");
    ++Pos;
    if (!Amount || (!Amount->isZero() && udiv(Word::max(), Unit) < *Amount))
      return Lex.error(N.Line, N.Column, "value does not fit in 256 bits");
    Value = *Amount * Unit;
    return llvm::Error::success();
  }

  /// A comma-separated list of raw values, appended to Out. FAILURE may
  /// come first in expectations.
  llvm::Error parseValues(std::vector<uint8_t> &Out, bool &Failure,
                          bool AllowFailure, bool AllowEmpty = false) {
    // "->" alone (or followed by the next call) expects empty return data.
    if (AllowEmpty && !startsValue())
      return llvm::Error::success();
    bool First = true;
    do {
      skipNewlines();
      if (isIdent("FAILURE")) {
        if (!AllowFailure || !First)
          return unexpected("a value (FAILURE only starts an expectation)");
        ++Pos;
        Failure = true;
        First = false;
        continue;
      }
      if (llvm::Error E = parseValue(Out))
        return E;
      First = false;
    } while (accept(Tok::Comma));
    return llvm::Error::success();
  }

  /// Whether the next token (on this line or a continuation) begins a
  /// value rather than the next call.
  bool startsValue() {
    size_t P = Pos;
    while (Tokens[P].K == Tok::Newline)
      ++P;
    const Token &T = Tokens[P];
    switch (T.K) {
    case Tok::Number:
    case Tok::HexNumber:
    case Tok::String:
    case Tok::Sub:
      return true;
    case Tok::Ident:
      if (T.Text == "true" || T.Text == "false" || T.Text == "FAILURE")
        return true;
      // left(...), right(...) and hex"..." are values; f(...) is a call.
      if (T.Text == "left" || T.Text == "right")
        return Tokens[P + 1].K == Tok::LParen;
      return T.Text == "hex" && Tokens[P + 1].K == Tok::String;
    default:
      return false;
    }
  }

  llvm::Error parseValue(std::vector<uint8_t> &Out) {
    skipNewlines();
    bool Left = false, Aligned = false;
    if ((isIdent("left") || isIdent("right")) && peek().K == Tok::LParen) {
      Left = cur().Text == "left";
      Aligned = true;
      Pos += 2;
    }
    skipNewlines();
    const Token T = cur();
    bool Negative = false;
    if (T.K == Tok::Sub) {
      Negative = true;
      ++Pos;
    }
    const Token V = cur();
    std::vector<uint8_t> Bytes;
    if (V.K == Tok::Ident && (V.Text == "true" || V.Text == "false") &&
        !Negative) {
      Bytes.push_back(V.Text == "true");
      ++Pos;
      appendAligned(Out, Bytes, Left);
    } else if (V.K == Tok::Number) {
      std::optional<Word> W = Word::fromString(V.Text);
      if (!W)
        return Lex.error(V.Line, V.Column, "number does not fit in 256 bits");
      uint8_t B[32];
      if (Negative)
        *W = -*W;
      W->toBigEndian(B);
      // Like solc's runner: a negative number is its whole word; otherwise
      // the number's significant bytes are aligned, so left(1) is 0x01 and
      // 31 zero bytes.
      size_t Skip = Negative ? 0 : 32 - byteLength(*W);
      appendAligned(Out, std::vector<uint8_t>(B + Skip, B + 32), Left);
      ++Pos;
    } else if (V.K == Tok::HexNumber && !Negative) {
      StringRef Digits = StringRef(V.Text).drop_front(2);
      if (Digits.empty())
        return Lex.error(V.Line, V.Column, "hex number without digits");
      std::string Even = Digits.size() % 2 ? "0" + Digits.str() : Digits.str();
      for (size_t I = 0; I < Even.size(); I += 2)
        Bytes.push_back(llvm::hexFromNibbles(Even[I], Even[I + 1]));
      appendAligned(Out, Bytes, Left);
      ++Pos;
    } else if (V.K == Tok::Ident && V.Text == "hex" &&
               peek().K == Tok::String && !Negative && !Aligned) {
      const Token &S = peek();
      if (S.Text.size() % 2 || !llvm::all_of(S.Text, llvm::isHexDigit))
        return Lex.error(S.Line, S.Column,
                         "hex\"...\" needs an even number of hex digits");
      for (size_t I = 0; I < S.Text.size(); I += 2)
        Out.push_back(llvm::hexFromNibbles(S.Text[I], S.Text[I + 1]));
      Pos += 2;
    } else if (V.K == Tok::String && !Negative && !Aligned) {
      appendAligned(Out, std::vector<uint8_t>(V.Text.begin(), V.Text.end()),
                    /*Left=*/true);
      ++Pos;
    } else {
      return unexpected("a value");
    }
    if (Aligned && !accept(Tok::RParen))
      return unexpected("')' closing left(...) or right(...)");
    return llvm::Error::success();
  }

  /// "~ emit Name(types)[ from 0xaddr][: values]" or "~ emit <anonymous>...".
  llvm::Error parseEvent(const Token &T, Call &C) {
    StringRef S = StringRef(T.Text).drop_front(1).ltrim();
    if (!S.consume_front("emit ")) {
      C.OtherSideEffects.push_back(S.str());
      return llvm::Error::success();
    }
    S = S.ltrim();
    Event E;
    E.Line = T.Line;
    if (!S.consume_front("<anonymous>")) {
      size_t Open = S.find('(');
      if (Open == StringRef::npos)
        return Lex.error(T.Line, T.Column, "expected an event signature");
      int Depth = 0;
      size_t I = Open;
      for (; I < S.size(); ++I) {
        Depth += S[I] == '(' ? 1 : S[I] == ')' ? -1 : 0;
        if (Depth == 0)
          break;
      }
      if (I == S.size())
        return Lex.error(T.Line, T.Column, "event signature is not closed");
      E.Signature = S.take_front(I + 1).str();
      S = S.drop_front(I + 1);
    }
    S = S.ltrim();
    if (S.consume_front("from")) {
      S = S.ltrim();
      StringRef Addr =
          S.take_until([](char Ch) { return llvm::isSpace(Ch) || Ch == ':'; });
      std::optional<Word> A = Word::fromString(Addr.str());
      if (!A)
        return Lex.error(T.Line, T.Column,
                         "malformed emitter address '" + Addr + "'");
      E.Emitter = *A;
      S = S.drop_front(Addr.size()).ltrim();
    }
    if (S.consume_front(":")) {
      // Values, each optionally '#' for an indexed topic. Comments cannot
      // appear here, so '#' is free for that.
      llvm::SmallVector<StringRef> Parts;
      splitTopLevel(S, Parts);
      for (StringRef P : Parts) {
        P = P.trim();
        bool Indexed = P.consume_front("#");
        std::vector<uint8_t> Bytes;
        Lexer Sub(Lex.fileName());
        if (llvm::Error Err = Sub.addLine(P, T.Line, T.Column))
          return Err;
        Parser PP(Sub.take(), Sub);
        bool Failure = false;
        if (llvm::Error Err =
                PP.parseValues(Bytes, Failure, /*AllowFailure=*/false))
          return Err;
        if (!PP.atEnd())
          return Lex.error(T.Line, T.Column,
                           "unexpected text in event value '" + P + "'");
        if (Indexed) {
          if (Bytes.size() != 32)
            return Lex.error(T.Line, T.Column,
                             "an indexed value must be one word");
          E.Topics.push_back(Word::fromBigEndian(Bytes.data()));
        } else {
          E.Data.insert(E.Data.end(), Bytes.begin(), Bytes.end());
        }
      }
    } else if (!S.empty()) {
      return Lex.error(T.Line, T.Column,
                       "unexpected '" + S + "' after the event");
    }
    C.Events.push_back(std::move(E));
    return llvm::Error::success();
  }

  /// Splits at commas outside strings and parentheses.
  static void splitTopLevel(StringRef S,
                            llvm::SmallVectorImpl<StringRef> &Out) {
    int Depth = 0;
    bool InString = false;
    size_t Start = 0;
    for (size_t I = 0; I < S.size(); ++I) {
      char Ch = S[I];
      if (InString) {
        if (Ch == '\\')
          ++I;
        else if (Ch == '"')
          InString = false;
      } else if (Ch == '"') {
        InString = true;
      } else if (Ch == '(') {
        ++Depth;
      } else if (Ch == ')') {
        --Depth;
      } else if (Ch == ',' && Depth == 0) {
        Out.push_back(S.slice(Start, I));
        Start = I + 1;
      }
    }
    Out.push_back(S.drop_front(Start));
  }
};

} // namespace

llvm::Error
zkc::isoltest::parseExpectationLines(llvm::ArrayRef<ExpectationLine> Lines,
                                     StringRef FileName,
                                     std::vector<Call> &Calls) {
  Lexer Lex(FileName);
  for (const ExpectationLine &L : Lines)
    if (llvm::Error E = Lex.addLine(L.Body, L.Line, L.Column))
      return E;
  Parser P(Lex.take(), Lex);
  return P.parse(Calls);
}
