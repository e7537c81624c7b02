//===-- Runner.cpp - Run a semantic test ----------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Isoltest/Runner.h"
#include "zkc/ABI/ABI.h"
#include "zkc/Driver/Compiler.h"
#include "zkc/Isoltest/Isoltest.h"
#include "zkc/Solc/Settings.h"
#include "zkc/Solc/Solc.h"
#include "zkc/Support/Hex.h"
#include "zkc/Support/Keccak.h"
#include "zkc/VM/Emulator.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace zkc;
using namespace zkc::isoltest;
using namespace zkc::vm;
using llvm::StringRef;
using testing::CaseResult;
using testing::Outcome;

bool zkc::isoltest::isSemanticTest(StringRef Text) {
  if (Text.contains("\n//!") || Text.starts_with("//!"))
    return false;
  llvm::SmallVector<StringRef> Lines;
  Text.split(Lines, '\n');
  return llvm::any_of(Lines, [](StringRef L) { return L.trim() == "// ----"; });
}

namespace {

/// The EVM versions solc knows, oldest first; the ZVM offers everything up
/// to Cancun (Prague adds nothing Yul can name).
const char *const Forks[] = {"homestead", "tangerineWhistle", "spuriousDragon",
                             "byzantium", "constantinople",   "petersburg",
                             "istanbul",  "berlin",           "london",
                             "paris",     "shanghai",         "cancun",
                             "prague"};
constexpr int DefaultFork = 11; // cancun

/// The newest EVM version an `EVMVersion: <op><fork>` setting allows.
std::string evmVersionFor(StringRef Setting) {
  StringRef Op = Setting.take_while([](char C) { return !llvm::isAlpha(C); });
  StringRef Name = Setting.drop_front(Op.size()).trim();
  int Index = -1;
  for (int I = 0; I < int(std::size(Forks)); ++I)
    if (Name == Forks[I])
      Index = I;
  if (Index < 0)
    return Forks[DefaultFork];
  Op = Op.trim();
  if (Op == ">=" || Op == ">")
    return Forks[std::max(DefaultFork, Index + (Op == ">" ? 1 : 0))];
  if (Op == "<")
    return Forks[std::min(DefaultFork, Index - 1)];
  return Forks[std::min(DefaultFork, Index)]; // "<=" and "="
}

/// isoltest's test accounts: 0x1212...12 with the index in the low bytes.
Word accountAddress(uint64_t Index) {
  Word Prefix = *Word::fromString("0x121212121212121212121212121212");
  return shl(Prefix, Word(40)) | Word((Index << 12) | 0x12);
}

/// The host's hash of block N: 0x3737...37 plus N.
Word blockHash(uint64_t N) {
  return *Word::fromString("0x373737373737373737373737373737373737373737373737"
                           "3737373737373737") +
         Word(N);
}

/// Bytes as isoltest prints them: one 32-byte word at a time.
std::string wordsOf(llvm::ArrayRef<uint8_t> B) {
  if (B.empty())
    return "(empty)";
  std::string S;
  for (size_t I = 0; I < B.size(); I += 32)
    S += (I ? ", " : "") +
         toHexString(B.data() + I, std::min<size_t>(32, B.size() - I));
  return S;
}

std::string describeLog(const Log &L) {
  std::string S = "log from " + L.Address.toHex() + " topics [";
  for (size_t I = 0; I < L.Topics.size(); ++I)
    S += (I ? ", " : "") + L.Topics[I].toHex();
  return S + "] data " + wordsOf(L.Data);
}

class Session {
public:
  Session(const TestFile &T, std::string Path, const RunnerOptions &Opts)
      : T(T), Path(std::move(Path)), Opts(Opts) {
    Sender = accountAddress(0);
    // The block and transaction values of solc's test host, which the
    // expectations of tests reading them were written against.
    E.Block.Coinbase =
        *Word::fromString("0x7878787878787878787878787878787878787878");
    E.Block.PrevRandao = *Word::fromString(
        "0xa86c2e601b6c44eb4848f7d23d9df3113fbcac42041c49cbed5000cb4f118777");
    E.Block.BlobHashes = {shl(Word(1), Word(248)) | Word(1),
                          shl(Word(1), Word(248)) | Word(2)};
    E.Block.Number = Word(1);
    E.Block.BlockHashes[Word(0)] = blockHash(0);
    // Precompiles exist (their code hash is that of empty code).
    for (uint64_t A = 1; A <= 10; ++A) {
      Account &P = E.State.Accounts[Word(A)];
      P.Balance = Word(1);
      P.CodeHash = emptyCodeHash();
    }
    // Funded with 2^100 wei, and with nonce 1, as in solc's runner, so that
    // balances and contract addresses are the ones the expectations name.
    for (uint64_t I = 0; I < 10; ++I) {
      Account &A = E.State.Accounts[accountAddress(I)];
      A.Balance = shl(Word(1), Word(100));
      A.Nonce = 1;
      A.CodeHash = emptyCodeHash();
    }
  }

