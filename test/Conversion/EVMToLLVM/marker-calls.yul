// RUN: zkc --yul %s --emit=llvm | FileCheck %s
// Calls taking a marker global are nomerge: the code generator needs each
// marker as a constant, so LLVM must never merge two such calls into one
// on a phi of markers (docs/driver.md). Successful exits of the entry code
// end in ret; revert keeps unreachable.

object "C" {
    code {
        let size := datasize("C_deployed")
        codecopy(0, dataoffset("C_deployed"), size)
        setimmutable(0, "a", 1)
        setimmutable(0, "b", 2)
        return(0, size)
    }
    object "C_deployed" {
        code {
            let v := 0
            switch calldataload(0)
            case 0 { v := loadimmutable("a") }
            default { v := loadimmutable("b") }
            if iszero(v) { revert(0, 0) }
            mstore(0, add(v, linkersymbol("L.sol:L")))
            return(0, 32)
        }
    }
}

// CHECK-LABEL: ; zvm object: C
// CHECK-DAG: declare i256 @zvm.datasize(ptr addrspace(4)) #[[PURE_MARKER:[0-9]+]]
// CHECK-DAG: declare void @zvm.setimmutable(i256, ptr addrspace(4), i256) #[[MARKER:[0-9]+]]
// CHECK-DAG: declare void @zvm.return(i256, i256) #[[NOUNWIND:[0-9]+]]
// CHECK: call void @zvm.return(
// CHECK-NEXT: ret void
// CHECK-DAG: attributes #[[PURE_MARKER]] = { nomerge nounwind willreturn memory(none) }
// CHECK-DAG: attributes #[[MARKER]] = { nomerge nounwind }
// CHECK-DAG: attributes #[[NOUNWIND]] = { nounwind }

// CHECK-LABEL: ; zvm object: C.C_deployed
// CHECK-DAG: declare i256 @zvm.loadimmutable(ptr addrspace(4)) #[[LOAD:[0-9]+]]
// CHECK-DAG: declare i256 @zvm.linkersymbol(ptr addrspace(4)) #[[LOAD]]
// CHECK: call void @zvm.revert(
// CHECK-NEXT: unreachable
// CHECK-DAG: attributes #[[LOAD]] = { nomerge nounwind willreturn memory(none) }
