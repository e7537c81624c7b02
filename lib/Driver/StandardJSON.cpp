//===-- StandardJSON.cpp - solc's Standard JSON ---------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The answer has solc's shape: what solc gives for Solidity (ABI, metadata,
// documentation, layouts, method identifiers, ASTs, its errors) is passed
// through; zkc adds the ZVM code and its own errors. Settings zkc reads:
// "zkc.optimization", "optimizer.enabled", "metadata.bytecodeHash" and
// "libraries" (docs/standard-json.md).
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/StandardJSON.h"
#include "zkc/Driver/Compiler.h"
#include "zkc/Driver/ContractJSON.h"
#include "zkc/Driver/Diagnostics.h"
#include "zkc/Driver/OutputSelection.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace zkc;
using llvm::StringRef;
using json = nlohmann::json;

json zkc::standardJSONError(StringRef Type, StringRef Message,
                            StringRef Severity) {
  return {{"component", "general"},
          {"type", Type.str()},
          {"severity", Severity.str()},
          {"message", Message.str()},
          {"formattedMessage", (Type + ": " + Message + "\n").str()}};
}

/// Only these errors: the output of an input zkc cannot compile at all.
static json errorOutput(StringRef Type, StringRef Message) {
  return {{"errors", json::array({standardJSONError(Type, Message)})}};
}

/// A diagnostic of the Yul pipeline as an entry of "errors". File, when not
/// empty, is the source unit the diagnostic's offsets are in; Type is the
/// error type for errors (warnings are "Warning").
static json diagnosticJSON(const llvm::SMDiagnostic &D, StringRef File,
                           StringRef Type) {
  StringRef Severity = "error";
  if (D.getKind() == llvm::SourceMgr::DK_Warning) {
    Severity = "warning";
    Type = "Warning";
  } else if (D.getKind() != llvm::SourceMgr::DK_Error) {
    Severity = "info";
    Type = "Info";
  }
  std::string Formatted;
  llvm::raw_string_ostream OS(Formatted);
  printSolcDiagnostic(D, OS);
  // printSolcDiagnostic starts with the severity ("Error: "); solc starts
  // with the type.
  if (size_t Colon = Formatted.find(": "); Colon != std::string::npos)
    Formatted = Type.str() + Formatted.substr(Colon);
  while (Formatted.size() > 1 && Formatted.ends_with("\n\n"))
    Formatted.pop_back();
  json E = {{"component", "general"},
            {"type", Type.str()},
            {"severity", Severity.str()},
            {"message", D.getMessage().str()},
            {"formattedMessage", Formatted}};
  const llvm::SourceMgr *SM = D.getSourceMgr();
  if (File.empty() || !SM || !D.getLoc().isValid())
    return E;
  unsigned Buf = SM->FindBufferContainingLoc(D.getLoc());
  if (!Buf)
    return E;
  size_t Start =
      D.getLoc().getPointer() - SM->getMemoryBuffer(Buf)->getBufferStart();
  size_t End = Start + 1;
  // The ranges are columns on the diagnostic's line.
  unsigned Col = D.getColumnNo();
  for (const auto &R : D.getRanges())
    if (R.first <= Col && Col < R.second)
      End = std::max(End, Start + (R.second - Col));
  E["sourceLocation"] = {{"file", File.str()}, {"start", Start}, {"end", End}};
  return E;
}

/// Compiles one Yul source, its diagnostics added to Errors. File names the
/// source in source locations; empty when the source is solc's IR, whose
/// offsets mean nothing to the user.
static std::optional<CompiledContract>
compileYul(std::string Source, const std::string &Name, StringRef File,
           const CompileOptions &Opts, json &Errors) {
  Compilation Comp(std::move(Source), Name, Opts, llvm::nulls());
  // solc's IR that zkc's frontend rejects is zkc's failure, not the user's.
  StringRef Type = File.empty() ? "CompilerError" : "SyntaxError";
  Comp.setDiagnosticHandler([&](const llvm::SMDiagnostic &D) {
    StringRef T = D.getMessage().starts_with("internal error")
                      ? StringRef("InternalCompilerError")
                      : Type;
    json E = diagnosticJSON(D, File, T);
    // Without a location in the user's files, say which contract it is.
    if (File.empty())
      E["message"] = Name + ": " + E["message"].get<std::string>();
    Errors.push_back(std::move(E));
  });
  if (!Comp.parse())
    return std::nullopt;
  Type = "CompilerError";
  if (!Comp.compile())
    return std::nullopt;
  return Comp.result();
}

