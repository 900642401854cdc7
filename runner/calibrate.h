/* TSC calibration for the library's clock (format/session.h: SCTRACE_TSC), measured
 * across the run instead of in a sleep (runner/calibrate.c). */
#ifndef SCT_CALIBRATE_H
#define SCT_CALIBRATE_H

#include <stdint.h>
#include "record.h"

/* Records are held until the rate is known: SCT_CALIB_NS after the start, or earlier
 * when the command ends or a ring needs room (the rate is then measured over less,
 * and still exact inside that interval). */
#define SCT_CALIB_NS 5000000ull

struct sct_calib {
	int tsc;			/* writers use the TSC and the runner converts */
	int done;			/* `clock` is final (always, without the TSC) */
	uint32_t hint_mult, hint_shift;	/* the rough rate handed to writers: a ring
					 * whose header has it is converted with `clock` */
	uint64_t tsc0, ns0;		/* the pair taken at the start */
	struct sct_clock clock;		/* tsc0/ns0 at the rate measured since */
};

/* 1 when /proc/cpuinfo's flags (text of the file in `cpuinfo`) show an invariant TSC:
 * both constant_tsc and nonstop_tsc. */
int sct_tsc_invariant(const char *cpuinfo);

/* mult/shift such that ns = ticks * mult >> shift, for `ticks` ticks over `ns`
 * nanoseconds: the largest shift <= 32 that keeps mult below 2^32.  -1 if unusable. */
int sct_tsc_ratio(uint64_t ticks, uint64_t ns, uint32_t *mult, uint32_t *shift);

/* Take the start pair and write the writers' "MULT:SHIFT" into out: 0, or -1 (no
 * invariant TSC: export nothing, writers use the vDSO clock; c->done is set). */
int sct_calib_start(struct sct_calib *c, char *out, unsigned outlen);

/* Take the second pair and fix c->clock (no-op once done). */
void sct_calib_finish(struct sct_calib *c);

/* 1 when SCT_CALIB_NS have passed and the rate is still open. */
int sct_calib_due(const struct sct_calib *c, uint64_t now_ns);

#endif
