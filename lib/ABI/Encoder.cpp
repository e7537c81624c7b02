//===-- Encoder.cpp - Values written as text to ABI encoding --------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "TextCursor.h"
#include "zkc/ABI/ABI.h"
#include "zkc/Support/Word.h"

#include "llvm/ADT/StringExtras.h"

using namespace zkc;
using namespace zkc::abi;
using llvm::StringRef;

namespace {

/// A value as written, before its type gives it an encoding.
struct Value {
  enum class Kind { Number, Hex, Bool, String, List } K;
  /// Number: the magnitude; Negative when written with '-'.
  Word Num;
  bool Negative = false;
  /// Hex: the bytes of 0x... or hex"..."; String: the unescaped bytes.
  std::vector<uint8_t> Bytes;
  /// Hex: the number of digits written (0x0001 has 4).
  size_t Digits = 0;
  bool Flag = false;
  /// List: '[' or '('.
  char Open = 0;
  std::vector<Value> Items;
  /// 1-based column of the value's first character.
  size_t Column = 0;
};

llvm::Error errorAt(size_t Column, const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "column " + llvm::Twine(Column) + ": " + Msg);
}

class ValueParser : TextCursor {
public:
  /// Reads Text from Start on; columns in errors count from Text's start.
  ValueParser(StringRef Text, size_t Start) : TextCursor(Text, Start) {}

  /// Parses the rest of the text as a comma-separated list (possibly
  /// empty).
  llvm::Expected<std::vector<Value>> parseAll() {
    std::vector<Value> Items;
    skipSpace();
    if (Pos == Text.size())
      return Items;
    do {
      llvm::Expected<Value> V = parseValue(0);
      if (!V)
        return V.takeError();
      Items.push_back(std::move(*V));
    } while (consume(','));
    skipSpace();
    if (Pos != Text.size())
      return errorAt(Pos + 1, "expected ',' between values");
    return Items;
  }

private:
  llvm::Expected<Value> parseValue(unsigned Depth) {
    skipSpace();
    Value V;
    V.Column = Pos + 1;
    if (Depth > MaxDepth)
      return errorAt(V.Column, "values nest more than " +
                                   llvm::Twine(MaxDepth) + " levels deep");
    if (Pos == Text.size())
      return errorAt(V.Column, "expected a value");
    char C = Text[Pos];
    if (C == '[' || C == '(') {
      ++Pos;
      char Close = C == '[' ? ']' : ')';
      V.K = Value::Kind::List;
      V.Open = C;
      if (!consume(Close)) {
        do {
          llvm::Expected<Value> Item = parseValue(Depth + 1);
          if (!Item)
            return Item.takeError();
          V.Items.push_back(std::move(*Item));
        } while (consume(','));
        if (!consume(Close))
          return errorAt(Pos + 1,
                         "expected ',' or '" + llvm::Twine(Close) + "'");
      }
      return V;
    }
    if (C == '"' || C == '\'')
      return parseString(std::move(V));
    if (Text.substr(Pos).starts_with("hex\"") ||
        Text.substr(Pos).starts_with("hex'"))
      return parseHexString(std::move(V));
    size_t Start = Pos;
    while (Pos < Text.size() &&
           (llvm::isAlnum(Text[Pos]) || Text[Pos] == '-' || Text[Pos] == '_'))
      ++Pos;
    StringRef Tok = Text.slice(Start, Pos);
    if (Tok == "true" || Tok == "false") {
      V.K = Value::Kind::Bool;
      V.Flag = Tok == "true";
      return V;
    }
    if (Tok.starts_with_insensitive("0x")) {
      StringRef Digits = Tok.drop_front(2);
      V.K = Value::Kind::Hex;
      V.Digits = Digits.size();
      // "0x" alone is the empty byte string; as a number it is rejected.
      if (!llvm::all_of(Digits, llvm::isHexDigit))
        return errorAt(V.Column, "malformed hex number '" + Tok + "'");
      std::string Even = Digits.size() % 2 ? "0" + Digits.str() : Digits.str();
      V.Bytes.reserve(Even.size() / 2);
      for (size_t I = 0; I < Even.size(); I += 2)
        V.Bytes.push_back(llvm::hexFromNibbles(Even[I], Even[I + 1]));
      return V;
    }
    V.K = Value::Kind::Number;
    StringRef Magnitude = Tok;
    if (Magnitude.consume_front("-"))
      V.Negative = true;
    std::optional<Word> W;
    if (!Magnitude.empty() && llvm::all_of(Magnitude, llvm::isDigit))
      W = Word::fromString(
          std::string_view(Magnitude.data(), Magnitude.size()));
    if (!W) {
      if (Tok.empty())
        return errorAt(V.Column,
                       "expected a value, found '" + Text.substr(Pos, 1) + "'");
      if (!llvm::isDigit(Tok[0]) && Tok[0] != '-')
        return errorAt(V.Column, "expected a value, found '" + Tok + "'");
      return errorAt(V.Column, "malformed or too large number '" + Tok + "'");
    }
    V.Num = *W;
    return V;
  }

