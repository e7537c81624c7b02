//===-- Field.cpp - The Goldilocks field ----------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Field.h"

#include <vector>

using namespace zkc::circuit;

std::string Felt::toString() const {
  // Elements just below p are small negative numbers in the constraints
  // (borrows, differences), so they print as such.
  if (Val > Modulus / 2 && Modulus - Val < (1ull << 32))
    return "-" + std::to_string(Modulus - Val);
  return std::to_string(Val);
}

void zkc::circuit::batchInverse(Felt *Values, size_t N) {
  std::vector<Felt> Prefix(N);
  Felt Acc = Felt::one();
  for (size_t I = 0; I < N; ++I) {
    Prefix[I] = Acc;
    if (!Values[I].isZero())
      Acc *= Values[I];
  }
  Felt Inv = Acc.inverse();
  for (size_t I = N; I-- > 0;) {
    if (Values[I].isZero())
      continue;
    Felt V = Values[I];
    Values[I] = Inv * Prefix[I];
    Inv *= V;
  }
}
