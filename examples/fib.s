; A contract computing Fibonacci numbers, written in ZVM assembly.
;
; Deploying it returns the runtime object, as EVM init code does. Calling it
; with one 32-byte word n returns fib(n), stores it in storage slot 0 and
; emits Computed(uint256 n) with the result as data.
;
;   build/bin/zvm-as examples/fib.s -o fib.zbin
;   build/bin/zvm-run fib.zbin --calldata 0x$(printf '%064x' 20)

.object "Fib"
  ; The constructor copies the runtime object into the heap and returns it.
  li r0, @dataoffset("Fib_deployed")
  li r1, @datasize("Fib_deployed")
  li r2, 0
  codecopy r2, r0, r1
  return r2, r1

  .object "Fib_deployed"
    li r0, 0
    cdload r8, r0, 0          ; n, the argument of fib in the callee's r0
    fcall r8, fib             ; the callee's window starts at r8
    sstore r0, r8             ; storage[0] = fib(n)
    mstore r0, r8, 0
    ; log1(offset 0, size 32, topic keccak256("Computed(uint256)"))
    li r10, 0
    li r11, 32
    ldc r12, 0xaccb7b7f216abc044f48362984a2e2e269262356951fc0aee156e7fe973f74b3
    log1 r10
    return r0, r11

  ; fib(r0) -> r0, iteratively; uses r1..r3.
  fib:
    li r1, 0
    li r2, 1
  loop:
    jz r0, done
    add r3, r1, r2
    mov r1, r2
    mov r2, r3
    addi r0, r0, -1
    jmp loop
  done:
    mov r0, r1
    fret
  .end
.end
