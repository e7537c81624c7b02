//===-- Disassembler.cpp - ZVM objects to assembly ------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The printed form is chosen so that the assembler reproduces the object
// exactly: the pool is always pinned with `.pool`/`.word` (the assembler would
// otherwise order and deduplicate it by use), and an `ldc` is printed with its
// constant or symbol only when the assembler's lookup rule (first matching
// slot) leads back to the same slot; otherwise it keeps the explicit `#N`.
//
//===----------------------------------------------------------------------===//

#include "zkc/MC/Disassembler.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace zkc;
using llvm::raw_ostream;

namespace {

const char *relocKindName(Relocation::KindTy K) {
  return K == Relocation::Immutable ? "immutable" : "library";
}

void printQuoted(llvm::ArrayRef<uint8_t> Bytes, raw_ostream &OS) {
  OS << '"';
  for (uint8_t C : Bytes) {
    if (C == '"' || C == '\\')
      OS << '\\' << char(C);
    else if (C == '\n')
      OS << "\\n";
    else if (C == '\t')
      OS << "\\t";
    else if (C == '\r')
      OS << "\\r";
    else if (C >= 0x20 && C < 0x7f)
      OS << char(C);
    else
      OS << "\\x" << llvm::hexdigit(C >> 4, /*LowerCase=*/true)
         << llvm::hexdigit(C & 15, /*LowerCase=*/true);
  }
  OS << '"';
}

void printQuoted(llvm::StringRef S, raw_ostream &OS) {
  printQuoted(llvm::arrayRefFromStringRef(S), OS);
}

/// Small constants read best in decimal, large ones (masks, selectors,
/// addresses) in hexadecimal.
std::string formatWord(const Word &W) {
  return W.fitsU64() ? W.toDecimal() : W.toHex();
}

/// What the printer knows about one object's pool and relocations.
struct PoolInfo {
  /// Relocation of each slot, if any (the first one naming it).
  std::vector<const Relocation *> SlotReloc;
  /// Slot the assembler would choose for each unrelocated value.
  std::map<Word, uint32_t> LiteralSlot;
  /// Slot the assembler would choose for each symbol.
  std::map<std::pair<unsigned, std::string>, uint32_t> SymbolSlot;
  /// Whether every relocation can be written as `.word @kind("sym")` in the
  /// pool: value zero, one relocation per slot, in slot order.
  bool InlineRelocs = true;
};

PoolInfo analyzePool(const Object &O) {
  PoolInfo P;
  P.SlotReloc.assign(O.Pool.size(), nullptr);
  int64_t LastSlot = -1;
  for (const Relocation &R : O.Relocs) {
    if (R.Slot >= O.Pool.size()) {
      P.InlineRelocs = false;
      continue;
    }
    if (int64_t(R.Slot) <= LastSlot || !O.Pool[R.Slot].isZero())
      P.InlineRelocs = false;
    LastSlot = R.Slot;
    if (!P.SlotReloc[R.Slot])
      P.SlotReloc[R.Slot] = &R;
    P.SymbolSlot.try_emplace({R.Kind, R.Symbol}, R.Slot);
  }
  for (uint32_t Slot = 0; Slot < O.Pool.size(); ++Slot)
    if (!P.SlotReloc[Slot])
      P.LiteralSlot.try_emplace(O.Pool[Slot], Slot);
  return P;
}

/// Prints the operands of I. Target(Index) names a branch target; O and P,
/// when given, let `ldc` show its constant or symbol.
template <typename TargetFn>
void printOperands(const Instruction &I, const Object *O, const PoolInfo *P,
                   TargetFn Target, raw_ostream &OS) {
  const InstrInfo &Info = getInstrInfo(I.Op);
  unsigned RegFields = 0;
  bool First = true;
  for (char K : Info.Operands) {
    OS << (First ? " " : ", ");
    First = false;
    if (InstrInfo::isRegFieldKind(K)) {
      unsigned Reg = RegFields == 0 ? I.A : RegFields == 1 ? I.B : I.C;
      ++RegFields;
      OS << 'r' << Reg;
      continue;
    }
    switch (K) {
    case 'r':
      OS << 'r' << I.Imm;
      break;
    case 'i':
      OS << I.simm();
      break;
    case 'u':
      OS << I.Imm;
      break;
    case 't':
      OS << Target(I.Imm);
      break;
    case 'p': {
      if (O && P && I.Imm < O->Pool.size()) {
        if (const Relocation *R = P->SlotReloc[I.Imm]) {
          auto It = P->SymbolSlot.find({R->Kind, R->Symbol});
          if (It != P->SymbolSlot.end() && It->second == I.Imm) {
            OS << '@' << relocKindName(R->Kind) << '(';
            printQuoted(R->Symbol, OS);
            OS << ')';
            break;
          }
        } else {
          auto It = P->LiteralSlot.find(O->Pool[I.Imm]);
          if (It != P->LiteralSlot.end() && It->second == I.Imm) {
            OS << formatWord(O->Pool[I.Imm]);
            break;
          }
        }
      }
      OS << '#' << I.Imm;
      break;
    }
    }
  }
}

void indent(raw_ostream &OS, unsigned N) { OS.indent(N); }

} // namespace

