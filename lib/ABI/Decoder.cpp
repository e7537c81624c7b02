//===-- Decoder.cpp - ABI encoding to values written as text --------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/ABI/ABI.h"
#include "zkc/Support/Hex.h"
#include "zkc/Support/Word.h"

using namespace zkc;
using namespace zkc::abi;

namespace {

/// Offsets may point anywhere, so nested dynamic arrays can make a few
/// hundred bytes of input decode to an exponentially long text; stop there.
constexpr size_t MaxOutput = 16u << 20;

llvm::Error errorAt(uint64_t Offset, const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "offset " + llvm::Twine(Offset) + ": " + Msg);
}

class Decoder {
public:
  Decoder(llvm::ArrayRef<uint8_t> Data, std::string &Out)
      : Data(Data), Out(Out) {}

  /// Decodes a tuple whose head starts at Base.
  llvm::Error decodeTuple(llvm::ArrayRef<const Type *> Types, uint64_t Base,
                          unsigned Depth) {
    if (Depth > MaxDepth)
      return errorAt(Base, "values nest too deep");
    uint64_t Head = Base;
    for (size_t I = 0; I < Types.size(); ++I) {
      if (I)
        Out += ", ";
      if (Out.size() > MaxOutput)
        return errorAt(Head, "decoded text exceeds 16 MiB");
      const Type &T = *Types[I];
      if (T.isDynamic()) {
        llvm::Expected<uint64_t> Offset = readSize(Head, "offset");
        if (!Offset)
          return Offset.takeError();
        if (*Offset > Data.size() - Base)
          return errorAt(Head,
                         "offset " + llvm::Twine(*Offset) + " leaves the data");
        if (llvm::Error E = decodeValue(T, Base + *Offset, Depth))
          return E;
        Head += 32;
        continue;
      }
      if (llvm::Error E = decodeValue(T, Head, Depth))
        return E;
      Head += T.headSize();
    }
    return llvm::Error::success();
  }

private:
  llvm::ArrayRef<uint8_t> Data;
  std::string &Out;

  llvm::Expected<Word> readWord(uint64_t At) {
    if (At > Data.size() || Data.size() - At < 32)
      return errorAt(At, "the data ends inside a word");
    return Word::fromBigEndian(Data.data() + At);
  }
  /// A length or offset: a word that must fit in the data's size.
  llvm::Expected<uint64_t> readSize(uint64_t At, const char *What) {
    llvm::Expected<Word> W = readWord(At);
    if (!W)
      return W.takeError();
    if (!W->fitsU64() || W->low() > Data.size())
      return errorAt(At, llvm::Twine(What) + " " + W->toHex() +
                             " is larger than the data");
    return W->low();
  }

  llvm::Error decodeValue(const Type &T, uint64_t At, unsigned Depth) {
    switch (T.K) {
    case Type::Kind::UInt:
    case Type::Kind::Address:
    case Type::Kind::Int:
    case Type::Kind::Bool: {
      llvm::Expected<Word> W = readWord(At);
      if (!W)
        return W.takeError();
      unsigned Bits = T.K == Type::Kind::Address ? 160
                      : T.K == Type::Kind::Bool  ? 1
                                                 : T.Size;
      if (T.K == Type::Kind::Int) {
        if (signExtend(Word(T.Size / 8 - 1), *W) != *W)
          return errorAt(At, "value is not a sign-extended " + T.canonical());
        Out += W->isNegative() ? "-" + (-*W).toDecimal() : W->toDecimal();
        return llvm::Error::success();
      }
      if (Bits < 256 && !shr(*W, Word(Bits)).isZero())
        return errorAt(At, "value does not fit in " + T.canonical());
      if (T.K == Type::Kind::Bool)
        Out += W->isZero() ? "false" : "true";
      else if (T.K == Type::Kind::Address)
        Out += "0x" + W->toHex64().substr(24);
      else
        Out += W->toDecimal();
      return llvm::Error::success();
    }
    case Type::Kind::FixedBytes: {
      if (At > Data.size() || Data.size() - At < 32)
        return errorAt(At, "the data ends inside a word");
      for (unsigned I = T.Size; I < 32; ++I)
        if (Data[At + I])
          return errorAt(At, "non-zero padding after " + T.canonical());
      Out += toHexString(Data.data() + At, T.Size);
      return llvm::Error::success();
    }
    case Type::Kind::Bytes:
    case Type::Kind::String: {
      llvm::Expected<uint64_t> Len = readSize(At, "length");
      if (!Len)
        return Len.takeError();
      uint64_t Start = At + 32, Padded = (*Len + 31) / 32 * 32;
      if (Padded > Data.size() - Start)
        return errorAt(At, "length " + llvm::Twine(*Len) + " leaves the data");
      for (uint64_t I = *Len; I < Padded; ++I)
        if (Data[Start + I])
          return errorAt(Start + I, "non-zero padding after the bytes");
      if (T.K == Type::Kind::Bytes) {
        Out += toHexString(Data.data() + Start, *Len);
        return llvm::Error::success();
      }
      printString(Data.slice(Start, *Len));
      return llvm::Error::success();
    }
    case Type::Kind::Array:
    case Type::Kind::Tuple: {
      std::vector<const Type *> Types;
      uint64_t Base = At;
      if (T.K == Type::Kind::Tuple) {
        for (const Type &E : T.Elements)
          Types.push_back(&E);
      } else {
        uint64_t N;
        if (T.Length) {
          N = *T.Length;
        } else {
          llvm::Expected<uint64_t> Len = readSize(At, "length");
          if (!Len)
            return Len.takeError();
          N = *Len;
          Base += 32;
        }
        // Every element takes at least one word of head: bound the count
        // by the data before allocating anything for it.
        if (N > (Data.size() - std::min<uint64_t>(Base, Data.size())) / 32)
          return errorAt(At,
                         llvm::Twine(N) + " elements do not fit in the data");
        Types.assign(N, &T.Elements[0]);
      }
      Out += T.K == Type::Kind::Array ? "[" : "(";
      if (llvm::Error E = decodeTuple(Types, Base, Depth + 1))
        return E;
      Out += T.K == Type::Kind::Array ? "]" : ")";
      return llvm::Error::success();
    }
    }
    return llvm::Error::success();
  }

  void printString(llvm::ArrayRef<uint8_t> S) {
    Out += '"';
    for (uint8_t C : S) {
      switch (C) {
      case '"':
        Out += "\\\"";
        break;
      case '\\':
        Out += "\\\\";
        break;
      case '\n':
        Out += "\\n";
        break;
      case '\r':
        Out += "\\r";
        break;
      case '\t':
        Out += "\\t";
        break;
      default:
        if (C >= 0x20 && C < 0x7f) {
          Out += char(C);
        } else {
          static const char Digits[] = "0123456789abcdef";
          Out += "\\x";
          Out += Digits[C >> 4];
          Out += Digits[C & 15];
        }
      }
    }
    Out += '"';
  }
};

} // namespace

llvm::Expected<std::string> abi::decode(llvm::ArrayRef<Type> Types,
                                        llvm::ArrayRef<uint8_t> Data) {
  std::vector<const Type *> Ptrs;
  for (const Type &T : Types)
    Ptrs.push_back(&T);
  std::string Out;
  if (llvm::Error E = Decoder(Data, Out).decodeTuple(Ptrs, 0, 0))
    return std::move(E);
  return Out;
}
