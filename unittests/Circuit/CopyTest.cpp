//===-- CopyTest.cpp - Copies to the heap on honest executions ------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// cdcopy and codecopy of 0, 1, 31, 32, 33 and 100 bytes, aligned and not,
// from sources inside, across the end of and wholly past the calldata or
// the code, copies overwriting each other and stores, loads of copied
// bytes, mcopy forwards and backwards next to its source, onto itself and
// from bytes never written, random copies, rdsize and an empty rdcopy: the
// tables built from the trace satisfy every constraint and balance every bus,
// and the bytes returned are the emulator's and the model's. What the circuit
// cannot express is refused with the reason.
//
//===----------------------------------------------------------------------===//

#include "CircuitTestUtil.h"

#include <random>

using namespace zkc;
using namespace zkc::circuit;
using namespace zkc::test;

namespace {

/// r1 = Dst, r2 = Src, r3 = Len, then the copy.
void appendCopy(std::vector<Instruction> &Code, Opcode Op, uint32_t Dst,
                uint32_t Src, uint32_t Len) {
  Code.push_back(ins(Opcode::Li, 1, 0, 0, Dst));
  Code.push_back(ins(Opcode::Li, 2, 0, 0, Src));
  Code.push_back(ins(Opcode::Li, 3, 0, 0, Len));
  Code.push_back(ins(Op, 1, 2, 3));
}

/// Returns heap [Start, Start + Len).
void appendReturn(std::vector<Instruction> &Code, uint32_t Start,
                  uint32_t Len) {
  Code.push_back(ins(Opcode::Li, 1, 0, 0, Start));
  Code.push_back(ins(Opcode::Li, 2, 0, 0, Len));
  Code.push_back(ins(Opcode::Return, 1, 2));
}

/// Source[Src, Src + Len), zero past the end.
vm::Bytes slice(const vm::Bytes &Source, uint64_t Src, uint64_t Len) {
  vm::Bytes Out(Len, 0);
  for (uint64_t I = 0; I < Len && Src + I < Source.size(); ++I)
    Out[I] = Source[Src + I];
  return Out;
}

void expectHolds(CircuitRun &R) {
  ASSERT_EQ(R.Run.Result.Result.S, vm::Status::Success);
  CheckReport Rep = R.check(/*Refill=*/false);
  EXPECT_TRUE(Rep.ok()) << describe(Rep);
}

TEST(CopyTest, CalldataCopiesAroundTheEnd) {
  for (size_t Size : {0, 1, 33, 100}) {
    vm::Bytes Data = randomBytes(Size, Size);
    for (uint32_t Len : {0, 1, 31, 32, 33, 100}) {
      std::vector<uint32_t> Srcs = {0, 1, 5000};
      for (int64_t S : {int64_t(Size) - 1, int64_t(Size), int64_t(Size) + 3})
        if (S >= 0)
          Srcs.push_back(static_cast<uint32_t>(S));
      for (uint32_t Src : Srcs) {
        SCOPED_TRACE(testing::Message()
                     << "size " << Size << " len " << Len << " src " << Src);
        std::vector<Instruction> Code;
        // Bytes already there, which the copy overwrites.
        Code.push_back(ins(Opcode::Li, 4, 0, 0, ~0u));
        Code.push_back(ins(Opcode::MStore, 0, 4, 0, 0));
        Code.push_back(ins(Opcode::MStore, 0, 4, 0, 32));
        appendCopy(Code, Opcode::CdCopy, 3, Src, Len);
        appendReturn(Code, 0, 140);
        CircuitRun R(std::move(Code), {}, Data);
        expectHolds(R);
        vm::Bytes Expected(140, 0);
        std::fill(Expected.begin(), Expected.begin() + 64, 0xff);
        vm::Bytes Copied = slice(Data, Src, Len);
        std::copy(Copied.begin(), Copied.end(), Expected.begin() + 3);
        EXPECT_EQ(R.Run.Out.Output, Expected);
        EXPECT_EQ(R.T.UsedRows[unsigned(TableId::Copy)],
                  std::max<uint32_t>(Len, 1));
      }
    }
  }
}

TEST(CopyTest, CodeCopiesAroundTheEnd) {
  std::vector<Instruction> Prefix;
  for (unsigned I = 0; I < 3; ++I)
    Prefix.push_back(ins(Opcode::Li, 9, 0, 0, 0x01020304u * (I + 1)));
  // The object's size, which the code does not know before it is built:
  // run once to learn it.
  std::vector<Instruction> Probe = Prefix;
  appendCopy(Probe, Opcode::CodeCopy, 0, 0, 1);
  appendReturn(Probe, 0, 1);
  size_t Size = runTraced(Probe).Env.Code.size();
  ASSERT_GT(Size, 40u);
  for (uint32_t Len : {0, 1, 31, 32, 33, 100}) {
    for (uint32_t Src :
         {0u, 7u, uint32_t(Size - 1), uint32_t(Size), uint32_t(Size + 40)}) {
      SCOPED_TRACE(testing::Message() << "len " << Len << " src " << Src);
      std::vector<Instruction> Code = Prefix;
      appendCopy(Code, Opcode::CodeCopy, 33, Src, Len);
      appendReturn(Code, 0, 140);
      CircuitRun R(std::move(Code));
      ASSERT_EQ(R.Run.Env.Code.size(), Size);
      expectHolds(R);
      vm::Bytes Expected(140, 0);
      vm::Bytes Copied = slice(R.Run.Env.Code, Src, Len);
      std::copy(Copied.begin(), Copied.end(), Expected.begin() + 33);
      EXPECT_EQ(R.Run.Out.Output, Expected);
    }
  }
}

TEST(CopyTest, CopiesThenLoadsAndStores) {
  vm::Bytes Data = randomBytes(70, 3);
  std::vector<Instruction> Code;
  appendCopy(Code, Opcode::CdCopy, 0, 0, 64);
  appendCopy(Code, Opcode::CodeCopy, 10, 0, 16); // over the first copy
  Code.push_back(ins(Opcode::Li, 5, 0, 0, 0));
  Code.push_back(ins(Opcode::MLoad, 6, 5, 0, 5));    // across both copies
  Code.push_back(ins(Opcode::MStore, 5, 6, 0, 100)); // stored elsewhere
  Code.push_back(ins(Opcode::MStore8, 5, 6, 0, 12)); // into the code bytes
  appendCopy(Code, Opcode::CdCopy, 60, 66, 10);      // across the end
  Code.push_back(ins(Opcode::Keccak256, 7, 5, 3));   // hash of [0, 10)
  appendReturn(Code, 0, 132);
  CircuitRun R(std::move(Code), {}, Data);
  expectHolds(R);
  vm::Bytes Expected(132, 0);
  std::copy(Data.begin(), Data.begin() + 64, Expected.begin());
  vm::Bytes CodeBytes = slice(R.Run.Env.Code, 0, 16);
  std::copy(CodeBytes.begin(), CodeBytes.end(), Expected.begin() + 10);
  vm::Bytes Loaded(Expected.begin() + 5, Expected.begin() + 37);
  std::copy(Loaded.begin(), Loaded.end(), Expected.begin() + 100);
  Expected[12] = Loaded[31];
  vm::Bytes Tail = slice(Data, 66, 10);
  std::copy(Tail.begin(), Tail.end(), Expected.begin() + 60);
  EXPECT_EQ(R.Run.Out.Output, Expected);
}

TEST(CopyTest, RandomCopies) {
  std::mt19937_64 Rng(42);
  for (unsigned Round = 0; Round < 8; ++Round) {
    SCOPED_TRACE(Round);
    vm::Bytes Data = randomBytes(Rng() % 120, Rng());
    std::vector<Instruction> Code;
    // The heap's size so far, in bytes: an mcopy source beyond it and its
    // destination grows the heap further, which is refused.
    uint32_t HeapEnd = 0;
    auto Grow = [&](uint32_t End) {
      HeapEnd = std::max(HeapEnd, (End + 31) / 32 * 32);
    };
    for (unsigned K = 0; K < 12; ++K) {
      Opcode Op = Rng() % 3 == 0   ? Opcode::MCopy
                  : Rng() % 2 == 0 ? Opcode::CdCopy
                                   : Opcode::CodeCopy;
      uint32_t Dst = Rng() % 150, Src = Rng() % 160, Len = Rng() % 60;
      if (Op == Opcode::MCopy) {
        uint32_t Limit = std::max(HeapEnd, Len ? (Dst + Len + 31) / 32 * 32 : 0);
        if (Src + Len > Limit)
          Src = Limit >= Len ? Limit - Len : Dst;
        if (Dst < Src + Len && Src < Dst + Len)
          Src = Dst; // overlapping ranges are not provable; onto itself is
      }
      appendCopy(Code, Op, Dst, Src, Len);
      if (Len)
        Grow(Dst + Len);
      if (Rng() % 3 == 0) {
        uint32_t At = Rng() % 200;
        Code.push_back(ins(Opcode::Li, 5, 0, 0, At));
        Code.push_back(ins(Opcode::Li, 6, 0, 0, static_cast<uint32_t>(Rng())));
        Code.push_back(ins(Opcode::MStore, 5, 6, 0, 0));
        Grow(At + 32);
      }
    }
    appendReturn(Code, 0, 240);
    CircuitRun R(std::move(Code), {}, Data);
    expectHolds(R);
    // Replay the copies and stores on a model heap.
    vm::Bytes Heap(240, 0);
    const vm::Bytes &Obj = R.Run.Env.Code;
    for (const vm::TraceStep &S : R.Run.T.Steps) {
      if (S.Instr.Op == Opcode::CdCopy || S.Instr.Op == Opcode::CodeCopy) {
        vm::Bytes B = slice(S.Instr.Op == Opcode::CdCopy ? Data : Obj,
                            S.In[1].low(), S.In[2].low());
        for (size_t I = 0; I < B.size() && S.In[0].low() + I < Heap.size(); ++I)
          Heap[S.In[0].low() + I] = B[I];
      }
      if (S.Instr.Op == Opcode::MCopy) {
        uint64_t D = S.In[0].low(), Sr = S.In[1].low(), N = S.In[2].low();
        vm::Bytes Buf(N, 0);
        for (uint64_t I = 0; I < N; ++I)
          Buf[I] = Sr + I < Heap.size() ? Heap[Sr + I] : 0;
        for (uint64_t I = 0; I < N && D + I < Heap.size(); ++I)
          Heap[D + I] = Buf[I];
      }
      if (S.Instr.Op == Opcode::MStore) {
        uint8_t W[32];
        S.In[1].toBigEndian(W);
        for (size_t I = 0; I < 32 && S.In[0].low() + I < Heap.size(); ++I)
          Heap[S.In[0].low() + I] = W[I];
      }
    }
    EXPECT_EQ(R.Run.Out.Output, Heap);
  }
}

TEST(CopyTest, HeapCopies) {
  // Sources before and after the destination, adjacent to it, onto
  // itself, from bytes never written, then loaded and returned.
  vm::Bytes Data = randomBytes(100, 9);
  for (uint32_t Len : {0, 1, 31, 32, 33, 100}) {
    for (auto [Dst, Src] : {std::pair<uint32_t, uint32_t>{150, 0},
                            {0, 150},
                            {7, 7},
                            {3 + Len, 3},
                            {3, 3 + Len},
                            {300, 190}}) {
      SCOPED_TRACE(testing::Message()
                   << "len " << Len << " dst " << Dst << " src " << Src);
      std::vector<Instruction> Code;
      appendCopy(Code, Opcode::CdCopy, 0, 0, 100);
      appendCopy(Code, Opcode::CdCopy, 150, 0, 100);
      appendCopy(Code, Opcode::MCopy, Dst, Src, Len);
      Code.push_back(ins(Opcode::MLoad, 5, 1, 0, 1)); // a copied word
      Code.push_back(ins(Opcode::Li, 6, 0, 0, 400));
      Code.push_back(ins(Opcode::MStore, 6, 5, 0, 0));
      appendReturn(Code, 0, 432);
      CircuitRun R(std::move(Code), {}, Data);
      expectHolds(R);
      vm::Bytes Heap(432, 0);
      std::copy(Data.begin(), Data.end(), Heap.begin());
      std::copy(Data.begin(), Data.end(), Heap.begin() + 150);
      vm::Bytes Buf(Heap.begin() + Src, Heap.begin() + Src + Len);
      std::copy(Buf.begin(), Buf.end(), Heap.begin() + Dst);
      std::copy(Heap.begin() + Dst + 1, Heap.begin() + Dst + 33,
                Heap.begin() + 400);
      EXPECT_EQ(R.Run.Out.Output, Heap);
    }
  }
}

TEST(CopyTest, ReturndataIsEmpty) {
  std::vector<Instruction> Code = {ins(Opcode::RdSize, 4)};
  appendCopy(Code, Opcode::RdCopy, 7, 0, 0);
  Code.push_back(ins(Opcode::MStore, 3, 4, 0, 0));
  appendReturn(Code, 0, 32);
  CircuitRun R(std::move(Code));
  expectHolds(R);
  EXPECT_EQ(R.Run.Out.Output, vm::Bytes(32, 0));
}

TEST(CopyTest, WhatTheCircuitCannotExpressIsRefused) {
  auto Refusal = [](std::vector<Instruction> Code) {
    TracedRun Run = runTraced(std::move(Code), {}, {1, 2, 3});
    ZvmCircuit C(Run.Prog.Code, Run.Prog.Pool, Run.Env);
    auto T = generateCircuitTrace(C, Run.T);
    if (T)
      return std::string("accepted");
    return llvm::toString(T.takeError());
  };
  // A source of 2^32: the ISA gives zeros.
  std::vector<Instruction> Far = {
      ins(Opcode::Li, 2, 0, 0, 1), ins(Opcode::ShlI, 2, 2, 0, 32),
      ins(Opcode::Li, 3, 0, 0, 4), ins(Opcode::CdCopy, 1, 2, 3),
      ins(Opcode::Stop)};
  EXPECT_EQ(Refusal(Far), "unsupported by the circuit: a copy with a "
                          "destination, source or length of 2^32 or more "
                          "(at pc 3)");
  // mcopy reads and writes at one timestamp: overlapping ranges (but
  // onto themselves) cannot be proven.
  for (auto [Dst, Src] : {std::pair<uint32_t, uint32_t>{10, 12}, {12, 10}}) {
    std::vector<Instruction> Overlap;
    appendCopy(Overlap, Opcode::MCopy, Dst, Src, 4);
    Overlap.push_back(ins(Opcode::Stop));
    EXPECT_EQ(Refusal(Overlap), "unsupported by the circuit: an mcopy whose "
                                "ranges overlap (at pc 3)");
  }
  // The heap size grows over a copy's destination only: an mcopy whose
  // source ends beyond the heap and the destination is refused, one whose
  // source the heap already holds is not.
  std::vector<Instruction> Beyond;
  appendCopy(Beyond, Opcode::MCopy, 0, 200, 4);
  Beyond.push_back(ins(Opcode::Stop));
  EXPECT_EQ(Refusal(Beyond), "unsupported by the circuit: an mcopy whose "
                             "source range grows the heap (at pc 3)");
  std::vector<Instruction> Within = {ins(Opcode::Li, 1, 0, 0, 200),
                                     ins(Opcode::MStore, 1, 1)};
  appendCopy(Within, Opcode::MCopy, 0, 200, 4);
  Within.push_back(ins(Opcode::MSize, 2));
  Within.push_back(ins(Opcode::Stop));
  EXPECT_EQ(Refusal(Within), "accepted");
  // A copy past the heap limit traps.
  std::vector<Instruction> Trap;
  appendCopy(Trap, Opcode::CodeCopy, (1u << 28) - 3, 0, 4);
  Trap.push_back(ins(Opcode::Stop));
  EXPECT_EQ(Refusal(Trap), "unsupported by the circuit: an execution ending "
                           "in a trap (at pc 3, codecopy)");
  // rdcopy of a byte traps: there is no returndata.
  std::vector<Instruction> Rd;
  appendCopy(Rd, Opcode::RdCopy, 0, 0, 1);
  Rd.push_back(ins(Opcode::Stop));
  EXPECT_EQ(Refusal(Rd), "unsupported by the circuit: an execution ending "
                         "in a trap (at pc 3, rdcopy)");
}

} // namespace
