#include <stdlib.h>
#include <time.h>
#include "clock.h"

int sct_use_tsc;

uint64_t sct_clock_slow(void)
{
	struct timespec ts;

	/* clock_gettime is not interposed and goes through the vDSO: no system call. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* tsc_env is the runner's "MULT:SHIFT" (ns = ticks * MULT >> SHIFT), or NULL. */
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
	if (mult) {
		uint32_t lo, hi;
		uint64_t ns = sct_clock_slow();
		__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
		out->tick_base = ((uint64_t)hi << 32) | lo;
		out->ns_base = ns;
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
