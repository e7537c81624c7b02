//===-- Analysis.cpp - Yul semantic checks --------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One walk in source order, as solc's ScopeFiller and AsmAnalyzer together:
// functions are hoisted to the start of their block, variables become visible
// after their declaration, nothing may shadow a name visible at its
// declaration (even across a function boundary), and variables of an
// enclosing function are out of reach. Messages follow solc's wording where
// it has one, so that people who know solc recognise them.
//
//===----------------------------------------------------------------------===//

#include "zkc/Yul/Analysis.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"

using namespace llvm;
using namespace zkc::yul;

DataRef zkc::yul::resolveDataName(Object *O, StringRef Name) {
  DataRef R;
  if (Name == O->Name) {
    R.Obj = O;
    return R;
  }
  for (Data &D : O->DataSections)
    if (D.Name == Name) {
      R.DataSec = &D;
      return R;
    }
  for (Object *Sub : O->SubObjects)
    if (Sub->Name == Name) {
      R.Obj = Sub;
      return R;
    }
  // A dotted path through sub-objects: "A.B.C".
  for (Object *Sub : O->SubObjects)
    if (Name.starts_with(Sub->Name) && Name.size() > Sub->Name.size() &&
        Name[Sub->Name.size()] == '.') {
      DataRef Inner = resolveDataName(Sub, Name.drop_front(Sub->Name.size() + 1));
      // Only names below Sub: not Sub itself again.
      if (Inner.found() && Inner.Obj != Sub)
        return Inner;
    }
  return R;
}

namespace {

struct Scope {
  Scope *Parent = nullptr;
  /// The scope of a function's parameters: variables above it are out of
  /// reach from inside.
  bool FunctionScope = false;
  StringMap<TypedName *> Variables;
  StringMap<FunctionDefinition *> Functions;
};

enum class LoopContext { None, Body, Other };

class Analyzer {
public:
  Analyzer(DiagnosticEngine &Diags) : Diags(Diags) {}

  void checkObject(Object *O);

private:
  // Scopes.
  bool nameTaken(StringRef Name) const;
  void declareVariable(TypedName *V);
  void declareFunction(FunctionDefinition *F);
  bool checkNewName(StringRef Name, SourceRange Range, const char *What);

  // Statements.
  void checkBlock(Block *B, Scope *Pre = nullptr);
  void checkStmt(Stmt *S);
  void checkFunction(FunctionDefinition *F);
  void checkFor(ForLoop *F);
  void checkSwitch(Switch *S);

  // Expressions. Each returns the number of values, or -1 after an error.
  int checkExpr(Expr *E);
  void expectOneValue(Expr *E);
  int checkCall(FunctionCall *Call);
  void checkLiteral(Literal *L);
  void checkType(StringRef Type, SourceRange Range);

  DiagnosticEngine &Diags;
  Object *CurObject = nullptr;
  Scope *Cur = nullptr;
  std::vector<std::unique_ptr<Scope>> Scopes;
  DenseSet<TypedName *> Active;
  LoopContext Loop = LoopContext::None;
  bool InFunction = false;
  bool InForInit = false;
};

} // namespace

//===----------------------------------------------------------------------===//
// Scopes
//===----------------------------------------------------------------------===//

bool Analyzer::nameTaken(StringRef Name) const {
  for (const Scope *S = Cur; S; S = S->Parent)
    if (S->Variables.count(Name) || S->Functions.count(Name))
      return true;
  return false;
}

bool Analyzer::checkNewName(StringRef Name, SourceRange Range,
                            const char *What) {
  if (lookupBuiltin(Name) || isVerbatimName(Name)) {
    Diags.error(Range, "Cannot use builtin function name \"" + Name +
                           "\" as identifier name.");
    return false;
  }
  if (nameTaken(Name)) {
    Diags.error(Range, Twine(What) + " name " + Name +
                           " already taken in this scope.");
    return false;
  }
  return true;
}

void Analyzer::declareVariable(TypedName *V) {
  checkType(V->Type, V->Range);
  if (checkNewName(V->Name, V->Range, "Variable"))
    Cur->Variables[V->Name] = V;
}

void Analyzer::declareFunction(FunctionDefinition *F) {
  if (checkNewName(F->Name, F->NameRange, "Function"))
    Cur->Functions[F->Name] = F;
}

