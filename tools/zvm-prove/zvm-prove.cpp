//===-- zvm-prove.cpp - Check a ZVM execution against the circuit ---------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"
#include "zkc/Circuit/TransactionCheck.h"
#include "zkc/Support/CommandLine.h"
#include "zkc/Support/Hex.h"
#include "zkc/Support/Keccak.h"
#include "zkc/VM/Emulator.h"
#include "zkc/VM/StateJSON.h"

#include "llvm/Support/raw_ostream.h"

namespace po = boost::program_options;
using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::vm;

static int fail(const llvm::Twine &Msg) {
  // What was printed about the call comes first.
  llvm::outs().flush();
  llvm::errs() << "zvm-prove: error: " << Msg << "\n";
  return ExitInputError;
}

/// Prints how the transaction R (a call or, as What says, a deployment)
/// ended, builds the circuit for the trace T of running Env.Code with the
/// public outputs Out, prints its tables and checks it.
static int checkExecution(const char *What, const TxResult &R,
                          const PublicInputs &Env, const PublicOutputs &Out,
                          const Trace &T) {
  llvm::raw_ostream &OS = llvm::outs();
  OS << What << ": "
     << (R.Result.S == Status::Success  ? "success"
         : R.Result.S == Status::Revert ? "revert"
                                        : "trap")
     << "\ncycles: " << R.Cycles << "\noutput: " << toHexString(Out.Output)
     << "\n";
  // The public post-state: the account's storage after the transaction
  // (its pre-state when it reverted) for every key it touched.
  OS << "storage: " << Out.Storage.size() << " keys touched\n";
  for (const auto &[Key, Value] : Out.Storage)
    OS << "  " << Key.toHex() << ": " << Value.toHex() << "\n";
  // The public logs (none when it reverted).
  OS << "logs: " << Out.Logs.size() << "\n";
  for (const PublicLog &L : Out.Logs) {
    OS << "  log" << L.Topics.size() << ":";
    for (const Word &Topic : L.Topics)
      OS << " " << Topic.toHex();
    OS << " data " << toHexString(L.Data) << "\n";
  }
  if (Env.Code.empty())
    return fail("no code at the called address");
  auto Prog = readProgram(Env.Code);
  if (!Prog)
    return fail(llvm::toString(Prog.takeError()));
  ZvmCircuit C(Prog->Code, Prog->Pool, Env, Out);
  auto CT = generateCircuitTrace(C, T);
  if (!CT)
    return fail(llvm::toString(CT.takeError()));
  // A trap at the last instruction that the trace alone does not show (out
  // of gas growing the heap for a return): gas is not in the circuit yet.
  if (R.Result.S != Status::Success && R.Result.S != Status::Revert)
    return fail("unsupported by the circuit: an execution ending in a trap");

  size_t Total = 0;
  for (unsigned I = 0; I < NumTables; ++I) {
    auto Id = static_cast<TableId>(I);
    OS << "table " << tableName(Id) << ": " << (*CT)[Id].Height << " rows ("
       << CT->UsedRows[I] << " used)\n";
    Total += (*CT)[Id].Height;
  }
  OS << "total: " << Total << " rows\n";
  CheckReport Report = checkCircuit(C, *CT);
  Report.print(OS);
  return Report.ok() ? ExitSuccess : ExitInputError;
}

