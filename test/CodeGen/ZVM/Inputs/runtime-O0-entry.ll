; Calls the runtime's C functions as clang -O0 compiles them for x86-64:
; results through sret pointers, arguments as byval pointers.
declare void @__zvm_rt_udiv512_lo(ptr sret(i256), ptr byval(i256), ptr byval(i256), ptr byval(i256), ptr byval(i256))
declare void @__zvm_rt_urem512_lo(ptr sret(i256), ptr byval(i256), ptr byval(i256), ptr byval(i256), ptr byval(i256))
declare void @__zvm_rt_bswap256(ptr sret(i256), ptr byval(i256))
declare void @zvm.return(i256, i256)

define void @__entry() {
  %alo = load i256, ptr addrspace(2) null
  %ahi = load i256, ptr addrspace(2) inttoptr (i256 32 to ptr addrspace(2))
  %blo = load i256, ptr addrspace(2) inttoptr (i256 64 to ptr addrspace(2))
  %bhi = load i256, ptr addrspace(2) inttoptr (i256 96 to ptr addrspace(2))
  %r = alloca i256
  %a0 = alloca i256
  %a1 = alloca i256
  %b0 = alloca i256
  %b1 = alloca i256
  store i256 %alo, ptr %a0
  store i256 %ahi, ptr %a1
  store i256 %blo, ptr %b0
  store i256 %bhi, ptr %b1
  call void @__zvm_rt_udiv512_lo(ptr sret(i256) %r, ptr byval(i256) %a0, ptr byval(i256) %a1, ptr byval(i256) %b0, ptr byval(i256) %b1)
  %q = load i256, ptr %r
  store i256 %q, ptr addrspace(1) null
  call void @__zvm_rt_urem512_lo(ptr sret(i256) %r, ptr byval(i256) %a0, ptr byval(i256) %a1, ptr byval(i256) %b0, ptr byval(i256) %b1)
  %m = load i256, ptr %r
  store i256 %m, ptr addrspace(1) inttoptr (i256 32 to ptr addrspace(1))
  call void @__zvm_rt_bswap256(ptr sret(i256) %r, ptr byval(i256) %a0)
  %s = load i256, ptr %r
  store i256 %s, ptr addrspace(1) inttoptr (i256 64 to ptr addrspace(1))
  ; byval gave the callees copies: the arguments are unchanged.
  %x = load i256, ptr %a0
  store i256 %x, ptr addrspace(1) inttoptr (i256 96 to ptr addrspace(1))
  call void @zvm.return(i256 0, i256 128)
  unreachable
}
