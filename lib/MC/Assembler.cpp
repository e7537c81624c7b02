//===-- Assembler.cpp - ZVM assembly to objects ---------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A one-pass parser over a line-oriented lexer (docs/assembly.md). Every
// instruction has the same size, so an instruction's index is known as soon as
// it is parsed; what depends on input further down (labels defined later, the
// constant pool, @dataoffset/@datasize, which need the finished object's
// layout) is recorded as a fix-up and resolved at the object's `.end`.
//
// Robustness: the input may be any bytes. Every loop consumes input, object
// nesting is bounded (deeper input is rejected before anything recursive sees
// it), and every allocation is proportional to the input's size.
//
//===----------------------------------------------------------------------===//

#include "zkc/MC/Assembler.h"

#include "zkc/Support/Word.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>

using namespace zkc;
using llvm::SMLoc;
using llvm::SourceMgr;
using llvm::StringRef;
using llvm::Twine;

/// Yul's datasize("A.B") and dataoffset("A.B") name an object nested below
/// the current one by the path of subobject names, the last part possibly a
/// data section: the offset is the sum of the offsets along the path, within
/// the current object's serialized form. None when a part is missing.
static std::optional<uint64_t> resolveNestedPath(const zkc::Object &O,
                                                 llvm::StringRef Path,
                                                 bool Offset) {
  llvm::SmallVector<llvm::StringRef> Parts;
  Path.split(Parts, '.');
  const zkc::Object *Cur = &O;
  uint64_t Base = 0;
  for (size_t P = 0; P < Parts.size(); ++P) {
    zkc::ObjectLayout L = zkc::computeLayout(*Cur);
    bool Last = P + 1 == Parts.size();
    const zkc::Object *Next = nullptr;
    for (size_t I = 0; I < Cur->Subobjects.size() && !Next; ++I)
      if (Cur->Subobjects[I].Name == Parts[P]) {
        if (Last)
          return Offset ? Base + L.SubobjectOffsets[I] : L.SubobjectSizes[I];
        Base += L.SubobjectOffsets[I];
        Next = &Cur->Subobjects[I];
      }
    if (!Next && Last)
      for (size_t I = 0; I < Cur->Data.size(); ++I)
        if (Cur->Data[I].Name == Parts[P])
          return Offset ? Base + L.DataOffsets[I] : Cur->Data[I].Bytes.size();
    if (!Next)
      return std::nullopt;
    Cur = Next;
  }
  return std::nullopt;
}

namespace {

//===----------------------------------------------------------------------===//
// Lexer
//===----------------------------------------------------------------------===//

enum class TokKind {
  Eof,
  Eol,
  Identifier,
  Integer,
  String,
  HexString,
  AtName,
  Hash,
  Comma,
  Colon,
  LParen,
  RParen,
  Error,
};

struct Token {
  TokKind Kind = TokKind::Eof;
  /// The token's characters; strings keep their quotes (and `hex` prefix).
  StringRef Text;

  bool is(TokKind K) const { return Kind == K; }
  bool isEndOfStatement() const { return is(TokKind::Eol) || is(TokKind::Eof); }
  SMLoc loc() const { return SMLoc::getFromPointer(Text.data()); }
};

bool isIdentStart(char C) {
  return llvm::isAlpha(C) || C == '_' || C == '.' || C == '$';
}
bool isIdentChar(char C) { return isIdentStart(C) || llvm::isDigit(C); }

/// `r` followed by digits: a register, never a label.
bool isRegisterName(StringRef S) {
  return S.size() >= 2 && S[0] == 'r' &&
         llvm::all_of(S.drop_front(), llvm::isDigit);
}

class Lexer {
public:
  explicit Lexer(StringRef Buffer) : Cur(Buffer.begin()), End(Buffer.end()) {}

  Token lex();
  /// What was wrong with the last Error token.
  const char *errorMessage() const { return ErrorMessage; }

private:
  Token make(TokKind K, const char *Start) const {
    return {K, StringRef(Start, Cur - Start)};
  }
  Token error(const char *Start, const char *Msg) {
    ErrorMessage = Msg;
    return make(TokKind::Error, Start);
  }
  /// Lexes a string whose opening quote is just before Cur. Strings end at
  /// the line's end, so an unterminated one never swallows the rest of the
  /// file.
  Token lexString(const char *Start, TokKind Kind);

