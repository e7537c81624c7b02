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
#include "zkc/Circuit/StackAir.h"

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

  // Stack memory.
  /// The stack pointer (docs/isa.md, "Stack memory").
  T Sp;
  /// A stack access's a - 32 and sp - a - n, and enter's 2^28 - sp - u in
  /// StackHigh: each a 16-bit and a 12-bit limb.
  T StackLow[2], StackHigh[2];

  // The heap size.
  /// The heap size in words, which msize reads (times 32).
  T HeapWords;
  /// The heap range this row touches, [TouchStart, TouchStart + TouchLen):
  /// a heap access's bytes, a return's or revert's output; empty on other
  /// rows. Touched = 1 exactly when it is not empty (TouchLenInv its
  /// length's inverse).
  T TouchStart, TouchLen, Touched, TouchLenInv;
  /// The words up to its end, ceil((TouchStart + TouchLen) / 32):
  /// 32 TouchEndWords = TouchStart + TouchLen + TouchEndRem, 0 <= Rem < 32.
  T TouchEndWords, TouchEndRem;
  /// 1 when the range ends beyond the heap (HeapWords grows to
  /// TouchEndWords); the distance between the two, GapLo + 2^16 GapHi, is
  /// range checked in the direction Grows says.
  T Grows, GrowGapLo, GrowGapHi;
};

