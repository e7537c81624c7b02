//===-- zkc/Object/Object.h - The .zbin object format -----------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// This file declares the in-memory form of a ZVM object and its serialized
// form, the .zbin container (docs/object-format.md). An object nests as Yul
// objects nest: a deploy object carries its runtime object as a subobject,
// and dataoffset/datasize of a subobject or data section are byte ranges of
// the serialized parent. Serialization is canonical: one byte string per
// object, so the same input always gives the same bytes, and reading then
// writing an object reproduces it exactly.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_OBJECT_OBJECT_H
#define ZKC_OBJECT_OBJECT_H

#include "zkc/ISA/Instruction.h"
#include "zkc/Support/Word.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace zkc {

inline constexpr uint8_t ObjectMagic[4] = {0x7f, 'Z', 'V', 'M'};
inline constexpr uint16_t ObjectVersion = 1;
inline constexpr size_t ObjectHeaderSize = 40;
/// Deepest nesting of subobjects the reader accepts.
inline constexpr unsigned MaxObjectDepth = 32;

/// A constant pool slot whose value is filled in after compilation.
struct Relocation {
  enum KindTy : uint8_t {
    /// A library address (Yul linkersymbol), filled by the linker.
    Library = 1,
    /// An immutable (Yul loadimmutable), written by the deploy code with
    /// setimmutable into the runtime object before it is returned.
    Immutable = 2,
  };
  KindTy Kind = Library;
  uint32_t Slot = 0;
  std::string Symbol;
  bool operator==(const Relocation &) const = default;
};

struct DataSection {
  std::string Name;
  std::vector<uint8_t> Bytes;
  bool operator==(const DataSection &) const = default;
};

struct Object {
  std::string Name;
  std::vector<Instruction> Code;
  /// Constant pool: 256-bit constants loaded by `ldc`.
  std::vector<Word> Pool;
  std::vector<DataSection> Data;
  std::vector<Object> Subobjects;
  std::vector<Relocation> Relocs;
  /// Trailing metadata (for example a metadata hash); not executed.
  std::vector<uint8_t> Metadata;
  bool operator==(const Object &) const = default;
};

/// Byte offsets of an object's parts in its serialized form.
struct ObjectLayout {
  uint64_t CodeOffset = 0;
  uint64_t PoolOffset = 0;
  /// Offset of each data section's bytes.
  std::vector<uint64_t> DataOffsets;
  /// Offset of each subobject's first byte.
  std::vector<uint64_t> SubobjectOffsets;
  std::vector<uint64_t> SubobjectSizes;
  uint64_t TotalSize = 0;
};

/// Computes where each part of O lands when serialized.
ObjectLayout computeLayout(const Object &O);

/// Serializes O; fails if a count or size does not fit the format.
llvm::Expected<std::vector<uint8_t>> writeObject(const Object &O);

/// Parses and validates one object at the start of Bytes; bytes after it are
/// left alone (constructor arguments follow a deploy object). Errors name the
/// byte offset. When Consumed is given it receives the object's size.
llvm::Expected<Object> readObject(llvm::ArrayRef<uint8_t> Bytes,
                                  size_t *Consumed = nullptr);

/// The bytes of the file at Path ("-" for standard input), which must start
/// with a valid object (readObject); errors name the path. Tools that run
/// or check an object file read it with this.
llvm::Expected<std::vector<uint8_t>> readObjectFile(llvm::StringRef Path);

/// The executable view of an object: its code and constant pool.
struct Program {
  std::vector<Instruction> Code;
  std::vector<Word> Pool;
  uint64_t ObjectSize = 0;
};

/// Reads and validates the object at the start of Bytes as readObject does and
/// keeps what execution needs.
llvm::Expected<Program> readProgram(llvm::ArrayRef<uint8_t> Bytes);

/// Checks the instructions against the ISA: defined opcodes, branch targets
/// inside the code, pool indices inside the pool, register operands inside
/// the window. Offset is the byte offset of the code, for error messages.
llvm::Error validateCode(llvm::ArrayRef<Instruction> Code, size_t PoolSize,
                         uint64_t Offset);

} // namespace zkc

#endif // ZKC_OBJECT_OBJECT_H
