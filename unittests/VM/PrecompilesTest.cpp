//===-- PrecompilesTest.cpp - EVM precompiled contracts -------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Known answers, the EVM's validity rules and gas figures for each
// precompile, including modexp inputs whose declared lengths are huge and
// must be refused on gas before anything is allocated.
//
//===----------------------------------------------------------------------===//

#include "zkc/VM/Precompiles.h"

#include "zkc/Support/Hex.h"
#include "zkc/Support/Keccak.h"

#include "gtest/gtest.h"

#include <chrono>
#include <gmp.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <string>

using namespace zkc;
using namespace zkc::vm;

namespace {

using Bytes = std::vector<uint8_t>;

constexpr uint64_t Plenty = 10'000'000;
constexpr uint64_t Unlimited = ~uint64_t(0);

Bytes hex(std::string_view S) {
  std::optional<Bytes> B = parseHexBytes(S);
  EXPECT_TRUE(B.has_value()) << S;
  return B.value_or(Bytes{});
}

Bytes text(std::string_view S) { return Bytes(S.begin(), S.end()); }

Bytes word(const Word &W) {
  Bytes B(32);
  W.toBigEndian(B.data());
  return B;
}

Bytes cat(std::initializer_list<Bytes> Parts) {
  Bytes Out;
  for (const Bytes &P : Parts)
    Out.insert(Out.end(), P.begin(), P.end());
  return Out;
}

std::string outHex(const PrecompileResult &R) {
  return toHexString(R.Output, /*Prefix=*/false);
}

PrecompileResult run(unsigned Index, const Bytes &Input,
                     uint64_t Gas = Plenty) {
  return runPrecompile(Index, Input, Gas);
}

TEST(PrecompilesTest, Addresses) {
  EXPECT_FALSE(isPrecompileAddress(Word(0)));
  for (unsigned I = 1; I <= 10; ++I)
    EXPECT_TRUE(isPrecompileAddress(Word(I))) << I;
  EXPECT_FALSE(isPrecompileAddress(Word(11)));
  EXPECT_FALSE(isPrecompileAddress(Word(0, 1, 0, 0) + Word(1)));
  EXPECT_EQ(run(0, {}).Status, PrecompileStatus::Failure);
  EXPECT_EQ(run(11, {}).Status, PrecompileStatus::Failure);
}

//===----------------------------------------------------------------------===//
// 0x01 ecrecover
//===----------------------------------------------------------------------===//

const Word SecpN = *Word::fromString(
    "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

// A signature by the key of address 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b
// (the common test account), v = 28.
const char *KnownHash =
    "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c";
const char *KnownR =
    "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f";
const char *KnownS =
    "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
const char *KnownAddress =
    "000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b";

Bytes ecInput(const Bytes &Hash, const Word &V, const Bytes &R,
              const Bytes &S) {
  return cat({Hash, word(V), R, S});
}

void expectNoAddress(const Bytes &Input, const char *What) {
  PrecompileResult R = run(1, Input);
  EXPECT_EQ(R.Status, PrecompileStatus::Success) << What;
  EXPECT_EQ(R.GasUsed, 3000u) << What;
  EXPECT_TRUE(R.Output.empty()) << What;
}

TEST(PrecompilesTest, EcrecoverKnownSignature) {
  PrecompileResult R =
      run(1, ecInput(hex(KnownHash), Word(28), hex(KnownR), hex(KnownS)));
  ASSERT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_EQ(R.GasUsed, 3000u);
  EXPECT_EQ(outHex(R), KnownAddress);
  // Bytes past 128 are ignored.
  Bytes Long = cat({ecInput(hex(KnownHash), Word(28), hex(KnownR), hex(KnownS)),
                    text("trailing")});
  EXPECT_EQ(outHex(run(1, Long)), KnownAddress);
}

TEST(PrecompilesTest, EcrecoverSignedHere) {
  // Sign with private key 1, whose address is well known, then recover; the
  // same signature with s replaced by n - s (and v flipped) is accepted too:
  // the low-s rule is for transactions, not for this precompile.
  secp256k1_context *Ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  uint8_t Key[32] = {};
  Key[31] = 1;
  Bytes Hash = word(keccak256Word(nullptr, 0));
  secp256k1_ecdsa_recoverable_signature Sig;
  ASSERT_TRUE(secp256k1_ecdsa_sign_recoverable(Ctx, &Sig, Hash.data(), Key,
                                               nullptr, nullptr));
  uint8_t RS[64];
  int RecId = 0;
  secp256k1_ecdsa_recoverable_signature_serialize_compact(Ctx, RS, &RecId,
                                                          &Sig);
  secp256k1_context_destroy(Ctx);
  const char *Address =
      "0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf";
  Bytes R(RS, RS + 32), S(RS + 32, RS + 64);
  EXPECT_EQ(outHex(run(1, ecInput(Hash, Word(27 + RecId), R, S))), Address);
  Bytes HighS = word(SecpN - Word::fromBigEndian(S.data()));
  EXPECT_EQ(outHex(run(1, ecInput(Hash, Word(28 - RecId), R, HighS))), Address);
  // The other v recovers a different key.
  PrecompileResult Other = run(1, ecInput(Hash, Word(28 - RecId), R, S));
  EXPECT_EQ(Other.Status, PrecompileStatus::Success);
  if (!Other.Output.empty())
    EXPECT_NE(outHex(Other), Address);
}

TEST(PrecompilesTest, EcrecoverInvalid) {
  Bytes H = hex(KnownHash), R = hex(KnownR), S = hex(KnownS);
  // v must be exactly 27 or 28 as a whole word.
  for (uint64_t V : {0ull, 1ull, 26ull, 29ull, 255ull, 27ull + 256})
    expectNoAddress(ecInput(H, Word(V), R, S), "v");
  expectNoAddress(ecInput(H, Word(28) | Word(0, 0, 0, 1), R, S), "v high");
  expectNoAddress(ecInput(H, Word(28) | Word(0, 0, 0, 1ull << 63), R, S),
                  "v top bit");
  // r and s in [1, n - 1].
  Bytes Zero(32, 0);
  expectNoAddress(ecInput(H, Word(28), Zero, S), "r = 0");
  expectNoAddress(ecInput(H, Word(28), R, Zero), "s = 0");
  expectNoAddress(ecInput(H, Word(28), word(SecpN), S), "r = n");
  expectNoAddress(ecInput(H, Word(28), R, word(SecpN)), "s = n");
  expectNoAddress(ecInput(H, Word(28), word(Word::max()), S), "r max");
  expectNoAddress(ecInput(H, Word(28), R, word(Word::max())), "s max");
  // Short input reads as zero-padded: v is 0 here.
  expectNoAddress(H, "hash only");
  expectNoAddress({}, "empty");
}

TEST(PrecompilesTest, EcrecoverGas) {
  Bytes In = ecInput(hex(KnownHash), Word(28), hex(KnownR), hex(KnownS));
  PrecompileResult R = run(1, In, 2999);
  EXPECT_EQ(R.Status, PrecompileStatus::Failure);
  EXPECT_TRUE(R.Output.empty());
  R = run(1, In, 3000);
  EXPECT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_EQ(R.GasUsed, 3000u);
  // Invalid input costs the same and needs the same gas.
  EXPECT_EQ(run(1, {}, 2999).Status, PrecompileStatus::Failure);
}

//===----------------------------------------------------------------------===//
// 0x02 sha256, 0x03 ripemd160, 0x04 identity
//===----------------------------------------------------------------------===//

TEST(PrecompilesTest, Sha256) {
  PrecompileResult R = run(2, {});
  EXPECT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_EQ(R.GasUsed, 60u);
  EXPECT_EQ(outHex(R),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  R = run(2, text("abc"));
  EXPECT_EQ(R.GasUsed, 72u);
  EXPECT_EQ(outHex(R),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  R = run(2, text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
  EXPECT_EQ(R.GasUsed, 60u + 12 * 2);
  EXPECT_EQ(outHex(R),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(run(2, Bytes(64)).GasUsed, 60u + 12 * 2);
  EXPECT_EQ(run(2, Bytes(65)).GasUsed, 60u + 12 * 3);
  EXPECT_EQ(run(2, text("abc"), 71).Status, PrecompileStatus::Failure);
  EXPECT_EQ(run(2, text("abc"), 72).Status, PrecompileStatus::Success);
}

TEST(PrecompilesTest, Ripemd160) {
  PrecompileResult R = run(3, {});
  EXPECT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_EQ(R.GasUsed, 600u);
  // The 20-byte digest is left-padded to 32 bytes.
  EXPECT_EQ(outHex(R),
            "0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31");
  R = run(3, text("abc"));
  EXPECT_EQ(R.GasUsed, 720u);
  EXPECT_EQ(outHex(R),
            "0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  R = run(3, text("message digest"));
  EXPECT_EQ(outHex(R),
            "0000000000000000000000005d0689ef49d2fae572b881b123a85ffa21595f36");
  EXPECT_EQ(run(3, Bytes(33)).GasUsed, 600u + 120 * 2);
  EXPECT_EQ(run(3, text("abc"), 719).Status, PrecompileStatus::Failure);
}

TEST(PrecompilesTest, Identity) {
  PrecompileResult R = run(4, {});
  EXPECT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_EQ(R.GasUsed, 15u);
  EXPECT_TRUE(R.Output.empty());
  Bytes In = text("The quick brown fox jumps over the lazy dog, twice over.");
  R = run(4, In);
  EXPECT_EQ(R.Output, In);
  EXPECT_EQ(R.GasUsed, 15u + 3 * 2);
  EXPECT_EQ(run(4, Bytes(32)).GasUsed, 18u);
  EXPECT_EQ(run(4, Bytes(33)).GasUsed, 21u);
  EXPECT_EQ(run(4, Bytes(33), 20).Status, PrecompileStatus::Failure);
  EXPECT_EQ(run(4, Bytes(33), 21).Status, PrecompileStatus::Success);
}

//===----------------------------------------------------------------------===//
// 0x05 modexp
//===----------------------------------------------------------------------===//

Bytes modexpInput(const Word &BaseLen, const Word &ExpLen, const Word &ModLen,
                  const Bytes &Rest) {
  return cat({word(BaseLen), word(ExpLen), word(ModLen), Rest});
}

// The secp256k1 field prime p and p - 1 and p - 2.
const char *P =
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
const char *PMinus1 =
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";

TEST(PrecompilesTest, ModExpEip198Examples) {
  // 3^(p-1) mod p = 1 (Fermat). Gas: 4 words, so 16 * 255 / 3 = 1360.
  PrecompileResult R =
      run(5, modexpInput(Word(1), Word(32), Word(32),
                         cat({hex("03"), hex(PMinus1), hex(P)})));
  ASSERT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_EQ(R.GasUsed, 1360u);
  EXPECT_EQ(outHex(R), std::string(63, '0') + "1");

  // An empty base is 0: 0^(p-1) mod p = 0.
  R = run(
      5, modexpInput(Word(0), Word(32), Word(32), cat({hex(PMinus1), hex(P)})));
  ASSERT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_EQ(R.GasUsed, 1360u);
  EXPECT_EQ(outHex(R), std::string(64, '0'));
}

TEST(PrecompilesTest, ModExpHugeLengthsFailCheaply) {
  // EIP-198's example: base_len 0, exp_len 32, mod_len 2^256 - 1 with a few
  // bytes of data. The gas is astronomical; the call fails at once.
  Bytes Huge =
      modexpInput(Word(0), Word(32), Word::max(), cat({hex(PMinus1), hex(P)}));
  auto Start = std::chrono::steady_clock::now();
  for (uint64_t Gas : {Plenty, Unlimited}) {
    PrecompileResult R = run(5, Huge, Gas);
    EXPECT_EQ(R.Status, PrecompileStatus::Failure);
    EXPECT_TRUE(R.Output.empty());
  }
  // Each length alone, at sizes that would exhaust memory if trusted.
  for (const Word &Len : {Word(0, 1, 0, 0), Word(~0ull), Word(1ull << 40),
                          Word::max(), Word(0, 0, 0, 1ull << 63)}) {
    for (uint64_t Gas : {Plenty, Unlimited}) {
      EXPECT_EQ(
          run(5, modexpInput(Len, Word(1), Word(1), hex("020301")), Gas).Status,
          PrecompileStatus::Failure);
      EXPECT_EQ(
          run(5, modexpInput(Word(1), Word(1), Len, hex("020301")), Gas).Status,
          PrecompileStatus::Failure);
    }
    // A long exponent is paid per bit, 8 * (exp_len - 32) iterations.
    EXPECT_EQ(run(5, modexpInput(Word(1), Len, Word(1), hex("020301"))).Status,
              PrecompileStatus::Failure);
  }
  // Given the gas, a 2^40-byte exponent is accepted like on the EVM. It runs
  // past the input, so the modulus after it is zero and so is the output;
  // neither the exponent nor the modulus is ever built.
  // The exponent's head is 0x0301 followed by 30 zero bytes: 250 bits.
  PrecompileResult Long =
      run(5, modexpInput(Word(1), Word(1ull << 40), Word(1), hex("020301")),
          Unlimited);
  EXPECT_EQ(Long.Status, PrecompileStatus::Success);
  EXPECT_EQ(Long.GasUsed, (8 * ((1ull << 40) - 32) + 249) / 3);
  EXPECT_EQ(outHex(Long), "00");
  // All of that in well under a second: nothing was allocated or computed.
  auto Elapsed = std::chrono::steady_clock::now() - Start;
  EXPECT_LT(
      std::chrono::duration_cast<std::chrono::milliseconds>(Elapsed).count(),
      1000);
}

TEST(PrecompilesTest, ModExpEmptyBaseAndModulus) {
  // base_len = mod_len = 0: the output is empty whatever exp_len says, and
  // the charge is the 200 minimum (mult_complexity is 0).
  for (const Word &ExpLen : {Word(0), Word(32), Word(1000), Word::max()}) {
    PrecompileResult R = run(5, modexpInput(Word(0), ExpLen, Word(0), {}));
    EXPECT_EQ(R.Status, PrecompileStatus::Success) << ExpLen.toHex();
    EXPECT_EQ(R.GasUsed, 200u);
    EXPECT_TRUE(R.Output.empty());
  }
  EXPECT_EQ(run(5, {}).GasUsed, 200u);
  EXPECT_EQ(run(5, {}).Status, PrecompileStatus::Success);
  EXPECT_EQ(run(5, {}, 199).Status, PrecompileStatus::Failure);
}

TEST(PrecompilesTest, ModExpShortInputIsZeroPadded) {
  // mod_len 2 with one modulus byte present: the modulus is 0x0100 = 256.
  PrecompileResult R =
      run(5, modexpInput(Word(1), Word(1), Word(2), hex("030201")));
  ASSERT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_EQ(outHex(R), "0009"); // 3^2 mod 256
  EXPECT_EQ(R.GasUsed, 200u);
  // Even the header may be cut short: the missing lengths are 0.
  R = run(5,
          hex("00000000000000000000000000000000000000000000000000000000000000"
              "01"));
  EXPECT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_TRUE(R.Output.empty()); // mod_len 0
  // Missing modulus bytes make a zero modulus: mod_len zero bytes.
  R = run(5, modexpInput(Word(1), Word(1), Word(3), hex("0203")));
  EXPECT_EQ(outHex(R), "000000");
}

TEST(PrecompilesTest, ModExpSmallCases) {
  struct Case {
    const char *Base, *Exp, *Mod, *Out;
  } Cases[] = {
      {"02", "03", "05", "03"},        // 8 mod 5
      {"00", "00", "05", "01"},        // 0^0 is 1
      {"07", "00", "01", "00"},        // anything mod 1 is 0
      {"07", "05", "00", "00"},        // modulus 0 gives zeros
      {"07", "05", "0000", "0000"},    // of mod_len bytes
      {"ff", "02", "0100", "0001"},    // 255^2 mod 256, left-padded
      {"", "05", "07", "00"},          // empty base is 0
      {"03", "", "07", "01"},          // empty exponent is 0
      {"0003", "0002", "000a", "0009"} // leading zeros in all three
  };
  for (const Case &C : Cases) {
    Bytes B = hex(C.Base), E = hex(C.Exp), M = hex(C.Mod);
    PrecompileResult R = run(5, modexpInput(Word(B.size()), Word(E.size()),
                                            Word(M.size()), cat({B, E, M})));
    EXPECT_EQ(R.Status, PrecompileStatus::Success);
    EXPECT_EQ(outHex(R), C.Out) << C.Base << "^" << C.Exp << " mod " << C.Mod;
  }
}

TEST(PrecompilesTest, ModExpAgainstGmp) {
  // 1024-bit operands, compared with mpz_powm directly.
  Bytes B(128), E(128), M(128);
  for (size_t I = 0; I < 128; ++I) {
    B[I] = uint8_t(I * 7 + 3);
    E[I] = uint8_t(I * 13 + 5);
    M[I] = uint8_t(I * 31 + 11);
  }
  mpz_t ZB, ZE, ZM, ZR;
  mpz_inits(ZB, ZE, ZM, ZR, nullptr);
  mpz_import(ZB, 128, 1, 1, 1, 0, B.data());
  mpz_import(ZE, 128, 1, 1, 1, 0, E.data());
  mpz_import(ZM, 128, 1, 1, 1, 0, M.data());
  mpz_powm(ZR, ZB, ZE, ZM);
  Bytes Want(128, 0);
  size_t N = (mpz_sizeinbase(ZR, 2) + 7) / 8, Written = 0;
  mpz_export(Want.data() + (128 - N), &Written, 1, 1, 1, 0, ZR);
  mpz_clears(ZB, ZE, ZM, ZR, nullptr);

  PrecompileResult R =
      run(5, modexpInput(Word(128), Word(128), Word(128), cat({B, E, M})));
  ASSERT_EQ(R.Status, PrecompileStatus::Success);
  EXPECT_EQ(R.Output, Want);
  // 16 words: 256 * (8 * 96 + bitlen(head) - 1) / 3, head = first 32 bytes
  // of E, whose top byte 0x05 has 3 bits.
  uint64_t Iter = 8 * (128 - 32) + (256 - 5 - 1);
  EXPECT_EQ(R.GasUsed, 256 * Iter / 3);
}

TEST(PrecompilesTest, ModExpGas) {
  // EIP-2565 figures: max(200, ceil(max(Lb, Lm) / 8)^2 * iterations / 3).
  struct Case {
    uint64_t BaseLen, ExpLen, ModLen;
    const char *ExpHead; // the exponent's bytes (its first 32 if longer)
    uint64_t Gas;
  } Cases[] = {
      {64, 1, 64, "02", 200},    // 64 * 1 / 3 = 21
      {64, 1, 64, "03", 200},    // bit length 2: 1 iteration
      {64, 1, 64, "00", 200},    // zero exponent: 1 iteration
      {256, 1, 256, "ff", 2389}, // 32^2 * 7 / 3
      {512, 1, 512, "ff", 9557}, // 64^2 * 7 / 3
      {32, 64, 32,               // exp_len > 32: 8 * 32 + (1 - 1)
       "0000000000000000000000000000000000000000000000000000000000000001",
       16 * 256 / 3},
      {32, 64, 32, // zero head: 8 * 32 + 0
       "0000000000000000000000000000000000000000000000000000000000000000",
       16 * 256 / 3},
      {32, 33, 32, // 8 * 1 + 255
       "8000000000000000000000000000000000000000000000000000000000000000",
       16 * 263 / 3},
  };
  for (const Case &C : Cases) {
    Bytes Head = hex(C.ExpHead);
    Bytes Rest = cat({Bytes(C.BaseLen, 1), Head});
    PrecompileResult R = run(
        5, modexpInput(Word(C.BaseLen), Word(C.ExpLen), Word(C.ModLen), Rest));
    EXPECT_EQ(R.GasUsed, C.Gas)
        << C.BaseLen << " " << C.ExpLen << " " << C.ModLen << " " << C.ExpHead;
    EXPECT_EQ(R.Status, PrecompileStatus::Success);
    EXPECT_EQ(R.Output.size(), C.ModLen);
    // One gas short fails and consumes everything.
    PrecompileResult Short = run(
        5, modexpInput(Word(C.BaseLen), Word(C.ExpLen), Word(C.ModLen), Rest),
        C.Gas - 1);
    EXPECT_EQ(Short.Status, PrecompileStatus::Failure);
    EXPECT_EQ(Short.GasUsed, C.Gas - 1);
    EXPECT_TRUE(Short.Output.empty());
  }
  // The exponent head is read after the base even when the base itself is
  // past the end of the input: then it is zero.
  PrecompileResult R =
      run(5, modexpInput(Word(1000), Word(32), Word(8), hex("01")));
  EXPECT_EQ(R.GasUsed, 125u * 125 * 1 / 3);
}

//===----------------------------------------------------------------------===//
// 0x06..0x0a: no library
//===----------------------------------------------------------------------===//

TEST(PrecompilesTest, UnsupportedConsumeAllGas) {
  // A valid blake2f input (EIP-152 test vector 5 shape: 12 rounds, 213
  // bytes) is still unsupported: there is no implementation to run it.
  Bytes Blake(213, 0);
  Blake[3] = 12;
  Blake[212] = 1;
  for (unsigned I = 6; I <= 10; ++I) {
    for (const Bytes &In : {Bytes{}, Bytes(192, 0), Blake}) {
      PrecompileResult R = run(I, In, 123456);
      EXPECT_EQ(R.Status, PrecompileStatus::Unsupported) << I;
      EXPECT_EQ(R.GasUsed, 123456u);
      EXPECT_TRUE(R.Output.empty());
    }
  }
}

} // namespace
