//===-- YulToEVM.cpp - Lower the Yul AST to the evm dialect ---------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Yul's control flow is structured, so SSA form comes without a dominance
// frontier computation: every join point (after `if` and `switch`, a loop's
// header, its `continue` target and its exit, a function's return) gets one
// block argument for each variable that is visible there and assigned inside
// the construct. Everything else keeps the value it had when the construct
// was entered. Dead code after a terminating statement is not lowered.
//
// Arguments of a call are evaluated right to left, as Yul specifies.
//
//===----------------------------------------------------------------------===//

#include "zkc/Conversion/YulToEVM/YulToEVM.h"
#include "zkc/Dialect/EVM/IR/EVMDialect.h"
#include "zkc/Dialect/EVM/IR/EVMOps.h"
#include "zkc/Yul/AST.h"
#include "zkc/Yul/Analysis.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace zkc;
using llvm::SourceMgr;
using yul::Assignment;
using yul::ASTContext;
using yul::BuiltinId;
using yul::Case;
using yul::Data;
using yul::DataRef;
using yul::Expr;
using yul::ExpressionStatement;
using yul::ForLoop;
using yul::FunctionCall;
using yul::FunctionDefinition;
using yul::Identifier;
using yul::If;
using yul::Node;
using yul::OriginLoc;
using yul::SourceRange;
using yul::Stmt;
using yul::Switch;
using yul::TypedName;
using yul::VariableDeclaration;

namespace {

using VarList = SmallVector<const TypedName *, 4>;

/// Where break, continue and leave go, with the variables they carry.
struct LoopTargets {
  Block *Post = nullptr;
  Block *Exit = nullptr;
  const VarList *Vars = nullptr;
};

class ObjectLowering {
public:
  ObjectLowering(const ASTContext &Ctx, const SourceMgr &SM, OpBuilder &B,
                 const yul::Object *Obj)
      : Ctx(Ctx), SM(SM),
        Lines(SM.getMemoryBuffer(SM.getMainFileID())->getBuffer()), B(B),
        Obj(const_cast<yul::Object *>(Obj)) {
    FileName = SM.getMemoryBuffer(SM.getMainFileID())->getBufferIdentifier();
    if (FileName.empty() || FileName == "-")
      FileName = "<stdin>";
  }

  void lower(evm::ObjectOp Op);

private:
  Location loc(const Node *N) { return loc(N->Range, N->Origin); }
  Location loc(SourceRange R, OriginLoc Origin);

  // Functions.
  void collectFunctions(const yul::Block *Blk);
  void lowerFunction(const FunctionDefinition *F);

  // Statements.
  void lowerBlock(const yul::Block *Blk);
  void lowerStmt(const Stmt *S);
  void lowerIf(const If *S);
  void lowerSwitch(const Switch *S);
  void lowerFor(const ForLoop *S);

  // Expressions.
  Value lowerValue(const Expr *E);
  SmallVector<Value, 2> lowerExpr(const Expr *E);
  SmallVector<Value, 2> lowerCall(const FunctionCall *Call);
  SmallVector<Value, 2> lowerBuiltin(const FunctionCall *Call,
                                     ArrayRef<Value> Args, Location L);
  Value constant(const APInt &V, Location L);
  Value toCondition(Value V, Location L);
  FlatSymbolRefAttr dataSymbol(const yul::Literal *Name);
  SymbolRefAttr dataRef(const yul::Literal *Name);

  // SSA form.
  const VarList &assignedIn(const Node *N);
  void collectAssigned(const Node *N, llvm::SetVector<const TypedName *> &Out);
  VarList liveSubset(const VarList &Vars);
  SmallVector<Value, 4> currentValues(const VarList &Vars);
  Block *createJoinBlock(const VarList &Vars, Location L);
  void enterJoinBlock(Block *Join, const VarList &Vars);
  void startUnreachable();

  const ASTContext &Ctx;
  const SourceMgr &SM;
  yul::LineTable Lines;
  OpBuilder &B;
  yul::Object *Obj;
  std::string FileName;

