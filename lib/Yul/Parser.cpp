//===-- Parser.cpp - Yul parser -------------------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Recursive descent over the grammar in docs/yul-frontend.md. The first error
// stops the parse: solc does the same, and it keeps the messages to the one
// that matters.
//
//===----------------------------------------------------------------------===//

#include "zkc/Yul/Parser.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace zkc::yul;

namespace {

class Parser {
public:
  Parser(ASTContext &Ctx, DiagnosticEngine &Diags, StringRef Buffer)
      : Ctx(Ctx), Diags(Diags), Lex(Buffer, Diags) {
    consume();
  }

  bool parseSource();

private:
  // Tokens.
  void consume() {
    Prev = Tok.Range;
    Tok = Lex.lex();
  }
  bool at(TokenKind K) const { return Tok.Kind == K; }
  /// `object`, `code` and `data`, which the lexer returns as identifiers.
  bool atWord(StringRef Word) const {
    return Tok.Kind == TokenKind::Identifier && Tok.text() == Word;
  }
  bool error(const Twine &Message) {
    if (!Failed && Tok.Kind != TokenKind::Error)
      Diags.error(Tok.Range, Message);
    Failed = true;
    return false;
  }
  bool expect(TokenKind K, const char *Context) {
    if (at(K)) {
      consume();
      return true;
    }
    return error(Twine("expected ") + tokenKindName(K) + " " + Context +
                 ", found " + describe(Tok));
  }
  static std::string describe(const Token &T) {
    if (T.Kind == TokenKind::Eof)
      return "end of input";
    return "'" + T.text().str() + "'";
  }
  template <typename T> T *startNode() {
    T *N = Ctx.create<T>();
    N->Range.Begin = Tok.Range.Begin;
    N->Origin = Tok.Origin;
    return N;
  }
  template <typename T> T *finish(T *N) {
    N->Range.End = Prev.End;
    return N;
  }
  bool enter() {
    if (++Depth <= MaxNestingDepth)
      return true;
    return error("nesting too deep: more than " + Twine(MaxNestingDepth) +
                 " levels of blocks and expressions");
  }
  void leave() { --Depth; }

  // Objects.
  Object *parseObject(Object *Parent);
  bool parseData(Object *O);

  // Statements.
  Block *parseBlock();
  Stmt *parseStatement();
  FunctionDefinition *parseFunctionDefinition();
  bool parseTypedNames(std::vector<TypedName *> &Names, const char *Context);
  Stmt *parseVariableDeclaration();
  Stmt *parseIf();
  Stmt *parseSwitch();
  Stmt *parseFor();
  Stmt *parseIdentifierStatement();

  // Expressions.
  Expr *parseExpression();
  Literal *parseLiteral();
  StringRef parseOptionalType();

  ASTContext &Ctx;
  DiagnosticEngine &Diags;
  Lexer Lex;
  Token Tok;
  SourceRange Prev;
  unsigned Depth = 0;
  bool Failed = false;
};

} // namespace

bool Parser::parseSource() {
  if (at(TokenKind::LBrace)) {
    Object *O = Ctx.createObject();
    O->Name = "object";
    O->Implicit = true;
    O->Range = Tok.Range;
    O->Code = parseBlock();
    O->Range.End = Prev.End;
    Ctx.Root = O;
  } else if (atWord("object")) {
    Ctx.Root = parseObject(nullptr);
  } else {
    return error("expected 'object' or '{' at the start of Yul source, found " +
                 describe(Tok));
  }
  Ctx.UseSrc = Lex.useSrc();
  if (Failed || !Ctx.Root)
    return false;
  if (!at(TokenKind::Eof))
    return error("expected end of input after the outermost object, found " +
                 describe(Tok));
  return true;
}

