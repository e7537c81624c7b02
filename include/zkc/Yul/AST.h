//===-- zkc/Yul/AST.h - Yul abstract syntax tree ----------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The Yul AST: objects with their code and data, statements and expressions.
// Nodes are owned by an ASTContext and refer to each other by plain pointers,
// so trees of any depth are destroyed without recursion. Every node has its
// source range in the Yul text and, when solc annotated the text with
// `@src`, the range in the original source.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_YUL_AST_H
#define ZKC_YUL_AST_H

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Casting.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
class SourceMgr;
} // namespace llvm

namespace zkc::yul {

/// A range of bytes in the Yul buffer.
struct SourceRange {
  const char *Begin = nullptr;
  const char *End = nullptr;
  llvm::StringRef text() const {
    return Begin ? llvm::StringRef(Begin, End - Begin) : llvm::StringRef();
  }
};

/// A location in the original source, from solc's `/// @src i:s:e`.
struct OriginLoc {
  int SourceIndex = -1;
  int Start = -1;
  int End = -1;
  bool isValid() const { return SourceIndex >= 0; }
};

/// The builtins of the EVM dialect (Builtins.def).
enum class BuiltinId : uint16_t {
#define YUL_BUILTIN(Id, Name, Args, Returns, Flags) Id,
#include "zkc/Yul/Builtins.def"
  NumBuiltins
};

enum BuiltinFlags : unsigned {
  BF_None = 0,
  BF_Movable = 1,
  BF_Terminator = 2,
  BF_Literal0 = 4,
  BF_Literal1 = 8,
  BF_Unsupported = 16,
};

struct BuiltinInfo {
  BuiltinId Id;
  const char *Name;
  unsigned Args;
  unsigned Returns;
  unsigned Flags;
  /// Why the ZVM does not offer it; null when it does.
  const char *UnsupportedReason;
};

/// The builtin named Name, or null.
const BuiltinInfo *lookupBuiltin(llvm::StringRef Name);
const BuiltinInfo &getBuiltinInfo(BuiltinId Id);
/// True for the `verbatim_<n>i_<m>o` family.
bool isVerbatimName(llvm::StringRef Name);

class FunctionDefinition;
class TypedName;

//===----------------------------------------------------------------------===//
// Nodes
//===----------------------------------------------------------------------===//

class Node {
public:
  enum NodeKind {
    // Expressions.
    NK_Literal,
    NK_Identifier,
    NK_FunctionCall,
    NK_LastExpr = NK_FunctionCall,
    // Statements.
    NK_Block,
    NK_FunctionDefinition,
    NK_VariableDeclaration,
    NK_Assignment,
    NK_ExpressionStatement,
    NK_If,
    NK_Switch,
    NK_ForLoop,
    NK_Break,
    NK_Continue,
    NK_Leave,
    NK_LastStmt = NK_Leave,
    // Others.
    NK_TypedName,
  };

  virtual ~Node() = default;
  NodeKind getKind() const { return Kind; }

  SourceRange Range;
  OriginLoc Origin;

protected:
  explicit Node(NodeKind Kind) : Kind(Kind) {}

private:
  NodeKind Kind;
};

class Expr : public Node {
public:
  static bool classof(const Node *N) { return N->getKind() <= NK_LastExpr; }

protected:
  using Node::Node;
};

class Stmt : public Node {
public:
  static bool classof(const Node *N) {
    return N->getKind() > NK_LastExpr && N->getKind() <= NK_LastStmt;
  }

protected:
  using Node::Node;
};

/// A variable or parameter name with its optional type (`x:u256`).
class TypedName : public Node {
public:
  TypedName() : Node(NK_TypedName) {}
  static bool classof(const Node *N) { return N->getKind() == NK_TypedName; }
  llvm::StringRef Name;
  llvm::StringRef Type;
};

class Literal : public Expr {
public:
  enum LiteralKind { Number, String, Bool, HexString };
  Literal() : Expr(NK_Literal) {}
  static bool classof(const Node *N) { return N->getKind() == NK_Literal; }

