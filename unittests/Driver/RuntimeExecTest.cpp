//===-- RuntimeExecTest.cpp - The runtime, run on the ZVM -----------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// LLVM IR using operations the ZVM has no instruction for (a 256-bit byte
// swap, 512-bit division) goes through the driver's back half: the code
// generator lowers them to calls into the linked runtime. The object runs in
// the emulator and must agree with the runtime's C compiled for the host
// (itself checked against GMP by RuntimeHostTest).
//
//===----------------------------------------------------------------------===//

#include "zkc/Conversion/EVMToLLVM/EVMToLLVM.h"
#include "zkc/Driver/Compiler.h"
#include "zkc/Driver/Linker.h"
#include "zkc/MC/Assembler.h"
#include "zkc/Support/Keccak.h"
#include "zkc/VM/Emulator.h"

#include "zvm_rt.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <random>

using namespace zkc;

namespace {

// Reads a_lo, a_hi, b_lo, b_hi from calldata; returns bswap(a_lo) and the
// quotient and remainder of a / b as (lo, hi) words.
const char *const Program = R"(
declare void @zvm.return(i256, i256) #0
declare i256 @llvm.bswap.i256(i256)

define void @__entry() {
entry:
  %a.lo = load i256, ptr addrspace(2) inttoptr (i256 0 to ptr addrspace(2)), align 1
  %a.hi = load i256, ptr addrspace(2) inttoptr (i256 32 to ptr addrspace(2)), align 1
  %b.lo = load i256, ptr addrspace(2) inttoptr (i256 64 to ptr addrspace(2)), align 1
  %b.hi = load i256, ptr addrspace(2) inttoptr (i256 96 to ptr addrspace(2)), align 1
  %swapped = call i256 @llvm.bswap.i256(i256 %a.lo)
  store i256 %swapped, ptr addrspace(1) inttoptr (i256 0 to ptr addrspace(1)), align 1
  %b.zero = icmp eq i256 %b.lo, 0
  %b.hi.zero = icmp eq i256 %b.hi, 0
  %by.zero = and i1 %b.zero, %b.hi.zero
  br i1 %by.zero, label %done, label %divide

divide:
  %a.lo.w = zext i256 %a.lo to i512
  %a.hi.w = zext i256 %a.hi to i512
  %a.hi.s = shl i512 %a.hi.w, 256
  %a = or i512 %a.hi.s, %a.lo.w
  %b.lo.w = zext i256 %b.lo to i512
  %b.hi.w = zext i256 %b.hi to i512
  %b.hi.s = shl i512 %b.hi.w, 256
  %b = or i512 %b.hi.s, %b.lo.w
  %q = udiv i512 %a, %b
  %r = urem i512 %a, %b
  %q.lo = trunc i512 %q to i256
  %q.hi.s = lshr i512 %q, 256
  %q.hi = trunc i512 %q.hi.s to i256
  %r.lo = trunc i512 %r to i256
  %r.hi.s = lshr i512 %r, 256
  %r.hi = trunc i512 %r.hi.s to i256
  store i256 %q.lo, ptr addrspace(1) inttoptr (i256 32 to ptr addrspace(1)), align 1
  store i256 %q.hi, ptr addrspace(1) inttoptr (i256 64 to ptr addrspace(1)), align 1
  store i256 %r.lo, ptr addrspace(1) inttoptr (i256 96 to ptr addrspace(1)), align 1
  store i256 %r.hi, ptr addrspace(1) inttoptr (i256 128 to ptr addrspace(1)), align 1
  br label %done

done:
  call void @zvm.return(i256 0, i256 160)
  unreachable
}

attributes #0 = { noreturn nounwind }
)";

