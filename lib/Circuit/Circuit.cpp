//===-- Circuit.cpp - The ZVM circuit's tables together -------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Trace generation for the whole circuit: what the circuit can prove yet,
// the order in which tables are generated, and the multiplicities of the
// lookup tables, counted from what the other tables send them.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"
#include "zkc/Circuit/ConstraintChecker.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace zkc;
using namespace zkc::circuit;

RowSink::~RowSink() = default;

const char *zkc::circuit::busName(Bus B) {
  switch (B) {
  case Bus::Program:
    return "program";
  case Bus::Alu:
    return "alu";
  case Bus::Register:
    return "register";
  case Bus::MemoryState:
    return "memory-state";
  case Bus::Range16:
    return "range16";
  case Bus::Byte:
    return "byte";
  case Bus::WideMul:
    return "wide-mul";
  case Bus::Alu3:
    return "alu3";
  case Bus::Env:
    return "env";
  case Bus::Heap:
    return "heap";
  case Bus::HeapState:
    return "heap-state";
  case Bus::Halt:
    return "halt";
  case Bus::CdLoad:
    return "cdload";
  case Bus::Calldata:
    return "calldata";
  case Bus::Keccak:
    return "keccak";
  case Bus::KeccakF:
    return "keccak-f";
  case Bus::Storage:
    return "storage";
  case Bus::StorageState:
    return "storage-state";
  case Bus::StoragePublic:
    return "storage-public";
  case Bus::Log:
    return "log";
  case Bus::LogData:
    return "log-data";
  case Bus::LogPublic:
    return "log-public";
  case Bus::Stack:
    return "stack";
  case Bus::StackState:
    return "stack-state";
  case Bus::Copy:
    return "copy";
  case Bus::Code:
    return "code";
  }
  return "?";
}

const char *zkc::circuit::tableName(TableId T) {
  switch (T) {
  case TableId::Program:
    return ProgramAir::Name;
  case TableId::Cpu:
    return CpuAir::Name;
  case TableId::AddSub:
    return AddSubAir::Name;
  case TableId::Lt:
    return LtAir::Name;
  case TableId::Eq:
    return EqAir::Name;
  case TableId::Bitwise:
    return BitwiseAir::Name;
  case TableId::Mul:
    return MulAir::Name;
  case TableId::DivMod:
    return DivModAir::Name;
  case TableId::Shift:
    return ShiftAir::Name;
  case TableId::ByteOp:
    return ByteOpAir::Name;
  case TableId::Select:
    return SelectAir::Name;
  case TableId::ModArith:
    return ModArithAir::Name;
  case TableId::Exp:
    return ExpAir::Name;
  case TableId::WideMul:
    return WideMulAir::Name;
  case TableId::Registers:
    return RegisterAccessAir::Name;
  case TableId::RegisterBoundary:
    return RegisterBoundaryAir::Name;
  case TableId::Heap:
    return HeapAccessAir::Name;
  case TableId::HeapBoundary:
    return HeapBoundaryAir::Name;
  case TableId::Output:
    return OutputAir::Name;
  case TableId::CdLoad:
    return CdLoadAir::Name;
  case TableId::Storage:
    return StorageAccessAir::Name;
  case TableId::StorageBoundary:
    return StorageBoundaryAir::Name;
  case TableId::StoragePublic:
    return StoragePublicAir::Name;
  case TableId::Log:
    return LogAir::Name;
  case TableId::LogData:
    return LogDataAir::Name;
  case TableId::LogPublic:
    return LogPublicAir::Name;
  case TableId::Calldata:
    return CalldataAir::Name;
  case TableId::Environment:
    return EnvAir::Name;
  case TableId::Stack:
    return StackAccessAir::Name;
  case TableId::StackBoundary:
    return StackBoundaryAir::Name;
  case TableId::Range16:
    return RangeAir::Name;
  case TableId::Byte:
    return ByteAir::Name;
  case TableId::KeccakSponge:
    return KeccakSpongeAir::Name;
  case TableId::KeccakF:
    return KeccakAir::Name;
  case TableId::Copy:
    return CopyAir::Name;
  case TableId::Code:
    return CodeAir::Name;
  }
  return "?";
}

