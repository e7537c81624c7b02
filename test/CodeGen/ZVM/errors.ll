; What the code generator cannot compile is an error naming the construct
; and where it is.
; RUN: split-file %s %t
; RUN: not zkc-llc %t/alloca.ll 2>&1 | FileCheck %s --check-prefix=ALLOCA
; RUN: not zkc-llc %t/undef-address.ll 2>&1 | FileCheck %s --check-prefix=UNDEFADDR
; RUN: not zkc-llc %t/noentry.ll 2>&1 | FileCheck %s --check-prefix=NOENTRY
; RUN: not zkc-llc %t/float.ll 2>&1 | FileCheck %s --check-prefix=FLOAT
; RUN: not zkc-llc %t/undef-callee.ll 2>&1 | FileCheck %s --check-prefix=UNDEF

; ALLOCA: error: {{.*}}alloca.ll: t.yul:3:7: in function '__entry': cannot compile a dynamically sized alloca or one outside the entry block
; UNDEFADDR: in function '__entry': cannot compile the address of the undefined function 'missing'
; NOENTRY: has no __entry function
; FLOAT: in function '__entry': cannot compile a value of type double
; UNDEF: cannot compile a call to the undefined function 'missing'

;--- alloca.ll
define void @__entry() !dbg !4 {
  %n = load i256, ptr addrspace(2) null
  %p = alloca i256, i256 %n, !dbg !7
  store i256 1, ptr %p
  call void @escape(ptr %p)
  ret void
}
define void @escape(ptr %p) noinline {
  ret void
}
!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3}
!0 = distinct !DICompileUnit(language: DW_LANG_C, file: !1, emissionKind: FullDebug)
!1 = !DIFile(filename: "t.yul", directory: "/")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = distinct !DISubprogram(name: "entry", scope: !1, file: !1, line: 1, type: !5, unit: !0, spFlags: DISPFlagDefinition)
!5 = !DISubroutineType(types: !6)
!6 = !{}
!7 = !DILocation(line: 3, column: 7, scope: !4)

;--- undef-address.ll
declare void @missing()
define void @__entry() {
  store ptr @missing, ptr addrspace(1) null
  ret void
}

;--- noentry.ll
define void @f() {
  ret void
}

;--- float.ll
define void @__entry() {
  %x = fadd double 1.0, 2.0
  store double %x, ptr addrspace(1) null
  ret void
}

;--- undef-callee.ll
declare void @missing()
define void @__entry() {
  call void @missing()
  ret void
}
