/*===-- udivrem512.c - 512-bit unsigned division ---------------------------===*
 *
 * Part of zkc.
 *
 *===-----------------------------------------------------------------------===*
 *
 * udiv/urem on i512, with each operand and result split into two words.
 * When both operands fit in a word the ZVM's own div and mod do the work;
 * otherwise restoring binary long division, which only runs as many steps as
 * the quotient has bits. Division by zero gives 0: the code generator only
 * calls these where LLVM's udiv/urem is defined, so any answer would do, and
 * 0 is the EVM's.
 *
 * The 512-bit values are pairs of words and every operation on them is
 * written out on the words, so the functions need nothing wider than the
 * machine word from the code generator.
 *
 *===-----------------------------------------------------------------------===*/

#include "zvm_rt.h"

struct w512 {
  u256 lo;
  u256 hi;
};

struct qr512 {
  struct w512 q;
  struct w512 r;
};

static inline struct w512 make(u256 lo, u256 hi) {
  struct w512 x = {lo, hi};
  return x;
}

static inline int is_zero(struct w512 a) { return (a.lo | a.hi) == 0; }

/* a >= b, unsigned. */
static inline int ge(struct w512 a, struct w512 b) {
  return a.hi > b.hi || (a.hi == b.hi && a.lo >= b.lo);
}

static inline struct w512 sub(struct w512 a, struct w512 b) {
  u256 borrow = a.lo < b.lo;
  return make(a.lo - b.lo, a.hi - b.hi - borrow);
}

static inline struct w512 shl1(struct w512 a) {
  return make(a.lo << 1, (a.hi << 1) | (a.lo >> 255));
}

static inline struct w512 shr1(struct w512 a) {
  return make((a.lo >> 1) | (a.hi << 255), a.hi >> 1);
}

/* a << s for 0 <= s < 512. */
static inline struct w512 shl(struct w512 a, int s) {
  if (s == 0)
    return a;
  if (s >= 256)
    return make(0, a.lo << (s - 256));
  return make(a.lo << s, (a.hi << s) | (a.lo >> (256 - s)));
}

/* Leading zero bits of a non-zero value. */
static inline int clz512(struct w512 x) {
  if (x.hi != 0)
    return __builtin_clzg(x.hi);
  return 256 + __builtin_clzg(x.lo);
}

static inline __attribute__((always_inline)) struct qr512
udivrem512(struct w512 a, struct w512 b) {
  struct qr512 res = {{0, 0}, {0, 0}};
  if (is_zero(b))
    return res;
  if (a.hi == 0 && b.hi == 0) {
    res.q.lo = a.lo / b.lo;
    res.r.lo = a.lo % b.lo;
    return res;
  }
  if (!ge(a, b)) {
    res.r = a;
    return res;
  }
  int shift = clz512(b) - clz512(a);
  struct w512 d = shl(b, shift);
  struct w512 q = {0, 0}, r = a;
  for (int i = 0; i <= shift; ++i) {
    q = shl1(q);
    if (ge(r, d)) {
      r = sub(r, d);
      q.lo |= 1;
    }
    d = shr1(d);
  }
  res.q = q;
  res.r = r;
  return res;
}

u256 __zvm_rt_udiv512_lo(u256 a_lo, u256 a_hi, u256 b_lo, u256 b_hi) {
  return udivrem512(make(a_lo, a_hi), make(b_lo, b_hi)).q.lo;
}

u256 __zvm_rt_udiv512_hi(u256 a_lo, u256 a_hi, u256 b_lo, u256 b_hi) {
  return udivrem512(make(a_lo, a_hi), make(b_lo, b_hi)).q.hi;
}

u256 __zvm_rt_urem512_lo(u256 a_lo, u256 a_hi, u256 b_lo, u256 b_hi) {
  return udivrem512(make(a_lo, a_hi), make(b_lo, b_hi)).r.lo;
}

u256 __zvm_rt_urem512_hi(u256 a_lo, u256 a_hi, u256 b_lo, u256 b_hi) {
  return udivrem512(make(a_lo, a_hi), make(b_lo, b_hi)).r.hi;
}
