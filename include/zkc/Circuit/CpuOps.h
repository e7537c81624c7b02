//===-- zkc/Circuit/CpuOps.h - The CPU table's view of opcodes --*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The CPU table has one selector column per instruction the circuit
// supports. Which register fields an instruction reads and writes, and
// whether its immediate is an operand value, are generated from the operand
// letters of ZVMInstrs.def; what the circuit does with it (which ALU
// operation it asks for, how it branches) is the one switch below. An
// opcode the switch does not list has no selector, so no CPU row can execute
// it: trace generation reports it as unsupported by the circuit.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_CPUOPS_H
#define ZKC_CIRCUIT_CPUOPS_H

#include "zkc/ISA/Instruction.h"

#include <array>
#include <cstdint>

namespace zkc::circuit {

enum class BranchKind : uint8_t {
  None,
  /// jmp: always to the target.
  Always,
  /// Taken when the ALU result is 1 (jz, beq, bltu, blt).
  IfOne,
  /// Taken when the ALU result is 0 (jnz, bne, bgeu, bge).
  IfZero,
  /// jr and fcallr: to the first operand.
  Register,
  /// fret: to the return pc on the internal call stack.
  Return,
};

/// How the CPU table executes one opcode.
struct CpuOpInfo {
  bool Supported = false;
  /// The ALU bus operation (an opcode of the register form), if any.
  bool UsesAlu = false;
  /// The operation has a third operand and goes on the alu3 bus instead.
  bool UsesAlu3 = false;
  Opcode AluOp = Opcode::Invalid;
  BranchKind Branch = BranchKind::None;
  /// Ends the execution: stop, return or revert (the last real row).
  bool IsStop = false;
  /// revert: the execution ends reverted, a public output.
  bool IsRevert = false;
  /// fcall and fcallr: push (pc + 1, fp, sp) on the internal call stack and
  /// move the window (fcall's target is an Always branch, fcallr's a
  /// Register one).
  bool IsFCall = false;
  /// mov: the result is the first source.
  bool IsMov = false;
  /// li: the result is the immediate.
  bool IsLi = false;
  /// ldc: the result is the pool constant the program table holds.
  bool IsLdc = false;
  /// An environment instruction: the result is a public input, looked up
  /// in the environment table.
  bool IsEnv = false;
  /// A heap load or store (mload, mstore, mload8, mstore8): the address is
  /// the first source plus sext(imm), the value the result (loads) or the
  /// second source (stores); the heap table checks them.
  bool IsHeap = false;
  /// cdload: the address is the first source plus sext(imm), the result
  /// the calldata word there; the cdload table checks it.
  bool IsCdLoad = false;
  /// keccak256: the result is the hash of the heap range whose start and
  /// length are the first and second sources; the keccak tables check it.
  bool IsKeccak = false;
  /// sload, sstore, tload, tstore: the key is the first source, the value
  /// the result (loads) or the second source (stores); the storage table
  /// checks them. IsTransient for tload and tstore.
  bool IsStorage = false;
  bool IsTransient = false;
  /// log0 .. log4: the log table reads the block and checks the log.
  bool IsLog = false;

  // Stack memory (docs/isa.md).
  /// A stack load (writes A) or store: spld, spst, stload, stload8,
  /// ststore, ststore8; the stack table checks it. StackSpRel: the address
  /// is sp + sext(imm) (spld, spst), otherwise the first source plus
  /// sext(imm). StackByte: one byte (stload8, ststore8).
  bool IsStack = false, StackSpRel = false, StackByte = false;
  /// enter: sp grows by zext(imm).
  bool IsEnter = false;
  /// spaddr: the result is sp + sext(imm).
  bool IsSpAddr = false;

  /// msize: the result is the heap size, CPU state.
  bool IsMSize = false;

  /// cdcopy, codecopy, mcopy: copy the In3 bytes of the calldata, the code
  /// or the heap from In2 to the heap at In1; the copy table checks them.
  bool IsCopy = false;
  /// rdsize: the result is the returndata size, 0 in a context that made no
  /// call.
  bool IsRdSize = false;
  /// rdcopy: with no returndata only a copy of 0 bytes from 0 does not
  /// trap, so its source and length are 0.
  bool IsRdCopy = false;

