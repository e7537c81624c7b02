//===-- CompletenessTest.cpp - Honest executions pass the checker ---------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Every instruction the circuit supports, on edge and random operands, in
// programs run by the emulator: the tables built from the trace satisfy
// every constraint and balance every bus. Executions using what the circuit
// does not support yet are refused with the reason.
//
//===----------------------------------------------------------------------===//

#include "CircuitTestUtil.h"

#include <random>
#include <set>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

std::vector<Word> operandValues() {
  std::vector<Word> V = {Word(0),
                         Word(1),
                         Word(2),
                         Word(0x7fff),
                         Word(0xffff),
                         Word(0x10000),
                         Word(~0ull),
                         Word(0, 1, 0, 0),
                         Word(~0ull, ~0ull, 0, 0),
                         Word(0, 0, 0, 1ull << 63),
                         Word(~0ull, ~0ull, ~0ull, ~0ull >> 1),
                         Word::max(),
                         Word::max() - Word(1),
                         Word(0x8000800080008000ull, 0x8000800080008000ull,
                              0x8000800080008000ull, 0x8000800080008000ull)};
  std::mt19937_64 Rng(7);
  for (int I = 0; I < 8; ++I)
    V.push_back(Word(Rng(), Rng(), Rng(), Rng()));
  // Random values that differ from another in one limb only, so that
  // comparisons are decided low down.
  Word R(Rng(), Rng(), Rng(), Rng());
  V.push_back(R);
  V.push_back(R + Word(1));
  return V;
}

const std::vector<uint32_t> ImmValues = {
    0,          1,          2,          0xffff,     0x10000,
    0x7fff,     0x8000,     0x7fffffff, 0x80000000, 0xffffffff,
    0xfffffffe, 0x12345678, 0xdeadbeef};

void expectHolds(CircuitRun &R) {
  ASSERT_EQ(R.Run.Result.Result.S, vm::Status::Success);
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

/// `Op r3, r1, r2` (and, for unary ones, `Op r3, r1`) over every pair of
/// operand values, plus forms where operands and result share registers.
std::vector<Instruction> binaryProgram(Opcode Op, size_t NumValues,
                                       bool Unary) {
  std::vector<Instruction> Code;
  for (size_t I = 0; I < NumValues; ++I)
    for (size_t J = 0; J < (Unary ? 1 : NumValues); ++J) {
      Code.push_back(ins(Opcode::Ldc, 1, 0, 0, I));
      Code.push_back(ins(Opcode::Ldc, 2, 0, 0, J));
      Code.push_back(Unary ? ins(Op, 3, 1) : ins(Op, 3, 1, 2));
    }
  Code.push_back(Unary ? ins(Op, 1, 1) : ins(Op, 1, 1, 1));
  Code.push_back(Unary ? ins(Op, 2, 1) : ins(Op, 2, 1, 2));
  Code.push_back(ins(Opcode::Stop));
  return Code;
}

class RegisterForms : public ::testing::TestWithParam<Opcode> {};

TEST_P(RegisterForms, EdgeAndRandomOperands) {
  Opcode Op = GetParam();
  bool Unary = getInstrInfo(Op).Operands.size() == 2;
  std::vector<Word> V = operandValues();
  CircuitRun R(binaryProgram(Op, V.size(), Unary), V);
  expectHolds(R);
}

INSTANTIATE_TEST_SUITE_P(
    Circuit, RegisterForms,
    ::testing::Values(Opcode::Add, Opcode::Sub, Opcode::Mul, Opcode::Lt,
                      Opcode::Gt, Opcode::SLt, Opcode::SGt, Opcode::Eq,
                      Opcode::IsZero, Opcode::And, Opcode::Or, Opcode::Xor,
                      Opcode::Not, Opcode::Mov, Opcode::Div, Opcode::SDiv,
                      Opcode::Mod, Opcode::SMod, Opcode::Shl, Opcode::Shr,
                      Opcode::Sar, Opcode::Clz, Opcode::Byte,
                      Opcode::SignExtend, Opcode::Exp),
    [](const auto &Info) {
      return std::string(getInstrInfo(Info.param).Mnemonic);
    });

/// Shift amounts and byte indices around every boundary the tables
/// distinguish: within a limb, across limbs, 31/32 bytes, 255/256 bits, and
/// amounts too large in a high limb only.
std::vector<Word> smallOperands() {
  std::vector<Word> V;
  for (uint64_t A :
       {0,  1,   7,   8,   15,  16,  17,  30,  31,  32,     33,     63,
        64, 100, 128, 200, 248, 254, 255, 256, 257, 0xffff, 0x10000})
    V.push_back(Word(A));
  V.push_back(Word(0, 1, 0, 0));
  V.push_back(Word(5, 0, 0, 1));
  V.push_back(Word::max());
  return V;
}

class AmountForms : public ::testing::TestWithParam<Opcode> {};

TEST_P(AmountForms, EveryAmountOnEdgeValues) {
  // The value is the first operand of shifts and the second of byte and
  // signextend; clz counts each value and each amount.
  Opcode Op = GetParam();
  bool IndexFirst = Op == Opcode::Byte || Op == Opcode::SignExtend;
  std::vector<Word> Values = operandValues(), Amounts = smallOperands();
  std::vector<Word> Pool = Values;
  Pool.insert(Pool.end(), Amounts.begin(), Amounts.end());
  std::vector<Instruction> Code;
  for (size_t I = 0; I < Values.size(); ++I)
    for (size_t J = 0; J < Amounts.size(); ++J) {
      Code.push_back(ins(Opcode::Ldc, 1, 0, 0, I));
      Code.push_back(ins(Opcode::Ldc, 2, 0, 0, Values.size() + J));
      Code.push_back(IndexFirst ? ins(Op, 3, 2, 1) : ins(Op, 3, 1, 2));
    }
  Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Code, Pool);
  expectHolds(R);
}

