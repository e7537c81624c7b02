//===-- zkc/Yul/Parser.h - Yul parser ---------------------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A recursive-descent parser for Yul objects and code. Nesting (blocks and
// expressions together) is limited to MaxNestingDepth levels, reported as an
// error, so that neither the parser nor the passes that walk the tree later
// can overflow the native stack.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_YUL_PARSER_H
#define ZKC_YUL_PARSER_H

#include "zkc/Yul/AST.h"
#include "zkc/Yul/Lexer.h"

namespace zkc::yul {

/// Deepest nesting of blocks and expressions the parser accepts.
constexpr unsigned MaxNestingDepth = 512;

/// Parses the main buffer of Diags' SourceMgr into Ctx. Either a sequence of
/// one `object` or a bare block (which becomes an implicit object named
/// "object"). Returns false after reporting an error.
bool parseYul(ASTContext &Ctx, DiagnosticEngine &Diags);

} // namespace zkc::yul

#endif // ZKC_YUL_PARSER_H
