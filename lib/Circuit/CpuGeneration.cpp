//===-- CpuGeneration.cpp - The CPU table's trace -------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One CPU row per step of the execution trace, and the requests the rows
// make of the ALU and register tables, in the order the rows make them.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

using namespace zkc;
using namespace zkc::circuit;

namespace {

Word sext(uint32_t Imm) {
  int64_t V = static_cast<int32_t>(Imm);
  uint64_t Hi = V < 0 ? ~0ull : 0;
  return Word(static_cast<uint64_t>(V), Hi, Hi, Hi);
}

/// The result of the comparisons a conditional branch tests.
Word branchCondition(Opcode AluOp, const Word &X, const Word &Y) {
  switch (AluOp) {
  case Opcode::IsZero:
    return Word(X.isZero());
  case Opcode::Eq:
    return Word(X == Y);
  case Opcode::Lt:
    return Word(X < Y);
  case Opcode::SLt:
    return Word(slt(X, Y));
  default:
    assert(false && "not a branch condition");
    return Word();
  }
}

std::vector<AluEvent> &aluTable(CpuEvents &Ev, Opcode AluOp) {
  switch (AluOp) {
  case Opcode::Add:
  case Opcode::Sub:
    return Ev.AddSub;
  case Opcode::Lt:
  case Opcode::Gt:
  case Opcode::SLt:
  case Opcode::SGt:
    return Ev.Lt;
  case Opcode::Eq:
  case Opcode::IsZero:
    return Ev.Eq;
  case Opcode::Mul:
    return Ev.Mul;
  default:
    return Ev.Bitwise;
  }
}

uint8_t field(const Instruction &I, unsigned F) {
  return F == 0 ? I.A : F == 1 ? I.B : I.C;
}

} // namespace

Matrix zkc::circuit::generateCpuTrace(const vm::Trace &T, CpuEvents &Ev) {
  const size_t N = T.Steps.size();
  Matrix M(CpuAir::Width, paddedHeight(N));
  for (size_t R = 0; R < N; ++R) {
    const vm::TraceStep &S = T.Steps[R];
    const Instruction &I = S.Instr;
    const CpuOpInfo &Info = cpuOpInfo(I.Op);
    assert(Info.Supported && "checkSupported lets only supported ops through");
    CpuCols<Felt> &C = viewRowMut<CpuCols>(M.row(R));
    C.IsReal = Felt(1u);
    C.Clk = Felt(R);
    C.Pc = Felt(S.Pc);
    C.Fp = Felt(S.Fp);
    C.A = Felt(I.A);
    C.B = Felt(I.B);
    C.C = Felt(I.C);
    C.Imm = Felt(I.Imm);
    C.ImmLo = Felt(I.Imm & 0xffff);
    C.ImmHi = Felt(I.Imm >> 16);
    C.ImmSign = Felt(I.Imm >> 31);
    C.Sel[CpuSelectorIndex[static_cast<uint8_t>(I.Op)]] = Felt(1u);

    Word In1, In2, Out;
    unsigned NextIn = 0;
    if (Info.Reads1)
      In1 = S.In[NextIn++];
    if (Info.Reads2)
      In2 = S.In[NextIn++];
    if (Info.ImmValue)
      In2 = sext(I.Imm);
    if (Info.Writes)
      Out = S.Out;
    else if (Info.UsesAlu)
      Out = branchCondition(Info.AluOp, In1, In2);
    writeLimbs(In1, C.In1);
    writeLimbs(In2, C.In2);
    writeLimbs(Out, C.Out);

    bool Taken = (Info.Branch == BranchKind::IfOne && Out == Word(1)) ||
                 (Info.Branch == BranchKind::IfZero && Out.isZero());
    C.Taken = Felt(Taken ? 1u : 0u);
    bool Jumps = Taken || Info.Branch == BranchKind::Always;
    C.NextPc = Felt(Jumps ? uint64_t(I.Imm) : uint64_t(S.Pc) + 1);

    if (Info.UsesAlu)
      aluTable(Ev, Info.AluOp).push_back({Info.AluOp, In1, In2, Out});
    uint64_t Ts = 4 * uint64_t(R);
    if (Info.Reads1)
      Ev.Registers.push_back(
          {S.Fp + uint64_t(field(I, Info.Src1Field)), Ts + 1, false, In1});
    if (Info.Reads2)
      Ev.Registers.push_back(
          {S.Fp + uint64_t(field(I, Info.Src2Field)), Ts + 2, false, In2});
    if (Info.Writes)
      Ev.Registers.push_back({S.Fp + uint64_t(I.A), Ts + 3, true, Out});
  }
  // Padding: only the clock runs on, the window stays where it was, and
  // NextPc follows the zero pc.
  Felt LastFp = N ? Felt(T.Steps.back().Fp) : Felt();
  for (size_t R = N; R < M.Height; ++R) {
    CpuCols<Felt> &C = viewRowMut<CpuCols>(M.row(R));
    C.Clk = Felt(R);
    C.Fp = LastFp;
    C.NextPc = Felt(1u);
  }
  return M;
}
