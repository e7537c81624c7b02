//===-- Precompiles.cpp - EVM precompiled contracts -----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The precompiles at 0x01..0x0a. The cryptography is libsecp256k1's
// (ecrecover), nettle's (sha256, ripemd160) and GMP's (modexp); this file only
// parses the EVM's input layout, applies its validity rules and charges its
// gas. The precompiles for which Debian packages no library (the bn254 curve,
// BLAKE2's compression function with a caller-chosen round count, KZG proofs
// over BLS12-381) answer Unsupported; docs/precompiles.md explains each.
//
//===----------------------------------------------------------------------===//

#include "zkc/VM/Precompiles.h"

#include "zkc/Support/Keccak.h"

#include <algorithm>
#include <cstring>
#include <gmp.h>
#include <limits>
#include <nettle/ripemd160.h>
#include <nettle/sha2.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

using namespace zkc;
using namespace zkc::vm;

namespace {

using U128 = unsigned __int128;
constexpr uint64_t U64Max = std::numeric_limits<uint64_t>::max();

/// A failed call: invalid input or not enough gas. The caller loses all the
/// gas it passed.
PrecompileResult failure(uint64_t GasLimit) {
  PrecompileResult R;
  R.Status = PrecompileStatus::Failure;
  R.GasUsed = GasLimit;
  return R;
}

PrecompileResult success(uint64_t Gas, std::vector<uint8_t> Output) {
  PrecompileResult R;
  R.Status = PrecompileStatus::Success;
  R.GasUsed = Gas;
  R.Output = std::move(Output);
  return R;
}

/// Base + PerWord * ceil(Len / 32), saturated at 2^64 - 1.
uint64_t linearGas(size_t Len, uint64_t Base, uint64_t PerWord) {
  U128 Words = (U128(Len) + 31) / 32;
  U128 Gas = U128(Base) + Words * PerWord;
  return Gas > U64Max ? U64Max : uint64_t(Gas);
}

/// Copies Len bytes of Input from Offset into Out, with zeros where the range
/// runs past the end of Input (the EVM's reading of short call data).
void readPadded(llvm::ArrayRef<uint8_t> Input, uint64_t Offset, size_t Len,
                uint8_t *Out) {
  std::memset(Out, 0, Len);
  if (Offset >= Input.size())
    return;
  size_t N = std::min<uint64_t>(Len, Input.size() - Offset);
  std::memcpy(Out, Input.data() + Offset, N);
}

//===----------------------------------------------------------------------===//
// 0x01 ecrecover
//===----------------------------------------------------------------------===//

const secp256k1_context *secpContext() {
  // Recovery needs no precomputed tables since libsecp256k1 0.2, but a context
  // of our own keeps the library's illegal-argument callback out of the
  // static context that other code in the process may use.
  static secp256k1_context *Ctx =
      secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  return Ctx;
}

PrecompileResult ecrecover(llvm::ArrayRef<uint8_t> Input, uint64_t GasLimit) {
  constexpr uint64_t Gas = 3000;
  if (GasLimit < Gas)
    return failure(GasLimit);
  // hash (32) | v (32) | r (32) | s (32), zero-padded to 128 bytes.
  uint8_t In[128];
  readPadded(Input, 0, sizeof(In), In);
  const uint8_t *Hash = In, *V = In + 32, *RS = In + 64;

  // Invalid signatures are not errors: the call succeeds with no output.
  // v is a full word that must be exactly 27 or 28.
  if (std::any_of(V, V + 31, [](uint8_t B) { return B != 0; }) ||
      (V[31] != 27 && V[31] != 28))
    return success(Gas, {});
  // r and s must lie in [1, n - 1]. Parsing rejects values of n or more; zero
  // is rejected here because the check is the EVM's, not an accident of the
  // library. Unlike transaction signatures, a high s is accepted.
  auto IsZero = [](const uint8_t *P) {
    return std::all_of(P, P + 32, [](uint8_t B) { return B == 0; });
  };
  if (IsZero(RS) || IsZero(RS + 32))
    return success(Gas, {});
  const secp256k1_context *Ctx = secpContext();
  secp256k1_ecdsa_recoverable_signature Sig;
  if (!secp256k1_ecdsa_recoverable_signature_parse_compact(Ctx, &Sig, RS,
                                                           V[31] - 27))
    return success(Gas, {});
  secp256k1_pubkey PubKey;
  if (!secp256k1_ecdsa_recover(Ctx, &PubKey, &Sig, Hash))
    return success(Gas, {});

  // The address is the last 20 bytes of keccak256 of the uncompressed key
  // without its 0x04 prefix, left-padded to a word.
  uint8_t Serialized[65];
  size_t SerializedLen = sizeof(Serialized);
  secp256k1_ec_pubkey_serialize(Ctx, Serialized, &SerializedLen, &PubKey,
                                SECP256K1_EC_UNCOMPRESSED);
  std::array<uint8_t, 32> Digest = keccak256(Serialized + 1, 64);
  std::vector<uint8_t> Out(32, 0);
  std::copy(Digest.begin() + 12, Digest.end(), Out.begin() + 12);
  return success(Gas, std::move(Out));
}

//===----------------------------------------------------------------------===//
// 0x02 sha256, 0x03 ripemd160, 0x04 identity
//===----------------------------------------------------------------------===//

PrecompileResult sha256(llvm::ArrayRef<uint8_t> Input, uint64_t GasLimit) {
  uint64_t Gas = linearGas(Input.size(), 60, 12);
  if (GasLimit < Gas)
    return failure(GasLimit);
  sha256_ctx Ctx;
  sha256_init(&Ctx);
  sha256_update(&Ctx, Input.size(), Input.data());
  std::vector<uint8_t> Out(SHA256_DIGEST_SIZE);
  sha256_digest(&Ctx, Out.size(), Out.data());
  return success(Gas, std::move(Out));
}

PrecompileResult ripemd160(llvm::ArrayRef<uint8_t> Input, uint64_t GasLimit) {
  uint64_t Gas = linearGas(Input.size(), 600, 120);
  if (GasLimit < Gas)
    return failure(GasLimit);
  ripemd160_ctx Ctx;
  ripemd160_init(&Ctx);
  ripemd160_update(&Ctx, Input.size(), Input.data());
  // The 20-byte digest is returned left-padded to a word.
  std::vector<uint8_t> Out(32, 0);
  ripemd160_digest(&Ctx, RIPEMD160_DIGEST_SIZE,
                   Out.data() + (32 - RIPEMD160_DIGEST_SIZE));
  return success(Gas, std::move(Out));
}

PrecompileResult identity(llvm::ArrayRef<uint8_t> Input, uint64_t GasLimit) {
  uint64_t Gas = linearGas(Input.size(), 15, 3);
  if (GasLimit < Gas)
    return failure(GasLimit);
  return success(Gas, std::vector<uint8_t>(Input.begin(), Input.end()));
}

//===----------------------------------------------------------------------===//
// 0x05 modexp (EIP-198, gas of EIP-2565)
//===----------------------------------------------------------------------===//

/// A GMP integer that is freed on every path out.
struct Mpz {
  mpz_t V;
  Mpz() { mpz_init(V); }
  ~Mpz() { mpz_clear(V); }
  Mpz(const Mpz &) = delete;
  Mpz &operator=(const Mpz &) = delete;
};

/// Reads Len big-endian bytes at Offset of Input into Z, with zeros for the
/// bytes past the end of Input. Only the bytes present are copied; the
/// missing tail is a shift.
void importPadded(llvm::ArrayRef<uint8_t> Input, uint64_t Offset, uint64_t Len,
                  mpz_t Z) {
  mpz_set_ui(Z, 0);
  if (Len == 0 || Offset >= Input.size())
    return;
  uint64_t Present = std::min<uint64_t>(Len, Input.size() - Offset);
  mpz_import(Z, Present, /*order=*/1, 1, /*endian=*/1, 0,
             Input.data() + Offset);
  if (Present < Len && mpz_sgn(Z) != 0)
    mpz_mul_2exp(Z, Z, 8 * (Len - Present));
}

/// The three length words of the modexp header.
struct ModExpHeader {
  Word BaseLen, ExpLen, ModLen;
};

/// EIP-2565: max(200, mult_complexity * iteration_count / 3), where
/// mult_complexity = ceil(max(base_len, mod_len) / 8)^2 and iteration_count
/// comes from the exponent's length and its first 32 bytes. The lengths are
/// 256-bit values chosen by the caller, so every step saturates: a saturated
/// operand makes the result exceed any 64-bit gas limit unless a factor is
/// zero, which is exact.
uint64_t modexpGas(const ModExpHeader &H, llvm::ArrayRef<uint8_t> Input) {
  constexpr U128 Saturated = ~U128(0);

  // mult_complexity. A length of 2^64 or more means at least 2^61 words,
  // whose square is far beyond three times any 64-bit gas figure.
  Word MaxLen = std::max(H.BaseLen, H.ModLen);
  U128 Mult;
  if (!MaxLen.fitsU64()) {
    Mult = Saturated;
  } else {
    U128 Words = (U128(MaxLen.low()) + 7) / 8;
    Mult = Words * Words; // Below 2^122.
  }

  // iteration_count. The exponent's head is its first min(exp_len, 32)
  // bytes, read past the base and zero-padded.
  U128 Iter;
  uint64_t HeadLen =
      H.ExpLen.fitsU64() ? std::min<uint64_t>(H.ExpLen.low(), 32) : 32;
  Word Head;
  if (H.BaseLen.fitsU64() && H.BaseLen.low() < U64Max - 96) {
    uint8_t Buf[32];
    readPadded(Input, 96 + H.BaseLen.low(), HeadLen, Buf);
    Head = Word::fromBigEndian(Buf, HeadLen);
  }
  unsigned HeadBits = 256 - clz(Head);
  unsigned HeadIter = HeadBits ? HeadBits - 1 : 0;
  if (!H.ExpLen.fitsU64())
    Iter = Saturated;
  else if (H.ExpLen.low() <= 32)
    Iter = HeadIter;
  else
    Iter = U128(8) * (H.ExpLen.low() - 32) + HeadIter; // Below 2^68.
  Iter = std::max<U128>(Iter, 1);

  U128 Product;
  if (__builtin_mul_overflow(Mult, Iter, &Product))
    Product = Saturated;
  U128 Gas = std::max<U128>(Product / 3, 200);
  return Gas > U64Max ? U64Max : uint64_t(Gas);
}

PrecompileResult modexp(llvm::ArrayRef<uint8_t> Input, uint64_t GasLimit) {
  uint8_t Header[96];
  readPadded(Input, 0, sizeof(Header), Header);
  ModExpHeader H{Word::fromBigEndian(Header), Word::fromBigEndian(Header + 32),
                 Word::fromBigEndian(Header + 64)};

  // Gas first: the lengths are not trusted until the caller has paid for
  // them, so nothing is allocated before this check. U64Max stands for any
  // figure from 2^64 - 1 up, which no gas limit pays.
  uint64_t Gas = modexpGas(H, Input);
  if (GasLimit < Gas || Gas == U64Max)
    return failure(GasLimit);

  if (H.BaseLen.isZero() && H.ModLen.isZero())
    return success(Gas, {});
  // Paid gas bounds the lengths: mult_complexity >= 1 here, so
  // ceil(max(base_len, mod_len) / 8)^2 / 3 and 8 * (exp_len - 32) / 3 are
  // both below 2^64, and every length and offset below fits in 64 bits.
  uint64_t BaseLen = H.BaseLen.low(), ExpLen = H.ExpLen.low(),
           ModLen = H.ModLen.low();

  // The output is always mod_len bytes; a zero modulus gives zeros. The
  // modulus is read first: when it is not zero, some of its bytes are in the
  // input, so the base and the exponent before it are there in full and
  // reading them copies only input bytes. (An exponent cut short by the end
  // of the input always comes with a zero modulus, and is never built.)
  Mpz Base, Exp, Mod, Result;
  std::vector<uint8_t> Out(ModLen, 0);
  importPadded(Input, 96 + BaseLen + ExpLen, ModLen, Mod.V);
  if (mpz_sgn(Mod.V) == 0)
    return success(Gas, std::move(Out));
  importPadded(Input, 96, BaseLen, Base.V);
  importPadded(Input, 96 + BaseLen, ExpLen, Exp.V);
  mpz_powm(Result.V, Base.V, Exp.V, Mod.V);
  // Result < Mod < 256^mod_len, so it fits, right-aligned.
  size_t Bytes = (mpz_sizeinbase(Result.V, 2) + 7) / 8;
  if (mpz_sgn(Result.V) != 0) {
    size_t Written = 0;
    mpz_export(Out.data() + (ModLen - Bytes), &Written, /*order=*/1, 1,
               /*endian=*/1, 0, Result.V);
  }
  return success(Gas, std::move(Out));
}

//===----------------------------------------------------------------------===//
// Without a library: 0x06..0x0a
//===----------------------------------------------------------------------===//

/// The call fails and consumes all gas; the emulator reports it as a
/// precompile that zkc does not support.
PrecompileResult unsupported(uint64_t GasLimit) {
  PrecompileResult R;
  R.Status = PrecompileStatus::Unsupported;
  R.GasUsed = GasLimit;
  return R;
}

} // namespace

PrecompileResult zkc::vm::runPrecompile(unsigned Index,
                                        llvm::ArrayRef<uint8_t> Input,
                                        uint64_t GasLimit) {
  switch (Index) {
  case 0x01:
    return ecrecover(Input, GasLimit);
  case 0x02:
    return sha256(Input, GasLimit);
  case 0x03:
    return ripemd160(Input, GasLimit);
  case 0x04:
    return identity(Input, GasLimit);
  case 0x05:
    return modexp(Input, GasLimit);
  case 0x06: // bn254 (alt_bn128) point addition, EIP-196
  case 0x07: // bn254 scalar multiplication, EIP-196
  case 0x08: // bn254 pairing check, EIP-197
  case 0x09: // BLAKE2b compression function F, EIP-152
  case 0x0a: // KZG point evaluation, EIP-4844
    return unsupported(GasLimit);
  default:
    return failure(GasLimit);
  }
}
