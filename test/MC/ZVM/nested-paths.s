; @datasize/@dataoffset with a dotted path name an object (or data section)
; nested below the current one, as Yul's datasize("B.C") does: running the
; object copies exactly the bytes of the nested object C, which are those
; of C assembled on its own.
; RUN: zvm-as %s -o %t.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x | FileCheck %s --check-prefix=DATA
; RUN: sed -n '/^; C-BEGIN/,/^; C-END/p' %s | sed 's/^; //' | grep -v '^C-' > %t.c.s
; RUN: zvm-as %t.c.s -o %t.c.zbin
; RUN: zvm-run %t.zbin --no-deploy --calldata 0x01 | grep 'return data' \
; RUN:   | sed 's/.*0x//' > %t.got
; RUN: python3 -c "import sys; print(open(sys.argv[1],'rb').read().hex())" %t.c.zbin > %t.want
; RUN: diff %t.got %t.want
; RUN: sed 's/"B.C"/"B.X"/' %s > %t.bad.s
; RUN: not zvm-as %t.bad.s -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD

; DATA: return data: 0x{{.*}}64617461206f662042{{$}}
; BAD: error: unknown data section or subobject 'B.X' in object 'A'

.object "A"
  cdsize r9
  jnz r9, copy_c
  ; No calldata: return the data section d of B.
  li r1, @datasize("B.d")
  li r2, @dataoffset("B.d")
  li r3, 0
  codecopy r3, r2, r1
  return r3, r1
copy_c:
  li r1, @datasize("B.C")
  li r2, @dataoffset("B.C")
  li r3, 0
  codecopy r3, r2, r1
  return r3, r1
  .object "B"
    stop
; C-BEGIN
; .object "C"
;   li r1, 7
;   stop
;   .data "x" "nested"
; .end
; C-END
    .object "C"
      li r1, 7
      stop
      .data "x" "nested"
    .end
    .data "d" "data of B"
  .end
.end
