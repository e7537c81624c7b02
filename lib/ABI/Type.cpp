//===-- Type.cpp - ABI types and function signatures ----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "TextCursor.h"
#include "zkc/ABI/ABI.h"
#include "zkc/Support/Keccak.h"

#include "llvm/ADT/StringExtras.h"

using namespace zkc;
using namespace zkc::abi;
using llvm::StringRef;

bool Type::isDynamic() const {
  switch (K) {
  case Kind::Bytes:
  case Kind::String:
    return true;
  case Kind::Array:
    return !Length || Elements[0].isDynamic();
  case Kind::Tuple:
    for (const Type &E : Elements)
      if (E.isDynamic())
        return true;
    return false;
  default:
    return false;
  }
}

uint64_t Type::headSize() const {
  if (isDynamic())
    return 32;
  // Static arrays and tuples are encoded in place. Saturate: a static
  // "uint256[4294967295][4294967295]" is a valid type that no call can hold.
  constexpr uint64_t Cap = uint64_t(1) << 62;
  if (K == Kind::Array) {
    uint64_t Elem = Elements[0].headSize();
    return *Length != 0 && Elem > Cap / *Length ? Cap : Elem * *Length;
  }
  if (K == Kind::Tuple) {
    uint64_t Sum = 0;
    for (const Type &E : Elements)
      Sum = std::min(Cap, Sum + E.headSize());
    return Sum;
  }
  return 32;
}

std::string Type::canonical() const {
  switch (K) {
  case Kind::UInt:
    return "uint" + std::to_string(Size);
  case Kind::Int:
    return "int" + std::to_string(Size);
  case Kind::Address:
    return "address";
  case Kind::Bool:
    return "bool";
  case Kind::FixedBytes:
    return "bytes" + std::to_string(Size);
  case Kind::Bytes:
    return "bytes";
  case Kind::String:
    return "string";
  case Kind::Array:
    return Elements[0].canonical() + "[" +
           (Length ? std::to_string(*Length) : std::string()) + "]";
  case Kind::Tuple: {
    std::string S = "(";
    for (size_t I = 0; I < Elements.size(); ++I)
      S += (I ? "," : "") + Elements[I].canonical();
    return S + ")";
  }
  }
  return {};
}

namespace {

/// A recursive-descent parser over one type string, with a depth limit so
/// that "((((...))))" cannot exhaust the stack.
class TypeParser : TextCursor {
public:
  explicit TypeParser(StringRef Text) : TextCursor(Text) {}

  llvm::Expected<Type> parseWhole() {
    skipSpace();
    llvm::Expected<Type> T = parseType(0);
    if (!T)
      return T.takeError();
    skipSpace();
    if (Pos != Text.size())
      return error("unexpected '" + Text.substr(Pos, 1).str() +
                   "' after the type");
    return T;
  }

  llvm::Expected<std::vector<Type>> parseWholeList() {
    skipSpace();
    if (!consume('('))
      return error("expected '(' to start a list of types");
    llvm::Expected<std::vector<Type>> L = parseMembers(0);
    if (!L)
      return L.takeError();
    skipSpace();
    if (Pos != Text.size())
      return error("unexpected text after the list of types");
    return L;
  }

  /// Parses "name(types)"; the name is what precedes '('.
  llvm::Expected<Signature> parseSignature() {
    skipSpace();
    size_t Start = Pos;
    while (Pos < Text.size() &&
           (llvm::isAlnum(Text[Pos]) || Text[Pos] == '_' || Text[Pos] == '$'))
      ++Pos;
    if (Pos == Start || llvm::isDigit(Text[Start]))
      return error("expected a function name");
    Signature S;
    S.Name = Text.slice(Start, Pos).str();
    skipSpace();
    if (!consume('('))
      return error("expected '(' after the function name");
    llvm::Expected<std::vector<Type>> Params = parseMembers(0);
    if (!Params)
      return Params.takeError();
    S.Params = std::move(*Params);
    skipSpace();
    if (Pos != Text.size())
      return error("unexpected text after the signature");
    return S;
  }

private:
  llvm::Error error(const llvm::Twine &Msg) const {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "column " + llvm::Twine(Pos + 1) + ": " +
                                       Msg);
  }

  /// Members of a tuple after its '(' up to and including ')'.
  llvm::Expected<std::vector<Type>> parseMembers(unsigned Depth) {
    std::vector<Type> Members;
    if (consume(')'))
      return Members;
    do {
      llvm::Expected<Type> T = parseType(Depth + 1);
      if (!T)
        return T.takeError();
      Members.push_back(std::move(*T));
    } while (consume(','));
    if (!consume(')'))
      return error("expected ',' or ')' in a list of types");
    return Members;
  }

