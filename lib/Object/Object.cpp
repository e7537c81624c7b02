//===-- Object.cpp - Reading and writing .zbin objects --------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The layout is documented in docs/object-format.md. The reader trusts nothing:
// every count is checked against the bytes that remain before anything is
// allocated, nesting is bounded, and padding must be zero so that each object
// has exactly one serialized form.
//
//===----------------------------------------------------------------------===//

#include "zkc/Object/Object.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cstring>

using namespace zkc;
using llvm::support::endian::read16le;
using llvm::support::endian::read32le;
using llvm::support::endian::read64le;

static uint64_t alignTo8(uint64_t N) { return (N + 7) & ~uint64_t(7); }

static llvm::Error errorAt(uint64_t Offset, const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "offset " + llvm::Twine(Offset) + ": " + Msg);
}

//===----------------------------------------------------------------------===//
// Layout and writing
//===----------------------------------------------------------------------===//

static uint64_t entrySize(uint64_t NameSize, uint64_t PayloadSize) {
  return 8 + alignTo8(NameSize) + alignTo8(PayloadSize);
}

ObjectLayout zkc::computeLayout(const Object &O) {
  ObjectLayout L;
  uint64_t Off = ObjectHeaderSize + alignTo8(O.Name.size());
  L.CodeOffset = Off;
  Off += O.Code.size() * InstrSize;
  L.PoolOffset = Off;
  Off += O.Pool.size() * 32;
  for (const DataSection &D : O.Data) {
    L.DataOffsets.push_back(Off + 8 + alignTo8(D.Name.size()));
    Off += entrySize(D.Name.size(), D.Bytes.size());
  }
  for (const Object &Sub : O.Subobjects) {
    uint64_t SubSize = computeLayout(Sub).TotalSize;
    L.SubobjectOffsets.push_back(Off + 8 + alignTo8(Sub.Name.size()));
    L.SubobjectSizes.push_back(SubSize);
    Off += entrySize(Sub.Name.size(), SubSize);
  }
  for (const Relocation &R : O.Relocs)
    Off += 16 + alignTo8(R.Symbol.size());
  Off += O.Metadata.size();
  L.TotalSize = Off;
  return L;
}

namespace {
class Writer {
public:
  std::vector<uint8_t> Out;

  void u8(uint8_t V) { Out.push_back(V); }
  void u16(uint16_t V) {
    for (int I = 0; I < 2; ++I)
      Out.push_back(V >> (8 * I));
  }
  void u32(uint32_t V) {
    for (int I = 0; I < 4; ++I)
      Out.push_back(V >> (8 * I));
  }
  void u64(uint64_t V) {
    for (int I = 0; I < 8; ++I)
      Out.push_back(V >> (8 * I));
  }
  void bytes(const void *P, size_t N) {
    auto *B = static_cast<const uint8_t *>(P);
    Out.insert(Out.end(), B, B + N);
  }
  void pad() { Out.resize(alignTo8(Out.size()), 0); }
};
} // namespace

static bool fitsU32(uint64_t V) { return V <= UINT32_MAX; }

static llvm::Error writeInto(const Object &O, Writer &W, unsigned Depth) {
  if (Depth > MaxObjectDepth)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "object '" + O.Name + "' nests too deeply");
  ObjectLayout L = computeLayout(O);
  if (!fitsU32(L.TotalSize))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "object '" + O.Name +
                                       "' exceeds 4 GiB");
  size_t Start = W.Out.size();
  W.bytes(ObjectMagic, 4);
  W.u16(ObjectVersion);
  W.u16(0);
  W.u32(L.TotalSize);
  W.u32(O.Name.size());
  W.u32(O.Code.size());
  W.u32(O.Pool.size());
  W.u32(O.Data.size());
  W.u32(O.Subobjects.size());
  W.u32(O.Relocs.size());
  W.u32(O.Metadata.size());
  W.bytes(O.Name.data(), O.Name.size());
  W.pad();
  for (const Instruction &I : O.Code)
    W.u64(I.encode());
  for (const Word &C : O.Pool) {
    uint8_t Buf[32];
    C.toBigEndian(Buf);
    W.bytes(Buf, 32);
  }
  for (const DataSection &D : O.Data) {
    W.u32(D.Name.size());
    W.u32(D.Bytes.size());
    W.bytes(D.Name.data(), D.Name.size());
    W.pad();
    W.bytes(D.Bytes.data(), D.Bytes.size());
    W.pad();
  }
  for (const Object &Sub : O.Subobjects) {
    W.u32(Sub.Name.size());
    W.u32(computeLayout(Sub).TotalSize);
    W.bytes(Sub.Name.data(), Sub.Name.size());
    W.pad();
    if (llvm::Error E = writeInto(Sub, W, Depth + 1))
      return E;
    W.pad();
  }
  for (const Relocation &R : O.Relocs) {
    W.u8(R.Kind);
    W.u8(0);
    W.u8(0);
    W.u8(0);
    W.u32(R.Slot);
    W.u32(R.Symbol.size());
    W.u32(0);
    W.bytes(R.Symbol.data(), R.Symbol.size());
    W.pad();
  }
  W.bytes(O.Metadata.data(), O.Metadata.size());
  assert(W.Out.size() - Start == L.TotalSize && "layout and writer disagree");
  (void)Start;
  return llvm::Error::success();
}

