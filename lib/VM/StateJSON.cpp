//===-- StateJSON.cpp - World state as JSON --------------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/VM/StateJSON.h"

#include "zkc/Support/Hex.h"
#include "zkc/Support/Keccak.h"

#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace zkc;
using namespace zkc::vm;
using json = nlohmann::ordered_json;

namespace {
/// Reports schema errors with the JSON path of the offending value.
class Loader {
public:
  std::string Error;

  bool fail(const std::string &Path, const std::string &Msg) {
    if (Error.empty())
      Error = Path + ": " + Msg;
    return false;
  }

  bool word(const json &J, const std::string &Path, Word &Out) {
    if (J.is_number_unsigned()) {
      Out = Word(J.get<uint64_t>());
      return true;
    }
    if (J.is_string()) {
      if (auto W = Word::fromString(J.get<std::string>())) {
        Out = *W;
        return true;
      }
    }
    return fail(Path, "expected a 256-bit number (decimal, or hex with 0x)");
  }

  bool address(const std::string &Text, const std::string &Path, Word &Out) {
    auto W = Word::fromString(Text);
    if (!W || toAddress(*W) != *W)
      return fail(Path, "'" + Text + "' is not a 160-bit address");
    Out = *W;
    return true;
  }

  bool object(const json &J, const std::string &Path) {
    return J.is_object() || fail(Path, "expected an object");
  }
};
} // namespace

llvm::Error zkc::vm::loadStateJSON(Emulator &E, const std::string &Text) {
  json Root = json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (Root.is_discarded()) {
    // Re-parse with exceptions for the position of the error.
    try {
      (void)json::parse(Text);
    } catch (const json::parse_error &Err) {
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "offset " + std::to_string(Err.byte) +
                                         ": malformed JSON: " + Err.what());
    } catch (const json::exception &Err) {
      // For example a number too large for a double.
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     std::string("malformed JSON: ") +
                                         Err.what());
    }
  }
  Loader L;
  auto Failed = [&L] {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), L.Error);
  };
  if (!L.object(Root, "$"))
    return Failed();

  WorldState State;
  BlockEnv Block;
  if (Root.contains("block")) {
    const json &B = Root["block"];
    if (!L.object(B, "$.block"))
      return Failed();
    for (const auto &[Key, Value] : B.items()) {
      std::string Path = "$.block." + Key;
      Word *Field = Key == "coinbase"      ? &Block.Coinbase
                    : Key == "timestamp"   ? &Block.Timestamp
                    : Key == "number"      ? &Block.Number
                    : Key == "prevrandao"  ? &Block.PrevRandao
                    : Key == "gaslimit"    ? &Block.GasLimit
                    : Key == "chainid"     ? &Block.ChainId
                    : Key == "basefee"     ? &Block.BaseFee
                    : Key == "blobbasefee" ? &Block.BlobBaseFee
                                           : nullptr;
      if (Field) {
        if (!L.word(Value, Path, *Field))
          return Failed();
      } else if (Key == "blobhashes") {
        if (!Value.is_array())
          return L.fail(Path, "expected an array"), Failed();
        for (size_t I = 0; I < Value.size(); ++I) {
          Word H;
          if (!L.word(Value[I], Path + "[" + std::to_string(I) + "]", H))
            return Failed();
          Block.BlobHashes.push_back(H);
        }
      } else if (Key == "blockhashes") {
        if (!L.object(Value, Path))
          return Failed();
        for (const auto &[Num, Hash] : Value.items()) {
          auto N = Word::fromString(Num);
          Word H;
          if (!N)
            return L.fail(Path, "'" + Num + "' is not a block number"),
                   Failed();
          if (!L.word(Hash, Path + "." + Num, H))
            return Failed();
          Block.BlockHashes[*N] = H;
        }
      } else {
        return L.fail(Path, "unknown block field"), Failed();
      }
    }
  }
  if (Root.contains("accounts")) {
    const json &Accounts = Root["accounts"];
    if (!L.object(Accounts, "$.accounts"))
      return Failed();
    for (const auto &[AddrText, A] : Accounts.items()) {
      std::string Path = "$.accounts." + AddrText;
      Word Addr;
      if (!L.address(AddrText, Path, Addr) || !L.object(A, Path))
        return Failed();
      Account Acc;
      Acc.CodeHash = emptyCodeHash();
      for (const auto &[Key, Value] : A.items()) {
        std::string FieldPath = Path + "." + Key;
        if (Key == "balance") {
          if (!L.word(Value, FieldPath, Acc.Balance))
            return Failed();
        } else if (Key == "nonce") {
          Word N;
          if (!L.word(Value, FieldPath, N))
            return Failed();
          if (!N.fitsU64())
            return L.fail(FieldPath, "nonce does not fit 64 bits"), Failed();
          Acc.Nonce = N.low();
        } else if (Key == "code") {
          auto Code = Value.is_string()
                          ? parseHexBytes(Value.get<std::string>())
                          : std::nullopt;
          if (!Code)
            return L.fail(FieldPath, "expected hex bytes"), Failed();
          Acc.CodeHash = keccak256Word(Code->data(), Code->size());
          if (!Code->empty())
            Acc.Code = std::make_shared<const Bytes>(std::move(*Code));
        } else if (Key == "storage") {
          if (!L.object(Value, FieldPath))
            return Failed();
          for (const auto &[SlotText, V] : Value.items()) {
            auto Slot = Word::fromString(SlotText);
            Word Val;
            if (!Slot)
              return L.fail(FieldPath, "'" + SlotText + "' is not a slot"),
                     Failed();
            if (!L.word(V, FieldPath + "." + SlotText, Val))
              return Failed();
            if (!Val.isZero())
              Acc.Storage[*Slot] = Val;
          }
        } else {
          return L.fail(FieldPath, "unknown account field"), Failed();
        }
      }
      State.Accounts[Addr] = std::move(Acc);
    }
  }
  E.State = std::move(State);
  E.Block = std::move(Block);
  return llvm::Error::success();
}