  CaseResult run();

private:
  const TestFile &T;
  std::string Path;
  RunnerOptions Opts;
  Emulator E;
  Word Sender;
  nlohmann::json Output;
  /// The contract under test: source unit and name; its address once
  /// deployed.
  std::string MainSource, MainName;
  std::optional<Word> Contract;
  LibraryMap Libraries;
  /// With RunnerOptions::CheckCircuit: the transactions' checks, and the
  /// last transaction's.
  circuit::CircuitTally Circuit;
  circuit::TransactionCheck LastCheck;

  CaseResult result(Outcome O, std::string Message) const {
    CaseResult R;
    R.Path = Path;
    R.Level = Opts.Opt;
    R.Status = O;
    R.Message = std::move(Message);
    R.Circuit = Circuit;
    return R;
  }

  llvm::Error compileSources();
  llvm::Error findMainContract();
  std::optional<std::string> findLibrary(StringRef Spec) const;
  llvm::Expected<std::vector<uint8_t>> compileContract(const std::string &Src,
                                                       const std::string &Name);
  TxResult transact(Transaction Tx);
  TxResult deploy(llvm::ArrayRef<uint8_t> Code, llvm::ArrayRef<uint8_t> Args,
                  const Word &Value);
  /// Runs one call; a mismatch message, empty when it passed.
  llvm::Expected<std::string> runCall(const Call &C);
  std::string compareEvents(const Call &C, const std::vector<Log> &Logs);
};

llvm::Error Session::compileSources() {
  nlohmann::json Sources = nlohmann::json::object();
  std::string Dir = llvm::sys::path::parent_path(Path).str();
  for (const Source &S : T.Sources) {
    std::string Text = S.Text;
    if (S.External) {
      // Names may be written unnormalised ("a///b.sol", "./b.sol").
      llvm::SmallVector<StringRef> Parts;
      StringRef(S.Path).split(Parts, '/', -1, /*KeepEmpty=*/false);
      llvm::SmallString<256> P(Dir);
      for (StringRef Part : Parts)
        llvm::sys::path::append(P, Part);
      llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
      auto Buf = llvm::MemoryBuffer::getFile(P);
      if (!Buf)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "external source '" + S.Path +
                                           "' not found next to the test");
      Text = (*Buf)->getBuffer().str();
    }
    Sources[S.Name] = {{"content", Text}};
  }
  nlohmann::json Settings = solc::yulIRSettings({}, {"ast"});
  Settings["evmVersion"] = Forks[DefaultFork];
  if (auto It = T.Settings.find("EVMVersion"); It != T.Settings.end())
    Settings["evmVersion"] = evmVersionFor(It->second);
  if (auto It = T.Settings.find("revertStrings"); It != T.Settings.end())
    Settings["debug"] = {{"revertStrings", It->second}};
  nlohmann::json Input = {
      {"language", "Solidity"}, {"sources", Sources}, {"settings", Settings}};
  solc::ImportPaths Paths;
  Paths.BasePath = Dir;
  llvm::Expected<nlohmann::json> Out = Opts.Solc->compile(Input, Paths);
  if (!Out)
    return Out.takeError();
  Output = std::move(*Out);
  if (Output.contains("errors"))
    for (const nlohmann::json &Err : Output["errors"])
      if (Err.value("severity", "") == "error")
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "solc: " + Err.value("formattedMessage",
                                 Err.value("message", std::string())));
  return llvm::Error::success();
}

