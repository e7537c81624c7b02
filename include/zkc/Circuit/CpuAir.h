//===-- zkc/Circuit/CpuAir.h - The CPU table --------------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One row per cycle: the instruction fetched (looked up in the program
// table), its operand values as 16 limbs each (read and written through the
// register bus), the ALU operation it asks for, and the pc update. Real rows
// form a prefix that ends with `stop`, `return` or `revert`, which tells the
// output table how the execution ended; padding rows are all zero but for
// the clock and NextPc. docs/circuit.md lists every constraint with its degree.
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
  /// The cycle number; register timestamps are 4 Clk + 1, + 2, + 3 (reads)
  /// and 4 Clk + 4 (the write).
  T Clk;
  T Pc;
  /// The pc of the next real row.
  T NextPc;
  /// The register window base.
  T Fp;
  /// The number of outstanding fcalls.
  T Depth;
  /// The instruction's fields, as in the program table.
  T A, B, C, Imm;
  /// Imm = ImmLo + 2^16 ImmHi; ImmSign is its bit 31.
  T ImmLo, ImmHi, ImmSign;
  /// 1 when a conditional branch is taken.
  T Taken;
  /// One per supported opcode (CpuSelectorOps).
  T Sel[NumCpuSelectors];
  /// First, second and third operand values and the result (or, for a
  /// conditional branch, the ALU result it tests).
  T In1[NumLimbs];
  T In2[NumLimbs];
  T In3[NumLimbs];
  T Out[NumLimbs];
};

/// The internal call stack lives in the register memory, entry d at address
/// StackBase + d: above every frame cell, since fp grows by at most 255 per
/// outstanding fcall and their number is below 2^16 (fp < 2^24).
inline constexpr uint64_t CallStackBase = 1ull << 30;

class CpuAir {
public:
  static constexpr const char *Name = "cpu";
  /// CodeLength is the program's length without the sentinel: jr may not
  /// go to it or beyond.
  explicit CpuAir(uint64_t CodeLength = 0) : CodeLength(CodeLength) {}

  static constexpr size_t Width = NumCols<CpuCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const CpuCols<E> &L = viewRow<CpuCols>(Bld.local());
    const CpuCols<E> &N = viewRow<CpuCols>(Bld.next());

    // Everything an opcode decides is a linear combination of selectors.
    E SelSum(0), OpcodeE(0), AluOpE(0), AluUsed(0), Alu3Used(0), Reads3(0),
        Reads1(0), Src1A(0), Src1B(0), Reads2(0), Src2B(0), Src2C(0), Writes(0),
        ImmValue(0), ImmZext(0), IfOne(0), IfZero(0), Jump(0), Stop(0), Mov(0),
        Li(0), Ldc(0), Jr(0), FCall(0), FRet(0), Env(0), HeapLoad(0),
        HeapStore(0), Revert(0), CdLoad(0), Keccak(0);
    E Copy(0), Reads3C(0), RdSize(0), RdCopy(0);
    for (unsigned I = 0; I < NumCpuSelectors; ++I) {
      const E &S = L.Sel[I];
      const CpuOpInfo &Info = cpuOpInfo(CpuSelectorOps[I]);
      Bld.assertBool("cpu.selector_bool", S);
      SelSum = SelSum + S;
      OpcodeE = OpcodeE + S * E(static_cast<uint8_t>(CpuSelectorOps[I]));
      if (Info.UsesAlu) {
        (Info.UsesAlu3 ? Alu3Used : AluUsed) =
            (Info.UsesAlu3 ? Alu3Used : AluUsed) + S;
        AluOpE = AluOpE + S * E(static_cast<uint8_t>(Info.AluOp));
      }
      if (Info.Reads3)
        Reads3 = Reads3 + S;
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
      if (Info.ImmZext)
        ImmZext = ImmZext + S;
      if (Info.Branch == BranchKind::IfOne)
        IfOne = IfOne + S;
      if (Info.Branch == BranchKind::IfZero)
        IfZero = IfZero + S;
      if (Info.Branch == BranchKind::Always)
        Jump = Jump + S;
      if (Info.IsStop)
        Stop = Stop + S;
      if (Info.IsRevert)
        Revert = Revert + S;
      if (Info.IsCdLoad)
        CdLoad = CdLoad + S;
      if (Info.IsKeccak)
        Keccak = Keccak + S;
      if (Info.Branch == BranchKind::Register)
        Jr = Jr + S;
      if (Info.Branch == BranchKind::Return)
        FRet = FRet + S;
      if (Info.IsFCall)
        FCall = FCall + S;
      if (Info.IsMov)
        Mov = Mov + S;
      if (Info.IsLi)
        Li = Li + S;
      if (Info.IsLdc)
        Ldc = Ldc + S;
      if (Info.IsEnv)
        Env = Env + S;
      if (Info.IsHeap)
        (Info.Writes ? HeapLoad : HeapStore) =
            (Info.Writes ? HeapLoad : HeapStore) + S;
      if (Info.IsCopy)
        Copy = Copy + S;
      if (Info.Reads3C)
        Reads3C = Reads3C + S;
      if (Info.IsRdSize)
        RdSize = RdSize + S;
      if (Info.IsRdCopy)
        RdCopy = RdCopy + S;
    }
    E Heap = HeapLoad + HeapStore;

