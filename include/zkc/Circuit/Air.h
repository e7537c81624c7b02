//===-- zkc/Circuit/Air.h - The AIR framework -------------------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The vocabulary every table of the ZVM circuit is written in, after
// Plonky3's p3-air: a table (an AIR) declares its columns as a struct
// template `XCols<T>` and its constraints once, in
//
//   template <AirBuilder B> void eval(B &Builder) const;
//
// and several builders run that one `eval`: the DebugConstraintChecker
// evaluates every constraint on every row of a trace (ConstraintChecker.h),
// the SymbolicBuilder computes each constraint's degree (SymbolicBuilder.h),
// and the interaction collector fills the multiplicities of lookup tables
// (Circuit.h). A later prover folder will be one more builder.
//
// Tables are tied together by buses: `send` and `receive` contribute a tuple
// with a multiplicity, and a bus balances when, over all tables, every tuple
// is sent exactly as many times as it is received (checked with LogUp).
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_CIRCUIT_AIR_H
#define ZKC_CIRCUIT_AIR_H

#include "zkc/Circuit/Field.h"

#include "zkc/Support/Word.h"

#include <array>
#include <cassert>
#include <concepts>
#include <cstddef>
#include <type_traits>
#include <vector>

namespace zkc::circuit {

/// The buses of the circuit (docs/circuit.md, "Buses").
enum class Bus : uint8_t {
  /// (pc, opcode, a, b, c, imm): the CPU fetches, the program table holds.
  Program,
  /// (op, x[16], y[16], z[16]): the CPU asks, the ALU tables answer.
  Alu,
  /// (address, timestamp, is_write, value[16]): register accesses of the
  /// CPU, received by the register access table.
  Register,
  /// (address, timestamp, value[16]): memory states, produced and consumed
  /// by the register access and boundary tables (offline memory checking).
  MemoryState,
  /// (value): 16-bit range checks, answered by the range table.
  Range16,
  /// (op, x, y, z): byte operations, answered by the byte table.
  Byte,
  /// (a[16], b[16], c[16], hi[16], lo[16]): a * b + c = hi * 2^256 + lo,
  /// asked by the division and shift tables, answered by the wide-mul table.
  WideMul,
  /// (op, x[16], y[16], w[16], z[16]): operations of three operands
  /// (select, addmod, mulmod), asked by the CPU.
  Alu3,
  /// (opcode, value[16]): environment instructions' results, looked up by
  /// the CPU in the environment table (the call's public inputs).
  Env,
  /// (opcode, timestamp, address, value[16]): heap loads and stores of the
  /// CPU, received by the heap table.
  Heap,
  /// (address, timestamp, byte): heap byte states, produced and consumed by
  /// the heap and heap boundary tables (offline memory checking).
  HeapState,
  /// (reverted, length, start, timestamp): how the execution ends, sent by
  /// the CPU's last real row once per output byte and once more, received
  /// by the output table, whose reverted flag and length are public.
  Halt,
  /// (address, value[16]): cdload's reads, asked by the CPU, answered by
  /// the cdload table.
  CdLoad,
  /// (address, byte): calldata bytes, looked up by the cdload table in the
  /// calldata table (public inputs).
  Calldata,
  /// (address, length, digest[16], timestamp): keccak256's hashes, asked by
  /// the CPU, answered by the keccak sponge table.
  Keccak,
  /// (kind, tag, limbs[50]): keccak-f[1600] inputs (kind 0) sent by the
  /// sponge and received by the permutation table, outputs (kind 1) sent
  /// back.
  KeccakF,
  /// (transient, timestamp, is_write, key[16], value[16]): sload, sstore,
  /// tload and tstore of the CPU, received by the storage table.
  Storage,
  /// (transient, key[16], timestamp, value[16]): storage slot states,
  /// produced and consumed by the storage and storage boundary tables
  /// (offline memory checking).
  StorageState,
  /// (key[16], initial[16], final[16]): the account's storage slots the
  /// call touched, sent by the storage boundary table, received by the
  /// storage-public table (the public pre- and post-state).
  StoragePublic,
  /// (opcode, clk, base): log0 .. log4 of the CPU, received by the log
  /// table.
  Log,
  /// (index, ts, offset): a published log's data bytes, asked by its log
  /// row once per byte, received by the log-data table.
  LogData,
  /// (index, opcode, topics[4][16], size): the published logs, sent by the
  /// log table, received by the log-public table.
  LogPublic,
  /// (opcode, timestamp, address, value[16]): stack loads and stores of the
  /// CPU, received by the stack table.
  Stack,
  /// (address, timestamp, byte): stack byte states, produced and consumed
  /// by the stack and stack boundary tables (offline memory checking).
  StackState,
  /// (opcode, dst, src, length, timestamp): cdcopy's and codecopy's
  /// copies, asked by the CPU, answered by the copy table.
  Copy,
  /// (address, byte): the running code's bytes, looked up by the copy table
  /// in the code table (public inputs).
  Code,
};
inline constexpr unsigned NumBuses = 26;
const char *busName(Bus B);

/// A bus tuple under construction: a handful of expressions, no allocation.
template <class E> class Tuple {
public:
  static constexpr unsigned Capacity = 96;

  void push(const E &V) {
    assert(Size < Capacity && "bus tuple too long");
    Vals[Size++] = V;
  }
  template <size_t N> void push(const E (&Vs)[N]) {
    for (const E &V : Vs)
      push(V);
  }
  template <std::integral I> void push(I V) { push(E(V)); }

  const E *begin() const { return Vals; }
  const E *end() const { return Vals + Size; }
  unsigned size() const { return Size; }
  const E &operator[](unsigned I) const { return Vals[I]; }

private:
  E Vals[Capacity];
  unsigned Size = 0;
};

/// A trace: Height rows of Width field elements, row-major.
struct Matrix {
  size_t Width = 0;
  size_t Height = 0;
  std::vector<Felt> Values;

