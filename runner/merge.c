/* Printing records in time order with strace's decorations. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "calls.h"
#include "merge.h"
#include "pidns.h"
#include "netinfo.h"
#include "run.h"

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
	m->fmt.tstamp_prec = opts->tstamp_prec;
	m->fmt.rtstamp = opts->rtstamp;
	m->fmt.rtstamp_prec = opts->rtstamp_prec;
	m->fmt.rtstamp_prev = &m->rtstamp_prev;
	m->fmt.show_time = opts->show_time;
	m->fmt.time_prec = opts->time_prec;
	m->fmt.acolumn = opts->acolumn;
	m->fmt.xstyle = opts->xstyle;
	m->fmt.cstyle = opts->cstyle;
	m->fmt.optmem_max = sct_netinfo_optmem_max();
	m->fmt.status = opts->status;
	m->fmt.quiet = opts->quiet;
	m->fmt.signals = opts->signals;
	m->fmt.decode_fds = opts->decode_fds;
	if (opts->decode_fds & SCT_DECODE_FD_SOCKET)	/* NULL: no cache, nothing worse */
		m->fmt.sock_cache = calloc(SCT_SOCK_CACHE, sizeof(*m->fmt.sock_cache));
	m->fmt.no_abbrev = opts->no_abbrev_set ? opts->no_abbrev : NULL;
	m->fmt.not_verbose = opts->not_verbose_set ? opts->not_verbose : NULL;
	m->fmt.raw = opts->raw_set ? opts->raw : NULL;
	m->fmt.paths = opts->npaths ? opts->paths : NULL;
	m->fmt.npaths = opts->npaths;
	m->fmt.decode_pids = opts->decode_pids;
	m->fmt.pid_xlate = sct_pidns_xlate;
	m->fmt.pid_comm = sct_pidns_comm;
	m->fmt.show_nr = opts->show_nr;
	m->fmt.show_ip = opts->show_ip;
	m->fmt.nr_cache = &m->nr_cache;
	m->fmt.lead_cache = m->lead_cache;
}

void sct_merge_fini(struct sct_merge *m)
{
	free(m->seen);
	free(m->ended);
	free(m->fmt.sock_cache);
	m->fmt.sock_cache = NULL;
	free(m->reaped);
	m->seen = m->ended = NULL;
	m->reaped = NULL;
	sct_pend_fini(&m->pend);
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

/* Tasks traced at time t: rings that have started and not yet ended, counted up to 2
 * (the prefix rule asks only whether there is more than one). */
static unsigned live_at(const struct sct_merge *m, const struct sct_drain *d, uint64_t t)
{
	unsigned n = 0;

	if (m->attached > 1)	/* -p: strace counts each from its attach on */
		return 2;

	for (const struct sct_rring *r = d->rings; r; r = r->next) {
		if (d->only_tid && r->tid != d->only_tid)
			continue;
		if (r->first_ns > t)
			continue;
		/* ended before t (the shared state last: its line is the writer's) */
		if (r->last_ns < t && (r->ended || r->superseded ||
				       __atomic_load_n(&r->hdr->state, __ATOMIC_ACQUIRE) == SCT_RING_CLOSED))
			continue;
		if (++n == 2)
			break;
	}
	return n;
}

/* Remember tid; 1 when it is new.  Asked for every record: a small table of tids
 * seen, by their low bits, answers most without the list. */
static int first_sight(struct sct_merge *m, int tid)
{
	int *hint = &m->seen_hint[(unsigned)tid % SCT_SEEN_HINTS];

	if (*hint == tid && tid)
		return 0;
	for (size_t i = 0; i < m->nseen; i++)
		if (m->seen[i] == tid) {
			*hint = tid;
			return 0;
		}
	if (m->nseen == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 32;
		int *p = realloc(m->seen, cap * sizeof(*p));
		if (!p)
			return 0;
		m->seen = p;
		m->cap = cap;
	}
	m->seen[m->nseen++] = tid;
	*hint = tid;
	return 1;
}

void sct_merge_known(struct sct_merge *m, int tid)
{
	first_sight(m, tid);
}

/* strace says "Process N attached" on stderr for every task after the first,
 * under -f, unless the trace of a command goes to a file (-p alone: unless -q). */
static void announce(struct sct_merge *m, int tid)
{
	if (tid && m->seen_hint[(unsigned)tid % SCT_SEEN_HINTS] == tid)
		return;		/* seen (first_sight's first test): most records, no call */
	int quiet = m->attached && !m->opts->argc ? (m->opts->quiet & SCT_QUIET_ATTACH) != 0
						  : m->opts->outfile != NULL;

	if (!first_sight(m, tid) || tid == m->root || !m->opts->follow || quiet)
		return;
	sct_out_puts(&m->out->main, sct_progname);
	sct_out_puts(&m->out->main, ": Process ");
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
		/* known by number only: strace prints such a call whatever -e trace= says
		 * (its filter covers the calls it knows; strace's nsyscalls test) */
		if (r->call & SCT_CALL_BY_NR)
			return 1;
		if (r->call >= sct_ncalls || r->call >= SCT_MAX_CALLS)
			return 0;
		return !m->opts->filtered || sct_filter_has(m->opts, r->call);
	case SCT_REC_EXIT:
	case SCT_REC_SIGNAL:
	case SCT_REC_SIGINFO:	/* -e trace= leaves them: strace filters them by -e signal= */
	case SCT_REC_NOTE:
	case SCT_REC_DETACH:
		return 1;
	default:
		return 0;
	}
}

