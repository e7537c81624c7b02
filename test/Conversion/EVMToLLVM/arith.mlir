// RUN: zkc-opt %s --convert-evm-to-llvm | FileCheck %s
// The EVM's answers where LLVM's operations are undefined or poison.

evm.object @A {
  evm.code {
    %c0 = arith.constant 0 : i256
    %a = evm.calldataload %c0
    %b = evm.callvalue
    %0 = evm.div %a, %b
    %1 = evm.sdiv %a, %b
    %2 = evm.mod %a, %b
    %3 = evm.smod %a, %b
    %4 = evm.shl %a, %b
    %5 = evm.shr %a, %b
    %6 = evm.sar %a, %b
    %7 = evm.byte %a, %b
    %8 = evm.signextend %a, %b
    %9 = evm.lt %a, %b
    %10 = evm.iszero %a
    %11 = evm.exp %a, %b
    %12 = evm.addmod %a, %b, %0
    evm.sstore %0, %1
    evm.sstore %2, %3
    evm.sstore %4, %5
    evm.sstore %6, %7
    evm.sstore %8, %9
    evm.sstore %10, %11
    evm.sstore %12, %12
    evm.stop
  }
}

// CHECK-LABEL: module @A attributes
// CHECK-SAME: llvm.data_layout = "E-p:256:256
// CHECK-SAME: zvm.object = "A"
// CHECK: llvm.func @__entry()
// CHECK: %[[A:.+]] = llvm.load %{{.+}} {alignment = 1 : i64} : !llvm.ptr<2> -> i256
// CHECK: %[[B:.+]] = llvm.call @zvm.callvalue() : () -> i256

// div: the divisor is made 1 when zero, the result selected to 0.
// CHECK: %[[Z:.+]] = llvm.icmp "eq" %[[B]], %{{.+}} : i256
// CHECK: %[[SAFE:.+]] = llvm.select %[[Z]], %{{.+}}, %[[B]] : i1, i256
// CHECK: %[[Q:.+]] = llvm.udiv %[[A]], %[[SAFE]] : i256
// CHECK: %[[DIV:.+]] = llvm.select %[[Z]], %{{.+}}, %[[Q]] : i1, i256

// sdiv: also -2^255 / -1, divided by 1 instead.
// CHECK: llvm.mlir.constant(-57896044618658097711785492504343953926634992332820282019728792003956564819968 : i256)
// CHECK: llvm.or
// CHECK: llvm.sdiv
// CHECK: llvm.select

// mod
// CHECK: llvm.urem
// smod: b == 0 or b == -1 gives 0 through srem by 1.
// CHECK: llvm.srem

// shl/shr: 0 for shifts of 256 and more.
// CHECK: %[[BIG:.+]] = llvm.icmp "uge" %[[A]], %{{.+}} : i256
// CHECK: %[[SHL:.+]] = llvm.shl %[[B]], %[[A]] : i256
// CHECK: llvm.select %[[BIG]], %{{.+}}, %[[SHL]] : i1, i256
// CHECK: llvm.lshr %[[B]], %[[A]] : i256
// sar: the shift is clamped to 255.
// CHECK: llvm.icmp "ugt" %[[A]]
// CHECK: llvm.ashr %[[B]], %{{.+}} : i256
// byte
// CHECK: llvm.lshr
// CHECK: llvm.and
// signextend
// CHECK: llvm.shl
// CHECK: llvm.ashr
// comparisons yield a word.
// CHECK: %[[LT:.+]] = llvm.icmp "ult" %[[A]], %[[B]] : i256
// CHECK: llvm.zext %[[LT]] : i1 to i256
// CHECK: llvm.call @zvm.exp(%[[A]], %[[B]]) : (i256, i256) -> i256
// CHECK: llvm.call @zvm.addmod
// CHECK: llvm.store %{{.+}}, %{{.+}} {alignment = 1 : i64} : i256, !llvm.ptr<5>
// stop in the entry code is a plain return (docs/driver.md).
// CHECK-NOT: @zvm.stop
// CHECK: llvm.return
