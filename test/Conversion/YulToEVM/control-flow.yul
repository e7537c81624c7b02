// RUN: zkc --yul %s --emit=mlir | FileCheck %s
// Yul variables become SSA values; loops, ifs and switches pass the
// variables they assign as block arguments.

{
    function f(a, b) -> r {
        r := a
        if lt(a, b) { r := b leave }
        r := add(r, 1)
    }
    let x := 0
    let y := 5
    for { let i := 0 } lt(i, 10) { i := add(i, 1) } {
        if eq(i, 3) { continue }
        if eq(i, 7) { break }
        x := add(x, i)
    }
    switch calldataload(0)
    case 1 { y := 2 }
    case 2 { revert(0, 0) }
    default { y := f(x, y) }
    sstore(x, y)
}

// CHECK-LABEL: evm.object @object
// CHECK:       evm.code {
// CHECK:         %[[X0:.+]] = arith.constant 0 : i256
// CHECK:         %[[Y0:.+]] = arith.constant 5 : i256
// CHECK:         %[[I0:.+]] = arith.constant 0 : i256
// CHECK:         cf.br ^[[HEADER:bb[0-9]+]](%[[X0]], %[[I0]] : i256, i256)
// CHECK:       ^[[HEADER]](%[[X:.+]]: i256, %[[I:.+]]: i256):
// CHECK:         %[[LT:.+]] = evm.lt %[[I]], %{{.+}}
// CHECK:         %[[C:.+]] = arith.cmpi ne, %[[LT]], %{{.+}} : i256
// CHECK:         cf.cond_br %[[C]], ^[[BODY:bb[0-9]+]], ^[[EXIT:bb[0-9]+]](%[[X]], %[[I]] : i256, i256)
// CHECK:       ^[[BODY]]:
// CHECK:         evm.eq %[[I]]
// continue:
// CHECK:         cf.br ^[[POST:bb[0-9]+]](%[[X]], %[[I]] : i256, i256)
// break:
// CHECK:         cf.br ^[[EXIT]](%[[X]], %[[I]] : i256, i256)
// CHECK:         %[[X1:.+]] = evm.add %[[X]], %[[I]]
// CHECK:         cf.br ^[[POST]](%[[X1]], %[[I]] : i256, i256)
// CHECK:       ^[[POST]](%[[XP:.+]]: i256, %[[IP:.+]]: i256):
// CHECK:         %[[I1:.+]] = evm.add %[[IP]], %{{.+}}
// CHECK:         cf.br ^[[HEADER]](%[[XP]], %[[I1]] : i256, i256)
// CHECK:       ^[[EXIT]](%[[XE:.+]]: i256, %{{.+}}: i256):
// CHECK:         %[[SEL:.+]] = evm.calldataload
// CHECK:         cf.switch %[[SEL]] : i256, [
// CHECK-NEXT:      default: ^[[DEFAULT:bb[0-9]+]],
// CHECK-NEXT:      1: ^[[CASE1:bb[0-9]+]],
// CHECK-NEXT:      2: ^[[CASE2:bb[0-9]+]]
// CHECK:       ^[[CASE1]]:
// CHECK:         cf.br ^[[JOIN:bb[0-9]+]](%{{.+}} : i256)
// CHECK:       ^[[CASE2]]:
// CHECK:         evm.revert
// CHECK:       ^[[DEFAULT]]:
// CHECK:         %[[R:.+]] = func.call @f(%[[XE]], %[[Y0]]) : (i256, i256) -> i256
// CHECK:         cf.br ^[[JOIN]](%[[R]] : i256)
// CHECK:       ^[[JOIN]](%[[Y:.+]]: i256):
// CHECK:         evm.sstore %[[XE]], %[[Y]]
// CHECK:         evm.stop

// leave jumps to the return block with the current return values.
// CHECK-LABEL: func.func private @f(%arg0: i256, %arg1: i256) -> i256
// CHECK:         cf.cond_br %{{.+}}, ^[[THEN:bb[0-9]+]], ^[[JOINF:bb[0-9]+]](%arg0 : i256)
// CHECK:       ^[[THEN]]:
// CHECK:         cf.br ^[[RET:bb[0-9]+]](%arg1 : i256)
// CHECK:       ^[[JOINF]](%[[R0:.+]]: i256):
// CHECK:         %[[R1:.+]] = evm.add %[[R0]]
// CHECK:         cf.br ^[[RET]](%[[R1]] : i256)
// CHECK:       ^[[RET]](%[[RV:.+]]: i256):
// CHECK:         return %[[RV]] : i256
