//===-- CompilerVersion.cpp - Versioned results ---------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Testing/CompilerVersion.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <optional>

using namespace zkc::testing;
using llvm::StringRef;

namespace {

/// A version's numeric components: "0.8.30+commit.x" is {0, 8, 30}.
std::optional<llvm::SmallVector<unsigned, 3>> components(StringRef Text) {
  Text = Text.take_until([](char C) { return C == '+' || C == '-'; });
  llvm::SmallVector<StringRef, 3> Parts;
  Text.split(Parts, '.');
  llvm::SmallVector<unsigned, 3> Out;
  for (StringRef P : Parts) {
    unsigned N;
    if (P.getAsInteger(10, N))
      return std::nullopt;
    Out.push_back(N);
  }
  if (Out.empty() || Out.size() > 3)
    return std::nullopt;
  return Out;
}

/// Compares Have with Want on Want's components only.
int compare(llvm::ArrayRef<unsigned> Have, llvm::ArrayRef<unsigned> Want) {
  for (size_t I = 0; I < Want.size(); ++I) {
    unsigned H = I < Have.size() ? Have[I] : 0;
    if (H != Want[I])
      return H < Want[I] ? -1 : 1;
  }
  return 0;
}

bool satisfies(llvm::ArrayRef<unsigned> Have, StringRef Comparison) {
  StringRef Op = Comparison.take_while([](char C) {
    return C == '<' || C == '>' || C == '=' || C == '^' || C == '~';
  });
  auto Want = components(Comparison.drop_front(Op.size()).trim());
  if (!Want)
    return false;
  int C = compare(Have, *Want);
  if (Op == ">=")
    return C >= 0;
  if (Op == "<=")
    return C <= 0;
  if (Op == ">")
    return C > 0;
  if (Op == "<")
    return C < 0;
  if (Op.empty() || Op == "=")
    return C == 0;
  if (Op == "^" || Op == "~") {
    // Compatible releases: at least Want, and the same leading component
    // that is not zero (^) or the same minor version (~).
    size_t Fixed = Op == "~" ? std::min<size_t>(2, Want->size()) : 1;
    if (Op == "^")
      while (Fixed < Want->size() && (*Want)[Fixed - 1] == 0)
        ++Fixed;
    return C >= 0 &&
           compare(Have, llvm::ArrayRef<unsigned>(*Want).take_front(Fixed)) ==
               0;
  }
  return false;
}

} // namespace

bool zkc::testing::versionSatisfies(StringRef Version, StringRef Condition) {
  auto Have = components(Version.trim());
  if (!Have)
    return false;
  llvm::SmallVector<StringRef, 2> Comparisons;
  llvm::SplitString(Condition, Comparisons, " ,");
  if (Comparisons.empty())
    return false;
  // An operator may stand apart from its version (">= 0.8").
  llvm::SmallVector<std::string, 2> Joined;
  for (StringRef C : Comparisons)
    if (!Joined.empty() && !Joined.back().empty() &&
        llvm::all_of(Joined.back(), [](char Ch) { return !isdigit(Ch); }))
      Joined.back() += C.str();
    else
      Joined.push_back(C.str());
  return llvm::all_of(
      Joined, [&](const std::string &C) { return satisfies(*Have, C); });
}

const Expected *
zkc::testing::selectExpected(const std::vector<Expected> &Variants,
                             StringRef Version) {
  if (Variants.empty())
    return nullptr;
  if (!Version.empty())
    for (const Expected &E : Variants)
      if (!E.CompilerVersion.empty() &&
          versionSatisfies(Version, E.CompilerVersion))
        return &E;
  for (const Expected &E : Variants)
    if (E.CompilerVersion.empty())
      return &E;
  return &Variants.front();
}