int sct_merge_seen(const struct sct_merge *m, int pid)
{
	for (size_t i = 0; i < m->nseen; i++)
		if (m->seen[i] == pid)
			return 1;
	return 0;
}

static int has_ended(const struct sct_merge *m, int pid)
{
	for (size_t i = 0; i < m->nended; i++)
		if (m->ended[i] == pid)
			return 1;
	return 0;
}

static void mark_ended(struct sct_merge *m, int pid)
{
	if (has_ended(m, pid))
		return;
	if (m->nended == m->ecap) {
		size_t cap = m->ecap ? 2 * m->ecap : 32;
		int *p = realloc(m->ended, cap * sizeof(*p));
		if (!p)
			return;
		m->ended = p;
		m->ecap = cap;
	}
	m->ended[m->nended++] = pid;
}

void sct_merge_exit_line(struct sct_merge *m, int pid, int status, uint64_t t, unsigned live)
{
	struct sct_rec r;

	if (!sct_merge_seen(m, pid) || has_ended(m, pid))
		return;
	memset(&r, 0, sizeof(r));
	r.size = sizeof(r);
	r.pid = r.tid = pid;
	r.t0 = r.t1 = t;
	if (WIFSIGNALED(status)) {
		r.kind = SCT_REC_SIGNAL;
		r.arg[0] = (uint64_t)WTERMSIG(status);
		r.arg[1] = WCOREDUMP(status) ? 1 : 0;
	} else if (WIFEXITED(status)) {
		r.kind = SCT_REC_EXIT;
		r.arg[0] = (uint64_t)WEXITSTATUS(status);
	} else {
		return;		/* stopped or continued: not an end */
	}
	sct_merge_emit(m, &r, live);
}

static void owe(struct sct_merge *m, int pid, int status, uint64_t t)
{
	if (m->nreaped == m->rcap) {
		size_t cap = m->rcap ? 2 * m->rcap : 8;
		struct sct_reaped *p = realloc(m->reaped, cap * sizeof(*p));
		if (!p)
			return;
		m->reaped = p;
		m->rcap = cap;
	}
	m->reaped[m->nreaped++] = (struct sct_reaped){ pid, status, m->scans, t };
}

void sct_merge_reaped(struct sct_merge *m, int pid, int status, uint64_t t)
{
	owe(m, pid, status, t);
}

static int has_rings(const struct sct_drain *d, int pid)
{
	for (const struct sct_rring *r = d->rings; r; r = r->next)
		if (r->pid == pid)
			return 1;
	return 0;
}

/* A wait4 that reaped a child: remember the child's status for its exit line. */
static void note_reaped(struct sct_merge *m, const struct sct_rec *r)
{
	const struct sct_call *c;
	const struct sct_blob *b;
	int st;

	if (r->kind != SCT_REC_CALL || r->call >= sct_ncalls || r->ret <= 0 || r->ret > INT32_MAX)
		return;
	c = &sct_calls[r->call];
	for (unsigned i = 0; i < c->nargs && i < 6; i++) {
		if (c->arg[i].kind != SCT_K_WSTATUS)
			continue;
		b = sct_rec_blob(r, i, SCT_BLOB_OUT);
		if (!b || b->len < sizeof(st))
			return;
		memcpy(&st, sct_blob_data(b), sizeof(st));
		owe(m, (int)r->ret, st, r->t0);
		return;
	}
}