  const char *Cur;
  const char *End;
  const char *ErrorMessage = "";
};

Token Lexer::lex() {
  while (Cur != End) {
    char C = *Cur;
    if (C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v') {
      ++Cur;
    } else if (C == ';') {
      while (Cur != End && *Cur != '\n')
        ++Cur;
    } else {
      break;
    }
  }
  const char *Start = Cur;
  if (Cur == End)
    return make(TokKind::Eof, Start);
  char C = *Cur++;
  switch (C) {
  case '\n':
    return make(TokKind::Eol, Start);
  case ',':
    return make(TokKind::Comma, Start);
  case ':':
    return make(TokKind::Colon, Start);
  case '(':
    return make(TokKind::LParen, Start);
  case ')':
    return make(TokKind::RParen, Start);
  case '#':
    return make(TokKind::Hash, Start);
  case '"':
    return lexString(Start, TokKind::String);
  case '@':
    if (Cur == End || !isIdentStart(*Cur))
      return error(Start, "expected a name after '@'");
    while (Cur != End && isIdentChar(*Cur))
      ++Cur;
    return make(TokKind::AtName, Start);
  default:
    break;
  }
  if (llvm::isDigit(C) || (C == '-' && Cur != End && llvm::isDigit(*Cur))) {
    // Take every alphanumeric character so that `12ab` is one malformed
    // literal rather than a literal followed by a name.
    while (Cur != End && (llvm::isAlnum(*Cur) || *Cur == '_'))
      ++Cur;
    return make(TokKind::Integer, Start);
  }
  if (isIdentStart(C)) {
    while (Cur != End && isIdentChar(*Cur))
      ++Cur;
    if (StringRef(Start, Cur - Start) == "hex" && Cur != End && *Cur == '"') {
      ++Cur;
      return lexString(Start, TokKind::HexString);
    }
    return make(TokKind::Identifier, Start);
  }
  return error(Start, "unexpected character");
}

Token Lexer::lexString(const char *Start, TokKind Kind) {
  while (Cur != End && *Cur != '\n') {
    char C = *Cur++;
    if (C == '"')
      return make(Kind, Start);
    if (C == '\\' && Cur != End && *Cur != '\n')
      ++Cur;
  }
  return error(Start, "unterminated string");
}

//===----------------------------------------------------------------------===//
// Parser
//===----------------------------------------------------------------------===//

/// Something to finish once the object's end is reached.
struct Fixup {
  enum KindTy {
    /// Code[Index].Imm becomes the instruction index of label Name.
    Label,
    /// Code[Index].Imm is a numeric branch target; check it is in the code.
    Target,
    /// Code[Index].Imm is an explicit pool index; check it is in the pool.
    PoolIndex,
    /// Code[Index].Imm becomes the pool slot holding Value.
    PoolLiteral,
    /// Code[Index].Imm becomes the relocated slot of (RelocKind, Name).
    PoolSymbol,
    /// Relocs[Index].Slot was given by `.reloc`; check it is in the pool.
    RelocSlot,
    /// Code[Index].Imm becomes the offset or size of part Name.
    DataOffset,
    DataSize,
    /// Code[Index].Imm becomes the offset, within the direct subobject that
    /// has a slot relocated for immutable Name, of that slot.
    ImmutableOffset,
  };
  KindTy Kind;
  uint32_t Index = 0;
  SMLoc Loc;
  std::string Name;
  Word Value;
  Relocation::KindTy RelocKind = Relocation::Library;
  /// The operand letter the value must fit ('i' or 'u').
  char ImmKind = 0;
};

/// An object between its `.object` and its `.end`.
struct ObjectState {
  Object Obj;
  SMLoc Loc;
  AsmSymbols Syms;
  llvm::StringMap<std::pair<uint32_t, SMLoc>> Labels;
  /// Names of data sections and subobjects: they share one namespace because
  /// @dataoffset and @datasize look both up.
  llvm::StringMap<SMLoc> PartNames;
  std::vector<Fixup> Fixups;
  bool HasPool = false;
  bool HasMetadata = false;
  unsigned ErrorsAtStart = 0;
};

std::string describeOperand(char K) {
  switch (K) {
  case 'd':
    return "destination register";
  case 's':
    return "source register";
  case 'w':
    return "window base register";
  case 'b':
    return "first register of a block";
  case 'r':
    return "register";
  case 'i':
    return "signed 32-bit immediate";
  case 'u':
    return "unsigned 32-bit immediate";
  case 't':
    return "label or instruction index";
  case 'p':
    return "constant";
  }
  return "operand";
}

std::string describeOperands(StringRef Operands) {
  std::string S;
  for (char K : Operands) {
    if (!S.empty())
      S += ", ";
    S += describeOperand(K);
  }
  return S;
}

class Parser {
public:
  Parser(SourceMgr &SrcMgr, unsigned BufferID)
      : SrcMgr(SrcMgr), Buffer(SrcMgr.getMemoryBuffer(BufferID)->getBuffer()),
        Lex(Buffer) {}

  std::optional<Object> run(AsmSymbols &Symbols);
  unsigned errorCount() const { return NumErrors; }

private:
  // Diagnostics. Each returns true so that `return error(...)` reads as
  // "failed", LLVM's convention for parsers.
  bool error(SMLoc Loc, const Twine &Msg);
  void note(SMLoc Loc, const Twine &Msg);
  /// Reports that Expected was wanted at the current token; a lexer error
  /// there is reported as itself, being the more precise message.
  bool expected(const Twine &Expected);

  void next() { Tok = Lex.lex(); }
  void skipStatement() {
    while (!Tok.isEndOfStatement())
      next();
  }
  bool expectEndOfStatement();

  bool parseStatement();
  bool parseDirective();
  bool parseInstruction();
  bool parseOperand(char K, Instruction &I, unsigned &RegFields,
                    std::vector<Fixup> &Fixups);
  bool parseRegister(uint8_t &Reg);
  bool parseSymbolCall(StringRef &Function, std::string &Name, SMLoc &Loc);
  bool parseInteger(bool &Negative, Word &Magnitude);
  bool parseString(std::string &Out, bool AllowHex);
  bool decodeString(const Token &T, std::string &Out);

