/* The wrapper's clock: one rdtsc per edge when the TSC is invariant (11 ns here against
 * 25 ns for the vDSO's clock_gettime on kvm-clock), the vDSO clock otherwise.  Ticks
 * are converted to ns by the reader (struct sct_clock): the runner measures the rate
 * across the run (runner/calibrate.c); standalone, the process calibrates over its own
 * run when it first prints. */
#ifndef SCT_CLOCK_H
#define SCT_CLOCK_H

#include <stdint.h>
#include "record.h"

extern int sct_use_tsc;			/* set once in the constructor, then only read */

uint64_t sct_clock_slow(void);		/* CLOCK_MONOTONIC in ns through the vDSO */
uint64_t sct_clock_ticks(void);		/* sct_now without rdtsc: ns, or ticks made from ns */
void sct_clock_stop_tsc(void);		/* before the program's prctl(PR_SET_TSC, SIGSEGV) */
void sct_clock_freeze(int on);		/* around this thread's entry into strict seccomp */
int sct_clock_before(long nr, const uint64_t *a);	/* before a call that may forbid ... */
void sct_clock_after(int froze, long r);		/* ... this thread's clock reads */
int sct_clock_fault(void *uc);		/* SIGSEGV at an rdtsc of ours: 1 when handled */
int sct_strict_thread(void);		/* in strict seccomp mode (or entering): no call of ours */
void sct_clock_init(struct sct_clock *out, const char *tsc_env);
void sct_clock_calibrate(struct sct_clock *c);	/* standalone, before converting ticks */

static inline uint64_t sct_now(void)
{
	if (__builtin_expect(sct_use_tsc, 1)) {
		uint32_t lo, hi;
		__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
		return ((uint64_t)hi << 32) | lo;
	}
	return sct_clock_ticks();
}

/* A call's exit time.  Only -T, -c and -C show durations; without them the runner
 * sets SCTRACE_NODUR and the exit time is the entry time again: one clock read per
 * traced call instead of two (10 ns of the ~60 a full-trace record costs here). */
extern int sct_no_t1;			/* set once in the constructor, then only read */

static inline uint64_t sct_end(uint64_t t0)
{
	return __builtin_expect(sct_no_t1, 0) ? t0 : sct_now();
}

#endif
