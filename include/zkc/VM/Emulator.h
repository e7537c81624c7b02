//===-- zkc/VM/Emulator.h - The ZVM emulator --------------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The emulator runs ZVM objects with the EVM's semantics: transactions, calls
// with value, static and delegate calls, create and create2, reverts that
// undo every change of the frame, logs, transient storage, gas with the 63/64
// rule, and the precompiles. It owns the world state; executing code is the
// interpreter's job (Interpreter.cpp), everything between frames is here.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_VM_EMULATOR_H
#define ZKC_VM_EMULATOR_H

#include "zkc/Object/Object.h"
#include "zkc/VM/State.h"
#include "zkc/VM/Trace.h"

#include <memory>
#include <string>

namespace zkc::vm {

/// Limits of the emulator (docs/isa.md, "Limits").
inline constexpr unsigned MaxCallDepth = 1024;
/// Largest runtime object a create may deploy.
inline constexpr size_t MaxCodeSize = 1u << 20;
/// Largest init code (deploy object plus constructor arguments).
inline constexpr size_t MaxInitCodeSize = 2u << 20;
/// Heap bytes one call frame may address.
inline constexpr uint64_t HeapLimit = 1ull << 28;
/// Heap and register bytes live across all frames of a transaction.
inline constexpr uint64_t MemoryBudget = 1ull << 30;
/// Largest stack pointer of a context (docs/isa.md, "Stack memory").
inline constexpr uint64_t StackLimit = 1ull << 28;
/// The stack pointer a context starts with: the stack's first word is never
/// accessible, so no frame object has address 0, LLVM's null pointer.
inline constexpr uint64_t StackBase = 32;
/// Internal calls (fcall) outstanding in one frame.
inline constexpr size_t MaxInternalCallDepth = 1u << 16;

enum class CallKind : uint8_t { Call, StaticCall, DelegateCall, Create, Create2 };

struct Message {
  CallKind Kind = CallKind::Call;
  /// Whose storage, balance and address the code runs with; for creates it is
  /// computed by the emulator.
  Word Recipient;
  /// Whose code runs (differs from Recipient for delegatecall).
  Word CodeAddress;
  Word Sender;
  Word Value;
  /// Calldata, or for creates the init code (object plus arguments).
  Bytes Input;
  int64_t Gas = 0;
  uint32_t Depth = 0;
  bool IsStatic = false;
  Word Salt;
};

enum class Status : uint8_t {
  Success,
  Revert,
  /// An exceptional halt: all gas of the frame is consumed, state and
  /// logs of the frame are dropped, the return data is empty.
  Trap,
};

/// Why a frame trapped.
enum class TrapKind : uint8_t {
  None,
  InvalidInstruction,
  OutOfGas,
  BadJump,
  ReturnFromTopFrame,
  FrameOverflow,
  MemoryBudget,
  HeapLimit,
  StackLimit,
  StackAccess,
  StaticStateChange,
  ReturnDataOutOfBounds,
  InvalidCode,
  CodeTooLarge,
  AddressCollision,
  InsufficientBalance,
  CallDepth,
  Precompile,
};

const char *trapKindName(TrapKind K);

struct ExecResult {
  Status S = Status::Success;
  TrapKind Trap = TrapKind::None;
  int64_t GasLeft = 0;
  Bytes Output;
  /// The new account's address after a successful create.
  Word CreatedAddress;
  /// A human-readable reason for a trap (for example the load error).
  std::string Detail;
};

struct Transaction {
  Word From;
  /// Absent for a contract creation.
  std::optional<Word> To;
  Word Value;
  Bytes Data;
  int64_t GasLimit = 30'000'000;
  Word GasPrice;
  /// tx.origin, when it is not From (test hosts that fix it).
  std::optional<Word> Origin;
};

struct TxResult {
  ExecResult Result;
  /// Gas used, intrinsic gas included.
  int64_t GasUsed = 0;
  /// Instructions executed, in every frame.
  uint64_t Cycles = 0;
  std::vector<Log> Logs;
};

class Emulator {
public:
  Emulator();
  ~Emulator();

  WorldState State;
  BlockEnv Block;

  /// Runs a transaction: the sender's nonce is bumped, transient storage is
  /// cleared, and logs of a successful transaction are returned.
  TxResult transact(const Transaction &Tx);

  /// Records an execution trace of the following transactions into T
  /// (nullptr to stop). Tracing does not change any result.
  void setTrace(Trace *T) { TraceOut = T; }

  /// Executes one message, with the state changes undone if it does not
  /// succeed. Used by transact and by the call instructions.
  ExecResult call(const Message &Msg);

  /// Address of a contract created by Sender with the given nonce (CREATE).
  static Word createAddress(const Word &Sender, uint64_t Nonce);
  /// Address of a contract created with CREATE2.
  static Word create2Address(const Word &Sender, const Word &Salt,
                             const Word &InitCodeHash);

  // Used by the interpreter.
  struct TxContext {
    Word Origin;
    Word GasPrice;
  };
  TxContext Tx;
  std::vector<Log> Logs;
  WordMap<WordMap<Word>> Transient;
  uint64_t Cycles = 0;
  uint32_t NextContext = 0;
  /// Heap and register bytes held by the frames now running.
  uint64_t LiveMemory = 0;
  Trace *TraceOut = nullptr;

  /// Journaled state changes, undone by revertTo.
  void setBalance(const Word &Addr, const Word &Balance);
  void setNonce(const Word &Addr, uint64_t Nonce);
  void setStorage(const Word &Addr, const Word &Key, const Word &Value);
  void setTransient(const Word &Addr, const Word &Key, const Word &Value);
  void setCode(const Word &Addr, SharedBytes Code, const Word &CodeHash);
  Account &getOrCreate(const Word &Addr);
  Word getStorage(const Word &Addr, const Word &Key) const;
  Word getTransient(const Word &Addr, const Word &Key) const;
  Word getBalance(const Word &Addr) const;

  /// The parsed program for code bytes with the given hash, cached.
  llvm::Expected<std::shared_ptr<const Program>>
  loadProgram(const Word &CodeHash, llvm::ArrayRef<uint8_t> Code);

private:
  struct JournalEntry;
  std::vector<JournalEntry> Journal;
  struct Checkpoint {
    size_t JournalSize;
    size_t LogCount;
  };
  Checkpoint checkpoint() const;
  void revertTo(const Checkpoint &C);

  ExecResult callPrecompile(const Message &Msg);
  ExecResult create(const Message &Msg);
  bool transfer(const Word &From, const Word &To, const Word &Value);

  WordMap<std::shared_ptr<const Program>> ProgramCache;
};

/// Runs the program of one frame. Defined in Interpreter.cpp.
ExecResult interpret(Emulator &Host, const Message &Msg, const Program &Prog,
                     llvm::ArrayRef<uint8_t> Code);

} // namespace zkc::vm

#endif // ZKC_VM_EMULATOR_H