INSTANTIATE_TEST_SUITE_P(Circuit, AmountForms,
                         ::testing::Values(Opcode::Shl, Opcode::Shr,
                                           Opcode::Sar, Opcode::Byte,
                                           Opcode::SignExtend),
                         [](const auto &Info) {
                           return std::string(
                               getInstrInfo(Info.param).Mnemonic);
                         });

TEST(CompletenessTest, ClzOfEveryBitPosition) {
  std::vector<Word> Pool;
  std::vector<Instruction> Code;
  for (unsigned B = 0; B < 256; ++B) {
    Pool.push_back(shl(Word(1), Word(B)) | Word(B & 1));
    Code.push_back(ins(Opcode::Ldc, 1, 0, 0, B));
    Code.push_back(ins(Opcode::Clz, 2, 1));
  }
  Code.push_back(ins(Opcode::Clz, 2, 0)); // clz(0) = 256
  Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Code, Pool);
  expectHolds(R);
  EXPECT_EQ(R.Run.T.Steps[R.Run.T.Steps.size() - 2].Out, Word(256));
}

TEST(CompletenessTest, DivisionEdgeCases) {
  // -2^255 / -1, x / 0, x % 0, and signs of every combination.
  const Word Min = Word::signBit(), MinusOne = Word::max();
  std::vector<Word> Pool = {Min,     MinusOne, Word(0), Word(7),      -Word(7),
                            Word(2), -Word(2), Word(1), Min + Word(1)};
  std::vector<Instruction> Code;
  for (size_t I = 0; I < Pool.size(); ++I)
    for (size_t J = 0; J < Pool.size(); ++J)
      for (Opcode Op : {Opcode::Div, Opcode::SDiv, Opcode::Mod, Opcode::SMod}) {
        Code.push_back(ins(Opcode::Ldc, 1, 0, 0, I));
        Code.push_back(ins(Opcode::Ldc, 2, 0, 0, J));
        Code.push_back(ins(Op, 3, 1, 2));
      }
  Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Code, Pool);
  expectHolds(R);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::DivMod)],
            4 * Pool.size() * Pool.size());
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::WideMul)],
            4 * Pool.size() * Pool.size());
}

class ThreeOperandForms : public ::testing::TestWithParam<Opcode> {};

TEST_P(ThreeOperandForms, EdgeAndRandomOperands) {
  // `Op r3, r1, r2, r4` over every pair of values and a handful of third
  // operands (moduli for addmod and mulmod: 0, 1, small, 2^255 and up).
  Opcode Op = GetParam();
  std::vector<Word> V = operandValues();
  std::vector<Word> Thirds = {
      Word(0),     Word(1),         Word(7),         Word::signBit() + Word(1),
      Word::max(), V[V.size() - 3], Word(0, 0, 1, 0)};
  std::vector<Word> Pool = V;
  Pool.insert(Pool.end(), Thirds.begin(), Thirds.end());
  std::vector<Instruction> Code;
  for (size_t K = 0; K < Thirds.size(); ++K) {
    Code.push_back(ins(Opcode::Ldc, 4, 0, 0, V.size() + K));
    for (size_t I = 0; I < V.size(); ++I)
      for (size_t J = 0; J < V.size(); ++J) {
        Code.push_back(ins(Opcode::Ldc, 1, 0, 0, I));
        Code.push_back(ins(Opcode::Ldc, 2, 0, 0, J));
        Code.push_back(ins(Op, 3, 1, 2, 4));
      }
  }
  // Operands and result sharing registers.
  Code.push_back(ins(Op, 4, 4, 4, 4));
  Code.push_back(ins(Op, 1, 2, 1, 1));
  Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Code, Pool);
  expectHolds(R);
}