  LiteralKind LitKind = Number;
  /// Decoded bytes of a string or hex string literal.
  std::string Bytes;
  /// The value as a word (string bytes left-aligned, as solc does); set by
  /// the parser when it fits, else the analyzer reports the range error.
  llvm::APInt Value{256, 0};
  /// Numbers with more than 256 bits, strings longer than 32 bytes.
  bool TooLarge = false;
  llvm::StringRef Type;
};

class Identifier : public Expr {
public:
  Identifier() : Expr(NK_Identifier) {}
  static bool classof(const Node *N) { return N->getKind() == NK_Identifier; }
  llvm::StringRef Name;
  /// The variable it names, set by the analyzer.
  TypedName *Decl = nullptr;
};

class FunctionCall : public Expr {
public:
  FunctionCall() : Expr(NK_FunctionCall) {}
  static bool classof(const Node *N) { return N->getKind() == NK_FunctionCall; }
  llvm::StringRef Callee;
  SourceRange CalleeRange;
  std::vector<Expr *> Args;
  /// Set by the analyzer: exactly one of the two.
  const BuiltinInfo *Builtin = nullptr;
  FunctionDefinition *Function = nullptr;
};

class Block : public Stmt {
public:
  Block() : Stmt(NK_Block) {}
  static bool classof(const Node *N) { return N->getKind() == NK_Block; }
  std::vector<Stmt *> Statements;
};

class FunctionDefinition : public Stmt {
public:
  FunctionDefinition() : Stmt(NK_FunctionDefinition) {}
  static bool classof(const Node *N) {
    return N->getKind() == NK_FunctionDefinition;
  }
  llvm::StringRef Name;
  SourceRange NameRange;
  std::vector<TypedName *> Params;
  std::vector<TypedName *> Returns;
  Block *Body = nullptr;
};

class VariableDeclaration : public Stmt {
public:
  VariableDeclaration() : Stmt(NK_VariableDeclaration) {}
  static bool classof(const Node *N) {
    return N->getKind() == NK_VariableDeclaration;
  }
  std::vector<TypedName *> Variables;
  /// Null for `let x` without a value.
  Expr *Value = nullptr;
};

class Assignment : public Stmt {
public:
  Assignment() : Stmt(NK_Assignment) {}
  static bool classof(const Node *N) { return N->getKind() == NK_Assignment; }
  std::vector<Identifier *> Targets;
  Expr *Value = nullptr;
};

class ExpressionStatement : public Stmt {
public:
  ExpressionStatement() : Stmt(NK_ExpressionStatement) {}
  static bool classof(const Node *N) {
    return N->getKind() == NK_ExpressionStatement;
  }
  Expr *E = nullptr;
};

class If : public Stmt {
public:
  If() : Stmt(NK_If) {}
  static bool classof(const Node *N) { return N->getKind() == NK_If; }
  Expr *Cond = nullptr;
  Block *Body = nullptr;
};

struct Case {
  /// Null for `default`.
  Literal *Value = nullptr;
  Block *Body = nullptr;
  SourceRange Range;
};

class Switch : public Stmt {
public:
  Switch() : Stmt(NK_Switch) {}
  static bool classof(const Node *N) { return N->getKind() == NK_Switch; }
  Expr *Cond = nullptr;
  std::vector<Case> Cases;
};

class ForLoop : public Stmt {
public:
  ForLoop() : Stmt(NK_ForLoop) {}
  static bool classof(const Node *N) { return N->getKind() == NK_ForLoop; }
  Block *Init = nullptr;
  Expr *Cond = nullptr;
  Block *Post = nullptr;
  Block *Body = nullptr;
};

class Break : public Stmt {
public:
  Break() : Stmt(NK_Break) {}
  static bool classof(const Node *N) { return N->getKind() == NK_Break; }
};

class Continue : public Stmt {
public:
  Continue() : Stmt(NK_Continue) {}
  static bool classof(const Node *N) { return N->getKind() == NK_Continue; }
};

class Leave : public Stmt {
public:
  Leave() : Stmt(NK_Leave) {}
  static bool classof(const Node *N) { return N->getKind() == NK_Leave; }
};

//===----------------------------------------------------------------------===//
// Objects
//===----------------------------------------------------------------------===//

struct Data {
  llvm::StringRef Name;
  std::string Bytes;
  SourceRange Range;
};

struct Object {
  llvm::StringRef Name;
  SourceRange Range;
  OriginLoc Origin;
  Block *Code = nullptr;
  std::vector<Object *> SubObjects;
  std::vector<Data> DataSections;
  Object *Parent = nullptr;
  /// True when the source was a bare `{ ... }` block without `object`.
  bool Implicit = false;
};

/// Owns every node of one parsed Yul source.
class ASTContext {
public:
  template <typename T> T *create() {
    auto Owned = std::make_unique<T>();
    T *Ptr = Owned.get();
    Nodes.push_back(std::move(Owned));
    return Ptr;
  }
  Object *createObject() {
    Objects.push_back(std::make_unique<Object>());
    return Objects.back().get();
  }

  /// The outermost object.
  Object *Root = nullptr;
  /// Source files named by `/// @use-src`, by index.
  std::vector<std::pair<int, std::string>> UseSrc;
  /// The name of the `@use-src` file with this index, or "".
  llvm::StringRef sourceName(int Index) const;

private:
  std::vector<std::unique_ptr<Node>> Nodes;
  std::vector<std::unique_ptr<Object>> Objects;
};

/// Line and column (1-based) of pointers into one buffer, in O(log lines):
/// SourceMgr scans back to the line start for every column, which is
/// quadratic on minified one-line sources.
class LineTable {
public:
  explicit LineTable(llvm::StringRef Buffer);
  std::pair<unsigned, unsigned> getLineAndColumn(const char *Ptr) const;

private:
  const char *Start;
  std::vector<uint32_t> LineStarts;
};

/// Prints the AST as an indented tree, one node a line, with line:column
/// positions (and `@src` origins) taken from SM.
void dumpAST(const ASTContext &Ctx, const llvm::SourceMgr &SM,
             llvm::raw_ostream &OS);

} // namespace zkc::yul

#endif // ZKC_YUL_AST_H