size_t zkc::circuit::paddedHeight(size_t N) {
  size_t H = 1;
  while (H < N)
    H <<= 1;
  return H;
}

static std::vector<Instruction> withSentinel(std::vector<Instruction> Code) {
  Code.push_back(Instruction{Opcode::Stop, 0, 0, 0, 0});
  return Code;
}

ZvmCircuit::ZvmCircuit(std::vector<Instruction> Code, std::vector<Word> Pool,
                       PublicInputs Env, PublicOutputs Out)
    : Program(withSentinel(std::move(Code)), std::move(Pool)),
      Cpu(Program.code().size() - 1), Output(std::move(Out)),
      CdLoad(Env.Calldata.size()),
      StoragePublic(Env.Storage, Output.outputs().Storage,
                    Output.outputs().Reverted),
      Log(Output.outputs().Reverted), LogData(Output.outputs().Logs),
      LogPublic(Output.outputs().Logs), Env(Env), Calldata(Env.Calldata),
      Copy(Env.Calldata.size(), Env.Code.size()), CodeBytes(Env.Code) {
  forEachTable([this](TableId T, const auto &Air) {
    Preprocessed[static_cast<unsigned>(T)] = Air.preprocessedTrace();
  });
}

/// Register timestamps are 4 cycle + 4 at most and their differences are
/// range checked as two 16-bit limbs.
static constexpr uint64_t MaxCycles = 1ull << 30;