  llvm::Expected<Value> parseString(Value V) {
    char Quote = Text[Pos++];
    V.K = Value::Kind::String;
    while (true) {
      if (Pos >= Text.size())
        return errorAt(V.Column, "unterminated string");
      char C = Text[Pos++];
      if (C == Quote)
        return V;
      if (C != '\\') {
        V.Bytes.push_back(uint8_t(C));
        continue;
      }
      if (Pos >= Text.size())
        return errorAt(V.Column, "unterminated string");
      char E = Text[Pos++];
      switch (E) {
      case '\\':
      case '"':
      case '\'':
        V.Bytes.push_back(uint8_t(E));
        break;
      case 'n':
        V.Bytes.push_back('\n');
        break;
      case 'r':
        V.Bytes.push_back('\r');
        break;
      case 't':
        V.Bytes.push_back('\t');
        break;
      case '0':
        V.Bytes.push_back(0);
        break;
      case 'x':
        if (Pos + 2 > Text.size() || !llvm::isHexDigit(Text[Pos]) ||
            !llvm::isHexDigit(Text[Pos + 1]))
          return errorAt(Pos, "\\x needs two hex digits");
        V.Bytes.push_back(llvm::hexFromNibbles(Text[Pos], Text[Pos + 1]));
        Pos += 2;
        break;
      default:
        return errorAt(Pos - 1, "unknown escape '\\" + llvm::Twine(E) + "'");
      }
    }
  }

  llvm::Expected<Value> parseHexString(Value V) {
    Pos += 3;
    char Quote = Text[Pos++];
    size_t End = Text.find(Quote, Pos);
    if (End == StringRef::npos)
      return errorAt(V.Column, "unterminated hex string");
    StringRef Digits = Text.slice(Pos, End);
    Pos = End + 1;
    if (Digits.size() % 2 || !llvm::all_of(Digits, llvm::isHexDigit))
      return errorAt(V.Column, "a hex string needs an even number of hex "
                               "digits");
    V.K = Value::Kind::Hex;
    V.Digits = Digits.size();
    for (size_t I = 0; I < Digits.size(); I += 2)
      V.Bytes.push_back(llvm::hexFromNibbles(Digits[I], Digits[I + 1]));
    return V;
  }
};

class Encoder {
public:
  llvm::Error encodeTuple(llvm::ArrayRef<const Type *> Types,
                          llvm::ArrayRef<Value> Values, size_t Column,
                          std::vector<uint8_t> &Out) {
    if (Types.size() != Values.size())
      return errorAt(Column, "expected " + llvm::Twine(Types.size()) +
                                 " values, got " + llvm::Twine(Values.size()));
    uint64_t HeadSize = 0;
    for (const Type *T : Types)
      HeadSize += T->headSize();
    std::vector<uint8_t> Tail;
    for (size_t I = 0; I < Types.size(); ++I) {
      if (!Types[I]->isDynamic()) {
        if (llvm::Error E = encodeValue(*Types[I], Values[I], Out))
          return E;
        continue;
      }
      appendWord(Word(HeadSize + Tail.size()), Out);
      if (llvm::Error E = encodeValue(*Types[I], Values[I], Tail))
        return E;
    }
    Out.insert(Out.end(), Tail.begin(), Tail.end());
    return llvm::Error::success();
  }

private:
  static void appendWord(const Word &W, std::vector<uint8_t> &Out) {
    uint8_t B[32];
    W.toBigEndian(B);
    Out.insert(Out.end(), B, B + 32);
  }
  static void appendPadded(llvm::ArrayRef<uint8_t> Bytes,
                           std::vector<uint8_t> &Out) {
    Out.insert(Out.end(), Bytes.begin(), Bytes.end());
    Out.resize(Out.size() + (32 - Bytes.size() % 32) % 32, 0);
  }