/// isoltest tests the last contract of the last source that is not
/// abstract, an interface or a library.
llvm::Error Session::findMainContract() {
  for (auto It = T.Sources.rbegin(); It != T.Sources.rend(); ++It) {
    if (It->External)
      continue;
    const nlohmann::json &Src = Output["sources"][It->Name];
    if (!Src.contains("ast"))
      continue;
    for (const nlohmann::json &Node : Src["ast"]["nodes"]) {
      if (Node.value("nodeType", "") != "ContractDefinition" ||
          Node.value("contractKind", "") != "contract" ||
          Node.value("abstract", false))
        continue;
      MainSource = It->Name;
      MainName = Node.value("name", "");
    }
    if (!MainName.empty())
      return llvm::Error::success();
  }
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "the test defines no contract to deploy");
}

/// The source unit of library Spec ("L" or "a.sol:L").
std::optional<std::string> Session::findLibrary(StringRef Spec) const {
  auto [Src, Name] = Spec.rsplit(':');
  if (Name.empty())
    std::swap(Src, Name);
  for (const auto &[Unit, Contracts] : Output["contracts"].items())
    if ((Src.empty() || Unit == Src) && Contracts.contains(Name.str()))
      return Unit;
  return std::nullopt;
}

llvm::Expected<std::vector<uint8_t>>
Session::compileContract(const std::string &Src, const std::string &Name) {
  const nlohmann::json &C = Output["contracts"][Src][Name];
  if (!C.contains("irOptimized") || !C["irOptimized"].is_string())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "solc gave no Yul for " + Src + ":" + Name);
  CompileOptions CO;
  CO.Opt = Opts.Opt;
  CO.Libraries = Libraries;
  CO.VerifyRegAlloc = Opts.VerifyRegAlloc;
  std::string Diags;
  llvm::raw_string_ostream DiagOS(Diags);
  Compilation Comp(C["irOptimized"].get<std::string>(),
                   Src + ":" + Name + ".yul", CO, DiagOS);
  if (!Comp.compile())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        Comp.firstError().empty() ? Diags : Comp.firstError());
  const CompiledContract &R = Comp.result();
  if (!R.UnlinkedLibraries.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "unlinked libraries: " +
                                       llvm::join(R.UnlinkedLibraries, ", "));
  return R.Bytes;
}

TxResult Session::transact(Transaction Tx) {
  Tx.Origin = *Word::fromString("0x9292929292929292929292929292929292929292");
  LastCheck = {};
  TxResult R = Opts.CheckCircuit ? circuit::transactAndCheck(E, Tx, LastCheck)
                                 : E.transact(Tx);
  if (Opts.CheckCircuit)
    Circuit.add(LastCheck, R.Cycles);
  // Each transaction is a block of its own, as in solc's test host.
  uint64_t N = E.Block.Number.low();
  E.Block.BlockHashes[Word(N)] = blockHash(N);
  E.Block.Number = Word(N + 1);
  E.Block.Timestamp = E.Block.Timestamp + Word(15);
  return R;
}

TxResult Session::deploy(llvm::ArrayRef<uint8_t> Code,
                         llvm::ArrayRef<uint8_t> Args, const Word &Value) {
  Transaction Tx;
  Tx.From = Sender;
  Tx.Value = Value;
  Tx.Data.assign(Code.begin(), Code.end());
  Tx.Data.insert(Tx.Data.end(), Args.begin(), Args.end());
  return transact(std::move(Tx));
}

std::string Session::compareEvents(const Call &C,
                                   const std::vector<Log> &Logs) {
  std::vector<Log> Expected;
  for (const Event &Ev : C.Events) {
    Log L;
    L.Address = Ev.Emitter ? *Ev.Emitter : *Contract;
    if (!Ev.Signature.empty())
      L.Topics.push_back(
          keccak256Word(reinterpret_cast<const uint8_t *>(Ev.Signature.data()),
                        Ev.Signature.size()));
    L.Topics.insert(L.Topics.end(), Ev.Topics.begin(), Ev.Topics.end());
    L.Data = Ev.Data;
    Expected.push_back(std::move(L));
  }
  size_t N = std::max(Expected.size(), Logs.size());
  for (size_t I = 0; I < N; ++I) {
    if (I < Expected.size() && I < Logs.size() &&
        Expected[I].Address == Logs[I].Address &&
        Expected[I].Topics == Logs[I].Topics &&
        Expected[I].Data == Logs[I].Data)
      continue;
    return "event " + std::to_string(I + 1) + ":\n    expected: " +
           (I < Expected.size() ? describeLog(Expected[I]) : "none") +
           "\n    got:      " +
           (I < Logs.size() ? describeLog(Logs[I]) : "none");
  }
  return "";
}

