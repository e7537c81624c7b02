//===-- zkc/Circuit/Circuit.h - The ZVM circuit -----------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The tables of the ZVM circuit together: building their traces from an
// execution trace of the emulator, checking every constraint and balancing
// every bus, and listing every constraint with its degree. docs/circuit.md
// is the normative description.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_CIRCUIT_H
#define ZKC_CIRCUIT_CIRCUIT_H

#include "zkc/Circuit/AluAir.h"
#include "zkc/Circuit/ByteOpAir.h"
#include "zkc/Circuit/CalldataAir.h"
#include "zkc/Circuit/CopyAir.h"
#include "zkc/Circuit/CpuAir.h"
#include "zkc/Circuit/DivModAir.h"
#include "zkc/Circuit/EnvAir.h"
#include "zkc/Circuit/ExpAir.h"
#include "zkc/Circuit/HeapAir.h"
#include "zkc/Circuit/KeccakAir.h"
#include "zkc/Circuit/KeccakSpongeAir.h"
#include "zkc/Circuit/LogAir.h"
#include "zkc/Circuit/LookupAir.h"
#include "zkc/Circuit/MemoryAir.h"
#include "zkc/Circuit/ModArithAir.h"
#include "zkc/Circuit/OutputAir.h"
#include "zkc/Circuit/SelectAir.h"
#include "zkc/Circuit/ShiftAir.h"
#include "zkc/Circuit/StorageAir.h"
#include "zkc/Circuit/SymbolicBuilder.h"
#include "zkc/Circuit/WideMulAir.h"
#include "zkc/VM/Emulator.h"
#include "zkc/VM/Trace.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <set>
#include <string>
#include <vector>

namespace zkc::circuit {

enum class TableId : uint8_t {
  Program,
  Cpu,
  AddSub,
  Lt,
  Eq,
  Bitwise,
  Mul,
  DivMod,
  Shift,
  ByteOp,
  Select,
  ModArith,
  Exp,
  WideMul,
  Registers,
  RegisterBoundary,
  Heap,
  HeapBoundary,
  Output,
  CdLoad,
  Storage,
  StorageBoundary,
  StoragePublic,
  Log,
  LogData,
  LogPublic,
  Environment,
  Calldata,
  Stack,
  StackBoundary,
  Range16,
  Byte,
  KeccakSponge,
  KeccakF,
  Copy,
  Code,
};
inline constexpr unsigned NumTables = 36;

/// The tables of the circuit for one program.
class ZvmCircuit {
public:
  /// Code and Pool are the program being run, as in the object
  /// (zkc::Program). The program table appends a `stop`, the emulator's
  /// sentinel: running off the end of the code is a stop (docs/isa.md).
  /// Env is the call's public inputs (environmentOf), Out its public
  /// outputs (how it ended and the bytes it returned).
  ZvmCircuit(std::vector<Instruction> Code, std::vector<Word> Pool,
             PublicInputs Env = {}, PublicOutputs Out = {});

  ProgramAir Program;
  CpuAir Cpu;
  AddSubAir AddSub;
  LtAir Lt;
  EqAir Eq;
  BitwiseAir Bitwise;
  MulAir Mul;
  DivModAir DivMod;
  ShiftAir Shift;
  ByteOpAir ByteOp;
  SelectAir Select;
  ModArithAir ModArith;
  ExpAir Exp;
  WideMulAir WideMul;
  RegisterAccessAir Registers;
  RegisterBoundaryAir Boundary;
  HeapAccessAir Heap;
  HeapBoundaryAir HeapBoundary;
  OutputAir Output;
  CdLoadAir CdLoad;
  StorageAccessAir Storage;
  StorageBoundaryAir StorageBoundary;
  StoragePublicAir StoragePublic;
  LogAir Log;
  LogDataAir LogData;
  LogPublicAir LogPublic;
  EnvAir Env;
  CalldataAir Calldata;
  StackAccessAir Stack;
  StackBoundaryAir StackBoundary;
  RangeAir Range;
  ByteAir Bytes;
  KeccakSpongeAir KeccakSponge;
  KeccakAir KeccakF;
  CopyAir Copy;
  CodeAir CodeBytes;

