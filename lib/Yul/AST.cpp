//===-- AST.cpp - Yul abstract syntax tree --------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Yul/AST.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace llvm;
using namespace zkc::yul;

static constexpr const char *unsupportedReason(BuiltinId Id) {
  switch (Id) {
#define YUL_UNSUPPORTED(Id, Reason)                                            \
  case BuiltinId::Id:                                                          \
    return Reason;
#include "zkc/Yul/Builtins.def"
  default:
    return nullptr;
  }
}

static const BuiltinInfo Builtins[] = {
#define YUL_BUILTIN(Id, Name, Args, Returns, Flags)                            \
  {BuiltinId::Id, Name, Args, Returns, Flags, unsupportedReason(BuiltinId::Id)},
#include "zkc/Yul/Builtins.def"
};

static const StringMap<const BuiltinInfo *> &builtinMap() {
  static const StringMap<const BuiltinInfo *> Map = [] {
    StringMap<const BuiltinInfo *> M;
    for (const BuiltinInfo &B : Builtins)
      M[B.Name] = &B;
    return M;
  }();
  return Map;
}


const BuiltinInfo *zkc::yul::lookupBuiltin(StringRef Name) {
  const auto &Map = builtinMap();
  auto It = Map.find(Name);
  if (It == Map.end())
    return nullptr;
  return It->second;
}

const BuiltinInfo &zkc::yul::getBuiltinInfo(BuiltinId Id) {
  return Builtins[static_cast<unsigned>(Id)];
}

bool zkc::yul::isVerbatimName(StringRef Name) {
  // verbatim_<n>i_<m>o
  if (!Name.consume_front("verbatim_"))
    return false;
  size_t I = Name.find_first_not_of("0123456789");
  if (I == 0 || I == StringRef::npos || Name[I] != 'i')
    return false;
  Name = Name.drop_front(I + 1);
  if (!Name.consume_front("_"))
    return false;
  I = Name.find_first_not_of("0123456789");
  return I != 0 && I != StringRef::npos && Name.drop_front(I) == "o";
}

LineTable::LineTable(StringRef Buffer) : Start(Buffer.data()) {
  LineStarts.push_back(0);
  for (size_t I = 0; I < Buffer.size(); ++I)
    if (Buffer[I] == '\n')
      LineStarts.push_back(static_cast<uint32_t>(I + 1));
}

std::pair<unsigned, unsigned>
LineTable::getLineAndColumn(const char *Ptr) const {
  auto Offset = static_cast<uint32_t>(Ptr - Start);
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  unsigned Line = static_cast<unsigned>(It - LineStarts.begin());
  return {Line, Offset - LineStarts[Line - 1] + 1};
}

StringRef ASTContext::sourceName(int Index) const {
  for (const auto &[I, Name] : UseSrc)
    if (I == Index)
      return Name;
  return {};
}

//===----------------------------------------------------------------------===//
// Dumping
//===----------------------------------------------------------------------===//

namespace {

class Dumper {
public:
  Dumper(const ASTContext &Ctx, const SourceMgr &SM, raw_ostream &OS)
      : Ctx(Ctx),
        Lines(SM.getMemoryBuffer(SM.getMainFileID())->getBuffer()), OS(OS) {}

  void dumpObject(const Object *O);

private:
  /// Starts a node's line; endLine() adds its location and the newline.
  raw_ostream &line(const Node *N, StringRef What);
  void endLine();
  void loc(SourceRange R, OriginLoc Origin);
  void dumpStmt(const Stmt *S);
  void dumpExpr(const Expr *E);
  void dumpLiteral(const Literal *L);

  const ASTContext &Ctx;
  LineTable Lines;
  raw_ostream &OS;
  unsigned Indent = 0;
  const Node *Pending = nullptr;
};

struct IndentScope {
  explicit IndentScope(unsigned &I) : I(I) { ++I; }
  ~IndentScope() { --I; }
  unsigned &I;
};

} // namespace

void Dumper::loc(SourceRange R, OriginLoc Origin) {
  if (R.Begin) {
    auto [Line, Col] = Lines.getLineAndColumn(R.Begin);
    OS << " <" << Line << ':' << Col << '>';
  }
  if (Origin.isValid()) {
    OS << " @src " << Origin.SourceIndex << ':' << Origin.Start << ':'
       << Origin.End;
    StringRef Name = Ctx.sourceName(Origin.SourceIndex);
    if (!Name.empty())
      OS << " (" << Name << ')';
  }
}

raw_ostream &Dumper::line(const Node *N, StringRef What) {
  OS.indent(2 * Indent) << What;
  Pending = N;
  return OS;
}

void Dumper::endLine() {
  if (Pending)
    loc(Pending->Range, Pending->Origin);
  Pending = nullptr;
  OS << '\n';
}

static void printEscaped(raw_ostream &OS, StringRef Bytes) {
  OS << '"';
  printEscapedString(Bytes, OS);
  OS << '"';
}

void Dumper::dumpObject(const Object *O) {
  OS.indent(2 * Indent) << "Object ";
  printEscaped(OS, O->Name);
  loc(O->Range, O->Origin);
  OS << '\n';
  IndentScope I(Indent);
  OS.indent(2 * Indent) << "Code\n";
  {
    IndentScope J(Indent);
    dumpStmt(O->Code);
  }
  for (const Object *Sub : O->SubObjects)
    dumpObject(Sub);
  for (const Data &D : O->DataSections) {
    OS.indent(2 * Indent) << "Data ";
    printEscaped(OS, D.Name);
    loc(D.Range, {});
    OS << " size=" << D.Bytes.size() << " hex=" << toHex(D.Bytes, true) << '\n';
  }
}

