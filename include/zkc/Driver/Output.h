//===-- zkc/Driver/Output.h - Writing a contract's files --------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_OUTPUT_H
#define ZKC_DRIVER_OUTPUT_H

#include "zkc/Driver/Compiler.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace zkc {

/// Writes Dir/<Name>.zbin and Dir/<Name>.s, creating Dir. Existing files
/// are an error unless Overwrite is set; it is checked for both files before
/// either is written, so a refused run leaves nothing half replaced.
llvm::Error writeContractFiles(const CompiledContract &C, llvm::StringRef Dir,
                               bool Overwrite);

/// The warning printed for a library left unlinked.
std::string unlinkedLibraryWarning(llvm::StringRef Symbol);

} // namespace zkc

#endif // ZKC_DRIVER_OUTPUT_H
