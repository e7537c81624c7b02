//===-- TestFile.cpp - Matter Labs test metadata --------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Testing/TestFile.h"

#include "llvm/ADT/StringExtras.h"

#include <nlohmann/json.hpp>

using namespace zkc::testing;
using llvm::StringRef;
using Json = nlohmann::json;

namespace {

/// Errors while reading the JSON, with the path of the offending field.
struct MetadataError {
  std::string Message;
};

[[noreturn]] void fail(const std::string &Where, const std::string &What) {
  throw MetadataError{Where + ": " + What};
}

std::string text(const Json &J, const std::string &Where) {
  if (J.is_string())
    return J.get<std::string>();
  // Numbers written without quotes are accepted as their decimal text.
  if (J.is_number_unsigned())
    return std::to_string(J.get<uint64_t>());
  if (J.is_number_integer())
    return std::to_string(J.get<int64_t>());
  fail(Where, "expected a string");
}

std::vector<std::string> texts(const Json &J, const std::string &Where) {
  if (!J.is_array())
    fail(Where, "expected an array");
  std::vector<std::string> Out;
  for (size_t I = 0; I < J.size(); ++I)
    Out.push_back(text(J[I], Where + "[" + std::to_string(I) + "]"));
  return Out;
}

bool flag(const Json &J, const char *Key, const std::string &Where) {
  if (!J.contains(Key))
    return false;
  if (!J[Key].is_boolean())
    fail(Where + "." + Key, "expected true or false");
  return J[Key].get<bool>();
}

Expected readVariant(const Json &J, const std::string &Where) {
  Expected E;
  if (J.is_array()) {
    E.ReturnData = texts(J, Where);
    return E;
  }
  if (!J.is_object())
    fail(Where, "expected an array of values or an object");
  if (J.contains("return_data"))
    E.ReturnData = texts(J["return_data"], Where + ".return_data");
  E.Exception = flag(J, "exception", Where);
  if (J.contains("events")) {
    const Json &Events = J["events"];
    if (!Events.is_array())
      fail(Where + ".events", "expected an array");
    for (size_t I = 0; I < Events.size(); ++I) {
      std::string W = Where + ".events[" + std::to_string(I) + "]";
      const Json &Ev = Events[I];
      if (!Ev.is_object())
        fail(W, "expected an object");
      ExpectedEvent Out;
      if (Ev.contains("address"))
        Out.Address = text(Ev["address"], W + ".address");
      if (Ev.contains("topics"))
        Out.Topics = texts(Ev["topics"], W + ".topics");
      if (Ev.contains("values"))
        Out.Values = texts(Ev["values"], W + ".values");
      E.Events.push_back(std::move(Out));
    }
  }
  return E;
}

/// `expected` is one variant or a list of them, each for the compiler
/// versions its `compiler_version` names.
std::vector<Expected> readExpected(const Json &J, const std::string &Where) {
  if (!J.is_array() || J.empty() || !J[0].is_object())
    return {readVariant(J, Where)};
  std::vector<Expected> Variants;
  for (size_t I = 0; I < J.size(); ++I) {
    std::string W = Where + "[" + std::to_string(I) + "]";
    Expected E = readVariant(J[I], W);
    if (J[I].is_object() && J[I].contains("compiler_version"))
      E.CompilerVersion =
          text(J[I]["compiler_version"], W + ".compiler_version");
    Variants.push_back(std::move(E));
  }
  return Variants;
}

std::vector<Expected> readExpectedFields(const Json &J,
                                         const std::string &Where) {
  if (J.contains("expected_evm"))
    return readExpected(J["expected_evm"], Where + ".expected_evm");
  if (J.contains("expected"))
    return readExpected(J["expected"], Where + ".expected");
  return {};
}

Input readInput(const Json &J, const std::string &Where) {
  if (!J.is_object())
    fail(Where, "expected an object");
  Input In;
  if (J.contains("instance"))
    In.Instance = text(J["instance"], Where + ".instance");
  if (J.contains("caller"))
    In.Caller = text(J["caller"], Where + ".caller");
  if (!J.contains("method"))
    fail(Where, "missing 'method'");
  In.Method = text(J["method"], Where + ".method");
  if (J.contains("calldata")) {
    const Json &C = J["calldata"];
    if (C.is_string())
      In.CalldataHex = C.get<std::string>();
    else
      In.CalldataWords = texts(C, Where + ".calldata");
  }
  if (J.contains("value"))
    In.Value = text(J["value"], Where + ".value");
  if (J.contains("storage")) {
    const Json &S = J["storage"];
    if (!S.is_object())
      fail(Where + ".storage", "expected an object");
    for (auto It = S.begin(); It != S.end(); ++It) {
      std::string W = Where + ".storage." + It.key();
      auto &Slots = In.Storage[It.key()];
      if (It->is_array()) {
        for (size_t I = 0; I < It->size(); ++I)
          Slots.emplace_back(std::to_string(I),
                             text((*It)[I], W + "[" + std::to_string(I) + "]"));
      } else if (It->is_object()) {
        for (auto KV = It->begin(); KV != It->end(); ++KV)
          Slots.emplace_back(KV.key(), text(*KV, W + "." + KV.key()));
      } else {
        fail(W, "expected an array or an object");
      }
    }
  }
  In.Expect = readExpectedFields(J, Where);
  return In;
}

TestFile readMetadata(const Json &J) {
  TestFile T;
  if (!J.is_object())
    fail("metadata", "expected an object");
  if (J.contains("targets"))
    T.Targets = texts(J["targets"], "targets");
  if (J.contains("modes"))
    T.Modes = texts(J["modes"], "modes");
  T.Ignore = flag(J, "ignore", "metadata");
  T.EraVMExtensions = flag(J, "enable_eravm_extensions", "metadata") ||
                      flag(J, "system_mode", "metadata");
  if (!J.contains("cases") || !J["cases"].is_array())
    fail("metadata", "missing 'cases' array");
  const Json &Cases = J["cases"];
  for (size_t I = 0; I < Cases.size(); ++I) {
    std::string Where = "cases[" + std::to_string(I) + "]";
    const Json &C = Cases[I];
    if (!C.is_object())
      fail(Where, "expected an object");
    Case Out;
    Out.Name = C.contains("name") ? text(C["name"], Where + ".name")
                                  : "case" + std::to_string(I);
    Out.Ignore = flag(C, "ignore", Where);
    if (!C.contains("inputs") || !C["inputs"].is_array())
      fail(Where, "missing 'inputs' array");
    for (size_t K = 0; K < C["inputs"].size(); ++K)
      Out.Inputs.push_back(readInput(
          C["inputs"][K], Where + ".inputs[" + std::to_string(K) + "]"));
    if (auto E = readExpectedFields(C, Where);
        !E.empty() && !Out.Inputs.empty() && Out.Inputs.back().Expect.empty())
      Out.Inputs.back().Expect = std::move(E);
    T.Cases.push_back(std::move(Out));
  }
  return T;
}

} // namespace

llvm::Expected<TestFile> zkc::testing::parseTestFile(StringRef Path,
                                                     StringRef Contents) {
  std::string Metadata, Source;
  for (StringRef Line : llvm::split(Contents, '\n')) {
    StringRef Trimmed = Line.ltrim(" \t");
    if (Trimmed.consume_front("//!") || Trimmed.consume_front("#!")) {
      Metadata += Trimmed.str() + "\n";
      Source += "\n"; // Keep line numbers of the source.
    } else {
      Source += Line.str() + "\n";
    }
  }
  if (Metadata.empty())
    return llvm::createStringError(Path + ": no `//!` metadata lines");
  Json J = Json::parse(Metadata, nullptr, /*allow_exceptions=*/false);
  if (J.is_discarded())
    return llvm::createStringError(Path + ": the metadata is not valid JSON");
  try {
    TestFile T = readMetadata(J);
    T.Path = Path.str();
    T.Source = std::move(Source);
    return T;
  } catch (const MetadataError &E) {
    return llvm::createStringError(Path + ": metadata " + E.Message);
  }
}
