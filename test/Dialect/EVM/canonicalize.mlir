// RUN: zkc-opt %s -split-input-file -canonicalize | FileCheck %s
// Folding keeps the EVM's semantics: division by zero is 0, shifts of 256
// and more, signed overflow.

// CHECK-LABEL: func.func @fold_arith
func.func @fold_arith() -> (i256, i256, i256, i256, i256, i256, i256, i256) {
  %c0 = arith.constant 0 : i256
  %c3 = arith.constant 3 : i256
  %c7 = arith.constant 7 : i256
  %m1 = arith.constant -1 : i256
  %min = arith.constant -57896044618658097711785492504343953926634992332820282019728792003956564819968 : i256
  // CHECK-DAG: %[[ZERO:.+]] = arith.constant 0 : i256
  // CHECK-DAG: %[[TWO:.+]] = arith.constant 2 : i256
  // CHECK-DAG: %[[ONE:.+]] = arith.constant 1 : i256
  // CHECK-DAG: %[[MIN:.+]] = arith.constant -57896044618658097711785492504343953926634992332820282019728792003956564819968 : i256
  // CHECK-DAG: %[[P:.+]] = arith.constant 343 : i256
  // div(7, 0) = 0
  %0 = evm.div %c7, %c0
  // div(7, 3) = 2
  %1 = evm.div %c7, %c3
  // sdiv(min, -1) = min
  %2 = evm.sdiv %min, %m1
  // smod(min, -1) = 0
  %3 = evm.smod %min, %m1
  // mod(7, 3) = 1
  %4 = evm.mod %c7, %c3
  // exp(7, 3) = 343
  %5 = evm.exp %c7, %c3
  // addmod(-1, 3, 7) = (2^256 + 2) % 7 = 6 ... checked below as a value
  %6 = evm.addmod %m1, %c3, %c7
  // mulmod(-1, -1, 7)
  %7 = evm.mulmod %m1, %m1, %c7
  // CHECK: return %[[ZERO]], %[[TWO]], %[[MIN]], %[[ZERO]], %[[ONE]], %[[P]], %{{.*}}, %{{.*}}
  return %0, %1, %2, %3, %4, %5, %6, %7 : i256, i256, i256, i256, i256, i256, i256, i256
}

// -----

// (2^256 - 1 + 3) mod 7 = (2^256 + 2) mod 7; 2^256 mod 7 = 2, so 4.
// ((2^256 - 1)^2) mod 7 = (2 - 1)^2 mod 7 = 1.
// CHECK-LABEL: func.func @fold_modular
// CHECK-DAG: %[[FOUR:.+]] = arith.constant 4 : i256
// CHECK-DAG: %[[ONE:.+]] = arith.constant 1 : i256
// CHECK-DAG: %[[ZERO:.+]] = arith.constant 0 : i256
// CHECK: return %[[FOUR]], %[[ONE]], %[[ZERO]]
func.func @fold_modular() -> (i256, i256, i256) {
  %c0 = arith.constant 0 : i256
  %c3 = arith.constant 3 : i256
  %c7 = arith.constant 7 : i256
  %m1 = arith.constant -1 : i256
  %0 = evm.addmod %m1, %c3, %c7
  %1 = evm.mulmod %m1, %m1, %c7
  %2 = evm.addmod %m1, %c3, %c0
  return %0, %1, %2 : i256, i256, i256
}

// -----

