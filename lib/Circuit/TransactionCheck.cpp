//===-- TransactionCheck.cpp - Check a transaction against the circuit ----===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/TransactionCheck.h"

#include "zkc/Circuit/Circuit.h"
#include "zkc/Object/Object.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::vm;

static TransactionCheck unsupported(std::string Why) {
  return {TransactionCheck::Result::Unsupported, std::move(Why), 0};
}

/// Checks the trace T of running Env.Code, which ended with Out.
static TransactionCheck check(const PublicInputs &Env, const PublicOutputs &Out,
                              const Trace &T) {
  auto Prog = readProgram(Env.Code);
  if (!Prog)
    return unsupported(llvm::toString(Prog.takeError()));
  ZvmCircuit C(Prog->Code, Prog->Pool, Env, Out);
  auto CT = generateCircuitTrace(C, T);
  if (!CT)
    return unsupported(llvm::toString(CT.takeError()));
  TransactionCheck Result;
  for (unsigned I = 0; I < NumTables; ++I)
    Result.Rows += (*CT)[static_cast<TableId>(I)].Height;
  CheckReport Report = checkCircuit(C, *CT);
  if (Report.ok()) {
    Result.Outcome = TransactionCheck::Result::Checked;
    return Result;
  }
  Result.Outcome = TransactionCheck::Result::Violated;
  llvm::raw_string_ostream OS(Result.Detail);
  Report.print(OS);
  return Result;
}

TxResult zkc::circuit::transactAndCheck(Emulator &E, const Transaction &Tx,
                                        TransactionCheck &Check) {
  PublicInputs Env =
      Tx.To ? environmentOf(E, Tx, *Tx.To) : creationInputsOf(E, Tx);
  Trace T;
  E.setTrace(&T);
  TxResult R = E.transact(Tx);
  E.setTrace(nullptr);
  // A creation whose returned object the emulator rejects traps, like
  // any execution that does not end in stop, return or revert.
  if (R.Result.S != Status::Success && R.Result.S != Status::Revert)
    Check = unsupported("an execution ending in a trap");
  else if (Env.Code.empty())
    Check = unsupported("a call to an account without code");
  else
    Check = check(Env,
                  Tx.To ? publicOutputsOf(E, T, R, *Tx.To)
                        : creationOutputsOf(E, T, R, Env[Opcode::Address]),
                  T);
  return R;
}

PublicInputs zkc::circuit::creationInputsOf(const Emulator &E,
                                            const Transaction &Tx) {
  const Account *From = E.State.find(Tx.From);
  Word Addr = Emulator::createAddress(Tx.From, From ? From->Nonce : 0);
  PublicInputs Env = environmentOf(E, Tx, Addr);
  Env[Opcode::CdSize] = Word();
  Env.Calldata.clear();
  Env.Code = Tx.Data;
  Env[Opcode::CodeSize] = Word(uint64_t(Tx.Data.size()));
  return Env;
}

PublicOutputs zkc::circuit::creationOutputsOf(const Emulator &E, const Trace &T,
                                              const TxResult &R,
                                              const Word &Address) {
  PublicOutputs Out = publicOutputsOf(E, T, R, Address);
  if (R.Result.S == Status::Success) {
    const Account *A = E.State.find(R.Result.CreatedAddress);
    Out.Output = A && A->Code ? *A->Code : Bytes();
  }
  return Out;
}

/// The reason without its location: "... (at pc 12)" and the like.
static std::string withoutLocation(llvm::StringRef Why) {
  size_t At = Why.find(" (at pc ");
  return At == llvm::StringRef::npos ? Why.str() : Why.take_front(At).str();
}

void CircuitTally::add(const TransactionCheck &C, uint64_t TxCycles) {
  switch (C.Outcome) {
  case TransactionCheck::Result::Checked:
    ++Checked;
    Rows += C.Rows;
    Cycles += TxCycles;
    return;
  case TransactionCheck::Result::Violated:
    ++Violated;
    return;
  case TransactionCheck::Result::Unsupported:
    break;
  }
  ++Unsupported;
  llvm::StringRef Why = C.Detail;
  constexpr llvm::StringLiteral Prefix = "unsupported by the circuit: ";
  Why.consume_front(Prefix);
  // A list of mnemonics: each is a reason of its own.
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Why.split(Items, ", ");
  if (llvm::all_of(Items, [](llvm::StringRef I) {
        return !I.empty() && I.find_first_of(" (") == llvm::StringRef::npos;
      })) {
    for (llvm::StringRef I : Items)
      ++Reasons[I.str()];
    return;
  }
  ++Reasons[withoutLocation(Why)];
}

void CircuitTally::merge(const CircuitTally &Other) {
  Checked += Other.Checked;
  Unsupported += Other.Unsupported;
  Violated += Other.Violated;
  Rows += Other.Rows;
  Cycles += Other.Cycles;
  for (const auto &[Why, N] : Other.Reasons)
    Reasons[Why] += N;
}