Object *Parser::parseObject(Object *Parent) {
  if (!enter())
    return nullptr;
  Object *O = Ctx.createObject();
  O->Parent = Parent;
  O->Range.Begin = Tok.Range.Begin;
  O->Origin = Tok.Origin;
  consume(); // 'object'
  if (!at(TokenKind::String)) {
    error("expected the object's name as a string literal, found " +
          describe(Tok));
    return nullptr;
  }
  O->Name = Tok.text().drop_front().drop_back();
  consume();
  if (!expect(TokenKind::LBrace, "after the object name"))
    return nullptr;
  if (!atWord("code")) {
    error("expected 'code' at the start of an object, found " + describe(Tok));
    return nullptr;
  }
  consume();
  O->Code = parseBlock();
  if (!O->Code)
    return nullptr;
  while (!at(TokenKind::RBrace)) {
    if (atWord("object")) {
      Object *Sub = parseObject(O);
      if (!Sub)
        return nullptr;
      O->SubObjects.push_back(Sub);
    } else if (atWord("data")) {
      if (!parseData(O))
        return nullptr;
    } else {
      error("expected 'object', 'data' or '}' in object \"" + O->Name +
            "\", found " + describe(Tok));
      return nullptr;
    }
  }
  consume();
  O->Range.End = Prev.End;
  leave();
  return O;
}

bool Parser::parseData(Object *O) {
  Data D;
  D.Range.Begin = Tok.Range.Begin;
  consume(); // 'data'
  if (!at(TokenKind::String))
    return error("expected the data section's name as a string literal, found " +
                 describe(Tok));
  D.Name = Tok.text().drop_front().drop_back();
  consume();
  if (!at(TokenKind::String) && !at(TokenKind::HexString))
    return error("expected a hex or string literal as the contents of data \"" +
                 D.Name + "\", found " + describe(Tok));
  D.Bytes = Tok.Value;
  consume();
  D.Range.End = Prev.End;
  O->DataSections.push_back(std::move(D));
  return true;
}

Block *Parser::parseBlock() {
  if (!enter())
    return nullptr;
  Block *B = startNode<Block>();
  if (!expect(TokenKind::LBrace, "at the start of a block"))
    return nullptr;
  while (!at(TokenKind::RBrace)) {
    Stmt *S = parseStatement();
    if (!S)
      return nullptr;
    B->Statements.push_back(S);
  }
  consume();
  leave();
  return finish(B);
}

Stmt *Parser::parseStatement() {
  switch (Tok.Kind) {
  case TokenKind::LBrace:
    return parseBlock();
  case TokenKind::KwFunction:
    return parseFunctionDefinition();
  case TokenKind::KwLet:
    return parseVariableDeclaration();
  case TokenKind::KwIf:
    return parseIf();
  case TokenKind::KwSwitch:
    return parseSwitch();
  case TokenKind::KwFor:
    return parseFor();
  case TokenKind::KwBreak: {
    auto *S = startNode<Break>();
    consume();
    return finish(S);
  }
  case TokenKind::KwContinue: {
    auto *S = startNode<Continue>();
    consume();
    return finish(S);
  }
  case TokenKind::KwLeave: {
    auto *S = startNode<Leave>();
    consume();
    return finish(S);
  }
  case TokenKind::Identifier:
    return parseIdentifierStatement();
  case TokenKind::Number:
  case TokenKind::String:
  case TokenKind::HexString:
  case TokenKind::KwTrue:
  case TokenKind::KwFalse:
    error("literal " + describe(Tok) +
          " cannot be a statement; a statement is a call, an assignment or a "
          "keyword statement");
    return nullptr;
  default:
    error("expected a statement, found " + describe(Tok));
    return nullptr;
  }
}

StringRef Parser::parseOptionalType() {
  if (!at(TokenKind::Colon))
    return {};
  consume();
  if (!at(TokenKind::Identifier) && !at(TokenKind::KwTrue) &&
      !at(TokenKind::KwFalse)) {
    error("expected a type name after ':', found " + describe(Tok));
    return {};
  }
  StringRef Type = Tok.text();
  consume();
  return Type;
}

bool Parser::parseTypedNames(std::vector<TypedName *> &Names,
                             const char *Context) {
  while (true) {
    if (!at(TokenKind::Identifier))
      return error(Twine("expected an identifier ") + Context + ", found " +
                   describe(Tok));
    auto *N = startNode<TypedName>();
    N->Name = Tok.text();
    consume();
    N->Type = parseOptionalType();
    if (Failed)
      return false;
    Names.push_back(finish(N));
    if (!at(TokenKind::Comma))
      return true;
    consume();
  }
}

