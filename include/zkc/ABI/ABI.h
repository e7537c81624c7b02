//===-- zkc/ABI/ABI.h - The Solidity contract ABI ----------------*- C++
//-*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// This file declares the Solidity contract ABI as the tools use it: types
// parsed from their text ("uint256", "(bool,bytes)[]"), function signatures
// and their selectors, and the encoding and decoding of values written as
// text. zvm-run calls contracts with it (`--calldata 'f(uint256): 3'`) and
// the test runners encode their calls with it.
//
// No maintained C++ library for the ABI is packaged for Debian, and the
// tools need exactly the text syntax below, so the encoder is written here,
// after the specification in Solidity's documentation ("Contract ABI
// Specification"). Every input is untrusted: nesting depth, lengths and
// offsets are checked before anything is allocated.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_ABI_ABI_H
#define ZKC_ABI_ABI_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zkc::abi {

/// Types nest at most this deep ("uint256[][]" is depth 3); values too.
constexpr unsigned MaxDepth = 64;

/// An ABI type.
struct Type {
  enum class Kind {
    UInt,
    Int,
    Address,
    Bool,
    FixedBytes,
    Bytes,
    String,
    Array,
    Tuple
  };
  Kind K = Kind::UInt;
  /// UInt and Int: the width in bits (8..256); FixedBytes: the length in
  /// bytes (1..32).
  unsigned Size = 256;
  /// Array: the fixed length, or none for a dynamic array T[].
  std::optional<uint64_t> Length;
  /// Array: the element type; Tuple: the members.
  std::vector<Type> Elements;

  /// Whether the encoding of a value has a dynamic size (an offset in the
  /// head, the value in the tail).
  bool isDynamic() const;
  /// Bytes taken in the head of the enclosing tuple: 32 for dynamic types,
  /// the whole static encoding otherwise. Saturates instead of overflowing
  /// for absurd fixed lengths, which the encoder then rejects.
  uint64_t headSize() const;
  /// The canonical spelling used in signatures: "uint256", "(bool,bytes)[2]".
  std::string canonical() const;
};

/// Parses a type. `uint` and `int` mean their 256-bit forms; `byte` is not
/// accepted (solc removed it). Errors give the column.
llvm::Expected<Type> parseType(llvm::StringRef Text);

/// Parses a parenthesized, comma-separated list of types: "(uint256,bool)",
/// or "()" for none.
llvm::Expected<std::vector<Type>> parseTypeList(llvm::StringRef Text);

/// A function signature: name and parameter types.
struct Signature {
  std::string Name;
  std::vector<Type> Params;

  /// "name(type,type)" with canonical types.
  std::string canonical() const;
  /// The first four bytes of keccak256(canonical()).
  std::array<uint8_t, 4> selector() const;
};

/// Parses "name(type,...)". Whitespace around the parts is allowed.
llvm::Expected<Signature> parseSignature(llvm::StringRef Text);

/// Encodes values, given as text, as the ABI encodes a tuple of Types.
///
/// Value syntax, separated by commas:
///   numbers      42, 0x2a, -1 (for intN)
///   bool         true, false
///   address      0x followed by at most 40 hex digits
///   bytesN/bytes 0x-hex or hex"..." (bytesN: at most N bytes, padded on
///                the right), or a string
///   string       "text" with the escapes \\ \" \n \r \t \0 \xNN
///   arrays       [v, v, ...]
///   tuples       (v, v, ...)
llvm::Expected<std::vector<uint8_t>> encode(llvm::ArrayRef<Type> Types,
                                            llvm::StringRef Values);

/// Encodes a call written as "name(types): values" (or "name(types)" for no
/// arguments): the selector followed by the encoded arguments.
llvm::Expected<std::vector<uint8_t>> encodeCall(llvm::StringRef Text);

/// Encodes "(types): values" (constructor arguments, for example) without a
/// selector.
llvm::Expected<std::vector<uint8_t>> encodeTuple(llvm::StringRef Text);

/// Decodes Data as a tuple of Types and prints the values in the syntax
/// encode() reads. Rejects offsets or lengths that leave the data and bits
/// that a canonical encoding would have zero.
llvm::Expected<std::string> decode(llvm::ArrayRef<Type> Types,
                                   llvm::ArrayRef<uint8_t> Data);

} // namespace zkc::abi

#endif // ZKC_ABI_ABI_H
