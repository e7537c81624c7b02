//===-- zkc/VM/State.h - World state of the emulator ------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Accounts, storage, logs and the block environment: the state a ZVM contract
// sees, with the EVM's meaning. Addresses are Words whose upper 96 bits are
// zero, so they mix freely with the values contracts compute.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_VM_STATE_H
#define ZKC_VM_STATE_H

#include "zkc/Support/Word.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace zkc::vm {

struct WordHash {
  size_t operator()(const Word &W) const {
    uint64_t H = W.L[0] * 0x9e3779b97f4a7c15ull;
    H ^= W.L[1] + 0x7f4a7c159e3779b9ull + (H << 6) + (H >> 2);
    H ^= W.L[2] + 0x94d049bb133111ebull + (H << 6) + (H >> 2);
    H ^= W.L[3] + 0xbf58476d1ce4e5b9ull + (H << 6) + (H >> 2);
    return H;
  }
};

template <typename V> using WordMap = std::unordered_map<Word, V, WordHash>;

/// Masks a word to its low 160 bits, as the EVM does with address operands.
inline Word toAddress(const Word &W) {
  return Word(W.L[0], W.L[1], W.L[2] & 0xffffffffull, 0);
}

using Bytes = std::vector<uint8_t>;
using SharedBytes = std::shared_ptr<const Bytes>;

struct Account {
  Word Balance;
  uint64_t Nonce = 0;
  /// The account's code: a .zbin runtime object, or empty.
  SharedBytes Code;
  /// keccak256 of Code (of the empty string when there is no code).
  Word CodeHash;
  WordMap<Word> Storage;

  size_t codeSize() const { return Code ? Code->size() : 0; }
};

struct Log {
  Word Address;
  std::vector<Word> Topics;
  Bytes Data;
};

/// Block and transaction values read by the environment instructions.
struct BlockEnv {
  Word Coinbase;
  Word Timestamp = Word(1);
  Word Number = Word(1);
  Word PrevRandao;
  Word GasLimit = Word(30'000'000);
  Word ChainId = Word(1);
  Word BaseFee;
  Word BlobBaseFee = Word(1);
  std::vector<Word> BlobHashes;
  /// Hashes of earlier blocks by number; BLOCKHASH answers the last 256.
  WordMap<Word> BlockHashes;
};

class WorldState {
public:
  WordMap<Account> Accounts;

  Account *find(const Word &Addr) {
    auto It = Accounts.find(Addr);
    return It == Accounts.end() ? nullptr : &It->second;
  }
  const Account *find(const Word &Addr) const {
    auto It = Accounts.find(Addr);
    return It == Accounts.end() ? nullptr : &It->second;
  }
};

/// keccak256 of the empty string, the code hash of accounts without code.
Word emptyCodeHash();

} // namespace zkc::vm

#endif // ZKC_VM_STATE_H