int main(int Argc, char **Argv) {
  ToolDescription Tool{
      "zvm-prove", "--check FILE.zbin [options]",
      "Runs one call of a ZVM contract in the emulator with tracing, builds "
      "the circuit's tables from the trace and checks every constraint and "
      "every bus (docs/circuit.md). Prints the rows of each table and "
      "\"all constraints hold\" or each violation; exits 1 on a violation or "
      "when the execution uses what the circuit does not support yet."};
  po::options_description Opts("options");
  Opts.add_options()("input", po::value<std::string>(), "the .zbin object")(
      "check", "check the constraints (the only mode so far)")(
      "list-supported",
      "print the instructions the circuit supports, one per line")(
      "calldata", po::value<std::string>()->default_value(""),
      "calldata of the call, as hex")(
      "args", po::value<std::string>()->default_value(""),
      "constructor arguments as hex, appended to the deploy object")(
      "no-deploy", "install FILE as runtime code instead of deploying it")(
      "state", po::value<std::string>(),
      "load the world state from JSON (as zvm-run --state); the called "
      "account's storage is the public pre-state")(
      "check-deploy",
      "check the deployment (the init code run with the constructor "
      "arguments) instead of the call")(
      "gas", po::value<int64_t>()->default_value(30'000'000),
      "gas limit of each transaction");
  po::positional_options_description Pos;
  Pos.add("input", 1);
  po::variables_map VM;
  if (auto Exit = parseToolOptions(Argc, Argv, Tool, Opts, Pos, VM))
    return *Exit;
  if (VM.count("list-supported")) {
    for (Opcode Op : CpuSelectorOps)
      llvm::outs() << getInstrInfo(Op).Mnemonic << "\n";
    return ExitSuccess;
  }
  if (!VM.count("input")) {
    llvm::errs() << "zvm-prove: error: no input file\n";
    return ExitUsageError;
  }
  if (!VM.count("check")) {
    llvm::errs() << "zvm-prove: error: proving is not implemented yet; use "
                    "--check\n";
    return ExitUsageError;
  }

  const std::string Input = VM["input"].as<std::string>();
  llvm::Expected<std::vector<uint8_t>> ObjFile = readObjectFile(Input);
  if (!ObjFile)
    return fail(llvm::toString(ObjFile.takeError()));
  llvm::ArrayRef<uint8_t> ObjBytes = *ObjFile;
  auto Calldata = parseHexBytes(VM["calldata"].as<std::string>());
  auto Args = parseHexBytes(VM["args"].as<std::string>());
  if (!Calldata || !Args)
    return fail("--calldata and --args take hex bytes");

  Emulator E;
  if (VM.count("state")) {
    if (llvm::Error Err = loadStateFile(E, VM["state"].as<std::string>()))
      return fail(llvm::toString(std::move(Err)));
  }
  const Word Sender(0x5e4d3e7ull);
  E.State.Accounts[Sender].Balance = Word(1'000'000'000'000'000'000ull);
  E.State.Accounts[Sender].CodeHash = emptyCodeHash();
  int64_t Gas = VM["gas"].as<int64_t>();
  Word Contract(0xc0deull);
  if (VM.count("check-deploy") && VM.count("no-deploy"))
    return fail("--check-deploy needs a deployment: drop --no-deploy");
  if (VM.count("no-deploy")) {
    Account &A = E.State.Accounts[Contract];
    A.Code = std::make_shared<const Bytes>(ObjBytes.begin(), ObjBytes.end());
    A.CodeHash = keccak256Word(ObjBytes.data(), ObjBytes.size());
  } else {
    Transaction Deploy{Sender, std::nullopt, Word(), {}, Gas, Word(),
                       std::nullopt};
    Deploy.Data.assign(ObjBytes.begin(), ObjBytes.end());
    Deploy.Data.insert(Deploy.Data.end(), Args->begin(), Args->end());
    if (VM.count("check-deploy")) {
      // The init code runs with the arguments as part of its code; the
      // public output is the runtime object returned.
      PublicInputs Env = creationInputsOf(E, Deploy);
      Trace T;
      E.setTrace(&T);
      TxResult R = E.transact(Deploy);
      E.setTrace(nullptr);
      return checkExecution("deploy", R, Env,
                            creationOutputsOf(E, T, R, Env[Opcode::Address]),
                            T);
    }
    TxResult R = E.transact(Deploy);
    if (R.Result.S != Status::Success)
      return fail("deployment did not succeed");
    Contract = R.Result.CreatedAddress;
  }

  Trace T;
  Transaction Call{Sender, Contract, Word(), *Calldata, Gas, Word(),
                   std::nullopt};
  PublicInputs Env = environmentOf(E, Call, Contract);
  E.setTrace(&T);
  TxResult R = E.transact(Call);
  E.setTrace(nullptr);
  const Account *A = E.State.find(Contract);
  if (A && A->Code)
    Env.Code = *A->Code;
  // The public outputs, as the verifier is told them.
  PublicOutputs Out = publicOutputsOf(E, T, R, Contract);
  return checkExecution("call", R, Env, Out, T);
}