  // From the operand letters of ZVMInstrs.def.
  /// The instruction reads a first / second register ('s' operands); SrcNField
  /// is the field holding it (0 = A, 1 = B, 2 = C).
  bool Reads1 = false, Reads2 = false;
  uint8_t Src1Field = 0, Src2Field = 0;
  /// The instruction reads a third register, whose index is the immediate
  /// ('r').
  bool Reads3 = false;
  /// The instruction reads a third register in field C (a third 's', as
  /// in the copies), into In3.
  bool Reads3C = false;
  /// The instruction writes register A ('d').
  bool Writes = false;
  /// The immediate is a value ('i'): the second operand is sext(imm). A
  /// heap access's immediate is an address offset instead.
  bool ImmValue = false;
  /// The immediate is an unsigned value ('u'): the second operand is
  /// zext(imm).
  bool ImmZext = false;
};

namespace detail {
constexpr CpuOpInfo circuitSemantics(Opcode Op) {
  CpuOpInfo I;
  I.Supported = true;
  auto Alu = [&I](Opcode A) {
    I.UsesAlu = true;
    I.AluOp = A;
  };
  switch (Op) {
  case Opcode::Stop:
  case Opcode::Return:
    I.IsStop = true;
    break;
  case Opcode::Revert:
    I.IsStop = true;
    I.IsRevert = true;
    break;
  case Opcode::Jmp:
    I.Branch = BranchKind::Always;
    break;
  case Opcode::FCall:
    I.Branch = BranchKind::Always;
    I.IsFCall = true;
    break;
  case Opcode::FCallR:
    I.Branch = BranchKind::Register;
    I.IsFCall = true;
    break;
  case Opcode::FRet:
    I.Branch = BranchKind::Return;
    break;
  case Opcode::Jr:
    I.Branch = BranchKind::Register;
    break;
  case Opcode::Jz:
    Alu(Opcode::IsZero);
    I.Branch = BranchKind::IfOne;
    break;
  case Opcode::Jnz:
    Alu(Opcode::IsZero);
    I.Branch = BranchKind::IfZero;
    break;
  case Opcode::Beq:
    Alu(Opcode::Eq);
    I.Branch = BranchKind::IfOne;
    break;
  case Opcode::Bne:
    Alu(Opcode::Eq);
    I.Branch = BranchKind::IfZero;
    break;
  case Opcode::Bltu:
    Alu(Opcode::Lt);
    I.Branch = BranchKind::IfOne;
    break;
  case Opcode::Bgeu:
    Alu(Opcode::Lt);
    I.Branch = BranchKind::IfZero;
    break;
  case Opcode::Blt:
    Alu(Opcode::SLt);
    I.Branch = BranchKind::IfOne;
    break;
  case Opcode::Bge:
    Alu(Opcode::SLt);
    I.Branch = BranchKind::IfZero;
    break;
  case Opcode::Mov:
    I.IsMov = true;
    break;
  case Opcode::Li:
    I.IsLi = true;
    break;
  case Opcode::Ldc:
    I.IsLdc = true;
    break;
  case Opcode::Address:
  case Opcode::Origin:
  case Opcode::Caller:
  case Opcode::CallValue:
  case Opcode::GasPrice:
  case Opcode::Coinbase:
  case Opcode::Timestamp:
  case Opcode::Number:
  case Opcode::PrevRandao:
  case Opcode::GasLimit:
  case Opcode::ChainId:
  case Opcode::BaseFee:
  case Opcode::BlobBaseFee:
  case Opcode::SelfBalance:
  case Opcode::CdSize:
  case Opcode::CodeSize:
    I.IsEnv = true;
    break;
  case Opcode::CdLoad:
    I.IsCdLoad = true;
    break;
  case Opcode::Keccak256:
    I.IsKeccak = true;
    break;
  case Opcode::Enter:
    I.IsEnter = true;
    break;
  case Opcode::SpLd:
  case Opcode::SpSt:
    I.IsStack = true;
    I.StackSpRel = true;
    break;
  case Opcode::StLoad:
  case Opcode::StStore:
    I.IsStack = true;
    break;
  case Opcode::StLoad8:
  case Opcode::StStore8:
    I.IsStack = true;
    I.StackByte = true;
    break;
  case Opcode::SpAddr:
    I.IsSpAddr = true;
    break;
  case Opcode::MSize:
    I.IsMSize = true;
    break;
  case Opcode::CdCopy:
  case Opcode::CodeCopy:
  case Opcode::MCopy:
    I.IsCopy = true;
    break;
  case Opcode::RdSize:
    I.IsRdSize = true;
    break;
  case Opcode::RdCopy:
    I.IsRdCopy = true;
    break;
  case Opcode::MLoad:
  case Opcode::MStore:
  case Opcode::MLoad8:
  case Opcode::MStore8:
    I.IsHeap = true;
    break;
  case Opcode::SLoad:
  case Opcode::SStore:
    I.IsStorage = true;
    break;
  case Opcode::TLoad:
  case Opcode::TStore:
    I.IsStorage = true;
    I.IsTransient = true;
    break;
  case Opcode::Log0:
  case Opcode::Log1:
  case Opcode::Log2:
  case Opcode::Log3:
  case Opcode::Log4:
    I.IsLog = true;
    break;
  case Opcode::Add:
  case Opcode::Sub:
  case Opcode::Mul:
  case Opcode::Lt:
  case Opcode::Gt:
  case Opcode::SLt:
  case Opcode::SGt:
  case Opcode::Eq:
  case Opcode::IsZero:
  case Opcode::And:
  case Opcode::Or:
  case Opcode::Xor:
  case Opcode::Not:
  case Opcode::Exp:
  case Opcode::Div:
  case Opcode::SDiv:
  case Opcode::Mod:
  case Opcode::SMod:
  case Opcode::Shl:
  case Opcode::Shr:
  case Opcode::Sar:
  case Opcode::Clz:
  case Opcode::Byte:
  case Opcode::SignExtend:
    Alu(Op);
    break;
  case Opcode::Select:
  case Opcode::AddMod:
  case Opcode::MulMod:
    Alu(Op);
    I.UsesAlu3 = true;
    break;
  // bytei and signextendi take the index second, so they are ALU operations
  // of their own (ByteOpAir.h).
  case Opcode::ByteI:
  case Opcode::SignExtendI:
    Alu(Op);
    break;
  case Opcode::ShlI:
    Alu(Opcode::Shl);
    break;
  case Opcode::ShrI:
    Alu(Opcode::Shr);
    break;
  case Opcode::SarI:
    Alu(Opcode::Sar);
    break;
  case Opcode::AddI:
    Alu(Opcode::Add);
    break;
  case Opcode::MulI:
    Alu(Opcode::Mul);
    break;
  case Opcode::AndI:
    Alu(Opcode::And);
    break;
  case Opcode::OrI:
    Alu(Opcode::Or);
    break;
  case Opcode::XorI:
    Alu(Opcode::Xor);
    break;
  case Opcode::LtI:
    Alu(Opcode::Lt);
    break;
  case Opcode::GtI:
    Alu(Opcode::Gt);
    break;
  case Opcode::SLtI:
    Alu(Opcode::SLt);
    break;
  case Opcode::SGtI:
    Alu(Opcode::SGt);
    break;
  case Opcode::EqI:
    Alu(Opcode::Eq);
    break;
  default:
    I.Supported = false;
    break;
  }
  return I;
}

constexpr CpuOpInfo buildCpuOpInfo(Opcode Op) {
  CpuOpInfo I = circuitSemantics(Op);
  const InstrInfo &Info = InstrTable[static_cast<uint8_t>(Op)];
  unsigned Field = 0, Sources = 0;
  for (char K : Info.Operands) {
    if (K == 'd')
      I.Writes = true;
    if (K == 's') {
      if (Sources == 0) {
        I.Reads1 = true;
        I.Src1Field = Field;
      } else if (Sources == 1) {
        I.Reads2 = true;
        I.Src2Field = Field;
      } else {
        I.Reads3C = Field == 2;
      }
      ++Sources;
    }
    if (K == 'i' && !I.IsHeap && !I.IsCdLoad && !I.IsStack && !I.IsSpAddr)
      I.ImmValue = true;
    if (K == 'u')
      I.ImmZext = true;
    if (K == 'r')
      I.Reads3 = true;
    if (InstrInfo::isRegFieldKind(K))
      ++Field;
  }
  return I;
}

constexpr std::array<CpuOpInfo, 256> buildCpuOpTable() {
  std::array<CpuOpInfo, 256> T{};
  for (unsigned Op = 0; Op < 256; ++Op)
    if (InstrTable[Op].Defined)
      T[Op] = buildCpuOpInfo(static_cast<Opcode>(Op));
  return T;
}
} // namespace detail

inline constexpr std::array<CpuOpInfo, 256> CpuOpTable =
    detail::buildCpuOpTable();

inline const CpuOpInfo &cpuOpInfo(Opcode Op) {
  return CpuOpTable[static_cast<uint8_t>(Op)];
}

/// The number of CPU selector columns: one per supported opcode.
inline constexpr unsigned NumCpuSelectors = [] {
  unsigned N = 0;
  for (const CpuOpInfo &I : CpuOpTable)
    N += I.Supported;
  return N;
}();

/// The opcode of each selector column, in opcode order.
inline constexpr std::array<Opcode, NumCpuSelectors> CpuSelectorOps = [] {
  std::array<Opcode, NumCpuSelectors> T{};
  unsigned N = 0;
  for (unsigned Op = 0; Op < 256; ++Op)
    if (CpuOpTable[Op].Supported)
      T[N++] = static_cast<Opcode>(Op);
  return T;
}();

/// The selector column of each opcode, -1 if unsupported.
inline constexpr std::array<int16_t, 256> CpuSelectorIndex = [] {
  std::array<int16_t, 256> T{};
  for (int16_t &V : T)
    V = -1;
  for (unsigned I = 0; I < NumCpuSelectors; ++I)
    T[static_cast<uint8_t>(CpuSelectorOps[I])] = I;
  return T;
}();

// The circuit's assumptions about the table, checked where they are made.
static_assert(
    [] {
      for (unsigned Op = 0; Op < 256; ++Op) {
        const CpuOpInfo &I = CpuOpTable[Op];
        if (!I.Supported)
          continue;
        // A written register is always field A.
        if (I.Writes && InstrTable[Op].Operands[0] != 'd')
          return false;
        // Registers read are in fields A/B (first) and B/C (second).
        if ((I.Reads1 && I.Src1Field > 1) || (I.Reads2 && I.Src2Field == 0))
          return false;
        // An immediate value takes the place of the second source.
        if ((I.ImmValue || I.ImmZext) && (I.Reads2 || I.ImmValue == I.ImmZext))
          return false;
        // The third operand is the operand of an alu3 operation.
        if (I.Reads3 != I.UsesAlu3 || (I.Reads3 && (I.ImmValue || I.ImmZext)))
          return false;
        // Direct branches take their target from the immediate.
        if ((I.Branch == BranchKind::Always || I.Branch == BranchKind::IfOne ||
             I.Branch == BranchKind::IfZero) &&
            InstrTable[Op].Operands.find('t') == std::string_view::npos)
          return false;
        // Conditional branches test an ALU result and write nothing.
        if ((I.Branch == BranchKind::IfOne || I.Branch == BranchKind::IfZero) &&
            (!I.UsesAlu || I.Writes))
          return false;
        // jr and fcallr read their target first; fret reads nothing of the
        // frame; none writes.
        if (I.Branch == BranchKind::Register &&
            (!I.Reads1 || I.Reads2 || I.Writes))
          return false;
        if (I.Branch == BranchKind::Return && (I.Reads1 || I.Writes))
          return false;
        // fcall and fcallr write no register (the window base is not a
        // register read); fcallr reads its target (field B), fcall none.
        if (I.IsFCall &&
            (I.Writes || I.Reads1 != (I.Branch == BranchKind::Register) ||
             (I.Reads1 && I.Src1Field != 1)))
          return false;
        // Anything that is not a jump, stop, mov or li writes an ALU result.
        if (I.Branch == BranchKind::None && !I.IsStop && !I.IsMov && !I.IsLi &&
            !I.IsLdc && !I.IsEnv && !I.IsHeap && !I.IsCdLoad && !I.IsKeccak &&
            !I.IsStorage && !I.IsLog && !I.IsStack && !I.IsEnter &&
            !I.IsSpAddr && !I.IsMSize && !I.IsCopy && !I.IsRdSize &&
            !I.IsRdCopy && !(I.UsesAlu && I.Writes))
          return false;
        // A heap access reads its address first; a load writes the value, a
        // store reads it second.
        if (I.IsHeap && (!I.Reads1 || I.UsesAlu || I.Writes == I.Reads2 ||
                         I.ImmValue || I.ImmZext || I.Reads3))
          return false;
        // A halt reads its range's start (A) then its length (B), if any,
        // and writes nothing: the CPU's halt tuple takes them from In1, In2.
        if (I.IsStop && (I.Writes || I.Reads3 || I.Reads1 != I.Reads2 ||
                         (I.Reads1 && (I.Src1Field != 0 || I.Src2Field != 1))))
          return false;
        // cdload reads its address first and writes the word.
        if (I.IsCdLoad && (!I.Reads1 || !I.Writes || I.Reads2 || I.UsesAlu ||
                           I.ImmValue || I.ImmZext || I.Reads3))
          return false;
        // keccak256 reads its range's start, then its length, and writes
        // the hash.
        if (I.IsKeccak && (!I.Reads1 || !I.Reads2 || !I.Writes || I.UsesAlu ||
                           I.ImmValue || I.ImmZext || I.Reads3))
          return false;
        // A storage access reads its key first; a load writes the value, a
        // store reads it second.
        if (I.IsStorage && (!I.Reads1 || I.UsesAlu || I.Writes == I.Reads2 ||
                            I.ImmValue || I.ImmZext || I.Reads3))
          return false;
        // A log reads its block in the log table, nothing in the CPU.
        if (I.IsLog && (I.Reads1 || I.Reads2 || I.Reads3 || I.Writes ||
                        I.UsesAlu || I.ImmValue || I.ImmZext))
          return false;
        // A stack load writes the value and reads its address first (none
        // for spld); a store reads its address first and the value second,
        // or, for spst, the value first.
        if (I.IsStack &&
            (I.UsesAlu || I.ImmValue || I.ImmZext || I.Reads3 ||
             (I.Writes ? I.Reads2 || I.Reads1 == I.StackSpRel
                       : I.Reads1 != true || I.Reads2 == I.StackSpRel ||
                             (I.StackSpRel && I.Src1Field != 0))))
          return false;
        // enter's amount is zext(imm); spaddr only writes its result.
        if (I.IsEnter &&
            (!I.ImmZext || I.Reads1 || I.Reads2 || I.Writes || I.UsesAlu))
          return false;
        if (I.IsSpAddr && (!I.Writes || I.Reads1 || I.Reads2 || I.ImmValue ||
                           I.ImmZext || I.UsesAlu))
          return false;
        // msize only writes its result.
        if (I.IsMSize && (!I.Writes || I.Reads1 || I.Reads2 || I.ImmValue ||
                          I.ImmZext || I.UsesAlu))
          return false;
        // A copy (and rdcopy) reads its destination (A), source (B) and
        // length (C) and writes nothing; rdsize only writes.
        if ((I.IsCopy || I.IsRdCopy) &&
            (!I.Reads1 || !I.Reads2 || !I.Reads3C || I.Src1Field != 0 ||
             I.Src2Field != 1 || I.Writes || I.UsesAlu || I.ImmValue ||
             I.ImmZext || I.Reads3))
          return false;
        if (I.Reads3C && !I.IsCopy && !I.IsRdCopy)
          return false;
        if (I.IsRdSize && (!I.Writes || I.Reads1 || I.Reads2 || I.UsesAlu))
          return false;
        // An environment instruction only writes its result.
        if (I.IsEnv && (!I.Writes || I.Reads1 || I.Reads2 || I.UsesAlu))
          return false;
      }
      return CpuOpTable[static_cast<uint8_t>(Opcode::Stop)].Supported;
    }(),
    "the CPU table's assumptions about ZVMInstrs.def do not hold");

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_CPUOPS_H