  Region *CurRegion = nullptr;
  bool Terminated = false;
  DenseMap<const TypedName *, Value> Env;
  DenseMap<const Node *, VarList> AssignedCache;
  DenseMap<const FunctionDefinition *, func::FuncOp> Functions;
  std::vector<const FunctionDefinition *> FunctionOrder;
  llvm::StringSet<> UsedNames;
  LoopTargets Loop;
  /// Return block of the function being lowered, with its return variables.
  Block *ReturnBlock = nullptr;
  const VarList *ReturnVars = nullptr;
};

} // namespace

Location ObjectLowering::loc(SourceRange R, OriginLoc Origin) {
  MLIRContext *C = B.getContext();
  Location L = UnknownLoc::get(C);
  if (R.Begin) {
    auto [Line, Col] = Lines.getLineAndColumn(R.Begin);
    L = FileLineColLoc::get(C, FileName, Line, Col);
  }
  if (Origin.isValid()) {
    std::string Src = Ctx.sourceName(Origin.SourceIndex).str();
    if (Src.empty())
      Src = "#" + std::to_string(Origin.SourceIndex);
    L = NameLoc::get(StringAttr::get(C, Src + ":" +
                                            std::to_string(Origin.Start) + ":" +
                                            std::to_string(Origin.End)),
                     L);
  }
  return L;
}

//===----------------------------------------------------------------------===//
// SSA helpers
//===----------------------------------------------------------------------===//

void ObjectLowering::collectAssigned(const Node *N,
                                     llvm::SetVector<const TypedName *> &Out) {
  switch (N->getKind()) {
  case Node::NK_Block:
    for (const Stmt *S : cast<yul::Block>(N)->Statements)
      collectAssigned(S, Out);
    return;
  case Node::NK_Assignment:
    for (const Identifier *T : cast<Assignment>(N)->Targets)
      Out.insert(T->Decl);
    return;
  case Node::NK_If:
    collectAssigned(cast<If>(N)->Body, Out);
    return;
  case Node::NK_Switch:
    for (const Case &C : cast<Switch>(N)->Cases)
      collectAssigned(C.Body, Out);
    return;
  case Node::NK_ForLoop: {
    const auto *F = cast<ForLoop>(N);
    collectAssigned(F->Init, Out);
    collectAssigned(F->Body, Out);
    collectAssigned(F->Post, Out);
    return;
  }
  default:
    // Function definitions cannot assign the enclosing function's variables.
    return;
  }
}

const VarList &ObjectLowering::assignedIn(const Node *N) {
  auto It = AssignedCache.find(N);
  if (It != AssignedCache.end())
    return It->second;
  llvm::SetVector<const TypedName *> Set;
  collectAssigned(N, Set);
  return AssignedCache[N] = VarList(Set.begin(), Set.end());
}

VarList ObjectLowering::liveSubset(const VarList &Vars) {
  VarList Live;
  for (const TypedName *V : Vars)
    if (Env.count(V))
      Live.push_back(V);
  return Live;
}

SmallVector<Value, 4> ObjectLowering::currentValues(const VarList &Vars) {
  SmallVector<Value, 4> Values;
  for (const TypedName *V : Vars)
    Values.push_back(Env.lookup(V));
  return Values;
}

Block *ObjectLowering::createJoinBlock(const VarList &Vars, Location L) {
  auto *Blk = new Block();
  for (size_t I = 0; I < Vars.size(); ++I)
    Blk->addArgument(B.getIntegerType(256), L);
  return Blk;
}

void ObjectLowering::enterJoinBlock(Block *Join, const VarList &Vars) {
  CurRegion->push_back(Join);
  B.setInsertionPointToEnd(Join);
  for (size_t I = 0; I < Vars.size(); ++I)
    Env[Vars[I]] = Join->getArgument(I);
  Terminated = false;
}

Value ObjectLowering::constant(const APInt &V, Location L) {
  return B.create<arith::ConstantOp>(L, evm::getWordAttr(B, V));
}

Value ObjectLowering::toCondition(Value V, Location L) {
  Value Zero = constant(APInt(256, 0), L);
  return B.create<arith::CmpIOp>(L, arith::CmpIPredicate::ne, V, Zero);
}

