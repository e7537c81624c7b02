//===-- CommandLine.cpp - Shared tool option handling
//----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Support/CommandLine.h"

#include "zkc/Config.h"

#include <iostream>

namespace po = boost::program_options;
using namespace zkc;

std::string zkc::versionString(const char *Tool) {
  return std::string(Tool) + " (zkc) " + ZKC_VERSION + ", LLVM " +
         ZKC_LLVM_VERSION;
}

std::optional<int>
zkc::parseToolOptions(int Argc, char **Argv, const ToolDescription &Tool,
                      po::options_description &Options,
                      const po::positional_options_description &Positional,
                      po::variables_map &VM) {
  Options.add_options()(Tool.ShortHelp ? "help,h" : "help",
                        "print this help and exit")(
      "version", "print the version and exit");
  try {
    po::store(po::command_line_parser(Argc, Argv)
                  .options(Options)
                  .positional(Positional)
                  .run(),
              VM);
    if (VM.count("help")) {
      std::cout << "usage: " << Tool.Name << " " << Tool.Usage << "\n\n"
                << Tool.Overview << "\n\n"
                << Options << "\n";
      return ExitSuccess;
    }
    if (VM.count("version")) {
      if (Tool.PrintVersion)
        Tool.PrintVersion(VM);
      else
        std::cout << versionString(Tool.Name) << "\n";
      return ExitSuccess;
    }
    po::notify(VM);
  } catch (const po::error &E) {
    std::cerr << Tool.Name << ": error: " << E.what() << "\n"
              << "usage: " << Tool.Name << " " << Tool.Usage << "\n"
              << "Run '" << Tool.Name << " --help' for the options.\n";
    return ExitUsageError;
  }
  return std::nullopt;
}
