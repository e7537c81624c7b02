//===-- Runner.cpp - Run a test in the emulator ---------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Testing/Runner.h"

#include "TestCompiler.h"

#include "zkc/Support/Hex.h"
#include "zkc/Testing/CompilerVersion.h"
#include "zkc/VM/Emulator.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace zkc;
using namespace zkc::testing;
using namespace zkc::vm;
using llvm::StringRef;

const char *zkc::testing::outcomeName(Outcome O) {
  switch (O) {
  case Outcome::Pass:
    return "PASS";
  case Outcome::Fail:
    return "FAIL";
  case Outcome::Skip:
    return "SKIP";
  }
  return "?";
}

namespace {

/// Why an input could not be run or did not give what was expected.
struct Mismatch {
  std::string Message;
};

/// A value from the metadata, resolved; nullopt is the wildcard "*".
using Value = std::optional<Word>;

/// The gas price of every transaction (`$GAS_PRICE`): callers pay nothing
/// for gas, so balances change only by the values sent.
const Word TxGasPrice = Word();

class CaseRunner {
public:
  CaseRunner(const CompiledTest &Program, bool CheckCircuit)
      : Program(Program), CheckCircuit(CheckCircuit) {}

  /// Runs the case; returns an empty string on success, else what failed.
  std::string run(const Case &C);
  /// Instructions executed so far, in every transaction.
  uint64_t cycles() const { return Cycles; }
  const circuit::CircuitTally &circuitTally() const { return Circuit; }

private:
  Value resolve(const std::string &Text) const;
  Word resolveKnown(const std::string &Text, const char *What) const;
  Word address(const std::string &Text) const;
  Word amount(const std::optional<std::string> &Text) const;
  Bytes selector(const std::string &Method) const;
  Bytes calldata(const Input &In) const;
  void runInput(const Input &In);
  void check(const Input &In, const TxResult &R, bool Deploy);