void zkc::printByteString(llvm::ArrayRef<uint8_t> Bytes, raw_ostream &OS) {
  // Text (printable ASCII and line breaks) reads best as a string; anything
  // else is clearer as hex than as a run of \x escapes.
  bool Printable = llvm::all_of(Bytes, [](uint8_t C) {
    return (C >= 0x20 && C < 0x7f) || C == '\n' || C == '\t' || C == '\r';
  });
  if (Printable) {
    printQuoted(Bytes, OS);
    return;
  }
  OS << "hex\"" << llvm::toHex(Bytes, /*LowerCase=*/true) << '"';
}

std::string zkc::formatInstruction(const Instruction &I) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  const InstrInfo &Info = getInstrInfo(I.Op);
  if (!Info.Defined) {
    OS << llvm::format("<undefined opcode 0x%02x>", unsigned(I.Op));
    return S;
  }
  OS << Info.Mnemonic;
  printOperands(
      I, nullptr, nullptr, [](uint32_t T) { return std::to_string(T); }, OS);
  return S;
}

void Disassembler::print(const Object &O, raw_ostream &OS) const {
  printObject(O, Opts.Symbols, 0, OS);
}

std::string Disassembler::toString(const Object &O) const {
  std::string S;
  llvm::raw_string_ostream OS(S);
  print(O, OS);
  return S;
}

void Disassembler::printObject(const Object &O, const AsmSymbols *Syms,
                               unsigned Depth, raw_ostream &OS) const {
  unsigned Outer = 2 * Depth, Inner = Outer + 2;
  indent(OS, Outer);
  OS << ".object ";
  printQuoted(O.Name, OS);
  OS << '\n';

  // Labels: the source's names when we have them, otherwise one per branch
  // target, named after its index.
  std::map<uint32_t, std::vector<std::string>> Labels;
  if (Syms) {
    for (const auto &[Index, Name] : Syms->Labels)
      Labels[Index].push_back(Name);
  } else {
    for (const Instruction &I : O.Code) {
      const InstrInfo &Info = getInstrInfo(I.Op);
      if (Info.Defined && Info.immKind() == 't' && I.Imm < O.Code.size())
        Labels.try_emplace(
            I.Imm, std::vector<std::string>{"L" + std::to_string(I.Imm)});
    }
  }
  auto Target = [&](uint32_t Index) -> std::string {
    auto It = Labels.find(Index);
    if (It != Labels.end())
      return It->second.front();
    return std::to_string(Index);
  };
  auto printLabels = [&](uint32_t Index) {
    auto It = Labels.find(Index);
    if (It == Labels.end())
      return;
    for (const std::string &Name : It->second) {
      indent(OS, Inner);
      OS << Name << ":\n";
    }
  };

  PoolInfo P = analyzePool(O);
  for (uint32_t Index = 0; Index < O.Code.size(); ++Index) {
    printLabels(Index);
    const Instruction &I = O.Code[Index];
    const InstrInfo &Info = getInstrInfo(I.Op);
    std::string Text;
    llvm::raw_string_ostream TS(Text);
    if (Info.Defined) {
      TS << Info.Mnemonic;
      printOperands(I, &O, &P, Target, TS);
    } else {
      TS << llvm::format("; undefined opcode 0x%02x", unsigned(I.Op));
    }
    indent(OS, Inner + 2);
    OS << Text;
    if (Opts.ShowEncoding) {
      OS.indent(Text.size() < 32 ? 32 - Text.size() : 1);
      OS << "; encoding: [";
      uint64_t Enc = I.encode();
      for (unsigned B = 0; B < InstrSize; ++B)
        OS << (B ? "," : "")
           << llvm::format("0x%02x", unsigned((Enc >> (8 * B)) & 0xff));
      OS << ']';
    }
    OS << '\n';
  }
  // Labels at the end of the code (only the source can have them).
  printLabels(O.Code.size());

  if (!O.Pool.empty()) {
    indent(OS, Inner);
    OS << ".pool\n";
    for (uint32_t Slot = 0; Slot < O.Pool.size(); ++Slot) {
      indent(OS, Inner + 2);
      OS << ".word ";
      const Relocation *R = P.InlineRelocs ? P.SlotReloc[Slot] : nullptr;
      if (R) {
        OS << '@' << relocKindName(R->Kind) << '(';
        printQuoted(R->Symbol, OS);
        OS << ')';
      } else {
        OS << formatWord(O.Pool[Slot]);
      }
      OS << "  ; #" << Slot << '\n';
    }
  }
  if (!P.InlineRelocs) {
    for (const Relocation &R : O.Relocs) {
      indent(OS, Inner);
      OS << ".reloc " << relocKindName(R.Kind) << ", #" << R.Slot << ", ";
      printQuoted(R.Symbol, OS);
      OS << '\n';
    }
  }
  for (const DataSection &D : O.Data) {
    indent(OS, Inner);
    OS << ".data ";
    printQuoted(D.Name, OS);
    OS << ' ';
    printByteString(D.Bytes, OS);
    OS << '\n';
  }
  for (size_t I = 0; I < O.Subobjects.size(); ++I) {
    const AsmSymbols *SubSyms =
        Syms && I < Syms->Subobjects.size() ? &Syms->Subobjects[I] : nullptr;
    printObject(O.Subobjects[I], SubSyms, Depth + 1, OS);
  }
  if (!O.Metadata.empty()) {
    indent(OS, Inner);
    OS << ".metadata ";
    printByteString(O.Metadata, OS);
    OS << '\n';
  }
  indent(OS, Outer);
  OS << ".end\n";
}

