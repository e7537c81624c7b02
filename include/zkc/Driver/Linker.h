//===-- zkc/Driver/Linker.h - Objects, libraries, metadata ------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The driver's linker: composes the nested `.object` assembly of a contract
// from the code generated for each Yul object, its data sections and the
// metadata hash; fills library addresses into relocated pool slots, at
// compile time or later in an existing .zbin (docs/driver.md).
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_LINKER_H
#define ZKC_DRIVER_LINKER_H

#include "zkc/Driver/Options.h"
#include "zkc/Object/Object.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <vector>

namespace zkc {

/// One Yul object as the linker sees it: its name, the assembly the code
/// generator made for its code, its data sections and its subobjects.
struct ObjectSource {
  std::string Name;
  std::string Code;
  std::vector<DataSection> Data;
  std::vector<ObjectSource> Subobjects;
  /// Trailing metadata (the metadata hash of the runtime object).
  std::vector<uint8_t> Metadata;
};

/// The object that carries the metadata hash: the root's subobject named
/// "<root>_deployed" if there is one, else the root's first subobject, else
/// the root itself (a lone object is its own runtime code).
ObjectSource &runtimeObject(ObjectSource &Root);

/// Writes Root as assembly text with nested `.object`s. Where deploy code
/// uses @immutableoffset("x") and no direct subobject loads "x", a pool slot
/// for it is added to the runtime subobject, so that setimmutable of an
/// immutable the runtime code never reads still has a place to write to.
llvm::Expected<std::string> composeAssembly(const ObjectSource &Root);

/// Quotes S as an assembly string literal.
std::string quoteAsmString(llvm::StringRef S);

/// Writes the addresses of Libraries into the pool slots relocated for them,
/// in O and every subobject. Relocations stay in the object (removing them
/// would move the bytes @dataoffset/@datasize were computed from); a library
/// slot that still holds 0 is unlinked. Returns the unlinked symbols, sorted
/// and without duplicates.
std::vector<std::string> linkLibraries(Object &O, const LibraryMap &Libraries);

/// The library symbols of O (and its subobjects) whose slots hold 0.
std::vector<std::string> unlinkedLibraries(const Object &O);

/// zkc --link: fills Libraries into the .zbin file at Path, in place.
/// Returns the symbols still unlinked.
llvm::Expected<std::vector<std::string>>
linkObjectFile(llvm::StringRef Path, const LibraryMap &Libraries);

} // namespace zkc

#endif // ZKC_DRIVER_LINKER_H