void Analyzer::checkType(StringRef Type, SourceRange Range) {
  if (!Type.empty() && Type != "u256" && Type != "bool")
    Diags.error(Range, "\"" + Type +
                           "\" is not a valid type (the EVM dialect has u256 "
                           "and bool).");
}

//===----------------------------------------------------------------------===//
// Objects and statements
//===----------------------------------------------------------------------===//

void Analyzer::checkObject(Object *O) {
  if (O->Name.empty())
    Diags.error(O->Range, "Object name cannot be empty.");
  StringMap<SourceRange> Names;
  for (Object *Sub : O->SubObjects)
    if (!Names.try_emplace(Sub->Name, Sub->Range).second)
      Diags.error(Sub->Range, "Object name \"" + Sub->Name +
                                  "\" cannot be duplicated.");
  for (Data &D : O->DataSections)
    if (!Names.try_emplace(D.Name, D.Range).second)
      Diags.error(D.Range, "Object name \"" + D.Name +
                               "\" cannot be duplicated.");

  CurObject = O;
  Scopes.clear();
  Active.clear();
  Cur = nullptr;
  checkBlock(O->Code);
  for (Object *Sub : O->SubObjects)
    checkObject(Sub);
}

void Analyzer::checkBlock(Block *B, Scope *Pre) {
  Scope *S = Pre;
  if (!S) {
    Scopes.push_back(std::make_unique<Scope>());
    S = Scopes.back().get();
    S->Parent = Cur;
  }
  Scope *Saved = Cur;
  Cur = S;
  // Functions are visible in the whole block.
  for (Stmt *Child : B->Statements)
    if (auto *F = dyn_cast<FunctionDefinition>(Child)) {
      if (InForInit)
        Diags.error(F->NameRange,
                    "Functions cannot be defined inside a for-loop init block.");
      declareFunction(F);
    }
  for (Stmt *Child : B->Statements)
    checkStmt(Child);
  Cur = Saved;
}

void Analyzer::checkFunction(FunctionDefinition *F) {
  Scopes.push_back(std::make_unique<Scope>());
  Scope *S = Scopes.back().get();
  S->Parent = Cur;
  S->FunctionScope = true;
  Scope *Saved = Cur;
  Cur = S;
  for (TypedName *V : F->Params) {
    declareVariable(V);
    Active.insert(V);
  }
  for (TypedName *V : F->Returns) {
    declareVariable(V);
    Active.insert(V);
  }
  LoopContext SavedLoop = Loop;
  bool SavedInFunction = InFunction, SavedInForInit = InForInit;
  Loop = LoopContext::None;
  InFunction = true;
  InForInit = false;
  checkBlock(F->Body);
  Loop = SavedLoop;
  InFunction = SavedInFunction;
  InForInit = SavedInForInit;
  Cur = Saved;
}

void Analyzer::checkFor(ForLoop *F) {
  // The init block's scope also holds the condition, post and body.
  Scopes.push_back(std::make_unique<Scope>());
  Scope *S = Scopes.back().get();
  S->Parent = Cur;
  LoopContext SavedLoop = Loop;
  bool SavedInForInit = InForInit;
  Loop = LoopContext::Other;
  InForInit = true;
  checkBlock(F->Init, S);
  InForInit = SavedInForInit;
  Scope *Saved = Cur;
  Cur = S;
  expectOneValue(F->Cond);
  // Source order: the post block comes before the body.
  Loop = LoopContext::Other;
  checkBlock(F->Post);
  Loop = LoopContext::Body;
  checkBlock(F->Body);
  Cur = Saved;
  Loop = SavedLoop;
}

void Analyzer::checkSwitch(Switch *S) {
  expectOneValue(S->Cond);
  std::vector<std::pair<APInt, Literal *>> Seen;
  bool SeenDefault = false;
  for (size_t I = 0; I < S->Cases.size(); ++I) {
    Case &C = S->Cases[I];
    if (!C.Value) {
      if (SeenDefault || I + 1 != S->Cases.size())
        Diags.error(C.Range, "Only one default case allowed, and it must be "
                             "the last case.");
      SeenDefault = true;
    } else {
      checkLiteral(C.Value);
      if (!C.Value->TooLarge) {
        for (auto &[V, L] : Seen)
          if (V == C.Value->Value) {
            Diags.error(C.Value->Range, "Duplicate case \"" +
                                            C.Value->Range.text() +
                                            "\" defined.");
            break;
          }
        Seen.emplace_back(C.Value->Value, C.Value);
      }
    }
    checkBlock(C.Body);
  }
}