FunctionDefinition *Parser::parseFunctionDefinition() {
  auto *F = startNode<FunctionDefinition>();
  consume(); // 'function'
  if (!at(TokenKind::Identifier)) {
    error("expected the function's name, found " + describe(Tok));
    return nullptr;
  }
  F->Name = Tok.text();
  F->NameRange = Tok.Range;
  consume();
  if (!expect(TokenKind::LParen, "after the function name"))
    return nullptr;
  if (!at(TokenKind::RParen) &&
      !parseTypedNames(F->Params, "in the parameter list"))
    return nullptr;
  if (!expect(TokenKind::RParen, "after the parameter list"))
    return nullptr;
  if (at(TokenKind::Arrow)) {
    consume();
    // `-> {` (an empty return list) is accepted as hand-written Yul for
    // era's compiler uses it; solc never prints it.
    if (!at(TokenKind::LBrace) &&
        !parseTypedNames(F->Returns, "in the return list"))
      return nullptr;
  }
  F->Body = parseBlock();
  if (!F->Body)
    return nullptr;
  return finish(F);
}

Stmt *Parser::parseVariableDeclaration() {
  auto *V = startNode<VariableDeclaration>();
  consume(); // 'let'
  if (!parseTypedNames(V->Variables, "after 'let'"))
    return nullptr;
  if (at(TokenKind::Assign)) {
    consume();
    V->Value = parseExpression();
    if (!V->Value)
      return nullptr;
  }
  return finish(V);
}

Stmt *Parser::parseIf() {
  auto *S = startNode<If>();
  consume();
  S->Cond = parseExpression();
  if (!S->Cond)
    return nullptr;
  S->Body = parseBlock();
  if (!S->Body)
    return nullptr;
  return finish(S);
}

Stmt *Parser::parseSwitch() {
  auto *S = startNode<Switch>();
  consume();
  S->Cond = parseExpression();
  if (!S->Cond)
    return nullptr;
  while (at(TokenKind::KwCase) || at(TokenKind::KwDefault)) {
    Case C;
    C.Range.Begin = Tok.Range.Begin;
    if (at(TokenKind::KwCase)) {
      consume();
      C.Value = parseLiteral();
      if (!C.Value)
        return nullptr;
    } else {
      consume();
    }
    C.Body = parseBlock();
    if (!C.Body)
      return nullptr;
    C.Range.End = Prev.End;
    S->Cases.push_back(C);
  }
  if (S->Cases.empty()) {
    error("expected 'case' or 'default' after the switch expression, found " +
          describe(Tok));
    return nullptr;
  }
  return finish(S);
}

Stmt *Parser::parseFor() {
  auto *S = startNode<ForLoop>();
  consume();
  if (!(S->Init = parseBlock()) || !(S->Cond = parseExpression()) ||
      !(S->Post = parseBlock()) || !(S->Body = parseBlock()))
    return nullptr;
  return finish(S);
}

Stmt *Parser::parseIdentifierStatement() {
  // A call statement or an assignment to one or more variables.
  Token First = Tok;
  auto *FirstId = startNode<Identifier>();
  FirstId->Name = Tok.text();
  consume();
  FirstId->Range.End = Prev.End;
  if (at(TokenKind::LParen)) {
    // Reparse as a call: rewind is not possible, so build the call here.
    auto *S = Ctx.create<ExpressionStatement>();
    S->Range.Begin = First.Range.Begin;
    S->Origin = First.Origin;
    auto *Call = Ctx.create<FunctionCall>();
    Call->Range.Begin = First.Range.Begin;
    Call->Origin = First.Origin;
    Call->Callee = First.text();
    Call->CalleeRange = First.Range;
    if (!enter())
      return nullptr;
    consume(); // '('
    if (!at(TokenKind::RParen)) {
      while (true) {
        Expr *Arg = parseExpression();
        if (!Arg)
          return nullptr;
        Call->Args.push_back(Arg);
        if (!at(TokenKind::Comma))
          break;
        consume();
      }
    }
    if (!expect(TokenKind::RParen, "after the call's arguments"))
      return nullptr;
    leave();
    finish(Call);
    S->E = Call;
    return finish(S);
  }
  if (at(TokenKind::Colon)) {
    error("types are not allowed on assignment targets");
    return nullptr;
  }
  auto *A = Ctx.create<Assignment>();
  A->Range.Begin = First.Range.Begin;
  A->Origin = First.Origin;
  A->Targets.push_back(FirstId);
  while (at(TokenKind::Comma)) {
    consume();
    if (!at(TokenKind::Identifier)) {
      error("expected a variable in the assignment's target list, found " +
            describe(Tok));
      return nullptr;
    }
    auto *Id = startNode<Identifier>();
    Id->Name = Tok.text();
    consume();
    A->Targets.push_back(finish(Id));
  }
  if (!at(TokenKind::Assign)) {
    if (A->Targets.size() == 1)
      Diags.error(FirstId->Range,
                  "expected a call or an assignment after identifier '" +
                      FirstId->Name + "', found " + describe(Tok));
    else
      error("expected ':=' after the assignment's target list, found " +
            describe(Tok));
    Failed = true;
    return nullptr;
  }
  consume();
  A->Value = parseExpression();
  if (!A->Value)
    return nullptr;
  return finish(A);
}