llvm::Expected<std::string> Session::runCall(const Call &C) {
  auto Mismatch = [&](const std::string &What) {
    return "line " + std::to_string(C.Line) + ": " + C.Signature +
           (StringRef(What).starts_with("\n") ? ":" : ": ") + What;
  };
  switch (C.K) {
  case Call::Kind::Library: {
    std::optional<std::string> Src = findLibrary(C.Signature);
    if (!Src)
      return Mismatch("no library " + C.Signature + " in solc's output");
    std::string Name = StringRef(C.Signature).rsplit(':').second.str();
    if (Name.empty())
      Name = C.Signature;
    llvm::Expected<std::vector<uint8_t>> Code = compileContract(*Src, Name);
    if (!Code)
      return Code.takeError();
    TxResult R = deploy(*Code, {}, Word());
    if (R.Result.S != Status::Success)
      return Mismatch("deploying the library failed");
    Libraries[*Src + ":" + Name] = R.Result.CreatedAddress;
    return "";
  }
  case Call::Kind::Constructor:
  case Call::Kind::Function:
    break;
  case Call::Kind::RunnerSelfTest:
    return "";
  case Call::Kind::Account: {
    // Switches the sender of the following calls, and gives its address.
    if (C.BuiltinArgument && !C.BuiltinArgument->fitsU64())
      return Mismatch("account index out of range");
    Word Got = accountAddress(C.BuiltinArgument ? C.BuiltinArgument->low() : 0);
    Sender = Got;
    std::vector<uint8_t> Bytes(32);
    Got.toBigEndian(Bytes.data());
    if (Bytes != C.Expected)
      return Mismatch("expected " + wordsOf(C.Expected) + ", got " +
                      wordsOf(Bytes));
    return "";
  }
  case Call::Kind::Balance:
  case Call::Kind::StorageEmpty:
    break;
  }

  // Everything else needs the contract: deployed by an explicit
  // constructor() call or, before the first call, without arguments.
  if (!Contract) {
    llvm::Expected<std::vector<uint8_t>> Code =
        compileContract(MainSource, MainName);
    if (!Code)
      return Code.takeError();
    bool Explicit = C.K == Call::Kind::Constructor;
    TxResult R = deploy(*Code, Explicit ? C.Arguments : std::vector<uint8_t>(),
                        Explicit ? C.Value : Word());
    bool Ok = R.Result.S == Status::Success;
    if (Explicit) {
      if (Ok == C.ExpectFailure)
        return Mismatch(Ok ? "expected the deployment to fail, it succeeded"
                           : "deployment failed (" +
                                 std::string(trapKindName(R.Result.Trap)) +
                                 "), revert data " + wordsOf(R.Result.Output));
      if (!Ok)
        return "";
      Contract = R.Result.CreatedAddress;
      std::string Ev = compareEvents(C, R.Logs);
      return Ev.empty() ? "" : Mismatch(Ev);
    }
    if (!Ok)
      return Mismatch("deploying the contract failed (" +
                      std::string(trapKindName(R.Result.Trap)) + ")");
    Contract = R.Result.CreatedAddress;
  }
  if (C.K == Call::Kind::Constructor)
    return Mismatch("constructor() after the contract was deployed");

  if (C.K == Call::Kind::Balance || C.K == Call::Kind::StorageEmpty) {
    Word Got;
    if (C.K == Call::Kind::Balance) {
      Got = E.getBalance(C.BuiltinArgument ? *C.BuiltinArgument : *Contract);
    } else {
      bool Empty = true;
      if (const Account *A = E.State.find(*Contract))
        for (const auto &[Key, Value] : A->Storage)
          Empty &= Value.isZero();
      Got = Word(Empty ? 1 : 0);
    }
    std::vector<uint8_t> Bytes(32);
    Got.toBigEndian(Bytes.data());
    if (Bytes != C.Expected)
      return Mismatch("expected " + wordsOf(C.Expected) + ", got " +
                      wordsOf(Bytes));
    return "";
  }

  Transaction Tx;
  Tx.From = Sender;
  Tx.To = *Contract;
  Tx.Value = C.Value;
  if (C.Signature != "()") {
    llvm::Expected<abi::Signature> Sig = abi::parseSignature(C.Signature);
    if (!Sig)
      return Mismatch("bad signature: " + llvm::toString(Sig.takeError()));
    std::array<uint8_t, 4> Sel = Sig->selector();
    Tx.Data.assign(Sel.begin(), Sel.end());
  }
  Tx.Data.insert(Tx.Data.end(), C.Arguments.begin(), C.Arguments.end());
  TxResult R = transact(std::move(Tx));
  bool Ok = R.Result.S == Status::Success;
  if (Ok == C.ExpectFailure || R.Result.Output != C.Expected) {
    std::string Got = Ok ? "" : "FAILURE";
    if (!Ok && R.Result.S == Status::Trap)
      Got += " (trap: " + std::string(trapKindName(R.Result.Trap)) + ")";
    if (!R.Result.Output.empty() || Ok)
      Got += (Got.empty() ? "" : ", ") + wordsOf(R.Result.Output);
    std::string Want = C.ExpectFailure ? "FAILURE" : "";
    if (!C.Expected.empty() || !C.ExpectFailure)
      Want += (Want.empty() ? "" : ", ") + wordsOf(C.Expected);
    return Mismatch("\n    expected: " + Want + "\n    got:      " + Got);
  }
  if (std::string Ev = compareEvents(C, R.Logs); !Ev.empty())
    return Mismatch(Ev);
  if (LastCheck.Outcome == circuit::TransactionCheck::Result::Violated)
    return Mismatch("the circuit rejects the execution:\n" + LastCheck.Detail);
  return "";
}