    // Decoding: one selector on real rows, none on padding. IsReal needs no
    // constraint of its own: it is 1 on the first row and goes from 1 to 0
    // at a stop (below), and on a row where it is 0 every selector is.
    Bld.assertEq("cpu.one_selector", SelSum, L.IsReal);

    // The execution starts at pc 0, cycle 0, window 0.
    Bld.whenFirstRow().assertOne("cpu.first_row_real", L.IsReal);
    Bld.whenFirstRow().assertZero("cpu.first_pc", L.Pc);
    Bld.whenFirstRow().assertZero("cpu.first_clk", L.Clk);
    Bld.whenFirstRow().assertZero("cpu.first_fp", L.Fp);
    Bld.whenFirstRow().assertZero("cpu.first_depth", L.Depth);
    Bld.whenTransition().assertEq("cpu.clk_step", N.Clk, L.Clk + E(1));

    // The internal call stack: fcall writes (pc + 1, fp) to entry Depth as
    // the limbs of (pc + 1) + 2^32 fp (Out, which fcall has free), fret
    // reads them back from entry Depth - 1 (In1). The limbs need no range
    // check: whatever was written is read back and recombined the same way.
    // The emulator traps at 2^16 outstanding fcalls and on a fret with
    // none, so Depth (at fcall) and Depth - 1 (at fret) are below 2^16.
    Bld.whenTransition().assertEq("cpu.depth_step", N.Depth,
                                  L.Depth + FCall - FRet);
    Bld.when(FCall).assertEq("cpu.fcall_saves",
                             L.Out[0] + E(LimbBase) * L.Out[1], L.Pc + E(1));
    Bld.when(FCall).assertEq("cpu.fcall_saves",
                             L.Out[2] + E(LimbBase) * L.Out[3], L.Fp);
    E Popped = L.In1[0] + E(LimbBase) * L.In1[1];
    E PoppedFp = L.In1[2] + E(LimbBase) * L.In1[3];
    // The window moves by fcall's A and back at fret.
    Bld.whenTransition().assertEq(
        "cpu.fp_step", N.Fp, L.Fp + FCall * L.A + FRet * (PoppedFp - L.Fp));

    // Real rows run until `stop`, `return` or `revert` (Stop) and only
    // padding follows: IsReal' = IsReal - Stop, and the last row is
    // padding or a halt.
    Bld.whenTransition().assertEq("cpu.real_until_stop", N.IsReal,
                                  L.IsReal - Stop);
    Bld.whenLastRow().assertEq("cpu.last_row_stops", L.IsReal, Stop);

