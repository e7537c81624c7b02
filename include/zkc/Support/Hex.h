//===-- zkc/Support/Hex.h - Hexadecimal byte strings ------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_SUPPORT_HEX_H
#define ZKC_SUPPORT_HEX_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zkc {

/// Parses an even number of hex digits, with or without a 0x prefix.
std::optional<std::vector<uint8_t>> parseHexBytes(std::string_view S);

/// Lowercase hex digits of the bytes, with a 0x prefix when Prefix is set.
std::string toHexString(const uint8_t *Data, size_t N, bool Prefix = true);
inline std::string toHexString(const std::vector<uint8_t> &Bytes,
                               bool Prefix = true) {
  return toHexString(Bytes.data(), Bytes.size(), Prefix);
}

} // namespace zkc

#endif // ZKC_SUPPORT_HEX_H
