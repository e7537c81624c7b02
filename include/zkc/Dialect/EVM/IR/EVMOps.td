//===-- EVMOps.td - The evm dialect's operations -----------*- tablegen -*-===//
//
// Part of zkc.
//
//===----------------------------------------------------------------------===//
//
// One operation per Yul builtin, named as in Yul, plus the structure of a Yul
// object. Operands keep Yul's order: `evm.shl %shift, %value` is
// `shl(shift, value)`. `pop` has no operation (it only drops a value) and
// `difficulty` is `evm.prevrandao`, as on the EVM since Paris.
//
//===----------------------------------------------------------------------===//

#ifndef ZKC_DIALECT_EVM_IR_EVMOPS_TD
#define ZKC_DIALECT_EVM_IR_EVMOPS_TD

include "zkc/Dialect/EVM/IR/EVMBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

/// A pure function of one word.
class EVM_UnaryOp<string mnemonic, string sum, string sem,
                  list<Trait> traits = []>
    : EVM_Op<mnemonic, !listconcat(traits, [Pure])> {
  let summary = sum;
  let description = sem # [{

    Example:

    ```mlir
    %r = evm.}] # mnemonic # [{ %x
    ```
  }];
  let arguments = (ins EVM_Word:$operand);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$operand attr-dict";
  let hasFolder = 1;
}

/// A pure function of two words.
class EVM_BinaryOp<string mnemonic, string sum, string sem,
                   list<Trait> traits = []>
    : EVM_Op<mnemonic, !listconcat(traits, [Pure])> {
  let summary = sum;
  let description = sem # [{

    Example:

    ```mlir
    %r = evm.}] # mnemonic # [{ %a, %b
    ```
  }];
  let arguments = (ins EVM_Word:$lhs, EVM_Word:$rhs);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
  let hasFolder = 1;
}

/// A pure function of three words: `(a op b) % n` without overflow.
class EVM_ModularOp<string mnemonic, string sum, string sem>
    : EVM_Op<mnemonic, [Pure]> {
  let summary = sum;
  let description = sem # [{

    Example:

    ```mlir
    %r = evm.}] # mnemonic # [{ %a, %b, %n
    ```
  }];
  let arguments = (ins EVM_Word:$a, EVM_Word:$b, EVM_Word:$n);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$a `,` $b `,` $n attr-dict";
  let hasFolder = 1;
}

/// A value of the execution environment, read without operands.
class EVM_EnvOp<string mnemonic, string sum, list<Trait> traits = []>
    : EVM_Op<mnemonic, traits> {
  let summary = sum;
  let description = [{
    Reads a value of the execution environment, as the EVM instruction of the
    same name.

    Example:

    ```mlir
    %r = evm.}] # mnemonic # [{
    ```
  }];
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "attr-dict";
}

/// A value of the environment that depends on one word.
class EVM_EnvQueryOp<string mnemonic, string sum, list<Trait> traits = []>
    : EVM_Op<mnemonic, traits> {
  let summary = sum;
  let description = [{
    Reads a value of the execution environment for the given word, as the
    EVM instruction of the same name.

    Example:

    ```mlir
    %r = evm.}] # mnemonic # [{ %x
    ```
  }];
  let arguments = (ins EVM_Word:$operand);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$operand attr-dict";
}