//===----------------------------------------------------------------------===//
// Objects and functions
//===----------------------------------------------------------------------===//

void ObjectLowering::collectFunctions(const yul::Block *Blk) {
  for (const Stmt *S : Blk->Statements) {
    switch (S->getKind()) {
    case Node::NK_FunctionDefinition: {
      const auto *F = cast<FunctionDefinition>(S);
      FunctionOrder.push_back(F);
      collectFunctions(F->Body);
      break;
    }
    case Node::NK_Block:
      collectFunctions(cast<yul::Block>(S));
      break;
    case Node::NK_If:
      collectFunctions(cast<If>(S)->Body);
      break;
    case Node::NK_Switch:
      for (const Case &C : cast<Switch>(S)->Cases)
        collectFunctions(C.Body);
      break;
    case Node::NK_ForLoop:
      collectFunctions(cast<ForLoop>(S)->Init);
      collectFunctions(cast<ForLoop>(S)->Body);
      collectFunctions(cast<ForLoop>(S)->Post);
      break;
    default:
      break;
    }
  }
}

void ObjectLowering::lower(evm::ObjectOp Op) {
  Block &Body = Op.getBodyBlock();
  for (yul::Object *Sub : Obj->SubObjects)
    UsedNames.insert(Sub->Name);
  for (const Data &D : Obj->DataSections)
    UsedNames.insert(D.Name);

  // Function symbols: Yul allows the same name in disjoint scopes.
  collectFunctions(Obj->Code);
  Type Word = B.getIntegerType(256);
  B.setInsertionPointToEnd(&Body);
  auto Code = B.create<evm::CodeOp>(loc(Obj->Code));
  for (const FunctionDefinition *F : FunctionOrder) {
    std::string Name = F->Name.str();
    for (unsigned N = 1; UsedNames.count(Name); ++N)
      Name = F->Name.str() + "_" + std::to_string(N);
    UsedNames.insert(Name);
    SmallVector<Type, 4> Params(F->Params.size(), Word);
    SmallVector<Type, 4> Results(F->Returns.size(), Word);
    B.setInsertionPointToEnd(&Body);
    auto Fn = B.create<func::FuncOp>(loc(F), Name,
                                     B.getFunctionType(Params, Results));
    Fn.setPrivate();
    Functions[F] = Fn;
  }

  // The object's code.
  CurRegion = &Code.getBody();
  Block *Entry = new Block();
  CurRegion->push_back(Entry);
  B.setInsertionPointToEnd(Entry);
  Terminated = false;
  lowerBlock(Obj->Code);
  if (!Terminated)
    B.create<evm::StopOp>(loc(SourceRange{Obj->Code->Range.End - 1,
                                          Obj->Code->Range.End},
                              {}));

  for (const FunctionDefinition *F : FunctionOrder)
    lowerFunction(F);

  // Data sections, then sub-objects.
  B.setInsertionPointToEnd(&Body);
  for (const Data &D : Obj->DataSections)
    B.create<evm::DataOp>(loc(D.Range, {}), D.Name, StringRef(D.Bytes));
  for (yul::Object *Sub : Obj->SubObjects) {
    B.setInsertionPointToEnd(&Body);
    auto SubOp = B.create<evm::ObjectOp>(loc(Sub->Range, Sub->Origin), Sub->Name);
    ObjectLowering(Ctx, SM, B, Sub).lower(SubOp);
  }
}