INSTANTIATE_TEST_SUITE_P(Circuit, ThreeOperandForms,
                         ::testing::Values(Opcode::Select, Opcode::AddMod,
                                           Opcode::MulMod),
                         [](const auto &Info) {
                           return std::string(
                               getInstrInfo(Info.param).Mnemonic);
                         });

class ImmediateForms : public ::testing::TestWithParam<Opcode> {};

TEST_P(ImmediateForms, EdgeImmediates) {
  Opcode Op = GetParam();
  std::vector<Word> V = operandValues();
  std::vector<Instruction> Code;
  std::vector<uint32_t> Imms = ImmValues;
  if (getInstrInfo(Op).Operands.back() == 'u')
    for (uint32_t Small : {3u, 8u, 15u, 16u, 17u, 30u, 31u, 32u, 33u, 64u, 128u,
                           255u, 256u, 257u})
      Imms.push_back(Small);
  for (size_t I = 0; I < V.size(); ++I) {
    Code.push_back(ins(Opcode::Ldc, 1, 0, 0, I));
    for (uint32_t Imm : Imms)
      Code.push_back(Op == Opcode::Li ? ins(Op, 3, 0, 0, Imm)
                                      : ins(Op, 3, 1, 0, Imm));
  }
  Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Code, V);
  expectHolds(R);
}

INSTANTIATE_TEST_SUITE_P(
    Circuit, ImmediateForms,
    ::testing::Values(Opcode::AddI, Opcode::MulI, Opcode::AndI, Opcode::OrI,
                      Opcode::XorI, Opcode::LtI, Opcode::GtI, Opcode::SLtI,
                      Opcode::SGtI, Opcode::EqI, Opcode::Li, Opcode::ShlI,
                      Opcode::ShrI, Opcode::SarI, Opcode::ByteI,
                      Opcode::SignExtendI),
    [](const auto &Info) {
      return std::string(getInstrInfo(Info.param).Mnemonic);
    });

class Branches : public ::testing::TestWithParam<Opcode> {};

TEST_P(Branches, TakenAndNotTaken) {
  Opcode Op = GetParam();
  bool OneOperand = getInstrInfo(Op).Operands == "st";
  std::vector<Word> V = operandValues();
  std::vector<Instruction> Code;
  unsigned Taken = 0, NotTaken = 0;
  for (size_t I = 0; I < V.size(); ++I)
    for (size_t J = 0; J < V.size(); J += OneOperand ? V.size() : 1) {
      Code.push_back(ins(Opcode::Ldc, 1, 0, 0, I));
      Code.push_back(ins(Opcode::Ldc, 2, 0, 0, J));
      uint32_t Target = Code.size() + 2;
      Code.push_back(OneOperand ? ins(Op, 1, 0, 0, Target)
                                : ins(Op, 1, 2, 0, Target));
      Code.push_back(ins(Opcode::Li, 9, 0, 0, 1)); // Skipped when taken.
    }
  Code.push_back(ins(Opcode::Jmp, 0, 0, 0, Code.size() + 2));
  Code.push_back(ins(Opcode::Invalid));
  Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Code, V);
  for (const vm::TraceStep &S : R.Run.T.Steps)
    if (S.Instr.Op == Op)
      ++(S.Pc + 1 == S.Instr.Imm ? NotTaken : Taken);
  // Both outcomes are exercised (counted by the following step's pc).
  size_t Following = 0;
  for (size_t K = 0; K + 1 < R.Run.T.Steps.size(); ++K)
    if (R.Run.T.Steps[K].Instr.Op == Op)
      Following += R.Run.T.Steps[K + 1].Pc == R.Run.T.Steps[K].Instr.Imm;
  EXPECT_GT(Following, 0u);
  EXPECT_LT(Following, Taken + NotTaken);
  expectHolds(R);
}