// CHECK-LABEL: func.func @fold_shifts
// CHECK-DAG: %[[ZERO:.+]] = arith.constant 0 : i256
// CHECK-DAG: %[[M1:.+]] = arith.constant -1 : i256
// CHECK-DAG: %[[B:.+]] = arith.constant 255 : i256
// CHECK-DAG: %[[EIGHT:.+]] = arith.constant 8 : i256
// CHECK: return %[[ZERO]], %[[ZERO]], %[[M1]], %[[B]], %[[ZERO]], %[[M1]], %[[EIGHT]]
func.func @fold_shifts() -> (i256, i256, i256, i256, i256, i256, i256) {
  %c1 = arith.constant 1 : i256
  %c2 = arith.constant 2 : i256
  %c31 = arith.constant 31 : i256
  %c32 = arith.constant 32 : i256
  %c256 = arith.constant 256 : i256
  %m1 = arith.constant -1 : i256
  %cff = arith.constant 255 : i256
  // shl(256, 1) = 0
  %0 = evm.shl %c256, %c1
  // shr(256, -1) = 0
  %1 = evm.shr %c256, %m1
  // sar(256, -1) = -1
  %2 = evm.sar %c256, %m1
  // byte(31, 255) = 255
  %3 = evm.byte %c31, %cff
  // byte(32, -1) = 0
  %4 = evm.byte %c32, %m1
  // signextend(0, 0xff) = -1
  %5 = evm.signextend %c1, %m1
  // shl(2, 2) = 8
  %6 = evm.shl %c2, %c2
  return %0, %1, %2, %3, %4, %5, %6 : i256, i256, i256, i256, i256, i256, i256
}

// -----

// CHECK-LABEL: func.func @identities
// CHECK-SAME: (%[[X:.+]]: i256, %[[Y:.+]]: i256)
func.func @identities(%x: i256, %y: i256) -> (i256, i256, i256, i256, i256, i256, i256) {
  %c0 = arith.constant 0 : i256
  %c1 = arith.constant 1 : i256
  // add(x, 0) -> x
  %0 = evm.add %x, %c0
  // mul(1, x) -> x (constants move right)
  %1 = evm.mul %c1, %x
  // sub(x, x) -> 0
  %2 = evm.sub %x, %x
  // xor(x, x) -> 0
  %3 = evm.xor %y, %y
  // not(not(x)) -> x
  %n = evm.not %x
  %4 = evm.not %n
  // eq(x, x) -> 1
  %5 = evm.eq %y, %y
  // and(x, x) -> x
  %6 = evm.and %y, %y
  // CHECK-DAG: %[[ZERO:.+]] = arith.constant 0 : i256
  // CHECK-DAG: %[[ONE:.+]] = arith.constant 1 : i256
  // CHECK: return %[[X]], %[[X]], %[[ZERO]], %[[ZERO]], %[[X]], %[[ONE]], %[[Y]]
  return %0, %1, %2, %3, %4, %5, %6 : i256, i256, i256, i256, i256, i256, i256
}

// -----

// CHECK-LABEL: func.func @patterns
// CHECK-SAME: (%[[X:.+]]: i256)
func.func @patterns(%x: i256) -> (i256, i256) {
  %c0 = arith.constant 0 : i256
  %c2 = arith.constant 2 : i256
  %c3 = arith.constant 3 : i256
  // iszero(iszero(iszero(x))) -> iszero(x)
  %a = evm.iszero %x
  %b = evm.iszero %a
  %c = evm.iszero %b
  // CHECK-DAG: %[[C5:.+]] = arith.constant 5 : i256
  // CHECK-DAG: %[[Z:.+]] = evm.iszero %[[X]]
  // add(add(x, 2), 3) -> add(x, 5)
  %d = evm.add %x, %c2
  %e = evm.add %d, %c3
  // CHECK-DAG: %[[S:.+]] = evm.add %[[X]], %[[C5]]
  // CHECK: return %[[Z]], %[[S]]
  return %c, %e : i256, i256
}

// -----

// eq(x, 0) -> iszero(x)
// CHECK-LABEL: func.func @eq_zero
// CHECK: %[[R:.+]] = evm.iszero %arg0
// CHECK: return %[[R]]
func.func @eq_zero(%x: i256) -> i256 {
  %c0 = arith.constant 0 : i256
  %0 = evm.eq %x, %c0
  return %0 : i256
}

// -----

// memoryguard folds to its size.
// CHECK-LABEL: func.func @guard
// CHECK: %[[C:.+]] = arith.constant 128 : i256
// CHECK: return %[[C]]
func.func @guard() -> i256 {
  %0 = evm.memoryguard 128
  return %0 : i256
}