/* Print the exit lines whose time has come (see struct sct_reaped), or with `final`
 * every one; a child that wrote its own exit line meanwhile keeps that one. */
static void owed_lines(struct sct_merge *m, const struct sct_drain *d, int final)
{
	size_t k = 0;

	for (size_t i = 0; i < m->nreaped; i++) {
		const struct sct_reaped *p = &m->reaped[i];
		if (!final && (m->scans == p->scan || has_rings(d, p->pid) ||
			       !sct_merge_seen(m, p->pid))) {
			m->reaped[k++] = *p;
			continue;
		}
		sct_merge_exit_line(m, p->pid, p->status, p->t, live_at(m, d, p->t));
	}
	m->nreaped = k;
}

void sct_merge_owed(struct sct_merge *m, const struct sct_drain *d, int final)
{
	if (m->nreaped)
		owed_lines(m, d, final);
}

void sct_merge_emit(struct sct_merge *m, const struct sct_rec *r, unsigned live)
{
	int tid = r->tid ? r->tid : r->pid;

	if (r->kind == SCT_REC_EXIT || r->kind == SCT_REC_SIGNAL)
		mark_ended(m, r->pid);
	if ((r->kind == SCT_REC_EXIT || r->kind == SCT_REC_SIGNAL) && r->pid == m->root)
		m->root_ended = 1;
	if (r->kind == SCT_REC_DETACH) {
		/* its process is strace's no more: no exit line, its execve ends detached */
		mark_ended(m, r->pid);
		if (r->pid == m->root)
			m->root_ended = m->root_detached = 1;
		m->detaching = r->pid;
		if (!m->opts->count)
			announce(m, tid);
		if (!(m->opts->quiet & SCT_QUIET_ATTACH)) {
			sct_output_flush(m->out);
			fprintf(stderr, "%s: Process %d detached\n", sct_progname, r->pid);
		}
		return;
	}
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
	m->fmt.detached = m->detaching == r->pid && r->kind == SCT_REC_CALL;
	if (m->fmt.detached)
		m->detaching = 0;
	sct_format_record(m->out->separate ? sct_output_for(m->out, tid) : &m->out->main, r, &m->fmt);
	m->fmt.detached = 0;
}

struct sct_out *sct_merge_out(struct sct_merge *m, int tid, unsigned live)
{
	announce(m, tid);
	m->fmt.prefix = sct_prefix_mode(m->opts, live);
	return sct_output_for(m->out, tid);
}

void sct_merge_batch(struct sct_merge *m, const struct sct_drain *d)
{
	/* -o FILE with -f or -ff: the prefix is the same however many tasks live */
	int count_live = !(m->opts->outfile && (m->opts->follow || m->opts->separate));
	unsigned live = 0;

	sct_pend_scan(m, d);
	for (size_t i = 0; i < d->n; i++) {
		const struct sct_rec *r = sct_batch_rec(d, i);

		note_reaped(m, r);
		sct_pidns_call(r);
		if (!wanted(m, r))
			continue;
		/* A record may name a task of its own (a vfork child writes in its parent's
		 * ring), but never the command's: the command has rings of its own, and
		 * its "+++ exited +++" decides whether sctrace prints one. */
		if (r->pid == m->root && d->ents[i].ring->pid != m->root)
			continue;
		if (m->totals && r->kind == SCT_REC_CALL)
			sct_totals_add_rec(m->totals, r);
		/* a vfork child writes into its parent's ring: one more task than rings */
		int guest = (r->tid ? r->tid : r->pid) != d->ents[i].ring->tid;
		live = count_live ? live_at(m, d, r->t0) + (unsigned)guest : 2;
		if (!sct_pend_rec(m, d, i, live))	/* strace's <unfinished ...> pairs */
			sct_merge_emit(m, r, live);
	}
	sct_pend_batch_end(m, live);
}
