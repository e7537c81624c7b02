//===-- SoundnessTest.cpp - Malicious witnesses are rejected --------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Each mutation turns an honest witness into a malicious one that stays
// consistent: whatever a changed cell is sent on a bus is changed on the
// other side too, and the lookup multiplicities are recounted (the prover
// chooses them freely). Each must be rejected by exactly the constraint (or
// bus) it names. Together they are the coverage test: every constraint of
// every table is the only rejecter of at least one mutation, so none is
// dead, and each bus is the only rejecter of one.
//
//===----------------------------------------------------------------------===//

#include "MutantUtil.h"

#include <functional>
#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

std::vector<Instruction> fourLis(bool WithJmp = false) {
  std::vector<Instruction> Code;
  if (WithJmp)
    Code.push_back(ins(Opcode::Jmp, 0, 0, 0, 1));
  for (uint8_t R = 1; R <= 4; ++R)
    Code.push_back(ins(Opcode::Li, R, 0, 0, R));
  Code.push_back(ins(Opcode::Stop));
  return Code;
}

/// Two calls of the same function: depth 0, 1, 0, 1, 0, 0 by row; the call
/// stack entry (address CallStackBase) written at ts 4 and 12, read at ts 5
/// and 13.
std::vector<Instruction> twoCalls() {
  return {ins(Opcode::FCall, 10, 0, 0, 4), ins(Opcode::FCall, 10, 0, 0, 4),
          ins(Opcode::Li, 1, 0, 0, 1), ins(Opcode::Stop), ins(Opcode::FRet)};
}

std::vector<Instruction> mulProgram() {
  return {ins(Opcode::Ldc, 1, 0, 0, 0), ins(Opcode::Ldc, 2, 0, 0, 1),
          ins(Opcode::Mul, 3, 1, 2), ins(Opcode::Stop)};
}

std::vector<Instruction> repeatedAdds() {
  std::vector<Instruction> Code = {ins(Opcode::Li, 1, 0, 0, 2),
                                   ins(Opcode::Li, 2, 0, 0, 3)};
  for (int I = 0; I < 16; ++I)
    Code.push_back(ins(Opcode::Add, 3, 1, 2));
  Code.push_back(ins(Opcode::Stop));
  return Code;
}