llvm::Error zkc::circuit::checkSupported(const vm::Trace &T) {
  llvm::SmallVector<llvm::StringRef, 8> Unsupported;
  bool Seen[256] = {};
  for (const vm::TraceStep &S : T.Steps) {
    uint8_t Op = static_cast<uint8_t>(S.Instr.Op);
    if (cpuOpInfo(S.Instr.Op).Supported || Seen[Op])
      continue;
    Seen[Op] = true;
    const std::string_view M = getInstrInfo(S.Instr.Op).Mnemonic;
    Unsupported.push_back(llvm::StringRef(M.data(), M.size()));
  }
  auto Fail = [](const llvm::Twine &What) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "unsupported by the circuit: " + What);
  };
  if (!Unsupported.empty())
    return Fail(llvm::join(Unsupported, ", "));
  // The heap table takes the address as base + sext(imm) over the integers
  // (CpuAir.h): a base of 2^32 or more only reaches the heap by wrapping.
  for (const vm::TraceStep &S : T.Steps)
    if (cpuOpInfo(S.Instr.Op).IsHeap && !(S.In[0] < Word(1ull << 32)))
      return Fail("a heap address from a base register of 2^32 or more (at "
                  "pc " +
                  llvm::Twine(S.Pc) + ")");
  // cdload's address is base + sext(imm) over the integers, taken in
  // [0, 2^32) (CalldataAir.h); others wrap around 2^256.
  for (const vm::TraceStep &S : T.Steps) {
    if (S.Instr.Op != Opcode::CdLoad)
      continue;
    int64_t Addr =
        static_cast<int64_t>(S.In[0].low()) + static_cast<int32_t>(S.Instr.Imm);
    if (!(S.In[0] < Word(1ull << 32)) || Addr < 0 || Addr >= (1ll << 32))
      return Fail("a calldata address outside [0, 2^32) (at pc " +
                  llvm::Twine(S.Pc) + ")");
  }
  // keccak256's start and length are taken below 2^32 (CpuAir.h); a longer
  // range traps, but an empty one may start anywhere.
  for (const vm::TraceStep &S : T.Steps)
    if (S.Instr.Op == Opcode::Keccak256 &&
        (!(S.In[0] < Word(1ull << 32)) || !(S.In[1] < Word(1ull << 32))))
      return Fail("a keccak256 range with a start or length of 2^32 or more "
                  "(at pc " +
                  llvm::Twine(S.Pc) + ")");
  // A log's range is taken below 2^32, ending within the heap (LogAir.h):
  // a longer one traps, but an empty one may start anywhere.
  for (size_t I = 0; I < T.Steps.size(); ++I) {
    if (!cpuOpInfo(T.Steps[I].Instr.Op).IsLog)
      continue;
    std::vector<Word> Block = logBlock(T, I);
    if (Block.size() < 2 || !(Block[0] < Word(HeapLimit + 1)) ||
        !(Block[1] < Word(HeapLimit + 1)) ||
        Block[0].low() + Block[1].low() > HeapLimit)
      return Fail("a log range the circuit cannot express (at pc " +
                  llvm::Twine(T.Steps[I].Pc) + ")");
  }
  // Stack addresses are base + sext(imm) over the integers (CpuAir.h), and
  // spaddr's result below 2^32.
  for (const vm::TraceStep &S : T.Steps) {
    const CpuOpInfo &Info = cpuOpInfo(S.Instr.Op);
    if (Info.IsStack && !Info.StackSpRel && !(S.In[0] < Word(1ull << 32)))
      return Fail("a stack address from a base register of 2^32 or more (at "
                  "pc " +
                  llvm::Twine(S.Pc) + ")");
    if (Info.IsSpAddr &&
        static_cast<int64_t>(S.Sp) + static_cast<int32_t>(S.Instr.Imm) < 0)
      return Fail("a negative spaddr result (at pc " + llvm::Twine(S.Pc) + ")");
  }
  // A copy's destination, source and length are taken below 2^32
  // (CpuAir.h): a longer copy traps, but an empty one may name anything.
  for (const vm::TraceStep &S : T.Steps)
    if (cpuOpInfo(S.Instr.Op).IsCopy &&
        (!(S.In[0] < Word(1ull << 32)) || !(S.In[1] < Word(1ull << 32)) ||
         !(S.In[2] < Word(1ull << 32))))
      return Fail("a copy with a destination, source or length of 2^32 or "
                  "more (at pc " +
                  llvm::Twine(S.Pc) + ")");
  // mcopy reads and writes at one heap timestamp, so no byte can be both
  // (CopyAir.h): ranges that overlap, but onto themselves, are not
  // provable.
  for (const vm::TraceStep &S : T.Steps) {
    if (S.Instr.Op != Opcode::MCopy || S.In[2].isZero() || S.In[0] == S.In[1])
      continue;
    uint64_t Dst = S.In[0].low(), Src = S.In[1].low(), Len = S.In[2].low();
    if (Dst < Src + Len && Src < Dst + Len)
      return Fail("an mcopy whose ranges overlap (at pc " + llvm::Twine(S.Pc) +
                  ")");
  }
  // The heap size grows over one range per row (CpuAir.h), a copy's
  // destination: an mcopy whose source ends beyond both the heap and its
  // destination grows the heap further, which the circuit does not say.
  uint64_t HeapWords = 0;
  for (size_t I = 0; I < T.Steps.size(); ++I) {
    const vm::TraceStep &S = T.Steps[I];
    auto [Start, Len] = heapRangeTouched(T, I, S.In[0], S.In[1], S.In[2]);
    if (Len)
      HeapWords = std::max(HeapWords, (Start + Len + 31) / 32);
    if (S.Instr.Op == Opcode::MCopy && !S.In[2].isZero() &&
        (S.In[1].low() + S.In[2].low() + 31) / 32 > HeapWords)
      return Fail("an mcopy whose source range grows the heap (at pc " +
                  llvm::Twine(S.Pc) + ")");
  }
  if (T.Steps.empty())
    return Fail("an execution of no cycles");
  if (T.Steps.size() > MaxCycles)
    return Fail("an execution of more than 2^30 cycles");
  // With calls unsupported there is one context; an execution that does not
  // end in `stop`, `return` or `revert` trapped (out of gas: gas is not in
  // the circuit yet).
  const vm::TraceStep &Last = T.Steps.back();
  if (!cpuOpInfo(Last.Instr.Op).IsStop) {
    const std::string_view M = getInstrInfo(Last.Instr.Op).Mnemonic;
    return Fail("an execution ending in a trap (at pc " + llvm::Twine(Last.Pc) +
                ", " + llvm::StringRef(M.data(), M.size()) + ")");
  }
  // The CPU takes a returned range's start and length below 2^32 (CpuAir.h):
  // a longer range traps, but an empty one may start anywhere. A range
  // ending beyond the heap limit traps at the return itself.
  if (Last.Instr.Op != Opcode::Stop) {
    if (!(Last.In[1] < Word(1ull << 32)) ||
        (!Last.In[1].isZero() &&
         (!(Last.In[0] < Word(1ull << 32)) ||
          Last.In[0].low() + Last.In[1].low() > (1ull << 28))))
      return Fail("an execution ending in a trap (at pc " +
                  llvm::Twine(Last.Pc) +
                  ", a returned range beyond the heap "
                  "limit)");
    if (!(Last.In[0] < Word(1ull << 32)))
      return Fail("an empty returned range starting at 2^32 or more (at pc " +
                  llvm::Twine(Last.Pc) + ")");
  }
  return llvm::Error::success();
}

