//===-- ObjectTest.cpp - Tests for the .zbin reader and writer ------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Object/Object.h"

#include "llvm/Support/Endian.h"

#include "gtest/gtest.h"

#include <string>

using namespace zkc;

namespace {

Instruction instr(Opcode Op, uint8_t A = 0, uint8_t B = 0, uint8_t C = 0,
                  uint32_t Imm = 0) {
  Instruction I;
  I.Op = Op;
  I.A = A;
  I.B = B;
  I.C = C;
  I.Imm = Imm;
  return I;
}

/// A deploy object holding a runtime object that holds a further subobject,
/// with every kind of part and names whose lengths are not multiples of 8, so
/// that every padding rule is exercised.
Object makeNestedObject() {
  Object Inner;
  Inner.Name = "Inner";
  Inner.Code = {instr(Opcode::Stop)};

  Object Runtime;
  Runtime.Name = "Token_deployed";
  Runtime.Code = {instr(Opcode::Ldc, 1, 0, 0, 0),
                  instr(Opcode::Jnz, 1, 0, 0, 0), instr(Opcode::Log2, 10),
                  instr(Opcode::Stop)};
  Runtime.Pool = {Word()};
  Runtime.Relocs = {{Relocation::Immutable, 0, "owner"}};
  Runtime.Subobjects = {Inner};
  Runtime.Metadata = {0xa2, 0x64, 0x69};

  Object Deploy;
  Deploy.Name = "Token";
  Deploy.Code = {instr(Opcode::Li, 1, 0, 0, 77), instr(Opcode::Ldc, 2, 0, 0, 1),
                 instr(Opcode::CodeCopy, 3, 2, 1),
                 instr(Opcode::AddI, 1, 1, 0, uint32_t(-1)),
                 instr(Opcode::Return, 3, 1)};
  Deploy.Pool = {Word(1, 2, 3, 4), Word()};
  Deploy.Data = {{"str", {'h', 'e', 'l', 'l', 'o'}}, {"empty", {}}};
  Deploy.Subobjects = {Runtime};
  Deploy.Relocs = {{Relocation::Library, 1, "file.sol:Lib"}};
  Deploy.Metadata = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  return Deploy;
}

std::vector<uint8_t> write(const Object &O) {
  llvm::Expected<std::vector<uint8_t>> Bytes = writeObject(O);
  EXPECT_TRUE(bool(Bytes)) << llvm::toString(Bytes.takeError());
  return Bytes ? *Bytes : std::vector<uint8_t>();
}

/// The error message of reading Bytes, or "" when it reads.
std::string readError(llvm::ArrayRef<uint8_t> Bytes) {
  llvm::Expected<Object> O = readObject(Bytes);
  if (O)
    return "";
  return llvm::toString(O.takeError());
}

/// Wraps an object's bytes as the only subobject of a nameless object,
/// without the writer's depth check.
std::vector<uint8_t> wrap(const std::vector<uint8_t> &Sub) {
  uint64_t Padded = (Sub.size() + 7) & ~uint64_t(7);
  std::vector<uint8_t> Out(ObjectHeaderSize + 8);
  std::copy(ObjectMagic, ObjectMagic + 4, Out.begin());
  llvm::support::endian::write16le(&Out[4], ObjectVersion);
  llvm::support::endian::write32le(&Out[8], ObjectHeaderSize + 8 + Padded);
  llvm::support::endian::write32le(&Out[28], 1); // subobject count
  llvm::support::endian::write32le(&Out[ObjectHeaderSize + 4], Sub.size());
  Out.insert(Out.end(), Sub.begin(), Sub.end());
  Out.resize(ObjectHeaderSize + 8 + Padded, 0);
  return Out;
}

TEST(ObjectTest, RoundTrip) {
  Object O = makeNestedObject();
  std::vector<uint8_t> Bytes = write(O);
  ASSERT_FALSE(Bytes.empty());
  EXPECT_EQ(Bytes.size() % 8, 1u) << "only metadata is unpadded";
  size_t Consumed = 0;
  llvm::Expected<Object> Back = readObject(Bytes, &Consumed);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(*Back, O);
  EXPECT_EQ(Consumed, Bytes.size());
  EXPECT_EQ(write(*Back), Bytes);
}

TEST(ObjectTest, EmptyObject) {
  Object O;
  std::vector<uint8_t> Bytes = write(O);
  EXPECT_EQ(Bytes.size(), ObjectHeaderSize);
  llvm::Expected<Object> Back = readObject(Bytes);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(*Back, O);
}

TEST(ObjectTest, ShortInputs) {
  EXPECT_EQ(readError(llvm::ArrayRef<uint8_t>()),
            "offset 0: truncated header: 0 of 40 bytes");
  const uint8_t Text[] = {'a', 'b', 'c'};
  EXPECT_EQ(readError(Text), "offset 0: bad magic: not a ZVM object");
  EXPECT_EQ(readError(llvm::ArrayRef(ObjectMagic, 4)),
            "offset 0: truncated header: 4 of 40 bytes");
}

TEST(ObjectTest, TrailingBytesAreLeftAlone) {
  std::vector<uint8_t> Bytes = write(makeNestedObject());
  size_t Size = Bytes.size();
  Bytes.insert(Bytes.end(), {0xde, 0xad, 0xbe, 0xef});
  size_t Consumed = 0;
  llvm::Expected<Object> Back = readObject(Bytes, &Consumed);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Consumed, Size);
  llvm::Expected<Program> P = readProgram(Bytes);
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(P->ObjectSize, Size);
  EXPECT_EQ(P->Code, makeNestedObject().Code);
}

