/* Summing counters and records into the -c table's totals. */
#include "calls.h"
#include "totals.h"

void sct_totals_add_counts(struct sct_totals *t, const struct sct_count *counts, unsigned n,
			   const struct sct_clock *clk)
{
	if (n > sct_ncalls)
		n = sct_ncalls;
	if (n > SCT_MAX_CALLS)
		n = SCT_MAX_CALLS;
	for (unsigned i = 0; i < n; i++) {
		t->c[i].calls += counts[i].calls;
		t->c[i].errors += counts[i].errors;
		t->c[i].ticks += sct_ticks_dur(clk, counts[i].ticks);
	}
}

void sct_totals_add_rec(struct sct_totals *t, const struct sct_rec *r)
{
	if (r->kind != SCT_REC_CALL || r->call >= sct_ncalls || r->call >= SCT_MAX_CALLS)
		return;
	t->c[r->call].calls++;
	if (!(r->flags & SCT_RF_NORETURN) && r->ret < 0 && r->ret >= -4095)
		t->c[r->call].errors++;
	if (r->t1 > r->t0)
		t->c[r->call].ticks += r->t1 - r->t0;
}
