//===-- zkc/Circuit/LookupAir.h - Fixed lookup tables -----------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Tables whose content the verifier knows (preprocessed columns), with one
// main column per lookup: how many times the rest of the circuit asked for
// that row. The program table holds the code being run; the range table the
// 16-bit values; the byte table every pair of bytes with their and, or, xor.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_LOOKUPAIR_H
#define ZKC_CIRCUIT_LOOKUPAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/ISA/Instruction.h"

#include <vector>

namespace zkc::circuit {

//===----------------------------------------------------------------------===//
// Program
//===----------------------------------------------------------------------===//

template <class T> struct ProgramPreCols {
  T Pc, Opcode, A, B, C, Imm;
  /// For ldc, the pool constant it loads; 0 otherwise.
  T Const[NumLimbs];
};
template <class T> struct ProgramCols { T Mult; };

/// pc -> instruction (and the constant of an ldc), for the code of the running
/// object (with the `stop` sentinel ZvmCircuit appends). Padding rows hold
/// `invalid`, which no CPU row can execute.
class ProgramAir {
public:
  static constexpr const char *Name = "program";
  static constexpr size_t Width = NumCols<ProgramCols>;
  static constexpr size_t PreprocessedWidth = NumCols<ProgramPreCols>;

  ProgramAir(std::vector<Instruction> Code, std::vector<Word> Pool)
      : Code(std::move(Code)), Pool(std::move(Pool)) {}
  const std::vector<Instruction> &code() const { return Code; }

  Matrix preprocessedTrace() const;

  template <AirBuilder B> void eval(B &Bld) const {
    const ProgramPreCols<typename B::Expr> &P =
        viewRow<ProgramPreCols>(Bld.preprocessedLocal());
    const ProgramCols<typename B::Expr> &L = viewRow<ProgramCols>(Bld.local());
    Bld.receive(Bus::Program, L.Mult, P.Pc, P.Opcode, P.A, P.B, P.C, P.Imm,
                P.Const);
  }

private:
  std::vector<Instruction> Code;
  std::vector<Word> Pool;
};

//===----------------------------------------------------------------------===//
// 16-bit range
//===----------------------------------------------------------------------===//

template <class T> struct RangePreCols { T Value; };
template <class T> struct RangeCols { T Mult; };

class RangeAir {
public:
  static constexpr const char *Name = "range16";
  static constexpr size_t Width = NumCols<RangeCols>;
  static constexpr size_t PreprocessedWidth = NumCols<RangePreCols>;
  static constexpr size_t Height = 1u << 16;

  Matrix preprocessedTrace() const;

  template <AirBuilder B> void eval(B &Bld) const {
    const RangePreCols<typename B::Expr> &P =
        viewRow<RangePreCols>(Bld.preprocessedLocal());
    const RangeCols<typename B::Expr> &L = viewRow<RangeCols>(Bld.local());
    Bld.receive(Bus::Range16, L.Mult, P.Value);
  }
};

//===----------------------------------------------------------------------===//
// Byte operations
//===----------------------------------------------------------------------===//

template <class T> struct BytePreCols { T X, Y, And, Or, Xor; };
template <class T> struct ByteCols { T MultAnd, MultOr, MultXor; };

/// Row 256 x + y holds (x, y, x & y, x | y, x ^ y).
class ByteAir {
public:
  static constexpr const char *Name = "byte";
  static constexpr size_t Width = NumCols<ByteCols>;
  static constexpr size_t PreprocessedWidth = NumCols<BytePreCols>;
  static constexpr size_t Height = 1u << 16;

  Matrix preprocessedTrace() const;

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const BytePreCols<E> &P = viewRow<BytePreCols>(Bld.preprocessedLocal());
    const ByteCols<E> &L = viewRow<ByteCols>(Bld.local());
    Bld.receive(Bus::Byte, L.MultAnd, E(static_cast<uint8_t>(Opcode::And)), P.X,
                P.Y, P.And);
    Bld.receive(Bus::Byte, L.MultOr, E(static_cast<uint8_t>(Opcode::Or)), P.X,
                P.Y, P.Or);
    Bld.receive(Bus::Byte, L.MultXor, E(static_cast<uint8_t>(Opcode::Xor)), P.X,
                P.Y, P.Xor);
  }
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_LOOKUPAIR_H