//===----------------------------------------------------------------------===//
// Headers
//===----------------------------------------------------------------------===//

static std::string countOf(size_t N, llvm::StringRef What) {
  return std::to_string(N) + " " + What.str() + (N == 1 ? "" : "s");
}

static void printHeadersImpl(const Object &O, raw_ostream &OS, uint64_t Base,
                             unsigned Depth) {
  ObjectLayout L = computeLayout(O);
  auto row = [&](llvm::StringRef Part, uint64_t Offset, uint64_t Size,
                 const llvm::Twine &Extra) {
    OS.indent(2 * Depth + 2);
    OS << llvm::left_justify(Part, Depth < 10 ? 24 - 2 * Depth : 4) << ' '
       << llvm::format_decimal(Base + Offset, 10) << ' '
       << llvm::format_decimal(Size, 10);
    std::string E = Extra.str();
    if (!E.empty())
      OS << "  " << E;
    OS << '\n';
  };

  OS.indent(2 * Depth);
  OS << "object ";
  printQuoted(O.Name, OS);
  OS << llvm::formatv(": {0} bytes at offset {1}\n", L.TotalSize, Base);
  if (Depth == 0) {
    OS.indent(2);
    OS << llvm::formatv("{0,-24} {1,10} {2,10}\n", "part", "offset", "size");
  }
  row("header", 0, ObjectHeaderSize, "");
  if (!O.Name.empty())
    row("name", ObjectHeaderSize, O.Name.size(), "");
  row("code", L.CodeOffset, L.PoolOffset - L.CodeOffset,
      countOf(O.Code.size(), "instruction"));
  uint64_t PoolEnd = L.PoolOffset + O.Pool.size() * 32;
  row("pool", L.PoolOffset, PoolEnd - L.PoolOffset,
      countOf(O.Pool.size(), "constant"));
  for (size_t I = 0; I < O.Data.size(); ++I) {
    std::string Label;
    llvm::raw_string_ostream LS(Label);
    LS << "data ";
    printQuoted(O.Data[I].Name, LS);
    row(Label, L.DataOffsets[I], O.Data[I].Bytes.size(), "");
  }
  uint64_t RelocOffset = PoolEnd;
  for (const DataSection &D : O.Data)
    RelocOffset +=
        8 + ((D.Name.size() + 7) & ~7ull) + ((D.Bytes.size() + 7) & ~7ull);
  for (size_t I = 0; I < O.Subobjects.size(); ++I) {
    printHeadersImpl(O.Subobjects[I], OS, Base + L.SubobjectOffsets[I],
                     Depth + 1);
    RelocOffset = L.SubobjectOffsets[I] + ((L.SubobjectSizes[I] + 7) & ~7ull);
  }
  uint64_t MetadataOffset = L.TotalSize - O.Metadata.size();
  row("relocations", RelocOffset, MetadataOffset - RelocOffset,
      countOf(O.Relocs.size(), "relocation"));
  for (const Relocation &R : O.Relocs) {
    OS.indent(2 * Depth + 4);
    OS << relocKindName(R.Kind) << " #" << R.Slot << ' ';
    printQuoted(R.Symbol, OS);
    OS << '\n';
  }
  row("metadata", MetadataOffset, O.Metadata.size(), "");
}

void zkc::printHeaders(const Object &O, raw_ostream &OS, uint64_t Base) {
  printHeadersImpl(O, OS, Base, 0);
}
