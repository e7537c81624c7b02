//===-- TestFile.cpp - Sources, settings and expectations -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "Expectations.h"

#include "llvm/ADT/StringExtras.h"

using namespace zkc;
using namespace zkc::isoltest;
using llvm::StringRef;

static llvm::Error errorAt(StringRef FileName, unsigned Line,
                           const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 FileName + ":" + llvm::Twine(Line) +
                                     ":1: " + Msg);
}

/// "==== Source: name ====" or "==== ExternalSource: name=path ====".
static bool parseSourceMarker(StringRef Line, Source &S) {
  StringRef L = Line.trim();
  if (!L.consume_front("====") || !L.consume_back("===="))
    return false;
  L = L.trim();
  if (L.consume_front("Source:")) {
    S.Name = L.trim().str();
    return true;
  }
  if (L.consume_front("ExternalSource:")) {
    auto [Name, Path] = L.trim().split('=');
    S.External = true;
    S.Name = Name.trim().str();
    S.Path = (Path.empty() ? Name : Path).trim().str();
    return true;
  }
  return false;
}

llvm::Expected<TestFile> zkc::isoltest::parseTestFile(StringRef Text,
                                                      StringRef FileName) {
  TestFile F;
  llvm::SmallVector<StringRef> Lines;
  Text.split(Lines, '\n');
  enum { InSource, InSettings, InExpectations } State = InSource;
  std::vector<ExpectationLine> Expectations;
  std::string Pending; // source text before any marker
  Source *Current = nullptr;
  for (unsigned I = 0; I < Lines.size(); ++I) {
    StringRef Line = Lines[I].rtrim("\r");
    unsigned LineNo = I + 1;
    StringRef Trimmed = Line.trim();
    if (State != InExpectations && Trimmed == "// ----") {
      State = InExpectations;
      continue;
    }
    switch (State) {
    case InSource: {
      if (Trimmed == "// ====") {
        State = InSettings;
        continue;
      }
      Source S;
      if (parseSourceMarker(Line, S)) {
        if (S.Name.empty())
          return errorAt(FileName, LineNo, "source marker without a name");
        for (const Source &Other : F.Sources)
          if (Other.Name == S.Name)
            return errorAt(FileName, LineNo,
                           "source '" + S.Name + "' given twice");
        bool External = S.External;
        F.Sources.push_back(std::move(S));
        // Text after an external source's marker is the test's own source.
        Current = External ? nullptr : &F.Sources.back();
        continue;
      }
      std::string &Into = Current ? Current->Text : Pending;
      Into += Line;
      Into += '\n';
      continue;
    }
    case InSettings: {
      StringRef Body = Trimmed;
      if (Body.empty())
        continue;
      if (!Body.consume_front("//"))
        return errorAt(FileName, LineNo,
                       "expected '// Key: value' in the settings");
      auto [Key, Value] = Body.split(':');
      if (Key.trim().empty() || Value.empty() && !Body.contains(':'))
        return errorAt(FileName, LineNo,
                       "expected '// Key: value' in the settings");
      F.Settings[Key.trim().str()] = Value.trim().str();
      continue;
    }
    case InExpectations: {
      if (Trimmed.empty())
        continue;
      size_t Slashes = Line.find("//");
      if (Slashes == StringRef::npos ||
          !Line.take_front(Slashes).trim().empty())
        return errorAt(FileName, LineNo,
                       "expected a '//' line after '// ----'");
      Expectations.push_back(
          {Line.drop_front(Slashes + 2), LineNo, unsigned(Slashes + 3)});
      continue;
    }
    }
  }
  if (State != InExpectations)
    return errorAt(FileName,
                   Text.ends_with("\n") ? Lines.size() - 1 : Lines.size(),
                   "no '// ----' line: the test has no expectations");
  // Text outside any "Source:" section is the test's own source.
  if (!StringRef(Pending).trim().empty() ||
      llvm::all_of(F.Sources, [](const Source &S) { return S.External; })) {
    for (const Source &S : F.Sources)
      if (S.Name == "test.sol")
        return errorAt(FileName, 1,
                       "source text outside the source named 'test.sol'");
    F.Sources.push_back({"test.sol", Pending, false, ""});
  }
  if (llvm::Error E = parseExpectationLines(Expectations, FileName, F.Calls))
    return std::move(E);
  return F;
}
