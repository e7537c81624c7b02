//===-- TextCursor.h - A position in text being parsed ----------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The shared footing of the ABI's two small parsers (types and values): the
// text, the position in it, and whitespace-skipping single-character
// matches.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_LIB_ABI_TEXTCURSOR_H
#define ZKC_LIB_ABI_TEXTCURSOR_H

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

namespace zkc::abi {

struct TextCursor {
  llvm::StringRef Text;
  size_t Pos = 0;

  TextCursor(llvm::StringRef Text, size_t Start = 0) : Text(Text), Pos(Start) {}

  void skipSpace() {
    while (Pos < Text.size() && llvm::isSpace(Text[Pos]))
      ++Pos;
  }
  /// Skips whitespace, then C if it is next.
  bool consume(char C) {
    skipSpace();
    if (Pos < Text.size() && Text[Pos] == C) {
      ++Pos;
      return true;
    }
    return false;
  }
};

} // namespace zkc::abi

#endif // ZKC_LIB_ABI_TEXTCURSOR_H
