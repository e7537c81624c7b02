//===-- CompilerTest.cpp - The pipeline as a library ----------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//

#include "zkc/Driver/Compiler.h"
#include "zkc/VM/Emulator.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <thread>

using namespace zkc;

namespace {

const char *const Counter = R"(object "Counter" {
  code {
    let size := datasize("Counter_deployed")
    codecopy(0, dataoffset("Counter_deployed"), size)
    return(0, size)
  }
  object "Counter_deployed" {
    code {
      let n := add(sload(0), calldataload(0))
      sstore(0, n)
      mstore(0, n)
      return(0, 32)
    }
  }
})";

std::vector<uint8_t> compile(const char *Source, OptLevel Level,
                             std::string *Diags = nullptr) {
  CompileOptions Opts;
  Opts.Opt = Level;
  std::string Errors;
  llvm::raw_string_ostream OS(Errors);
  Compilation C(Source, "counter.yul", Opts, OS);
  bool Ok = C.compile();
  if (Diags)
    *Diags = Errors;
  return Ok ? C.result().Bytes : std::vector<uint8_t>();
}

TEST(Compiler, CompilesAndRuns) {
  if (!hasCodeGenerator())
    GTEST_SKIP() << "no code generator in this build";
  for (OptLevel Level : AllOptLevels) {
    std::vector<uint8_t> Code = compile(Counter, Level);
    ASSERT_FALSE(Code.empty());
    vm::Emulator E;
    Word Sender(0x5e4d3e7);
    E.State.Accounts[Sender].CodeHash = vm::emptyCodeHash();
    vm::Transaction Deploy;
    Deploy.From = Sender;
    Deploy.Data = Code;
    vm::TxResult D = E.transact(Deploy);
    ASSERT_EQ(D.Result.S, vm::Status::Success);
    for (uint64_t Step : {5, 7}) {
      vm::Transaction Call;
      Call.From = Sender;
      Call.To = D.Result.CreatedAddress;
      Call.Data.resize(32);
      Word(Step).toBigEndian(Call.Data.data());
      vm::TxResult R = E.transact(Call);
      ASSERT_EQ(R.Result.S, vm::Status::Success);
      ASSERT_EQ(R.Result.Output.size(), 32u);
      EXPECT_EQ(Word::fromBigEndian(R.Result.Output.data()),
                Word(Step == 5 ? 5 : 12));
    }
  }
}

TEST(Compiler, ConcurrentCompilationsAgree) {
  if (!hasCodeGenerator())
    GTEST_SKIP() << "no code generator in this build";
  std::vector<uint8_t> Expected = compile(Counter, OptLevel::O3);
  ASSERT_FALSE(Expected.empty());
  std::vector<std::vector<uint8_t>> Results(4);
  std::vector<std::thread> Threads;
  for (auto &R : Results)
    Threads.emplace_back([&R] { R = compile(Counter, OptLevel::O3); });
  for (std::thread &T : Threads)
    T.join();
  for (const auto &R : Results)
    EXPECT_EQ(R, Expected);
}

TEST(Compiler, StopsAtAStage) {
  CompileOptions Opts;
  std::string Errors;
  llvm::raw_string_ostream OS(Errors);
  Compilation C(Counter, "counter.yul", Opts, OS);
  ASSERT_TRUE(C.lowerToLLVM());
  std::string IR;
  llvm::raw_string_ostream IROS(IR);
  C.printLLVM(IROS);
  EXPECT_NE(IR.find("; zvm object: Counter.Counter_deployed"),
            std::string::npos);
  // Before optimize() the runtime is not linked in.
  EXPECT_EQ(IR.find("__zvm_rt_"), std::string::npos);
  EXPECT_TRUE(Errors.empty());
}

TEST(Compiler, ReportsSourceErrorsOnce) {
  std::string Diags;
  EXPECT_TRUE(compile("{ let x := y }", OptLevel::O2, &Diags).empty());
  EXPECT_EQ(Diags, "Error: Identifier \"y\" not found.\n"
                   " --> counter.yul:1:12:\n"
                   "  |\n"
                   "1 | { let x := y }\n"
                   "  |            ^\n\n");
}

} // namespace
