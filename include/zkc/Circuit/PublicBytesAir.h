//===-- zkc/Circuit/PublicBytesAir.h - Public byte strings ------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A read-only byte string the verifier knows (the calldata, the running
// code) needs no memory checking: a preprocessed table holds its bytes by
// address and answers lookups of (address, byte) on the string's bus, its
// one main column counting how often each row is looked up.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_PUBLICBYTESAIR_H
#define ZKC_CIRCUIT_PUBLICBYTESAIR_H

#include "zkc/Circuit/Air.h"

#include <cstdint>
#include <vector>

namespace zkc::circuit {

template <class T> struct PublicBytePreCols { T Addr, Byte; };
template <class T> struct PublicByteCols { T Mult; };

/// The bytes of Data and Padding zeros past them, answering lookups on
/// OnBus.
class PublicBytesAir {
public:
  static constexpr size_t Width = NumCols<PublicByteCols>;
  static constexpr size_t PreprocessedWidth = NumCols<PublicBytePreCols>;

  PublicBytesAir(Bus OnBus, std::vector<uint8_t> Data, size_t Padding)
      : OnBus(OnBus), Data(std::move(Data)), Padding(Padding) {}
  const std::vector<uint8_t> &data() const { return Data; }

  Matrix preprocessedTrace() const {
    size_t H = 1;
    while (H < Data.size() + Padding)
      H <<= 1;
    Matrix M(PreprocessedWidth, H);
    for (size_t R = 0; R < H; ++R) {
      PublicBytePreCols<Felt> &P = viewRowMut<PublicBytePreCols>(M.row(R));
      P.Addr = Felt(static_cast<uint64_t>(R));
      P.Byte = Felt(R < Data.size() ? Data[R] : 0u);
    }
    return M;
  }

  template <AirBuilder B> void eval(B &Bld) const {
    const PublicBytePreCols<typename B::Expr> &P =
        viewRow<PublicBytePreCols>(Bld.preprocessedLocal());
    const PublicByteCols<typename B::Expr> &L =
        viewRow<PublicByteCols>(Bld.local());
    Bld.receive(OnBus, L.Mult, P.Addr, P.Byte);
  }

private:
  Bus OnBus;
  std::vector<uint8_t> Data;
  size_t Padding;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_PUBLICBYTESAIR_H
