//===-- Options.cpp - What a compilation is asked to do -------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Options.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace zkc;
using llvm::StringRef;

std::optional<OptLevel> zkc::parseOptLevel(StringRef Text) {
  Text.consume_front("O");
  if (Text == "0")
    return OptLevel::O0;
  if (Text == "1")
    return OptLevel::O1;
  if (Text == "2")
    return OptLevel::O2;
  if (Text == "3")
    return OptLevel::O3;
  if (Text == "s")
    return OptLevel::Os;
  if (Text == "z")
    return OptLevel::Oz;
  return std::nullopt;
}

StringRef zkc::optLevelName(OptLevel Level) {
  switch (Level) {
  case OptLevel::O0:
    return "0";
  case OptLevel::O1:
    return "1";
  case OptLevel::O2:
    return "2";
  case OptLevel::O3:
    return "3";
  case OptLevel::Os:
    return "s";
  case OptLevel::Oz:
    return "z";
  }
  llvm_unreachable("unknown optimisation level");
}

llvm::Error zkc::parseLibraries(StringRef Text, LibraryMap &Libraries) {
  llvm::SmallVector<StringRef, 8> Entries;
  // Commas and any whitespace separate entries, as in solc.
  for (StringRef Part : llvm::split(Text, ','))
    for (StringRef Entry : llvm::split(Part, ' '))
      for (StringRef E : llvm::split(Entry, '\n')) {
        E = E.trim(" \t\r\n");
        if (!E.empty())
          Entries.push_back(E);
      }
  for (StringRef E : Entries) {
    auto [Symbol, Address] = E.rsplit('=');
    Symbol = Symbol.trim();
    Address = Address.trim();
    if (!E.contains('=') || Symbol.empty())
      return llvm::createStringError(
          "library entry '" + E +
          "' is not of the form file.sol:Lib=0xADDRESS");
    if (!Symbol.contains(':'))
      return llvm::createStringError("library '" + Symbol +
                                     "' must be named file:Library");
    StringRef Digits = Address;
    if (!Digits.consume_front("0x") || Digits.size() != 40 ||
        !llvm::all_of(Digits, llvm::isHexDigit))
      return llvm::createStringError("address '" + Address + "' of library '" +
                                     Symbol +
                                     "' is not 0x followed by 40 hex digits");
    Word W = *Word::fromString(Address.str());
    if (W.isZero())
      return llvm::createStringError("library '" + Symbol +
                                     "' cannot have the zero address");
    auto [It, New] = Libraries.try_emplace(Symbol.str(), W);
    if (!New && It->second != W)
      return llvm::createStringError("library '" + Symbol +
                                     "' is given two different addresses");
  }
  return llvm::Error::success();
}

llvm::Error zkc::loadLibrariesArgument(StringRef Argument,
                                       LibraryMap &Libraries) {
  if (Argument.contains('='))
    return parseLibraries(Argument, Libraries);
  auto Buf = llvm::MemoryBuffer::getFile(Argument, /*IsText=*/true);
  if (!Buf)
    return llvm::createStringError("cannot read the library file '" + Argument +
                                   "': " + Buf.getError().message());
  if (llvm::Error E = parseLibraries((*Buf)->getBuffer(), Libraries))
    return llvm::createStringError(Argument + ": " +
                                   llvm::toString(std::move(E)));
  return llvm::Error::success();
}
