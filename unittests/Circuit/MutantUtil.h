//===-- MutantUtil.h - Malicious witnesses made to order --------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A traced run whose tables a test corrupts, with the accessors that keep a
// corruption consistent (a cell changed together with what it sends), and
// the description of one mutation: the constraint (or bus) that alone must
// reject it.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_UNITTESTS_CIRCUIT_MUTANTUTIL_H
#define ZKC_UNITTESTS_CIRCUIT_MUTANTUTIL_H

#include "CircuitTestUtil.h"

#include <functional>

namespace zkc::test {

using namespace zkc::circuit;

using Limbs = std::array<Felt, NumLimbs>;

inline Limbs limbs(const Word &W) {
  Limbs L;
  writeLimbs(W, L.data());
  return L;
}

inline const Word X(0x1234567890abcdefull, 0x1111, 0x2222, 0x3333);
inline const Word Y(0x9999, 5, 6, 7);
/// p + 1, which a limb chain with carries that are not bits confuses with 1.
inline const Word GoldilocksPlusOne(0xffffffff00000002ull);

/// The standard program: every supported operation once, results never read
/// again, and two pairs of identical instructions (20/21, 22/23) that let a
/// malicious pc land on either.
inline std::vector<Instruction> standardProgram() {
  return {
      ins(Opcode::Ldc, 1, 0, 0, 0),       // 0  r1 = X
      ins(Opcode::Ldc, 2, 0, 0, 1),       // 1  r2 = Y
      ins(Opcode::Add, 3, 1, 2),          // 2
      ins(Opcode::Sub, 4, 1, 2),          // 3
      ins(Opcode::Lt, 5, 1, 2),           // 4
      ins(Opcode::Gt, 6, 1, 2),           // 5
      ins(Opcode::Eq, 7, 1, 2),           // 6
      ins(Opcode::IsZero, 8, 1),          // 7
      ins(Opcode::And, 9, 1, 2),          // 8
      ins(Opcode::Or, 10, 1, 2),          // 9
      ins(Opcode::Xor, 11, 1, 2),         // 10
      ins(Opcode::Not, 12, 1),            // 11
      ins(Opcode::Mov, 13, 1),            // 12
      ins(Opcode::Li, 14, 0, 0, 0x10000), // 13
      ins(Opcode::Li, 15, 0, 0, ~0u),     // 14
      ins(Opcode::Eq, 16, 1, 1),          // 15
      ins(Opcode::Add, 17, 20, 21),       // 16 add(0, 0)
      ins(Opcode::Add, 18, 1, 22),        // 17 add(X, 0)
      ins(Opcode::Lt, 19, 1, 0),          // 18 lt(X, 0)
      ins(Opcode::Jz, 1, 0, 0, 21),       // 19 not taken
      ins(Opcode::Jmp, 0, 0, 0, 22),      // 20
      ins(Opcode::Jmp, 0, 0, 0, 22),      // 21
      ins(Opcode::Stop),                  // 22
      ins(Opcode::Stop),                  // 23
  };
}

/// A run to corrupt, with the accessors mutations need.
struct Mutant : CircuitRun {
  explicit Mutant(std::vector<Instruction> Code = standardProgram(),
                  const std::map<Word, Word> &Storage = {})
      : CircuitRun(std::move(Code), {X, Y, -X, GoldilocksPlusOne}, {},
                   Storage) {}

  template <template <class> class Cols> Cols<Felt> &row(TableId T, size_t R) {
    EXPECT_LT(R, this->T[T].Height);
    return viewRowMut<Cols>(this->T[T].row(R));
  }
  CpuCols<Felt> &cpu(size_t R) { return row<CpuCols>(TableId::Cpu, R); }
  void setSel(size_t R, Opcode Op, Felt V) {
    cpu(R).Sel[CpuSelectorIndex[static_cast<uint8_t>(Op)]] = V;
  }