std::vector<uint8_t> buildObject(OptLevel Level) {
  llvm::LLVMContext Context;
  llvm::SMDiagnostic Err;
  std::string Text = std::string("target datalayout = \"") + ZVMDataLayout +
                     "\"\ntarget triple = \"" + ZVMTargetTriple + "\"\n" +
                     Program;
  std::unique_ptr<llvm::Module> M =
      llvm::parseAssemblyString(Text, Err, Context);
  if (!M) {
    ADD_FAILURE() << Err.getMessage().str();
    return {};
  }
  CompileOptions Opts;
  Opts.Opt = Level;
  auto Code = compileModule(*M, Opts);
  if (!Code) {
    ADD_FAILURE() << llvm::toString(Code.takeError());
    return {};
  }
  // The operations are calls into the runtime, not expanded inline. (From
  // -O1 on LLVM computes the remainder as a - q * b, from the quotient.)
  for (const char *Fn :
       {"__zvm_rt_bswap256", "__zvm_rt_udiv512_lo", "__zvm_rt_udiv512_hi"})
    EXPECT_NE(Code->find(Fn), std::string::npos) << Fn << " in\n" << *Code;
  ObjectSource Source;
  Source.Name = "RuntimeCalls";
  Source.Code = *Code;
  auto Asm = composeAssembly(Source);
  if (!Asm) {
    ADD_FAILURE() << llvm::toString(Asm.takeError());
    return {};
  }
  std::string Diags;
  llvm::raw_string_ostream DiagOS(Diags);
  std::optional<Object> Obj = assembleText(*Asm, DiagOS);
  if (!Obj) {
    ADD_FAILURE() << Diags << "\n" << *Asm;
    return {};
  }
  auto Bytes = writeObject(*Obj);
  if (!Bytes) {
    ADD_FAILURE() << llvm::toString(Bytes.takeError());
    return {};
  }
  return *Bytes;
}

Word toWord(u256 X) {
  return Word(uint64_t(X), uint64_t(X >> 64), uint64_t(X >> 128),
              uint64_t(X >> 192));
}

u256 randomWord(std::mt19937_64 &Rng) {
  u256 X = 0;
  for (int I = 0; I < 4; ++I)
    X = (X << 64) | Rng();
  switch (Rng() % 4) {
  case 0:
    return X >> (Rng() % 256);
  case 1:
    return 0;
  default:
    return X;
  }
}

class RuntimeExec : public ::testing::TestWithParam<OptLevel> {};

TEST_P(RuntimeExec, AgreesWithHost) {
  if (!hasCodeGenerator())
    GTEST_SKIP() << "no code generator in this build";
  std::vector<uint8_t> Code = buildObject(GetParam());
  ASSERT_FALSE(Code.empty());
  vm::Emulator E;
  Word Contract(0xc0de), Sender(0x5e4d3e7);
  vm::Account &A = E.State.Accounts[Contract];
  A.Code = std::make_shared<const vm::Bytes>(Code);
  A.CodeHash = keccak256Word(Code.data(), Code.size());
  E.State.Accounts[Sender].CodeHash = vm::emptyCodeHash();

  std::mt19937_64 Rng(7);
  for (int N = 0; N < 40; ++N) {
    u256 In[4] = {randomWord(Rng), randomWord(Rng), randomWord(Rng),
                  N == 0 ? 0 : randomWord(Rng)};
    if (N == 1)
      In[2] = In[3] = 0; // Division by zero is not executed.
    vm::Transaction Tx;
    Tx.From = Sender;
    Tx.To = Contract;
    for (u256 W : In) {
      uint8_t Buf[32];
      toWord(W).toBigEndian(Buf);
      Tx.Data.insert(Tx.Data.end(), Buf, Buf + 32);
    }
    vm::TxResult R = E.transact(Tx);
    ASSERT_EQ(R.Result.S, vm::Status::Success)
        << vm::trapKindName(R.Result.Trap) << " " << R.Result.Detail;
    ASSERT_EQ(R.Result.Output.size(), 160u);
    auto Out = [&](int I) {
      return Word::fromBigEndian(R.Result.Output.data() + 32 * I);
    };
    EXPECT_EQ(Out(0), toWord(__zvm_rt_bswap256(In[0]))) << N;
    bool ByZero = In[2] == 0 && In[3] == 0;
    EXPECT_EQ(Out(1),
              ByZero ? Word()
                     : toWord(__zvm_rt_udiv512_lo(In[0], In[1], In[2], In[3])))
        << N;
    EXPECT_EQ(Out(2),
              ByZero ? Word()
                     : toWord(__zvm_rt_udiv512_hi(In[0], In[1], In[2], In[3])))
        << N;
    EXPECT_EQ(Out(3),
              ByZero ? Word()
                     : toWord(__zvm_rt_urem512_lo(In[0], In[1], In[2], In[3])))
        << N;
    EXPECT_EQ(Out(4),
              ByZero ? Word()
                     : toWord(__zvm_rt_urem512_hi(In[0], In[1], In[2], In[3])))
        << N;
  }
}

INSTANTIATE_TEST_SUITE_P(Levels, RuntimeExec,
                         ::testing::Values(OptLevel::O0, OptLevel::O2,
                                           OptLevel::Oz),
                         [](const auto &Info) {
                           return "O" + optLevelName(Info.param).str();
                         });

} // namespace