  /// Calls Fn(TableId, Air) for every table, in TableId order.
  template <class F> void forEachTable(F &&Fn) const {
    Fn(TableId::Program, Program);
    Fn(TableId::Cpu, Cpu);
    Fn(TableId::AddSub, AddSub);
    Fn(TableId::Lt, Lt);
    Fn(TableId::Eq, Eq);
    Fn(TableId::Bitwise, Bitwise);
    Fn(TableId::Mul, Mul);
    Fn(TableId::DivMod, DivMod);
    Fn(TableId::Shift, Shift);
    Fn(TableId::ByteOp, ByteOp);
    Fn(TableId::Select, Select);
    Fn(TableId::ModArith, ModArith);
    Fn(TableId::Exp, Exp);
    Fn(TableId::WideMul, WideMul);
    Fn(TableId::Registers, Registers);
    Fn(TableId::RegisterBoundary, Boundary);
    Fn(TableId::Heap, Heap);
    Fn(TableId::HeapBoundary, HeapBoundary);
    Fn(TableId::Output, Output);
    Fn(TableId::CdLoad, CdLoad);
    Fn(TableId::Storage, Storage);
    Fn(TableId::StorageBoundary, StorageBoundary);
    Fn(TableId::StoragePublic, StoragePublic);
    Fn(TableId::Log, Log);
    Fn(TableId::LogData, LogData);
    Fn(TableId::LogPublic, LogPublic);
    Fn(TableId::Environment, Env);
    Fn(TableId::Calldata, Calldata);
    Fn(TableId::Stack, Stack);
    Fn(TableId::StackBoundary, StackBoundary);
    Fn(TableId::Range16, Range);
    Fn(TableId::Byte, Bytes);
    Fn(TableId::KeccakSponge, KeccakSponge);
    Fn(TableId::KeccakF, KeccakF);
    Fn(TableId::Copy, Copy);
    Fn(TableId::Code, CodeBytes);
  }

  /// The preprocessed trace of a table (empty if it has none), computed
  /// once: it is part of what the verifier knows.
  const Matrix &preprocessed(TableId T) const {
    return Preprocessed[static_cast<unsigned>(T)];
  }

private:
  std::array<Matrix, NumTables> Preprocessed;
};

const char *tableName(TableId T);

/// The public inputs of the call of Tx to Recipient in emulator E, asked
/// before E runs it: E's block, Tx's sender, value, gas price and calldata,
/// Recipient's code and its balance plus the value. A verifier computes the
/// same from the transaction, the block and the state.
PublicInputs environmentOf(const vm::Emulator &E, const vm::Transaction &Tx,
                           const Word &Recipient);

/// The public post-state of Recipient's storage after E ran the traced
/// transaction T: the keys T read or wrote there, with their values in E's
/// state now (the pre-state's for a reverted call, which the emulator
/// dropped).
std::map<Word, Word> storagePostState(const vm::Emulator &E, const vm::Trace &T,
                                      const Word &Recipient);

/// The public outputs of the call of Recipient that E ran as the traced
/// transaction T, with result R: whether it reverted, the bytes it
/// returned, the storage post-state (storagePostState) and its logs (none
/// when it reverted).
PublicOutputs publicOutputsOf(const vm::Emulator &E, const vm::Trace &T,
                              const vm::TxResult &R, const Word &Recipient);

/// The main traces of every table, padded to powers of two.
struct CircuitTrace {
  std::array<Matrix, NumTables> Main;
  /// Rows that carry data, before padding.
  std::array<size_t, NumTables> UsedRows{};
  uint64_t Cycles = 0;