namespace {

/// Counts what the CPU, ALU and register tables send to the lookup tables.
class LookupCounter final : public RowSink {
public:
  LookupCounter(const ZvmCircuit &C, CircuitTrace &T)
      : Program(C.preprocessed(TableId::Program)),
        Env(C.preprocessed(TableId::Environment)),
        Calldata(C.preprocessed(TableId::Calldata)),
        ProgramMult(T[TableId::Program]), RangeMult(T[TableId::Range16]),
        ByteMult(T[TableId::Byte]), EnvMult(T[TableId::Environment]),
        CalldataMult(T[TableId::Calldata]), Code(C.preprocessed(TableId::Code)),
        CodeMult(T[TableId::Code]) {}

  void constraintFailed(const char *, size_t) override {}
  void interaction(Bus B, Felt Mult, const Tuple<Felt> &T, bool IsSend,
                   size_t) override {
    if (!IsSend)
      return;
    switch (B) {
    case Bus::Program: {
      uint64_t Pc = T[0].value();
      if (Pc >= Program.Height)
        return;
      for (unsigned I = 0; I < T.size(); ++I)
        if (Program.at(Pc, I) != T[I])
          return;
      ProgramMult.at(Pc, 0) += Mult;
      return;
    }
    case Bus::Env:
      for (size_t R = 0; R < Env.Height; ++R) {
        bool Same = true;
        for (unsigned I = 0; I < T.size() && Same; ++I)
          Same = Env.at(R, I) == T[I];
        if (Same) {
          EnvMult.at(R, 0) += Mult;
          return;
        }
      }
      return;
    case Bus::Calldata:
      if (T[0].value() < Calldata.Height &&
          Calldata.at(T[0].value(), 1) == T[1])
        CalldataMult.at(T[0].value(), 0) += Mult;
      return;
    case Bus::Code:
      if (T[0].value() < Code.Height && Code.at(T[0].value(), 1) == T[1])
        CodeMult.at(T[0].value(), 0) += Mult;
      return;
    case Bus::Range16:
      if (T[0].value() < RangeAir::Height)
        RangeMult.at(T[0].value(), 0) += Mult;
      return;
    case Bus::Byte: {
      uint64_t Op = T[0].value(), X = T[1].value(), Y = T[2].value(),
               Z = T[3].value();
      if (X > 255 || Y > 255)
        return;
      unsigned Col;
      uint64_t Expected;
      if (Op == static_cast<uint8_t>(Opcode::And)) {
        Col = 0;
        Expected = X & Y;
      } else if (Op == static_cast<uint8_t>(Opcode::Or)) {
        Col = 1;
        Expected = X | Y;
      } else if (Op == static_cast<uint8_t>(Opcode::Xor)) {
        Col = 2;
        Expected = X ^ Y;
      } else {
        return;
      }
      if (Z == Expected)
        ByteMult.at(256 * X + Y, Col) += Mult;
      return;
    }
    default:
      return;
    }
  }

private:
  const Matrix &Program, &Env, &Calldata;
  Matrix &ProgramMult, &RangeMult, &ByteMult, &EnvMult, &CalldataMult;
  const Matrix &Code;
  Matrix &CodeMult;
};

static_assert(ProgramAir::Width == 1 && EnvAir::Width == 1 &&
                  RangeAir::Width == 1 && CalldataAir::Width == 1 &&
                  CodeAir::Width == 1,
              "lookup tables but byte have one main column, the multiplicity");

constexpr TableId LookupTables[] = {TableId::Program,  TableId::Environment,
                                    TableId::Calldata, TableId::Range16,
                                    TableId::Byte,     TableId::Code};

bool isLookupTable(TableId T) { return llvm::is_contained(LookupTables, T); }

} // namespace

