// RUN: zkc --yul %s --emit=llvm | FileCheck %s
// Heap, calldata, returndata, code, storage and transient storage are LLVM
// address spaces 1 to 6; one LLVM module per object.

object "C" {
    code {
        let n := datasize("C_deployed")
        datacopy(0, dataoffset("C_deployed"), n)
        return(0, n)
    }
    object "C_deployed" {
        code {
            mstore(0x40, calldataload(4))
            mstore8(1, 0xff)
            mcopy(0x80, 0x40, 32)
            calldatacopy(0x100, 0, calldatasize())
            codecopy(0x200, 0, 10)
            returndatacopy(0, 0, returndatasize())
            sstore(1, mload(0x40))
            tstore(2, tload(3))
            log1(0, 32, keccak256(0, 32))
            pop(call(gas(), caller(), 0, 0, 0, 0, 0))
            revert(0, 0)
        }
        data "meta" hex"a264"
    }
}

// CHECK-LABEL: ; zvm object: C
// CHECK: target datalayout = "E-p:256:256-p1:256:256-p2:256:256-p3:256:256-p4:256:256-p5:256:256-p6:256:256-i1:8-i8:8-i16:16-i32:32-i64:64-i128:128-i256:256-n256-S256"
// CHECK: @zvm.object.C.C_deployed = external addrspace(4) constant i8
// CHECK: define void @__entry()
// CHECK: call i256 @zvm.datasize(ptr addrspace(4) @zvm.object.C.C_deployed)
// CHECK: call void @llvm.memcpy.p1.p4.i256(ptr addrspace(1)
// A successful exit of __entry ends in ret (docs/driver.md, inlining).
// CHECK: call void @zvm.return(i256 0, i256 %{{.+}})
// CHECK-NEXT: ret void

// CHECK-LABEL: ; zvm object: C.C_deployed
// CHECK: @zvm.data.C.C_deployed.meta = internal addrspace(4) constant [2 x i8] c"\A2d", align 1
// CHECK: declare i256 @zvm.caller() #[[PURE:[0-9]+]]
// CHECK: define void @__entry()
// CHECK: %[[CD:.+]] = load i256, ptr addrspace(2) inttoptr (i256 4 to ptr addrspace(2)), align 1
// CHECK: store i256 %[[CD]], ptr addrspace(1) inttoptr (i256 64 to ptr addrspace(1)), align 1
// CHECK: store i8 -1, ptr addrspace(1) inttoptr (i256 1 to ptr addrspace(1)), align 1
// CHECK: call void @llvm.memmove.p1.p1.i256(
// CHECK: call void @llvm.memcpy.p1.p2.i256(
// CHECK: call void @llvm.memcpy.p1.p4.i256(
// CHECK: call void @zvm.returndatacopy(i256 0, i256 0, i256 %{{.+}})
// CHECK: store i256 %{{.+}}, ptr addrspace(5) inttoptr (i256 1 to ptr addrspace(5)), align 1
// CHECK: load i256, ptr addrspace(6) inttoptr (i256 3 to ptr addrspace(6)), align 1
// CHECK: store i256 %{{.+}}, ptr addrspace(6) inttoptr (i256 2 to ptr addrspace(6)), align 1
// CHECK: call i256 @zvm.keccak256(i256 0, i256 32)
// CHECK: call void @zvm.log1(i256 0, i256 32, i256 %{{.+}})
// CHECK: call i256 @zvm.call(i256 %{{.+}}, i256 %{{.+}}, i256 0, i256 0, i256 0, i256 0, i256 0)
// CHECK: call void @zvm.revert(i256 0, i256 0)
// CHECK: attributes #[[PURE]] = { nounwind willreturn memory(none) }