  Matrix &operator[](TableId T) { return Main[static_cast<unsigned>(T)]; }
  const Matrix &operator[](TableId T) const {
    return Main[static_cast<unsigned>(T)];
  }
};

//===----------------------------------------------------------------------===//
// Trace generation (lib/Circuit/*Generation.cpp)
//===----------------------------------------------------------------------===//

/// One ALU operation asked for by the CPU.
struct AluEvent {
  Opcode Op;
  Word X, Y, Z;
};

/// One register access: Ts is 4 cycle + 1 (first source), + 2 (second
/// source), + 3 (third source) or + 4 (the write).
struct RegisterEvent {
  uint64_t Addr;
  uint64_t Ts;
  bool IsWrite;
  Word Value;
};

/// One heap access: a load or store (mload, mstore, mload8, mstore8) of
/// Value at byte address Addr, at timestamp cycle + 1.
struct HeapEvent {
  Opcode Op;
  uint64_t Ts;
  uint64_t Addr;
  Word Value;
};

/// How the execution ends: the halting row's stop, return or revert, its
/// heap range [Start, Start + Length) and heap timestamp, cycle + 1.
struct HaltEvent {
  /// A row halts (not so in a trace cut short, which tests build).
  bool Halts = false;
  bool Reverted = false;
  uint64_t Ts = 0;
  uint64_t Start = 0;
  uint64_t Length = 0;
};

/// One cdload: the word Value read at calldata address Addr.
struct CdLoadEvent {
  uint64_t Addr;
  Word Value;
};

/// One keccak256 of the heap range [Addr, Addr + Len) at timestamp cycle +
/// 1, with the digest the CPU writes. Message and PrevTs are the bytes read
/// and the timestamps of the states found, filled in by generateHeapTraces.
struct KeccakEvent {
  uint64_t Ts;
  uint64_t Addr;
  uint64_t Len;
  Word Digest;
  std::vector<uint8_t> Message;
  std::vector<uint64_t> PrevTs;
};

/// One sload, sstore, tload or tstore of Value at slot Key, at timestamp
/// cycle + 1.
struct StorageEvent {
  bool Transient;
  bool IsWrite;
  uint64_t Ts;
  Word Key;
  Word Value;
};

/// One cdcopy, codecopy or mcopy (Op) of Len bytes from Src to the heap at
/// Dst, at timestamp cycle + 1. Bytes are the bytes copied (from the public
/// calldata or code, zero past the end, filled in by buildCircuitTrace; or
/// from the heap); PrevTs and PrevBytes the heap states the writes found,
/// SrcPrevTs those mcopy's reads found, filled in by generateHeapTraces.
struct CopyEvent {
  Opcode Op;
  uint64_t Ts;
  uint64_t Dst;
  uint64_t Src;
  uint64_t Len;
  std::vector<uint8_t> Bytes;
  std::vector<uint64_t> PrevTs;
  std::vector<uint8_t> PrevBytes;
  std::vector<uint64_t> SrcPrevTs;
};

/// One operation of three operands asked for by the CPU: Z = op(X, Y, W).
struct Alu3Event {
  Opcode Op;
  Word X, Y, W, Z;
};

/// One request to the wide-mul table: A * B + C (the table computes the
/// high and low halves).
struct WideMulEvent {
  Word A, B, C;
};

/// What the CPU rows ask of the other tables.
struct CpuEvents {
  std::vector<AluEvent> AddSub, Lt, Eq, Bitwise, Mul, DivMod, Shift, ByteOp,
      Exp;
  std::vector<Alu3Event> Select, ModArith;
  std::vector<RegisterEvent> Registers;
  std::vector<HeapEvent> Heap;
  HaltEvent Halt;
  std::vector<CdLoadEvent> CdLoad;
  std::vector<KeccakEvent> Keccak;
  std::vector<StorageEvent> Storage;
  /// Stack loads and stores, as heap events with the stack bus's opcodes
  /// (stload, stload8, ststore, ststore8) at absolute addresses.
  std::vector<HeapEvent> Stack;
  std::vector<CopyEvent> Copies;
};

/// The first reason the circuit cannot prove this execution yet, as
/// "unsupported by the circuit: ..." (instructions are listed by mnemonic,
/// in order of first execution), or success.
llvm::Error checkSupported(const vm::Trace &T);

/// The heap range (start, length) step Step of T touches, which grows the
/// heap when not empty: the CPU row's TouchStart and TouchLen (docs/circuit.md,
/// cpu), from its first, second and third sources In1, In2, In3 (a log's
/// from its block). The ranges must be below 2^32 (checkSupported).
std::pair<uint64_t, uint64_t> heapRangeTouched(const vm::Trace &T,
                                               size_t Step, const Word &In1,
                                               const Word &In2,
                                               const Word &In3);

/// CodeLength is the program's, without the sentinel.
Matrix generateCpuTrace(const vm::Trace &T, CpuEvents &Events,
                        uint64_t CodeLength);
Matrix generateAddSubTrace(const std::vector<AluEvent> &Events);
Matrix generateLtTrace(const std::vector<AluEvent> &Events);
Matrix generateEqTrace(const std::vector<AluEvent> &Events);
Matrix generateBitwiseTrace(const std::vector<AluEvent> &Events);
Matrix generateMulTrace(const std::vector<AluEvent> &Events);
/// The division and shift tables, appending what they ask of the wide-mul
/// table to WideMul.
Matrix generateDivModTrace(const std::vector<AluEvent> &Events,
                           std::vector<WideMulEvent> &WideMul);
Matrix generateShiftTrace(const std::vector<AluEvent> &Events,
                          std::vector<WideMulEvent> &WideMul);
Matrix generateByteOpTrace(const std::vector<AluEvent> &Events);
/// The exp table, appending the multiplications it asks for to Mul.
Matrix generateExpTrace(const std::vector<AluEvent> &Events,
                        std::vector<AluEvent> &Mul);
Matrix generateSelectTrace(const std::vector<Alu3Event> &Events);
Matrix generateModArithTrace(const std::vector<Alu3Event> &Events,
                             std::vector<WideMulEvent> &WideMul);
Matrix generateWideMulTrace(const std::vector<WideMulEvent> &Events);
/// Both register tables: the accesses in the order given (timestamp order)
/// and the boundary rows, by increasing address.
void generateRegisterTraces(const std::vector<RegisterEvent> &Events,
                            Matrix &Accesses, Matrix &Boundary);
/// A heap byte a published log's data reads, at the log's heap timestamp.
struct LogByteRead {
  uint64_t Ts;
  /// The log's offset and the byte's address.
  uint64_t Offset, Addr;
};

/// Both heap tables and the output table: a row per access in the order
/// given (timestamp order), with keccak256's reads (Keccak, in timestamp
/// order, whose Message and PrevTs it fills in) among them, then the
/// output's reads at the halt, and the boundary rows, a byte each, by
/// increasing address. LogReads (in timestamp order) are the log-data
/// table's reads, whose main columns LogData gets. The copies' writes
/// (Copies, in timestamp order, whose PrevTs and PrevBytes it fills in)
/// are among them at their timestamps too.
void generateHeapTraces(const std::vector<HeapEvent> &Events,
                        std::vector<KeccakEvent> &Keccak, const HaltEvent &Halt,
                        Matrix &Accesses, Matrix &Boundary, Matrix &Output,
                        const std::vector<LogByteRead> &LogReads,
                        Matrix &LogData, std::vector<CopyEvent> &Copies);

/// The block a log instruction at step Step of T read: offset, size, then
/// its topics (from the trace's frame reads).
std::vector<Word> logBlock(const vm::Trace &T, size_t Step);

/// The log table, a row per log in T in execution order, and the heap
/// reads of their data bytes for the log-data table (none when
/// !Published).
Matrix generateLogTrace(const vm::Trace &T, bool Published,
                        std::vector<LogByteRead> &Reads);

/// Both stack tables: a row per access in the order given (timestamp
/// order), and the boundary rows, a byte each, by increasing address.
void generateStackTraces(const std::vector<HeapEvent> &Events, Matrix &Accesses,
                         Matrix &Boundary);

/// The copy table: a row per byte of each copy (one for an empty copy), in
/// the order given. Returns the rows used in *UsedRows.
Matrix generateCopyTrace(const std::vector<CopyEvent> &Events,
                         uint64_t CalldataSize, uint64_t CodeSize,
                         size_t *UsedRows);

/// The cdload table: a row per read, in the order given. Size is the
/// calldata's.
Matrix generateCdLoadTrace(const std::vector<CdLoadEvent> &Events,
                           uint64_t Size);

/// One keccak-f[1600] the sponge asks for: its tag and input state.
struct KeccakFEvent {
  uint64_t Tag;
  std::array<uint64_t, keccak::Lanes> State;
};

/// The keccak sponge table: a row per block of each message (whose bytes
/// generateHeapTraces read), appending the permutations it asks for to
/// Perms.
Matrix generateKeccakSpongeTrace(const std::vector<KeccakEvent> &Events,
                                 std::vector<KeccakFEvent> &Perms);
/// Fills the rows of rounds FirstRound to 23 of a permutation (Rows is its
/// first row, round 0's) from State, the input of round FirstRound.
void fillKeccakFRounds(Felt *Rows, uint64_t Tag, Felt IsReal,
                       std::array<uint64_t, keccak::Lanes> State,
                       unsigned FirstRound = 0);
/// The keccak-f table: 32 rows per permutation, at least one (the zero
/// state's, not asked for, when there is none).
Matrix generateKeccakFTrace(const std::vector<KeccakFEvent> &Events);

/// The storage tables: a row per access in the order given (timestamp
/// order), the boundary rows by increasing (transient, key) for every slot
/// touched and every public one, and the final value of each public slot.
/// Pre is the public pre-state. Appends the key comparisons of the
/// boundary rows to Lt.
void generateStorageTraces(const std::vector<StorageEvent> &Events,
                           const StoragePublicAir &Public, Matrix &Accesses,
                           Matrix &Boundary, Matrix &PublicFinal,
                           std::vector<AluEvent> &Lt);

/// The multiplicity columns of the program, range and byte tables: counts
/// of what the other tables send them. Tuples that are not in a table
/// (a limb of 2^16, say) are left unanswered, so the bus shows them.
void fillLookupMultiplicities(const ZvmCircuit &C, CircuitTrace &T);

/// Builds every table's trace for an execution of C's program (one
/// transaction's trace, the program run in context 0), or says why the
/// circuit cannot prove it yet (checkSupported).
llvm::Expected<CircuitTrace> generateCircuitTrace(const ZvmCircuit &C,
                                                  const vm::Trace &T);
/// The same without checkSupported: T's steps must be supported opcodes.
/// Tests build malicious witnesses with it from edited traces.
CircuitTrace buildCircuitTrace(const ZvmCircuit &C, const vm::Trace &T);

/// The smallest power of two at least N (and at least 1).
size_t paddedHeight(size_t N);

//===----------------------------------------------------------------------===//
// Checking (lib/Circuit/Check.cpp)
//===----------------------------------------------------------------------===//

struct ConstraintFailure {
  TableId Table;
  size_t Row;
  const char *Constraint;
};

/// A tuple whose sends and receives differ, with one row that contributes it.
struct BusImbalance {
  Bus B;
  std::vector<Felt> Values;
  /// Sends minus receives.
  Felt Net;
  TableId Table;
  size_t Row;
};

struct CheckOptions {
  /// Failures and imbalances kept in the report (all are counted).
  size_t MaxReported = 50;
  /// Seed of the LogUp challenges; 0 draws them from std::random_device.
  uint64_t Seed = 0;
};

struct CheckReport {
  std::vector<std::string> ShapeErrors;
  std::vector<ConstraintFailure> Failures;
  /// Failures counted once per row and constraint name.
  size_t NumFailures = 0;
  /// Buses whose LogUp sum is not zero.
  std::vector<Bus> UnbalancedBuses;
  std::vector<BusImbalance> Imbalances;
  size_t NumImbalances = 0;
  /// Every constraint that failed somewhere, by name.
  std::set<std::string> FailedNames;

  bool ok() const {
    return ShapeErrors.empty() && NumFailures == 0 && UnbalancedBuses.empty();
  }
  /// FailedNames, and "bus <name>" for each unbalanced bus: what tests
  /// compare.
  std::set<std::string> rejecters() const;
  /// One line per failure and imbalance, or "all constraints hold".
  void print(llvm::raw_ostream &OS) const;
};

/// Evaluates every constraint of every table on every row and balances
/// every bus: a LogUp sum Σ ±m / (alpha - Σ beta^i v_i) with random
/// challenges, and for each bus that does not sum to zero an exact multiset
/// comparison naming the tuples at fault.
CheckReport checkCircuit(const ZvmCircuit &C, const CircuitTrace &T,
                         const CheckOptions &Opts = {});

//===----------------------------------------------------------------------===//
// Degrees (lib/Circuit/Degrees.cpp)
//===----------------------------------------------------------------------===//

struct CircuitDegrees {
  std::vector<ConstraintDegree> Constraints;
  std::vector<InteractionDegree> Interactions;
};
CircuitDegrees computeDegrees(const ZvmCircuit &C);

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_CIRCUIT_H
