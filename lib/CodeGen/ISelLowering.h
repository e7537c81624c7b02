//===-- ISelLowering.h - Instruction selection for the ZVM ------*- C++ -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// The instruction selector's state for one function. ISel.cpp holds the
// bookkeeping (values to registers, constants, addresses, phis),
// ISelLowering.cpp the IR instructions, ISelCalls.cpp calls, builtins and
// intrinsics.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_LIB_CODEGEN_ISELLOWERING_H
#define ZKC_LIB_CODEGEN_ISELLOWERING_H

#include "zkc/CodeGen/Passes.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#include <deque>
#include <optional>
#include <unordered_map>

namespace zkc::codegen {

// The selector works on LLVM's instructions, never on encoded ZVM ones.
using llvm::Instruction;

/// "file:line:col: in function 'f'" for diagnostics.
std::string describeLocation(const llvm::Instruction *I);
/// V as a sign-extended 32-bit immediate, if it is one.
std::optional<int64_t> asImm32(const llvm::APInt &V);
/// S as an assembly string literal.
std::string quoteAsmString(llvm::StringRef S);

class FunctionSelector {
public:
  FunctionSelector(llvm::Function &F, ModuleInfo &Info)
      : F(F), Info(Info), DL(F.getParent()->getDataLayout()) {}
  llvm::Expected<std::unique_ptr<MFunction>> run();

  /// Registers of one call's arguments or results beyond this are not
  /// offered: they must fit the window with the caller's own registers.
  static constexpr unsigned MaxParts = 64;

private:
  struct Address {
    unsigned Base = ~0u;
    int64_t Offset = 0;
    /// The address is Offset itself.
    bool Constant = false;
  };

  // ISel.cpp
  unsigned widthOf(llvm::Type *T) const;
  unsigned numParts(llvm::Type *T) const;
  unsigned flatIndex(llvm::Type *T, llvm::ArrayRef<unsigned> Indices) const;
  void fail(const llvm::Instruction *I, const llvm::Twine &What);
  MInstr &emit(Opcode Op, llvm::ArrayRef<unsigned> Defs,
               llvm::ArrayRef<unsigned> Uses, int64_t Imm = 0);
  unsigned emitOp(Opcode Op, llvm::ArrayRef<unsigned> Uses, int64_t Imm = 0);
  unsigned emitSym(Opcode Op, llvm::StringRef Sym,
                   llvm::ArrayRef<unsigned> Uses = {});
  void emitConstantInto(unsigned D, const llvm::APInt &V);
  unsigned constant(const llvm::APInt &V);
  unsigned constant(uint64_t V) { return constant(llvm::APInt(256, V)); }
  /// R's low Width bits, zero-extended.
  unsigned mask(unsigned R, unsigned Width);
  /// R (canonical, Width bits) sign-extended to 256 bits.
  unsigned signExtend(unsigned R, unsigned Width);
  /// Whether integer V is known to have no bits set above its low Width.
  bool fitsIn(const llvm::Value *V, unsigned Width) const;
  std::optional<llvm::APInt> constantValue(const llvm::Value *V) const;
  std::optional<int64_t> immediate(const llvm::Value *V) const;
  llvm::ArrayRef<unsigned> parts(llvm::Value *V);
  unsigned reg(llvm::Value *V);
  void setParts(llvm::Value *V, llvm::ArrayRef<unsigned> Regs);
  void setReg(llvm::Value *V, unsigned R) { setParts(V, {R}); }
  void materialize(llvm::Constant *C, llvm::SmallVectorImpl<unsigned> &Out);
  Address address(llvm::Value *Ptr);
  unsigned addressValue(llvm::Value *Ptr);
  bool isFoldedIntoBranch(const llvm::Instruction &I) const;
  void lowerPhis(llvm::ReversePostOrderTraversal<llvm::Function *> &RPO);

  // ISelLowering.cpp
  void selectInstruction(llvm::Instruction &I);
  void selectBinary(llvm::BinaryOperator &I);
  void selectWideBinary(llvm::BinaryOperator &I);
  unsigned selectCompare(llvm::CmpInst::Predicate P, llvm::Value *A,
                         llvm::Value *B);
  void selectBranch(llvm::BranchInst &I);
  void selectCast(llvm::CastInst &I);
  void selectLoad(llvm::LoadInst &I);
  void selectStore(llvm::StoreInst &I);
  /// A stack frame object for an alloca whose address is taken.
  void selectAlloca(llvm::AllocaInst &I);
  /// The frame offset Ptr has when it is a frame object plus a constant
  /// (then a word access needs no address register: spld/spst).
  std::optional<int64_t> frameOffset(llvm::Value *Ptr) const;
  /// A scratch heap word at msize, for loads from spaces only copies reach.
  unsigned loadThroughHeap(Opcode Copy, unsigned Addr);

  // ISelCalls.cpp
  void selectCall(llvm::CallInst &I);
  bool selectBuiltin(llvm::CallInst &I, llvm::StringRef Name);
  void selectIntrinsic(llvm::IntrinsicInst &I);
  /// A call of Callee, or through the register holding a code address when
  /// Callee is null (fcallr).
  void selectFunctionCall(llvm::CallInst &I, llvm::Function *Callee);
  /// Moves Args into the outgoing block, starting at outgoing register 0;
  /// byval arguments of Call are copied first.
  void passOutgoing(llvm::ArrayRef<llvm::Value *> Args,
                    const llvm::CallInst *Call = nullptr);
  /// A copy of the T that Ptr points to, in this function's stack frame.
  unsigned byValCopy(llvm::Value *Ptr, llvm::Type *T);
  /// High 256 bits of the unsigned 512-bit product A * B.
  unsigned mulHigh(unsigned A, unsigned B);
  std::string objectName(const llvm::Value *Marker, llvm::StringRef Prefix,
                         bool RelativeToObject);

  llvm::Function &F;
  ModuleInfo &Info;
  const llvm::DataLayout &DL;
  std::unique_ptr<MFunction> MF;
  MBlock *Cur = nullptr;
  const llvm::Instruction *CurInstr = nullptr;
  llvm::DenseMap<const llvm::BasicBlock *, MBlock *> Blocks;
  /// Node-based so that the ArrayRefs parts() hands out stay valid.
  std::unordered_map<const llvm::Value *, llvm::SmallVector<unsigned, 2>>
      Values;
  /// Frame offsets of the allocas selected so far.
  llvm::DenseMap<const llvm::AllocaInst *, int64_t> FrameObjects;
  /// Constants materialised for the instruction being selected.
  std::deque<llvm::SmallVector<unsigned, 2>> Scratch;
  std::string ErrorMessage;
};

} // namespace zkc::codegen

#endif // ZKC_LIB_CODEGEN_ISELLOWERING_H