void Analyzer::checkStmt(Stmt *S) {
  switch (S->getKind()) {
  case Node::NK_Block:
    return checkBlock(cast<Block>(S));
  case Node::NK_FunctionDefinition:
    return checkFunction(cast<FunctionDefinition>(S));
  case Node::NK_VariableDeclaration: {
    auto *V = cast<VariableDeclaration>(S);
    // Declared before the value is checked (inactive), so that `let x := x`
    // is reported as a use before declaration, as solc does.
    for (TypedName *T : V->Variables)
      declareVariable(T);
    if (V->Value) {
      int N = checkExpr(V->Value);
      if (N >= 0 && size_t(N) != V->Variables.size()) {
        SmallString<64> Names;
        for (TypedName *T : V->Variables)
          Names += (Names.empty() ? "" : ", ") + T->Name.str();
        Diags.error(S->Range, "Variable count mismatch for declaration of \"" +
                                  Names + "\": " +
                                  Twine(V->Variables.size()) +
                                  " variables and " + Twine(N) + " values.");
      }
    }
    for (TypedName *T : V->Variables)
      Active.insert(T);
    return;
  }
  case Node::NK_Assignment: {
    auto *A = cast<Assignment>(S);
    int N = checkExpr(A->Value);
    SmallPtrSet<TypedName *, 4> Assigned;
    for (Identifier *T : A->Targets) {
      checkExpr(T);
      if (T->Decl && !Assigned.insert(T->Decl).second)
        Diags.error(T->Range, "Variable " + T->Name +
                                  " occurs multiple times on the left-hand "
                                  "side of the assignment.");
    }
    if (N >= 0 && size_t(N) != A->Targets.size())
      Diags.error(S->Range, "Variable count for assignment to \"" +
                                A->Targets.front()->Name +
                                (A->Targets.size() > 1 ? ", ..." : "") +
                                "\" does not match number of values (" +
                                Twine(A->Targets.size()) + " vs. " + Twine(N) +
                                ")");
    return;
  }
  case Node::NK_ExpressionStatement: {
    auto *E = cast<ExpressionStatement>(S);
    int N = checkExpr(E->E);
    if (N > 0)
      Diags.error(S->Range,
                  "Top-level expressions are not supposed to return values "
                  "(this expression returns " +
                      Twine(N) + " value" + (N == 1 ? "" : "s") +
                      "). Use ``pop()`` or assign them.");
    return;
  }
  case Node::NK_If: {
    auto *I = cast<If>(S);
    expectOneValue(I->Cond);
    return checkBlock(I->Body);
  }
  case Node::NK_Switch:
    return checkSwitch(cast<Switch>(S));
  case Node::NK_ForLoop:
    return checkFor(cast<ForLoop>(S));
  case Node::NK_Break:
  case Node::NK_Continue:
    if (Loop != LoopContext::Body)
      Diags.error(S->Range, "Keyword \"" + S->Range.text() +
                                "\" needs to be inside a for-loop body.");
    return;
  case Node::NK_Leave:
    if (!InFunction)
      Diags.error(S->Range, "Keyword \"leave\" can only be used inside a "
                            "function.");
    return;
  default:
    llvm_unreachable("not a statement");
  }
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

void Analyzer::checkLiteral(Literal *L) {
  checkType(L->Type, L->Range);
  if (!L->TooLarge)
    return;
  if (L->LitKind == Literal::Number)
    Diags.error(L->Range, "Number literal too large (> 256 bits)");
  else
    Diags.error(L->Range, "String literal too long (" +
                              Twine(L->Bytes.size()) + " > 32)");
}

void Analyzer::expectOneValue(Expr *E) {
  int N = checkExpr(E);
  if (N >= 0 && N != 1)
    Diags.error(E->Range, "Expected expression to evaluate to one value, but "
                          "got " +
                              Twine(N) + " values instead.");
}

int Analyzer::checkExpr(Expr *E) {
  if (auto *L = dyn_cast<Literal>(E)) {
    checkLiteral(L);
    return 1;
  }
  if (auto *Id = dyn_cast<Identifier>(E)) {
    bool Crossed = false;
    for (Scope *S = Cur; S; S = S->Parent) {
      auto V = S->Variables.find(Id->Name);
      if (V != S->Variables.end()) {
        if (Crossed)
          break;
        if (!Active.count(V->second)) {
          Diags.error(Id->Range, "Variable " + Id->Name +
                                     " used before it was declared.");
          return -1;
        }
        Id->Decl = V->second;
        return 1;
      }
      if (S->Functions.count(Id->Name)) {
        Diags.error(Id->Range,
                    "Function " + Id->Name + " used without being called.");
        return -1;
      }
      if (S->FunctionScope)
        Crossed = true;
    }
    if (lookupBuiltin(Id->Name))
      Diags.error(Id->Range,
                  "Builtin " + Id->Name + " used without being called.");
    else
      Diags.error(Id->Range, "Identifier \"" + Id->Name + "\" not found.");
    return -1;
  }
  return checkCall(cast<FunctionCall>(E));
}

int Analyzer::checkCall(FunctionCall *Call) {
  unsigned NumArgs = 0, NumReturns = 0;
  unsigned LiteralArgs = 0;
  bool Known = false;
  if (const BuiltinInfo *B = lookupBuiltin(Call->Callee)) {
    Call->Builtin = B;
    NumArgs = B->Args;
    NumReturns = B->Returns;
    LiteralArgs = (B->Flags & BF_Literal0 ? 1 : 0) | (B->Flags & BF_Literal1 ? 2 : 0);
    Known = true;
    if (B->Flags & BF_Unsupported) {
      const char *Reason = B->UnsupportedReason;
      Diags.error(Call->CalleeRange, "builtin \"" + Call->Callee +
                                         "\" is not supported on the ZVM: " +
                                         Reason);
    }
  } else if (isVerbatimName(Call->Callee)) {
    Diags.error(Call->CalleeRange,
                "builtin \"" + Call->Callee +
                    "\" is not supported on the ZVM: verbatim inserts raw EVM "
                    "bytecode, which the ZVM cannot execute");
    for (Expr *Arg : Call->Args)
      if (!isa<Literal>(Arg))
        checkExpr(Arg);
    return -1;
  } else {
    bool Reported = false;
    for (Scope *S = Cur; S && !Known; S = S->Parent) {
      auto F = S->Functions.find(Call->Callee);
      if (F != S->Functions.end()) {
        Call->Function = F->second;
        NumArgs = F->second->Params.size();
        NumReturns = F->second->Returns.size();
        Known = true;
        break;
      }
      if (S->Variables.count(Call->Callee)) {
        Diags.error(Call->CalleeRange,
                    "Attempt to call variable instead of function.");
        Reported = true;
        break;
      }
    }
    if (!Known && !Reported)
      Diags.error(Call->CalleeRange,
                  "Function \"" + Call->Callee + "\" not found.");
    if (!Known)
      for (Expr *Arg : Call->Args)
        checkExpr(Arg);
    if (!Known)
      return -1;
  }

  if (Known && Call->Args.size() != NumArgs)
    Diags.error(Call->Range, "Function \"" + Call->Callee + "\" expects " +
                                 Twine(NumArgs) + " argument" +
                                 (NumArgs == 1 ? "" : "s") + " but got " +
                                 Twine(Call->Args.size()) + ".");

  for (size_t I = 0; I < Call->Args.size(); ++I) {
    Expr *Arg = Call->Args[I];
    if (I < 2 && (LiteralArgs & (1u << I))) {
      auto *L = dyn_cast<Literal>(Arg);
      bool WantNumber = Call->Builtin->Id == BuiltinId::MemoryGuard;
      if (!L || (WantNumber ? L->LitKind != Literal::Number
                            : L->LitKind != Literal::String)) {
        Diags.error(Arg->Range,
                    "Function \"" + Call->Callee + "\" expects a " +
                        (WantNumber ? "number" : "string") +
                        " literal as argument " + Twine(I + 1) + ".");
        continue;
      }
      if (WantNumber) {
        checkLiteral(L);
        continue;
      }
      BuiltinId Id = Call->Builtin->Id;
      if ((Id == BuiltinId::DataSize || Id == BuiltinId::DataOffset) &&
          !resolveDataName(CurObject, L->Bytes).found())
        Diags.error(L->Range, "Unknown data object \"" + L->Bytes + "\".");
      continue;
    }
    expectOneValue(Arg);
  }
  return Known ? int(NumReturns) : -1;
}

bool zkc::yul::analyzeYul(ASTContext &Ctx, DiagnosticEngine &Diags) {
  if (!Ctx.Root)
    return false;
  unsigned Before = Diags.getNumErrors();
  Analyzer(Diags).checkObject(Ctx.Root);
  return Diags.getNumErrors() == Before;
}