  /// A number value (decimal, or hex read as a number) as a word, or an
  /// error for anything else.
  static llvm::Expected<Word> numberOf(const Type &T, const Value &V) {
    if (V.K == Value::Kind::Number)
      return V.Negative ? -V.Num : V.Num;
    if (V.K == Value::Kind::Hex) {
      if (V.Digits == 0)
        return errorAt(V.Column, "malformed hex number '0x'");
      if (V.Bytes.size() > 32)
        return errorAt(V.Column, "number does not fit in 256 bits");
      return Word::fromBigEndian(V.Bytes.data(), V.Bytes.size());
    }
    return errorAt(V.Column, "expected a number for " + T.canonical());
  }

  llvm::Error encodeValue(const Type &T, const Value &V,
                          std::vector<uint8_t> &Out) {
    switch (T.K) {
    case Type::Kind::UInt:
    case Type::Kind::Address: {
      if (V.Negative)
        return errorAt(V.Column, "negative value for " + T.canonical());
      llvm::Expected<Word> W = numberOf(T, V);
      if (!W)
        return W.takeError();
      unsigned Bits = T.K == Type::Kind::Address ? 160 : T.Size;
      if (Bits < 256 && !shr(*W, Word(Bits)).isZero())
        return errorAt(V.Column, "value does not fit in " + T.canonical());
      appendWord(*W, Out);
      return llvm::Error::success();
    }
    case Type::Kind::Int: {
      llvm::Expected<Word> W = numberOf(T, V);
      if (!W)
        return W.takeError();
      // In range when sign-extending from the type's width changes nothing.
      // A magnitude of 2^255 or more written without '-' is out of range for
      // int256 too, and so is "-0x8000...1".
      bool Fits = signExtend(Word(T.Size / 8 - 1), *W) == *W;
      if (V.K == Value::Kind::Number && V.Negative != W->isNegative() &&
          !W->isZero())
        Fits = false;
      if (V.K == Value::Kind::Hex && T.Size == 256 && W->isNegative())
        Fits = false;
      if (!Fits)
        return errorAt(V.Column, "value does not fit in " + T.canonical());
      appendWord(*W, Out);
      return llvm::Error::success();
    }
    case Type::Kind::Bool:
      if (V.K != Value::Kind::Bool)
        return errorAt(V.Column, "expected true or false for bool");
      appendWord(Word(V.Flag ? 1 : 0), Out);
      return llvm::Error::success();
    case Type::Kind::FixedBytes:
      if (V.K != Value::Kind::Hex && V.K != Value::Kind::String)
        return errorAt(V.Column,
                       "expected 0x-hex or a string for " + T.canonical());
      if (V.K == Value::Kind::Hex && V.Digits % 2)
        return errorAt(V.Column,
                       "odd number of hex digits for " + T.canonical());
      if (V.Bytes.size() > T.Size)
        return errorAt(V.Column, llvm::Twine(V.Bytes.size()) +
                                     " bytes do not fit in " + T.canonical());
      appendPadded(V.Bytes, Out);
      if (V.Bytes.empty())
        Out.resize(Out.size() + 32, 0);
      return llvm::Error::success();
    case Type::Kind::Bytes:
    case Type::Kind::String:
      if (V.K != Value::Kind::String &&
          !(V.K == Value::Kind::Hex && T.K == Type::Kind::Bytes))
        return errorAt(V.Column, T.K == Type::Kind::String
                                     ? "expected a string"
                                     : "expected 0x-hex or a string for "
                                       "bytes");
      if (V.K == Value::Kind::Hex && V.Digits % 2)
        return errorAt(V.Column, "odd number of hex digits for bytes");
      appendWord(Word(V.Bytes.size()), Out);
      appendPadded(V.Bytes, Out);
      return llvm::Error::success();
    case Type::Kind::Array:
    case Type::Kind::Tuple: {
      char Open = T.K == Type::Kind::Array ? '[' : '(';
      if (V.K != Value::Kind::List || V.Open != Open)
        return errorAt(V.Column,
                       "expected " +
                           llvm::Twine(Open == '[' ? "[...]" : "(...)") +
                           " for " + T.canonical());
      std::vector<const Type *> Types;
      if (T.K == Type::Kind::Tuple) {
        for (const Type &E : T.Elements)
          Types.push_back(&E);
      } else {
        if (T.Length && *T.Length != V.Items.size())
          return errorAt(V.Column, "expected " + llvm::Twine(*T.Length) +
                                       " elements for " + T.canonical());
        Types.assign(V.Items.size(), &T.Elements[0]);
        if (!T.Length)
          appendWord(Word(V.Items.size()), Out);
      }
      return encodeTuple(Types, V.Items, V.Column, Out);
    }
    }
    return llvm::Error::success();
  }
};

} // namespace