/// The stack pointer a context starts with (docs/isa.md), and its limit.
inline constexpr uint64_t StackStart = 32;
inline constexpr uint64_t StackEnd = 1ull << 28;

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

    // fcallr: a call (FCall) through a register (Jr). The stack memory:
    // loads and stores relative to sp (SpRel) or to a register (StackReg),
    // of a word or a byte (StackByte), the value being the result (loads),
    // the first source (spst) or the second (ststore, ststore8). The heap
    // size: msize, and the heap accesses of a word or a byte, whose range
    // grows the heap.
    E FCallR(0), SpRel(0), StackReg(0), StackByte(0), StackLoad(0), SpStore(0),
        RegStore(0), StackOp(0), Enter(0), SpAddr(0), MSize(0),
        HeapWordAccess(0), HeapByteAccess(0);
    for (unsigned I = 0; I < NumCpuSelectors; ++I) {
      const E &S = L.Sel[I];
      const CpuOpInfo &Info = cpuOpInfo(CpuSelectorOps[I]);
      if (Info.IsFCall && Info.Branch == BranchKind::Register)
        FCallR = FCallR + S;
      if (Info.IsEnter)
        Enter = Enter + S;
      if (Info.IsSpAddr)
        SpAddr = SpAddr + S;
      if (Info.IsMSize)
        MSize = MSize + S;
      if (Info.IsHeap) {
        Opcode Op = CpuSelectorOps[I];
        E &Access = Op == Opcode::MLoad8 || Op == Opcode::MStore8
                        ? HeapByteAccess
                        : HeapWordAccess;
        Access = Access + S;
      }
      if (!Info.IsStack)
        continue;
      (Info.StackSpRel ? SpRel : StackReg) =
          (Info.StackSpRel ? SpRel : StackReg) + S;
      if (Info.StackByte)
        StackByte = StackByte + S;
      if (Info.Writes)
        StackLoad = StackLoad + S;
      else
        (Info.StackSpRel ? SpStore : RegStore) =
            (Info.StackSpRel ? SpStore : RegStore) + S;
      uint8_t Code = Info.Writes
                         ? (Info.StackByte ? StackLoad8Op : StackLoadOp)
                         : (Info.StackByte ? StackStore8Op : StackStoreOp);
      StackOp = StackOp + S * E(Code);
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
    Bld.whenFirstRow().assertZero("cpu.first_depth", L.Depth);
    Bld.whenTransition().assertEq("cpu.clk_step", N.Clk, L.Clk + E(1));

    // The internal call stack: fcall and fcallr write (pc + 1, fp, sp) to
    // entry Depth as the limbs of (pc + 1) + 2^32 fp + 2^64 sp (Out, which
    // they have free), fret reads them back from entry Depth - 1 (In1). The
    // limbs need no range check: whatever was written is read back and
    // recombined the same way. The emulator traps at 2^16 outstanding fcalls
    // and on a fret with none, so Depth (at fcall) and Depth - 1 (at fret) are
    // below 2^16.
    Bld.whenTransition().assertEq("cpu.depth_step", N.Depth,
                                  L.Depth + FCall - FRet);
    Bld.when(FCall).assertEq("cpu.fcall_saves",
                             L.Out[0] + E(LimbBase) * L.Out[1], L.Pc + E(1));
    Bld.when(FCall).assertEq("cpu.fcall_saves",
                             L.Out[2] + E(LimbBase) * L.Out[3], L.Fp);
    Bld.when(FCall).assertEq("cpu.fcall_saves",
                             L.Out[4] + E(LimbBase) * L.Out[5], L.Sp);
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
    // jr, fcallr and fret go to In1_0 + 2^16 In1_1: jr's and fcallr's
    // target (a register whose other limbs are zero, read before fcallr
    // moves the window), fret's return pc.
    Bld.assertEq("cpu.next_pc", L.NextPc,
                 L.Pc + E(1) + (Jump + L.Taken) * (L.Imm - L.Pc - E(1)) +
                     (Jr + FRet) * (Popped - L.Pc - E(1)));
    for (unsigned I = 2; I < NumLimbs; ++I)
      Bld.when(Jr).assertZero("cpu.jr_target", L.In1[I]);
    // jr and fcallr trap unless the target is below the code length:
    // CodeLength - 1 - target = Bound_0 + 2^16 Bound_1, both range checked,
    // where Bound is jr's Out_0, Out_1 and fcallr's Out_6, Out_7 (its Out_0
    // to Out_5 are the call stack entry).
    E BoundLo = (Jr - FCallR) * L.Out[0] + FCallR * L.Out[6];
    E BoundHi = (Jr - FCallR) * L.Out[1] + FCallR * L.Out[7];
    Bld.when(Jr).assertEq("cpu.jr_in_code", BoundLo + E(LimbBase) * BoundHi,
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
    Bld.send(Bus::Range16, Jr, BoundLo);
    Bld.send(Bus::Range16, Jr, BoundHi);
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
    // Storage and transient storage (StorageAir.h): the key is In1, the
    // value the result (sload, tload) or In2 (sstore, tstore), at timestamp
    // Clk + 1 (the initial state's is 0).
    {
      E Load(0), Store(0), Transient(0);
      for (unsigned I = 0; I < NumCpuSelectors; ++I) {
        const CpuOpInfo &Info = cpuOpInfo(CpuSelectorOps[I]);
        if (!Info.IsStorage)
          continue;
        (Info.Writes ? Load : Store) = (Info.Writes ? Load : Store) + L.Sel[I];
        if (Info.IsTransient)
          Transient = Transient + L.Sel[I];
      }
      Tuple<E> Access;
      Access.push(Transient);
      Access.push(L.Clk + E(1));
      Access.push(Store);
      for (unsigned I = 0; I < NumLimbs; ++I)
        Access.push(L.In1[I]);
      for (unsigned I = 0; I < NumLimbs; ++I)
        Access.push(Load * L.Out[I] + Store * L.In2[I]);
      Bld.interact(Bus::Storage, Load + Store, Access, /*IsSend=*/true);
    }
    // Logs (LogAir.h): the log table reads the block at Fp + A, and its
    // offset and size are the range the row touches (the heap grows over
    // it).
    E Log(0);
    for (unsigned I = 0; I < NumCpuSelectors; ++I)
      if (cpuOpInfo(CpuSelectorOps[I]).IsLog)
        Log = Log + L.Sel[I];
    Bld.send(Bus::Log, Log, OpcodeE, L.Clk, L.Fp + L.A, L.TouchStart,
             L.TouchLen);
    // The halt: once per output byte and once more, so that the output
    // table's public length is the one returned (stop reads nothing: its
    // range is empty).
    E OutStart = L.In1[0] + E(LimbBase) * L.In1[1];
    E OutLength = L.In2[0] + E(LimbBase) * L.In2[1];
    Bld.send(Bus::Halt, Stop * (OutLength + E(1)), Revert, OutLength, OutStart,
             L.Clk + E(1));
    evalStack(Bld, L, N, FRet, SpRel, StackReg, StackByte, StackLoad, SpStore,
              RegStore, StackOp, Enter, SpAddr);
    evalHeapSize(Bld, L, N, Stop, HeapWordAccess, HeapByteAccess, Keccak, Log,
                 Copy, MSize);

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
  /// The stack pointer and the stack memory (docs/circuit.md, cpu).
  template <AirBuilder B, class E>
  void evalStack(B &Bld, const CpuCols<E> &L, const CpuCols<E> &N,
                 const E &FRet, const E &SpRel, const E &StackReg,
                 const E &StackByte, const E &StackLoad, const E &SpStore,
                 const E &RegStore, const E &StackOp, const E &Enter,
                 const E &SpAddr) const {
    E Stack = SpRel + StackReg;
    // sp starts at 32, grows by enter's zext(imm) and comes back at fret
    // to what fcall or fcallr saved in limbs 4 and 5 of the entry.
    E PoppedSp = L.In1[4] + E(LimbBase) * L.In1[5];
    Bld.whenFirstRow().assertEq("cpu.first_sp", L.Sp, E(StackStart));
    Bld.whenTransition().assertEq(
        "cpu.sp_step", N.Sp, L.Sp + Enter * L.Imm + FRet * (PoppedSp - L.Sp));
    // enter traps past the stack limit: 2^28 - sp - u >= 0. So sp <= 2^28
    // on every row (fret restores a value it had).
    Bld.when(Enter).assertEq("cpu.enter_limit",
                             L.StackHigh[0] + E(LimbBase) * L.StackHigh[1],
                             E(StackEnd) - L.Sp - L.Imm);
    // The address: sp or the first source's low 32 bits (its other limbs
    // zero; checkSupported refuses larger bases, which reach the stack only
    // by wrapping around 2^256), plus sext(imm), over the integers.
    for (unsigned I = 2; I < NumLimbs; ++I)
      Bld.when(StackReg).assertZero("cpu.stack_base", L.In1[I]);
    E SExtImm = L.Imm - E(1ull << 32) * L.ImmSign;
    E Addr =
        SpRel * L.Sp + StackReg * (L.In1[0] + E(LimbBase) * L.In1[1]) + SExtImm;
    // An access of n bytes at a traps unless 32 <= a and a + n <= sp.
    Bld.when(Stack).assertEq("cpu.stack_low",
                             L.StackLow[0] + E(LimbBase) * L.StackLow[1],
                             Addr - E(StackStart));
    Bld.when(Stack).assertEq("cpu.stack_high",
                             L.StackHigh[0] + E(LimbBase) * L.StackHigh[1],
                             L.Sp - Addr - E(32) + E(31) * StackByte);
    Bld.send(Bus::Range16, Stack, L.StackLow[0]);
    Bld.send(Bus::Range16, Stack, E(16) * L.StackLow[1]);
    Bld.send(Bus::Range16, Stack + Enter, L.StackHigh[0]);
    Bld.send(Bus::Range16, Stack + Enter, E(16) * L.StackHigh[1]);
    // spaddr: sp + sext(imm), below 2^32 (checkSupported refuses a negative
    // one, which is a 256-bit word).
    Bld.when(SpAddr).assertEq("cpu.spaddr", L.Out[0] + E(LimbBase) * L.Out[1],
                              L.Sp + SExtImm);
    for (unsigned I = 2; I < NumLimbs; ++I)
      Bld.when(SpAddr).assertZero("cpu.spaddr", L.Out[I]);
    Bld.send(Bus::Range16, SpAddr, L.Out[0]);
    Bld.send(Bus::Range16, SpAddr, L.Out[1]);
    // The immediate is an offset: its limbs are range checked so that
    // ImmSign is its sign, as for heap accesses.
    Bld.send(Bus::Range16, Stack + SpAddr, L.ImmLo);
    Bld.send(Bus::Range16, Stack + SpAddr, L.ImmHi);
    Bld.send(Bus::Range16, Stack + SpAddr,
             E(2) * (L.ImmHi - E(1u << 15) * L.ImmSign));
    // The access, at timestamp Clk + 1; the stack table checks the bytes.
    Tuple<E> Op;
    Op.push(StackOp);
    Op.push(L.Clk + E(1));
    Op.push(Addr);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Op.push(StackLoad * L.Out[I] + SpStore * L.In1[I] + RegStore * L.In2[I]);
    Bld.interact(Bus::Stack, Stack, Op, /*IsSend=*/true);
  }

  /// The heap size (docs/circuit.md, cpu).
  template <AirBuilder B, class E>
  void evalHeapSize(B &Bld, const CpuCols<E> &L, const CpuCols<E> &N,
                    const E &Stop, const E &HeapWordAccess,
                    const E &HeapByteAccess, const E &Keccak, const E &Log,
                    const E &Copy, const E &MSize) const {
    // The heap range each row touches. A log's range is its offset and
    // size, which the log table reads and the log bus ties to this row's;
    // a copy's is its destination (In1, length In3), mcopy's source range
    // growing the heap no further (checkSupported refuses one that would).
    E HeapAddr =
        L.In1[0] + E(LimbBase) * L.In1[1] + L.Imm - E(1ull << 32) * L.ImmSign;
    // return/revert's and keccak256's range: start and length in In1, In2.
    E RangeStart = L.In1[0] + E(LimbBase) * L.In1[1];
    E RangeLength = L.In2[0] + E(LimbBase) * L.In2[1];
    Bld.when(E(1) - Log)
        .assertEq("cpu.heap_touch", L.TouchStart,
                  (HeapWordAccess + HeapByteAccess) * HeapAddr +
                      (Stop + Keccak + Copy) * RangeStart);
    Bld.when(E(1) - Log)
        .assertEq("cpu.heap_touch", L.TouchLen,
                  E(32) * HeapWordAccess + HeapByteAccess +
                      (Stop + Keccak) * RangeLength +
                      Copy * (L.In3[0] + E(LimbBase) * L.In3[1]));
    // Touched is 1 exactly when the range is not empty.
    Bld.assertEq("cpu.touched", L.Touched, L.TouchLen * L.TouchLenInv);
    Bld.assertZero("cpu.touched_exact", L.TouchLen * (E(1) - L.Touched));
    // The words up to its end, rounded up: the remainder is below 32.
    // Start + Length is at most 2^28 (the heap and output tables prove each
    // byte below 2^28), so the words are at most 2^23.
    Bld.when(L.Touched).assertEq("cpu.touch_end", E(32) * L.TouchEndWords,
                                 L.TouchStart + L.TouchLen + L.TouchEndRem);
    Bld.send(Bus::Range16, L.Touched, L.TouchEndRem);
    Bld.send(Bus::Range16, L.Touched, E(1u << 11) * L.TouchEndRem);
    // The heap size is the running maximum of those ends: Grows says which
    // is larger, and their distance (below 2^24) is range checked.
    Bld.assertBool("cpu.grows_bool", L.Grows);
    Bld.assertZero("cpu.grows_touched", L.Grows * (E(1) - L.Touched));
    E Diff = L.TouchEndWords - L.HeapWords;
    Bld.when(L.Touched).assertEq("cpu.heap_size_max",
                                 L.GrowGapLo + E(LimbBase) * L.GrowGapHi,
                                 L.Grows * Diff - (E(1) - L.Grows) * Diff);
    Bld.send(Bus::Range16, L.Touched, L.GrowGapLo);
    Bld.send(Bus::Range16, L.Touched, E(1u << 8) * L.GrowGapHi);
    Bld.whenFirstRow().assertZero("cpu.first_heap_size", L.HeapWords);
    Bld.whenTransition().assertEq("cpu.heap_size_step", N.HeapWords,
                                  L.HeapWords + L.Grows * Diff);
    // msize: 32 HeapWords, below 2^28.
    Bld.when(MSize).assertEq("cpu.msize", L.Out[0] + E(LimbBase) * L.Out[1],
                             E(32) * L.HeapWords);
    for (unsigned I = 2; I < NumLimbs; ++I)
      Bld.when(MSize).assertZero("cpu.msize", L.Out[I]);
    Bld.send(Bus::Range16, MSize, L.Out[0]);
    Bld.send(Bus::Range16, MSize, L.Out[1]);
  }

  uint64_t CodeLength;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_CPUAIR_H
