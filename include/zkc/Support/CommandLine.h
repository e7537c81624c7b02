//===-- zkc/Support/CommandLine.h - Shared tool option handling -*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Every zkc tool parses its options with Boost.Program_options through
// parseToolOptions, so --help, --version, usage errors and exit codes behave
// the same everywhere.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_SUPPORT_COMMANDLINE_H
#define ZKC_SUPPORT_COMMANDLINE_H

#include <boost/program_options.hpp>

#include <functional>
#include <optional>
#include <string>

namespace zkc {

/// Exit codes shared by the tools (docs/cli.md).
enum ExitCode : int {
  ExitSuccess = 0,
  /// The input was rejected: a diagnostic was printed.
  ExitInputError = 1,
  /// The command line was malformed.
  ExitUsageError = 2,
};

struct ToolDescription {
  /// The tool's name, as in "zvm-as".
  const char *Name;
  /// One line after "usage: <Name> ".
  const char *Usage;
  /// A paragraph saying what the tool does.
  const char *Overview;
  /// Whether -h is short for --help. Tools that give -h another meaning, as
  /// objdump does, turn it off.
  bool ShortHelp = true;
  /// Prints --version's text instead of versionString(Name), for a tool
  /// whose version involves its options (zkc names the solc it runs).
  std::function<void(const boost::program_options::variables_map &)>
      PrintVersion = nullptr;
};

/// Parses argv into VM. Adds --help and --version to Options. Returns an exit
/// code when the tool should stop now (after --help, --version or a usage
/// error, which is reported on stderr), nullopt to go on.
std::optional<int>
parseToolOptions(int Argc, char **Argv, const ToolDescription &Tool,
                 boost::program_options::options_description &Options,
                 const boost::program_options::positional_options_description
                     &Positional,
                 boost::program_options::variables_map &VM);

/// The line printed by --version: "<tool> (zkc) <version>, LLVM <version>".
std::string versionString(const char *Tool);

} // namespace zkc

#endif // ZKC_SUPPORT_COMMANDLINE_H
