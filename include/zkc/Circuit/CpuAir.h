//===-- zkc/Circuit/CpuAir.h - The CPU table --------------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per cycle: the instruction fetched (looked up in the program
// table), its operand values as 16 limbs each (read and written through the
// register bus), the ALU operation it asks for, and the pc update. Real rows
// form a prefix that ends with `stop`; padding rows are all zero but for the
// clock and NextPc. docs/circuit.md lists every constraint with its degree.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_CPUAIR_H
#define ZKC_CIRCUIT_CPUAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/Circuit/CpuOps.h"

namespace zkc::circuit {

template <class T> struct CpuCols {
  /// 1 on rows that execute an instruction, 0 on padding.
  T IsReal;
  /// The cycle number; register timestamps are 4 Clk + 1, + 2, + 3.
  T Clk;
  T Pc;
  /// The pc of the next real row.
  T NextPc;
  /// The register window base.
  T Fp;
  /// The instruction's fields, as in the program table.
  T A, B, C, Imm;
  /// Imm = ImmLo + 2^16 ImmHi; ImmSign is its bit 31.
  T ImmLo, ImmHi, ImmSign;
  /// 1 when a conditional branch is taken.
  T Taken;
  /// One per supported opcode (CpuSelectorOps).
  T Sel[NumCpuSelectors];
  /// First and second operand values and the result (or, for a conditional
  /// branch, the ALU result it tests).
  T In1[NumLimbs];
  T In2[NumLimbs];
  T Out[NumLimbs];
};

class CpuAir {
public:
  static constexpr const char *Name = "cpu";
  static constexpr size_t Width = NumCols<CpuCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const CpuCols<E> &L = viewRow<CpuCols>(Bld.local());
    const CpuCols<E> &N = viewRow<CpuCols>(Bld.next());

    // Everything an opcode decides is a linear combination of selectors.
    E SelSum(0), OpcodeE(0), AluOpE(0), AluUsed(0), Reads1(0), Src1A(0),
        Src1B(0), Reads2(0), Src2B(0), Src2C(0), Writes(0), ImmValue(0),
        IfOne(0), IfZero(0), Jump(0), Stop(0), Mov(0), Li(0), Ldc(0);
    for (unsigned I = 0; I < NumCpuSelectors; ++I) {
      const E &S = L.Sel[I];
      const CpuOpInfo &Info = cpuOpInfo(CpuSelectorOps[I]);
      Bld.assertBool("cpu.selector_bool", S);
      SelSum = SelSum + S;
      OpcodeE = OpcodeE + S * E(static_cast<uint8_t>(CpuSelectorOps[I]));
      if (Info.UsesAlu) {
        AluUsed = AluUsed + S;
        AluOpE = AluOpE + S * E(static_cast<uint8_t>(Info.AluOp));
      }
      if (Info.Reads1) {
        Reads1 = Reads1 + S;
        (Info.Src1Field == 0 ? Src1A : Src1B) =
            (Info.Src1Field == 0 ? Src1A : Src1B) + S;
      }
      if (Info.Reads2) {
        Reads2 = Reads2 + S;
        (Info.Src2Field == 1 ? Src2B : Src2C) =
            (Info.Src2Field == 1 ? Src2B : Src2C) + S;
      }
      if (Info.Writes)
        Writes = Writes + S;
      if (Info.ImmValue)
        ImmValue = ImmValue + S;
      if (Info.Branch == BranchKind::IfOne)
        IfOne = IfOne + S;
      if (Info.Branch == BranchKind::IfZero)
        IfZero = IfZero + S;
      if (Info.Branch == BranchKind::Always)
        Jump = Jump + S;
      if (Info.IsStop)
        Stop = Stop + S;
      if (Info.IsMov)
        Mov = Mov + S;
      if (Info.IsLi)
        Li = Li + S;
      if (Info.IsLdc)
        Ldc = Ldc + S;
    }

    // Decoding: one selector on real rows, none on padding. IsReal needs no
    // constraint of its own: it is 1 on the first row and goes from 1 to 0
    // at a stop (below), and on a row where it is 0 every selector is.
    Bld.assertEq("cpu.one_selector", SelSum, L.IsReal);

