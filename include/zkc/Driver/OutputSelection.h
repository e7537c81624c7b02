//===-- zkc/Driver/OutputSelection.h - Standard JSON outputs ----*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// solc's Standard JSON input says which outputs it wants per source file and
// contract ("outputSelection"). zkc asks solc only for what solc can give
// without its EVM code generator (the ABI, metadata, documentation, layouts,
// method identifiers, the Yul IR) and makes the code outputs itself, so it
// rewrites the selection it passes on and reads the user's to decide what to
// put in the answer.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DRIVER_OUTPUTSELECTION_H
#define ZKC_DRIVER_OUTPUTSELECTION_H

#include "llvm/ADT/StringRef.h"

#include <nlohmann/json.hpp>

namespace zkc {

/// Whether Selection asks for Output (a dotted name such as
/// "evm.bytecode.object") of Contract in File, as solc matches them: file
/// and contract keys are exact or "*", an entry names the output, one of its
/// parents ("evm"), or everything ("*"). Contract "" means the file's own
/// outputs (the AST).
bool isSelected(const nlohmann::json &Selection, llvm::StringRef File,
                llvm::StringRef Contract, llvm::StringRef Output);

/// Whether Selection asks for Output or for anything inside it: true for
/// "evm.bytecode" when only "evm.bytecode.object" is listed.
bool isSelectedWithin(const nlohmann::json &Selection, llvm::StringRef File,
                      llvm::StringRef Contract, llvm::StringRef Output);

/// The selection for solc: the outputs of solc's EVM code generator removed
/// (solc would compile for the EVM otherwise, which zkc does not need and
/// which can fail where the Yul IR is fine), and "irOptimized" added where
/// the user's selection asks for code.
nlohmann::json selectionForSolc(const nlohmann::json &Selection);

} // namespace zkc

#endif // ZKC_DRIVER_OUTPUTSELECTION_H