Literal *Parser::parseLiteral() {
  auto *L = startNode<Literal>();
  switch (Tok.Kind) {
  case TokenKind::Number: {
    L->LitKind = Literal::Number;
    StringRef Text = Tok.text();
    unsigned Radix = 10;
    if (Text.consume_front("0x"))
      Radix = 16;
    else if (Text.size() > 1 && Text.front() == '0') {
      error("leading zeros are not allowed in decimal number literals");
      return nullptr;
    }
    Text = Text.ltrim('0');
    if (Text.empty()) {
      L->Value = APInt(256, 0);
    } else {
      // Radix 16: 4 bits a digit; radix 10: at most 4 bits a digit too.
      unsigned Bits = std::max<unsigned>(Text.size() * 4 + 4, 256);
      APInt V(Bits, Text, Radix);
      if (V.getActiveBits() > 256)
        L->TooLarge = true;
      else
        L->Value = V.trunc(256);
    }
    break;
  }
  case TokenKind::String:
  case TokenKind::HexString: {
    L->LitKind = at(TokenKind::String) ? Literal::String : Literal::HexString;
    L->Bytes = Tok.Value;
    if (L->Bytes.size() > 32) {
      L->TooLarge = true;
    } else {
      APInt V(256, 0);
      for (size_t I = 0; I < L->Bytes.size(); ++I)
        V.insertBits(static_cast<uint8_t>(L->Bytes[I]), 248 - 8 * I, 8);
      L->Value = V;
    }
    break;
  }
  case TokenKind::KwTrue:
  case TokenKind::KwFalse:
    L->LitKind = Literal::Bool;
    L->Value = APInt(256, at(TokenKind::KwTrue) ? 1 : 0);
    break;
  default:
    error("expected a literal, found " + describe(Tok));
    return nullptr;
  }
  consume();
  L->Type = parseOptionalType();
  if (Failed)
    return nullptr;
  return finish(L);
}

Expr *Parser::parseExpression() {
  if (!at(TokenKind::Identifier))
    return parseLiteral();
  if (!enter())
    return nullptr;
  Token First = Tok;
  consume();
  if (!at(TokenKind::LParen)) {
    auto *Id = Ctx.create<Identifier>();
    Id->Range = First.Range;
    Id->Origin = First.Origin;
    Id->Name = First.text();
    leave();
    return Id;
  }
  auto *Call = Ctx.create<FunctionCall>();
  Call->Range.Begin = First.Range.Begin;
  Call->Origin = First.Origin;
  Call->Callee = First.text();
  Call->CalleeRange = First.Range;
  consume(); // '('
  if (!at(TokenKind::RParen)) {
    while (true) {
      Expr *Arg = parseExpression();
      if (!Arg)
        return nullptr;
      Call->Args.push_back(Arg);
      if (!at(TokenKind::Comma))
        break;
      consume();
    }
  }
  if (!expect(TokenKind::RParen, "after the call's arguments"))
    return nullptr;
  leave();
  return finish(Call);
}

bool zkc::yul::parseYul(ASTContext &Ctx, DiagnosticEngine &Diags) {
  SourceMgr &SM = Diags.getSourceMgr();
  StringRef Buffer = SM.getMemoryBuffer(SM.getMainFileID())->getBuffer();
  Parser P(Ctx, Diags, Buffer);
  return P.parseSource() && !Diags.hasErrors();
}
