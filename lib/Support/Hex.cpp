//===-- Hex.cpp - Hexadecimal byte strings ---------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/Hex.h"

#include "llvm/ADT/StringExtras.h"

using namespace zkc;

std::optional<std::vector<uint8_t>> zkc::parseHexBytes(std::string_view S) {
  if (S.size() >= 2 && S[0] == '0' && (S[1] == 'x' || S[1] == 'X'))
    S.remove_prefix(2);
  std::vector<uint8_t> Out;
  if (S.size() % 2)
    return std::nullopt;
  Out.reserve(S.size() / 2);
  for (size_t I = 0; I < S.size(); I += 2) {
    uint8_t Byte;
    if (!llvm::tryGetHexFromNibbles(S[I], S[I + 1], Byte))
      return std::nullopt;
    Out.push_back(Byte);
  }
  return Out;
}

std::string zkc::toHexString(const uint8_t *Data, size_t N, bool Prefix) {
  std::string S = Prefix ? "0x" : "";
  S += llvm::toHex(llvm::ArrayRef<uint8_t>(Data, N), /*LowerCase=*/true);
  return S;
}
