; RUN: zvm-as --show-encoding %s | FileCheck --check-prefixes=CHECK-ASM-AND-OBJ,CHECK-ASM %s
; RUN: zvm-as %s -o - | zvm-objdump -d - | FileCheck --check-prefixes=CHECK-ASM-AND-OBJ,CHECK-OBJ %s
; RUN: zvm-as %s -o %t && zvm-objdump -d %t > %t.s && zvm-as %t.s -o %t2 && cmp %t %t2
; RUN: zvm-objdump -h %t | FileCheck --check-prefix=HEADERS %s

; A deploy object carrying its runtime object, which carries one of its own:
; data sections, metadata, the constant pool with deduplication and
; relocations, and @dataoffset/@datasize resolved from the final layout.

; CHECK-ASM-AND-OBJ: .object "Token"
.object "Token"
  ; The runtime object's bytes start at 272: header (40), name (8), code
  ; (10 * 8), pool (3 * 32), the data entry "msg" (8 + 8 + 8) and the
  ; subobject entry's own header and name (8 + 16).
  ; CHECK-ASM-AND-OBJ-NEXT: li r1, 272
  ; CHECK-ASM-SAME: encoding: [0x11,0x01,0x00,0x00,0x10,0x01,0x00,0x00]
  li r1, @dataoffset("Token_deployed")
  ; CHECK-ASM-AND-OBJ-NEXT: li r2, 248
  li r2, @datasize("Token_deployed")
  ; CHECK-ASM-AND-OBJ-NEXT: li r3, 240
  li r3, @dataoffset("msg")
  ; CHECK-ASM-AND-OBJ-NEXT: shli r4, r4, 3
  shli r4, r4, @datasize("msg")
  ; The object itself: offset 0, size of the whole object.
  ; CHECK-ASM-AND-OBJ-NEXT: li r5, 0
  li r5, @dataoffset("Token")
  ; CHECK-ASM-AND-OBJ-NEXT: li r6, 568
  li r6, @datasize("Token")
  ; Pool slots in order of first use, each constant once.
  ; CHECK-ASM-AND-OBJ-NEXT: ldc r7, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
  ; CHECK-ASM-SAME: encoding: [0x12,0x07,0x00,0x00,0x00,0x00,0x00,0x00]
  ldc r7, -1
  ; CHECK-ASM-AND-OBJ-NEXT: ldc r8, @library("contracts/Math.sol:Math")
  ; CHECK-ASM-SAME: encoding: [0x12,0x08,0x00,0x00,0x01,0x00,0x00,0x00]
  ldc r8, @library("contracts/Math.sol:Math")
  ; CHECK-ASM-AND-OBJ-NEXT: ldc r9, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
  ; CHECK-ASM-SAME: encoding: [0x12,0x09,0x00,0x00,0x00,0x00,0x00,0x00]
  ldc r9, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
  ; CHECK-ASM-AND-OBJ-NEXT: ldc r10, 0x10000000000000000000000000000000000000000
  ; CHECK-ASM-SAME: encoding: [0x12,0x0a,0x00,0x00,0x02,0x00,0x00,0x00]
  ldc r10, 0x10000000000000000000000000000000000000000
  ; CHECK-ASM-AND-OBJ: .pool
  ; CHECK-ASM-AND-OBJ-NEXT: .word 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff ; #0
  ; CHECK-ASM-AND-OBJ-NEXT: .word @library("contracts/Math.sol:Math") ; #1
  ; CHECK-ASM-AND-OBJ-NEXT: .word 0x10000000000000000000000000000000000000000 ; #2
  ; CHECK-ASM-AND-OBJ-NEXT: .data "msg" "hi!"
  .data "msg" "hi!"

  ; CHECK-ASM-AND-OBJ-NEXT: .object "Token_deployed"
  .object "Token_deployed"
  ; CHECK-ASM-NEXT: main:
  ; CHECK-OBJ-NEXT: L0:
  main:
    ; CHECK-ASM-AND-OBJ-NEXT: ldc r1, @immutable("owner")
    ldc r1, @immutable("owner")
    ; An explicit slot prints as its constant when that is unambiguous.
    ; CHECK-ASM-AND-OBJ-NEXT: ldc r2, 7
    ; CHECK-ASM-SAME: encoding: [0x12,0x02,0x00,0x00,0x01,0x00,0x00,0x00]
    ldc r2, #1
    ; CHECK-ASM-NEXT: jmp main
    ; CHECK-OBJ-NEXT: jmp L0
    jmp main
    ; CHECK-ASM-AND-OBJ-NEXT: .pool
    ; CHECK-ASM-AND-OBJ-NEXT: .word @immutable("owner") ; #0
    ; CHECK-ASM-AND-OBJ-NEXT: .word 7 ; #1
    .pool
    .word @immutable("owner")
    .word 7
    ; CHECK-ASM-AND-OBJ-NEXT: .object "Nested"
    ; CHECK-ASM-AND-OBJ-NEXT: stop
    ; CHECK-ASM-AND-OBJ-NEXT: .metadata hex"00ff"
    ; CHECK-ASM-AND-OBJ-NEXT: .end
    .object "Nested"
      stop
      .metadata hex"00ff"
    .end
  ; CHECK-ASM-AND-OBJ-NEXT: .end
  .end
  ; CHECK-ASM-AND-OBJ-NEXT: .metadata hex"a264697066735822"
  .metadata hex"a264697066735822"
; CHECK-ASM-AND-OBJ-NEXT: .end
.end

; HEADERS:      object "Token": 568 bytes at offset 0
; HEADERS-NEXT:   part                         offset       size
; HEADERS-NEXT:   header                            0         40
; HEADERS-NEXT:   name                             40          5
; HEADERS-NEXT:   code                             48         80  10 instructions
; HEADERS-NEXT:   pool                            128         96  3 constants
; HEADERS-NEXT:   data "msg"                      240          3
; HEADERS-NEXT:   object "Token_deployed": 248 bytes at offset 272
; HEADERS-NEXT:     header                        272         40
; HEADERS-NEXT:     name                          312         14
; HEADERS-NEXT:     code                          328         24  3 instructions
; HEADERS-NEXT:     pool                          352         64  2 constants
; HEADERS-NEXT:     object "Nested": 58 bytes at offset 432
; HEADERS-NEXT:       header                      432         40
; HEADERS-NEXT:       name                        472          6
; HEADERS-NEXT:       code                        480          8  1 instruction
; HEADERS-NEXT:       pool                        488          0  0 constants
; HEADERS-NEXT:       relocations                 488          0  0 relocations
; HEADERS-NEXT:       metadata                    488          2
; HEADERS-NEXT:     relocations                   496         24  1 relocation
; HEADERS-NEXT:       immutable #0 "owner"
; HEADERS-NEXT:     metadata                      520          0
; HEADERS-NEXT:   relocations                     520         40  1 relocation
; HEADERS-NEXT:     library #1 "contracts/Math.sol:Math"
; HEADERS-NEXT:   metadata                        560          8