INSTANTIATE_TEST_SUITE_P(
    Circuit, Branches,
    ::testing::Values(Opcode::Jz, Opcode::Jnz, Opcode::Beq, Opcode::Bne,
                      Opcode::Bltu, Opcode::Bgeu, Opcode::Blt, Opcode::Bge),
    [](const auto &Info) {
      return std::string(getInstrInfo(Info.param).Mnemonic);
    });

TEST(CompletenessTest, FibonacciLoop) {
  // fib(90) iteratively: r0 counter, r1, r2 the last two numbers.
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 0, 0, 0, 90), ins(Opcode::Li, 1, 0, 0, 0),
      ins(Opcode::Li, 2, 0, 0, 1),
      // loop (3):
      ins(Opcode::Jz, 0, 0, 0, 9), ins(Opcode::Add, 3, 1, 2),
      ins(Opcode::Mov, 1, 2), ins(Opcode::Mov, 2, 3),
      ins(Opcode::AddI, 0, 0, 0, uint32_t(-1)), ins(Opcode::Jmp, 0, 0, 0, 3),
      // done (9):
      ins(Opcode::Stop)};
  CircuitRun R(Code);
  expectHolds(R);
  EXPECT_EQ(R.T.Cycles, 3 + 90 * 6 + 2u);
  // fib(90) = 2880067194370816120, the last value moved into r1.
  Word Last;
  for (const vm::TraceStep &S : R.Run.T.Steps)
    if (S.Instr.Op == Opcode::Mov && S.Instr.A == 1)
      Last = S.Out;
  EXPECT_EQ(Last, Word(2880067194370816120ull));
}

/// sum(n) = n + sum(n - 1) by recursion: the callee's r0 is the caller's
/// window base register, argument and result.
std::vector<Instruction> recursiveSum(uint32_t N) {
  return {
      ins(Opcode::Li, 5, 0, 0, N),     // 0
      ins(Opcode::FCall, 5, 0, 0, 4),  // 1 r5 = sum(r5)
      ins(Opcode::Mov, 1, 5),          // 2
      ins(Opcode::Stop),               // 3
      ins(Opcode::Jz, 0, 0, 0, 10),    // 4 sum: sum(0) = 0
      ins(Opcode::Mov, 1, 0),          // 5
      ins(Opcode::AddI, 2, 0, 0, ~0u), // 6
      ins(Opcode::FCall, 2, 0, 0, 4),  // 7 r2 = sum(n - 1)
      ins(Opcode::Add, 0, 1, 2),       // 8
      ins(Opcode::FRet),               // 9
      ins(Opcode::FRet),               // 10
  };
}

TEST(CompletenessTest, RecursiveCallsMoveTheWindowAndReturn) {
  CircuitRun R(recursiveSum(40));
  expectHolds(R);
  EXPECT_EQ(R.Run.T.Steps[R.Run.T.Steps.size() - 2].Out, Word(820));
  // Depth 41 at the deepest: the call stack entries are register cells.
  size_t Stack = 0;
  const Matrix &B = R.T[TableId::RegisterBoundary];
  for (size_t Row = 0; Row < B.Height; ++Row)
    Stack += B.at(Row, 0) == Felt(1u) && B.at(Row, 1).value() >= CallStackBase;
  EXPECT_EQ(Stack, 41u);
}

TEST(CompletenessTest, JumpsThroughRegistersAndStopsInsideACall) {
  // Two jumps through registers, then a call that stops without returning
  // (the window stays moved, one call outstanding).
  std::vector<Instruction> Code = {
      ins(Opcode::Li, 1, 0, 0, 5),       // 0
      ins(Opcode::Jr, 1),                // 1 -> 5
      ins(Opcode::Invalid),              // 2
      ins(Opcode::Li, 2, 0, 0, 7),       // 3 skipped
      ins(Opcode::Invalid),              // 4
      ins(Opcode::Li, 1, 0, 0, 9),       // 5
      ins(Opcode::Jr, 1),                // 6 -> 9
      ins(Opcode::Invalid),              // 7
      ins(Opcode::Invalid),              // 8
      ins(Opcode::FCall, 200, 0, 0, 11), // 9
      ins(Opcode::Invalid),              // 10
      ins(Opcode::Li, 0, 0, 0, 1),       // 11 frame cell 200
      ins(Opcode::Stop),                 // 12
  };
  CircuitRun R(Code);
  expectHolds(R);
  EXPECT_EQ(R.Run.T.Steps.back().Fp, 200u);
  EXPECT_EQ(R.Run.T.Steps.back().Pc, 12u);
  EXPECT_EQ(R.T.Cycles, 7u);
}

