//===-- zkc/Yul/Analysis.h - Yul semantic checks ----------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The checks solc's Yul analyzer makes on the EVM dialect: scopes and
// shadowing, undefined and duplicate names, arity, the placement of break,
// continue and leave, literal ranges and the names of objects and data. It
// also resolves every identifier to its declaration and every call to its
// function or builtin, which the lowering relies on. Builtins the ZVM does
// not offer are rejected here, with the reason.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_YUL_ANALYSIS_H
#define ZKC_YUL_ANALYSIS_H

#include "zkc/Yul/AST.h"
#include "zkc/Yul/Lexer.h"

namespace zkc::yul {

/// Checks and resolves every object in Ctx. Returns false when an error was
/// reported.
bool analyzeYul(ASTContext &Ctx, DiagnosticEngine &Diags);

/// Resolves a datasize/dataoffset/datacopy name from object O: O itself, a
/// sub-object or data section of O, or a dotted path through sub-objects.
/// Returns the object or data, or neither when the name is unknown.
struct DataRef {
  Object *Obj = nullptr;
  Data *DataSec = nullptr;
  bool found() const { return Obj || DataSec; }
};
DataRef resolveDataName(Object *O, llvm::StringRef Name);

} // namespace zkc::yul

#endif // ZKC_YUL_ANALYSIS_H
