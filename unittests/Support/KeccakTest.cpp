//===-- KeccakTest.cpp - Keccak-256 and keccak-f[1600] --------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Known answers for the EVM's Keccak-256 (original padding), including the
// lengths around the 136-byte rate where the padding moves into a block of
// its own, and the permutation on the zero state from the Keccak team's
// published intermediate values.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/Keccak.h"
#include "zkc/Support/Hex.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace zkc;

namespace {

std::string keccakHex(const std::vector<uint8_t> &Data) {
  std::array<uint8_t, 32> D = keccak256(Data.data(), Data.size());
  return toHexString(D.data(), D.size(), /*Prefix=*/false);
}

std::string keccakHex(const std::string &S) {
  return keccakHex(std::vector<uint8_t>(S.begin(), S.end()));
}

/// Bytes 0, 1, 2, ... wrapping at 256.
std::vector<uint8_t> counting(size_t N) {
  std::vector<uint8_t> V(N);
  for (size_t I = 0; I < N; ++I)
    V[I] = uint8_t(I);
  return V;
}

TEST(KeccakTest, Empty) {
  EXPECT_EQ(keccakHex(""),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  // A null pointer with no bytes is the empty message.
  std::array<uint8_t, 32> D = keccak256(nullptr, 0);
  EXPECT_EQ(toHexString(D.data(), 32, false),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
}

TEST(KeccakTest, Abc) {
  EXPECT_EQ(keccakHex("abc"),
            "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
}

TEST(KeccakTest, NotSha3) {
  // FIPS 202 SHA3-256("") differs: the domain byte is 0x06, not 0x01.
  EXPECT_NE(keccakHex(""),
            "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
}

TEST(KeccakTest, AroundTheRate) {
  // 135 bytes: both padding bits in one byte (0x81). 136: a full block, the
  // padding takes a block of its own. 137: one byte spills over. 272: two
  // full blocks.
  struct Case {
    size_t Len;
    const char *Repeated; // keccak256 of Len bytes 'a'
    const char *Counting; // keccak256 of bytes 0, 1, 2, ...
  } Cases[] = {
      {135, "34367dc248bbd832f4e3e69dfaac2f92638bd0bbd18f2912ba4ef454919cf446",
       "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62"},
      {136, "a6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e",
       "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e"},
      {137, "d869f639c7046b4929fc92a4d988a8b22c55fbadb802c0c66ebcd484f1915f39",
       "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db"},
      {272, "cf7fcd4f705ee749930d19ca84561a9bf62516bd90a471545fa2f49fdc7e63c8",
       "fdf2ec49e749960d3c8521a0219af8d03e30e2b3bf19bd16150ee0eaf133d66e"},
  };
  for (const Case &C : Cases) {
    EXPECT_EQ(keccakHex(std::string(C.Len, 'a')), C.Repeated) << C.Len;
    EXPECT_EQ(keccakHex(counting(C.Len)), C.Counting) << C.Len;
  }
}

TEST(KeccakTest, Word) {
  // keccak256Word reads the digest big-endian.
  EXPECT_EQ(keccak256Word(nullptr, 0).toHex64(),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  // The selector of transfer(address,uint256) is the digest's first 4 bytes.
  std::string Sig = "transfer(address,uint256)";
  Word W =
      keccak256Word(reinterpret_cast<const uint8_t *>(Sig.data()), Sig.size());
  EXPECT_EQ(W.toHex64().substr(0, 8), "a9059cbb");
}

TEST(KeccakTest, PermutationOfZeroState) {
  // KeccakF-1600-IntermediateValues: the zero state after one permutation.
  static const uint64_t Expected[25] = {
      0xF1258F7940E1DDE7, 0x84D5CCF933C0478A, 0xD598261EA65AA9EE,
      0xBD1547306F80494D, 0x8B284E056253D057, 0xFF97A42D7F8E6FD4,
      0x90FEE5A0A44647C4, 0x8C5BDA0CD6192E76, 0xAD30A6F71B19059C,
      0x30935AB7D08FFC64, 0xEB5AA93F2317D635, 0xA9A6E6260D712103,
      0x81A57C16DBCF555F, 0x43B831CD0347C826, 0x01F22F1A11A5569F,
      0x05E5635A21D9AE61, 0x64BEFEF28CC970F2, 0x613670957BC46611,
      0xB87C5A554FD00ECB, 0x8C3EE88A1CCF32C8, 0x940C7922AE3A2614,
      0x1841F924A2C509E4, 0x16F53526E70465C2, 0x75F644E97F30A13B,
      0xEAF1FF7B5CECA249,
  };
  uint64_t State[25] = {};
  keccakF1600(State);
  for (int I = 0; I < 25; ++I)
    EXPECT_EQ(State[I], Expected[I]) << "lane " << I;
  // And the second permutation is not the first (the state moved on).
  keccakF1600(State);
  EXPECT_NE(State[0], Expected[0]);
}

} // namespace