    // The pc update: sequential unless a jump or a taken branch.
    Bld.assertEq("cpu.taken", L.Taken,
                 IfOne * L.Out[0] + IfZero * (E(1) - L.Out[0]));
    // jr and fret go to In1_0 + 2^16 In1_1: jr's target (a register whose
    // other limbs are zero), fret's return pc.
    Bld.assertEq("cpu.next_pc", L.NextPc,
                 L.Pc + E(1) + (Jump + L.Taken) * (L.Imm - L.Pc - E(1)) +
                     (Jr + FRet) * (Popped - L.Pc - E(1)));
    for (unsigned I = 2; I < NumLimbs; ++I)
      Bld.when(Jr).assertZero("cpu.jr_target", L.In1[I]);
    // jr traps unless its target is below the code length: CodeLength - 1 -
    // target = Out_0 + 2^16 Out_1, both range checked.
    Bld.when(Jr).assertEq("cpu.jr_in_code", L.Out[0] + E(LimbBase) * L.Out[1],
                          E(CodeLength) - E(1) - Popped);
    Bld.whenTransition().when(N.IsReal).assertEq("cpu.pc_continuity", N.Pc,
                                                 L.NextPc);
    // A heap address is In1 + sext(imm) below 2^28 (the heap limit). The
    // circuit takes In1 below 2^32, so that the sum is In1_0 + 2^16 In1_1 +
    // Imm - 2^32 ImmSign over the integers; a larger base would have to
    // wrap around 2^256, which checkSupported refuses. cdload's address is
    // the same sum.
    for (unsigned I = 2; I < NumLimbs; ++I)
      Bld.when(Heap + CdLoad).assertZero("cpu.heap_base", L.In1[I]);

    // return and revert give their heap range as In1 (start) and In2
    // (length), taken below 2^32 (checkSupported refuses more; a longer
    // range traps anyway) so that each is its two low limbs.
    for (unsigned I = 2; I < NumLimbs; ++I) {
      Bld.when(Stop).assertZero("cpu.output_range", L.In1[I]);
      Bld.when(Stop).assertZero("cpu.output_range", L.In2[I]);
    }

    // keccak256's range, In1 (start) and In2 (length), is taken below 2^32
    // like a returned range (checkSupported refuses more), so that each is
    // its two low limbs. Both stay in the row for the heap size.
    for (unsigned I = 2; I < NumLimbs; ++I) {
      Bld.when(Keccak).assertZero("cpu.keccak_range", L.In1[I]);
      Bld.when(Keccak).assertZero("cpu.keccak_range", L.In2[I]);
    }

    // The immediate as a value: sext(imm) (or, for 'u' operands, zext(imm))
    // in 16-bit limbs. ImmLo and ImmHi are range checked, and
    // 2 (ImmHi - 2^15 ImmSign) < 2^16 makes ImmSign bit 15 of ImmHi.
    E ImmAny = ImmValue + ImmZext;
    Bld.assertEq("cpu.imm_split", L.Imm, L.ImmLo + E(LimbBase) * L.ImmHi);
    Bld.assertBool("cpu.imm_sign_bool", L.ImmSign);
    for (unsigned I = 0; I < NumLimbs; ++I) {
      E Limb = I == 0   ? L.ImmLo
               : I == 1 ? L.ImmHi
                        : E(0xffff) * L.ImmSign * ImmValue;
      Bld.when(ImmAny).assertEq("cpu.imm_operand", L.In2[I], Limb);
    }

