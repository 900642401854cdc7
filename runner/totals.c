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
	/* strace -c counts a call when it returns: exit and exit_group (NORETURN) never
	 * do, and are in no row */
	if (r->kind != SCT_REC_CALL || r->call >= sct_ncalls || r->call >= SCT_MAX_CALLS ||
	    (r->flags & SCT_RF_NORETURN))
		return;
	t->c[r->call].calls++;
	if (r->ret < 0 && r->ret >= -4095 && !(r->flags & SCT_RF_RETVAL))
		t->c[r->call].errors++;
	if (r->t1 > r->t0)
		t->c[r->call].ticks += r->t1 - r->t0;
}

void sct_totals_add_lost(struct sct_totals *t, int pid, uint64_t lost)
{
	unsigned i;

	if (!lost)
		return;
	t->lost += lost;
	for (i = 0; i < t->nlost_by && t->lost_by[i].pid != pid; i++)
		;
	if (i == t->nlost_by) {
		if (i == sizeof(t->lost_by) / sizeof(t->lost_by[0]))
			return;
		t->lost_by[i].pid = pid;
		t->lost_by[i].lost = 0;
		t->nlost_by++;
	}
	t->lost_by[i].lost += lost;
}
