//===-- zkc/Circuit/EnvAir.h - Environment values ---------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The environment table holds the public inputs of the call: one fixed row
// per environment instruction (address, caller, callvalue, the block's
// values, the sizes of calldata and code, ...) with the value it gives in
// this call. The verifier builds it from what it knows of the transaction
// and the block, never from the prover's trace; the CPU looks each such
// instruction's result up in it on the env bus, so a result that is not
// the public one leaves the bus unbalanced.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_ENVAIR_H
#define ZKC_CIRCUIT_ENVAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/ISA/Instruction.h"

#include <array>
#include <cstdint>
#include <map>
#include <vector>

namespace zkc::circuit {

/// The instructions whose result is a public input of the call, in the
/// environment table's row order. Each is constant within one context as
/// long as the context makes no calls (which the circuit does not support
/// yet): selfbalance included.
inline constexpr std::array<Opcode, 16> EnvOpcodes = {
    Opcode::Address,     Opcode::Origin,      Opcode::Caller,
    Opcode::CallValue,   Opcode::GasPrice,    Opcode::Coinbase,
    Opcode::Timestamp,   Opcode::Number,      Opcode::PrevRandao,
    Opcode::GasLimit,    Opcode::ChainId,     Opcode::BaseFee,
    Opcode::BlobBaseFee, Opcode::SelfBalance, Opcode::CdSize,
    Opcode::CodeSize};

inline bool isEnvOpcode(Opcode Op) {
  for (Opcode E : EnvOpcodes)
    if (E == Op)
      return true;
  return false;
}

/// The public inputs of one call: the value of each environment
/// instruction, by EnvOpcodes' order.
struct PublicInputs {
  std::array<Word, EnvOpcodes.size()> Env{};
  /// The calldata, read by cdload through the calldata table.
  std::vector<uint8_t> Calldata;
  /// The running account's storage before the call (absent keys are
  /// zero): the pre-state of the storage-public table (StorageAir.h).
  std::map<Word, Word> Storage;
  /// The running code's bytes (the object, or a creation's init code with
  /// its arguments), read by codecopy through the code table.
  std::vector<uint8_t> Code;

  Word &operator[](Opcode Op) {
    for (size_t I = 0; I < EnvOpcodes.size(); ++I)
      if (EnvOpcodes[I] == Op)
        return Env[I];
    assert(false && "not an environment instruction");
    return Env[0];
  }
};

template <class T> struct EnvPreCols {
  T Opcode;
  T Value[NumLimbs];
};
template <class T> struct EnvCols { T Mult; };

class EnvAir {
public:
  static constexpr const char *Name = "environment";
  static constexpr size_t Width = NumCols<EnvCols>;
  static constexpr size_t PreprocessedWidth = NumCols<EnvPreCols>;

  explicit EnvAir(PublicInputs In = {}) : In(In) {}
  const PublicInputs &inputs() const { return In; }

  Matrix preprocessedTrace() const {
    Matrix M(PreprocessedWidth, EnvOpcodes.size());
    for (size_t R = 0; R < EnvOpcodes.size(); ++R) {
      EnvPreCols<Felt> &P = viewRowMut<EnvPreCols>(M.row(R));
      P.Opcode = Felt(static_cast<uint8_t>(EnvOpcodes[R]));
      writeLimbs(In.Env[R], P.Value);
    }
    return M;
  }

  template <AirBuilder B> void eval(B &Bld) const {
    const EnvPreCols<typename B::Expr> &P =
        viewRow<EnvPreCols>(Bld.preprocessedLocal());
    const EnvCols<typename B::Expr> &L = viewRow<EnvCols>(Bld.local());
    Bld.receive(Bus::Env, L.Mult, P.Opcode, P.Value);
  }

private:
  PublicInputs In;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_ENVAIR_H
