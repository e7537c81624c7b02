//===-- Output.cpp - Writing a contract's files ---------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Output.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace zkc;

llvm::Error zkc::writeContractFiles(const CompiledContract &C,
                                    llvm::StringRef Dir, bool Overwrite) {
  struct File {
    llvm::SmallString<256> Path;
    llvm::StringRef Bytes;
  };
  File Files[] = {
      {{},
       llvm::StringRef(reinterpret_cast<const char *>(C.Bytes.data()),
                       C.Bytes.size())},
      {{}, C.Assembly}};
  const char *Extensions[] = {".zbin", ".s"};
  for (int I = 0; I < 2; ++I) {
    Files[I].Path = Dir;
    llvm::sys::path::append(Files[I].Path, C.Name + Extensions[I]);
    if (!Overwrite && llvm::sys::fs::exists(Files[I].Path))
      return llvm::createStringError("refusing to overwrite existing file \"" +
                                     Files[I].Path +
                                     "\" (use --overwrite to force)");
  }
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return llvm::createStringError("cannot create \"" + Dir +
                                   "\": " + EC.message());
  for (const File &F : Files) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(F.Path, EC, llvm::sys::fs::OF_None);
    if (EC)
      return llvm::createStringError("cannot write \"" + F.Path +
                                     "\": " + EC.message());
    OS << F.Bytes;
  }
  return llvm::Error::success();
}

std::string zkc::unlinkedLibraryWarning(llvm::StringRef Symbol) {
  return ("Warning: library \"" + Symbol +
          "\" is not linked; its address is 0 until zkc --link fills it in")
      .str();
}
