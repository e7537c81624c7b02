; RUN: split-file --leading-lines %s %t
; RUN: not zvm-as %t/parts.s -o /dev/null 2>&1 | FileCheck %t/parts.s --implicit-check-not=error:
; RUN: not zvm-as %t/unterminated.s -o /dev/null 2>&1 | FileCheck %t/unterminated.s --implicit-check-not=error:
; RUN: not zvm-as %t/outside.s -o /dev/null 2>&1 | FileCheck %t/outside.s --implicit-check-not=error:
; RUN: not zvm-as %t/empty.s -o /dev/null 2>&1 | FileCheck %t/empty.s --implicit-check-not=error:
; RUN: not zvm-as %t/two.s -o /dev/null 2>&1 | FileCheck %t/two.s --implicit-check-not=error:
; RUN: python3 -c "print('.object \"o\"\n' * 40 + '.end\n' * 40)" > %t/deep.s
; RUN: not zvm-as %t/deep.s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEEP
; RUN: python3 -c "print('.object \"o\"\n' * 33 + '.end\n' * 33)" > %t/deepest.s
; RUN: zvm-as %t/deepest.s -o %t/deepest.zbin

; Object structure: names, nesting, data and pool directives.

; DEEP: deep.s:34:1: error: objects nest deeper than 32 levels
; DEEP-NOT: error:

;--- parts.s
.object "Outer"
  .data "x" "1"
; CHECK: :[[@LINE+2]]:3: error: duplicate data or subobject name 'x'
; CHECK: :[[@LINE-2]]:3: note: previous definition is here
  .data "x" "2"
; CHECK: :[[@LINE+2]]:3: error: duplicate data or subobject name 'x'
; CHECK: :[[@LINE-5]]:3: note: previous definition is here
  .object "x"
  .end
; CHECK: :[[@LINE+1]]:3: error: '.word' before '.pool'
  .word 5
  .pool
; CHECK: :[[@LINE+1]]:3: error: duplicate '.pool' in object 'Outer'
  .pool
; CHECK: :[[@LINE+1]]:9: error: expected an integer, @library(...) or @immutable(...), found 'r1'
  .word r1
; CHECK: :[[@LINE+1]]:9: error: unknown function '@datasize'; expected @library or @immutable
  .word @datasize("x")
  .metadata "m"
; CHECK: :[[@LINE+1]]:3: error: duplicate '.metadata' in object 'Outer'
  .metadata "n"
; CHECK: :[[@LINE+1]]:10: error: expected 'library' or 'immutable', found 'foo'
  .reloc foo, #0, "s"
; CHECK: :[[@LINE+1]]:3: error: unknown directive '.section'
  .section "text"
; CHECK: :[[@LINE+1]]:19: error: unexpected 'extra' at end of statement
  .object "Inner" extra
  .end
; CHECK: :[[@LINE+1]]:10: error: unknown data section or subobject 'Missing' in object 'Outer'
  li r1, @datasize("Missing")
; CHECK: :[[@LINE+1]]:19: error: relocation slot 9 is outside the constant pool (0 entries)
  .reloc library, #9, "s"
.end

;--- unterminated.s
.object "Open"
  stop
; CHECK: :[[@LINE+2]]:1: error: unexpected end of file: object 'Open' is not closed by '.end'
; CHECK: :[[@LINE-3]]:1: note: object opened here
;--- outside.s
; CHECK: :[[@LINE+1]]:1: error: instruction outside of an object; start one with '.object "Name"'
stop
; CHECK: :[[@LINE+1]]:1: error: '.end' without an open '.object'
.end
; CHECK: :[[@LINE+1]]:1: error: '.data' outside of an object
.data "d" "x"
;--- empty.s
; Only comments.
; CHECK: empty.s:1:1: error: no object to assemble: expected '.object "Name"'
;--- two.s
.object "A"
.end
; CHECK: :[[@LINE+1]]:1: error: only one top-level object is allowed
.object "B"
  stop
.end
; CHECK: :[[@LINE+1]]:1: error: instruction after the end of the top-level object
stop
