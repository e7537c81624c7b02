/*===-- bswap.c - Byte swap of a word --------------------------------------===*
 *
 * Part of zkc.
 *
 *===-----------------------------------------------------------------------===*
 *
 * llvm.bswap.i256. Written as a loop over the bytes rather than with
 * __builtin_bswap, which would be lowered back to a call to this function.
 * (LLVM recognises byte-swap idioms only up to 128 bits; the build checks
 * that no 256-bit swap appears in the optimised runtime.)
 *
 *===-----------------------------------------------------------------------===*/

#include "zvm_rt.h"

u256 __zvm_rt_bswap256(u256 x) {
  u256 r = 0;
  for (int i = 0; i < 32; ++i) {
    r = (r << 8) | (x & 0xff);
    x >>= 8;
  }
  return r;
}
