//===-- zkc/CodeGen/MachineIR.h - The ZVM code generator's IR ---*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The machine-level representation between instruction selection and
// assembly emission: functions of blocks of ZVM instructions over virtual
// registers, plus a few pseudo instructions that frame lowering expands once
// registers are assigned (parallel copies, returns). Operands follow the
// operand letters of ZVMInstrs.def: registers written (Defs), registers read
// (Uses, including the `r` operand held in the immediate field), and at most
// one immediate, target or constant.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CODEGEN_MACHINEIR_H
#define ZKC_CODEGEN_MACHINEIR_H

#include "zkc/ISA/Instruction.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace zkc::codegen {

/// Pseudo opcodes live above the 8-bit ZVM opcodes.
enum PseudoOpcode : unsigned {
  FirstPseudo = 256,
  /// Defs[i] = Uses[i] for all i at once (phi elimination).
  PCopy = FirstPseudo,
  /// Returns Uses in r0, r1, ... of the window (fret, or stop in __entry).
  Ret,
};

/// Outgoing register I (call arguments and results, instruction blocks):
/// register FrameTop + I of the window, resolved by frame lowering. These
/// are never live across anything but the call or instruction they feed.
inline constexpr unsigned FirstOutReg = 1u << 30;
inline bool isOutReg(unsigned R) { return R >= FirstOutReg; }
inline unsigned outReg(unsigned I) { return FirstOutReg + I; }

struct MBlock;

struct MInstr {
  unsigned Opc = 0;
  llvm::SmallVector<unsigned, 1> Defs;
  llvm::SmallVector<unsigned, 3> Uses;
  /// The `i`/`u` immediate when Sym is empty.
  int64_t Imm = 0;
  /// Symbolic immediate text: a constant for `ldc`, an @-function for `i`
  /// and `u` operands, a function label for `fcall`.
  std::string Sym;
  /// Branch target within the function.
  MBlock *Target = nullptr;
  /// For the spill stores and reloads the allocator inserts: the spilled
  /// value they move (an id of the coalesced group), which the verifier
  /// follows through the slot. -1 for everything else.
  int SpillOf = -1;

  MInstr() = default;
  explicit MInstr(unsigned Opc) : Opc(Opc) {}

  bool isPseudo() const { return Opc >= FirstPseudo; }
  Opcode opcode() const { return static_cast<Opcode>(Opc); }
  bool isCopy() const {
    return Opc == static_cast<unsigned>(Opcode::Mov) || Opc == PCopy;
  }
  bool isBranch() const;
  bool isConditionalBranch() const;
  /// Ends the block: branches, returns and halting instructions.
  bool isTerminator() const;
};

struct MBlock {
  unsigned Number = 0;
  std::string Label;
  std::vector<MInstr> Instrs;
  /// Number of trailing instructions that are terminators.
  unsigned NumTerminators = 0;
  /// Loop nesting depth, for spill and copy costs.
  unsigned LoopDepth = 0;
  /// In a loop: the preheader of the outermost loop around this block, if
  /// it has one; loop-invariant constants can be loaded there.
  MBlock *LoopPreheader = nullptr;

  /// Successor blocks, from the branch targets.
  llvm::SmallVector<MBlock *, 2> successors() const;
  /// Where phi copies and other end-of-block code go: before terminators.
  std::vector<MInstr>::iterator firstTerminator() {
    return Instrs.end() - NumTerminators;
  }
};

struct MFunction {
  std::string Name;
  std::string Label;
  bool IsEntry = false;
  unsigned NumParams = 0;
  unsigned NumResults = 0;
  std::vector<std::unique_ptr<MBlock>> Blocks;

  /// Per virtual register: a fixed register (-1 for none; parameters are
  /// fixed to r0, r1, ...) and, after allocation, its register.
  std::vector<int> Fixed;
  std::vector<int> Assigned;
  /// Largest outgoing block (call arguments/results, log/call operands).
  unsigned MaxOutRegs = 0;
  /// First register above every allocated one: the window base of calls
  /// and the start of outgoing blocks. Set by frame lowering.
  unsigned FrameTop = 0;

  /// Stack frame (docs/codegen.md, "Frame layout"): the frame objects
  /// (allocas whose address is taken) in the first FrameObjectBytes bytes,
  /// then the allocator's 32-byte spill slots. Until frame lowering, the
  /// immediates of spld, spst and spaddr are offsets from the frame's
  /// start; frame lowering makes them relative to the stack pointer.
  unsigned FrameObjectBytes = 0;
  unsigned NumSpillSlots = 0;
  uint64_t spillSlotOffset(unsigned Slot) const {
    return alignedObjectBytes() + 32 * uint64_t(Slot);
  }
  /// The frame objects' area: rounded up to words, plus one word, because
  /// accesses narrower than a word read (and write back) a whole word
  /// starting at the value, which must stay below sp for the last object.
  uint64_t alignedObjectBytes() const {
    if (!FrameObjectBytes)
      return 0;
    return (uint64_t(FrameObjectBytes) + 31) / 32 * 32 + 32;
  }
  uint64_t frameBytes() const { return spillSlotOffset(NumSpillSlots); }

  unsigned numVRegs() const { return Fixed.size(); }
  unsigned newVReg(int FixedReg = -1) {
    Fixed.push_back(FixedReg);
    return Fixed.size() - 1;
  }
  MBlock *addBlock(std::string Label) {
    Blocks.push_back(std::make_unique<MBlock>());
    Blocks.back()->Number = Blocks.size() - 1;
    Blocks.back()->Label = std::move(Label);
    return Blocks.back().get();
  }
  /// A smaller register budget than the window's, to test spilling
  /// (CodeGenOptions::MaxRegisters); 0 for none.
  unsigned RegisterLimit = 0;

  /// Number of registers an allocation may use: the outgoing block (at
  /// least one register, the parallel copies' scratch) sits above them.
  unsigned allocatableRegs() const {
    unsigned Window = NumWindowRegisters - std::max(MaxOutRegs, 1u);
    if (!RegisterLimit)
      return Window;
    // Parameters cannot be spilled, and one instruction's reloaded
    // operands (up to four, or the values a return reads) must fit besides.
    return std::min(
        Window, std::max(RegisterLimit, NumParams + std::max(NumResults, 5u)));
  }

  void print(llvm::raw_ostream &OS) const;
};

/// The opposite condition of a conditional branch opcode.
Opcode invertBranch(Opcode Op);

/// True for instructions without side effects, which dead code
/// elimination may delete when their results are unused.
bool isPure(const MInstr &I);

} // namespace zkc::codegen

#endif // ZKC_CODEGEN_MACHINEIR_H
