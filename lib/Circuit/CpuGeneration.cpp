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
  case Opcode::Div:
  case Opcode::SDiv:
  case Opcode::Mod:
  case Opcode::SMod:
    return Ev.DivMod;
  case Opcode::Shl:
  case Opcode::Shr:
  case Opcode::Sar:
  case Opcode::Clz:
    return Ev.Shift;
  case Opcode::Exp:
    return Ev.Exp;
  case Opcode::Byte:
  case Opcode::ByteI:
  case Opcode::SignExtend:
  case Opcode::SignExtendI:
    return Ev.ByteOp;
  default:
    return Ev.Bitwise;
  }
}

uint8_t field(const Instruction &I, unsigned F) {
  return F == 0 ? I.A : F == 1 ? I.B : I.C;
}

} // namespace

std::pair<uint64_t, uint64_t>
zkc::circuit::heapRangeTouched(const vm::Trace &T, size_t Step,
                               const Word &In1, const Word &In2,
                               const Word &In3) {
  const vm::TraceStep &S = T.Steps[Step];
  const CpuOpInfo &Info = cpuOpInfo(S.Instr.Op);
  // checkSupported keeps the ranges' starts and lengths below 2^32.
  const Word *In[] = {&In1, &In2, &In3};
  auto Low = [&](unsigned K) { return In[K]->low() & 0xffffffff; };
  if (Info.IsHeap)
    return {Low(0) + static_cast<uint64_t>(static_cast<int64_t>(
                         static_cast<int32_t>(S.Instr.Imm))),
            S.Instr.Op == Opcode::MLoad8 || S.Instr.Op == Opcode::MStore8
                ? 1
                : 32};
  if (Info.IsStop || Info.IsKeccak)
    return {Low(0), Low(1)};
  if (Info.IsCopy) // the destination
    return {Low(0), Low(2)};
  if (Info.IsLog) { // the log table's offset and size, at most 2^28
    std::vector<Word> Block = logBlock(T, Step);
    return {Block[0].low(), Block[1].low()};
  }
  return {0, 0};
}