const std::vector<Mutation> &mutations() {
  static const std::vector<Mutation> M = {
      //===--- CPU -----------------------------------------------------===//
      {"cpu.selector_bool", "xor decoded as -1 and + 2 or", nullptr,
       [](Mutant &W) {
         W.setSel(10, Opcode::Xor, Felt());
         W.setSel(10, Opcode::And, Felt(-1));
         W.setSel(10, Opcode::Or, Felt(2u));
       }},
      {"cpu.one_selector", "a jmp selector on a padding row", nullptr,
       [](Mutant &W) {
         W.setSel(25, Opcode::Jmp, Felt(1u));
         W.cpu(25).NextPc = Felt();
       }},
      {"cpu.first_row_real", "an execution of no rows", nullptr,
       [](Mutant &W) {
         W.Run.T.Steps.clear();
         W.regenerate();
       }},
      {"cpu.first_pc", "an execution starting at pc 1",
       [] { return fourLis(/*WithJmp=*/true); },
       [](Mutant &W) {
         W.Run.T.Steps.erase(W.Run.T.Steps.begin());
         W.regenerate();
       }},
      {"cpu.first_clk", "the clock starting at 1", nullptr,
       [](Mutant &W) { W.shiftClock(0, 1); }},
      {"cpu.clk_step", "the clock skipping a cycle", nullptr,
       [](Mutant &W) { W.shiftClock(5, 1); }},
      {"cpu.first_fp", "the window starting at 1", nullptr,
       [](Mutant &W) {
         for (size_t R = 0; R < W.T[TableId::Cpu].Height; ++R)
           W.cpu(R).Fp = Felt(1u);
         for (Matrix *M :
              {&W.T[TableId::Registers], &W.T[TableId::RegisterBoundary]})
           for (size_t R = 0; R < M->Height; ++R)
             if (!M->at(R, 0).isZero())
               M->at(R, 1) += Felt(1u);
       }},
      {"cpu.fp_step", "the window moving without fcall",
       [] { return fourLis(); },
       [](Mutant &W) {
         for (size_t K = 2; K < W.Run.T.Steps.size(); ++K)
           W.Run.T.Steps[K].Fp = 1;
         W.regenerate();
       }},
      {"cpu.real_until_stop", "a padding row before the stop", nullptr,
       [](Mutant &W) {
         // The stop of row 21 moved to row 22, after a padding row that
         // leads to it; the halt's timestamp moves with it.
         Matrix &M = W.T[TableId::Cpu];
         std::copy(M.row(21), M.row(21) + M.Width, M.row(22));
         W.cpu(22).Clk = Felt(22u);
         std::fill(M.row(21), M.row(21) + M.Width, Felt());
         W.cpu(21).Clk = Felt(21u);
         W.cpu(21).Pc = Felt(21u);
         W.cpu(21).NextPc = Felt(22u);
         W.cpu(21).Sp = W.cpu(22).Sp;
         W.row<OutputCols>(TableId::Output, 0).Ts = Felt(23u);
       }},
      {"cpu.last_row_stops", "an execution cut before its stop",
       [] { return fourLis(); },
       [](Mutant &W) {
         W.Run.T.Steps.pop_back();
         W.regenerate();
       }},
      {"cpu.taken", "a branch taken on the wrong condition", nullptr,
       [](Mutant &W) {
         W.cpu(19).Taken = Felt(1u);
         W.cpu(19).NextPc = Felt(21u);
         W.cpu(20).Pc = Felt(21u);
       }},
      {"cpu.next_pc", "a jmp to the wrong target", nullptr,
       [](Mutant &W) {
         W.cpu(20).NextPc = Felt(23u);
         W.cpu(21).Pc = Felt(23u);
         W.cpu(21).NextPc = Felt(24u);
       }},
      {"cpu.pc_continuity", "a row not at the previous row's next pc", nullptr,
       [](Mutant &W) {
         W.cpu(21).Pc = Felt(23u);
         W.cpu(21).NextPc = Felt(24u);
       }},
      {"cpu.imm_split", "an immediate split wrongly", nullptr,
       [](Mutant &W) { W.cpu(20).ImmLo += Felt(1u); }},
      {"cpu.imm_sign_bool", "an immediate sign of 5", nullptr,
       [](Mutant &W) { W.cpu(20).ImmSign = Felt(5u); }},
      {"cpu.imm_operand", "li loading something else", nullptr,
       [](Mutant &W) {
         Limbs V = limbs(Word(7));
         std::copy(V.begin(), V.end(), W.cpu(13).In2);
         W.setOut(13, V);
       }},
      {"cpu.unused_in1_zero", "li with a first operand", nullptr,
       [](Mutant &W) { W.cpu(13).In1[0] = Felt(5u); }},
      {"cpu.unused_in2_zero", "mov with a second operand", nullptr,
       [](Mutant &W) { W.cpu(12).In2[0] = Felt(5u); }},
      {"cpu.mov", "mov writing something else", nullptr,
       [](Mutant &W) { W.setOut(12, limbs(X + Word(1))); }},
      {"cpu.li", "li writing something else", nullptr,
       [](Mutant &W) { W.setOut(14, limbs(Word())); }},
      {"bus env", "caller giving something else than the public input",
       [] {
         return std::vector<Instruction>{ins(Opcode::Caller, 1),
                                         ins(Opcode::Stop)};
       },
       [](Mutant &W) { W.setOut(0, limbs(Word(0xbad))); }},
      {"cpu.first_depth", "an execution starting one call deep", twoCalls,
       [](Mutant &W) {
         for (size_t R = 0; R < W.T[TableId::Cpu].Height; ++R)
           W.cpu(R).Depth += Felt(1u);
         W.rebuildRegisters([](std::vector<RegisterEvent> &Ev) {
           for (RegisterEvent &E : Ev)
             E.Addr += E.Addr >= CallStackBase;
         });
       }},
      {"cpu.depth_step", "the second call on a fresh stack entry", twoCalls,
       [](Mutant &W) {
         for (size_t R = 2; R < W.T[TableId::Cpu].Height; ++R)
           W.cpu(R).Depth += Felt(1u);
         W.rebuildRegisters([](std::vector<RegisterEvent> &Ev) {
           for (RegisterEvent &E : Ev)
             E.Addr += E.Addr >= CallStackBase && E.Ts >= 12;
         });
       }},
      {"cpu.fcall_saves", "fcall saving pc + 2: the return skips li",
       [] {
         return std::vector<Instruction>{ins(Opcode::FCall, 10, 0, 0, 3),
                                         ins(Opcode::Li, 1, 0, 0, 1),
                                         ins(Opcode::Stop), ins(Opcode::FRet)};
       },
       [](Mutant &W) {
         // fcall, fret, (li skipped), stop.
         W.Run.T.Steps.erase(W.Run.T.Steps.begin() + 2);
         W.regenerate();
         W.cpu(0).Out[0] = Felt(2u);
         W.cpu(1).In1[0] = Felt(2u);
         W.cpu(1).NextPc = Felt(2u);
         W.rebuildRegisters([](std::vector<RegisterEvent> &Ev) {
           for (RegisterEvent &E : Ev)
             if (E.Addr == CallStackBase)
               E.Value = Word(2, StackStart, 0, 0);
         });
       }},
      {"cpu.jr_target", "jr to p + 1 taken as a jump to 2 (a trap)",
       [] { return fourLis(); },
       [](Mutant &W) {
         runPastATrap(W,
                      {ins(Opcode::Ldc, 1, 0, 0, 3), ins(Opcode::Jr, 1),
                       ins(Opcode::Stop)},
                      2);
       }},
      {"cpu.jr_in_code", "jr to the end of the code (a trap)",
       [] { return fourLis(); },
       [](Mutant &W) {
         runPastATrap(W, {ins(Opcode::Li, 1, 0, 0, 2), ins(Opcode::Jr, 1)}, 2);
       }},

      //===--- ALU -----------------------------------------------------===//
      {"addsub.flags_bool", "lt(X, 0) = X answered by add/sub flags -10, 11",
       nullptr,
       [](Mutant &W) {
         W.clearRow(TableId::Lt, W.aluRow(18));
         W.grow(TableId::AddSub);
         AddSubCols<Felt> &A = W.row<AddSubCols>(TableId::AddSub, 4);
         A.IsAdd = Felt(-10);
         A.IsSub = Felt(11u);
         writeLimbs(X, A.X);
         writeLimbs(X, A.Z);
         W.setOut(18, limbs(X));
       }},
      {"addsub.carry_bool", "a wrong top limb paid by a fractional carry",
       nullptr,
       [](Mutant &W) {
         AddSubCols<Felt> &A = W.row<AddSubCols>(TableId::AddSub, 0);
         Felt S = A.X[15] + A.Y[15] + A.Carry[14];
         Felt Z = A.Z[15] + Felt(1u);
         A.Z[15] = Z;
         A.Carry[15] = (S - Z) * Felt(65536u).inverse();
         Limbs V;
         std::copy(A.Z, A.Z + NumLimbs, V.begin());
         W.setOut(2, V);
       }},
      {"addsub.add_limb", "add off by one", nullptr,
       [](Mutant &W) {
         Limbs V = limbs(X + Y + Word(1));
         std::copy(V.begin(), V.end(), W.row<AddSubCols>(TableId::AddSub, 0).Z);
         W.setOut(2, V);
       }},
      {"addsub.sub_limb", "sub off by one", nullptr,
       [](Mutant &W) {
         Limbs V = limbs(X - Y + Word(1));
         std::copy(V.begin(), V.end(), W.row<AddSubCols>(TableId::AddSub, 1).Z);
         W.setOut(3, V);
       }},
      {"mul.column", "mul off by one", [] { return mulProgram(); },
       [](Mutant &W) {
         Limbs V = limbs(X * Y + Word(1));
         std::copy(V.begin(), V.end(), W.row<MulCols>(TableId::Mul, 0).Z);
         W.setOut(2, V);
       }},
      {"mul.flags_bool",
       "16 adds of 2 and 3 answered 6 by 17 mul rows of 16/17",
       [] { return repeatedAdds(); },
       [](Mutant &W) {
         Matrix &M = W.T[TableId::Mul];
         M = Matrix(MulAir::Width, 32);
         for (size_t R = 0; R < 17; ++R) {
           MulCols<Felt> &C = viewRowMut<MulCols>(M.row(R));
           C.IsMul = Felt(16u) * Felt(17u).inverse();
           C.X[0] = Felt(2u);
           C.Y[0] = Felt(3u);
           C.Z[0] = Felt(6u);
         }
         for (size_t R = 2; R < 18; ++R) {
           W.clearRow(TableId::AddSub, R - 2);
           W.setOut(R, limbs(Word(6)));
           // Each add after the first finds r3 as the one before left it.
           if (R > 2)
             writeLimbs(Word(6), W.access(4 * R + 4).PrevValue);
         }
       }},
      {"lt.flags_bool", "add(0, 0) answered by lt flags 12, -11", nullptr,
       [](Mutant &W) {
         W.clearRow(TableId::AddSub, W.aluRow(16));
         LtCols<Felt> &L = W.row<LtCols>(TableId::Lt, 3);
         L.IsLt = Felt(12u);
         L.IsGt = Felt(-11);
       }},
      {"lt.sign_bool", "an unsigned comparison with a sign bit of 5", nullptr,
       [](Mutant &W) { W.row<LtCols>(TableId::Lt, 0).SignX = Felt(5u); }},
      {"lt.borrow_bool", "a wrong top difference paid by a fractional borrow",
       nullptr,
       [](Mutant &W) {
         LtCols<Felt> &L = W.row<LtCols>(TableId::Lt, 0);
         L.Diff[15] += Felt(1u);
         L.Borrow[15] += Felt(65536u).inverse();
         Limbs V = limbs(Word());
         V[0] = L.Borrow[15];
         W.setOut(4, V);
       }},
      {"lt.sub_limb", "lt giving 1 for X < Y false", nullptr,
       [](Mutant &W) {
         W.row<LtCols>(TableId::Lt, 0).Borrow[15] = Felt(1u);
         W.setOut(4, limbs(Word(1)));
       }},
      {"eq.flags_bool", "add(0, 0) = 1 answered by eq flags 16, -15", nullptr,
       [](Mutant &W) {
         W.clearRow(TableId::AddSub, W.aluRow(16));
         W.grow(TableId::Eq);
         EqCols<Felt> &E = W.row<EqCols>(TableId::Eq, 4);
         E.IsEq = Felt(16u);
         E.IsIsZero = Felt(-15);
         W.setOut(16, limbs(Word(1)));
       }},
      {"eq.sum", "eq(X, Y) = 1 with a zero sum", nullptr,
       [](Mutant &W) {
         EqCols<Felt> &E = W.row<EqCols>(TableId::Eq, 0);
         E.Sum = E.Inv = Felt();
         E.Out = Felt(1u);
         W.setOut(6, limbs(Word(1)));
       }},
      {"eq.out_zero_if_different", "eq(X, Y) = 1 with no inverse", nullptr,
       [](Mutant &W) {
         EqCols<Felt> &E = W.row<EqCols>(TableId::Eq, 0);
         E.Inv = Felt();
         E.Out = Felt(1u);
         W.setOut(6, limbs(Word(1)));
       }},
      {"eq.out_one_if_equal", "eq(X, X) = 0", nullptr,
       [](Mutant &W) {
         W.row<EqCols>(TableId::Eq, 2).Out = Felt();
         W.setOut(15, limbs(Word()));
       }},
      {"bitwise.flags_bool", "xor(X, Y) = ~X by flags and 1, or -1, not 1",
       nullptr,
       [](Mutant &W) {
         size_t R = W.aluRow(10);
         W.setAluRow(TableId::Bitwise, R, {Opcode::Not, X, Y, ~X});
         BitwiseCols<Felt> &B = W.row<BitwiseCols>(TableId::Bitwise, R);
         B.IsAnd = Felt(1u);
         B.IsOr = Felt(-1);
         W.setOut(10, limbs(~X));
       }},
      {"bitwise.x_bytes", "and computed on a different first byte", nullptr,
       [](Mutant &W) {
         BitwiseCols<Felt> &B = W.row<BitwiseCols>(TableId::Bitwise, 0);
         B.XB[0] = Felt(B.XB[0].value() ^ 0xff);
         B.ZB[0] = Felt(B.XB[0].value() & B.YB[0].value());
         B.Z[0] = B.ZB[0] + Felt(256u) * B.ZB[1];
         Limbs V;
         std::copy(B.Z, B.Z + NumLimbs, V.begin());
         W.setOut(8, V);
       }},
      {"bitwise.y_bytes", "and computed on a different second byte", nullptr,
       [](Mutant &W) {
         BitwiseCols<Felt> &B = W.row<BitwiseCols>(TableId::Bitwise, 0);
         B.YB[0] = Felt(B.YB[0].value() ^ 0xff);
         B.ZB[0] = Felt(B.XB[0].value() & B.YB[0].value());
         B.Z[0] = B.ZB[0] + Felt(256u) * B.ZB[1];
         Limbs V;
         std::copy(B.Z, B.Z + NumLimbs, V.begin());
         W.setOut(8, V);
       }},
      {"bitwise.z_bytes", "and with a result that is not its bytes", nullptr,
       [](Mutant &W) {
         BitwiseCols<Felt> &B = W.row<BitwiseCols>(TableId::Bitwise, 0);
         B.Z[0] += Felt(1u);
         Limbs V;
         std::copy(B.Z, B.Z + NumLimbs, V.begin());
         W.setOut(8, V);
       }},
      {"bitwise.not_limb", "not off by one bit", nullptr,
       [](Mutant &W) {
         size_t R = W.aluRow(11);
         Word Wrong = ~X ^ Word(1);
         W.setAluRow(TableId::Bitwise, R, {Opcode::Not, X, Word(), Wrong});
         W.setOut(11, limbs(Wrong));
       }},

      //===--- Registers -----------------------------------------------===//
      {"registers.is_real_bool", "an access split into two halves", nullptr,
       [](Mutant &W) {
         size_t Used = W.T.UsedRows[unsigned(TableId::Registers)];
         W.grow(TableId::Registers);
         Matrix &M = W.T[TableId::Registers];
         std::copy(M.row(3), M.row(3) + M.Width, M.row(Used));
         M.at(3, 0) = M.at(Used, 0) = Felt(2u).inverse();
       }},
      {"registers.read_keeps_value", "a read of r1 returning X + 1", nullptr,
       [](Mutant &W) {
         Word Forged = X + Word(1);
         writeLimbs(Forged, W.cpu(2).In1);
         writeLimbs(Forged, W.access(4 * 2 + 1).Value);
         // The next read of r1 finds the state this read left, and in turn
         // reads X from it.
         writeLimbs(Forged, W.access(4 * 3 + 1).PrevValue);
         W.setAluRow(TableId::AddSub, 0, {Opcode::Add, Forged, Y, Forged + Y});
         W.setOut(2, limbs(Forged + Y));
       }},
      {"registers.ts_increases", "a timestamp difference split wrongly",
       nullptr, [](Mutant &W) { W.access(4 * 3 + 1).TsDiffLo += Felt(1u); }},
      {"register-boundary.is_real_bool", "a cell starting twice, never used",
       nullptr,
       [](Mutant &W) {
         size_t Used = W.T.UsedRows[unsigned(TableId::RegisterBoundary)];
         auto &B = W.row<RegisterBoundaryCols>(TableId::RegisterBoundary, Used);
         uint64_t Last = W.T[TableId::RegisterBoundary].at(Used - 1, 1).value();
         B.IsReal = Felt(2u);
         B.Addr = Felt(Last + 78);
         B.GapLo = Felt(77u);
       }},
      {"register-boundary.real_prefix", "a padding row among the cells",
       nullptr,
       [](Mutant &W) {
         Matrix &M = W.T[TableId::RegisterBoundary];
         size_t Last = W.T.UsedRows[unsigned(TableId::RegisterBoundary)] - 1;
         std::copy(M.row(Last), M.row(Last) + M.Width, M.row(Last + 1));
         auto &Gap = viewRowMut<RegisterBoundaryCols>(M.row(Last + 1));
         uint64_t G = Gap.GapLo.value() + 65536 * Gap.GapHi.value();
         std::fill(M.row(Last), M.row(Last) + M.Width, Felt());
         // The padding row sits at the previous cell's address plus the gap,
         // so that the order of the cells it separates still holds.
         M.at(Last, 1) = M.at(Last - 1, 1) + Felt(G);
         Gap.GapLo = Felt();
         Gap.GapHi = Felt();
         (void)G;
       }},
      {"register-boundary.addr_increases", "a cell gap split wrongly", nullptr,
       [](Mutant &W) {
         W.row<RegisterBoundaryCols>(TableId::RegisterBoundary, 5).GapLo +=
             Felt(1u);
       }},

      //===--- Buses ---------------------------------------------------===//
      {"bus program", "add reading a register the instruction does not name",
       nullptr,
       [](Mutant &W) {
         W.cpu(17).C = Felt(23u);
         W.access(4 * 17 + 2).Addr = Felt(23u);
         auto &B = W.boundary(22);
         B.Addr = Felt(23u);
         B.GapLo += Felt(1u);
       }},
      {"bus alu", "add's result changed in the CPU only", nullptr,
       [](Mutant &W) { W.setOut(2, limbs(X + Y + Word(1))); }},
      {"bus register", "add's operand changed but not its read", nullptr,
       [](Mutant &W) {
         Word Forged = X + Word(1);
         writeLimbs(Forged, W.cpu(2).In1);
         W.setAluRow(TableId::AddSub, 0, {Opcode::Add, Forged, Y, Forged + Y});
         W.setOut(2, limbs(Forged + Y));
       }},
      {"bus memory-state", "a read of r1 returning a state never written",
       nullptr,
       [](Mutant &W) {
         Word Forged = X + Word(1);
         writeLimbs(Forged, W.cpu(2).In1);
         writeLimbs(Forged, W.access(4 * 2 + 1).Value);
         writeLimbs(Forged, W.access(4 * 2 + 1).PrevValue);
         W.setAluRow(TableId::AddSub, 0, {Opcode::Add, Forged, Y, Forged + Y});
         W.setOut(2, limbs(Forged + Y));
       }},
      {"bus range16", "li's immediate split as 65536 + 0 * 2^16", nullptr,
       [](Mutant &W) {
         CpuCols<Felt> &C = W.cpu(13);
         C.ImmLo = Felt(65536u);
         C.ImmHi = Felt();
         Limbs V = limbs(Word());
         V[0] = Felt(65536u);
         std::copy(V.begin(), V.end(), C.In2);
         W.setOut(13, V);
       }},
      {"bus byte", "and's first byte written as 256 + (b - 256)", nullptr,
       [](Mutant &W) {
         BitwiseCols<Felt> &B = W.row<BitwiseCols>(TableId::Bitwise, 0);
         B.XB[0] += Felt(256u);
         B.XB[1] -= Felt(1u);
       }},
  };
  return M;
}

