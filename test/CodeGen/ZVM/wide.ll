; Integers of 257 to 512 bits, as the optimiser forms them for the high
; word of a product: a (low, high) pair of registers; multiplication uses
; 128-bit halves so that every partial product fits a word.
; RUN: zkc-llc %s --wrap T > %t.s && zvm-as %t.s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0xfedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | FileCheck %s --check-prefix=EXEC

target datalayout = "E-p:256:256-p1:256:256-p2:256:256-p3:256:256-p4:256:256-p5:256:256-p6:256:256-i1:8-i8:8-i16:16-i32:32-i64:64-i128:128-i256:256-n256-S256"

declare void @zvm.return(i256, i256)

define void @__entry() {
  %a = load i256, ptr addrspace(2) null
  %b = load i256, ptr addrspace(2) inttoptr (i256 32 to ptr addrspace(2))
  %h = call i256 @mulhi(i256 %a, i256 %b)
  store i256 %h, ptr addrspace(1) null
  %s = call i256 @sum_carry(i256 %a, i256 %b)
  store i256 %s, ptr addrspace(1) inttoptr (i256 32 to ptr addrspace(1))
  %x = call i256 @mixed(i256 %a, i256 %b)
  store i256 %x, ptr addrspace(1) inttoptr (i256 64 to ptr addrspace(1))
  call void @zvm.return(i256 0, i256 96)
  unreachable
}

define i256 @mulhi(i256 %a, i256 %b) noinline {
  %wa = zext i256 %a to i512
  %wb = zext i256 %b to i512
  %p = mul i512 %wa, %wb
  %hi = lshr i512 %p, 256
  %r = trunc i512 %hi to i256
  ret i256 %r
}

; The carry out of a + b, plus a - b's high word, through i320 and i300.
define i256 @sum_carry(i256 %a, i256 %b) noinline {
  %wa = zext i256 %a to i320
  %wb = zext i256 %b to i320
  %s = add i320 %wa, %wb
  %c = lshr i320 %s, 256
  %c.t = trunc i320 %c to i256
  %sa = sext i256 %a to i300
  %sb = zext i256 %b to i300
  %d = sub i300 %sa, %sb
  %dh = ashr i300 %d, 280
  %dh.t = trunc i300 %dh to i256
  %r = add i256 %c.t, %dh.t
  ret i256 %r
}

; Shifts across the halves and bitwise operations.
define i256 @mixed(i256 %a, i256 %b) noinline {
  %wa = zext i256 %a to i512
  %wb = zext i256 %b to i512
  %s = shl i512 %wa, 100
  %x = xor i512 %s, %wb
  %y = lshr i512 %x, 156
  %r = trunc i512 %y to i256
  ret i256 %r
}

; EXEC:      call: success
; EXEC-NEXT:   return data: 0xfedcba9876543210fedcba9876543210fedcba9876543210fedcba987654320f000000000000000000000000000000000000000000000000000000000000000000000000000000fedcba9876543210fedcba9879abcdef0123456789abcdef01