Matrix zkc::circuit::generateCpuTrace(const vm::Trace &T, CpuEvents &Ev,
                                      uint64_t CodeLength) {
  // The internal call stack, as fcall and fcallr wrote their entries:
  // (pc + 1) + 2^32 fp + 2^64 sp (and fcallr's code bound in bits 96 to 127).
  std::vector<Word> Stack;
  // The heap size in words.
  uint64_t HeapWords = 0;
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
    C.Depth = Felt(Stack.size());
    C.Sp = Felt(S.Sp);
    C.A = Felt(I.A);
    C.B = Felt(I.B);
    C.C = Felt(I.C);
    C.Imm = Felt(I.Imm);
    C.ImmLo = Felt(I.Imm & 0xffff);
    C.ImmHi = Felt(I.Imm >> 16);
    C.ImmSign = Felt(I.Imm >> 31);
    C.Sel[CpuSelectorIndex[static_cast<uint8_t>(I.Op)]] = Felt(1u);

    Word In1, In2, In3, Out;
    unsigned NextIn = 0;
    if (Info.Reads1)
      In1 = S.In[NextIn++];
    if (Info.Reads2)
      In2 = S.In[NextIn++];
    if (Info.ImmValue)
      In2 = sext(I.Imm);
    if (Info.ImmZext)
      In2 = Word(uint64_t(I.Imm));
    if (Info.Reads3)
      In3 = S.In[NextIn++];
    if (Info.Reads3C)
      In3 = S.In[NextIn++];
    if (Info.Writes)
      Out = S.Out;
    else if (Info.UsesAlu)
      Out = branchCondition(Info.AluOp, In1, In2);
    uint64_t Target = I.Imm;
    if (Info.Branch == BranchKind::Register) {
      // The circuit's target is the low 32 bits; the other limbs must be 0.
      // The bound is jr's Out_0, Out_1 and fcallr's Out_6, Out_7.
      Target = In1.L[0] & 0xffffffff;
      Out = Word(CodeLength - 1 - Target);
      if (Info.IsFCall)
        Out = Word(0, (CodeLength - 1 - Target) << 32, 0, 0);
    }
    if (Info.IsFCall) {
      Out.L[0] = uint64_t(S.Pc) + 1 + (uint64_t(S.Fp) << 32);
      Out.L[1] |= S.Sp;
      Ev.Registers.push_back(
          {CallStackBase + Stack.size(), 4 * uint64_t(R) + 4, true, Out});
      Stack.push_back(Out);
    }
    if (Info.Branch == BranchKind::Return) {
      assert(!Stack.empty() && "checkSupported refuses a fret trap");
      In1 = Stack.back();
      Stack.pop_back();
      Ev.Registers.push_back(
          {CallStackBase + Stack.size(), 4 * uint64_t(R) + 1, false, In1});
      Target = In1.L[0] & 0xffffffff;
    }
    writeLimbs(In1, C.In1);
    writeLimbs(In2, C.In2);
    writeLimbs(In3, C.In3);
    writeLimbs(Out, C.Out);

    bool Taken = (Info.Branch == BranchKind::IfOne && Out == Word(1)) ||
                 (Info.Branch == BranchKind::IfZero && Out.isZero());
    C.Taken = Felt(Taken ? 1u : 0u);
    bool Jumps = Taken || Info.Branch == BranchKind::Always ||
                 Info.Branch == BranchKind::Register ||
                 Info.Branch == BranchKind::Return;
    C.NextPc = Felt(Jumps ? Target : uint64_t(S.Pc) + 1);

    if (Info.IsHeap) {
      // The circuit's address is the base's low 32 bits plus sext(imm)
      // (CpuAir.h); checkSupported keeps the base below 2^32, so this is
      // the address the emulator used.
      uint64_t Addr = (In1.low() & 0xffffffff) +
                      static_cast<uint64_t>(
                          static_cast<int64_t>(static_cast<int32_t>(I.Imm)));
      Ev.Heap.push_back({I.Op, uint64_t(R) + 1, Addr, Info.Writes ? Out : In2});
    }
    if (Info.IsStack || Info.IsEnter) {
      // checkSupported keeps a base register below 2^32.
      uint64_t Base = Info.StackSpRel ? S.Sp : In1.low() & 0xffffffff;
      uint64_t Addr = Base + static_cast<uint64_t>(static_cast<int64_t>(
                                 static_cast<int32_t>(I.Imm)));
      uint64_t Size = Info.StackByte ? 1 : 32;
      uint64_t High =
          Info.IsEnter ? StackEnd - S.Sp - I.Imm : S.Sp - Addr - Size;
      uint64_t Low = Info.IsEnter ? 0 : Addr - StackStart;
      C.StackLow[0] = Felt(Low & 0xffff);
      C.StackLow[1] = Felt(Low >> 16);
      C.StackHigh[0] = Felt(High & 0xffff);
      C.StackHigh[1] = Felt(High >> 16);
      if (Info.IsStack) {
        Opcode Op = Info.Writes
                        ? (Info.StackByte ? Opcode::StLoad8 : Opcode::StLoad)
                        : (Info.StackByte ? Opcode::StStore8 : Opcode::StStore);
        const Word &V = Info.Writes ? Out : Info.StackSpRel ? In1 : In2;
        Ev.Stack.push_back({Op, uint64_t(R) + 1, Addr, V});
      }
    }
    // The heap range the row touches, and the heap size it leaves.
    C.HeapWords = Felt(HeapWords);
    auto [TouchStart, TouchLen] = heapRangeTouched(T, R, In1, In2, In3);
    C.TouchStart = Felt(TouchStart);
    C.TouchLen = Felt(TouchLen);
    if (TouchLen) {
      uint64_t EndWords = (TouchStart + TouchLen + 31) / 32;
      bool Grows = EndWords > HeapWords;
      uint64_t Gap = Grows ? EndWords - HeapWords : HeapWords - EndWords;
      C.Touched = Felt(1u);
      C.TouchLenInv = Felt(TouchLen).inverse();
      C.TouchEndWords = Felt(EndWords);
      C.TouchEndRem = Felt(32 * EndWords - TouchStart - TouchLen);
      C.Grows = Felt(Grows ? 1u : 0u);
      C.GrowGapLo = Felt(Gap & 0xffff);
      C.GrowGapHi = Felt(Gap >> 16);
      if (Grows)
        HeapWords = EndWords;
    }
    if (Info.IsCdLoad) {
      // checkSupported keeps the address in [0, 2^32).
      uint64_t Addr = (In1.low() & 0xffffffff) +
                      static_cast<uint64_t>(
                          static_cast<int64_t>(static_cast<int32_t>(I.Imm)));
      Ev.CdLoad.push_back({Addr, Out});
    }
    if (Info.IsKeccak)
      // checkSupported keeps the start and length below 2^32.
      Ev.Keccak.push_back({uint64_t(R) + 1,
                           In1.low() & 0xffffffff,
                           In2.low() & 0xffffffff,
                           Out,
                           {},
                           {}});
    if (Info.IsStorage)
      Ev.Storage.push_back({Info.IsTransient, !Info.Writes, uint64_t(R) + 1,
                            In1, Info.Writes ? Out : In2});
    if (Info.IsCopy)
      // checkSupported keeps the destination, source and length below 2^32.
      Ev.Copies.push_back({I.Op,
                           uint64_t(R) + 1,
                           In1.low() & 0xffffffff,
                           In2.low() & 0xffffffff,
                           In3.low() & 0xffffffff,
                           {},
                           {},
                           {},
                           {}});
    if (Info.IsStop) {
      // The range's low 32 bits: checkSupported keeps both words below 2^32
      // (stop reads nothing, so its range is empty).
      Ev.Halt = {true, Info.IsRevert, uint64_t(R) + 1, In1.low() & 0xffffffff,
                 In2.low() & 0xffffffff};
    }
    if (Info.UsesAlu3)
      (Info.AluOp == Opcode::Select ? Ev.Select : Ev.ModArith)
          .push_back({Info.AluOp, In1, In2, In3, Out});
    else if (Info.UsesAlu)
      aluTable(Ev, Info.AluOp).push_back({Info.AluOp, In1, In2, Out});
    uint64_t Ts = 4 * uint64_t(R);
    if (Info.Reads1)
      Ev.Registers.push_back(
          {S.Fp + uint64_t(field(I, Info.Src1Field)), Ts + 1, false, In1});
    if (Info.Reads2)
      Ev.Registers.push_back(
          {S.Fp + uint64_t(field(I, Info.Src2Field)), Ts + 2, false, In2});
    if (Info.Reads3)
      Ev.Registers.push_back({S.Fp + uint64_t(I.Imm), Ts + 3, false, In3});
    // A log's block, which the log table reads (LogAir.h).
    if (Info.IsLog) {
      std::vector<Word> Block = logBlock(T, R);
      for (size_t K = 0; K < Block.size(); ++K)
        Ev.Registers.push_back(
            {S.Fp + uint64_t(I.A) + K, Ts + 1, false, Block[K]});
    }
    if (Info.Reads3C)
      Ev.Registers.push_back({S.Fp + uint64_t(I.C), Ts + 3, false, In3});
    if (Info.Writes)
      Ev.Registers.push_back({S.Fp + uint64_t(I.A), Ts + 4, true, Out});
  }
  // Padding: only the clock runs on, the window stays where it was, and
  // NextPc follows the zero pc.
  Felt LastFp = N ? Felt(T.Steps.back().Fp) : Felt();
  Felt LastDepth(Stack.size());
  Felt LastSp = N ? Felt(T.Steps.back().Sp) : Felt(StackStart);
  for (size_t R = N; R < M.Height; ++R) {
    CpuCols<Felt> &C = viewRowMut<CpuCols>(M.row(R));
    C.Clk = Felt(R);
    C.Fp = LastFp;
    C.Depth = LastDepth;
    C.Sp = LastSp;
    C.HeapWords = Felt(HeapWords);
    C.NextPc = Felt(1u);
  }
  return M;
}