  const CompiledTest &Program;
  bool CheckCircuit;
  Emulator E;
  std::map<std::string, Word> Instances;
  uint64_t Cycles = 0;
  circuit::CircuitTally Circuit;
};

Value CaseRunner::resolve(const std::string &Text) const {
  if (Text == "*")
    return std::nullopt;
  StringRef T(Text);
  if (T.consume_back(".address")) {
    auto It = Instances.find(T.str());
    if (It == Instances.end())
      throw Mismatch{"instance '" + T.str() + "' is not deployed"};
    return It->second;
  }
  if (T == "$CHAIN_ID")
    return E.Block.ChainId;
  if (T == "$GAS_LIMIT")
    return E.Block.GasLimit;
  if (T == "$BLOCK_NUMBER")
    return E.Block.Number;
  if (T == "$BLOCK_TIMESTAMP")
    return E.Block.Timestamp;
  if (T == "$COINBASE")
    return E.Block.Coinbase;
  if (T == "$BASE_FEE")
    return E.Block.BaseFee;
  if (T == "$PREVRANDAO")
    return E.Block.PrevRandao;
  if (T == "$GAS_PRICE")
    return TxGasPrice;
  if (T == "$TX_ORIGIN")
    return *Word::fromString(DefaultCaller);
  // The reference tester reads an empty decimal literal as 0.
  if (T.empty())
    return Word();
  std::optional<Word> W = Word::fromString(Text);
  if (!W)
    throw Mismatch{"malformed value '" + Text + "' in the metadata"};
  return *W;
}

Word CaseRunner::resolveKnown(const std::string &Text, const char *What) const {
  Value V = resolve(Text);
  if (!V)
    throw Mismatch{std::string("'*' cannot be ") + What};
  return *V;
}

Word CaseRunner::address(const std::string &Text) const {
  Word W = resolveKnown(Text, "an address");
  if (toAddress(W) != W)
    throw Mismatch{"'" + Text + "' is not an address"};
  return W;
}

Word CaseRunner::amount(const std::optional<std::string> &Text) const {
  if (!Text)
    return Word();
  StringRef T(*Text);
  bool Ether = T.consume_back(" ETH");
  if (!Ether && !T.consume_back(" wei"))
    throw Mismatch{"value '" + *Text + "' must end in ' wei' or ' ETH'"};
  std::optional<Word> W = Word::fromString(T.str());
  if (!W)
    throw Mismatch{"malformed value '" + *Text + "'"};
  return Ether ? *W * Word(1'000'000'000'000'000'000ull) : *W;
}

/// A method's selector: looked up by name or signature in the ABI of a
/// Solidity test, given in hex by a Yul test.
Bytes CaseRunner::selector(const std::string &Method) const {
  if (Program.Selectors.empty()) {
    StringRef Selector(Method);
    Selector.consume_front("0x");
    auto Raw = parseHexBytes(("0x" + Selector).str());
    if (Selector.size() != 8 || !Raw)
      throw Mismatch{"method '" + Method +
                     "' is not a 4-byte selector in hex (a Yul test has no "
                     "ABI to look names up in)"};
    return *Raw;
  }
  std::vector<std::string> Found;
  for (const auto &[Signature, Hex] : Program.Selectors)
    if (Signature == Method || (Method.find('(') == std::string::npos &&
                                StringRef(Signature).starts_with(Method + "(")))
      Found.push_back(Signature);
  if (Found.empty())
    throw Mismatch{"no function '" + Method + "' in the contract's ABI"};
  if (Found.size() > 1)
    throw Mismatch{"method '" + Method +
                   "' is ambiguous: " + llvm::join(Found, ", ")};
  return *parseHexBytes("0x" + Program.Selectors.at(Found.front()));
}

Bytes CaseRunner::calldata(const Input &In) const {
  Bytes Data;
  if (In.Method != "#deployer" && In.Method != "#fallback")
    Data = selector(In.Method);
  if (In.CalldataHex) {
    auto Raw = parseHexBytes(*In.CalldataHex);
    if (!Raw)
      throw Mismatch{"malformed calldata '" + *In.CalldataHex + "'"};
    Data.insert(Data.end(), Raw->begin(), Raw->end());
  }
  for (const std::string &W : In.CalldataWords) {
    uint8_t Buf[32];
    resolveKnown(W, "calldata").toBigEndian(Buf);
    Data.insert(Data.end(), Buf, Buf + 32);
  }
  return Data;
}

std::string describe(const Value &V) { return V ? V->toHex() : "*"; }

std::string describe(const std::vector<Value> &Vs) {
  std::string S = "[";
  for (size_t I = 0; I < Vs.size(); ++I)
    S += (I ? ", " : "") + describe(Vs[I]);
  return S + "]";
}

/// Bytes as words, the last one padded with zeros on the right.
std::vector<Value> words(const Bytes &B) {
  std::vector<Value> Out;
  for (size_t I = 0; I < B.size(); I += 32) {
    uint8_t Buf[32] = {};
    std::copy(B.begin() + I, B.begin() + std::min(B.size(), I + 32), Buf);
    Out.push_back(Word::fromBigEndian(Buf));
  }
  return Out;
}

bool matches(const std::vector<Value> &Expected,
             const std::vector<Value> &Got) {
  if (Expected.size() != Got.size())
    return false;
  for (size_t I = 0; I < Expected.size(); ++I)
    if (Expected[I] && Got[I] && *Expected[I] != *Got[I])
      return false;
  return true;
}

std::string outcome(const ExecResult &R) {
  if (R.S == Status::Success)
    return "success";
  if (R.S == Status::Revert)
    return "revert";
  return std::string("trap (") + trapKindName(R.Trap) + ")";
}

void CaseRunner::check(const Input &In, const TxResult &R, bool Deploy) {
  zkc::testing::Expected Want;
  if (const zkc::testing::Expected *E =
          selectExpected(In.Expect, Program.CompilerVersion))
    Want = *E;
  else if (Deploy)
    Want.ReturnData = {In.Instance + ".address"};
  std::vector<Value> WantData;
  for (const std::string &V : Want.ReturnData)
    WantData.push_back(resolve(V));
  bool Failed = R.Result.S != Status::Success;
  std::vector<Value> GotData = Deploy && !Failed
                                   ? std::vector<Value>{R.Result.CreatedAddress}
                                   : words(R.Result.Output);
  std::string Problems;
  if (Failed != Want.Exception)
    Problems += "  outcome: expected " +
                std::string(Want.Exception ? "an exception" : "success") +
                ", got " + outcome(R.Result) +
                (R.Result.Detail.empty() ? "" : ": " + R.Result.Detail) + "\n";
  if (!matches(WantData, GotData))
    Problems += "  return data: expected " + describe(WantData) + ", got " +
                describe(GotData) + "\n";
  bool EventsMatch = Want.Events.size() == R.Logs.size();
  for (size_t I = 0; EventsMatch && I < Want.Events.size(); ++I) {
    const ExpectedEvent &W = Want.Events[I];
    const Log &L = R.Logs[I];
    std::vector<Value> Topics;
    for (const std::string &T : W.Topics)
      Topics.push_back(resolve(T));
    std::vector<Value> Data;
    for (const std::string &V : W.Values)
      Data.push_back(resolve(V));
    std::vector<Value> GotTopics(L.Topics.begin(), L.Topics.end());
    EventsMatch = matches(Topics, GotTopics) && matches(Data, words(L.Data)) &&
                  (!W.Address || address(*W.Address) == L.Address);
  }
  if (!EventsMatch) {
    Problems += "  events: expected";
    for (const ExpectedEvent &W : Want.Events) {
      std::vector<Value> Topics, Data;
      for (const std::string &T : W.Topics)
        Topics.push_back(resolve(T));
      for (const std::string &V : W.Values)
        Data.push_back(resolve(V));
      Problems +=
          " {topics " + describe(Topics) + ", values " + describe(Data) + "}";
    }
    Problems += Want.Events.empty() ? " none, got" : "; got";
    for (const Log &L : R.Logs)
      Problems +=
          " {topics " +
          describe(std::vector<Value>(L.Topics.begin(), L.Topics.end())) +
          ", values " + describe(words(L.Data)) + "}";
    if (R.Logs.empty())
      Problems += " none";
    Problems += "\n";
  }
  if (!Problems.empty())
    throw Mismatch{Problems};
}

void CaseRunner::runInput(const Input &In) {
  Word Caller = address(In.Caller);
  if (!E.State.find(Caller)) {
    // Callers are funded generously, as the reference tester's are.
    Account &A = E.State.Accounts[Caller];
    A.Balance = Word(1'000'000'000'000'000'000ull) * Word(1'000'000'000'000ull);
    A.CodeHash = emptyCodeHash();
  }
  for (const auto &[Where, Slots] : In.Storage) {
    Word Addr = address(Where);
    for (const auto &[Key, Val] : Slots)
      E.setStorage(Addr, resolveKnown(Key, "a storage key"),
                   resolveKnown(Val, "a storage value"));
  }
  Transaction Tx;
  Tx.From = Caller;
  Tx.Value = amount(In.Value);
  Tx.GasPrice = TxGasPrice;
  Bytes Args = calldata(In);
  bool Deploy = In.Method == "#deployer";
  if (Deploy) {
    if (In.Instance != "Test")
      throw Mismatch{"unknown instance '" + In.Instance +
                     "' (a single-source test has only 'Test')"};
    Tx.Data.assign(Program.Code.begin(), Program.Code.end());
    Tx.Data.insert(Tx.Data.end(), Args.begin(), Args.end());
  } else {
    auto It = Instances.find(In.Instance);
    if (It == Instances.end())
      throw Mismatch{"instance '" + In.Instance + "' is not deployed"};
    Tx.To = It->second;
    Tx.Data = std::move(Args);
  }
  circuit::TransactionCheck Check;
  TxResult R =
      CheckCircuit ? circuit::transactAndCheck(E, Tx, Check) : E.transact(Tx);
  Cycles += R.Cycles;
  if (CheckCircuit)
    Circuit.add(Check, R.Cycles);
  if (Deploy && R.Result.S == Status::Success)
    Instances[In.Instance] = R.Result.CreatedAddress;
  check(In, R, Deploy);
  if (Check.Outcome == circuit::TransactionCheck::Result::Violated)
    throw Mismatch{"the circuit rejects the execution:\n" + Check.Detail};
}

std::string CaseRunner::run(const Case &C) {
  std::vector<Input> Inputs = C.Inputs;
  // An instance without a deployer call is deployed first, with no
  // arguments, as the format specifies.
  if (llvm::none_of(Inputs, [](const Input &In) {
        return In.Method == "#deployer" && In.Instance == "Test";
      })) {
    Input Deploy;
    Deploy.Method = "#deployer";
    Inputs.insert(Inputs.begin(), Deploy);
  }
  for (size_t I = 0; I < Inputs.size(); ++I) {
    try {
      runInput(Inputs[I]);
    } catch (const Mismatch &M) {
      return "input #" + std::to_string(I) + " (" + Inputs[I].Method + "):\n" +
             M.Message;
    }
  }
  return "";
}

} // namespace

