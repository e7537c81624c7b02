//===-- Diagnostics.cpp - solc-style error messages -----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Diagnostics.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <string>

using namespace zkc;

static const char *kindName(llvm::SourceMgr::DiagKind Kind) {
  switch (Kind) {
  case llvm::SourceMgr::DK_Error:
    return "Error";
  case llvm::SourceMgr::DK_Warning:
    return "Warning";
  case llvm::SourceMgr::DK_Remark:
  case llvm::SourceMgr::DK_Note:
    return "Note";
  }
  return "Error";
}

void zkc::printSolcDiagnostic(const llvm::SMDiagnostic &D,
                              llvm::raw_ostream &OS) {
  OS << kindName(D.getKind()) << ": " << D.getMessage() << '\n';
  if (D.getLineNo() <= 0) {
    if (!D.getFilename().empty())
      OS << " --> " << D.getFilename() << '\n';
    OS << '\n';
    return;
  }
  // solc counts columns from 1, as LLVM's SMDiagnostic (0-based) + 1.
  OS << " --> " << D.getFilename() << ':' << D.getLineNo() << ':'
     << D.getColumnNo() + 1 << ":\n";
  std::string LineNo = std::to_string(D.getLineNo());
  std::string Gutter(LineNo.size(), ' ');
  llvm::StringRef Line = D.getLineContents();
  OS << Gutter << " |\n" << LineNo << " | " << Line << '\n';
  // Underline the range on this line if there is one, else one caret.
  size_t Begin = D.getColumnNo(), End = Begin + 1;
  for (const auto &R : D.getRanges())
    if (R.first <= static_cast<unsigned>(D.getColumnNo()) &&
        static_cast<unsigned>(D.getColumnNo()) < R.second)
      End = std::max<size_t>(End, R.second);
  End = std::min(End, std::max(Line.size(), Begin + 1));
  std::string Marker;
  for (size_t I = 0; I < Begin && I < Line.size(); ++I)
    Marker += Line[I] == '\t' ? '\t' : ' ';
  Marker.append(End - Begin, '^');
  OS << Gutter << " | " << Marker << "\n\n";
}

void DiagnosticPrinter::count(const llvm::Twine &Message) {
  if (NumErrors++ == 0)
    FirstError = Message.str();
}

void DiagnosticPrinter::print(const llvm::SMDiagnostic &D) {
  if (D.getKind() == llvm::SourceMgr::DK_Error)
    count(D.getMessage());
  if (Handler)
    Handler(D);
  else if (Format == DiagnosticFormat::Solc)
    printSolcDiagnostic(D, OS);
  else
    D.print(nullptr, OS, /*ShowColors=*/false);
}

void DiagnosticPrinter::attach(llvm::SourceMgr &SM) {
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        static_cast<DiagnosticPrinter *>(Ctx)->print(D);
      },
      this);
}

void DiagnosticPrinter::error(const llvm::Twine &Message) {
  count(Message);
  if (Handler)
    Handler(llvm::SMDiagnostic("", llvm::SourceMgr::DK_Error, Message.str()));
  else if (Format == DiagnosticFormat::Solc)
    OS << "Error: " << Message << "\n\n";
  else
    OS << "error: " << Message << '\n';
}