TEST(SoundnessTest, TheHonestWitnessesHold) {
  Mutant W;
  CheckReport R = W.check();
  EXPECT_TRUE(R.ok()) << describe(R);
  Mutant Small(fourLis(true));
  EXPECT_TRUE(Small.check().ok());
}

TEST(SoundnessTest, EachMutationIsRejectedByExactlyItsConstraint) {
  for (const Mutation &M : mutations()) {
    SCOPED_TRACE(std::string(M.Rejecter) + ": " + M.What);
    Mutant W(M.Program ? M.Program() : standardProgram());
    M.Apply(W);
    CheckReport R = W.check();
    EXPECT_EQ(R.rejecters(), std::set<std::string>{M.Rejecter}) << describe(R);
  }
}

TEST(SoundnessTest, EveryConstraintAndBusIsTheOnlyRejecterOfAMutation) {
  std::set<std::string> Covered;
  for (const Mutation &M : mutations())
    Covered.insert(M.Rejecter);
  for (const Mutation &M : arithMutations())
    Covered.insert(M.Rejecter);
  for (const Mutation &M : heapMutations())
    Covered.insert(M.Rejecter);
  for (const Mutation &M : outputMutations())
    Covered.insert(M.Rejecter);
  for (const Mutation &M : calldataMutations())
    Covered.insert(M.Rejecter);
  for (const Mutation &M : keccakMutations())
    Covered.insert(M.Rejecter);
  for (const Mutation &M : storageMutations())
    Covered.insert(M.Rejecter);
  for (const Mutation &M : logMutations())
    Covered.insert(M.Rejecter);
  for (const Mutation &M : stackMutations())
    Covered.insert(M.Rejecter);
  for (const Mutation &M : copyMutations())
    Covered.insert(M.Rejecter);
  ZvmCircuit C({Instruction{Opcode::Stop}}, {});
  std::set<std::string> All;
  for (const ConstraintDegree &K : computeDegrees(C).Constraints)
    All.insert(K.Name);
  for (unsigned B = 0; B < NumBuses; ++B)
    All.insert(std::string("bus ") + busName(static_cast<Bus>(B)));
  for (const std::string &Name : All)
    EXPECT_TRUE(Covered.count(Name))
        << "no mutation is rejected by " << Name << " alone";
  for (const std::string &Name : Covered)
    EXPECT_TRUE(All.count(Name)) << Name << " is not a constraint";
}

