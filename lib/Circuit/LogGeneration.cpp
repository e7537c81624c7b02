//===-- LogGeneration.cpp - The log table's trace -------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// A log row per log0 .. log4 of the trace, in execution order, with the
// block the instruction read (the trace's frame reads of its step), and
// the heap reads of the published data bytes, which the heap generation
// interleaves with the heap's accesses.
//
//===----------------------------------------------------------------------===//

#include "zkc/Circuit/Circuit.h"

#include <algorithm>

using namespace zkc;
using namespace zkc::circuit;

std::vector<Word> zkc::circuit::logBlock(const vm::Trace &T, size_t Step) {
  const vm::TraceStep &S = T.Steps[Step];
  // One context: the accesses are in cycle order.
  auto It = std::lower_bound(
      T.Accesses.begin(), T.Accesses.end(), S.Cycle,
      [](const vm::MemoryAccess &A, uint64_t C) { return A.Cycle < C; });
  std::vector<Word> Block;
  for (; It != T.Accesses.end() && It->Cycle == S.Cycle; ++It)
    if (It->Where == vm::Space::Frame && !It->IsWrite)
      Block.push_back(It->Value);
  return Block;
}

Matrix zkc::circuit::generateLogTrace(const vm::Trace &T, bool Published,
                                      std::vector<LogByteRead> &Reads) {
  std::vector<size_t> Steps;
  for (size_t R = 0; R < T.Steps.size(); ++R)
    if (cpuOpInfo(T.Steps[R].Instr.Op).IsLog)
      Steps.push_back(R);
  Matrix M(LogAir::Width, paddedHeight(Steps.size()));
  for (size_t I = 0; I < Steps.size(); ++I) {
    const size_t R = Steps[I];
    const vm::TraceStep &S = T.Steps[R];
    const unsigned N =
        static_cast<unsigned>(S.Instr.Op) - static_cast<unsigned>(Opcode::Log0);
    std::vector<Word> Block = logBlock(T, R);
    Block.resize(2 + N);
    // checkSupported keeps both below 2^28 + 1, their sum too.
    const uint64_t Offset = Block[0].low(), Size = Block[1].low();
    LogCols<Felt> &C = viewRowMut<LogCols>(M.row(I));
    C.IsLog[N] = Felt(1u);
    C.Clk = Felt(R);
    C.Base = Felt(uint64_t(S.Fp) + S.Instr.A);
    C.OffLo = Felt(Offset & 0xffff);
    C.OffHi = Felt(Offset >> 16);
    C.SizeLo = Felt(Size & 0xffff);
    C.SizeHi = Felt(Size >> 16);
    const uint64_t Room = HeapLimit - Offset - Size;
    C.RoomLo = Felt(Room & 0xffff);
    C.RoomHi = Felt(Room >> 16);
    for (unsigned J = 0; J < N; ++J)
      writeLimbs(Block[2 + J], C.Topics[J]);
    C.Index = Felt(static_cast<uint64_t>(I));
    const uint64_t Gap = I == 0 ? 0 : R - Steps[I - 1] - 1;
    C.ClkGapLo = Felt(Gap & 0xffff);
    C.ClkGapHi = Felt(Gap >> 16);
    if (Published)
      for (uint64_t K = 0; K < Size; ++K)
        Reads.push_back({uint64_t(R) + 1, Offset, Offset + K});
  }
  return M;
}
