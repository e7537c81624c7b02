//===-- zvm-run.cpp - Deploy and call a ZVM object in the emulator --------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/ABI/ABI.h"
#include "zkc/Support/CommandLine.h"
#include "zkc/Support/Hex.h"
#include "zkc/Support/Keccak.h"
#include "zkc/VM/Emulator.h"
#include "zkc/VM/StateJSON.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace po = boost::program_options;
using namespace zkc;
using namespace zkc::vm;

/// Exit code when a transaction reverted or trapped (docs/cli.md).
static constexpr int ExitTxFailed = 3;

static int fail(const llvm::Twine &Msg) {
  llvm::errs() << "zvm-run: error: " << Msg << "\n";
  return ExitInputError;
}

static std::optional<Word> parseWordOpt(const po::variables_map &VM,
                                        const char *Name, Word Default) {
  if (!VM.count(Name))
    return Default;
  return Word::fromString(VM[Name].as<std::string>());
}

/// Prints one transaction's outcome; returns false if it did not succeed.
static bool report(const char *What, const TxResult &R) {
  llvm::raw_ostream &OS = llvm::outs();
  const ExecResult &E = R.Result;
  OS << What << ": ";
  if (E.S == Status::Success)
    OS << "success";
  else if (E.S == Status::Revert)
    OS << "revert";
  else
    OS << "trap (" << trapKindName(E.Trap) << ")";
  if (!E.Detail.empty())
    OS << ": " << E.Detail;
  OS << "\n";
  if (E.S == Status::Success && What == llvm::StringRef("deploy"))
    OS << "  address: 0x" << E.CreatedAddress.toHex64().substr(24) << "\n";
  else if (E.S != Status::Trap)
    OS << "  " << (E.S == Status::Revert ? "revert data" : "return data")
       << ": " << toHexString(E.Output) << "\n";
  for (const Log &L : R.Logs) {
    OS << "  log: address 0x" << L.Address.toHex64().substr(24) << " topics [";
    for (size_t I = 0; I < L.Topics.size(); ++I)
      OS << (I ? ", " : "") << L.Topics[I].toHex();
    OS << "] data " << toHexString(L.Data) << "\n";
  }
  OS << "  gas used: " << R.GasUsed << "\n  cycles: " << R.Cycles << "\n";
  return E.S == Status::Success;
}

/// Calldata or constructor arguments: hex, or an ABI call ("f(uint256): 3")
/// or tuple ("(uint256): 3") when the text has a parenthesis.
static llvm::Expected<std::vector<uint8_t>> encodeData(llvm::StringRef Text,
                                                       bool IsCall) {
  if (Text.contains('('))
    return IsCall ? zkc::abi::encodeCall(Text) : zkc::abi::encodeTuple(Text);
  if (std::optional<std::vector<uint8_t>> Bytes = parseHexBytes(Text))
    return *Bytes;
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "malformed hex");
}