TEST(CompletenessTest, AFretWithNoCallIsATrapAndRefused) {
  TracedRun Run = runTraced({ins(Opcode::FRet), ins(Opcode::Stop)});
  ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool);
  auto T = generateCircuitTrace(C, Run.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: an execution ending in a trap (at "
            "pc 0, fret)");
}

TEST(CompletenessTest, EnvironmentValuesAreThePublicInputs) {
  std::vector<Instruction> Code;
  for (size_t I = 0; I < EnvOpcodes.size(); ++I)
    Code.push_back(ins(EnvOpcodes[I], uint8_t(I + 1)));
  Code.push_back(ins(EnvOpcodes[0], 1)); // Twice: the lookup counts.
  Code.push_back(ins(Opcode::Stop));
  CircuitRun R(Code);
  expectHolds(R);
  for (size_t I = 0; I < EnvOpcodes.size(); ++I)
    EXPECT_EQ(R.Run.T.Steps[I].Out, R.Run.Env.Env[I])
        << getInstrInfo(EnvOpcodes[I]).Mnemonic;
  EXPECT_EQ(R.Run.Env[Opcode::Address], Word(0xc0de));
  EXPECT_EQ(R.Run.Env[Opcode::Caller], Word(0xa11ce));
  EXPECT_NE(R.Run.Env[Opcode::CodeSize], Word());

  // Checked against other public inputs, the same execution is rejected.
  PublicInputs Other = R.Run.Env;
  Other[Opcode::Caller] = Word(0xbad);
  ZvmCircuit C(R.Run.Prog.Code, R.Run.Prog.Pool, Other);
  auto T = generateCircuitTrace(C, R.Run.T);
  ASSERT_TRUE(static_cast<bool>(T));
  CheckReport Rep = checkCircuit(C, *T);
  EXPECT_EQ(Rep.rejecters(), std::set<std::string>{"bus env"}) << describe(Rep);
}

TEST(CompletenessTest, FallingOffTheEndRunsTheSentinel) {
  CircuitRun R({ins(Opcode::Li, 1, 0, 0, 5)});
  EXPECT_EQ(R.T.Cycles, 2u);
  expectHolds(R);
}

TEST(CompletenessTest, HeightsArePowersOfTwoAndRowsAreCounted) {
  CircuitRun R({ins(Opcode::Li, 1, 0, 0, 5), ins(Opcode::Add, 2, 1, 1),
                ins(Opcode::Stop)});
  EXPECT_EQ(R.T[TableId::Cpu].Height, 4u);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::Cpu)], 3u);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::AddSub)], 1u);
  // li writes r1; add reads r1 twice and writes r2.
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::Registers)], 4u);
  EXPECT_EQ(R.T.UsedRows[unsigned(TableId::RegisterBoundary)], 2u);
  expectHolds(R);
}

TEST(CompletenessTest, UnsupportedInstructionsAreNamed) {
  TracedRun Run = runTraced({ins(Opcode::Li, 1, 0, 0, 5),
                             ins(Opcode::Balance, 2, 1), ins(Opcode::Gas, 3),
                             ins(Opcode::Balance, 2, 1), ins(Opcode::Stop)});
  ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool);
  auto T = generateCircuitTrace(C, Run.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: balance, gas");
}

TEST(CompletenessTest, TrapsAreRefused) {
  TracedRun Run =
      runTraced({ins(Opcode::Li, 1, 0, 0, 5), ins(Opcode::Invalid)});
  ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool);
  auto T = generateCircuitTrace(C, Run.T);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: invalid");

  // Out of gas in a supported instruction.
  vm::Trace Short = Run.T;
  Short.Steps.pop_back();
  T = generateCircuitTrace(C, Short);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_EQ(llvm::toString(T.takeError()),
            "unsupported by the circuit: an execution ending in a trap (at "
            "pc 0, li)");
}

TEST(CompletenessTest, SelectorsComeFromTheInstructionTable) {
  // One selector per supported opcode, each a defined instruction.
  unsigned Supported = 0;
  for (unsigned Op = 0; Op < 256; ++Op) {
    if (!cpuOpInfo(static_cast<Opcode>(Op)).Supported)
      continue;
    ++Supported;
    EXPECT_TRUE(InstrTable[Op].Defined);
    EXPECT_EQ(CpuSelectorOps[CpuSelectorIndex[Op]], static_cast<Opcode>(Op));
  }
  EXPECT_EQ(Supported, NumCpuSelectors);
  EXPECT_EQ(NumCpuSelectors, 106u);
}

} // namespace