TEST(SoundnessTest, TwoOpcodeFlagsAtOnce) {
  // iszero (0x30) decoded as mov (0x10) and add (0x20) together.
  Mutant W;
  W.setSel(7, Opcode::IsZero, Felt());
  W.setSel(7, Opcode::Mov, Felt(1u));
  W.setSel(7, Opcode::Add, Felt(1u));
  EXPECT_TRUE(W.check().rejecters().count("cpu.one_selector"));
}

TEST(SoundnessTest, AStaleReadThroughASecondInitialStateIsRejected) {
  // li r1, 5; add r2, r1, r1 reading r1 as 0 from a second initial state of
  // cell 1: the boundary table would need cell 1 twice.
  Mutant W({ins(Opcode::Li, 1, 0, 0, 5), ins(Opcode::Add, 2, 1, 1),
            ins(Opcode::Stop)});
  ASSERT_TRUE(W.check().ok());
  for (uint64_t Ts : {5, 6}) {
    RegisterAccessCols<Felt> &A = W.access(Ts);
    A.PrevTs = Felt(Ts == 5 ? 0u : 5u);
    writeLimbs(Word(), A.PrevValue);
    writeLimbs(Word(), A.Value);
    uint64_t D = Ts - A.PrevTs.value() - 1;
    A.TsDiffLo = Felt(D);
  }
  writeLimbs(Word(), W.cpu(1).In1);
  writeLimbs(Word(), W.cpu(1).In2);
  W.setAluRow(TableId::AddSub, 0, {Opcode::Add, Word(), Word(), Word()});
  W.setOut(1, limbs(Word()));
  // Cell 1 now has two histories: 0 -> li (ts 4, final), 0 -> reads (ts 6).
  W.grow(TableId::RegisterBoundary);
  Matrix &B = W.T[TableId::RegisterBoundary];
  std::copy(B.row(1), B.row(1) + B.Width, B.row(2));
  std::copy(B.row(0), B.row(0) + B.Width, B.row(1));
  viewRowMut<RegisterBoundaryCols>(B.row(0)).FinalTs = Felt(4u);
  auto &Second = viewRowMut<RegisterBoundaryCols>(B.row(1));
  Second.FinalTs = Felt(6u);
  writeLimbs(Word(), Second.FinalValue);
  // Addresses 1, 1, 2: the gap before the second 1 would have to be -1.
  Second.GapLo = Felt(-1);
  viewRowMut<RegisterBoundaryCols>(B.row(2)).GapLo = Felt();
  CheckReport Rep = W.check();
  std::set<std::string> Rej = Rep.rejecters();
  EXPECT_EQ(Rej, std::set<std::string>{"bus range16"}) << describe(Rep);
}

} // namespace

