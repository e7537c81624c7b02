//===-- zkc/Circuit/CalldataAir.h - Calldata reads --------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Calldata is a read-only byte memory whose contents are public inputs, so
// it needs no memory checking: the calldata table holds every byte the
// verifier knows, followed by 31 zeros (a word starting at the last byte
// reads past the end), and answers lookups of (address, byte). One cdload
// row per cdload splits the word read into its 32 bytes, big-endian like
// the heap's, and either looks each up (the word starts inside the
// calldata) or, for a word starting at or past the end, makes it zero; a
// range check of the address against the public size tells which.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_CALLDATAAIR_H
#define ZKC_CIRCUIT_CALLDATAAIR_H

#include "zkc/Circuit/Air.h"
#include "zkc/Circuit/PublicBytesAir.h"

#include <cstdint>
#include <vector>

namespace zkc::circuit {

/// The calldata bytes and 31 zeros past them (preprocessed), answering the
/// calldata bus.
class CalldataAir : public PublicBytesAir {
public:
  static constexpr const char *Name = "calldata";
  explicit CalldataAir(std::vector<uint8_t> Data = {})
      : PublicBytesAir(Bus::Calldata, std::move(Data), 31) {}
};

template <class T> struct CdLoadCols {
  T IsReal;
  /// The address read, AddrLo + 2^16 AddrHi, below 2^32.
  T AddrLo, AddrHi;
  /// 1 when the word starts at or past the end of the calldata: it is 0.
  T Past;
  /// Addr - Size (past) or Size - 1 - Addr (inside) = DiffLo + 2^16 DiffHi.
  T DiffLo, DiffHi;
  T Value[NumLimbs];
  /// Bytes[k] is the calldata byte at Addr + k.
  T Bytes[32];
};

/// One row per cdload: the word at Addr as the calldata's bytes.
class CdLoadAir {
public:
  static constexpr const char *Name = "cdload";
  static constexpr size_t Width = NumCols<CdLoadCols>;
  static constexpr size_t PreprocessedWidth = 0;
  Matrix preprocessedTrace() const { return Matrix(); }

  /// Size is the calldata's, a public input.
  explicit CdLoadAir(uint64_t Size = 0) : Size(Size) {}

  template <AirBuilder B> void eval(B &Bld) const {
    using E = typename B::Expr;
    const CdLoadCols<E> &L = viewRow<CdLoadCols>(Bld.local());
    Bld.assertBool("cdload.is_real_bool", L.IsReal);
    Bld.assertBool("cdload.past_bool", L.Past);
    E Addr = L.AddrLo + E(LimbBase) * L.AddrHi;
    // Past exactly when Addr >= Size: Addr - Size or Size - 1 - Addr is
    // below 2^32 (Addr is, and Size is far below p).
    Bld.when(L.IsReal).assertEq(
        "cdload.bound", L.DiffLo + E(LimbBase) * L.DiffHi,
        L.Past * (Addr - E(Size)) + (E(1) - L.Past) * (E(Size) - E(1) - Addr));
    Bld.send(Bus::Range16, L.IsReal, L.AddrLo);
    Bld.send(Bus::Range16, L.IsReal, L.AddrHi);
    Bld.send(Bus::Range16, L.IsReal, L.DiffLo);
    Bld.send(Bus::Range16, L.IsReal, L.DiffHi);
    // The word is its bytes, big-endian; past the end they are all 0, and
    // inside they are the calldata's (or the zeros after it).
    for (unsigned I = 0; I < NumLimbs; ++I)
      Bld.assertEq("cdload.word_limbs", L.Value[I],
                   E(256) * L.Bytes[30 - 2 * I] + L.Bytes[31 - 2 * I]);
    E Inside = L.IsReal * (E(1) - L.Past);
    for (unsigned K = 0; K < 32; ++K) {
      Bld.when(L.Past).assertZero("cdload.past_zero", L.Bytes[K]);
      Bld.send(Bus::Calldata, Inside, Addr + E(K), L.Bytes[K]);
    }
    Tuple<E> Read;
    Read.push(Addr);
    for (unsigned I = 0; I < NumLimbs; ++I)
      Read.push(L.Value[I]);
    Bld.interact(Bus::CdLoad, L.IsReal, Read, /*IsSend=*/false);
  }

private:
  uint64_t Size;
};

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_CALLDATAAIR_H