TEST(ObjectTest, WritingIsDeterministic) {
  EXPECT_EQ(write(makeNestedObject()), write(makeNestedObject()));
}

void checkLayout(const Object &O, llvm::ArrayRef<uint8_t> Bytes) {
  ObjectLayout L = computeLayout(O);
  ASSERT_EQ(L.TotalSize, Bytes.size());
  EXPECT_EQ(L.CodeOffset % 8, 0u);
  EXPECT_EQ(L.PoolOffset, L.CodeOffset + O.Code.size() * InstrSize);
  for (size_t I = 0; I < O.Code.size(); ++I)
    EXPECT_EQ(llvm::support::endian::read64le(&Bytes[L.CodeOffset + 8 * I]),
              O.Code[I].encode());
  for (size_t I = 0; I < O.Pool.size(); ++I)
    EXPECT_EQ(Word::fromBigEndian(&Bytes[L.PoolOffset + 32 * I]), O.Pool[I]);
  ASSERT_EQ(L.DataOffsets.size(), O.Data.size());
  for (size_t I = 0; I < O.Data.size(); ++I) {
    uint64_t Off = L.DataOffsets[I];
    EXPECT_EQ(Off % 8, 0u);
    // The entry header just before the name gives the data's size.
    ASSERT_LE(Off + O.Data[I].Bytes.size(), Bytes.size());
    EXPECT_TRUE(std::equal(O.Data[I].Bytes.begin(), O.Data[I].Bytes.end(),
                           Bytes.begin() + Off));
  }
  ASSERT_EQ(L.SubobjectOffsets.size(), O.Subobjects.size());
  for (size_t I = 0; I < O.Subobjects.size(); ++I) {
    uint64_t Off = L.SubobjectOffsets[I], Size = L.SubobjectSizes[I];
    EXPECT_EQ(Off % 8, 0u);
    ASSERT_LE(Off + Size, Bytes.size());
    EXPECT_EQ(llvm::support::endian::read32le(&Bytes[Off + 8]), Size);
    checkLayout(O.Subobjects[I], Bytes.slice(Off, Size));
  }
  EXPECT_TRUE(std::equal(O.Metadata.begin(), O.Metadata.end(),
                         Bytes.end() - O.Metadata.size()));
}

TEST(ObjectTest, LayoutAgreesWithWriter) {
  Object O = makeNestedObject();
  std::vector<uint8_t> Bytes = write(O);
  checkLayout(O, Bytes);
}

TEST(ObjectTest, EveryTruncationFails) {
  std::vector<uint8_t> Bytes = write(makeNestedObject());
  for (size_t N = 0; N < Bytes.size(); ++N) {
    std::string E = readError(llvm::ArrayRef(Bytes).take_front(N));
    EXPECT_TRUE(llvm::StringRef(E).starts_with("offset "))
        << "truncated to " << N << " bytes: '" << E << "'";
  }
}

TEST(ObjectTest, SingleByteCorruptionsFailOrStayCanonical) {
  std::vector<uint8_t> Bytes = write(makeNestedObject());
  unsigned Rejected = 0;
  for (size_t Pos = 0; Pos < Bytes.size(); ++Pos) {
    for (uint8_t Mask : {0x01, 0x02, 0x10, 0x80, 0xff}) {
      std::vector<uint8_t> Bad = Bytes;
      Bad[Pos] ^= Mask;
      size_t Consumed = 0;
      llvm::Expected<Object> O = readObject(Bad, &Consumed);
      if (!O) {
        std::string E = llvm::toString(O.takeError());
        EXPECT_TRUE(llvm::StringRef(E).starts_with("offset ")) << E;
        ++Rejected;
        continue;
      }
      // Accepted (a changed register or data byte): then the object must be
      // the canonical reading of exactly the bytes it consumed.
      EXPECT_EQ(write(*O),
                std::vector<uint8_t>(Bad.begin(), Bad.begin() + Consumed))
          << "byte " << Pos << " ^ " << unsigned(Mask);
    }
  }
  EXPECT_GT(Rejected, Bytes.size()) << "most corruptions must be caught";
}