  bool parseObjectStart();
  bool parseObjectEnd();
  bool parseData();
  bool parseMetadata();
  bool parseWord();
  bool parseReloc();
  void finishObject(ObjectState &S);
  std::optional<uint64_t> immutableOffset(const Object &O, const Fixup &F);

  ObjectState *current() {
    return Stack.empty() ? nullptr : Stack.back().get();
  }
  bool requireObject(SMLoc Loc, StringRef What);

  SourceMgr &SrcMgr;
  StringRef Buffer;
  Lexer Lex;
  Token Tok;
  unsigned NumErrors = 0;
  bool Aborted = false;
  std::vector<std::unique_ptr<ObjectState>> Stack;
  std::optional<Object> Result;
  AsmSymbols ResultSymbols;
};

bool Parser::error(SMLoc Loc, const Twine &Msg) {
  if (NumErrors < Assembler::MaxErrors)
    SrcMgr.PrintMessage(Loc, SourceMgr::DK_Error, Msg);
  if (++NumErrors == Assembler::MaxErrors) {
    SrcMgr.PrintMessage(Loc, SourceMgr::DK_Note,
                        "too many errors; stopping here");
    Aborted = true;
  }
  return true;
}

void Parser::note(SMLoc Loc, const Twine &Msg) {
  if (NumErrors < Assembler::MaxErrors)
    SrcMgr.PrintMessage(Loc, SourceMgr::DK_Note, Msg);
}

bool Parser::expected(const Twine &Expected) {
  if (Tok.is(TokKind::Error))
    return error(Tok.loc(), Lex.errorMessage());
  if (Tok.isEndOfStatement())
    return error(Tok.loc(), "expected " + Expected + " before end of line");
  return error(Tok.loc(),
               "expected " + Expected + ", found '" + Tok.Text + "'");
}

bool Parser::expectEndOfStatement() {
  if (Tok.isEndOfStatement())
    return false;
  if (Tok.is(TokKind::Error))
    return error(Tok.loc(), Lex.errorMessage());
  return error(Tok.loc(), "unexpected '" + Tok.Text + "' at end of statement");
}

bool Parser::requireObject(SMLoc Loc, StringRef What) {
  if (current())
    return false;
  if (Result)
    return error(Loc, What + " after the end of the top-level object");
  return error(Loc, What + " outside of an object; start one with "
                           "'.object \"Name\"'");
}

std::optional<Object> Parser::run(AsmSymbols &Symbols) {
  next();
  while (!Tok.is(TokKind::Eof) && !Aborted) {
    if (Tok.is(TokKind::Eol)) {
      next();
      continue;
    }
    if (parseStatement())
      skipStatement();
  }
  if (!Aborted) {
    if (ObjectState *S = current()) {
      error(Tok.loc(), "unexpected end of file: object '" + S->Obj.Name +
                           "' is not closed by '.end'");
      note(S->Loc, "object opened here");
    } else if (!Result && NumErrors == 0) {
      error(SMLoc::getFromPointer(Buffer.begin()),
            "no object to assemble: expected '.object \"Name\"'");
    }
  }
  // Unwind iteratively: an abandoned stack is at most MaxObjectDepth deep.
  while (!Stack.empty())
    Stack.pop_back();
  if (NumErrors)
    return std::nullopt;
  Symbols = std::move(ResultSymbols);
  return std::move(Result);
}

bool Parser::parseStatement() {
  // Labels: `name:`, any number of them before an instruction.
  while (Tok.is(TokKind::Identifier)) {
    Token Name = Tok;
    Lexer SavedLex = Lex;
    next();
    if (!Tok.is(TokKind::Colon)) {
      // Not a label: back up to the identifier.
      Lex = SavedLex;
      Tok = Name;
      break;
    }
    next();
    if (requireObject(Name.loc(), "label"))
      return true;
    if (isRegisterName(Name.Text))
      return error(Name.loc(),
                   "'" + Name.Text + "' is a register and cannot be a label");
    ObjectState &S = *current();
    uint32_t Index = S.Obj.Code.size();
    auto [It, Inserted] =
        S.Labels.try_emplace(Name.Text, std::make_pair(Index, Name.loc()));
    if (!Inserted) {
      error(Name.loc(), "duplicate label '" + Name.Text + "'");
      note(It->second.second, "previous definition is here");
      return true;
    }
    S.Syms.Labels.emplace_back(Index, Name.Text.str());
  }
  if (Tok.isEndOfStatement())
    return false;
  if (!Tok.is(TokKind::Identifier))
    return expected("an instruction, directive or label");
  if (Tok.Text.starts_with("."))
    return parseDirective();
  return parseInstruction();
}

//===----------------------------------------------------------------------===//
// Literals
//===----------------------------------------------------------------------===//

bool Parser::parseInteger(bool &Negative, Word &Magnitude) {
  if (!Tok.is(TokKind::Integer))
    return expected("an integer");
  StringRef Text = Tok.Text;
  Negative = Text.consume_front("-");
  StringRef Digits = Text;
  bool Hex = Digits.consume_front("0x") || Digits.consume_front("0X");
  bool WellFormed = !Digits.empty() && llvm::all_of(Digits, [&](char C) {
    return Hex ? llvm::isHexDigit(C) : llvm::isDigit(C);
  });
  if (!WellFormed)
    return error(Tok.loc(), "malformed integer literal '" + Tok.Text + "'");
  std::optional<Word> V = Word::fromString(Text);
  if (!V)
    return error(Tok.loc(),
                 "integer literal '" + Tok.Text + "' does not fit in 256 bits");
  Magnitude = *V;
  next();
  return false;
}

bool Parser::decodeString(const Token &T, std::string &Out) {
  StringRef Body = T.Text;
  bool Hex = T.is(TokKind::HexString);
  Body = Body.drop_front(Hex ? 4 : 1).drop_back();
  Out.clear();
  if (Hex) {
    for (size_t I = 0; I < Body.size(); ++I)
      if (!llvm::isHexDigit(Body[I]))
        return error(SMLoc::getFromPointer(Body.data() + I),
                     "invalid hex digit in hex string");
    if (Body.size() % 2)
      return error(T.loc(), "hex string has an odd number of digits");
    Out.reserve(Body.size() / 2);
    for (size_t I = 0; I < Body.size(); I += 2)
      Out.push_back(char(llvm::hexFromNibbles(Body[I], Body[I + 1])));
    return false;
  }
  Out.reserve(Body.size());
  for (size_t I = 0; I < Body.size(); ++I) {
    char C = Body[I];
    if (C != '\\') {
      Out.push_back(C);
      continue;
    }
    SMLoc EscLoc = SMLoc::getFromPointer(Body.data() + I);
    // The lexer guarantees a character after every backslash in a string.
    char E = Body[++I];
    switch (E) {
    case '\\':
    case '"':
    case '\'':
      Out.push_back(E);
      break;
    case 'n':
      Out.push_back('\n');
      break;
    case 't':
      Out.push_back('\t');
      break;
    case 'r':
      Out.push_back('\r');
      break;
    case '0':
      Out.push_back('\0');
      break;
    case 'x':
      if (I + 2 >= Body.size() || !llvm::isHexDigit(Body[I + 1]) ||
          !llvm::isHexDigit(Body[I + 2]))
        return error(EscLoc, "'\\x' must be followed by two hex digits");
      Out.push_back(char(llvm::hexFromNibbles(Body[I + 1], Body[I + 2])));
      I += 2;
      break;
    default:
      return error(EscLoc, "unknown escape sequence in string");
    }
  }
  return false;
}

bool Parser::parseString(std::string &Out, bool AllowHex) {
  if (!Tok.is(TokKind::String) && !(AllowHex && Tok.is(TokKind::HexString)))
    return expected(AllowHex ? "a string or hex\"...\"" : "a quoted string");
  if (decodeString(Tok, Out))
    return true;
  next();
  return false;
}

/// Parses `@function("name")`.
bool Parser::parseSymbolCall(StringRef &Function, std::string &Name,
                             SMLoc &Loc) {
  Loc = Tok.loc();
  Function = Tok.Text;
  next();
  if (!Tok.is(TokKind::LParen))
    return expected("'(' after '" + Function + "'");
  next();
  if (parseString(Name, /*AllowHex=*/false))
    return true;
  if (!Tok.is(TokKind::RParen))
    return expected("')'");
  next();
  return false;
}

bool Parser::parseRegister(uint8_t &Reg) {
  if (!Tok.is(TokKind::Identifier))
    return expected("a register (r0..r255)");
  StringRef Text = Tok.Text;
  uint64_t N = 0;
  if (!isRegisterName(Text))
    return expected("a register (r0..r255)");
  if (Text.drop_front().getAsInteger(10, N) || N >= NumWindowRegisters)
    return error(Tok.loc(),
                 "register '" + Text + "' is out of range (r0..r255)");
  Reg = uint8_t(N);
  next();
  return false;
}

//===----------------------------------------------------------------------===//
// Instructions
//===----------------------------------------------------------------------===//

bool Parser::parseInstruction() {
  Token Mnemonic = Tok;
  if (requireObject(Mnemonic.loc(), "instruction"))
    return true;
  ObjectState &S = *current();
  std::optional<Opcode> Op = lookupMnemonic(Mnemonic.Text);
  if (!Op)
    return error(Mnemonic.loc(), "unknown mnemonic '" + Mnemonic.Text + "'");
  if (S.Obj.Code.size() >= UINT32_MAX)
    return error(Mnemonic.loc(), "too many instructions in one object");
  const InstrInfo &Info = getInstrInfo(*Op);
  next();

  Instruction I;
  I.Op = *Op;
  unsigned RegFields = 0;
  std::vector<Fixup> Fixups;
  auto countMessage = [&](StringRef Which) {
    return (Which + " operands for '" + Info.Mnemonic + "': expected " +
            Twine(Info.Operands.size()) +
            (Info.Operands.empty()
                 ? ""
                 : " (" + describeOperands(Info.Operands) + ")"))
        .str();
  };
  for (size_t N = 0; N < Info.Operands.size(); ++N) {
    if (N > 0) {
      if (Tok.isEndOfStatement())
        return error(Tok.loc(), countMessage("too few"));
      if (!Tok.is(TokKind::Comma))
        return expected("',' between operands");
      next();
    }
    if (Tok.isEndOfStatement())
      return error(Tok.loc(), countMessage("too few"));
    if (parseOperand(Info.Operands[N], I, RegFields, Fixups))
      return true;
  }
  if (!Tok.isEndOfStatement()) {
    if (!Tok.is(TokKind::Error) &&
        (Tok.is(TokKind::Comma) || Info.Operands.empty()))
      return error(Tok.loc(), countMessage("too many"));
    return expectEndOfStatement();
  }

  uint32_t Index = S.Obj.Code.size();
  for (Fixup &F : Fixups) {
    F.Index = Index;
    S.Fixups.push_back(std::move(F));
  }
  S.Obj.Code.push_back(I);
  return false;
}

bool Parser::parseOperand(char K, Instruction &I, unsigned &RegFields,
                          std::vector<Fixup> &Fixups) {
  SMLoc Loc = Tok.loc();
  if (InstrInfo::isRegFieldKind(K)) {
    uint8_t Reg;
    if (parseRegister(Reg))
      return true;
    if (K == 'b') {
      unsigned Block = getInstrInfo(I.Op).Block;
      if (Reg + Block > NumWindowRegisters)
        return error(Loc, "register block r" + Twine(unsigned(Reg)) + "..r" +
                              Twine(unsigned(Reg) + Block - 1) +
                              " leaves the window (r0..r255)");
    }
    (RegFields == 0 ? I.A : RegFields == 1 ? I.B : I.C) = Reg;
    ++RegFields;
    return false;
  }

  switch (K) {
  case 'r': {
    uint8_t Reg;
    if (parseRegister(Reg))
      return true;
    I.Imm = Reg;
    return false;
  }
  case 'i':
  case 'u': {
    if (Tok.is(TokKind::AtName)) {
      StringRef Function;
      Fixup F;
      F.ImmKind = K;
      if (parseSymbolCall(Function, F.Name, F.Loc))
        return true;
      if (Function == "@dataoffset")
        F.Kind = Fixup::DataOffset;
      else if (Function == "@datasize")
        F.Kind = Fixup::DataSize;
      else if (Function == "@immutableoffset")
        F.Kind = Fixup::ImmutableOffset;
      else if (Function == "@label")
        F.Kind = Fixup::Label;
      else
        return error(Loc, "unknown function '" + Function +
                              "' in an immediate; expected @dataoffset, "
                              "@datasize, @immutableoffset or @label");
      Fixups.push_back(std::move(F));
      return false;
    }
    if (!Tok.is(TokKind::Integer))
      return expected("a " + describeOperand(K));
    StringRef Text = Tok.Text;
    bool Negative;
    Word Magnitude;
    if (parseInteger(Negative, Magnitude))
      return true;
    if (K == 'i') {
      Word Limit = Negative ? Word(uint64_t(1) << 31) : Word(INT32_MAX);
      if (Magnitude > Limit)
        return error(Loc, "immediate '" + Text +
                              "' does not fit in a signed 32-bit field "
                              "(-2147483648..2147483647)");
      int64_t V = int64_t(Magnitude.low());
      I.Imm = uint32_t(Negative ? -V : V);
    } else {
      if ((Negative && !Magnitude.isZero()) || Magnitude > Word(UINT32_MAX))
        return error(Loc, "immediate '" + Text +
                              "' does not fit in an unsigned 32-bit field "
                              "(0..4294967295)");
      I.Imm = uint32_t(Magnitude.low());
    }
    return false;
  }
  case 't': {
    Fixup F;
    F.Loc = Loc;
    if (Tok.is(TokKind::Identifier) && !isRegisterName(Tok.Text)) {
      F.Kind = Fixup::Label;
      F.Name = Tok.Text.str();
      next();
    } else if (Tok.is(TokKind::Integer)) {
      StringRef Text = Tok.Text;
      bool Negative;
      Word Magnitude;
      if (parseInteger(Negative, Magnitude))
        return true;
      if ((Negative && !Magnitude.isZero()) || Magnitude > Word(UINT32_MAX))
        return error(Loc, "instruction index '" + Text + "' is out of range");
      F.Kind = Fixup::Target;
      I.Imm = uint32_t(Magnitude.low());
    } else {
      return expected("a label or instruction index");
    }
    Fixups.push_back(std::move(F));
    return false;
  }
  case 'p': {
    Fixup F;
    F.Loc = Loc;
    if (Tok.is(TokKind::Hash)) {
      next();
      StringRef Text = Tok.Text;
      bool Negative;
      Word Magnitude;
      if (parseInteger(Negative, Magnitude))
        return true;
      if ((Negative && !Magnitude.isZero()) || Magnitude > Word(UINT32_MAX))
        return error(Loc, "constant pool index '" + Text + "' is out of range");
      F.Kind = Fixup::PoolIndex;
      I.Imm = uint32_t(Magnitude.low());
    } else if (Tok.is(TokKind::Integer)) {
      bool Negative;
      Word Magnitude;
      if (parseInteger(Negative, Magnitude))
        return true;
      F.Kind = Fixup::PoolLiteral;
      F.Value = Negative ? -Magnitude : Magnitude;
    } else if (Tok.is(TokKind::AtName)) {
      StringRef Function;
      if (parseSymbolCall(Function, F.Name, F.Loc))
        return true;
      if (Function == "@library")
        F.RelocKind = Relocation::Library;
      else if (Function == "@immutable")
        F.RelocKind = Relocation::Immutable;
      else
        return error(Loc, "unknown function '" + Function +
                              "' in a constant; expected @library or "
                              "@immutable");
      F.Kind = Fixup::PoolSymbol;
    } else {
      return expected("a constant (integer, #index, @library or @immutable)");
    }
    Fixups.push_back(std::move(F));
    return false;
  }
  }
  llvm_unreachable("operand letter not handled");
}

//===----------------------------------------------------------------------===//
// Directives
//===----------------------------------------------------------------------===//

bool Parser::parseDirective() {
  StringRef Name = Tok.Text;
  SMLoc Loc = Tok.loc();
  if (Name == ".object")
    return parseObjectStart();
  if (Name == ".end")
    return parseObjectEnd();
  if (Name == ".data")
    return parseData();
  if (Name == ".metadata")
    return parseMetadata();
  if (Name == ".word")
    return parseWord();
  if (Name == ".reloc")
    return parseReloc();
  if (Name == ".pool") {
    if (requireObject(Loc, "'.pool'"))
      return true;
    ObjectState &S = *current();
    if (S.HasPool)
      return error(Loc, "duplicate '.pool' in object '" + S.Obj.Name + "'");
    S.HasPool = true;
    next();
    return expectEndOfStatement();
  }
  return error(Loc, "unknown directive '" + Name + "'");
}

bool Parser::parseObjectStart() {
  SMLoc Loc = Tok.loc();
  next();
  // A second top-level object is reported but still parsed (and then
  // dropped), so that its own `.end` does not cause more errors.
  bool Failed = false;
  if (Result && Stack.empty())
    Failed = error(Loc, "only one top-level object is allowed");
  if (Stack.size() > MaxObjectDepth) {
    // Stop outright: recovering would mean tracking arbitrarily deep input.
    error(Loc, "objects nest deeper than " + Twine(MaxObjectDepth) + " levels");
    Aborted = true;
    return true;
  }
  auto S = std::make_unique<ObjectState>();
  S->Loc = Loc;
  S->ErrorsAtStart = NumErrors;
  // Push the object even when its line is malformed, so that its `.end`
  // still pairs up and the rest of the file is checked normally.
  Failed |=
      parseString(S->Obj.Name, /*AllowHex=*/false) || expectEndOfStatement();
  if (ObjectState *Parent = current()) {
    auto [It, Inserted] = Parent->PartNames.try_emplace(S->Obj.Name, Loc);
    if (!Failed && !Inserted) {
      error(Loc, "duplicate data or subobject name '" + S->Obj.Name + "'");
      note(It->second, "previous definition is here");
      Failed = true;
    }
  }
  Stack.push_back(std::move(S));
  return Failed;
}

bool Parser::parseObjectEnd() {
  SMLoc Loc = Tok.loc();
  next();
  if (!current())
    return error(Loc, "'.end' without an open '.object'");
  if (expectEndOfStatement())
    return true;
  std::unique_ptr<ObjectState> S = std::move(Stack.back());
  Stack.pop_back();
  finishObject(*S);
  if (ObjectState *Parent = current()) {
    Parent->Obj.Subobjects.push_back(std::move(S->Obj));
    Parent->Syms.Subobjects.push_back(std::move(S->Syms));
  } else if (!Result) {
    Result = std::move(S->Obj);
    ResultSymbols = std::move(S->Syms);
  }
  return false;
}

bool Parser::parseData() {
  SMLoc Loc = Tok.loc();
  next();
  if (requireObject(Loc, "'.data'"))
    return true;
  ObjectState &S = *current();
  DataSection D;
  std::string Bytes;
  if (parseString(D.Name, /*AllowHex=*/false) ||
      parseString(Bytes, /*AllowHex=*/true) || expectEndOfStatement())
    return true;
  auto [It, Inserted] = S.PartNames.try_emplace(D.Name, Loc);
  if (!Inserted) {
    error(Loc, "duplicate data or subobject name '" + D.Name + "'");
    note(It->second, "previous definition is here");
    return true;
  }
  D.Bytes.assign(Bytes.begin(), Bytes.end());
  S.Obj.Data.push_back(std::move(D));
  return false;
}

bool Parser::parseMetadata() {
  SMLoc Loc = Tok.loc();
  next();
  if (requireObject(Loc, "'.metadata'"))
    return true;
  ObjectState &S = *current();
  std::string Bytes;
  if (parseString(Bytes, /*AllowHex=*/true) || expectEndOfStatement())
    return true;
  if (S.HasMetadata)
    return error(Loc, "duplicate '.metadata' in object '" + S.Obj.Name + "'");
  S.HasMetadata = true;
  S.Obj.Metadata.assign(Bytes.begin(), Bytes.end());
  return false;
}

bool Parser::parseWord() {
  SMLoc Loc = Tok.loc();
  next();
  if (requireObject(Loc, "'.word'"))
    return true;
  ObjectState &S = *current();
  if (!S.HasPool)
    return error(Loc, "'.word' before '.pool'");
  if (S.Obj.Pool.size() >= UINT32_MAX)
    return error(Loc, "too many constant pool entries");
  if (Tok.is(TokKind::AtName)) {
    StringRef Function;
    Relocation R;
    SMLoc CallLoc;
    if (parseSymbolCall(Function, R.Symbol, CallLoc))
      return true;
    if (Function == "@library")
      R.Kind = Relocation::Library;
    else if (Function == "@immutable")
      R.Kind = Relocation::Immutable;
    else
      return error(CallLoc, "unknown function '" + Function +
                                "'; expected @library or @immutable");
    if (expectEndOfStatement())
      return true;
    R.Slot = S.Obj.Pool.size();
    S.Obj.Pool.push_back(Word());
    S.Obj.Relocs.push_back(std::move(R));
    return false;
  }
  bool Negative;
  Word Magnitude;
  if (!Tok.is(TokKind::Integer))
    return expected("an integer, @library(...) or @immutable(...)");
  if (parseInteger(Negative, Magnitude) || expectEndOfStatement())
    return true;
  S.Obj.Pool.push_back(Negative ? -Magnitude : Magnitude);
  return false;
}

/// `.reloc library|immutable, #slot, "symbol"`: a relocation on an existing
/// pool slot, for objects whose relocations do not follow the pool's order.
bool Parser::parseReloc() {
  SMLoc Loc = Tok.loc();
  next();
  if (requireObject(Loc, "'.reloc'"))
    return true;
  ObjectState &S = *current();
  Relocation R;
  if (Tok.is(TokKind::Identifier) && Tok.Text == "library")
    R.Kind = Relocation::Library;
  else if (Tok.is(TokKind::Identifier) && Tok.Text == "immutable")
    R.Kind = Relocation::Immutable;
  else
    return expected("'library' or 'immutable'");
  next();
  if (!Tok.is(TokKind::Comma))
    return expected("','");
  next();
  SMLoc SlotLoc = Tok.loc();
  if (!Tok.is(TokKind::Hash))
    return expected("a pool slot '#N'");
  next();
  StringRef Text = Tok.Text;
  bool Negative;
  Word Magnitude;
  if (parseInteger(Negative, Magnitude))
    return true;
  if ((Negative && !Magnitude.isZero()) || Magnitude > Word(UINT32_MAX))
    return error(SlotLoc, "constant pool index '" + Text + "' is out of range");
  R.Slot = uint32_t(Magnitude.low());
  if (!Tok.is(TokKind::Comma))
    return expected("','");
  next();
  if (parseString(R.Symbol, /*AllowHex=*/false) || expectEndOfStatement())
    return true;
  Fixup F;
  F.Kind = Fixup::RelocSlot;
  F.Index = S.Obj.Relocs.size();
  F.Loc = SlotLoc;
  S.Fixups.push_back(std::move(F));
  S.Obj.Relocs.push_back(std::move(R));
  return false;
}

//===----------------------------------------------------------------------===//
// Finishing an object
//===----------------------------------------------------------------------===//

/// The byte offset, within the serialized subobject that holds it, of the
/// pool slot relocated for immutable F.Name. Deploy code writes the value
/// there in its heap copy of that subobject (Yul's setimmutable), so the slot
/// must be unique: exactly one direct subobject, with one slot for the name.
std::optional<uint64_t> Parser::immutableOffset(const Object &O,
                                                const Fixup &F) {
  std::optional<uint64_t> Found;
  const Object *Owner = nullptr;
  for (const Object &Sub : O.Subobjects) {
    for (const Relocation &R : Sub.Relocs) {
      if (R.Kind != Relocation::Immutable || R.Symbol != F.Name)
        continue;
      if (Owner) {
        error(F.Loc, "immutable '" + F.Name + "' has several slots (in " +
                         (Owner == &Sub ? "subobject '" + Sub.Name + "'"
                                        : "subobjects '" + Owner->Name +
                                              "' and '" + Sub.Name + "'") +
                         "); @immutableoffset needs exactly one");
        return std::nullopt;
      }
      Owner = &Sub;
      Found = computeLayout(Sub).PoolOffset + uint64_t(R.Slot) * 32;
    }
  }
  if (!Found)
    error(F.Loc, "no subobject of object '" + O.Name +
                     "' has a constant pool slot for immutable '" + F.Name +
                     "'");
  return Found;
}

void Parser::finishObject(ObjectState &S) {
  Object &O = S.Obj;

  // The constant pool: slots pinned by `.pool` first, then each new constant
  // and symbol in order of first use. A literal reuses the first slot without
  // a relocation that holds its value; a symbol reuses the first relocated
  // slot for it.
  std::map<Word, uint32_t> LiteralSlots;
  std::map<std::pair<unsigned, std::string>, uint32_t> SymbolSlots;
  std::vector<bool> Relocated(O.Pool.size());
  for (const Relocation &R : O.Relocs) {
    if (R.Slot >= O.Pool.size())
      continue;
    Relocated[R.Slot] = true;
    SymbolSlots.try_emplace({R.Kind, R.Symbol}, R.Slot);
  }
  for (uint32_t Slot = 0; Slot < O.Pool.size(); ++Slot)
    if (!Relocated[Slot])
      LiteralSlots.try_emplace(O.Pool[Slot], Slot);
  for (const Fixup &F : S.Fixups) {
    if (F.Kind == Fixup::PoolLiteral) {
      auto [It, New] = LiteralSlots.try_emplace(F.Value, O.Pool.size());
      if (New)
        O.Pool.push_back(F.Value);
      O.Code[F.Index].Imm = It->second;
    } else if (F.Kind == Fixup::PoolSymbol) {
      auto [It, New] =
          SymbolSlots.try_emplace({F.RelocKind, F.Name}, O.Pool.size());
      if (New) {
        O.Relocs.push_back(
            Relocation{F.RelocKind, uint32_t(O.Pool.size()), F.Name});
        O.Pool.push_back(Word());
      }
      O.Code[F.Index].Imm = It->second;
    }
  }

  std::optional<ObjectLayout> Layout;
  uint64_t CodeSize = O.Code.size();
  for (const Fixup &F : S.Fixups) {
    switch (F.Kind) {
    case Fixup::PoolLiteral:
    case Fixup::PoolSymbol:
      break;
    case Fixup::Label: {
      auto It = S.Labels.find(F.Name);
      if (It == S.Labels.end()) {
        error(F.Loc, "undefined label '" + F.Name + "'");
        break;
      }
      uint32_t Target = It->second.first;
      if (Target >= CodeSize) {
        error(F.Loc, "label '" + F.Name +
                         "' is past the last instruction of object '" + O.Name +
                         "'");
        note(It->second.second, "label defined here");
        break;
      }
      O.Code[F.Index].Imm = Target;
      break;
    }
    case Fixup::Target:
      if (O.Code[F.Index].Imm >= CodeSize)
        error(F.Loc, "jump target " + Twine(O.Code[F.Index].Imm) +
                         " is outside the code (" + Twine(CodeSize) +
                         " instructions)");
      break;
    case Fixup::PoolIndex:
      if (O.Code[F.Index].Imm >= O.Pool.size())
        error(F.Loc, "constant pool index " + Twine(O.Code[F.Index].Imm) +
                         " is out of range (" + Twine(O.Pool.size()) +
                         " entries)");
      break;
    case Fixup::RelocSlot:
      if (O.Relocs[F.Index].Slot >= O.Pool.size())
        error(F.Loc, "relocation slot " + Twine(O.Relocs[F.Index].Slot) +
                         " is outside the constant pool (" +
                         Twine(O.Pool.size()) + " entries)");
      break;
    case Fixup::DataOffset:
    case Fixup::DataSize: {
      if (!Layout)
        Layout = computeLayout(O);
      bool Offset = F.Kind == Fixup::DataOffset;
      std::optional<uint64_t> Value;
      for (size_t I = 0; I < O.Data.size() && !Value; ++I)
        if (O.Data[I].Name == F.Name)
          Value = Offset ? Layout->DataOffsets[I] : O.Data[I].Bytes.size();
      for (size_t I = 0; I < O.Subobjects.size() && !Value; ++I)
        if (O.Subobjects[I].Name == F.Name)
          Value =
              Offset ? Layout->SubobjectOffsets[I] : Layout->SubobjectSizes[I];
      if (!Value && O.Name == F.Name)
        Value = Offset ? 0 : Layout->TotalSize;
      if (!Value && StringRef(F.Name).contains('.'))
        Value = resolveNestedPath(O, F.Name, Offset);
      if (!Value) {
        error(F.Loc, "unknown data section or subobject '" + F.Name +
                         "' in object '" + O.Name + "'");
        break;
      }
      uint64_t Limit = F.ImmKind == 'i' ? INT32_MAX : UINT32_MAX;
      if (*Value > Limit) {
        error(F.Loc, "value " + Twine(*Value) + " of '" + F.Name +
                         "' does not fit in a " + describeOperand(F.ImmKind));
        break;
      }
      O.Code[F.Index].Imm = uint32_t(*Value);
      break;
    }
    case Fixup::ImmutableOffset: {
      std::optional<uint64_t> Value = immutableOffset(O, F);
      if (!Value)
        break;
      uint64_t Limit = F.ImmKind == 'i' ? INT32_MAX : UINT32_MAX;
      if (*Value > Limit) {
        error(F.Loc, "offset " + Twine(*Value) + " of immutable '" + F.Name +
                         "' does not fit in a " + describeOperand(F.ImmKind));
        break;
      }
      O.Code[F.Index].Imm = uint32_t(*Value);
      break;
    }
    }
  }

  // The checks above should leave nothing for the loader's validation to
  // find; running it anyway keeps the two in agreement.
  if (NumErrors == S.ErrorsAtStart) {
    if (!Layout)
      Layout = computeLayout(O);
    if (llvm::Error E = validateCode(O.Code, O.Pool.size(), Layout->CodeOffset))
      error(S.Loc, "object '" + O.Name +
                       "' does not validate: " + llvm::toString(std::move(E)));
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

std::optional<Object> Assembler::assemble(unsigned BufferID) {
  Parser P(SrcMgr, BufferID);
  Symbols = AsmSymbols();
  std::optional<Object> O = P.run(Symbols);
  NumErrors = P.errorCount();
  return O;
}

std::optional<Object> zkc::assembleText(StringRef Source,
                                        llvm::raw_ostream &Diags,
                                        StringRef BufferName,
                                        AsmSymbols *Symbols) {
  SourceMgr SrcMgr;
  SrcMgr.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Context) {
        D.print(nullptr, *static_cast<llvm::raw_ostream *>(Context),
                /*ShowColors=*/false);
      },
      &Diags);
  unsigned ID = SrcMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(Source, BufferName), SMLoc());
  Assembler Asm(SrcMgr);
  std::optional<Object> O = Asm.assemble(ID);
  if (O && Symbols)
    *Symbols = Asm.symbols();
  return O;
}