llvm::Expected<std::vector<uint8_t>> zkc::writeObject(const Object &O) {
  Writer W;
  if (llvm::Error E = writeInto(O, W, 0))
    return std::move(E);
  return std::move(W.Out);
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

namespace {
/// A bounds-checked cursor over one object's bytes. Offsets in errors are
/// relative to the outermost buffer.
class Reader {
public:
  Reader(llvm::ArrayRef<uint8_t> Bytes, uint64_t Base)
      : Bytes(Bytes), Base(Base) {}

  uint64_t offset() const { return Base + Pos; }
  uint64_t remaining() const { return Bytes.size() - Pos; }

  llvm::Error need(uint64_t N, const char *What) {
    if (N > remaining())
      return errorAt(offset(), llvm::formatv("truncated {0}: need {1} bytes, "
                                             "{2} remain",
                                             What, N, remaining()));
    return llvm::Error::success();
  }
  uint32_t u32() {
    uint32_t V = read32le(Bytes.data() + Pos);
    Pos += 4;
    return V;
  }
  llvm::ArrayRef<uint8_t> take(uint64_t N) {
    auto R = Bytes.slice(Pos, N);
    Pos += N;
    return R;
  }
  llvm::Error padding() {
    uint64_t N = alignTo8(Pos) - Pos;
    if (llvm::Error E = need(N, "padding"))
      return E;
    for (uint64_t I = 0; I < N; ++I)
      if (Bytes[Pos + I] != 0)
        return errorAt(offset() + I, "non-zero padding byte");
    Pos += N;
    return llvm::Error::success();
  }
  llvm::Error sizedString(uint64_t N, std::string &Out, const char *What) {
    if (llvm::Error E = need(N, What))
      return E;
    auto B = take(N);
    Out.assign(B.begin(), B.end());
    return padding();
  }

  llvm::ArrayRef<uint8_t> Bytes;
  uint64_t Base;
  uint64_t Pos = 0;
};
} // namespace

llvm::Error zkc::validateCode(llvm::ArrayRef<Instruction> Code,
                              size_t PoolSize, uint64_t Offset) {
  for (size_t Index = 0; Index < Code.size(); ++Index) {
    const Instruction &I = Code[Index];
    uint64_t At = Offset + Index * InstrSize;
    const InstrInfo &Info = getInstrInfo(I.Op);
    if (!Info.Defined)
      return errorAt(At, llvm::formatv("undefined opcode 0x{0:x-2}",
                                       unsigned(I.Op)));
    // Fields the operand list does not use must be zero: one encoding per
    // instruction.
    unsigned RegFields = 0;
    bool UsesImm = false;
    for (char K : Info.Operands) {
      if (InstrInfo::isRegFieldKind(K)) {
        uint8_t Field = RegFields == 0 ? I.A : RegFields == 1 ? I.B : I.C;
        ++RegFields;
        if (K == 'b' && unsigned(Field) + Info.Block > NumWindowRegisters)
          return errorAt(At, llvm::formatv("{0}: register block r{1}..r{2} "
                                           "leaves the window",
                                           Info.Mnemonic, Field,
                                           Field + Info.Block - 1));
        continue;
      }
      UsesImm = true;
      if (K == 't' && I.Imm >= Code.size())
        return errorAt(At, llvm::formatv("{0}: jump target {1} is outside "
                                         "the code ({2} instructions)",
                                         Info.Mnemonic, I.Imm, Code.size()));
      if (K == 'p' && I.Imm >= PoolSize)
        return errorAt(At, llvm::formatv("{0}: constant pool index {1} is out "
                                         "of range ({2} entries)",
                                         Info.Mnemonic, I.Imm, PoolSize));
      if (K == 'r' && I.Imm >= NumWindowRegisters)
        return errorAt(At, llvm::formatv("{0}: register index {1} in the "
                                         "immediate is out of range",
                                         Info.Mnemonic, I.Imm));
    }
    if ((RegFields < 1 && I.A) || (RegFields < 2 && I.B) ||
        (RegFields < 3 && I.C) || (!UsesImm && I.Imm))
      return errorAt(At, llvm::formatv("{0}: unused operand field is not zero",
                                       Info.Mnemonic));
  }
  return llvm::Error::success();
}

static llvm::Expected<Object> readImpl(llvm::ArrayRef<uint8_t> Bytes,
                                       uint64_t Base, unsigned Depth,
                                       size_t &Consumed) {
  if (Depth > MaxObjectDepth)
    return errorAt(Base, "subobjects nest deeper than " +
                             llvm::Twine(MaxObjectDepth));
  // The magic first, so that a short file of something else is called that.
  size_t MagicSize = std::min<size_t>(4, Bytes.size());
  if (MagicSize && std::memcmp(Bytes.data(), ObjectMagic, MagicSize))
    return errorAt(Base, "bad magic: not a ZVM object");
  if (Bytes.size() < ObjectHeaderSize)
    return errorAt(Base, llvm::formatv("truncated header: {0} of {1} bytes",
                                       Bytes.size(), ObjectHeaderSize));
  uint16_t Version = read16le(Bytes.data() + 4);
  if (Version != ObjectVersion)
    return errorAt(Base + 4, llvm::formatv("unsupported object version {0} "
                                           "(this reader knows {1})",
                                           Version, ObjectVersion));
  if (read16le(Bytes.data() + 6) != 0)
    return errorAt(Base + 6, "reserved flags are not zero");
  uint32_t TotalSize = read32le(Bytes.data() + 8);
  if (TotalSize < ObjectHeaderSize || TotalSize > Bytes.size())
    return errorAt(Base + 8, llvm::formatv("object size {0} does not fit the "
                                           "{1} bytes available",
                                           TotalSize, Bytes.size()));
  Reader R(Bytes.take_front(TotalSize), Base);
  R.Pos = 12;
  uint32_t NameSize = R.u32(), CodeCount = R.u32(), PoolCount = R.u32(),
           DataCount = R.u32(), SubCount = R.u32(), RelocCount = R.u32(),
           MetadataSize = R.u32();

  Object O;
  if (llvm::Error E = R.sizedString(NameSize, O.Name, "object name"))
    return std::move(E);

  uint64_t CodeOffset = R.offset();
  if (llvm::Error E = R.need(uint64_t(CodeCount) * InstrSize, "code"))
    return std::move(E);
  O.Code.reserve(CodeCount);
  for (uint32_t I = 0; I < CodeCount; ++I)
    O.Code.push_back(Instruction::decode(read64le(R.take(8).data())));

  if (llvm::Error E = R.need(uint64_t(PoolCount) * 32, "constant pool"))
    return std::move(E);
  O.Pool.reserve(PoolCount);
  for (uint32_t I = 0; I < PoolCount; ++I)
    O.Pool.push_back(Word::fromBigEndian(R.take(32).data()));

  if (llvm::Error E = validateCode(O.Code, O.Pool.size(), CodeOffset))
    return std::move(E);

  // Each data, subobject and relocation entry takes at least 8 bytes, which
  // bounds the counts before anything is reserved.
  for (uint32_t I = 0; I < DataCount; ++I) {
    if (llvm::Error E = R.need(8, "data section header"))
      return std::move(E);
    uint32_t NSize = R.u32(), DSize = R.u32();
    DataSection D;
    if (llvm::Error E = R.sizedString(NSize, D.Name, "data section name"))
      return std::move(E);
    if (llvm::Error E = R.need(DSize, "data section"))
      return std::move(E);
    auto B = R.take(DSize);
    D.Bytes.assign(B.begin(), B.end());
    if (llvm::Error E = R.padding())
      return std::move(E);
    O.Data.push_back(std::move(D));
  }
  for (uint32_t I = 0; I < SubCount; ++I) {
    if (llvm::Error E = R.need(8, "subobject header"))
      return std::move(E);
    uint32_t NSize = R.u32(), SSize = R.u32();
    std::string Name;
    if (llvm::Error E = R.sizedString(NSize, Name, "subobject name"))
      return std::move(E);
    if (llvm::Error E = R.need(SSize, "subobject"))
      return std::move(E);
    uint64_t SubOffset = R.offset();
    size_t SubConsumed = 0;
    auto Sub = readImpl(R.take(SSize), SubOffset, Depth + 1, SubConsumed);
    if (!Sub)
      return Sub.takeError();
    if (SubConsumed != SSize)
      return errorAt(SubOffset, llvm::formatv("subobject size {0} disagrees "
                                              "with its header ({1})",
                                              SSize, SubConsumed));
    if (Sub->Name != Name)
      return errorAt(SubOffset, "subobject name '" + Sub->Name +
                                    "' disagrees with its entry '" + Name +
                                    "'");
    if (llvm::Error E = R.padding())
      return std::move(E);
    O.Subobjects.push_back(std::move(*Sub));
  }
  for (uint32_t I = 0; I < RelocCount; ++I) {
    if (llvm::Error E = R.need(16, "relocation"))
      return std::move(E);
    uint64_t At = R.offset();
    auto Head = R.take(4);
    Relocation Rel;
    Rel.Kind = static_cast<Relocation::KindTy>(Head[0]);
    if (Rel.Kind != Relocation::Library && Rel.Kind != Relocation::Immutable)
      return errorAt(At, llvm::formatv("unknown relocation kind {0}",
                                       unsigned(Head[0])));
    if (Head[1] || Head[2] || Head[3])
      return errorAt(At + 1, "reserved relocation bytes are not zero");
    Rel.Slot = R.u32();
    uint32_t SymSize = R.u32();
    if (R.u32() != 0)
      return errorAt(At + 12, "reserved relocation bytes are not zero");
    if (Rel.Slot >= O.Pool.size())
      return errorAt(At + 4, llvm::formatv("relocation slot {0} is outside "
                                           "the constant pool ({1} entries)",
                                           Rel.Slot, O.Pool.size()));
    if (llvm::Error E = R.sizedString(SymSize, Rel.Symbol, "symbol"))
      return std::move(E);
    O.Relocs.push_back(std::move(Rel));
  }
  if (R.remaining() != MetadataSize)
    return errorAt(R.offset(), llvm::formatv("{0} bytes remain for metadata "
                                             "of declared size {1}",
                                             R.remaining(), MetadataSize));
  auto Meta = R.take(MetadataSize);
  O.Metadata.assign(Meta.begin(), Meta.end());
  Consumed = TotalSize;
  return std::move(O);
}

llvm::Expected<Object> zkc::readObject(llvm::ArrayRef<uint8_t> Bytes,
                                       size_t *Consumed) {
  size_t N = 0;
  auto O = readImpl(Bytes, 0, 0, N);
  if (O && Consumed)
    *Consumed = N;
  return O;
}

llvm::Expected<Program> zkc::readProgram(llvm::ArrayRef<uint8_t> Bytes) {
  size_t N = 0;
  auto O = readImpl(Bytes, 0, 0, N);
  if (!O)
    return O.takeError();
  Program P;
  P.Code = std::move(O->Code);
  P.Pool = std::move(O->Pool);
  P.ObjectSize = N;
  return std::move(P);
}

llvm::Expected<std::vector<uint8_t>>
zkc::readObjectFile(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/false);
  if (!Buf)
    return llvm::createStringError(Buf.getError(),
                                   Path + ": " + Buf.getError().message());
  std::vector<uint8_t> Bytes((*Buf)->getBufferStart(),
                             (*Buf)->getBufferEnd());
  if (auto Obj = readObject(Bytes); !Obj)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Path + ": " +
                                       llvm::toString(Obj.takeError()));
  return Bytes;
}
