//===-- HexTest.cpp - Hexadecimal byte strings ----------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/Hex.h"

#include "gtest/gtest.h"

using namespace zkc;

namespace {

using Bytes = std::vector<uint8_t>;

TEST(HexTest, Parse) {
  EXPECT_EQ(parseHexBytes(""), Bytes{});
  EXPECT_EQ(parseHexBytes("0x"), Bytes{});
  EXPECT_EQ(parseHexBytes("0X"), Bytes{});
  EXPECT_EQ(parseHexBytes("00"), Bytes{0});
  EXPECT_EQ(parseHexBytes("0x00ff10"), (Bytes{0x00, 0xff, 0x10}));
  EXPECT_EQ(parseHexBytes("DeadBEEF"), (Bytes{0xde, 0xad, 0xbe, 0xef}));
  EXPECT_EQ(parseHexBytes("0xDEADbeef"), (Bytes{0xde, 0xad, 0xbe, 0xef}));
}

TEST(HexTest, ParseRejects) {
  for (const char *Bad : {"0", "0x0", "abc", "0xg0", "zz", "0x 0", " 00", "00 ",
                          "0x0x00", "-1", "+1"})
    EXPECT_EQ(parseHexBytes(Bad), std::nullopt) << '"' << Bad << '"';
}

TEST(HexTest, Print) {
  Bytes B{0x00, 0x01, 0xab, 0xff};
  EXPECT_EQ(toHexString(B), "0x0001abff");
  EXPECT_EQ(toHexString(B, /*Prefix=*/false), "0001abff");
  EXPECT_EQ(toHexString(Bytes{}), "0x");
  EXPECT_EQ(toHexString(Bytes{}, false), "");
  EXPECT_EQ(toHexString(B.data() + 2, 1), "0xab");
}

TEST(HexTest, RoundTrip) {
  Bytes All(256);
  for (unsigned I = 0; I < 256; ++I)
    All[I] = uint8_t(I);
  std::string S = toHexString(All);
  EXPECT_EQ(S.size(), 2 + 512u);
  EXPECT_EQ(parseHexBytes(S), All);
  EXPECT_EQ(parseHexBytes(toHexString(All, false)), All);
}

} // namespace