  Matrix() = default;
  Matrix(size_t W, size_t H) : Width(W), Height(H), Values(W * H) {}

  Felt *row(size_t R) { return Values.data() + R * Width; }
  const Felt *row(size_t R) const { return Values.data() + R * Width; }
  Felt &at(size_t R, size_t C) { return Values[R * Width + C]; }
  Felt at(size_t R, size_t C) const { return Values[R * Width + C]; }
};

/// Views a row of expressions as a table's column struct, as Plonky3's
/// `Borrow` does: column structs hold only T members and arrays of them.
template <template <class> class Cols, class E>
const Cols<E> &viewRow(const E *Row) {
  static_assert(std::is_standard_layout_v<Cols<E>>);
  static_assert(sizeof(Cols<E>) % sizeof(E) == 0);
  return *reinterpret_cast<const Cols<E> *>(Row);
}
template <template <class> class Cols> Cols<Felt> &viewRowMut(Felt *Row) {
  return *reinterpret_cast<Cols<Felt> *>(Row);
}
/// The number of columns of a column struct.
template <template <class> class Cols>
inline constexpr size_t NumCols = sizeof(Cols<uint8_t>);

template <class Builder, class E> class FilteredBuilder;

/// What every builder offers, on top of the primitives it defines itself:
///   local(), next()                 the current and next row of the main trace
///   preprocessedLocal(), ...Next()  the same for the preprocessed trace
///   isFirstRow(), isLastRow(), isTransition()
///   assertZero(Name, X)             the one constraint primitive
///   interact(Bus, Mult, Tuple, IsSend)
/// This CRTP base adds the conveniences of Plonky3's AirBuilder.
template <class Derived, class E> class AirBuilderBase {
public:
  using Expr = E;

  void assertEq(const char *Name, const E &A, const E &B) {
    self().assertZero(Name, A - B);
  }
  void assertOne(const char *Name, const E &A) {
    self().assertZero(Name, A - E(1));
  }
  void assertBool(const char *Name, const E &A) {
    self().assertZero(Name, A * (A - E(1)));
  }

  /// Constraints asserted through the result hold where Cond is non-zero
  /// (they are multiplied by Cond).
  FilteredBuilder<Derived, E> when(const E &Cond) {
    return FilteredBuilder<Derived, E>(self(), Cond);
  }
  FilteredBuilder<Derived, E> whenFirstRow() {
    return when(self().isFirstRow());
  }
  FilteredBuilder<Derived, E> whenLastRow() { return when(self().isLastRow()); }
  FilteredBuilder<Derived, E> whenTransition() {
    return when(self().isTransition());
  }

  /// Sends the concatenation of Parts (expressions or arrays of them) on Bus
  /// with multiplicity Mult.
  template <class... Parts>
  void send(Bus B, const E &Mult, const Parts &...Ps) {
    Tuple<E> T;
    (T.push(Ps), ...);
    self().interact(B, Mult, T, /*IsSend=*/true);
  }
  template <class... Parts>
  void receive(Bus B, const E &Mult, const Parts &...Ps) {
    Tuple<E> T;
    (T.push(Ps), ...);
    self().interact(B, Mult, T, /*IsSend=*/false);
  }

private:
  Derived &self() { return static_cast<Derived &>(*this); }
};

/// The builder returned by `when`.
template <class Builder, class E> class FilteredBuilder {
public:
  FilteredBuilder(Builder &B, const E &Cond) : Inner(B), Cond(Cond) {}

  void assertZero(const char *Name, const E &X) {
    Inner.assertZero(Name, Cond * X);
  }
  void assertEq(const char *Name, const E &A, const E &B) {
    assertZero(Name, A - B);
  }
  void assertOne(const char *Name, const E &A) { assertZero(Name, A - E(1)); }
  void assertBool(const char *Name, const E &A) {
    assertZero(Name, A * (A - E(1)));
  }
  FilteredBuilder when(const E &C) { return FilteredBuilder(Inner, Cond * C); }

private:
  Builder &Inner;
  E Cond;
};

/// The builder interface `eval` is written against.
template <class B>
concept AirBuilder = requires(B &Bld, const typename B::Expr &X,
                              const Tuple<typename B::Expr> &T) {
  { Bld.local() } -> std::convertible_to<const typename B::Expr *>;
  { Bld.next() } -> std::convertible_to<const typename B::Expr *>;
  { Bld.preprocessedLocal() } -> std::convertible_to<const typename B::Expr *>;
  { Bld.preprocessedNext() } -> std::convertible_to<const typename B::Expr *>;
  { Bld.isFirstRow() } -> std::convertible_to<typename B::Expr>;
  { Bld.isLastRow() } -> std::convertible_to<typename B::Expr>;
  { Bld.isTransition() } -> std::convertible_to<typename B::Expr>;
  Bld.assertZero("name", X);
  Bld.interact(Bus::Range16, X, T, true);
};

/// A 256-bit word in the circuit: 16 limbs of 16 bits, least significant
/// first.
inline constexpr unsigned NumLimbs = 16;
inline constexpr unsigned LimbBits = 16;
inline constexpr uint64_t LimbBase = 1u << LimbBits;

inline uint16_t limbOf(const Word &W, unsigned I) {
  return static_cast<uint16_t>(W.L[I / 4] >> (16 * (I % 4)));
}
inline void writeLimbs(const Word &W, Felt *Out) {
  for (unsigned I = 0; I < NumLimbs; ++I)
    Out[I] = Felt(limbOf(W, I));
}

} // namespace zkc::circuit

#endif // ZKC_CIRCUIT_AIR_H