TEST(ObjectTest, HeaderCorruptionsNameTheirOffset) {
  std::vector<uint8_t> Bytes = write(makeNestedObject());
  auto corrupt = [&](size_t Pos, uint8_t V) {
    std::vector<uint8_t> Bad = Bytes;
    Bad[Pos] = V;
    return readError(Bad);
  };
  EXPECT_EQ(corrupt(0, 0), "offset 0: bad magic: not a ZVM object");
  EXPECT_EQ(corrupt(4, 2),
            "offset 4: unsupported object version 2 (this reader knows 1)");
  EXPECT_EQ(corrupt(6, 1), "offset 6: reserved flags are not zero");
  EXPECT_TRUE(llvm::StringRef(corrupt(10, 1))
                  .starts_with("offset 8: object "
                               "size"));
  // The name "Token" is padded with three zero bytes at 45..47.
  for (size_t Pos = 45; Pos < 48; ++Pos)
    EXPECT_EQ(corrupt(Pos, 1),
              "offset " + std::to_string(Pos) + ": non-zero padding byte");
  // The first instruction's opcode.
  EXPECT_EQ(corrupt(48, 0xff), "offset 48: undefined opcode 0xff");
}

TEST(ObjectTest, RejectsBadCode) {
  Object O;
  O.Code = {instr(Opcode::Jmp, 0, 0, 0, 5)};
  EXPECT_EQ(readError(write(O)), "offset 40: jmp: jump target 5 is outside "
                                 "the code (1 instructions)");
  O.Code = {instr(Opcode::Ldc, 1, 0, 0, 0)};
  EXPECT_EQ(readError(write(O)), "offset 40: ldc: constant pool index 0 is "
                                 "out of range (0 entries)");
  O.Code = {instr(Opcode::Stop, 1)};
  EXPECT_EQ(readError(write(O)),
            "offset 40: stop: unused operand field is not zero");
  O.Code = {instr(Opcode::Call, 0, 250)};
  EXPECT_EQ(readError(write(O)), "offset 40: call: register block r250..r256 "
                                 "leaves the window");
  O.Code = {instr(Opcode::Select, 1, 2, 3, 256)};
  EXPECT_EQ(readError(write(O)), "offset 40: select: register index 256 in "
                                 "the immediate is out of range");
  O.Code = {instr(Opcode::Stop), instr(Opcode::Stop),
            instr(static_cast<Opcode>(0x3f))};
  EXPECT_EQ(readError(write(O)), "offset 56: undefined opcode 0x3f");
}

TEST(ObjectTest, RejectsBadRelocations) {
  Object O;
  O.Pool = {Word()};
  O.Relocs = {{Relocation::Library, 1, "L"}};
  EXPECT_EQ(readError(write(O)), "offset 76: relocation slot 1 is outside the "
                                 "constant pool (1 entries)");
  O.Relocs = {{static_cast<Relocation::KindTy>(3), 0, "L"}};
  EXPECT_EQ(readError(write(O)), "offset 72: unknown relocation kind 3");
}

TEST(ObjectTest, NestingDepthIsBounded) {
  Object O;
  O.Name = "leaf";
  for (unsigned I = 0; I < MaxObjectDepth; ++I) {
    Object Parent;
    Parent.Subobjects.push_back(std::move(O));
    O = std::move(Parent);
  }
  // MaxObjectDepth levels of subobjects below the top: the most allowed.
  std::vector<uint8_t> Bytes = write(O);
  ASSERT_FALSE(Bytes.empty());
  llvm::Expected<Object> Back = readObject(Bytes);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(*Back, O);

  std::string E = readError(wrap(Bytes));
  EXPECT_TRUE(llvm::StringRef(E).contains("nest deeper than 32")) << E;

  Object Deeper;
  Deeper.Subobjects.push_back(O);
  llvm::Expected<std::vector<uint8_t>> TooDeep = writeObject(Deeper);
  ASSERT_FALSE(bool(TooDeep));
  EXPECT_TRUE(llvm::StringRef(llvm::toString(TooDeep.takeError()))
                  .contains("nests too deeply"));
}

TEST(ObjectTest, SubobjectEntryMustAgree) {
  std::vector<uint8_t> Sub = write(makeNestedObject().Subobjects[0]);
  std::vector<uint8_t> Outer = wrap(Sub);
  // wrap() names the entry "", but the subobject calls itself
  // "Token_deployed".
  EXPECT_EQ(readError(Outer), "offset 48: subobject name 'Token_deployed' "
                              "disagrees with its entry ''");
}

} // namespace
