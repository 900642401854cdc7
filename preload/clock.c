#include <cpuid.h>
#include <stdlib.h>
#include <time.h>
#include "clock.h"

int sct_use_tsc;
int sct_no_t1;

uint64_t sct_clock_slow(void)
{
	struct timespec ts;

	/* clock_gettime is not interposed and goes through the vDSO: no system call. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* CPUID 0x80000007 EDX bit 8: the TSC runs at a constant rate in every power state. */
static int tsc_invariant(void)
{
	unsigned a, b, c, d;

	return __get_cpuid(0x80000007, &a, &b, &c, &d) && (d >> 8 & 1);
}

/* tsc_env is the runner's "MULT:SHIFT" (ns = ticks * MULT >> SHIFT), or NULL.  Without
 * it, an invariant TSC is still used and calibrated later (mult = 0 until then). */
void sct_clock_init(struct sct_clock *out, const char *tsc_env)
{
	char *end;
	unsigned long mult = 0, shift = 0;

	if (tsc_env) {
		mult = strtoul(tsc_env, &end, 10);
		if (*end == ':')
			shift = strtoul(end + 1, &end, 10);
		if (*end || !mult || shift > 63)
			mult = 0;
	}
	if (mult || (!tsc_env && tsc_invariant())) {
		out->ns_base = sct_clock_slow();
		out->tick_base = rdtsc();
		out->mult = (uint32_t)mult;
		out->shift = (uint32_t)shift;
		sct_use_tsc = 1;
	} else {
		out->tick_base = out->ns_base = 0;
		out->mult = 1;
		out->shift = 0;
		sct_use_tsc = 0;
	}
}

/* Standalone: the TSC's rate, measured over the run so far (at least 1 ms). */
void sct_clock_calibrate(struct sct_clock *c)
{
	uint64_t ticks, ns;
	double ratio;

	if (c->mult)
		return;
	do {
		ns = sct_clock_slow() - c->ns_base;
		ticks = rdtsc() - c->tick_base;
	} while (ns < 1000000 || !ticks);
	ratio = (double)ns / (double)ticks;
	c->shift = 32;
	while (c->shift > 0 && ratio * (double)(1ull << c->shift) >= 4294967296.0)
		c->shift--;
	c->mult = (uint32_t)(ratio * (double)(1ull << c->shift));
}
