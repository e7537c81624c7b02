//===-- Linker.cpp - Objects, libraries, metadata -------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Linker.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <set>

using namespace zkc;
using llvm::StringRef;

ObjectSource &zkc::runtimeObject(ObjectSource &Root) {
  std::string Deployed = Root.Name + "_deployed";
  for (ObjectSource &Sub : Root.Subobjects)
    if (Sub.Name == Deployed)
      return Sub;
  return Root.Subobjects.empty() ? Root : Root.Subobjects.front();
}

std::string zkc::quoteAsmString(StringRef S) {
  std::string Out = "\"";
  for (unsigned char C : S) {
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += char(C);
    } else if (C >= 0x20 && C < 0x7f) {
      Out += char(C);
    } else {
      Out += "\\x";
      Out += llvm::hexdigit(C >> 4, /*LowerCase=*/true);
      Out += llvm::hexdigit(C & 15, /*LowerCase=*/true);
    }
  }
  return Out + "\"";
}

/// The quoted names in `Function("...")` operands of Code, as written.
static std::set<std::string> symbolOperands(StringRef Code,
                                            StringRef Function) {
  std::set<std::string> Names;
  std::string Prefix = (Function + "(\"").str();
  for (size_t Pos = Code.find(Prefix); Pos != StringRef::npos;
       Pos = Code.find(Prefix, Pos + 1)) {
    size_t Start = Pos + Prefix.size(), End = Start;
    while (End < Code.size() && Code[End] != '"') {
      if (Code[End] == '\\')
        ++End;
      ++End;
    }
    Names.insert(Code.slice(Start, End).str());
  }
  return Names;
}

static void writeSource(const ObjectSource &O,
                        const std::set<std::string> &ExtraImmutables,
                        const std::string &Indent, llvm::raw_ostream &OS,
                        std::string &Error);

llvm::Expected<std::string> zkc::composeAssembly(const ObjectSource &Root) {
  std::string Text, Error;
  llvm::raw_string_ostream OS(Text);
  writeSource(Root, {}, "", OS, Error);
  if (!Error.empty())
    return llvm::createStringError(Error);
  return Text;
}

static void writeSource(const ObjectSource &O,
                        const std::set<std::string> &ExtraImmutables,
                        const std::string &Indent, llvm::raw_ostream &OS,
                        std::string &Error) {
  OS << Indent << ".object " << quoteAsmString(O.Name) << '\n';
  std::string Inner = Indent + "  ";
  for (StringRef Line : llvm::split(StringRef(O.Code).rtrim('\n'), '\n'))
    if (!Line.trim().empty())
      OS << Inner << Line.trim() << '\n';
  // Pool slots the deploy code writes but this object's code never loads.
  if (!ExtraImmutables.empty()) {
    OS << Inner << ".pool\n";
    for (const std::string &Name : ExtraImmutables)
      OS << Inner << ".word @immutable(\"" << Name << "\")\n";
  }
  for (const DataSection &D : O.Data) {
    OS << Inner << ".data " << quoteAsmString(D.Name) << " hex\"";
    for (uint8_t B : D.Bytes)
      OS << llvm::hexdigit(B >> 4, true) << llvm::hexdigit(B & 15, true);
    OS << "\"\n";
  }

  // Immutables set here must have a slot in a direct subobject.
  std::set<std::string> Set = symbolOperands(O.Code, "@immutableoffset");
  std::vector<std::set<std::string>> Extra(O.Subobjects.size());
  for (const std::string &Name : Set) {
    bool Found = llvm::any_of(O.Subobjects, [&](const ObjectSource &Sub) {
      return symbolOperands(Sub.Code, "@immutable").count(Name);
    });
    if (Found)
      continue;
    if (O.Subobjects.empty()) {
      Error = "object '" + O.Name + "' sets immutable '" + Name +
              "' but has no subobject to hold it";
      continue;
    }
    // The runtime object: "<name>_deployed" or else the first subobject.
    size_t Index = 0;
    for (size_t I = 0; I < O.Subobjects.size(); ++I)
      if (O.Subobjects[I].Name == O.Name + "_deployed")
        Index = I;
    Extra[Index].insert(Name);
  }
  for (size_t I = 0; I < O.Subobjects.size(); ++I)
    writeSource(O.Subobjects[I], Extra[I], Inner, OS, Error);
  if (!O.Metadata.empty()) {
    OS << Inner << ".metadata hex\"";
    for (uint8_t B : O.Metadata)
      OS << llvm::hexdigit(B >> 4, true) << llvm::hexdigit(B & 15, true);
    OS << "\"\n";
  }
  OS << Indent << ".end\n";
}

static void patchLibraries(Object &O, const LibraryMap &Libraries) {
  for (const Relocation &R : O.Relocs) {
    if (R.Kind != Relocation::Library || R.Slot >= O.Pool.size())
      continue;
    auto It = Libraries.find(R.Symbol);
    if (It != Libraries.end())
      O.Pool[R.Slot] = It->second;
  }
  for (Object &Sub : O.Subobjects)
    patchLibraries(Sub, Libraries);
}

static void collectUnlinked(const Object &O, std::set<std::string> &Out) {
  for (const Relocation &R : O.Relocs)
    if (R.Kind == Relocation::Library && R.Slot < O.Pool.size() &&
        O.Pool[R.Slot].isZero())
      Out.insert(R.Symbol);
  for (const Object &Sub : O.Subobjects)
    collectUnlinked(Sub, Out);
}

std::vector<std::string> zkc::unlinkedLibraries(const Object &O) {
  std::set<std::string> Symbols;
  collectUnlinked(O, Symbols);
  return {Symbols.begin(), Symbols.end()};
}

std::vector<std::string> zkc::linkLibraries(Object &O,
                                            const LibraryMap &Libraries) {
  patchLibraries(O, Libraries);
  return unlinkedLibraries(O);
}

llvm::Expected<std::vector<std::string>>
zkc::linkObjectFile(StringRef Path, const LibraryMap &Libraries) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
  if (!Buf)
    return llvm::createStringError(Path + ": " + Buf.getError().message());
  llvm::ArrayRef<uint8_t> Bytes(
      reinterpret_cast<const uint8_t *>((*Buf)->getBufferStart()),
      (*Buf)->getBufferSize());
  size_t Consumed = 0;
  auto Obj = readObject(Bytes, &Consumed);
  if (!Obj)
    return llvm::createStringError(Path + ": " +
                                   llvm::toString(Obj.takeError()));
  if (Consumed != Bytes.size())
    return llvm::createStringError(Path + ": " +
                                   llvm::Twine(Bytes.size() - Consumed) +
                                   " bytes after the object");
  std::vector<std::string> Unlinked = linkLibraries(*Obj, Libraries);
  auto Out = writeObject(*Obj);
  if (!Out)
    return Out.takeError();
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC)
    return llvm::createStringError(Path + ": " + EC.message());
  OS.write(reinterpret_cast<const char *>(Out->data()), Out->size());
  return Unlinked;
}