void Dumper::dumpLiteral(const Literal *L) {
  switch (L->LitKind) {
  case Literal::Number:
    line(L, "Literal number ") << L->Range.text();
    break;
  case Literal::Bool:
    line(L, "Literal bool ") << L->Range.text();
    break;
  case Literal::String:
    line(L, "Literal string ");
    printEscaped(OS, L->Bytes);
    break;
  case Literal::HexString:
    line(L, "Literal hex ") << toHex(L->Bytes, true);
    break;
  }
  if (!L->Type.empty())
    OS << " : " << L->Type;
  if (!L->TooLarge && L->LitKind != Literal::Number &&
      L->LitKind != Literal::Bool)
    OS << " = 0x" << StringRef(toString(L->Value, 16, false)).lower();
  endLine();
}

void Dumper::dumpExpr(const Expr *E) {
  if (const auto *L = dyn_cast<Literal>(E))
    return dumpLiteral(L);
  if (const auto *Id = dyn_cast<Identifier>(E)) {
    line(Id, "Identifier ") << Id->Name;
    endLine();
    return;
  }
  const auto *Call = cast<FunctionCall>(E);
  line(Call, "FunctionCall ") << Call->Callee;
  if (Call->Builtin)
    OS << " [builtin]";
  endLine();
  IndentScope I(Indent);
  for (const Expr *Arg : Call->Args)
    dumpExpr(Arg);
}

void Dumper::dumpStmt(const Stmt *S) {
  auto Names = [&](const std::vector<TypedName *> &Vars) {
    ListSeparator LS(", ");
    for (const TypedName *V : Vars) {
      OS << LS << V->Name;
      if (!V->Type.empty())
        OS << ':' << V->Type;
    }
  };
  switch (S->getKind()) {
  case Node::NK_Block: {
    line(S, "Block");
    endLine();
    IndentScope I(Indent);
    for (const Stmt *Child : cast<Block>(S)->Statements)
      dumpStmt(Child);
    return;
  }
  case Node::NK_FunctionDefinition: {
    const auto *F = cast<FunctionDefinition>(S);
    line(S, "FunctionDefinition ") << F->Name << '(';
    Names(F->Params);
    OS << ')';
    if (!F->Returns.empty()) {
      OS << " -> ";
      Names(F->Returns);
    }
    endLine();
    IndentScope I(Indent);
    dumpStmt(F->Body);
    return;
  }
  case Node::NK_VariableDeclaration: {
    const auto *V = cast<VariableDeclaration>(S);
    line(S, "VariableDeclaration ");
    Names(V->Variables);
    endLine();
    IndentScope I(Indent);
    if (V->Value)
      dumpExpr(V->Value);
    return;
  }
  case Node::NK_Assignment: {
    const auto *A = cast<Assignment>(S);
    line(S, "Assignment ");
    ListSeparator LS(", ");
    for (const Identifier *T : A->Targets)
      OS << LS << T->Name;
    endLine();
    IndentScope I(Indent);
    dumpExpr(A->Value);
    return;
  }
  case Node::NK_ExpressionStatement: {
    line(S, "ExpressionStatement");
    endLine();
    IndentScope I(Indent);
    dumpExpr(cast<ExpressionStatement>(S)->E);
    return;
  }
  case Node::NK_If: {
    const auto *If_ = cast<If>(S);
    line(S, "If");
    endLine();
    IndentScope I(Indent);
    dumpExpr(If_->Cond);
    dumpStmt(If_->Body);
    return;
  }
  case Node::NK_Switch: {
    const auto *Sw = cast<Switch>(S);
    line(S, "Switch");
    endLine();
    IndentScope I(Indent);
    dumpExpr(Sw->Cond);
    for (const Case &C : Sw->Cases) {
      OS.indent(2 * Indent) << (C.Value ? "Case" : "Default");
      loc(C.Range, {});
      endLine();
      IndentScope J(Indent);
      if (C.Value)
        dumpLiteral(C.Value);
      dumpStmt(C.Body);
    }
    return;
  }
  case Node::NK_ForLoop: {
    const auto *F = cast<ForLoop>(S);
    line(S, "ForLoop");
    endLine();
    IndentScope I(Indent);
    dumpStmt(F->Init);
    dumpExpr(F->Cond);
    dumpStmt(F->Post);
    dumpStmt(F->Body);
    return;
  }
  case Node::NK_Break:
    line(S, "Break");
    endLine();
    return;
  case Node::NK_Continue:
    line(S, "Continue");
    endLine();
    return;
  case Node::NK_Leave:
    line(S, "Leave");
    endLine();
    return;
  default:
    llvm_unreachable("not a statement");
  }
}

void zkc::yul::dumpAST(const ASTContext &Ctx, const SourceMgr &SM,
                       raw_ostream &OS) {
  if (!Ctx.Root)
    return;
  for (const auto &[Index, Name] : Ctx.UseSrc)
    OS << "UseSrc " << Index << ' ' << Name << '\n';
  Dumper(Ctx, SM, OS).dumpObject(Ctx.Root);
}