/// Reads the settings zkc acts on into Opts; an error message when one is
/// malformed.
static std::optional<std::string> readSettings(const json &Settings,
                                               CompileOptions &Opts) {
  if (Settings.contains("optimizer") && Settings["optimizer"].is_object() &&
      Settings["optimizer"].value("enabled", true) == false)
    Opts.Opt = OptLevel::O0;
  if (Settings.contains("zkc")) {
    const json &Z = Settings["zkc"];
    if (!Z.is_object())
      return "\"settings.zkc\" must be an object.";
    for (const auto &[Key, Value] : Z.items()) {
      if (Key != "optimization")
        return "Unknown key \"" + Key + "\" in \"settings.zkc\".";
      std::string Level = Value.is_string() ? Value.get<std::string>()
                          : Value.is_number_unsigned()
                              ? std::to_string(Value.get<unsigned>())
                              : "";
      std::optional<OptLevel> L = parseOptLevel(Level);
      if (!L)
        return "\"settings.zkc.optimization\" must be \"0\", \"1\", \"2\", "
               "\"3\", \"s\" or \"z\".";
      Opts.Opt = *L;
    }
  }
  if (Settings.contains("metadata") && Settings["metadata"].is_object() &&
      Settings["metadata"].value("bytecodeHash", "") == "none")
    Opts.MetadataHash = false;
  if (Settings.contains("libraries")) {
    const json &Libs = Settings["libraries"];
    if (!Libs.is_object())
      return "\"settings.libraries\" must be an object.";
    for (const auto &[File, PerFile] : Libs.items()) {
      if (!PerFile.is_object())
        return "Library entry for \"" + File + "\" is not a JSON object.";
      for (const auto &[Lib, Address] : PerFile.items()) {
        if (!Address.is_string())
          return "Library address of \"" + File + ":" + Lib +
                 "\" is not a string.";
        if (llvm::Error E = parseLibraries(File + ":" + Lib + "=" +
                                               Address.get<std::string>(),
                                           Opts.Libraries))
          return "Invalid library address of \"" + File + ":" + Lib +
                 "\": " + llvm::toString(std::move(E));
      }
    }
  }
  return std::nullopt;
}

static bool hasError(const json &Errors) {
  for (const json &E : Errors)
    if (E.is_object() && E.value("severity", "") == "error")
      return true;
  return false;
}

static json compileSolidityInput(const json &Input, const json &Settings,
                                 const CompileOptions &Opts,
                                 const StandardJSONOptions &SOpts) {
  json Selection = Settings.value("outputSelection", json::object());
  json SolcInput = Input;
  json &S = SolcInput["settings"];
  S = Settings;
  S.erase("zkc");
  // zkc compiles solc's optimised Yul IR, as on the command line; solc's EVM
  // code generator is not asked for anything.
  S["viaIR"] = true;
  if (!S.contains("optimizer") || !S["optimizer"].is_object())
    S["optimizer"] = json::object();
  S["optimizer"]["enabled"] = true;
  S["outputSelection"] = selectionForSolc(Selection);

  llvm::Expected<solc::Compiler> Solc = solc::Compiler::find(SOpts.Solc);
  if (!Solc)
    return errorOutput("Exception", llvm::toString(Solc.takeError()));
  llvm::Expected<json> Result = Solc->compile(SolcInput, SOpts.Paths);
  if (!Result)
    return errorOutput("Exception", llvm::toString(Result.takeError()));
  json Output = std::move(*Result);
  json Errors = Output.value("errors", json::array());
  bool Failed = hasError(Errors);

  if (Output.contains("contracts") && Output["contracts"].is_object())
    for (auto &[File, Contracts] : Output["contracts"].items())
      for (auto &[Name, Contract] : Contracts.items()) {
        std::string Yul = Contract.value("irOptimized", "");
        if (!isSelected(Selection, File, Name, "irOptimized"))
          Contract.erase("irOptimized");
        if (Failed)
          continue;
        bool WantsCode =
            isSelectedWithin(Selection, File, Name, "evm.bytecode") ||
            isSelectedWithin(Selection, File, Name, "evm.deployedBytecode") ||
            isSelectedWithin(Selection, File, Name, "zvm");
        if (!WantsCode)
          continue;
        if (Yul.empty()) {
          // Interfaces and abstract contracts: no code, as solc says.
          for (const char *Key : {"bytecode", "deployedBytecode"}) {
            std::string Prefix = std::string("evm.") + Key + ".";
            if (isSelected(Selection, File, Name, Prefix + "object"))
              Contract["evm"][Key]["object"] = "";
            if (isSelected(Selection, File, Name, Prefix + "linkReferences"))
              Contract["evm"][Key]["linkReferences"] = json::object();
          }
          continue;
        }
        std::optional<CompiledContract> C =
            compileYul(std::move(Yul), File + ":" + Name, "", Opts, Errors);
        if (C)
          addContractOutputs(Contract, *C, Opts, Selection, File, Name);
      }
  if (!Errors.empty())
    Output["errors"] = std::move(Errors);
  return Output;
}

