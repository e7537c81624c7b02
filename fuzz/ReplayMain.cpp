//===-- ReplayMain.cpp - Run fuzz targets on saved inputs -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Builds without libFuzzer link each harness with this main(), which feeds it
// every file named on the command line (directories are walked), so the
// harnesses keep compiling and the committed corpora run as ordinary tests.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);

static bool runFile(const std::filesystem::path &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    std::fprintf(stderr, "error: cannot read %s\n", Path.c_str());
    return false;
  }
  std::vector<uint8_t> Bytes((std::istreambuf_iterator<char>(In)),
                             std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(Bytes.data(), Bytes.size());
  return true;
}

int main(int Argc, char **Argv) {
  unsigned Count = 0;
  for (int I = 1; I < Argc; ++I) {
    std::filesystem::path Arg(Argv[I]);
    std::error_code EC;
    if (std::filesystem::is_directory(Arg, EC)) {
      // Sorted, so that runs are reproducible.
      std::vector<std::filesystem::path> Files;
      for (const auto &Entry : std::filesystem::directory_iterator(Arg, EC))
        if (Entry.is_regular_file())
          Files.push_back(Entry.path());
      std::sort(Files.begin(), Files.end());
      for (const auto &F : Files) {
        if (!runFile(F))
          return 1;
        ++Count;
      }
      continue;
    }
    if (!runFile(Arg))
      return 1;
    ++Count;
  }
  std::printf("ran %u inputs\n", Count);
  return 0;
}
