// RUN: zkc --yul %s --emit=mlir --print-locations | FileCheck %s
// Objects, data, builtins with literal arguments, right-to-left argument
// evaluation, and source locations (with solc's @src as a NameLoc).

/// @use-src 0:"C.sol"
object "C" {
    code {
        /// @src 0:12:34
        let size := datasize("C_deployed")
        codecopy(0, dataoffset("C_deployed"), size)
        setimmutable(0, "owner", caller())
        return(0, size)
    }
    object "C_deployed" {
        code {
            function f(a) -> b { b := a }
            mstore(f(1), f(2))
            pop(datasize("Inner.Deep"))
            sstore(loadimmutable("owner"), linkersymbol("L.sol:L"))
            log2(0, memoryguard(128), 1, 2)
            { function g() {} g() }
            { function g() {} g() }
            stop()
        }
        object "Inner" { code { } object "Deep" { code { invalid() } } }
        data "meta" hex"a264"
    }
}

// CHECK-LABEL: evm.object @C {
// CHECK:         evm.datasize @C_deployed loc(#[[SRC:loc[0-9]+]])
// CHECK:         evm.dataoffset @C_deployed
// CHECK:         %[[CALLER:.+]] = evm.caller
// CHECK:         evm.setimmutable %{{.+}}, "owner", %[[CALLER]]
// CHECK:         evm.return
// CHECK-LABEL:   evm.object @C_deployed {
// Arguments run right to left: f(2) before f(1).
// CHECK:           %[[TWO:.+]] = arith.constant 2 : i256
// CHECK:           %[[V:.+]] = func.call @f(%[[TWO]])
// CHECK:           %[[ONE:.+]] = arith.constant 1 : i256
// CHECK:           %[[P:.+]] = func.call @f(%[[ONE]])
// CHECK:           evm.mstore %[[P]], %[[V]]
// CHECK:           evm.datasize @Inner::@Deep
// CHECK:           evm.linkersymbol "L.sol:L"
// CHECK:           evm.loadimmutable "owner"
// CHECK:           evm.memoryguard 128
// CHECK:           evm.log %{{.+}}, %{{.+}} topics(%{{.+}}, %{{.+}})
// Functions of the same name in sibling blocks get unique symbols.
// CHECK:           func.call @g()
// CHECK:           func.call @g_1()
// CHECK:           evm.stop
// CHECK:         func.func private @f(
// CHECK:         func.func private @g()
// CHECK:         func.func private @g_1()
// CHECK:         evm.data @meta "\A2d"
// CHECK:         evm.object @Inner {
// CHECK:           evm.object @Deep {
// CHECK:             evm.invalid
// CHECK-DAG: #[[FILE:loc[0-9]+]] = loc("{{.*}}objects.yul":9:21)
// CHECK-DAG: #[[SRC]] = loc("C.sol:12:34"(#[[FILE]]))
