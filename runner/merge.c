/* Printing records in time order with strace's decorations. */
#include <stdlib.h>
#include <string.h>
#include "calls.h"
#include "merge.h"

void sct_merge_init(struct sct_merge *m, const struct sct_opts *opts, struct sct_output *out,
		    struct sct_totals *totals)
{
	memset(m, 0, sizeof(*m));
	m->opts = opts;
	m->out = out;
	m->totals = totals;
	sct_fmt_defaults(&m->fmt);
	m->fmt.strsize = opts->strsize;
	m->fmt.tstamp = opts->tstamp;
	m->fmt.show_time = opts->show_time;
	m->fmt.acolumn = opts->acolumn;
	m->fmt.xstyle = opts->xstyle;
	m->fmt.status = opts->status;
	m->fmt.quiet = opts->quiet;
	m->fmt.signals = opts->signals;
}

void sct_merge_fini(struct sct_merge *m)
{
	free(m->seen);
	m->seen = NULL;
}

/* strace 6.1 printleader(): "%-5d " when writing to a file and following forks
 * (not -ff) or when more than one task is traced; "[pid %5u] " on stderr when more
 * than one task is traced; nothing with -ff -o (one file per task). */
int sct_prefix_mode(const struct sct_opts *opts, unsigned live)
{
	if (opts->outfile && opts->separate)
		return 0;
	if (opts->outfile)
		return opts->follow || live > 1 ? 2 : 0;
	return live > 1 ? 1 : 0;
}

/* Tasks traced at time t: rings that have started and not yet ended. */
static unsigned live_at(const struct sct_drain *d, uint64_t t)
{
	unsigned n = 0;

	for (const struct sct_rring *r = d->rings; r; r = r->next) {
		int ended = r->ended || r->superseded ||
			__atomic_load_n(&r->hdr->state, __ATOMIC_ACQUIRE) == SCT_RING_CLOSED;
		if (d->only_tid && r->tid != d->only_tid)
			continue;
		if (r->first_ns <= t && !(ended && r->last_ns < t))
			n++;
	}
	return n;
}

/* Remember tid; 1 when it is new. */
static int first_sight(struct sct_merge *m, int tid)
{
	for (size_t i = 0; i < m->nseen; i++)
		if (m->seen[i] == tid)
			return 0;
	if (m->nseen == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 32;
		int *p = realloc(m->seen, cap * sizeof(*p));
		if (!p)
			return 0;
		m->seen = p;
		m->cap = cap;
	}
	m->seen[m->nseen++] = tid;
	return 1;
}

/* strace says "Process N attached" on stderr for every task after the first,
 * under -f, unless the trace goes to a file. */
static void announce(struct sct_merge *m, int tid)
{
	if (!first_sight(m, tid) || tid == m->root || !m->opts->follow || m->opts->outfile)
		return;
	sct_out_puts(&m->out->main, "sctrace: Process ");
	sct_out_dec(&m->out->main, tid);
	sct_out_puts(&m->out->main, " attached\n");
}

void sct_merge_announce(struct sct_merge *m, const struct sct_drain *d)
{
	for (const struct sct_rring *r = d->rings; r; r = r->next)
		announce(m, r->tid);
}

static int wanted(const struct sct_merge *m, const struct sct_rec *r)
{
	switch (r->kind) {
	case SCT_REC_CALL:
		if (r->call & SCT_CALL_BY_NR)	/* known by number only: -e trace= cannot name it */
			return !m->opts->filtered;
		if (r->call >= sct_ncalls || r->call >= SCT_MAX_CALLS)
			return 0;
		return !m->opts->filtered || sct_filter_has(m->opts, r->call);
	case SCT_REC_EXIT:
	case SCT_REC_SIGNAL:
	case SCT_REC_SIGINFO:	/* -e trace= leaves them: strace filters them by -e signal= */
	case SCT_REC_NOTE:
		return 1;
	default:
		return 0;
	}
}

void sct_merge_emit(struct sct_merge *m, const struct sct_rec *r, unsigned live)
{
	int tid = r->tid ? r->tid : r->pid;

	if ((r->kind == SCT_REC_EXIT || r->kind == SCT_REC_SIGNAL) && r->pid == m->root)
		m->root_ended = 1;
	if (r->kind == SCT_REC_NOTE) {
		/* a message for the user, not trace: stderr even with -o or -c */
		struct sct_out *o = &m->out->main, err;
		char buf[1024];

		if (m->out->fd != 2) {
			sct_out_init(&err, buf, sizeof(buf), 2);
			o = &err;
		}
		m->fmt.prefix = 0;
		sct_format_record(o, r, &m->fmt);
		if (o == &err)
			sct_out_flush(o);
		return;
	}
	if (m->opts->count)
		return;
	announce(m, tid);
	m->fmt.prefix = sct_prefix_mode(m->opts, live);
	sct_format_record(sct_output_for(m->out, tid), r, &m->fmt);
}

void sct_merge_batch(struct sct_merge *m, const struct sct_drain *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct sct_rec *r = sct_batch_rec(d, i);

		if (!wanted(m, r))
			continue;
		if (m->totals && r->kind == SCT_REC_CALL)
			sct_totals_add_rec(m->totals, r);
		/* a vfork child writes into its parent's ring: one more task than rings */
		int guest = (r->tid ? r->tid : r->pid) != d->ents[i].ring->tid;
		sct_merge_emit(m, r, live_at(d, r->t0) + (unsigned)guest);
	}
}
