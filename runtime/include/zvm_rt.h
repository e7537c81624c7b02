/*===-- zvm_rt.h - The ZVM runtime library ---------------------------------===*
 *
 * Part of zkc.
 *
 *===-----------------------------------------------------------------------===*
 *
 * Types and prototypes of the runtime library: the functions the code
 * generator calls for operations the ZVM has no instruction for
 * (include/zkc/CodeGen/Libcalls.def, docs/runtime.md). Every value is a
 * 256-bit word; nothing here touches memory, so the functions are pure.
 *
 * The same sources are compiled for the host by the unit tests, which
 * compare them with GMP.
 *
 *===-----------------------------------------------------------------------===*/

#ifndef ZVM_RT_H
#define ZVM_RT_H

/* The only integer type: the functions compute on words, so the code
 * generator needs to split nothing wider for them. */
typedef unsigned _BitInt(256) u256;

#ifdef __cplusplus
extern "C" {
#endif

u256 __zvm_rt_bswap256(u256 x);
u256 __zvm_rt_udiv512_lo(u256 a_lo, u256 a_hi, u256 b_lo, u256 b_hi);
u256 __zvm_rt_udiv512_hi(u256 a_lo, u256 a_hi, u256 b_lo, u256 b_hi);
u256 __zvm_rt_urem512_lo(u256 a_lo, u256 a_hi, u256 b_lo, u256 b_hi);
u256 __zvm_rt_urem512_hi(u256 a_lo, u256 a_hi, u256 b_lo, u256 b_hi);

#ifdef __cplusplus
}
#endif

#endif /* ZVM_RT_H */