namespace {

/// Encodes the values written in Text from Start on.
llvm::Expected<std::vector<uint8_t>> encodeFrom(llvm::ArrayRef<Type> Types,
                                                StringRef Text, size_t Start) {
  llvm::Expected<std::vector<Value>> Parsed =
      ValueParser(Text, Start).parseAll();
  if (!Parsed)
    return Parsed.takeError();
  std::vector<const Type *> Ptrs;
  for (const Type &T : Types)
    Ptrs.push_back(&T);
  std::vector<uint8_t> Out;
  if (llvm::Error E = Encoder().encodeTuple(Ptrs, *Parsed, Start + 1, Out))
    return std::move(E);
  return Out;
}

/// Splits "HEAD(...): values" after the ')' matching the first '(' and
/// encodes the values with the types Parse reads from the head. Columns in
/// errors count from the start of Text.
template <typename ParseFn>
llvm::Expected<std::vector<uint8_t>>
encodeAfterHead(StringRef Text, ParseFn Parse, const char *Example) {
  size_t Open = Text.find('('), Close = StringRef::npos;
  if (Open != StringRef::npos) {
    int Level = 0;
    for (size_t I = Open; I < Text.size(); ++I) {
      Level += Text[I] == '(' ? 1 : Text[I] == ')' ? -1 : 0;
      if (Level == 0) {
        Close = I;
        break;
      }
    }
  }
  if (Close == StringRef::npos)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   llvm::Twine("expected ") + Example);
  std::vector<Type> Types;
  if (llvm::Error E = Parse(Text.take_front(Close + 1), Types))
    return std::move(E);
  StringRef Rest = Text.drop_front(Close + 1).ltrim();
  if (!Rest.empty() && !Rest.consume_front(":"))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "column " + llvm::Twine(Text.size() - Rest.size() + 1) +
            ": expected ':' between the types and the values");
  return encodeFrom(Types, Text, Text.size() - Rest.size());
}

} // namespace

llvm::Expected<std::vector<uint8_t>> abi::encode(llvm::ArrayRef<Type> Types,
                                                 StringRef Values) {
  return encodeFrom(Types, Values, 0);
}

llvm::Expected<std::vector<uint8_t>> abi::encodeCall(StringRef Text) {
  std::array<uint8_t, 4> Selector;
  llvm::Expected<std::vector<uint8_t>> Args = encodeAfterHead(
      Text,
      [&](StringRef Head, std::vector<Type> &Types) -> llvm::Error {
        llvm::Expected<Signature> Sig = parseSignature(Head);
        if (!Sig)
          return Sig.takeError();
        Selector = Sig->selector();
        Types = std::move(Sig->Params);
        return llvm::Error::success();
      },
      "a signature such as 'f(uint256,bool)'");
  if (!Args)
    return Args.takeError();
  std::vector<uint8_t> Out(Selector.begin(), Selector.end());
  Out.insert(Out.end(), Args->begin(), Args->end());
  return Out;
}

llvm::Expected<std::vector<uint8_t>> abi::encodeTuple(StringRef Text) {
  return encodeAfterHead(
      Text,
      [](StringRef Head, std::vector<Type> &Types) -> llvm::Error {
        llvm::Expected<std::vector<Type>> L = parseTypeList(Head);
        if (!L)
          return L.takeError();
        Types = std::move(*L);
        return llvm::Error::success();
      },
      "types and values such as '(uint256,bool): 1, true'");
}