  llvm::Expected<Type> parseType(unsigned Depth) {
    if (Depth > MaxDepth)
      return error("types nest more than " + llvm::Twine(MaxDepth) +
                   " levels deep");
    skipSpace();
    Type T;
    if (consume('(')) {
      llvm::Expected<std::vector<Type>> Members = parseMembers(Depth);
      if (!Members)
        return Members.takeError();
      T.K = Type::Kind::Tuple;
      T.Elements = std::move(*Members);
    } else {
      llvm::Expected<Type> E = parseElementary();
      if (!E)
        return E.takeError();
      T = std::move(*E);
    }
    // Array suffixes: each wraps what precedes it, so "uint8[2][]" is a
    // dynamic array of uint8[2].
    while (consume('[')) {
      if (++Depth > MaxDepth)
        return error("types nest more than " + llvm::Twine(MaxDepth) +
                     " levels deep");
      Type A;
      A.K = Type::Kind::Array;
      skipSpace();
      size_t Start = Pos;
      while (Pos < Text.size() && llvm::isDigit(Text[Pos]))
        ++Pos;
      if (Pos != Start) {
        uint64_t N;
        if (Text.slice(Start, Pos).getAsInteger(10, N) || N == 0 ||
            N > UINT32_MAX)
          return error("array length must be between 1 and 4294967295");
        A.Length = N;
      }
      if (!consume(']'))
        return error("expected ']'");
      A.Elements.push_back(std::move(T));
      T = std::move(A);
    }
    return T;
  }

  llvm::Expected<Type> parseElementary() {
    size_t Start = Pos;
    while (Pos < Text.size() && llvm::isAlnum(Text[Pos]))
      ++Pos;
    StringRef Word = Text.slice(Start, Pos);
    Type T;
    auto SizeSuffix = [&](StringRef Prefix, unsigned &Out) {
      StringRef Rest = Word.drop_front(Prefix.size());
      if (Rest.empty())
        return false;
      return !Rest.getAsInteger(10, Out) && Rest[0] != '0';
    };
    unsigned N = 0;
    if (Word == "address") {
      T.K = Type::Kind::Address;
    } else if (Word == "bool") {
      T.K = Type::Kind::Bool;
    } else if (Word == "string") {
      T.K = Type::Kind::String;
    } else if (Word == "bytes") {
      T.K = Type::Kind::Bytes;
    } else if (Word == "uint" || Word == "int") {
      T.K = Word == "uint" ? Type::Kind::UInt : Type::Kind::Int;
    } else if (Word.starts_with("uint") || Word.starts_with("int")) {
      bool Unsigned = Word.starts_with("uint");
      if (!SizeSuffix(Unsigned ? "uint" : "int", N) || N % 8 || N > 256)
        return error("'" + Word +
                     "' is not an integer type: the width must "
                     "be a multiple of 8 from 8 to 256");
      T.K = Unsigned ? Type::Kind::UInt : Type::Kind::Int;
      T.Size = N;
    } else if (Word.starts_with("bytes")) {
      if (!SizeSuffix("bytes", N) || N > 32)
        return error("'" + Word +
                     "' is not a type: bytesN needs N from 1 "
                     "to 32");
      T.K = Type::Kind::FixedBytes;
      T.Size = N;
    } else {
      Pos = Start;
      if (Word.empty())
        return error("expected a type");
      return error("unknown type '" + Word + "'");
    }
    return T;
  }
};

} // namespace

llvm::Expected<Type> abi::parseType(StringRef Text) {
  return TypeParser(Text).parseWhole();
}

llvm::Expected<std::vector<Type>> abi::parseTypeList(StringRef Text) {
  return TypeParser(Text).parseWholeList();
}

llvm::Expected<Signature> abi::parseSignature(StringRef Text) {
  return TypeParser(Text).parseSignature();
}

std::string Signature::canonical() const {
  std::string S = Name + "(";
  for (size_t I = 0; I < Params.size(); ++I)
    S += (I ? "," : "") + Params[I].canonical();
  return S + ")";
}

std::array<uint8_t, 4> Signature::selector() const {
  std::string C = canonical();
  std::array<uint8_t, 32> H =
      keccak256(reinterpret_cast<const uint8_t *>(C.data()), C.size());
  return {H[0], H[1], H[2], H[3]};
}