template <typename M> static std::vector<Word> sortedKeys(const M &Map) {
  std::vector<Word> Keys;
  for (const auto &KV : Map)
    Keys.push_back(KV.first);
  std::sort(Keys.begin(), Keys.end());
  return Keys;
}

std::string zkc::vm::saveStateJSON(const Emulator &E) {
  json Root;
  json &B = Root["block"];
  B["coinbase"] = E.Block.Coinbase.toHex();
  B["timestamp"] = E.Block.Timestamp.toHex();
  B["number"] = E.Block.Number.toHex();
  B["prevrandao"] = E.Block.PrevRandao.toHex();
  B["gaslimit"] = E.Block.GasLimit.toHex();
  B["chainid"] = E.Block.ChainId.toHex();
  B["basefee"] = E.Block.BaseFee.toHex();
  B["blobbasefee"] = E.Block.BlobBaseFee.toHex();
  json &Blobs = B["blobhashes"] = json::array();
  for (const Word &H : E.Block.BlobHashes)
    Blobs.push_back(H.toHex());
  json &Hashes = B["blockhashes"] = json::object();
  for (const Word &N : sortedKeys(E.Block.BlockHashes))
    Hashes[N.toDecimal()] = E.Block.BlockHashes.at(N).toHex();

  json &Accounts = Root["accounts"] = json::object();
  for (const Word &Addr : sortedKeys(E.State.Accounts)) {
    const Account &A = E.State.Accounts.at(Addr);
    json J;
    J["balance"] = A.Balance.toHex();
    J["nonce"] = A.Nonce;
    J["code"] = A.Code ? toHexString(*A.Code) : "0x";
    json &Storage = J["storage"] = json::object();
    for (const Word &Slot : sortedKeys(A.Storage))
      Storage[Slot.toHex()] = A.Storage.at(Slot).toHex();
    Accounts["0x" + Addr.toHex64().substr(24)] = std::move(J);
  }
  return Root.dump(2) + "\n";
}

llvm::Error zkc::vm::loadStateFile(Emulator &E, llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return llvm::createStringError(Buf.getError(),
                                   Path + ": " + Buf.getError().message());
  if (llvm::Error Err = loadStateJSON(E, (*Buf)->getBuffer().str()))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Path + ": " + llvm::toString(std::move(Err)));
  return llvm::Error::success();
}
