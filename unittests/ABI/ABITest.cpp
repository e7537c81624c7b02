//===-- ABITest.cpp - Tests for the contract ABI --------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/ABI/ABI.h"
#include "zkc/Support/Hex.h"

#include "gtest/gtest.h"

#include <random>

using namespace zkc;
using namespace zkc::abi;

namespace {

std::string hexOf(const std::vector<uint8_t> &B) {
  return toHexString(B.data(), B.size(), /*Prefix=*/false);
}

std::string encodeCallHex(llvm::StringRef Text) {
  llvm::Expected<std::vector<uint8_t>> R = encodeCall(Text);
  if (!R)
    return "error: " + llvm::toString(R.takeError());
  return hexOf(*R);
}

std::string errorOf(llvm::StringRef Sig, llvm::StringRef Args) {
  llvm::Expected<Signature> S = parseSignature(Sig);
  if (!S)
    return llvm::toString(S.takeError());
  llvm::Expected<std::vector<uint8_t>> R = encode(S->Params, Args);
  if (R)
    return "no error";
  return llvm::toString(R.takeError());
}

std::vector<Type> types(llvm::StringRef List) {
  llvm::Expected<std::vector<Type>> T = parseTypeList(List);
  EXPECT_TRUE(bool(T)) << llvm::toString(T.takeError());
  return T ? *T : std::vector<Type>{};
}

// The examples of Solidity's "Contract ABI Specification".
TEST(ABITest, SpecificationExamples) {
  EXPECT_EQ(encodeCallHex("baz(uint32,bool): 69, true"),
            "cdcd77c0"
            "0000000000000000000000000000000000000000000000000000000000000045"
            "0000000000000000000000000000000000000000000000000000000000000001");
  EXPECT_EQ(encodeCallHex("bar(bytes3[2]): [\"abc\", \"def\"]"),
            "fce353f6"
            "6162630000000000000000000000000000000000000000000000000000000000"
            "6465660000000000000000000000000000000000000000000000000000000000");
  EXPECT_EQ(encodeCallHex("sam(bytes,bool,uint256[]): \"dave\", true, "
                          "[1, 2, 3]"),
            "a5643bf2"
            "0000000000000000000000000000000000000000000000000000000000000060"
            "0000000000000000000000000000000000000000000000000000000000000001"
            "00000000000000000000000000000000000000000000000000000000000000a0"
            "0000000000000000000000000000000000000000000000000000000000000004"
            "6461766500000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000003"
            "0000000000000000000000000000000000000000000000000000000000000001"
            "0000000000000000000000000000000000000000000000000000000000000002"
            "0000000000000000000000000000000000000000000000000000000000000003");
  EXPECT_EQ(encodeCallHex("f(uint256,uint32[],bytes10,bytes): 0x123, "
                          "[0x456, 0x789], \"1234567890\", \"Hello, world!\""),
            "8be65246"
            "0000000000000000000000000000000000000000000000000000000000000123"
            "0000000000000000000000000000000000000000000000000000000000000080"
            "3132333435363738393000000000000000000000000000000000000000000000"
            "00000000000000000000000000000000000000000000000000000000000000e0"
            "0000000000000000000000000000000000000000000000000000000000000002"
            "0000000000000000000000000000000000000000000000000000000000000456"
            "0000000000000000000000000000000000000000000000000000000000000789"
            "000000000000000000000000000000000000000000000000000000000000000d"
            "48656c6c6f2c20776f726c642100000000000000000000000000000000000000");
  // Nested dynamic arrays and strings: g(uint256[][],string[]).
  EXPECT_EQ(encodeCallHex("g(uint256[][],string[]): [[1, 2], [3]], "
                          "[\"one\", \"two\", \"three\"]"),
            "2289b18c"
            "0000000000000000000000000000000000000000000000000000000000000040"
            "0000000000000000000000000000000000000000000000000000000000000140"
            "0000000000000000000000000000000000000000000000000000000000000002"
            "0000000000000000000000000000000000000000000000000000000000000040"
            "00000000000000000000000000000000000000000000000000000000000000a0"
            "0000000000000000000000000000000000000000000000000000000000000002"
            "0000000000000000000000000000000000000000000000000000000000000001"
            "0000000000000000000000000000000000000000000000000000000000000002"
            "0000000000000000000000000000000000000000000000000000000000000001"
            "0000000000000000000000000000000000000000000000000000000000000003"
            "0000000000000000000000000000000000000000000000000000000000000003"
            "0000000000000000000000000000000000000000000000000000000000000060"
            "00000000000000000000000000000000000000000000000000000000000000a0"
            "00000000000000000000000000000000000000000000000000000000000000e0"
            "0000000000000000000000000000000000000000000000000000000000000003"
            "6f6e650000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000003"
            "74776f0000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000005"
            "7468726565000000000000000000000000000000000000000000000000000000");
}

TEST(ABITest, Selectors) {
  auto Sel = [](llvm::StringRef S) {
    llvm::Expected<Signature> Sig = parseSignature(S);
    EXPECT_TRUE(bool(Sig));
    std::array<uint8_t, 4> B = Sig->selector();
    return toHexString(B.data(), 4, false);
  };
  EXPECT_EQ(Sel("transfer(address,uint256)"), "a9059cbb");
  EXPECT_EQ(Sel("balanceOf(address)"), "70a08231");
  // Aliases and spaces are canonicalised before hashing.
  EXPECT_EQ(Sel(" transfer ( address , uint ) "), "a9059cbb");
  EXPECT_EQ(Sel("f()"), "26121ff0");
}

TEST(ABITest, CanonicalTypes) {
  auto Canon = [](llvm::StringRef S) {
    llvm::Expected<Type> T = parseType(S);
    return T ? T->canonical() : "error: " + llvm::toString(T.takeError());
  };
  EXPECT_EQ(Canon("uint"), "uint256");
  EXPECT_EQ(Canon("int"), "int256");
  EXPECT_EQ(Canon("(uint8, (bool,bytes)[2])[]"), "(uint8,(bool,bytes)[2])[]");
  EXPECT_EQ(Canon("bytes32"), "bytes32");
  EXPECT_EQ(Canon("uint7"), "error: column 6: 'uint7' is not an integer type: "
                            "the width must be a multiple of 8 from 8 to 256");
  EXPECT_EQ(Canon("uint264"),
            "error: column 8: 'uint264' is not an integer type: the width "
            "must be a multiple of 8 from 8 to 256");
  EXPECT_EQ(Canon("bytes33"),
            "error: column 8: 'bytes33' is not a type: bytesN needs N from 1 "
            "to 32");
  EXPECT_EQ(Canon("uint08"), "error: column 7: 'uint08' is not an integer "
                             "type: the width must be a multiple of 8 from 8 "
                             "to 256");
  EXPECT_EQ(Canon("float"), "error: column 1: unknown type 'float'");
  EXPECT_EQ(Canon("uint256[0]"),
            "error: column 10: array length must be between 1 and 4294967295");
  EXPECT_EQ(Canon("uint256[2"), "error: column 10: expected ']'");
  EXPECT_EQ(Canon("(uint256"),
            "error: column 9: expected ',' or ')' in a list of types");
  // Deep nesting is an error, not a stack overflow.
  std::string Deep(100000, '(');
  EXPECT_NE(Canon(Deep).find("levels deep"), std::string::npos);
  std::string DeepArray = "uint256";
  for (int I = 0; I < 100; ++I)
    DeepArray += "[]";
  EXPECT_NE(Canon(DeepArray).find("levels deep"), std::string::npos);
}

TEST(ABITest, DynamicAndHeadSize) {
  auto T = [](llvm::StringRef S) { return *parseType(S); };
  EXPECT_FALSE(T("uint256[3]").isDynamic());
  EXPECT_EQ(T("uint256[3]").headSize(), 96u);
  EXPECT_TRUE(T("uint256[]").isDynamic());
  EXPECT_TRUE(T("string[2]").isDynamic());
  EXPECT_EQ(T("(uint8,bytes32,address[2])").headSize(), 128u);
  EXPECT_TRUE(T("(uint8,bytes)").isDynamic());
  // Absurd static sizes saturate instead of wrapping around.
  EXPECT_GT(T("uint256[4294967295][4294967295][4294967295]").headSize(),
            uint64_t(1) << 40);
}

TEST(ABITest, IntegerRanges) {
  EXPECT_EQ(errorOf("f(uint8)", "255"), "no error");
  EXPECT_EQ(errorOf("f(uint8)", "256"),
            "column 1: value does not fit in uint8");
  EXPECT_EQ(errorOf("f(uint8)", "-1"), "column 1: negative value for uint8");
  EXPECT_EQ(errorOf("f(int8)", "-128"), "no error");
  EXPECT_EQ(errorOf("f(int8)", "127"), "no error");
  EXPECT_EQ(errorOf("f(int8)", "128"), "column 1: value does not fit in int8");
  EXPECT_EQ(errorOf("f(int8)", "-129"), "column 1: value does not fit in int8");
  EXPECT_EQ(errorOf("f(int256)",
                    "-57896044618658097711785492504343953926634992332820282019"
                    "728792003956564819968"),
            "no error");
  EXPECT_EQ(errorOf("f(int256)",
                    "57896044618658097711785492504343953926634992332820282019"
                    "728792003956564819968"),
            "column 1: value does not fit in int256");
  EXPECT_EQ(errorOf("f(uint256)", "0x1" + std::string(64, '0')),
            "column 1: number does not fit in 256 bits");
  EXPECT_EQ(errorOf("f(address)", "0x" + std::string(41, 'f')),
            "column 1: value does not fit in address");
  EXPECT_EQ(encodeCallHex("f(int16): -2").substr(8),
            std::string(60, 'f') + "fffe");
}

TEST(ABITest, ValueErrors) {
  EXPECT_EQ(errorOf("f(uint256,bool)", "1"),
            "column 1: expected 2 values, got 1");
  EXPECT_EQ(errorOf("f(bool)", "1"),
            "column 1: expected true or false for bool");
  EXPECT_EQ(errorOf("f(bytes2)", "0x010203"),
            "column 1: 3 bytes do not fit in bytes2");
  EXPECT_EQ(errorOf("f(bytes)", "0x123"),
            "column 1: odd number of hex digits for bytes");
  EXPECT_EQ(errorOf("f(uint256[2])", "[1]"),
            "column 1: expected 2 elements for uint256[2]");
  EXPECT_EQ(errorOf("f(uint256[])", "(1)"),
            "column 1: expected [...] for uint256[]");
  EXPECT_EQ(errorOf("f(string)", "\"abc"), "column 1: unterminated string");
  EXPECT_EQ(errorOf("f(string)", "\"a\\q\""), "column 3: unknown escape '\\q'");
  EXPECT_EQ(errorOf("f(uint256)", "12ab"),
            "column 1: malformed or too large number '12ab'");
  EXPECT_EQ(errorOf("f(uint256,uint256)", "1 2"),
            "column 3: expected ',' between values");
  EXPECT_EQ(encodeCallHex("f(uint256) 1"),
            "error: column 12: expected ':' between the types and the "
            "values");
  llvm::Expected<std::vector<uint8_t>> Ctor =
      encodeTuple("(uint8,string): 7, \"x\"");
  ASSERT_TRUE(bool(Ctor));
  EXPECT_EQ(hexOf(*Ctor).substr(0, 128),
            std::string(63, '0') + "7" + std::string(62, '0') + "40");
  EXPECT_EQ(encodeCallHex("f"),
            "error: expected a signature such as 'f(uint256,bool)'");
  EXPECT_EQ(encodeCallHex("f(uint256): x"),
            "error: column 13: expected a value, found 'x'");
  std::string Deep = "f(uint256[]): " + std::string(100000, '[');
  EXPECT_NE(encodeCallHex(Deep).find("levels deep"), std::string::npos);
}

TEST(ABITest, DecodePrintsWhatEncodeReads) {
  struct Case {
    const char *Types, *Values;
  } Cases[] = {
      {"(uint256,bool,address)",
       "42, true, 0x00000000000000000000000000000000deadbeef"},
      {"(int8,int256)", "-128, -1"},
      {"(bytes3,bytes,string)", "0x616263, 0x0102, \"a\\\"b\\n\\x01\""},
      {"(uint256[][],string[2])", "[[1, 2], [], [3]], [\"x\", \"\"]"},
      {"((uint8,bytes)[],bool)", "[(1, 0x), (2, 0xff)], false"},
  };
  for (const Case &C : Cases) {
    std::vector<Type> T = types(C.Types);
    llvm::Expected<std::vector<uint8_t>> Enc = encode(T, C.Values);
    ASSERT_TRUE(bool(Enc)) << llvm::toString(Enc.takeError());
    llvm::Expected<std::string> Dec = decode(T, *Enc);
    ASSERT_TRUE(bool(Dec)) << llvm::toString(Dec.takeError());
    EXPECT_EQ(*Dec, C.Values);
  }
}

TEST(ABITest, DecodeRejectsMalformedData) {
  auto DecodeErr = [](llvm::StringRef Types, const std::string &Hex) {
    std::vector<Type> T = types(Types);
    std::optional<std::vector<uint8_t>> Data = parseHexBytes(Hex);
    EXPECT_TRUE(Data.has_value());
    llvm::Expected<std::string> R = decode(T, *Data);
    return R ? "no error: " + *R : llvm::toString(R.takeError());
  };
  std::string W0(64, '0');
  auto Word = [](const char *Low) {
    std::string S(64, '0');
    std::string L(Low);
    return S.substr(0, 64 - L.size()) + L;
  };
  EXPECT_EQ(DecodeErr("(uint256)", "0x" + W0.substr(2)),
            "offset 0: the data ends inside a word");
  EXPECT_EQ(DecodeErr("(uint8)", "0x" + Word("100")),
            "offset 0: value does not fit in uint8");
  EXPECT_EQ(DecodeErr("(bool)", "0x" + Word("2")),
            "offset 0: value does not fit in bool");
  EXPECT_EQ(DecodeErr("(int8)", "0x" + Word("80")),
            "offset 0: value is not a sign-extended int8");
  EXPECT_EQ(DecodeErr("(bytes)", "0x" + Word("40")),
            "offset 0: offset 0x40 is larger than the data");
  EXPECT_EQ(DecodeErr("(bytes)", "0x" + Word("20") + Word("21")),
            "offset 32: length 33 leaves the data");
  // A huge length is rejected before anything is allocated for it.
  EXPECT_EQ(DecodeErr("(uint256[])", "0x" + Word("20") + std::string(64, 'f')),
            "offset 32: length 0x" + std::string(64, 'f') +
                " is larger than the data");
  EXPECT_EQ(DecodeErr("(uint256[])", "0x" + Word("20") + Word("3") + W0),
            "offset 32: 3 elements do not fit in the data");
  EXPECT_EQ(DecodeErr("(bytes2)", "0x0102" + std::string(58, '0') + "01"),
            "offset 0: non-zero padding after bytes2");
  EXPECT_EQ(DecodeErr("(uint256[][])", "0x" + Word("20") + Word("0")),
            "no error: []");
  // Offsets that all point at the same data cannot blow up the output
  // without bound: 200 arrays of the same 200 arrays of the same 200 zeros
  // would print 24 MB from 19 KB.
  std::string Blowup = "0x" + Word("20");
  for (int Level = 0; Level < 3; ++Level) {
    Blowup += Word("c8");
    for (int I = 0; I < 200; ++I)
      Blowup += Level < 2 ? Word("1900") : Word("0");
  }
  EXPECT_NE(
      DecodeErr("(uint256[][][])", Blowup).find("decoded text exceeds 16 MiB"),
      std::string::npos);
}

// Random values of random types: what encode() writes, decode() prints back
// exactly, and the encoding of that print is the same bytes.
TEST(ABITest, RandomRoundTrip) {
  std::mt19937_64 Rng(1234);
  std::function<std::string(const Type &, unsigned)> Gen;
  auto Num = [&](unsigned Bits) {
    std::string S = "0x";
    for (unsigned I = 0; I < Bits / 4; ++I)
      S += "0123456789abcdef"[Rng() % 16];
    return S;
  };
  Gen = [&](const Type &T, unsigned) -> std::string {
    switch (T.K) {
    case Type::Kind::UInt:
      return Num(T.Size);
    case Type::Kind::Int:
      return (Rng() % 2 ? "-" : "") + std::to_string(Rng() % 1000);
    case Type::Kind::Address:
      return Num(160);
    case Type::Kind::Bool:
      return Rng() % 2 ? "true" : "false";
    case Type::Kind::FixedBytes:
      return Num(T.Size * 8);
    case Type::Kind::Bytes:
      return Num(8 * (Rng() % 40));
    case Type::Kind::String: {
      std::string S = "\"";
      for (unsigned I = Rng() % 40; I; --I)
        S += char('a' + Rng() % 26);
      return S + "\"";
    }
    case Type::Kind::Array:
    case Type::Kind::Tuple: {
      size_t N = T.K == Type::Kind::Tuple ? T.Elements.size()
                 : T.Length               ? *T.Length
                                          : Rng() % 4;
      std::string S = T.K == Type::Kind::Tuple ? "(" : "[";
      for (size_t I = 0; I < N; ++I)
        S += (I ? ", " : "") +
             Gen(T.K == Type::Kind::Tuple ? T.Elements[I] : T.Elements[0], 0);
      return S + (T.K == Type::Kind::Tuple ? ")" : "]");
    }
    }
    return "";
  };
  const char *Shapes[] = {"(uint256,int64,bytes,string)",
                          "(address[],(bool,bytes7)[2],uint8[][3])",
                          "((string,uint16[])[],bytes32)", "(int256[2][])"};
  for (int Iter = 0; Iter < 200; ++Iter) {
    std::vector<Type> T = types(Shapes[Iter % 4]);
    std::string Values;
    for (size_t I = 0; I < T.size(); ++I)
      Values += (I ? ", " : "") + Gen(T[I], 0);
    llvm::Expected<std::vector<uint8_t>> Enc = encode(T, Values);
    ASSERT_TRUE(bool(Enc)) << Values << ": " << llvm::toString(Enc.takeError());
    llvm::Expected<std::string> Dec = decode(T, *Enc);
    ASSERT_TRUE(bool(Dec)) << llvm::toString(Dec.takeError());
    llvm::Expected<std::vector<uint8_t>> Again = encode(T, *Dec);
    ASSERT_TRUE(bool(Again)) << *Dec;
    EXPECT_EQ(*Again, *Enc) << Values;
  }
}

} // namespace