CaseResult Session::run() {
  if (auto It = T.Settings.find("compileViaYul");
      It != T.Settings.end() && It->second == "false")
    return result(Outcome::Skip, skip::LegacyCodegen);
  if (auto It = T.Settings.find("ABIEncoderV1Only");
      It != T.Settings.end() && It->second == "true")
    return result(Outcome::Skip, skip::ABICoderV1);
  if (llvm::any_of(T.Sources, [](const Source &S) {
        return StringRef(S.Text).contains("pragma experimental solidity");
      }))
    return result(Outcome::Skip, skip::ExperimentalSolidity);
  if (llvm::any_of(T.Calls, [](const Call &C) {
        return C.K == Call::Kind::RunnerSelfTest;
      }))
    return result(Outcome::Skip, skip::RunnerSelfTest);
  if (llvm::Error Err = compileSources())
    return result(Outcome::Fail, llvm::toString(std::move(Err)));
  if (llvm::Error Err = findMainContract())
    return result(Outcome::Fail, llvm::toString(std::move(Err)));
  for (const Call &C : T.Calls) {
    llvm::Expected<std::string> M = runCall(C);
    if (!M) {
      std::string Msg = llvm::toString(M.takeError());
      // A builtin the ZVM does not offer (selfdestruct, ...) is a
      // documented compile-time error, so the test is skipped with it.
      if (isUnsupportedBuiltinError(Msg))
        return result(Outcome::Skip, "unsupported: " + Msg);
      return result(Outcome::Fail,
                    "line " + std::to_string(C.Line) + ": " + Msg);
    }
    if (!M->empty())
      return result(Outcome::Fail, *M);
  }
  return result(Outcome::Pass, "");
}

} // namespace

CaseResult zkc::isoltest::runSemanticTest(const std::string &Path,
                                          const RunnerOptions &Opts) {
  CaseResult R;
  R.Path = Path;
  R.Level = Opts.Opt;
  R.Status = Outcome::Fail;
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    R.Message = "cannot read: " + Buf.getError().message();
    return R;
  }
  llvm::Expected<TestFile> T = parseTestFile((*Buf)->getBuffer(), Path);
  if (!T) {
    R.Message = llvm::toString(T.takeError());
    return R;
  }
  return Session(*T, Path, Opts).run();
}
