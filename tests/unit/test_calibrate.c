/* runner/calibrate.c: invariant-TSC detection and the MULT:SHIFT ratio. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <x86intrin.h>
#include "runner/calibrate.h"

Test(calibrate, invariant_needs_both_flags)
{
	cr_assert_eq(sct_tsc_invariant("processor\t: 0\nflags\t\t: fpu tsc constant_tsc nonstop_tsc xsave\n"), 1);
	cr_assert_eq(sct_tsc_invariant("processor\t: 0\nflags\t\t: fpu tsc constant_tsc xsave\n"), 0);
	cr_assert_eq(sct_tsc_invariant("processor\t: 0\nflags\t\t: nonstop_tsc constant_tsc_x\n"), 0,
		     "whole words only");
	cr_assert_eq(sct_tsc_invariant("processor\t: 0\nflags\t\t: fpu\nbugs\t\t: constant_tsc nonstop_tsc\n"), 0,
		     "only the flags line counts");
	cr_assert_eq(sct_tsc_invariant("no flags here"), 0);
}

Test(calibrate, ratio_round_trips)
{
	uint32_t mult, shift;

	/* 2.5 GHz: 12.5M ticks in 5 ms */
	cr_assert_eq(sct_tsc_ratio(12500000, 5000000, &mult, &shift), 0);
	cr_assert_eq(shift, 32);
	cr_assert_eq((uint64_t)((unsigned __int128)2500000000ull * mult >> shift) / 1000, 1000000 - 1,
		     "one second of ticks is one second, to a microsecond");
	/* a slow 100 MHz counter: 10 ns per tick needs a smaller shift */
	cr_assert_eq(sct_tsc_ratio(500000, 5000000, &mult, &shift), 0);
	cr_assert_lt(shift, 32);
	cr_assert_eq((uint64_t)12345 * mult >> shift, 123450);
	cr_assert_eq(sct_tsc_ratio(0, 5, &mult, &shift), -1);
}

Test(calibrate, measures_this_machine)
{
	struct sct_calib c;
	char buf[64];
	unsigned m = 0, s = 0;
	FILE *f = fopen("/proc/cpuinfo", "r");
	static char info[16384];
	size_t n = f ? fread(info, 1, sizeof(info) - 1, f) : 0;
	double hint, rate;

	if (f)
		fclose(f);
	info[n] = '\0';
	if (!sct_tsc_invariant(info)) {
		cr_assert_eq(sct_calib_start(&c, buf, sizeof(buf)), -1, "no invariant TSC: export nothing");
		cr_assert_eq(c.done, 1, "nothing to wait for");
		return;
	}
	cr_assert_eq(sct_calib_start(&c, buf, sizeof(buf)), 0);
	cr_assert_eq(c.done, 0, "the rate stays open until the first conversion");
	cr_assert_eq(sscanf(buf, "%u:%u", &m, &s), 2, "%s", buf);
	cr_assert_eq(m, c.hint_mult);
	cr_assert_eq(s, c.hint_shift);
	/* any real TSC runs between 100 MHz and 10 GHz */
	cr_assert(m > 0 && s <= 32);
	hint = (double)m / (double)(1ull << s);
	cr_assert_gt(hint, 0.1);
	cr_assert_lt(hint, 10.0);
	sct_calib_finish(&c);
	cr_assert_eq(c.done, 1);
	cr_assert_eq(c.clock.tick_base, c.tsc0, "converted from the start pair");
	cr_assert_eq(c.clock.ns_base, c.ns0);
	rate = (double)c.clock.mult / (double)(1ull << c.clock.shift);
	/* the same counter measured twice: the rough rate is within 1% of the final one */
	cr_assert_lt(rate / hint, 1.01);
	cr_assert_gt(rate / hint, 0.99);
}

static uint64_t mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A tick read between two clock reads converts to a time between them (to 50 us, for
 * a preemption between the reads), inside the measured interval and after it. */
static void converts_between(const struct sct_calib *c)
{
	uint64_t a, t, b;
	int ok = 0;

	for (int i = 0; i < 8 && !ok; i++) {
		a = mono();
		t = __rdtsc();
		b = mono();
		ok = sct_ticks_ns(&c->clock, t) + 50000 >= a && sct_ticks_ns(&c->clock, t) <= b + 50000;
	}
	cr_assert(ok, "tick %lu converts to %lu, not within [%lu, %lu]", (unsigned long)t,
		  (unsigned long)sct_ticks_ns(&c->clock, t), (unsigned long)a, (unsigned long)b);
}

Test(calibrate, converts_to_clock_monotonic)
{
	struct sct_calib c;
	char buf[64];
	struct timespec nap = { 0, 2000000 };

	if (sct_calib_start(&c, buf, sizeof(buf)) < 0)
		return;		/* no invariant TSC: nothing converts */
	nanosleep(&nap, NULL);
	sct_calib_finish(&c);
	converts_between(&c);
	nanosleep(&nap, NULL);
	converts_between(&c);
}
