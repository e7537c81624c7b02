//===-- zkc/ISA/Instruction.h - ZVM instructions and encoding ---*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// This file declares the ZVM opcodes, their static properties (generated from
// ZVMInstrs.def) and the fixed 64-bit instruction encoding:
//
//   bits  0..7   opcode
//   bits  8..15  register field A
//   bits 16..23  register field B
//   bits 24..31  register field C
//   bits 32..63  immediate (two's complement when signed)
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_ISA_INSTRUCTION_H
#define ZKC_ISA_INSTRUCTION_H

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace zkc {

enum InstrFlags : unsigned {
  ZF_None = 0,
  /// Ends the execution of the current call frame.
  ZF_Terminator = 1u << 0,
  /// May transfer control within the code (branches, fcall, fret).
  ZF_Branch = 1u << 1,
  /// Changes state; traps in a static call context.
  ZF_StateWrite = 1u << 2,
  /// Enters another contract (call family and create family).
  ZF_Call = 1u << 3,
};

enum class Opcode : uint8_t {
#define ZVM_INSTR(Name, Mnemonic, Code, Operands, Gas, Block, Flags) Name = Code,
#include "zkc/ISA/ZVMInstrs.def"
};

/// Number of registers in a frame window: register fields are 8 bits wide.
inline constexpr unsigned NumWindowRegisters = 256;
/// Largest stack frame a function may reserve with `enter`, so that its
/// frame offsets fit the signed 32-bit immediates of spld, spst and spaddr.
inline constexpr uint64_t MaxFrameBytes = (1ull << 31) - 32;
/// Size of one encoded instruction in bytes.
inline constexpr unsigned InstrSize = 8;

/// Static facts about one opcode.
struct InstrInfo {
  std::string_view Mnemonic;
  std::string_view Operands;
  uint32_t Gas = 0;
  uint8_t Block = 0;
  unsigned Flags = 0;
  bool Defined = false;

  bool hasFlag(InstrFlags F) const { return (Flags & F) != 0; }
  /// The operand letter that occupies the immediate field, or 0.
  char immKind() const {
    for (char C : Operands)
      if (isImmKind(C))
        return C;
    return 0;
  }
  static constexpr bool isImmKind(char C) {
    return C == 'i' || C == 'u' || C == 't' || C == 'p' || C == 'r';
  }
  static constexpr bool isRegFieldKind(char C) {
    return C == 'd' || C == 's' || C == 'w' || C == 'b';
  }
};

namespace detail {
constexpr std::array<InstrInfo, 256> buildInstrTable() {
  std::array<InstrInfo, 256> T{};
#define ZVM_INSTR(Name, Mnemonic, Code, Operands, Gas, Block, Flags)           \
  T[Code] = InstrInfo{Mnemonic, Operands, Gas, Block, Flags, true};
#include "zkc/ISA/ZVMInstrs.def"
  return T;
}

constexpr bool operandsWellFormed(std::string_view Ops, uint8_t Block) {
  unsigned RegFields = 0, ImmFields = 0;
  bool HasBlock = false;
  for (char C : Ops) {
    if (InstrInfo::isRegFieldKind(C))
      ++RegFields;
    else if (InstrInfo::isImmKind(C))
      ++ImmFields;
    else
      return false;
    HasBlock |= C == 'b';
  }
  return RegFields <= 3 && ImmFields <= 1 && HasBlock == (Block != 0);
}

constexpr unsigned countDefined() {
  unsigned N = 0;
#define ZVM_INSTR(Name, Mnemonic, Code, Operands, Gas, Block, Flags) ++N;
#include "zkc/ISA/ZVMInstrs.def"
  return N;
}
} // namespace detail

inline constexpr std::array<InstrInfo, 256> InstrTable =
    detail::buildInstrTable();

/// Every opcode in the table has a distinct encoding.
static_assert([] {
  unsigned N = 0;
  for (const InstrInfo &I : InstrTable)
    N += I.Defined;
  return N == detail::countDefined();
}(), "two instructions share an opcode in ZVMInstrs.def");

static_assert([] {
  for (const InstrInfo &I : InstrTable)
    if (I.Defined && !detail::operandsWellFormed(I.Operands, I.Block))
      return false;
  return true;
}(), "malformed operand list in ZVMInstrs.def");

/// The zero word decodes as `invalid`, so zero-filled code traps.
static_assert(InstrTable[0].Mnemonic == "invalid");

inline const InstrInfo &getInstrInfo(Opcode Op) {
  return InstrTable[static_cast<uint8_t>(Op)];
}

/// Looks an opcode up by its mnemonic.
std::optional<Opcode> lookupMnemonic(std::string_view Mnemonic);

/// One decoded instruction. The layout matches the little-endian encoding, so
/// decoding is a copy on little-endian hosts.
struct Instruction {
  Opcode Op = Opcode::Invalid;
  uint8_t A = 0;
  uint8_t B = 0;
  uint8_t C = 0;
  uint32_t Imm = 0;

  int32_t simm() const { return static_cast<int32_t>(Imm); }

  uint64_t encode() const {
    return uint64_t(static_cast<uint8_t>(Op)) | uint64_t(A) << 8 |
           uint64_t(B) << 16 | uint64_t(C) << 24 | uint64_t(Imm) << 32;
  }
  static Instruction decode(uint64_t W) {
    Instruction I;
    I.Op = static_cast<Opcode>(W & 0xff);
    I.A = (W >> 8) & 0xff;
    I.B = (W >> 16) & 0xff;
    I.C = (W >> 24) & 0xff;
    I.Imm = static_cast<uint32_t>(W >> 32);
    return I;
  }
  bool operator==(const Instruction &) const = default;
};
static_assert(sizeof(Instruction) == InstrSize);

} // namespace zkc

#endif // ZKC_ISA_INSTRUCTION_H
