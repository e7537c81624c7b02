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
  case TableId::Registers:
    return RegisterAccessAir::Name;
  case TableId::RegisterBoundary:
    return RegisterBoundaryAir::Name;
  case TableId::Range16:
    return RangeAir::Name;
  case TableId::Byte:
    return ByteAir::Name;
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

ZvmCircuit::ZvmCircuit(std::vector<Instruction> Code, std::vector<Word> Pool)
    : Program(withSentinel(std::move(Code)), std::move(Pool)) {
  forEachTable([this](TableId T, const auto &Air) {
    Preprocessed[static_cast<unsigned>(T)] = Air.preprocessedTrace();
  });
}

/// Register timestamps are 4 cycle + 3 at most and their differences are
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
  if (T.Steps.empty())
    return Fail("an execution of no cycles");
  if (T.Steps.size() > MaxCycles)
    return Fail("an execution of more than 2^30 cycles");
  // With calls unsupported there is one context; an execution that does not
  // end in `stop` trapped (out of gas: gas is not in the circuit yet).
  const vm::TraceStep &Last = T.Steps.back();
  if (Last.Instr.Op != Opcode::Stop) {
    const std::string_view M = getInstrInfo(Last.Instr.Op).Mnemonic;
    return Fail("an execution ending in a trap (at pc " + llvm::Twine(Last.Pc) +
                ", " + llvm::StringRef(M.data(), M.size()) + ")");
  }
  return llvm::Error::success();
}

namespace {

/// Counts what the CPU, ALU and register tables send to the lookup tables.
class LookupCounter final : public RowSink {
public:
  LookupCounter(const ZvmCircuit &C, CircuitTrace &T)
      : Program(C.preprocessed(TableId::Program)),
        ProgramMult(T[TableId::Program]), RangeMult(T[TableId::Range16]),
        ByteMult(T[TableId::Byte]) {}

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
  const Matrix &Program;
  Matrix &ProgramMult, &RangeMult, &ByteMult;
};

bool isLookupTable(TableId T) {
  return T == TableId::Program || T == TableId::Range16 || T == TableId::Byte;
}

} // namespace

void zkc::circuit::fillLookupMultiplicities(const ZvmCircuit &C,
                                            CircuitTrace &T) {
  for (TableId L : {TableId::Program, TableId::Range16, TableId::Byte})
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
  Out[TableId::Cpu] = generateCpuTrace(T, Events);
  Out[TableId::AddSub] = generateAddSubTrace(Events.AddSub);
  Out[TableId::Lt] = generateLtTrace(Events.Lt);
  Out[TableId::Eq] = generateEqTrace(Events.Eq);
  Out[TableId::Bitwise] = generateBitwiseTrace(Events.Bitwise);
  Out[TableId::Mul] = generateMulTrace(Events.Mul);
  generateRegisterTraces(Events.Registers, Out[TableId::Registers],
                         Out[TableId::RegisterBoundary]);
  Out.UsedRows[static_cast<unsigned>(TableId::Cpu)] = T.Steps.size();
  Out.UsedRows[static_cast<unsigned>(TableId::AddSub)] = Events.AddSub.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Lt)] = Events.Lt.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Eq)] = Events.Eq.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Bitwise)] = Events.Bitwise.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Mul)] = Events.Mul.size();
  Out.UsedRows[static_cast<unsigned>(TableId::Registers)] =
      Events.Registers.size();
  size_t Cells = 0;
  for (size_t R = 0; R < Out[TableId::RegisterBoundary].Height; ++R)
    Cells += !Out[TableId::RegisterBoundary].at(R, 0).isZero();
  Out.UsedRows[static_cast<unsigned>(TableId::RegisterBoundary)] = Cells;

  // The lookup tables are as high as their fixed columns.
  for (TableId L : {TableId::Program, TableId::Range16, TableId::Byte}) {
    const Matrix &Pre = C.preprocessed(L);
    size_t Width = L == TableId::Program   ? ProgramAir::Width
                   : L == TableId::Range16 ? RangeAir::Width
                                           : ByteAir::Width;
    Out[L] = Matrix(Width, Pre.Height);
    Out.UsedRows[static_cast<unsigned>(L)] =
        L == TableId::Program ? C.Program.code().size() : Pre.Height;
  }
  fillLookupMultiplicities(C, Out);
  return Out;
}