  static TableId aluTableOf(Opcode AluOp) {
    switch (AluOp) {
    case Opcode::Add:
    case Opcode::Sub:
      return TableId::AddSub;
    case Opcode::Lt:
    case Opcode::Gt:
    case Opcode::SLt:
    case Opcode::SGt:
      return TableId::Lt;
    case Opcode::Eq:
    case Opcode::IsZero:
      return TableId::Eq;
    case Opcode::Mul:
      return TableId::Mul;
    case Opcode::Div:
    case Opcode::SDiv:
    case Opcode::Mod:
    case Opcode::SMod:
      return TableId::DivMod;
    case Opcode::Shl:
    case Opcode::Shr:
    case Opcode::Sar:
    case Opcode::Clz:
      return TableId::Shift;
    case Opcode::Byte:
    case Opcode::ByteI:
    case Opcode::SignExtend:
    case Opcode::SignExtendI:
      return TableId::ByteOp;
    default:
      return TableId::Bitwise;
    }
  }
  /// The ALU row answering CPU row R.
  size_t aluRow(size_t R) {
    const CpuOpInfo &Mine = cpuOpInfo(Run.T.Steps[R].Instr.Op);
    size_t N = 0;
    for (size_t K = 0; K < R; ++K) {
      const CpuOpInfo &I = cpuOpInfo(Run.T.Steps[K].Instr.Op);
      N += I.UsesAlu && aluTableOf(I.AluOp) == aluTableOf(Mine.AluOp);
    }
    return N;
  }
  /// The register access row with timestamp Ts.
  RegisterAccessCols<Felt> &access(uint64_t Ts) {
    const Matrix &M = T[TableId::Registers];
    for (size_t R = 0; R < M.Height; ++R)
      if (M.at(R, 2) == Felt(Ts) && !M.at(R, 0).isZero())
        return row<RegisterAccessCols>(TableId::Registers, R);
    ADD_FAILURE() << "no access at " << Ts;
    return row<RegisterAccessCols>(TableId::Registers, 0);
  }
  RegisterBoundaryCols<Felt> &boundary(uint64_t Addr) {
    const Matrix &M = T[TableId::RegisterBoundary];
    for (size_t R = 0; R < M.Height; ++R)
      if (M.at(R, 1) == Felt(Addr) && !M.at(R, 0).isZero())
        return row<RegisterBoundaryCols>(TableId::RegisterBoundary, R);
    ADD_FAILURE() << "no boundary row for " << Addr;
    return row<RegisterBoundaryCols>(TableId::RegisterBoundary, 0);
  }

  /// Changes the value CPU row R writes, where it is written and the final
  /// state of the register (results of the standard program are not read
  /// again).
  void setOut(size_t R, const Limbs &V) {
    CpuCols<Felt> &C = cpu(R);
    std::copy(V.begin(), V.end(), C.Out);
    RegisterAccessCols<Felt> &W = access(4 * R + 4);
    std::copy(V.begin(), V.end(), W.Value);
    RegisterBoundaryCols<Felt> &B = boundary(W.Addr.value());
    if (B.FinalTs == W.Ts)
      std::copy(V.begin(), V.end(), B.FinalValue);
  }

  /// Replaces row R of an ALU table with the row generated for Ev.
  void setAluRow(TableId Table, size_t R, const AluEvent &Ev) {
    std::vector<AluEvent> One = {Ev};
    Matrix M = Table == TableId::Mul      ? generateMulTrace(One)
               : Table == TableId::AddSub ? generateAddSubTrace(One)
               : Table == TableId::Lt     ? generateLtTrace(One)
               : Table == TableId::Eq     ? generateEqTrace(One)
                                          : generateBitwiseTrace(One);
    std::copy(M.row(0), M.row(0) + M.Width, T[Table].row(R));
  }
  void clearRow(TableId Table, size_t R) {
    std::fill(T[Table].row(R), T[Table].row(R) + T[Table].Width, Felt());
    // Padding rows of these tables are operations on zeros with no flag.
    std::vector<WideMulEvent> Unused;
    Matrix Pad = Table == TableId::DivMod   ? generateDivModTrace({}, Unused)
                 : Table == TableId::Shift  ? generateShiftTrace({}, Unused)
                 : Table == TableId::ByteOp ? generateByteOpTrace({})
                 : Table == TableId::Select ? generateSelectTrace({})
                 : Table == TableId::ModArith
                     ? generateModArithTrace({}, Unused)
                     : Matrix();
    if (Pad.Height)
      std::copy(Pad.row(0), Pad.row(0) + Pad.Width, T[Table].row(R));
    if (Table == TableId::Eq)
      viewRowMut<EqCols>(T[Table].row(R)).Out = Felt(1u);
  }
  /// Doubles a table's height with padding rows.
  void grow(TableId Table) {
    Matrix &M = T[Table];
    size_t Old = M.Height;
    M.Height *= 2;
    M.Values.resize(M.Width * M.Height);
    for (size_t R = Old; R < M.Height; ++R)
      clearRow(Table, R);
  }

  /// Rebuilds both register tables from their accesses as Edit changes
  /// them (an honest memory for a corrupted list of accesses).
  void rebuildRegisters(
      const std::function<void(std::vector<RegisterEvent> &)> &Edit) {
    std::vector<RegisterEvent> Events;
    const Matrix &A = T[TableId::Registers];
    for (size_t R = 0; R < A.Height; ++R) {
      const auto &C = viewRow<RegisterAccessCols>(A.row(R));
      if (C.IsReal.isZero())
        continue;
      Word V;
      for (unsigned I = 0; I < NumLimbs; ++I)
        V.L[I / 4] |= C.Value[I].value() << (16 * (I % 4));
      Events.push_back({C.Addr.value(), C.Ts.value(), !C.IsWrite.isZero(), V});
    }
    Edit(Events);
    generateRegisterTraces(Events, T[TableId::Registers],
                           T[TableId::RegisterBoundary]);
  }

