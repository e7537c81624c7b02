//===-- Interpreter.cpp - The ZVM dispatch loop ----------------------------===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// Executes one call frame. The loop is threaded code: each instruction ends by
// jumping straight to the handler of the next through a table generated from
// ZVMInstrs.def. Code was validated when it was loaded (defined opcodes, branch
// targets and pool indices in range) and ends with a `stop` sentinel, so the
// loop checks neither. run<Tracing> is instantiated twice so that recording
// the execution trace costs the fast path nothing.
//
//===----------------------------------------------------------------------===//

#include "Instructions.h"

#include "zkc/Support/Keccak.h"

using namespace zkc;
using namespace zkc::vm;

namespace {

/// Static gas per opcode, from the instruction table.
constexpr std::array<uint32_t, 256> GasTable = [] {
  std::array<uint32_t, 256> T{};
  for (unsigned I = 0; I < 256; ++I)
    T[I] = InstrTable[I].Gas;
  return T;
}();

void beginStep(Frame &F, uint32_t Pc, uint64_t Cycle) {
  const Instruction &I = F.Prog.Code[Pc];
  const InstrInfo &Info = getInstrInfo(I.Op);
  TraceStep S;
  S.Cycle = Cycle;
  S.Depth = F.Msg.Depth;
  S.Context = F.Context;
  S.Pc = Pc;
  S.Fp = F.Fp;
  S.Sp = F.Sp;
  S.Instr = I;
  S.GasBefore = F.Gas;
  const Word *R = F.regs();
  unsigned Field = 0;
  for (char K : Info.Operands) {
    if (InstrInfo::isRegFieldKind(K)) {
      uint8_t Reg = Field == 0 ? I.A : Field == 1 ? I.B : I.C;
      ++Field;
      if (K == 's' && S.NumIn < 3)
        S.In[S.NumIn++] = R[Reg];
      continue;
    }
    if (K == 'r' && S.NumIn < 3)
      S.In[S.NumIn++] = R[I.Imm];
  }
  F.T->Steps.push_back(S);
  F.CurStep = F.T->Steps.size() - 1;
  F.StepOpen = true;
}

void finishStep(Frame &F) {
  F.StepOpen = false;
  TraceStep &S = F.T->Steps[F.CurStep];
  std::string_view Ops = getInstrInfo(S.Instr.Op).Operands;
  if (!Ops.empty() && Ops[0] == 'd') {
    S.Out = F.Regs[S.Fp + S.Instr.A];
    S.HasOut = true;
  }
}

/// Sign-extends a 32-bit immediate to a word.
inline Word sext(uint32_t Imm) {
  int64_t V = static_cast<int32_t>(Imm);
  uint64_t Hi = V < 0 ? ~0ull : 0;
  return Word(static_cast<uint64_t>(V), Hi, Hi, Hi);
}

template <bool Tracing> void run(Frame &F) {
  // The dispatch table: one label per opcode, `invalid` for the rest.
  static void *Dispatch[256];
  static bool Initialized = false;
  if (!Initialized) {
    for (void *&P : Dispatch)
      P = &&L_Invalid;
#define ZVM_INSTR(Name, Mn, Code, Ops, Gas, Block, Flags)                      \
  Dispatch[Code] = &&L_##Name;
#include "zkc/ISA/ZVMInstrs.def"
    Initialized = true;
  }

  const Instruction *Code = F.Prog.Code.data();
  const uint32_t NumInstrs = F.Prog.Code.size() - 1; // Without the sentinel.
  Emulator &Host = F.Host;
  const Message &Msg = F.Msg;
  uint32_t Pc = 0;
  uint64_t Cycles = 0;
  const Instruction *I = nullptr;
  Word *R = F.regs();

#define DISPATCH()                                                             \
  do {                                                                         \
    if constexpr (Tracing) {                                                   \
      if (F.StepOpen)                                                          \
        finishStep(F);                                                         \
      beginStep(F, Pc, Host.Cycles + Cycles);                                  \
    }                                                                          \
    I = &Code[Pc];                                                             \
    ++Cycles;                                                                  \
    F.Gas -= GasTable[static_cast<uint8_t>(I->Op)];                            \
    if (F.Gas < 0)                                                             \
      goto OutOfGas;                                                           \
    goto *Dispatch[static_cast<uint8_t>(I->Op)];                               \
  } while (0)
#define NEXT()                                                                 \
  do {                                                                         \
    ++Pc;                                                                      \
    DISPATCH();                                                                \
  } while (0)
#define JUMP(Target)                                                           \
  do {                                                                         \
    Pc = (Target);                                                             \
    DISPATCH();                                                                \
  } while (0)
#define TRAP(Kind)                                                             \
  do {                                                                         \
    F.Trap = (Kind);                                                           \
    goto Halt;                                                                 \
  } while (0)
// Runs a helper that may trap, and re-reads the register window, which a
// helper that grows the frame may move.
#define CHECKED(Expr)                                                          \
  do {                                                                         \
    if (!(Expr))                                                               \
      goto Halt;                                                               \
    R = F.regs();                                                              \
  } while (0)
// Calls into another contract: the cycle count is published first so the
// callee's cycles (and trace steps) follow this one's.
#define HOST_CALL(Expr)                                                        \
  do {                                                                         \
    Host.Cycles += Cycles;                                                     \
    Cycles = 0;                                                                \
    bool Ok = (Expr);                                                          \
    Cycles = 0;                                                                \
    if (!Ok)                                                                   \
      goto Halt;                                                               \
    R = F.regs();                                                              \
  } while (0)

  DISPATCH();

  //===--------------------------------------------------------------------===//
  // Control flow
  //===--------------------------------------------------------------------===//
L_Invalid:
  TRAP(TrapKind::InvalidInstruction);
L_Stop:
  F.Result = Status::Success;
  goto Done;
L_Return:
L_Revert:
  CHECKED(F.ensureHeap(R[I->A], R[I->B]));
  F.setOutput(R[I->A], R[I->B]);
  F.Result = I->Op == Opcode::Return ? Status::Success : Status::Revert;
  goto Done;
L_Jmp:
  JUMP(I->Imm);
L_Jnz:
  if (!R[I->A].isZero())
    JUMP(I->Imm);
  NEXT();
L_Jz:
  if (R[I->A].isZero())
    JUMP(I->Imm);
  NEXT();
L_Beq:
  if (R[I->A] == R[I->B])
    JUMP(I->Imm);
  NEXT();
L_Bne:
  if (R[I->A] != R[I->B])
    JUMP(I->Imm);
  NEXT();
L_Bltu:
  if (R[I->A] < R[I->B])
    JUMP(I->Imm);
  NEXT();
L_Bgeu:
  if (R[I->A] >= R[I->B])
    JUMP(I->Imm);
  NEXT();
L_Blt:
  if (slt(R[I->A], R[I->B]))
    JUMP(I->Imm);
  NEXT();
L_Bge:
  if (!slt(R[I->A], R[I->B]))
    JUMP(I->Imm);
  NEXT();
L_Jr: {
  const Word &Target = R[I->A];
  if (!Target.fitsU64() || Target.low() >= NumInstrs)
    TRAP(TrapKind::BadJump);
  JUMP(static_cast<uint32_t>(Target.low()));
}
L_FCall:
  CHECKED(F.enterFunction(Pc + 1, I->A));
  JUMP(I->Imm);
L_FCallR: {
  const Word &Target = R[I->B];
  if (!Target.fitsU64() || Target.low() >= NumInstrs)
    TRAP(TrapKind::BadJump);
  CHECKED(F.enterFunction(Pc + 1, I->A));
  JUMP(static_cast<uint32_t>(Target.low()));
}
L_FRet: {
  uint32_t ReturnPc;
  CHECKED(F.leaveFunction(ReturnPc));
  JUMP(ReturnPc);
}

  //===--------------------------------------------------------------------===//
  // Moves and constants
  //===--------------------------------------------------------------------===//
L_Mov:
  R[I->A] = R[I->B];
  NEXT();
L_Li:
  R[I->A] = sext(I->Imm);
  NEXT();
L_Ldc:
  R[I->A] = F.Prog.Pool[I->Imm];
  NEXT();
L_Select:
  R[I->A] = !R[I->B].isZero() ? R[I->C] : R[I->Imm];
  NEXT();

  //===--------------------------------------------------------------------===//
  // Arithmetic, comparison, bitwise
  //===--------------------------------------------------------------------===//
L_Add:
  R[I->A] = R[I->B] + R[I->C];
  NEXT();
L_Sub:
  R[I->A] = R[I->B] - R[I->C];
  NEXT();
L_Mul:
  R[I->A] = R[I->B] * R[I->C];
  NEXT();
L_Div:
  R[I->A] = udiv(R[I->B], R[I->C]);
  NEXT();
L_SDiv:
  R[I->A] = sdiv(R[I->B], R[I->C]);
  NEXT();
L_Mod:
  R[I->A] = umod(R[I->B], R[I->C]);
  NEXT();
L_SMod:
  R[I->A] = smod(R[I->B], R[I->C]);
  NEXT();
L_AddMod:
  R[I->A] = addmod(R[I->B], R[I->C], R[I->Imm]);
  NEXT();
L_MulMod:
  R[I->A] = mulmod(R[I->B], R[I->C], R[I->Imm]);
  NEXT();
L_Exp:
  // EVM's dynamic part: 50 gas per byte of the exponent.
  F.Gas -= 50 * int64_t(byteLength(R[I->C]));
  if (F.Gas < 0)
    goto OutOfGas;
  R[I->A] = zkc::exp(R[I->B], R[I->C]);
  NEXT();
L_SignExtend:
  R[I->A] = signExtend(R[I->B], R[I->C]);
  NEXT();
L_Lt:
  R[I->A] = Word(R[I->B] < R[I->C]);
  NEXT();
L_Gt:
  R[I->A] = Word(R[I->B] > R[I->C]);
  NEXT();
L_SLt:
  R[I->A] = Word(slt(R[I->B], R[I->C]));
  NEXT();
L_SGt:
  R[I->A] = Word(slt(R[I->C], R[I->B]));
  NEXT();
L_Eq:
  R[I->A] = Word(R[I->B] == R[I->C]);
  NEXT();
L_IsZero:
  R[I->A] = Word(R[I->B].isZero());
  NEXT();
L_And:
  R[I->A] = R[I->B] & R[I->C];
  NEXT();
L_Or:
  R[I->A] = R[I->B] | R[I->C];
  NEXT();
L_Xor:
  R[I->A] = R[I->B] ^ R[I->C];
  NEXT();
L_Not:
  R[I->A] = ~R[I->B];
  NEXT();
L_Byte:
  R[I->A] = byteOf(R[I->B], R[I->C]);
  NEXT();
L_Shl:
  R[I->A] = shl(R[I->B], R[I->C]);
  NEXT();
L_Shr:
  R[I->A] = shr(R[I->B], R[I->C]);
  NEXT();
L_Sar:
  R[I->A] = sar(R[I->B], R[I->C]);
  NEXT();
L_Clz:
  R[I->A] = Word(clz(R[I->B]));
  NEXT();

L_AddI:
  R[I->A] = R[I->B] + sext(I->Imm);
  NEXT();
L_MulI:
  R[I->A] = R[I->B] * sext(I->Imm);
  NEXT();
L_AndI:
  R[I->A] = R[I->B] & sext(I->Imm);
  NEXT();
L_OrI:
  R[I->A] = R[I->B] | sext(I->Imm);
  NEXT();
L_XorI:
  R[I->A] = R[I->B] ^ sext(I->Imm);
  NEXT();
L_ShlI:
  R[I->A] = shl(R[I->B], Word(I->Imm));
  NEXT();
L_ShrI:
  R[I->A] = shr(R[I->B], Word(I->Imm));
  NEXT();
L_SarI:
  R[I->A] = sar(R[I->B], Word(I->Imm));
  NEXT();
L_LtI:
  R[I->A] = Word(R[I->B] < sext(I->Imm));
  NEXT();
L_GtI:
  R[I->A] = Word(R[I->B] > sext(I->Imm));
  NEXT();
L_SLtI:
  R[I->A] = Word(slt(R[I->B], sext(I->Imm)));
  NEXT();
L_SGtI:
  R[I->A] = Word(slt(sext(I->Imm), R[I->B]));
  NEXT();
L_EqI:
  R[I->A] = Word(R[I->B] == sext(I->Imm));
  NEXT();
L_ByteI:
  R[I->A] = byteOf(Word(I->Imm), R[I->B]);
  NEXT();
L_SignExtendI:
  R[I->A] = signExtend(Word(I->Imm), R[I->B]);
  NEXT();

  //===--------------------------------------------------------------------===//
  // Heap
  //===--------------------------------------------------------------------===//
  //===--------------------------------------------------------------------===//
  // Stack memory
  //===--------------------------------------------------------------------===//
L_Enter:
  CHECKED(F.enterStack(I->Imm));
  NEXT();
L_SpLd: {
  Word Addr = Word(F.Sp) + sext(I->Imm);
  CHECKED(F.checkStack(Addr, 32));
  R[I->A] = Word::fromBigEndian(&F.Stack[Addr.low()]);
  if constexpr (Tracing)
    F.record(Space::Stack, false, Addr, R[I->A], 32);
  NEXT();
}
L_SpSt: {
  Word Addr = Word(F.Sp) + sext(I->Imm);
  CHECKED(F.checkStack(Addr, 32));
  R[I->A].toBigEndian(&F.Stack[Addr.low()]);
  if constexpr (Tracing)
    F.record(Space::Stack, true, Addr, R[I->A], 32);
  NEXT();
}
L_SpAddr:
  R[I->A] = Word(F.Sp) + sext(I->Imm);
  NEXT();
L_StLoad: {
  Word Addr = R[I->B] + sext(I->Imm);
  CHECKED(F.checkStack(Addr, 32));
  R[I->A] = Word::fromBigEndian(&F.Stack[Addr.low()]);
  if constexpr (Tracing)
    F.record(Space::Stack, false, Addr, R[I->A], 32);
  NEXT();
}
L_StLoad8: {
  Word Addr = R[I->B] + sext(I->Imm);
  CHECKED(F.checkStack(Addr, 1));
  R[I->A] = Word(F.Stack[Addr.low()]);
  if constexpr (Tracing)
    F.record(Space::Stack, false, Addr, R[I->A], 1);
  NEXT();
}
L_StStore: {
  Word Addr = R[I->A] + sext(I->Imm);
  CHECKED(F.checkStack(Addr, 32));
  R[I->B].toBigEndian(&F.Stack[Addr.low()]);
  if constexpr (Tracing)
    F.record(Space::Stack, true, Addr, R[I->B], 32);
  NEXT();
}
L_StStore8: {
  Word Addr = R[I->A] + sext(I->Imm);
  CHECKED(F.checkStack(Addr, 1));
  F.Stack[Addr.low()] = static_cast<uint8_t>(R[I->B].low());
  if constexpr (Tracing)
    F.record(Space::Stack, true, Addr, Word(R[I->B].low() & 0xff), 1);
  NEXT();
}

L_MLoad: {
  Word Addr = R[I->B] + sext(I->Imm);
  CHECKED(F.ensureHeap(Addr, Word(32)));
  R[I->A] = Word::fromBigEndian(&F.Heap[Addr.low()]);
  if constexpr (Tracing)
    F.record(Space::Heap, false, Addr, R[I->A], 32);
  NEXT();
}
L_MStore: {
  Word Addr = R[I->A] + sext(I->Imm);
  CHECKED(F.ensureHeap(Addr, Word(32)));
  R[I->B].toBigEndian(&F.Heap[Addr.low()]);
  if constexpr (Tracing)
    F.record(Space::Heap, true, Addr, R[I->B], 32);
  NEXT();
}
L_MStore8: {
  Word Addr = R[I->A] + sext(I->Imm);
  CHECKED(F.ensureHeap(Addr, Word(1)));
  F.Heap[Addr.low()] = static_cast<uint8_t>(R[I->B].low());
  if constexpr (Tracing)
    F.record(Space::Heap, true, Addr, Word(R[I->B].low() & 0xff), 1);
  NEXT();
}
L_MLoad8: {
  Word Addr = R[I->B] + sext(I->Imm);
  CHECKED(F.ensureHeap(Addr, Word(1)));
  R[I->A] = Word(F.Heap[Addr.low()]);
  if constexpr (Tracing)
    F.record(Space::Heap, false, Addr, R[I->A], 1);
  NEXT();
}
L_MSize:
  R[I->A] = Word(F.Heap.size());
  NEXT();
L_MCopy:
  CHECKED(F.heapCopy(R[I->A], R[I->B], R[I->C]));
  NEXT();

  //===--------------------------------------------------------------------===//
  // Calldata, returndata and code
  //===--------------------------------------------------------------------===//
L_CdLoad: {
  Word Addr = R[I->B] + sext(I->Imm);
  R[I->A] = F.loadPadded(F.Calldata, Addr, Space::Calldata);
  NEXT();
}
L_CdSize:
  R[I->A] = Word(F.Calldata.size());
  NEXT();
L_CdCopy:
  CHECKED(F.copyIn(F.Calldata, Space::Calldata, R[I->A], R[I->B], R[I->C]));
  NEXT();
L_RdSize:
  R[I->A] = Word(F.ReturnData.size());
  NEXT();
L_RdCopy:
  CHECKED(F.returnDataCopy(R[I->A], R[I->B], R[I->C]));
  NEXT();
L_CodeSize:
  R[I->A] = Word(F.Code.size());
  NEXT();
L_CodeCopy:
  CHECKED(F.copyIn(F.Code, Space::Code, R[I->A], R[I->B], R[I->C]));
  NEXT();
L_ExtCodeSize: {
  const Account *A = Host.State.find(toAddress(R[I->B]));
  R[I->A] = Word(A ? A->codeSize() : 0);
  NEXT();
}
L_ExtCodeCopy:
  CHECKED(F.extCodeCopy(R[I->A], R[I->B], R[I->C], R[I->Imm]));
  NEXT();
L_ExtCodeHash: {
  const Account *A = Host.State.find(toAddress(R[I->B]));
  R[I->A] = A ? A->CodeHash : Word();
  NEXT();
}

  //===--------------------------------------------------------------------===//
  // Storage and hashing
  //===--------------------------------------------------------------------===//
L_SLoad: {
  // The key is copied first: the result may overwrite its register.
  const Word Key = R[I->B];
  R[I->A] = Host.getStorage(Msg.Recipient, Key);
  if constexpr (Tracing)
    F.record(Space::Storage, false, Key, R[I->A], 32);
  NEXT();
}
L_SStore:
  CHECKED(F.storageStore(R[I->A], R[I->B]));
  NEXT();
L_TLoad: {
  const Word Key = R[I->B];
  R[I->A] = Host.getTransient(Msg.Recipient, Key);
  if constexpr (Tracing)
    F.record(Space::TransientStorage, false, Key, R[I->A], 32);
  NEXT();
}
L_TStore:
  if (Msg.IsStatic)
    TRAP(TrapKind::StaticStateChange);
  Host.setTransient(Msg.Recipient, R[I->A], R[I->B]);
  if constexpr (Tracing)
    F.record(Space::TransientStorage, true, R[I->A], R[I->B], 32);
  NEXT();
L_Keccak256:
  CHECKED(F.keccak(R[I->A], R[I->B], R[I->C]));
  NEXT();

  //===--------------------------------------------------------------------===//
  // Environment
  //===--------------------------------------------------------------------===//
L_Address:
  R[I->A] = Msg.Recipient;
  NEXT();
L_Balance:
  R[I->A] = Host.getBalance(toAddress(R[I->B]));
  NEXT();
L_SelfBalance:
  R[I->A] = Host.getBalance(Msg.Recipient);
  NEXT();
L_Origin:
  R[I->A] = Host.Tx.Origin;
  NEXT();
L_Caller:
  R[I->A] = Msg.Sender;
  NEXT();
L_CallValue:
  R[I->A] = Msg.Value;
  NEXT();
L_GasPrice:
  R[I->A] = Host.Tx.GasPrice;
  NEXT();
L_Coinbase:
  R[I->A] = Host.Block.Coinbase;
  NEXT();
L_Timestamp:
  R[I->A] = Host.Block.Timestamp;
  NEXT();
L_Number:
  R[I->A] = Host.Block.Number;
  NEXT();
L_PrevRandao:
  R[I->A] = Host.Block.PrevRandao;
  NEXT();
L_GasLimit:
  R[I->A] = Host.Block.GasLimit;
  NEXT();
L_ChainId:
  R[I->A] = Host.Block.ChainId;
  NEXT();
L_BaseFee:
  R[I->A] = Host.Block.BaseFee;
  NEXT();
L_BlobBaseFee:
  R[I->A] = Host.Block.BlobBaseFee;
  NEXT();
L_BlobHash: {
  const Word &Index = R[I->B];
  const auto &Hashes = Host.Block.BlobHashes;
  R[I->A] = Index.fitsU64() && Index.low() < Hashes.size()
                ? Hashes[Index.low()]
                : Word();
  NEXT();
}
L_BlockHash:
  R[I->A] = F.blockHash(R[I->B]);
  NEXT();
L_Gas:
  R[I->A] = Word(static_cast<uint64_t>(F.Gas));
  NEXT();

  //===--------------------------------------------------------------------===//
  // Logs, calls and creation
  //===--------------------------------------------------------------------===//
L_Log0:
L_Log1:
L_Log2:
L_Log3:
L_Log4:
  CHECKED(F.log(I->A, static_cast<unsigned>(I->Op) -
                          static_cast<unsigned>(Opcode::Log0)));
  NEXT();
L_Call:
L_StaticCall:
L_DelegateCall:
  HOST_CALL(F.call(*I));
  NEXT();
L_Create:
L_Create2:
  HOST_CALL(F.create(*I));
  NEXT();

OutOfGas:
  F.Trap = TrapKind::OutOfGas;
Halt:
  F.Result = Status::Trap;
Done:
  if constexpr (Tracing)
    if (F.StepOpen)
      finishStep(F);
  Host.Cycles += Cycles;
#undef DISPATCH
#undef NEXT
#undef JUMP
#undef TRAP
#undef CHECKED
#undef HOST_CALL
}

} // namespace

ExecResult zkc::vm::interpret(Emulator &Host, const Message &Msg,
                              const Program &Prog,
                              llvm::ArrayRef<uint8_t> Code) {
  Frame F(Host, Msg, Prog, Code);
  ExecResult Result;
  if (!F.growRegisters(NumWindowRegisters)) {
    Result.S = Status::Trap;
    Result.Trap = F.Trap;
    return Result;
  }
  if (Host.TraceOut)
    run<true>(F);
  else
    run<false>(F);
  Result.S = F.Result;
  Result.Trap = F.Trap;
  if (F.Result == Status::Trap) {
    Result.GasLeft = 0;
  } else {
    Result.GasLeft = F.Gas;
    Result.Output = std::move(F.Output);
  }
  return Result;
}