std::vector<CaseResult> zkc::testing::runTest(const TestFile &Test,
                                              const RunOptions &Opts) {
  auto Whole = [&](Outcome O, std::string Message) {
    CaseResult R;
    R.Path = Test.Path;
    R.Level = Opts.Level;
    R.Status = O;
    R.Message = std::move(Message);
    return std::vector<CaseResult>{R};
  };
  if (Test.Ignore)
    return Whole(Outcome::Skip, skip::Ignored);
  if (!Opts.IgnoreTargets && !Test.Targets.empty() &&
      !llvm::is_contained(Test.Targets, "evm"))
    return Whole(Outcome::Skip, skip::EraVMOnly);
  if (!Opts.IgnoreTargets && Test.EraVMExtensions)
    return Whole(Outcome::Skip, skip::EraVMExtensions);

  std::variant<CompiledTest, NotRun> Compiled = compileTest(Test, Opts);
  if (auto *N = std::get_if<NotRun>(&Compiled))
    return Whole(N->Status, N->Message);
  const CompiledTest &Program = std::get<CompiledTest>(Compiled);

  std::vector<CaseResult> Results;
  for (const Case &Cs : Test.Cases) {
    CaseResult R;
    R.Path = Test.Path;
    R.Case = Cs.Name;
    R.Level = Opts.Level;
    if (Cs.Ignore) {
      R.Status = Outcome::Skip;
      R.Message = skip::Ignored;
    } else {
      CaseRunner Runner(Program, Opts.CheckCircuit);
      R.Message = Runner.run(Cs);
      R.Status = R.Message.empty() ? Outcome::Pass : Outcome::Fail;
      R.Cycles = Runner.cycles();
      R.Circuit = Runner.circuitTally();
    }
    Results.push_back(std::move(R));
  }
  return Results;
}

std::vector<CaseResult> zkc::testing::runTestFile(const std::string &Path,
                                                  const RunOptions &Opts) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    CaseResult R;
    R.Path = Path;
    R.Level = Opts.Level;
    R.Status = Outcome::Fail;
    R.Message = "cannot read: " + Buf.getError().message();
    return {R};
  }
  auto Test = parseTestFile(Path, (*Buf)->getBuffer());
  if (!Test) {
    CaseResult R;
    R.Path = Path;
    R.Level = Opts.Level;
    R.Status = Outcome::Fail;
    R.Message = llvm::toString(Test.takeError());
    return {R};
  }
  return runTest(*Test, Opts);
}
