/* Raw system calls for the tracer's own work: they never go through libc (whose
 * wrappers we interpose) and never touch errno.  Each returns the kernel's value,
 * -errno on failure. */
#ifndef SCT_RAW_H
#define SCT_RAW_H

#include <stdint.h>
#include <sys/syscall.h>

static inline long sct_sys6(long n, long a, long b, long c, long d, long e, long f)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			     : "rcx", "r11", "memory");
	return ret;
}

#define sct_sys(n, ...) sct_sysN(n, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define sct_sysN(n, a, b, c, d, e, f, ...) \
	sct_sys6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

static inline long sct_sys0(long n)
{
	return sct_sys6(n, 0, 0, 0, 0, 0, 0);
}

#endif
