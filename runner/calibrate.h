/* TSC calibration for the library's clock (format/session.h: SCTRACE_TSC). */
#ifndef SCT_CALIBRATE_H
#define SCT_CALIBRATE_H

#include <stdint.h>

/* 1 when /proc/cpuinfo's flags (text of the file in `cpuinfo`) show an invariant TSC:
 * both constant_tsc and nonstop_tsc. */
int sct_tsc_invariant(const char *cpuinfo);

/* mult/shift such that ns = ticks * mult >> shift, for `ticks` ticks over `ns`
 * nanoseconds: the largest shift <= 32 that keeps mult below 2^32.  -1 if unusable. */
int sct_tsc_ratio(uint64_t ticks, uint64_t ns, uint32_t *mult, uint32_t *shift);

/* Measure rdtsc against CLOCK_MONOTONIC over ~5 ms and write "MULT:SHIFT" into out;
 * 0, or -1 (no invariant TSC, or measurement failed: export nothing). */
int sct_calibrate(char *out, unsigned outlen);

#endif
