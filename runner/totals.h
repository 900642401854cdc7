/* Per-call totals for -c/-C, in nanoseconds, summed over every ring of the session. */
#ifndef SCT_TOTALS_H
#define SCT_TOTALS_H

#include <stdint.h>
#include "record.h"

struct sct_totals {
	struct sct_count c[SCT_MAX_CALLS];	/* .ticks, ~.min_inv and .max hold ns here */
	uint64_t overhead_ns;			/* -O: taken off each record's time (the
						 * library takes it off its counters) */
	uint64_t lost;				/* records the writers dropped */
	struct { int pid; uint64_t lost; } lost_by[64];	/* the same, by process */
	unsigned nlost_by;			/* entries used; later processes add to `lost` only */
};

/* Add a ring's counters (count mode); n = entries the writer knows. */
void sct_totals_add_counts(struct sct_totals *t, const struct sct_count *counts, unsigned n,
			   const struct sct_clock *clk);

/* Add records lost by a ring of process `pid`. */
void sct_totals_add_lost(struct sct_totals *t, int pid, uint64_t lost);

/* Add one record whose t0/t1 are already in ns (trace mode with -C). */
void sct_totals_add_rec(struct sct_totals *t, const struct sct_rec *r);

#endif