void zkc::circuit::fillLookupMultiplicities(const ZvmCircuit &C,
                                            CircuitTrace &T) {
  for (TableId L : LookupTables)
    std::fill(T[L].Values.begin(), T[L].Values.end(), Felt());
  LookupCounter Counter(C, T);
  DebugConstraintChecker Checker(Counter);
  C.forEachTable([&](TableId Id, const auto &Air) {
    if (!isLookupTable(Id))
      Checker.run(Air, T[Id], C.preprocessed(Id));
  });
}

llvm::Expected<CircuitTrace>
zkc::circuit::generateCircuitTrace(const ZvmCircuit &C, const vm::Trace &T) {
  if (llvm::Error E = checkSupported(T))
    return std::move(E);
  return buildCircuitTrace(C, T);
}

CircuitTrace zkc::circuit::buildCircuitTrace(const ZvmCircuit &C,
                                             const vm::Trace &T) {
  CircuitTrace Out;
  Out.Cycles = T.Steps.size();
  CpuEvents Events;
  Out[TableId::Cpu] = generateCpuTrace(T, Events, C.Program.code().size() - 1);
  Out[TableId::AddSub] = generateAddSubTrace(Events.AddSub);
  // The storage boundary asks the lt table to order its keys.
  generateStorageTraces(Events.Storage, C.StoragePublic, Out[TableId::Storage],
                        Out[TableId::StorageBoundary],
                        Out[TableId::StoragePublic], Events.Lt);
  Out[TableId::Lt] = generateLtTrace(Events.Lt);
  Out[TableId::Eq] = generateEqTrace(Events.Eq);
  Out[TableId::Bitwise] = generateBitwiseTrace(Events.Bitwise);
  // exp asks the mul table for its squares and products.
  Out[TableId::Exp] = generateExpTrace(Events.Exp, Events.Mul);
  Out[TableId::Mul] = generateMulTrace(Events.Mul);
  std::vector<WideMulEvent> WideMul;
  Out[TableId::DivMod] = generateDivModTrace(Events.DivMod, WideMul);
  Out[TableId::Shift] = generateShiftTrace(Events.Shift, WideMul);
  Out[TableId::ByteOp] = generateByteOpTrace(Events.ByteOp);
  Out[TableId::Select] = generateSelectTrace(Events.Select);
  Out[TableId::ModArith] = generateModArithTrace(Events.ModArith, WideMul);
  Out[TableId::WideMul] = generateWideMulTrace(WideMul);
  generateRegisterTraces(Events.Registers, Out[TableId::Registers],
                         Out[TableId::RegisterBoundary]);
  // Logs, whose published data bytes are heap reads.
  std::vector<LogByteRead> LogReads;
  Out[TableId::Log] =
      generateLogTrace(T, !C.Output.outputs().Reverted, LogReads);
  Out[TableId::LogData] =
      Matrix(LogDataAir::Width, C.preprocessed(TableId::LogData).Height);
  const Matrix &PublicLogs = C.preprocessed(TableId::LogPublic);
  Out[TableId::LogPublic] = Matrix(LogPublicAir::Width, PublicLogs.Height);
  for (size_t R = 0; R < PublicLogs.Height; ++R)
    Out[TableId::LogPublic].at(R, 0) = PublicLogs.at(R, 0);
  // The bytes each copy writes: the public calldata's or code's, zero past
  // the end.
  for (CopyEvent &Ev : Events.Copies) {
    if (Ev.Op == Opcode::MCopy)
      continue; // the heap's, which generateHeapTraces reads
    const std::vector<uint8_t> &Source =
        Ev.Op == Opcode::CodeCopy ? C.CodeBytes.data() : C.Calldata.data();
    Ev.Bytes.assign(Ev.Len, 0);
    for (uint64_t I = 0; I < Ev.Len && Ev.Src + I < Source.size(); ++I)
      Ev.Bytes[I] = Source[Ev.Src + I];
  }
  generateHeapTraces(Events.Heap, Events.Keccak, Events.Halt,
                     Out[TableId::Heap], Out[TableId::HeapBoundary],
                     Out[TableId::Output], LogReads, Out[TableId::LogData],
                     Events.Copies);
  Out.UsedRows[static_cast<unsigned>(TableId::Cpu)] = T.Steps.size();
  Out.UsedRows[static_cast<unsigned>(TableId::AddSub)] = Events.AddSub.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Lt)] = Events.Lt.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Eq)] = Events.Eq.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Bitwise)] = Events.Bitwise.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Mul)] = Events.Mul.size();
  Out.UsedRows[static_cast<unsigned>(TableId::DivMod)] = Events.DivMod.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Shift)] = Events.Shift.size();
  Out.UsedRows[static_cast<unsigned>(TableId::ByteOp)] = Events.ByteOp.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Select)] = Events.Select.size();
  size_t ExpRows = 0;
  for (size_t R = 0; R < Out[TableId::Exp].Height; ++R)
    ExpRows += !Out[TableId::Exp].at(R, 0).isZero();
  Out.UsedRows[static_cast<unsigned>(TableId::Exp)] = ExpRows;
  Out.UsedRows[static_cast<unsigned>(TableId::ModArith)] =
      Events.ModArith.size();
  Out.UsedRows[static_cast<unsigned>(TableId::WideMul)] = WideMul.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Registers)] =
      Events.Registers.size();
  size_t Cells = 0;
  for (size_t R = 0; R < Out[TableId::RegisterBoundary].Height; ++R)
    Cells += !Out[TableId::RegisterBoundary].at(R, 0).isZero();
  Out.UsedRows[static_cast<unsigned>(TableId::RegisterBoundary)] = Cells;
  Out.UsedRows[static_cast<unsigned>(TableId::Heap)] = Events.Heap.size();
  size_t Bytes = 0;
  for (size_t R = 0; R < Out[TableId::HeapBoundary].Height; ++R)
    Bytes += !Out[TableId::HeapBoundary].at(R, 0).isZero();
  Out.UsedRows[static_cast<unsigned>(TableId::HeapBoundary)] = Bytes;
  generateStackTraces(Events.Stack, Out[TableId::Stack],
                      Out[TableId::StackBoundary]);
  Out.UsedRows[static_cast<unsigned>(TableId::Stack)] = Events.Stack.size();
  size_t StackBytes = 0;
  for (size_t R = 0; R < Out[TableId::StackBoundary].Height; ++R)
    StackBytes += !Out[TableId::StackBoundary].at(R, 0).isZero();
  Out.UsedRows[static_cast<unsigned>(TableId::StackBoundary)] = StackBytes;
  Out[TableId::CdLoad] =
      generateCdLoadTrace(Events.CdLoad, C.Calldata.data().size());
  Out.UsedRows[static_cast<unsigned>(TableId::CdLoad)] = Events.CdLoad.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Storage)] = Events.Storage.size();
  size_t Slots = 0;
  for (size_t R = 0; R < Out[TableId::StorageBoundary].Height; ++R)
    Slots += !Out[TableId::StorageBoundary].at(R, 0).isZero();
  Out.UsedRows[static_cast<unsigned>(TableId::StorageBoundary)] = Slots;
  Out.UsedRows[static_cast<unsigned>(TableId::StoragePublic)] =
      C.StoragePublic.postState().size();
  size_t Logs = 0;
  for (const vm::TraceStep &S : T.Steps)
    Logs += cpuOpInfo(S.Instr.Op).IsLog;
  Out.UsedRows[static_cast<unsigned>(TableId::Log)] = Logs;
  size_t LogBytes = 0;
  for (const PublicLog &L : C.Output.outputs().Logs)
    LogBytes += L.Data.size();
  Out.UsedRows[static_cast<unsigned>(TableId::LogData)] = LogBytes;
  Out.UsedRows[static_cast<unsigned>(TableId::LogPublic)] =
      C.Output.outputs().Logs.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Output)] =
      std::max<uint64_t>(Events.Halt.Length, 1);
  // keccak256: the sponge's blocks, then the permutations they ask for.
  std::vector<KeccakFEvent> Perms;
  Out[TableId::KeccakSponge] = generateKeccakSpongeTrace(Events.Keccak, Perms);
  Out[TableId::KeccakF] = generateKeccakFTrace(Perms);
  Out.UsedRows[static_cast<unsigned>(TableId::KeccakSponge)] = Perms.size();
  Out.UsedRows[static_cast<unsigned>(TableId::KeccakF)] =
      keccak::Period * Perms.size();
  Out[TableId::Copy] = generateCopyTrace(
      Events.Copies, C.Calldata.data().size(), C.CodeBytes.data().size(),
      &Out.UsedRows[static_cast<unsigned>(TableId::Copy)]);

  // The lookup tables are as high as their fixed columns.
  for (TableId L : LookupTables) {
    const Matrix &Pre = C.preprocessed(L);
    size_t Width = L == TableId::Byte ? ByteAir::Width : size_t(1);
    Out[L] = Matrix(Width, Pre.Height);
    Out.UsedRows[static_cast<unsigned>(L)] =
        L == TableId::Program ? C.Program.code().size()
        : L == TableId::Code  ? C.CodeBytes.data().size()
                              : Pre.Height;
  }
  fillLookupMultiplicities(C, Out);
  return Out;
}