static json compileYulInput(const json &Input, const json &Settings,
                            const CompileOptions &Opts) {
  json Selection = Settings.value("outputSelection", json::object());
  json Output = {{"sources", json::object()}};
  json Errors = json::array();
  unsigned Id = 0;
  for (const auto &[File, Source] : Input["sources"].items()) {
    if (!Source.is_object() || !Source.contains("content") ||
        !Source["content"].is_string()) {
      Errors.push_back(standardJSONError(
          "IOError", "Source \"" + File +
                         "\": zkc reads Yul sources from \"content\" only."));
      continue;
    }
    Output["sources"][File] = {{"id", Id++}};
    std::optional<CompiledContract> C = compileYul(
        Source["content"].get<std::string>(), File, File, Opts, Errors);
    if (!C)
      continue;
    json Contract = json::object();
    addContractOutputs(Contract, *C, Opts, Selection, File, C->Name);
    Output["contracts"][File][C->Name] = std::move(Contract);
  }
  if (!Errors.empty())
    Output["errors"] = std::move(Errors);
  return Output;
}

static json compileChecked(const json &Input, const StandardJSONOptions &Opts) {
  if (!Input.is_object())
    return errorOutput("JSONError", "Input is not a JSON object.");
  if (!Input.contains("language") || !Input["language"].is_string())
    return errorOutput("JSONError", "\"language\" must be a string.");
  std::string Language = Input["language"].get<std::string>();
  if (Language != "Solidity" && Language != "Yul")
    return errorOutput("JSONError",
                       "Only \"Solidity\" or \"Yul\" is supported as a "
                       "language by zkc, not \"" +
                           Language + "\".");
  if (!Input.contains("sources") || !Input["sources"].is_object() ||
      Input["sources"].empty())
    return errorOutput("JSONError", "No input sources specified.");
  json Settings = Input.value("settings", json::object());
  if (!Settings.is_object())
    return errorOutput("JSONError", "\"settings\" must be an object.");
  CompileOptions CO;
  if (std::optional<std::string> Message = readSettings(Settings, CO))
    return errorOutput("JSONError", *Message);
  return Language == "Yul" ? compileYulInput(Input, Settings, CO)
                           : compileSolidityInput(Input, Settings, CO, Opts);
}

json zkc::compileStandardJSON(const json &Input,
                              const StandardJSONOptions &Opts) {
  // A value of an unexpected type deep in the input (a setting, a solc
  // answer) is reported like any other malformed input.
  try {
    return compileChecked(Input, Opts);
  } catch (const json::exception &E) {
    return errorOutput("JSONError", E.what());
  }
}

json zkc::compileStandardJSON(StringRef InputText,
                              const StandardJSONOptions &Opts) {
  json Input;
  try {
    Input = json::parse(InputText.begin(), InputText.end());
  } catch (const json::parse_error &E) {
    // E.byte is the 1-based offset where parsing stopped.
    size_t Offset = E.byte ? std::min<size_t>(E.byte - 1, InputText.size()) : 0;
    StringRef Before = InputText.take_front(Offset);
    size_t Line = Before.count('\n') + 1;
    size_t LineStart = Before.rfind('\n');
    size_t Column =
        Offset - (LineStart == StringRef::npos ? 0 : LineStart + 1) + 1;
    // nlohmann's message begins "[json.exception.parse_error.101] parse
    // error at line L, column C: "; keep what follows.
    StringRef What = E.what();
    if (size_t Colon = What.find(": "); Colon != StringRef::npos)
      What = What.drop_front(Colon + 2);
    return errorOutput("JSONError", "Error parsing input JSON: line " +
                                        std::to_string(Line) + ", column " +
                                        std::to_string(Column) + ": " +
                                        What.str());
  }
  return compileStandardJSON(Input, Opts);
}