int main(int Argc, char **Argv) {
  ToolDescription Tool{
      "zvm-run", "FILE.zbin [options]",
      "Deploys a ZVM object in the emulator (constructor arguments appended "
      "to it) and calls the new contract once per --calldata, printing return "
      "or revert data, logs, gas used and cycles. With --no-deploy the object "
      "is installed as runtime code and called directly."};
  po::options_description Opts("options");
  Opts.add_options()("input", po::value<std::string>()->required(),
                     "the .zbin object")(
      "args", po::value<std::string>()->default_value(""),
      "constructor arguments appended to the deploy object: hex, or types "
      "and values as in '(uint256,string): 5, \"x\"'")(
      "value", po::value<std::string>(), "value sent with the deployment")(
      "calldata", po::value<std::vector<std::string>>(),
      "call the contract with this calldata (repeatable): hex, or a "
      "signature and arguments as in 'transfer(address,uint256): 0x1234, 5'")(
      "call-value", po::value<std::string>(), "value sent with each call")(
      "no-deploy", "install FILE as runtime code instead of deploying it")(
      "address", po::value<std::string>(),
      "address for --no-deploy (default 0x...c0de)")(
      "sender", po::value<std::string>(), "transaction sender")(
      "gas", po::value<int64_t>()->default_value(30'000'000),
      "gas limit of each transaction")("state", po::value<std::string>(),
                                       "load the world state from JSON")(
      "save-state", po::value<std::string>(),
      "write the final world state as JSON")(
      "trace", po::value<std::string>(),
      "write the execution trace of every transaction as JSON lines");
  po::positional_options_description Pos;
  Pos.add("input", 1);
  po::variables_map VM;
  if (auto Exit = parseToolOptions(Argc, Argv, Tool, Opts, Pos, VM))
    return *Exit;

  const std::string Input = VM["input"].as<std::string>();
  llvm::Expected<std::vector<uint8_t>> ObjFile = readObjectFile(Input);
  if (!ObjFile)
    return fail(llvm::toString(ObjFile.takeError()));
  llvm::ArrayRef<uint8_t> ObjBytes = *ObjFile;

  Emulator E;
  if (VM.count("state")) {
    if (llvm::Error Err = loadStateFile(E, VM["state"].as<std::string>()))
      return fail(llvm::toString(std::move(Err)));
  }
  auto Sender = parseWordOpt(VM, "sender", Word(0x5e4d3e7ull));
  auto Value = parseWordOpt(VM, "value", Word());
  auto CallValue = parseWordOpt(VM, "call-value", Word());
  auto Target = parseWordOpt(VM, "address", Word(0xc0deull));
  llvm::Expected<std::vector<uint8_t>> Args =
      encodeData(VM["args"].as<std::string>(), /*IsCall=*/false);
  if (!Sender || toAddress(*Sender) != *Sender || !Target ||
      toAddress(*Target) != *Target)
    return fail("--sender and --address take a 160-bit address");
  if (!Value || !CallValue)
    return fail("--value and --call-value take a 256-bit number");
  if (!Args)
    return fail("--args: " + llvm::toString(Args.takeError()));
  if (!E.State.find(*Sender)) // A funded default sender.
    E.State.Accounts[*Sender].Balance =
        Word(1'000'000'000'000'000'000ull) * Word(1'000'000);
  E.State.Accounts[*Sender].CodeHash = emptyCodeHash();

  Trace T;
  std::unique_ptr<llvm::raw_fd_ostream> TraceOS;
  if (VM.count("trace")) {
    std::error_code EC;
    TraceOS = std::make_unique<llvm::raw_fd_ostream>(
        VM["trace"].as<std::string>(), EC);
    if (EC)
      return fail(VM["trace"].as<std::string>() + ": " + EC.message());
    E.setTrace(&T);
  }

  bool AllOk = true;
  int64_t Gas = VM["gas"].as<int64_t>();
  auto Run = [&](const char *What, const Transaction &Tx) {
    TxResult R = E.transact(Tx);
    AllOk &= report(What, R);
    if (TraceOS)
      T.writeJSONLines(*TraceOS);
    return R;
  };

  Word Contract = *Target;
  if (VM.count("no-deploy")) {
    Account &A = E.State.Accounts[Contract];
    A.Code = std::make_shared<const Bytes>(ObjBytes.begin(), ObjBytes.end());
    A.CodeHash = keccak256Word(ObjBytes.data(), ObjBytes.size());
  } else {
    Transaction Deploy{*Sender, std::nullopt, *Value, {}, Gas, Word(),
                       std::nullopt};
    Deploy.Data.assign(ObjBytes.begin(), ObjBytes.end());
    Deploy.Data.insert(Deploy.Data.end(), Args->begin(), Args->end());
    TxResult R = Run("deploy", Deploy);
    if (R.Result.S != Status::Success)
      return ExitTxFailed;
    Contract = R.Result.CreatedAddress;
  }
  if (VM.count("calldata")) {
    for (const std::string &Text :
         VM["calldata"].as<std::vector<std::string>>()) {
      llvm::Expected<std::vector<uint8_t>> Data =
          encodeData(Text, /*IsCall=*/true);
      if (!Data)
        return fail("--calldata '" + Text +
                    "': " + llvm::toString(Data.takeError()));
      Run("call",
          Transaction{*Sender, Contract, *CallValue, *Data, Gas, Word(),
                      std::nullopt});
    }
  }
  if (VM.count("save-state")) {
    std::string Path = VM["save-state"].as<std::string>();
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (EC)
      return fail(Path + ": " + EC.message());
    OS << saveStateJSON(E);
  }
  return AllOk ? ExitSuccess : ExitTxFailed;
}