    // Operands an instruction does not have are zero, so that what the CPU
    // sends to the ALU is determined by the instruction.
    for (unsigned I = 0; I < NumLimbs; ++I) {
      Bld.when(E(1) - Reads1 - FRet)
          .assertZero("cpu.unused_in1_zero", L.In1[I]);
      Bld.when(E(1) - Reads2 - ImmAny)
          .assertZero("cpu.unused_in2_zero", L.In2[I]);
      Bld.when(E(1) - Reads3 - Reads3C)
          .assertZero("cpu.unused_in3_zero", L.In3[I]);
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
    Bld.send(Bus::Register, Reads3, L.Fp + L.Imm, Ts + E(3), E(0), L.In3);
    Bld.send(Bus::Register, Writes, L.Fp + L.A, Ts + E(4), E(1), L.Out);
    Bld.send(Bus::Register, FCall, E(CallStackBase) + L.Depth, Ts + E(4), E(1),
             L.Out);
    Bld.send(Bus::Register, FRet, E(CallStackBase) + L.Depth - E(1), Ts + E(1),
             E(0), L.In1);
    Bld.send(Bus::Range16, FCall, L.Depth);
    Bld.send(Bus::Range16, FRet, L.Depth - E(1));
    Bld.send(Bus::Range16, Jr, L.Out[0]);
    Bld.send(Bus::Range16, Jr, L.Out[1]);
    // The ALU.
    Bld.send(Bus::Alu, AluUsed, AluOpE, L.In1, L.In2, L.Out);
    Bld.send(Bus::Alu3, Alu3Used, AluOpE, L.In1, L.In2, L.In3, L.Out);
    // Environment instructions' results are the call's public inputs.
    Bld.send(Bus::Env, Env, OpcodeE, L.Out);
    // Heap loads and stores, at timestamp Clk + 1 (the initial state's is
    // 0); the heap table checks the address and the bytes.
    Tuple<E> HeapOp;
    HeapOp.push(OpcodeE);
    HeapOp.push(L.Clk + E(1));
    E HeapAddr =
        L.In1[0] + E(LimbBase) * L.In1[1] + L.Imm - E(1ull << 32) * L.ImmSign;
    HeapOp.push(HeapAddr);
    for (unsigned I = 0; I < NumLimbs; ++I)
      HeapOp.push(HeapLoad * L.Out[I] + HeapStore * L.In2[I]);
    Bld.interact(Bus::Heap, Heap, HeapOp, /*IsSend=*/true);
    // cdload's word, which the cdload table reads from the public calldata.
    Bld.send(Bus::CdLoad, CdLoad, HeapAddr, L.Out);
    // keccak256's hash, which the keccak tables compute from the heap's
    // bytes at this row's heap timestamp.
    Bld.send(Bus::Keccak, Keccak, L.In1[0] + E(LimbBase) * L.In1[1],
             L.In2[0] + E(LimbBase) * L.In2[1], L.Out, L.Clk + E(1));
    // The halt: once per output byte and once more, so that the output
    // table's public length is the one returned (stop reads nothing: its
    // range is empty).
    E OutStart = L.In1[0] + E(LimbBase) * L.In1[1];
    E OutLength = L.In2[0] + E(LimbBase) * L.In2[1];
    Bld.send(Bus::Halt, Stop * (OutLength + E(1)), Revert, OutLength, OutStart,
             L.Clk + E(1));
    // Range checks of the immediate's limbs (for a heap access, so that
    // ImmSign is its sign).
    Bld.send(Bus::Range16, ImmAny + Heap + CdLoad, L.ImmLo);
    Bld.send(Bus::Range16, ImmAny + Heap + CdLoad, L.ImmHi);
    Bld.send(Bus::Range16, ImmAny + Heap + CdLoad,
             E(2) * (L.ImmHi - E(1u << 15) * L.ImmSign));

    // Copies (cdcopy, codecopy): destination In1, source In2 and length In3
    // are taken below 2^32 (checkSupported refuses more), so that each is
    // its two low limbs. The copy table writes the bytes to the heap at
    // this row's heap timestamp. The destination range stays in the row for
    // the heap's size.
    for (unsigned I = 2; I < NumLimbs; ++I) {
      Bld.when(Copy).assertZero("cpu.copy_range", L.In1[I]);
      Bld.when(Copy).assertZero("cpu.copy_range", L.In2[I]);
      Bld.when(Copy).assertZero("cpu.copy_range", L.In3[I]);
    }
    Bld.send(Bus::Register, Reads3C, L.Fp + L.C, Ts + E(3), E(0), L.In3);
    Bld.send(Bus::Copy, Copy, OpcodeE, L.In1[0] + E(LimbBase) * L.In1[1],
             L.In2[0] + E(LimbBase) * L.In2[1],
             L.In3[0] + E(LimbBase) * L.In3[1], L.Clk + E(1));
    // A single context has made no call, so its returndata is empty:
    // rdsize gives 0, and rdcopy traps unless its source and length are 0
    // (then it copies nothing).
    for (unsigned I = 0; I < NumLimbs; ++I) {
      Bld.when(RdSize).assertZero("cpu.rdsize_zero", L.Out[I]);
      Bld.when(RdCopy).assertZero("cpu.rdcopy_empty", L.In2[I]);
      Bld.when(RdCopy).assertZero("cpu.rdcopy_empty", L.In3[I]);
    }
  }

private:
  uint64_t CodeLength;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_CPUAIR_H