  /// Moves every CPU row from From on Delta cycles later, with the
  /// timestamps of their register accesses.
  void shiftClock(size_t From, uint64_t Delta) {
    for (size_t R = From; R < T[TableId::Cpu].Height; ++R)
      cpu(R).Clk += Felt(Delta);
    const uint64_t First = 4 * From + 1;
    auto Shift = [&](Felt &Ts) {
      if (Ts.value() >= First)
        Ts += Felt(4 * Delta);
    };
    Matrix &A = T[TableId::Registers];
    for (size_t R = 0; R < A.Height; ++R) {
      RegisterAccessCols<Felt> &C = viewRowMut<RegisterAccessCols>(A.row(R));
      if (C.IsReal.isZero())
        continue;
      Shift(C.Ts);
      Shift(C.PrevTs);
      uint64_t D = C.Ts.value() - C.PrevTs.value() - 1;
      C.TsDiffLo = Felt(D & 0xffff);
      C.TsDiffHi = Felt(D >> 16);
    }
    Matrix &B = T[TableId::RegisterBoundary];
    for (size_t R = 0; R < B.Height; ++R) {
      RegisterBoundaryCols<Felt> &C =
          viewRowMut<RegisterBoundaryCols>(B.row(R));
      if (!C.IsReal.isZero())
        Shift(C.FinalTs);
    }
    // The halt's heap timestamp, Clk + 1, as the output table has it.
    Matrix &O = T[TableId::Output];
    for (size_t R = 0; R < O.Height; ++R) {
      OutputCols<Felt> &C = viewRowMut<OutputCols>(O.row(R));
      if (C.Ts.value() >= From + 1)
        C.Ts += Felt(Delta);
      uint64_t D = C.Ts.value() - C.PrevTs.value() - 1;
      C.TsDiffLo = Felt(D & 0xffff);
      C.TsDiffHi = Felt(D >> 16);
    }
  }
};

/// The heap-boundary row of byte Addr.
inline HeapBoundaryCols<Felt> &heapBoundary(Mutant &W, uint64_t Addr) {
  const Matrix &M = W.T[TableId::HeapBoundary];
  for (size_t R = 0; R < M.Height; ++R)
    if (M.at(R, 1) == Felt(Addr) && !M.at(R, 0).isZero())
      return W.row<HeapBoundaryCols>(TableId::HeapBoundary, R);
  ADD_FAILURE() << "no heap boundary row for " << Addr;
  return W.row<HeapBoundaryCols>(TableId::HeapBoundary, 0);
}

/// Replaces W's run with Code's, which traps at its last step, followed by
/// a `stop` at StopPc, as a prover may claim.
inline void runPastATrap(Mutant &W, std::vector<Instruction> Code,
                         uint32_t StopPc) {
  W.Run = runTraced(std::move(Code), {X, Y, -X, GoldilocksPlusOne});
  vm::TraceStep Stop = W.Run.T.Steps.back();
  Stop.Cycle += 1;
  Stop.Pc = StopPc;
  Stop.Instr = ins(Opcode::Stop);
  Stop.NumIn = 0;
  Stop.HasOut = false;
  W.Run.T.Steps.push_back(Stop);
  W.C =
      std::make_unique<ZvmCircuit>(W.Run.Prog.Code, W.Run.Prog.Pool, W.Run.Env);
  W.regenerate();
}

struct Mutation {
  /// The one constraint (or "bus <name>") that must reject it.
  const char *Rejecter;
  const char *What;
  std::function<std::vector<Instruction>()> Program; // null: standard
  std::function<void(Mutant &)> Apply;
};

/// The mutations of the divmod, shift, byteop, select, modarith, exp and
/// wide-mul tables, in ArithSoundnessTest.cpp.
const std::vector<Mutation> &arithMutations();
/// The mutations of the heap tables, in HeapSoundnessTest.cpp.
const std::vector<Mutation> &heapMutations();
/// The mutations of the output table and the halt, in
/// OutputSoundnessTest.cpp.
const std::vector<Mutation> &outputMutations();
/// The mutations of the calldata tables, in CalldataSoundnessTest.cpp.
const std::vector<Mutation> &calldataMutations();
/// The mutations of the keccak tables, in KeccakSoundnessTest.cpp.
const std::vector<Mutation> &keccakMutations();
/// The mutations of the storage tables, in StorageSoundnessTest.cpp.
const std::vector<Mutation> &storageMutations();
/// The mutations of the log tables, in LogSoundnessTest.cpp.
const std::vector<Mutation> &logMutations();
/// The mutations of fcallr, the stack and the heap size, in
/// StackSoundnessTest.cpp.
const std::vector<Mutation> &stackMutations();
/// The mutations of the copy tables, in CopySoundnessTest.cpp.
const std::vector<Mutation> &copyMutations();

} // namespace zkc::test

#endif // ZKC_UNITTESTS_CIRCUIT_MUTANTUTIL_H