PublicInputs zkc::circuit::environmentOf(const vm::Emulator &E,
                                         const vm::Transaction &Tx,
                                         const Word &Recipient) {
  PublicInputs In;
  In[Opcode::Address] = Recipient;
  In[Opcode::Origin] = Tx.Origin.value_or(Tx.From);
  In[Opcode::Caller] = Tx.From;
  In[Opcode::CallValue] = Tx.Value;
  In[Opcode::GasPrice] = Tx.GasPrice;
  In[Opcode::Coinbase] = E.Block.Coinbase;
  In[Opcode::Timestamp] = E.Block.Timestamp;
  In[Opcode::Number] = E.Block.Number;
  In[Opcode::PrevRandao] = E.Block.PrevRandao;
  In[Opcode::GasLimit] = E.Block.GasLimit;
  In[Opcode::ChainId] = E.Block.ChainId;
  In[Opcode::BaseFee] = E.Block.BaseFee;
  In[Opcode::BlobBaseFee] = E.Block.BlobBaseFee;
  In[Opcode::CdSize] = Word(uint64_t(Tx.Data.size()));
  In.Calldata = Tx.Data;
  In[Opcode::SelfBalance] = Tx.Value;
  if (const vm::Account *A = E.State.find(Recipient)) {
    In[Opcode::SelfBalance] = A->Balance + Tx.Value;
    if (A->Code) {
      In[Opcode::CodeSize] = Word(uint64_t(A->Code->size()));
      In.Code = *A->Code;
    }
    In.Storage.insert(A->Storage.begin(), A->Storage.end());
  }
  return In;
}

std::map<Word, Word> zkc::circuit::storagePostState(const vm::Emulator &E,
                                                    const vm::Trace &T,
                                                    const Word &Recipient) {
  std::map<Word, Word> Post;
  for (const vm::MemoryAccess &A : T.Accesses)
    if (A.Where == vm::Space::Storage && A.Account == Recipient)
      Post[A.Address] = E.getStorage(Recipient, A.Address);
  return Post;
}

PublicOutputs zkc::circuit::publicOutputsOf(const vm::Emulator &E,
                                            const vm::Trace &T,
                                            const vm::TxResult &R,
                                            const Word &Recipient) {
  PublicOutputs Out{R.Result.S == vm::Status::Revert, R.Result.Output,
                    storagePostState(E, T, Recipient)};
  for (const vm::Log &L : R.Logs)
    Out.Logs.push_back({L.Topics, L.Data});
  return Out;
}