namespace {

TEST(SoundnessTest, ASignedComparisonWithAWrongSignBitIsRejected) {
  // slt(-1, 1) = 1; claiming the sign bit of -1 clear makes it the unsigned
  // comparison, 0.
  Mutant W({ins(Opcode::Li, 1, 0, 0, ~0u), ins(Opcode::Li, 2, 0, 0, 1),
            ins(Opcode::SLt, 3, 1, 2), ins(Opcode::Stop)});
  ASSERT_TRUE(W.check().ok());
  const Word MinusOne = Word::max();
  W.setAluRow(TableId::Lt, 0, {Opcode::Lt, MinusOne, Word(1), Word()});
  LtCols<Felt> &L = W.row<LtCols>(TableId::Lt, 0);
  L.IsLt = Felt();
  L.IsSLt = Felt(1u);
  L.SignX = Felt();
  W.setOut(2, limbs(Word()));
  CheckReport R = W.check();
  EXPECT_EQ(R.rejecters(), std::set<std::string>{"bus range16"}) << describe(R);
}

} // namespace

namespace {

TEST(SoundnessTest, TheReportNamesTableRowConstraintAndTuple) {
  Mutant W;
  // add off by one in the CPU and its register write only: the ALU table
  // still answers the honest sum.
  W.setOut(2, limbs(X + Y + Word(1)));
  CheckReport R = W.check();
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.NumFailures, 0u);
  ASSERT_EQ(R.UnbalancedBuses, std::vector<Bus>{Bus::Alu});
  ASSERT_EQ(R.NumImbalances, 2u);
  std::string Text = describe(R);
  EXPECT_NE(Text.find("unbalanced bus: alu\n"), std::string::npos) << Text;
  EXPECT_NE(Text.find(") sent 1 more times than received (from cpu row 2)"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find(") sent -1 more times than received (from addsub row 0)"),
            std::string::npos)
      << Text;

  Mutant V;
  V.row<AddSubCols>(TableId::AddSub, 1).Carry[3] = Felt(2u);
  R = V.check();
  Text = describe(R);
  EXPECT_NE(Text.find("violation: table addsub, row 1: addsub.carry_bool\n"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("violation: table addsub, row 1: addsub.sub_limb\n"),
            std::string::npos)
      << Text;
  EXPECT_EQ(Text.find("all constraints hold"), std::string::npos);
}

} // namespace