void ObjectLowering::lowerFunction(const FunctionDefinition *F) {
  func::FuncOp Fn = Functions.lookup(F);
  Env.clear();
  CurRegion = &Fn.getBody();
  Block *Entry = Fn.addEntryBlock();
  B.setInsertionPointToEnd(Entry);
  for (size_t I = 0; I < F->Params.size(); ++I)
    Env[F->Params[I]] = Entry->getArgument(I);
  for (const TypedName *R : F->Returns)
    Env[R] = constant(APInt(256, 0), loc(R));

  VarList Returns(F->Returns.begin(), F->Returns.end());
  Location EndLoc = loc(SourceRange{F->Range.End - 1, F->Range.End}, {});
  Block *Ret = createJoinBlock(Returns, EndLoc);
  ReturnBlock = Ret;
  ReturnVars = &Returns;
  Loop = LoopTargets();
  Terminated = false;
  lowerBlock(F->Body);
  if (!Terminated)
    B.create<cf::BranchOp>(EndLoc, Ret, currentValues(Returns));
  if (Ret->hasNoPredecessors()) {
    delete Ret;
  } else {
    CurRegion->push_back(Ret);
    B.setInsertionPointToEnd(Ret);
    B.create<func::ReturnOp>(EndLoc, Ret->getArguments());
  }
  ReturnBlock = nullptr;
  ReturnVars = nullptr;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void ObjectLowering::lowerBlock(const yul::Block *Blk) {
  for (const Stmt *S : Blk->Statements) {
    if (Terminated)
      return;
    lowerStmt(S);
  }
}

void ObjectLowering::lowerStmt(const Stmt *S) {
  switch (S->getKind()) {
  case Node::NK_Block:
    return lowerBlock(cast<yul::Block>(S));
  case Node::NK_FunctionDefinition:
    return; // Lowered on its own.
  case Node::NK_VariableDeclaration: {
    const auto *V = cast<VariableDeclaration>(S);
    if (!V->Value) {
      for (const TypedName *T : V->Variables)
        Env[T] = constant(APInt(256, 0), loc(T));
      return;
    }
    SmallVector<Value, 2> Values = lowerExpr(V->Value);
    if (Terminated)
      return;
    for (size_t I = 0; I < V->Variables.size(); ++I)
      Env[V->Variables[I]] = Values[I];
    return;
  }
  case Node::NK_Assignment: {
    const auto *A = cast<Assignment>(S);
    SmallVector<Value, 2> Values = lowerExpr(A->Value);
    if (Terminated)
      return;
    for (size_t I = 0; I < A->Targets.size(); ++I)
      Env[A->Targets[I]->Decl] = Values[I];
    return;
  }
  case Node::NK_ExpressionStatement:
    lowerExpr(cast<ExpressionStatement>(S)->E);
    return;
  case Node::NK_If:
    return lowerIf(cast<If>(S));
  case Node::NK_Switch:
    return lowerSwitch(cast<Switch>(S));
  case Node::NK_ForLoop:
    return lowerFor(cast<ForLoop>(S));
  case Node::NK_Break:
    B.create<cf::BranchOp>(loc(S), Loop.Exit, currentValues(*Loop.Vars));
    Terminated = true;
    return;
  case Node::NK_Continue:
    B.create<cf::BranchOp>(loc(S), Loop.Post, currentValues(*Loop.Vars));
    Terminated = true;
    return;
  case Node::NK_Leave:
    B.create<cf::BranchOp>(loc(S), ReturnBlock, currentValues(*ReturnVars));
    Terminated = true;
    return;
  default:
    llvm_unreachable("not a statement");
  }
}

void ObjectLowering::lowerIf(const If *S) {
  Location L = loc(S);
  Value Cond = lowerValue(S->Cond);
  if (Terminated)
    return;
  VarList Vars = liveSubset(assignedIn(S->Body));
  Block *Then = new Block();
  Block *Join = createJoinBlock(Vars, L);
  B.create<cf::CondBranchOp>(L, toCondition(Cond, L), Then, ValueRange(), Join,
                             currentValues(Vars));
  DenseMap<const TypedName *, Value> Saved = Env;
  CurRegion->push_back(Then);
  B.setInsertionPointToEnd(Then);
  lowerBlock(S->Body);
  if (!Terminated)
    B.create<cf::BranchOp>(L, Join, currentValues(Vars));
  Env = std::move(Saved);
  enterJoinBlock(Join, Vars);
}

void ObjectLowering::lowerSwitch(const Switch *S) {
  Location L = loc(S);
  Value Cond = lowerValue(S->Cond);
  if (Terminated)
    return;
  llvm::SetVector<const TypedName *> Set;
  collectAssigned(S, Set);
  VarList Vars = liveSubset(VarList(Set.begin(), Set.end()));
  Block *Join = createJoinBlock(Vars, L);

  SmallVector<APInt, 4> CaseValues;
  SmallVector<Block *, 4> CaseBlocks;
  Block *Default = nullptr;
  for (const Case &C : S->Cases) {
    Block *Blk = new Block();
    if (C.Value) {
      CaseValues.push_back(C.Value->Value);
      CaseBlocks.push_back(Blk);
    } else {
      Default = Blk;
    }
  }
  SmallVector<Value, 4> JoinValues = currentValues(Vars);
  bool Narrow = llvm::all_of(
      CaseValues, [](const APInt &V) { return V.getActiveBits() < 64; });
  if (Narrow) {
    // cf.switch prints and parses its case values as 64-bit integers.
    SmallVector<ValueRange, 4> CaseOperands(CaseBlocks.size(), ValueRange());
    if (Default)
      B.create<cf::SwitchOp>(L, Cond, Default, ValueRange(), CaseValues,
                             CaseBlocks, CaseOperands);
    else
      B.create<cf::SwitchOp>(L, Cond, Join, JoinValues, CaseValues,
                             CaseBlocks, CaseOperands);
  } else {
    // Wide case values (strings, hashes): a chain of comparisons.
    for (size_t I = 0; I < CaseValues.size(); ++I) {
      Value Eq = B.create<arith::CmpIOp>(L, arith::CmpIPredicate::eq, Cond,
                                         constant(CaseValues[I], L));
      if (I + 1 < CaseValues.size() || Default) {
        Block *Next = new Block();
        B.create<cf::CondBranchOp>(L, Eq, CaseBlocks[I], ValueRange(), Next,
                                   ValueRange());
        CurRegion->push_back(Next);
        B.setInsertionPointToEnd(Next);
      } else {
        B.create<cf::CondBranchOp>(L, Eq, CaseBlocks[I], ValueRange(), Join,
                                   JoinValues);
      }
    }
    if (Default)
      B.create<cf::BranchOp>(L, Default);
  }

  DenseMap<const TypedName *, Value> Saved = Env;
  size_t CaseIndex = 0;
  for (const Case &C : S->Cases) {
    Block *Blk = C.Value ? CaseBlocks[CaseIndex++] : Default;
    Env = Saved;
    Terminated = false;
    CurRegion->push_back(Blk);
    B.setInsertionPointToEnd(Blk);
    lowerBlock(C.Body);
    if (!Terminated)
      B.create<cf::BranchOp>(loc(C.Range, {}), Join, currentValues(Vars));
  }
  Env = std::move(Saved);
  if (Join->hasNoPredecessors()) {
    // Every case ends the call or leaves the loop or function.
    delete Join;
    Terminated = true;
    return;
  }
  enterJoinBlock(Join, Vars);
}

void ObjectLowering::lowerFor(const ForLoop *S) {
  Location L = loc(S);
  // The init block runs once, in the loop's scope.
  lowerBlock(S->Init);
  if (Terminated)
    return;
  llvm::SetVector<const TypedName *> Set;
  collectAssigned(S->Body, Set);
  collectAssigned(S->Post, Set);
  VarList Vars = liveSubset(VarList(Set.begin(), Set.end()));

  Block *Header = createJoinBlock(Vars, L);
  Block *Body = new Block();
  Block *Post = createJoinBlock(Vars, L);
  Block *Exit = createJoinBlock(Vars, L);
  B.create<cf::BranchOp>(L, Header, currentValues(Vars));

  enterJoinBlock(Header, Vars);
  Value Cond = lowerValue(S->Cond);
  B.create<cf::CondBranchOp>(loc(S->Cond), toCondition(Cond, L), Body,
                             ValueRange(), Exit, currentValues(Vars));
  DenseMap<const TypedName *, Value> AtHeader = Env;

  LoopTargets Saved = Loop;
  Loop = {Post, Exit, &Vars};
  CurRegion->push_back(Body);
  B.setInsertionPointToEnd(Body);
  Terminated = false;
  lowerBlock(S->Body);
  if (!Terminated)
    B.create<cf::BranchOp>(L, Post, currentValues(Vars));
  Loop = Saved;

  if (Post->hasNoPredecessors()) {
    delete Post;
  } else {
    Env = AtHeader;
    enterJoinBlock(Post, Vars);
    lowerBlock(S->Post);
    if (!Terminated)
      B.create<cf::BranchOp>(L, Header, currentValues(Vars));
  }
  Env = std::move(AtHeader);
  enterJoinBlock(Exit, Vars);
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Value ObjectLowering::lowerValue(const Expr *E) {
  SmallVector<Value, 2> Values = lowerExpr(E);
  if (Values.empty())
    return {};
  return Values.front();
}

SmallVector<Value, 2> ObjectLowering::lowerExpr(const Expr *E) {
  if (const auto *L = dyn_cast<yul::Literal>(E))
    return {constant(L->Value, loc(L))};
  if (const auto *Id = dyn_cast<Identifier>(E))
    return {Env.lookup(Id->Decl)};
  return lowerCall(cast<FunctionCall>(E));
}

SmallVector<Value, 2> ObjectLowering::lowerCall(const FunctionCall *Call) {
  Location L = loc(Call);
  unsigned LiteralArgs = 0;
  if (Call->Builtin)
    LiteralArgs = (Call->Builtin->Flags & yul::BF_Literal0 ? 1 : 0) |
                  (Call->Builtin->Flags & yul::BF_Literal1 ? 2 : 0);
  // Right to left.
  SmallVector<Value, 8> Args(Call->Args.size());
  for (size_t I = Call->Args.size(); I-- > 0;) {
    if (I < 2 && (LiteralArgs & (1u << I)))
      continue;
    Args[I] = lowerValue(Call->Args[I]);
  }
  if (Call->Function) {
    func::FuncOp Fn = Functions.lookup(Call->Function);
    auto CallOp = B.create<func::CallOp>(L, Fn, Args);
    return SmallVector<Value, 2>(CallOp.getResults());
  }
  return lowerBuiltin(Call, Args, L);
}

SymbolRefAttr ObjectLowering::dataRef(const yul::Literal *Name) {
  // "A.B.C" names a sub-object of a sub-object: @A::@B::@C, except where the
  // whole name is this object, one of its data sections or sub-objects.
  StringRef Path = Name->Bytes;
  DataRef Ref = yul::resolveDataName(Obj, Path);
  if (Ref.DataSec || (Ref.Obj && (Ref.Obj == Obj || Ref.Obj->Parent == Obj)))
    return FlatSymbolRefAttr::get(B.getContext(), Path);
  SmallVector<StringRef, 4> Parts;
  // Rebuild the path of object names from Obj down to the target.
  std::vector<yul::Object *> Chain;
  for (yul::Object *O = Ref.Obj; O && O != Obj; O = O->Parent)
    Chain.push_back(O);
  SmallVector<FlatSymbolRefAttr, 4> Nested;
  for (size_t I = Chain.size() - 1; I-- > 0;)
    Nested.push_back(FlatSymbolRefAttr::get(B.getContext(), Chain[I]->Name));
  return SymbolRefAttr::get(B.getContext(), Chain.back()->Name, Nested);
}

SmallVector<Value, 2> ObjectLowering::lowerBuiltin(const FunctionCall *Call,
                                                   ArrayRef<Value> A,
                                                   Location L) {
  auto StrArg = [&](unsigned I) {
    return B.getStringAttr(cast<yul::Literal>(Call->Args[I])->Bytes);
  };
  Type W = B.getIntegerType(256);
  auto One = [](Value V) { return SmallVector<Value, 2>{V}; };
  auto Done = [&]() { return SmallVector<Value, 2>{}; };
  auto End = [&]() {
    Terminated = true;
    return SmallVector<Value, 2>{};
  };
#define BINARY(Id, Op)                                                         \
  case BuiltinId::Id:                                                          \
    return One(B.create<evm::Op>(L, W, A[0], A[1]));
#define UNARY(Id, Op)                                                          \
  case BuiltinId::Id:                                                          \
    return One(B.create<evm::Op>(L, W, A[0]));
#define NULLARY(Id, Op)                                                        \
  case BuiltinId::Id:                                                          \
    return One(B.create<evm::Op>(L, W));
#define COPY(Id, Op)                                                           \
  case BuiltinId::Id:                                                          \
    B.create<evm::Op>(L, A[0], A[1], A[2]);                                    \
    return Done();

  switch (Call->Builtin->Id) {
    BINARY(Add, AddOp)
    BINARY(Sub, SubOp)
    BINARY(Mul, MulOp)
    BINARY(Div, DivOp)
    BINARY(SDiv, SDivOp)
    BINARY(Mod, ModOp)
    BINARY(SMod, SModOp)
    BINARY(Exp, ExpOp)
    UNARY(Not, NotOp)
    BINARY(Lt, LtOp)
    BINARY(Gt, GtOp)
    BINARY(SLt, SLtOp)
    BINARY(SGt, SGtOp)
    BINARY(Eq, EqOp)
    UNARY(IsZero, IsZeroOp)
    BINARY(And, AndOp)
    BINARY(Or, OrOp)
    BINARY(Xor, XorOp)
    BINARY(Byte, ByteOp)
    BINARY(Shl, ShlOp)
    BINARY(Shr, ShrOp)
    BINARY(Sar, SarOp)
    BINARY(SignExtend, SignExtendOp)
  case BuiltinId::AddMod:
    return One(B.create<evm::AddModOp>(L, W, A[0], A[1], A[2]));
  case BuiltinId::MulMod:
    return One(B.create<evm::MulModOp>(L, W, A[0], A[1], A[2]));
    BINARY(Keccak256, Keccak256Op)
  case BuiltinId::Pop:
    return Done();
    UNARY(MLoad, MLoadOp)
  case BuiltinId::MStore:
    B.create<evm::MStoreOp>(L, A[0], A[1]);
    return Done();
  case BuiltinId::MStore8:
    B.create<evm::MStore8Op>(L, A[0], A[1]);
    return Done();
    COPY(MCopy, MCopyOp)
    NULLARY(MSize, MSizeOp)
    UNARY(SLoad, SLoadOp)
  case BuiltinId::SStore:
    B.create<evm::SStoreOp>(L, A[0], A[1]);
    return Done();
    UNARY(TLoad, TLoadOp)
  case BuiltinId::TStore:
    B.create<evm::TStoreOp>(L, A[0], A[1]);
    return Done();
    NULLARY(Gas, GasOp)
    NULLARY(Address, AddressOp)
    UNARY(Balance, BalanceOp)
    NULLARY(SelfBalance, SelfBalanceOp)
    NULLARY(Caller, CallerOp)
    NULLARY(CallValue, CallValueOp)
    UNARY(CallDataLoad, CallDataLoadOp)
    NULLARY(CallDataSize, CallDataSizeOp)
    COPY(CallDataCopy, CallDataCopyOp)
    NULLARY(CodeSize, CodeSizeOp)
    COPY(CodeCopy, CodeCopyOp)
    UNARY(ExtCodeSize, ExtCodeSizeOp)
  case BuiltinId::ExtCodeCopy:
    B.create<evm::ExtCodeCopyOp>(L, A[0], A[1], A[2], A[3]);
    return Done();
    UNARY(ExtCodeHash, ExtCodeHashOp)
    NULLARY(ReturnDataSize, ReturnDataSizeOp)
    COPY(ReturnDataCopy, ReturnDataCopyOp)
  case BuiltinId::Create:
    return One(B.create<evm::CreateOp>(L, W, A[0], A[1], A[2]));
  case BuiltinId::Create2:
    return One(B.create<evm::Create2Op>(L, W, A[0], A[1], A[2], A[3]));
  case BuiltinId::Call:
    return One(
        B.create<evm::CallOp>(L, W, A[0], A[1], A[2], A[3], A[4], A[5], A[6]));
  case BuiltinId::DelegateCall:
    return One(
        B.create<evm::DelegateCallOp>(L, W, A[0], A[1], A[2], A[3], A[4], A[5]));
  case BuiltinId::StaticCall:
    return One(
        B.create<evm::StaticCallOp>(L, W, A[0], A[1], A[2], A[3], A[4], A[5]));
  case BuiltinId::Stop:
    B.create<evm::StopOp>(L);
    return End();
  case BuiltinId::Return:
    B.create<evm::ReturnOp>(L, A[0], A[1]);
    return End();
  case BuiltinId::Revert:
    B.create<evm::RevertOp>(L, A[0], A[1]);
    return End();
  case BuiltinId::Invalid:
    B.create<evm::InvalidOp>(L);
    return End();
  case BuiltinId::Log0:
  case BuiltinId::Log1:
  case BuiltinId::Log2:
  case BuiltinId::Log3:
  case BuiltinId::Log4:
    B.create<evm::LogOp>(L, A[0], A[1], A.drop_front(2));
    return Done();
    NULLARY(ChainId, ChainIdOp)
    NULLARY(BaseFee, BaseFeeOp)
    NULLARY(BlobBaseFee, BlobBaseFeeOp)
    UNARY(BlobHash, BlobHashOp)
    NULLARY(Origin, OriginOp)
    NULLARY(GasPrice, GasPriceOp)
    UNARY(BlockHash, BlockHashOp)
    NULLARY(Coinbase, CoinbaseOp)
    NULLARY(Timestamp, TimestampOp)
    NULLARY(Number, NumberOp)
    NULLARY(Difficulty, PrevRandaoOp)
    NULLARY(PrevRandao, PrevRandaoOp)
    NULLARY(GasLimit, GasLimitOp)
  case BuiltinId::DataSize:
    return One(B.create<evm::DataSizeOp>(L, W, dataRef(cast<yul::Literal>(Call->Args[0]))));
  case BuiltinId::DataOffset:
    return One(B.create<evm::DataOffsetOp>(L, W, dataRef(cast<yul::Literal>(Call->Args[0]))));
    COPY(DataCopy, DataCopyOp)
  case BuiltinId::SetImmutable:
    B.create<evm::SetImmutableOp>(L, A[0], StrArg(1), A[2]);
    return Done();
  case BuiltinId::LoadImmutable:
    return One(B.create<evm::LoadImmutableOp>(L, W, StrArg(0)));
  case BuiltinId::LinkerSymbol:
    return One(B.create<evm::LinkerSymbolOp>(L, W, StrArg(0)));
  case BuiltinId::MemoryGuard: {
    const APInt &V = cast<yul::Literal>(Call->Args[0])->Value;
    return One(B.create<evm::MemoryGuardOp>(L, W, B.getI64IntegerAttr(static_cast<int64_t>(V.getLimitedValue(INT64_MAX)))));
  }
  case BuiltinId::CallCode:
  case BuiltinId::SelfDestruct:
  case BuiltinId::PC:
  case BuiltinId::NumBuiltins:
    break;
  }
#undef BINARY
#undef UNARY
#undef NULLARY
#undef COPY
  llvm_unreachable("the analyzer rejects builtins the ZVM does not offer");
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void zkc::loadYulToEVMDialects(MLIRContext &Context) {
  Context.loadDialect<evm::EVMDialect, arith::ArithDialect,
                      cf::ControlFlowDialect, func::FuncDialect>();
}

OwningOpRef<ModuleOp> zkc::lowerYulToEVM(const ASTContext &Ctx,
                                         const SourceMgr &SM,
                                         MLIRContext &Context) {
  loadYulToEVMDialects(Context);
  OpBuilder B(&Context);
  OwningOpRef<ModuleOp> Module = ModuleOp::create(UnknownLoc::get(&Context));
  B.setInsertionPointToEnd(Module->getBody());
  ObjectLowering Root(Ctx, SM, B, Ctx.Root);
  auto Obj = B.create<evm::ObjectOp>(
      UnknownLoc::get(&Context), Ctx.Root->Name);
  Root.lower(Obj);
  if (failed(verify(*Module)))
    return nullptr;
  return Module;
}
