; RUN: zvm-as --show-encoding %s | FileCheck --check-prefixes=CHECK-ASM-AND-OBJ,CHECK-ASM %s
; RUN: zvm-as %s -o - | zvm-objdump -d - | FileCheck --check-prefix=CHECK-ASM-AND-OBJ %s
; RUN: zvm-as %s -o %t && zvm-objdump -d %t > %t.s && zvm-as %t.s -o %t2 && cmp %t %t2

; Stack memory and indirect calls; @label gives a code address.
.object "Stack"
; CHECK-ASM-AND-OBJ: enter 96
; CHECK-ASM-SAME: ; encoding: [0xa0,0x00,0x00,0x00,0x60,0x00,0x00,0x00]
  enter 96
; CHECK-ASM-AND-OBJ-NEXT: spld r1, -32
; CHECK-ASM-SAME: ; encoding: [0xa1,0x01,0x00,0x00,0xe0,0xff,0xff,0xff]
  spld r1, -32
; CHECK-ASM-AND-OBJ-NEXT: spst r2, -64
; CHECK-ASM-SAME: ; encoding: [0xa2,0x02,0x00,0x00,0xc0,0xff,0xff,0xff]
  spst r2, -64
; CHECK-ASM-AND-OBJ-NEXT: spaddr r3, -96
; CHECK-ASM-SAME: ; encoding: [0xa3,0x03,0x00,0x00,0xa0,0xff,0xff,0xff]
  spaddr r3, -96
; CHECK-ASM-AND-OBJ-NEXT: stload r4, r3, 1
; CHECK-ASM-SAME: ; encoding: [0xa4,0x04,0x03,0x00,0x01,0x00,0x00,0x00]
  stload r4, r3, 1
; CHECK-ASM-AND-OBJ-NEXT: stload8 r5, r3, 2
; CHECK-ASM-SAME: ; encoding: [0xa5,0x05,0x03,0x00,0x02,0x00,0x00,0x00]
  stload8 r5, r3, 2
; CHECK-ASM-AND-OBJ-NEXT: ststore r3, r4, 3
; CHECK-ASM-SAME: ; encoding: [0xa6,0x03,0x04,0x00,0x03,0x00,0x00,0x00]
  ststore r3, r4, 3
; CHECK-ASM-AND-OBJ-NEXT: ststore8 r3, r5, -4
; CHECK-ASM-SAME: ; encoding: [0xa7,0x03,0x05,0x00,0xfc,0xff,0xff,0xff]
  ststore8 r3, r5, -4
; CHECK-ASM-AND-OBJ-NEXT: li r6, 11
; CHECK-ASM-SAME: ; encoding: [0x11,0x06,0x00,0x00,0x0b,0x00,0x00,0x00]
  li r6, @label("callee")
; CHECK-ASM-AND-OBJ-NEXT: fcallr r10, r6
; CHECK-ASM-SAME: ; encoding: [0xa8,0x0a,0x06,0x00,0x00,0x00,0x00,0x00]
  fcallr r10, r6
; CHECK-ASM-AND-OBJ-NEXT: stop
  stop
callee:
; CHECK-ASM-AND-OBJ: fret
  fret
.end
