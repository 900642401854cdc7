/* Summing counters and records into the -c table's totals. */
#include "calls.h"
#include "totals.h"

static void add_minmax(struct sct_count *c, uint64_t ns)
{
	if (~ns > c->min_inv)
		c->min_inv = ~ns;
	if (ns > c->max)
		c->max = ns;
}

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
		if (counts[i].min_inv)
			add_minmax(&t->c[i], sct_ticks_dur(clk, ~counts[i].min_inv));
		if (counts[i].max)
			add_minmax(&t->c[i], sct_ticks_dur(clk, counts[i].max));
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
	uint64_t d = r->t1 > r->t0 ? r->t1 - r->t0 : 0;
	d = d > t->overhead_ns ? d - t->overhead_ns : 0;	/* strace's -O */
	t->c[r->call].ticks += d;
	add_minmax(&t->c[r->call], d);
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