/// A copy of `size` bytes from `offset` of some space to heap `dest`.
class EVM_CopyOp<string mnemonic, string sum, list<Trait> traits = []>
    : EVM_Op<mnemonic, traits> {
  let summary = sum;
  let description = [{
    Copies `size` bytes from offset `offset` of the source space to heap
    address `dest`, as the EVM instruction of the same name.

    Example:

    ```mlir
    evm.}] # mnemonic # [{ %dest, %offset, %size
    ```
  }];
  let arguments = (ins EVM_Word:$dest, EVM_Word:$offset, EVM_Word:$size);
  let assemblyFormat = "$dest `,` $offset `,` $size attr-dict";
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

def EVM_AddOp : EVM_BinaryOp<"add", "wrapping addition",
    "`a + b` modulo 2^256.", [Commutative]> {
  let hasCanonicalizer = 1;
}
def EVM_SubOp : EVM_BinaryOp<"sub", "wrapping subtraction",
    "`a - b` modulo 2^256."> {
  let hasCanonicalizer = 1;
}
def EVM_MulOp : EVM_BinaryOp<"mul", "wrapping multiplication",
    "`a * b` modulo 2^256.", [Commutative]>;
def EVM_DivOp : EVM_BinaryOp<"div", "unsigned division",
    "`a / b` rounded towards zero; 0 when `b` is 0.">;
def EVM_SDivOp : EVM_BinaryOp<"sdiv", "signed division",
    "Two's complement `a / b` rounded towards zero; 0 when `b` is 0, and "
    "-2^255 for -2^255 / -1.">;
def EVM_ModOp : EVM_BinaryOp<"mod", "unsigned remainder",
    "`a % b`; 0 when `b` is 0.">;
def EVM_SModOp : EVM_BinaryOp<"smod", "signed remainder",
    "Two's complement remainder with the sign of `a`; 0 when `b` is 0.">;
def EVM_ExpOp : EVM_BinaryOp<"exp", "exponentiation",
    "`a ** b` modulo 2^256.">;
def EVM_SignExtendOp : EVM_BinaryOp<"signextend", "sign extension",
    "Sign-extends `b` from byte `a` (0 is the lowest byte); `b` unchanged "
    "when `a` is 31 or more.">;
def EVM_AddModOp : EVM_ModularOp<"addmod", "modular addition",
    "`(a + b) % n` computed without overflow; 0 when `n` is 0.">;
def EVM_MulModOp : EVM_ModularOp<"mulmod", "modular multiplication",
    "`(a * b) % n` computed without overflow; 0 when `n` is 0.">;

//===----------------------------------------------------------------------===//
// Comparison and bitwise operations
//===----------------------------------------------------------------------===//

def EVM_LtOp : EVM_BinaryOp<"lt", "unsigned less than",
    "1 when `a < b` as unsigned numbers, else 0.">;
def EVM_GtOp : EVM_BinaryOp<"gt", "unsigned greater than",
    "1 when `a > b` as unsigned numbers, else 0.">;
def EVM_SLtOp : EVM_BinaryOp<"slt", "signed less than",
    "1 when `a < b` as two's complement numbers, else 0.">;
def EVM_SGtOp : EVM_BinaryOp<"sgt", "signed greater than",
    "1 when `a > b` as two's complement numbers, else 0.">;
def EVM_EqOp : EVM_BinaryOp<"eq", "equality",
    "1 when `a == b`, else 0.", [Commutative]> {
  let hasCanonicalizer = 1;
}
def EVM_IsZeroOp : EVM_UnaryOp<"iszero", "test for zero",
    "1 when `x` is 0, else 0."> {
  let hasCanonicalizer = 1;
}
def EVM_AndOp : EVM_BinaryOp<"and", "bitwise and", "`a & b`.", [Commutative]> {
  let hasCanonicalizer = 1;
}
def EVM_OrOp : EVM_BinaryOp<"or", "bitwise or", "`a | b`.", [Commutative]> {
  let hasCanonicalizer = 1;
}
def EVM_XorOp : EVM_BinaryOp<"xor", "bitwise exclusive or", "`a ^ b`.",
    [Commutative]> {
  let hasCanonicalizer = 1;
}
def EVM_NotOp : EVM_UnaryOp<"not", "bitwise complement", "`~x`."> {
  let hasCanonicalizer = 1;
}
def EVM_ByteOp : EVM_BinaryOp<"byte", "byte extraction",
    "Byte `a` of `b`, counting from the most significant byte (0); 0 when "
    "`a` is 32 or more.">;
def EVM_ShlOp : EVM_BinaryOp<"shl", "shift left",
    "`b << a` (shift first, as in Yul); 0 when `a` is 256 or more.">;
def EVM_ShrOp : EVM_BinaryOp<"shr", "logical shift right",
    "`b >> a` with zeros shifted in; 0 when `a` is 256 or more.">;
def EVM_SarOp : EVM_BinaryOp<"sar", "arithmetic shift right",
    "`b >> a` with the sign shifted in; 0 or -1 (by the sign of `b`) when `a` "
    "is 256 or more.">;

//===----------------------------------------------------------------------===//
// Hashing, memory, storage
//===----------------------------------------------------------------------===//

def EVM_Keccak256Op : EVM_Op<"keccak256", [MemoryEffects<[MemRead]>]> {
  let summary = "Keccak-256 of heap bytes";
  let description = [{
    The Keccak-256 hash of `size` heap bytes at `offset`.

    ```mlir
    %h = evm.keccak256 %offset, %size
    ```
  }];
  let arguments = (ins EVM_Word:$offset, EVM_Word:$size);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$offset `,` $size attr-dict";
}

def EVM_MLoadOp : EVM_Op<"mload", [MemoryEffects<[MemRead]>]> {
  let summary = "load a word from the heap";
  let description = [{
    The big-endian word at heap byte address `offset`.

    ```mlir
    %v = evm.mload %offset
    ```
  }];
  let arguments = (ins EVM_Word:$offset);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$offset attr-dict";
}

def EVM_MStoreOp : EVM_Op<"mstore", [MemoryEffects<[MemWrite]>]> {
  let summary = "store a word to the heap";
  let description = [{
    Stores `value` big-endian at heap byte address `offset`.

    ```mlir
    evm.mstore %offset, %value
    ```
  }];
  let arguments = (ins EVM_Word:$offset, EVM_Word:$value);
  let assemblyFormat = "$offset `,` $value attr-dict";
}

def EVM_MStore8Op : EVM_Op<"mstore8", [MemoryEffects<[MemWrite]>]> {
  let summary = "store a byte to the heap";
  let description = [{
    Stores the lowest byte of `value` at heap byte address `offset`.

    ```mlir
    evm.mstore8 %offset, %value
    ```
  }];
  let arguments = (ins EVM_Word:$offset, EVM_Word:$value);
  let assemblyFormat = "$offset `,` $value attr-dict";
}

def EVM_MCopyOp : EVM_CopyOp<"mcopy", "copy heap bytes (overlap allowed)",
    [MemoryEffects<[MemRead, MemWrite]>]>;

def EVM_MSizeOp : EVM_EnvOp<"msize", "heap size in bytes",
    [MemoryEffects<[MemRead]>]>;

def EVM_SLoadOp : EVM_Op<"sload", [MemoryEffects<[MemRead]>]> {
  let summary = "load a storage word";
  let description = [{
    The storage word at `key`.

    ```mlir
    %v = evm.sload %key
    ```
  }];
  let arguments = (ins EVM_Word:$key);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$key attr-dict";
}

def EVM_SStoreOp : EVM_Op<"sstore", [MemoryEffects<[MemWrite]>]> {
  let summary = "store a storage word";
  let description = [{
    Stores `value` at storage `key`.

    ```mlir
    evm.sstore %key, %value
    ```
  }];
  let arguments = (ins EVM_Word:$key, EVM_Word:$value);
  let assemblyFormat = "$key `,` $value attr-dict";
}

def EVM_TLoadOp : EVM_Op<"tload", [MemoryEffects<[MemRead]>]> {
  let summary = "load a transient storage word";
  let description = [{
    The transient storage word at `key` (EIP-1153).

    ```mlir
    %v = evm.tload %key
    ```
  }];
  let arguments = (ins EVM_Word:$key);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$key attr-dict";
}

def EVM_TStoreOp : EVM_Op<"tstore", [MemoryEffects<[MemWrite]>]> {
  let summary = "store a transient storage word";
  let description = [{
    Stores `value` at transient storage `key` (EIP-1153).

    ```mlir
    evm.tstore %key, %value
    ```
  }];
  let arguments = (ins EVM_Word:$key, EVM_Word:$value);
  let assemblyFormat = "$key `,` $value attr-dict";
}

//===----------------------------------------------------------------------===//
// Execution environment
//===----------------------------------------------------------------------===//

def EVM_GasOp : EVM_EnvOp<"gas", "gas left">;
def EVM_AddressOp : EVM_EnvOp<"address", "this contract's address", [Pure]>;
def EVM_BalanceOp : EVM_EnvQueryOp<"balance", "balance of an account",
    [MemoryEffects<[MemRead]>]>;
def EVM_SelfBalanceOp : EVM_EnvOp<"selfbalance", "this contract's balance",
    [MemoryEffects<[MemRead]>]>;
def EVM_CallerOp : EVM_EnvOp<"caller", "the caller's address", [Pure]>;
def EVM_CallValueOp : EVM_EnvOp<"callvalue", "value sent with the call", [Pure]>;
def EVM_CallDataLoadOp : EVM_EnvQueryOp<"calldataload",
    "a calldata word (zeros past the end)", [Pure]>;
def EVM_CallDataSizeOp : EVM_EnvOp<"calldatasize", "calldata size", [Pure]>;
def EVM_CallDataCopyOp : EVM_CopyOp<"calldatacopy", "copy calldata to the heap",
    [MemoryEffects<[MemWrite]>]>;
def EVM_CodeSizeOp : EVM_EnvOp<"codesize", "size of the running code", [Pure]>;
def EVM_CodeCopyOp : EVM_CopyOp<"codecopy", "copy running code to the heap",
    [MemoryEffects<[MemWrite]>]>;
def EVM_ExtCodeSizeOp : EVM_EnvQueryOp<"extcodesize",
    "ZVM code size of an account", [MemoryEffects<[MemRead]>]>;
def EVM_ExtCodeHashOp : EVM_EnvQueryOp<"extcodehash",
    "hash of an account's ZVM code", [MemoryEffects<[MemRead]>]>;
def EVM_ReturnDataSizeOp : EVM_EnvOp<"returndatasize",
    "size of the last call's return data", [MemoryEffects<[MemRead]>]>;
def EVM_ReturnDataCopyOp : EVM_CopyOp<"returndatacopy",
    "copy return data to the heap (reverts when out of range)",
    [MemoryEffects<[MemRead, MemWrite]>]>;

def EVM_ExtCodeCopyOp : EVM_Op<"extcodecopy",
                               [MemoryEffects<[MemRead, MemWrite]>]> {
  let summary = "copy an account's ZVM code to the heap";
  let description = [{
    Copies `size` bytes of `address`'s code from `offset` to heap `dest`. The
    code is ZVM code, not EVM bytecode.

    ```mlir
    evm.extcodecopy %address, %dest, %offset, %size
    ```
  }];
  let arguments = (ins EVM_Word:$address, EVM_Word:$dest, EVM_Word:$offset,
                       EVM_Word:$size);
  let assemblyFormat = "$address `,` $dest `,` $offset `,` $size attr-dict";
}

def EVM_ChainIdOp : EVM_EnvOp<"chainid", "chain id", [Pure]>;
def EVM_BaseFeeOp : EVM_EnvOp<"basefee", "block base fee", [Pure]>;
def EVM_BlobBaseFeeOp : EVM_EnvOp<"blobbasefee", "block blob base fee", [Pure]>;
def EVM_BlobHashOp : EVM_EnvQueryOp<"blobhash",
    "versioned hash of a transaction blob", [Pure]>;
def EVM_OriginOp : EVM_EnvOp<"origin", "transaction origin", [Pure]>;
def EVM_GasPriceOp : EVM_EnvOp<"gasprice", "transaction gas price", [Pure]>;
def EVM_BlockHashOp : EVM_EnvQueryOp<"blockhash",
    "hash of a recent block", [Pure]>;
def EVM_CoinbaseOp : EVM_EnvOp<"coinbase", "block beneficiary", [Pure]>;
def EVM_TimestampOp : EVM_EnvOp<"timestamp", "block timestamp", [Pure]>;
def EVM_NumberOp : EVM_EnvOp<"number", "block number", [Pure]>;
def EVM_PrevRandaoOp : EVM_EnvOp<"prevrandao",
    "beacon randomness (Yul's difficulty too)", [Pure]>;
def EVM_GasLimitOp : EVM_EnvOp<"gaslimit", "block gas limit", [Pure]>;

//===----------------------------------------------------------------------===//
// Calls, creation and logs
//===----------------------------------------------------------------------===//

def EVM_CallOp : EVM_Op<"call"> {
  let summary = "message call";
  let description = [{
    Calls `address` with `value`, input from the heap and output written to
    the heap; 1 on success, 0 on failure.

    ```mlir
    %ok = evm.call %gas, %address, %value, %in, %insize, %out, %outsize
    ```
  }];
  let arguments = (ins EVM_Word:$gas, EVM_Word:$address, EVM_Word:$value,
                       EVM_Word:$inOffset, EVM_Word:$inSize,
                       EVM_Word:$outOffset, EVM_Word:$outSize);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = [{
    $gas `,` $address `,` $value `,` $inOffset `,` $inSize `,` $outOffset `,`
    $outSize attr-dict
  }];
}

class EVM_CallWithoutValueOp<string mnemonic, string sum>
    : EVM_Op<mnemonic> {
  let summary = sum;
  let description = [{
    A message call without value transfer; 1 on success, 0 on failure.

    ```mlir
    %ok = evm.}] # mnemonic # [{ %gas, %address, %in, %insize, %out, %outsize
    ```
  }];
  let arguments = (ins EVM_Word:$gas, EVM_Word:$address, EVM_Word:$inOffset,
                       EVM_Word:$inSize, EVM_Word:$outOffset,
                       EVM_Word:$outSize);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = [{
    $gas `,` $address `,` $inOffset `,` $inSize `,` $outOffset `,` $outSize
    attr-dict
  }];
}

def EVM_DelegateCallOp : EVM_CallWithoutValueOp<"delegatecall",
    "call with the caller's storage, caller and value">;
def EVM_StaticCallOp : EVM_CallWithoutValueOp<"staticcall",
    "call that may not change state">;

def EVM_CreateOp : EVM_Op<"create"> {
  let summary = "create a contract";
  let description = [{
    Runs the deploy code at heap `offset` with `value`; the new address, or 0
    on failure.

    ```mlir
    %addr = evm.create %value, %offset, %size
    ```
  }];
  let arguments = (ins EVM_Word:$value, EVM_Word:$offset, EVM_Word:$size);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$value `,` $offset `,` $size attr-dict";
}

def EVM_Create2Op : EVM_Op<"create2"> {
  let summary = "create a contract at a salted address";
  let description = [{
    As `evm.create`, at the address derived from `salt` (EIP-1014).

    ```mlir
    %addr = evm.create2 %value, %offset, %size, %salt
    ```
  }];
  let arguments = (ins EVM_Word:$value, EVM_Word:$offset, EVM_Word:$size,
                       EVM_Word:$salt);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$value `,` $offset `,` $size `,` $salt attr-dict";
}

def EVM_LogOp : EVM_Op<"log", [MemoryEffects<[MemRead, MemWrite]>]> {
  let summary = "emit a log record (log0 to log4)";
  let description = [{
    Emits a log with the heap bytes at `offset` and up to four topics; Yul's
    `logN` is `evm.log` with N topics.

    ```mlir
    evm.log %offset, %size topics(%t0, %t1)
    ```
  }];
  let arguments = (ins EVM_Word:$offset, EVM_Word:$size,
                       Variadic<EVM_Word>:$topics);
  let assemblyFormat = [{
    $offset `,` $size (`topics` `(` $topics^ `)`)? attr-dict
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Termination
//===----------------------------------------------------------------------===//

class EVM_TerminatorOp<string mnemonic, string sum, string sem,
                       dag args, string format>
    : EVM_Op<mnemonic, [Terminator]> {
  let summary = sum;
  let description = sem;
  let arguments = args;
  let assemblyFormat = format;
}

def EVM_ReturnOp : EVM_TerminatorOp<"return", "end the call, returning data",
    [{
    Ends the call successfully with the heap bytes at `offset` as its return
    data (the runtime code, in deploy code).

    ```mlir
    evm.return %offset, %size
    ```
    }], (ins EVM_Word:$offset, EVM_Word:$size), "$offset `,` $size attr-dict">;

def EVM_RevertOp : EVM_TerminatorOp<"revert", "end the call, reverting",
    [{
    Reverts the call's state changes, with the heap bytes at `offset` as
    revert data.

    ```mlir
    evm.revert %offset, %size
    ```
    }], (ins EVM_Word:$offset, EVM_Word:$size), "$offset `,` $size attr-dict">;

def EVM_StopOp : EVM_TerminatorOp<"stop", "end the call without data",
    [{
    Ends the call successfully with empty return data. Falling off the end
    of an object's code is a stop.

    ```mlir
    evm.stop
    ```
    }], (ins), "attr-dict">;

def EVM_InvalidOp : EVM_TerminatorOp<"invalid", "end the call with an error",
    [{
    Reverts, consuming all gas given to the call (EIP-141).

    ```mlir
    evm.invalid
    ```
    }], (ins), "attr-dict">;

//===----------------------------------------------------------------------===//
// Objects
//===----------------------------------------------------------------------===//

def EVM_ObjectOp : EVM_Op<"object", [
    Symbol, SymbolTable, IsolatedFromAbove, NoTerminator, SingleBlock,
    NoRegionArguments]> {
  let summary = "a Yul object: code, functions, data and sub-objects";
  let description = [{
    An object holds exactly one `evm.code`, its functions (`func.func`), its
    data sections (`evm.data`) and its sub-objects. Deploy code is the outer
    object; the runtime code is usually its sub-object.

    ```mlir
    evm.object @C {
      evm.code {
        %0 = evm.datasize @C_deployed
        evm.return %c0, %0
      }
      evm.object @C_deployed {
        evm.code {
          evm.stop
        }
      }
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The object's evm.code operation.
    CodeOp getCode();
    mlir::Block &getBodyBlock() { return getBody().front(); }
  }];
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name)>];
}

def EVM_CodeOp : EVM_Op<"code", [HasParent<"ObjectOp">, IsolatedFromAbove]> {
  let summary = "the code of an object";
  let description = [{
    The statements of the object's `code` block as a control-flow graph
    (`cf` branches), entered with no arguments. Every block ends with a
    terminator: `evm.stop`, `evm.return`, `evm.revert`, `evm.invalid` or a
    branch.

    ```mlir
    evm.code {
      %c0 = arith.constant 0 : i256
      evm.revert %c0, %c0
    }
    ```
  }];
  let regions = (region AnyRegion:$body);
  let assemblyFormat = "attr-dict-with-keyword $body";
  let hasVerifier = 1;
}

def EVM_DataOp : EVM_Op<"data", [Symbol, HasParent<"ObjectOp">]> {
  let summary = "a data section of an object";
  let description = [{
    Named bytes placed after the object's code; `evm.datasize`,
    `evm.dataoffset` and `evm.datacopy` reach them.

    ```mlir
    evm.data @meta "\A2\64ipfs"
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$bytes);
  let assemblyFormat = "$sym_name $bytes attr-dict";
}

class EVM_DataRefOp<string mnemonic, string sum>
    : EVM_Op<mnemonic, [Pure, DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = sum;
  let description = [{
    Refers to the enclosing object itself, one of its sub-objects (a nested
    reference reaches deeper ones) or one of its data sections. Resolved by
    the linker.

    ```mlir
    %r = evm.}] # mnemonic # [{ @C_deployed
    ```
  }];
  let arguments = (ins SymbolRefAttr:$name);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$name attr-dict";
}

def EVM_DataSizeOp : EVM_DataRefOp<"datasize",
    "size of an object or data section">;
def EVM_DataOffsetOp : EVM_DataRefOp<"dataoffset",
    "offset of an object or data section in the code">;

def EVM_DataCopyOp : EVM_CopyOp<"datacopy",
    "copy object code or data to the heap (as codecopy)",
    [MemoryEffects<[MemWrite]>]>;

def EVM_SetImmutableOp : EVM_Op<"setimmutable", [MemoryEffects<[MemWrite]>]> {
  let summary = "record an immutable's value in the runtime code image";
  let description = [{
    In deploy code, writes `value` for immutable `name` into the runtime code
    held in the heap at `offset`.

    ```mlir
    evm.setimmutable %offset, "owner", %value
    ```
  }];
  let arguments = (ins EVM_Word:$offset, StrAttr:$name, EVM_Word:$value);
  let assemblyFormat = "$offset `,` $name `,` $value attr-dict";
}

def EVM_LoadImmutableOp : EVM_Op<"loadimmutable", [Pure]> {
  let summary = "the value of an immutable";
  let description = [{
    In runtime code, the value deploy code gave to immutable `name`.

    ```mlir
    %v = evm.loadimmutable "owner"
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$name attr-dict";
}

def EVM_LinkerSymbolOp : EVM_Op<"linkersymbol", [Pure]> {
  let summary = "the address of a library, filled in by the linker";
  let description = [{
    ```mlir
    %lib = evm.linkersymbol "contracts/L.sol:L"
    ```
  }];
  let arguments = (ins StrAttr:$path);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$path attr-dict";
}

def EVM_MemoryGuardOp : EVM_Op<"memoryguard", [Pure]> {
  let summary = "start of the heap the code manages itself";
  let description = [{
    Promises that heap below `size` is all the compiler may use for itself;
    yields `size`, which the ZVM needs no scratch space to honour.

    ```mlir
    %p = evm.memoryguard 128
    ```
  }];
  let arguments = (ins I64Attr:$size);
  let results = (outs EVM_Word:$result);
  let assemblyFormat = "$size attr-dict";
  let hasFolder = 1;
  let hasVerifier = 1;
}

#endif // ZKC_DIALECT_EVM_IR_EVMOPS_TD