    // The execution starts at pc 0, cycle 0, window 0.
    Bld.whenFirstRow().assertOne("cpu.first_row_real", L.IsReal);
    Bld.whenFirstRow().assertZero("cpu.first_pc", L.Pc);
    Bld.whenFirstRow().assertZero("cpu.first_clk", L.Clk);
    Bld.whenFirstRow().assertZero("cpu.first_fp", L.Fp);
    Bld.whenTransition().assertEq("cpu.clk_step", N.Clk, L.Clk + E(1));
    // fcall and fret are not supported yet: the window never moves.
    Bld.whenTransition().assertEq("cpu.fp_constant", N.Fp, L.Fp);

    // Real rows run until `stop` and only padding follows it:
    // IsReal' = IsReal - Stop, and the last row is padding or a stop.
    Bld.whenTransition().assertEq("cpu.real_until_stop", N.IsReal,
                                  L.IsReal - Stop);
    Bld.whenLastRow().assertEq("cpu.last_row_stops", L.IsReal, Stop);

    // The pc update: sequential unless a jump or a taken branch.
    Bld.assertEq("cpu.taken", L.Taken,
                 IfOne * L.Out[0] + IfZero * (E(1) - L.Out[0]));
    Bld.assertEq("cpu.next_pc", L.NextPc,
                 L.Pc + E(1) + (Jump + L.Taken) * (L.Imm - L.Pc - E(1)));
    Bld.whenTransition().when(N.IsReal).assertEq("cpu.pc_continuity", N.Pc,
                                                 L.NextPc);

    // The immediate as a value: sext(imm) in 16-bit limbs. ImmLo and ImmHi
    // are range checked, and 2 (ImmHi - 2^15 ImmSign) < 2^16 makes ImmSign
    // bit 15 of ImmHi.
    Bld.assertEq("cpu.imm_split", L.Imm, L.ImmLo + E(LimbBase) * L.ImmHi);
    Bld.assertBool("cpu.imm_sign_bool", L.ImmSign);
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E Limb = I == 0 ? L.ImmLo : I == 1 ? L.ImmHi : E(0xffff) * L.ImmSign;
      Bld.when(ImmValue).assertEq("cpu.imm_operand", L.In2[I], Limb);
    }

    // Operands an instruction does not have are zero, so that what the CPU
    // sends to the ALU is determined by the instruction.
    for (unsigned I = 0; I < NumLimbs; ++I) {
      Bld.when(E(1) - Reads1).assertZero("cpu.unused_in1_zero", L.In1[I]);
      Bld.when(E(1) - Reads2 - ImmValue)
          .assertZero("cpu.unused_in2_zero", L.In2[I]);
      Bld.when(Mov).assertEq("cpu.mov", L.Out[I], L.In1[I]);
      Bld.when(Li).assertEq("cpu.li", L.Out[I], L.In2[I]);
    }

    // Fetch; for ldc the fetched instruction carries its constant, which
    // is the result.
    Tuple<E> Fetch;
    for (const E &V : {L.Pc, OpcodeE, L.A, L.B, L.C, L.Imm})
      Fetch.push(V);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Fetch.push(Ldc * L.Out[I]);
    Bld.interact(Bus::Program, L.IsReal, Fetch, /*IsSend=*/true);
    // Register accesses, in timestamp order within the cycle.
    E Ts = E(4) * L.Clk;
    Bld.send(Bus::Register, Reads1, L.Fp + Src1A * L.A + Src1B * L.B, Ts + E(1),
             E(0), L.In1);
    Bld.send(Bus::Register, Reads2, L.Fp + Src2B * L.B + Src2C * L.C, Ts + E(2),
             E(0), L.In2);
    Bld.send(Bus::Register, Writes, L.Fp + L.A, Ts + E(3), E(1), L.Out);
    // The ALU.
    Bld.send(Bus::Alu, AluUsed, AluOpE, L.In1, L.In2, L.Out);
    // Range checks of the immediate's limbs.
    Bld.send(Bus::Range16, ImmValue, L.ImmLo);
    Bld.send(Bus::Range16, ImmValue, L.ImmHi);
    Bld.send(Bus::Range16, ImmValue,
             E(2) * (L.ImmHi - E(1u << 15) * L.ImmSign));
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_CPUAIR_H
