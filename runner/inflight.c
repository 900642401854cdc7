/* Calls in flight (see inflight.h): strace's "<unfinished ...>" / "<... resumed>"
 * pairs and the pending line of a task that dies inside a call.
 *
 * strace prints a call's entry part when the call enters and the rest when it
 * returns; when another task prints in between, the entry part ends with
 * " <unfinished ...>" and the rest starts a line of its own with "<... NAME resumed>".
 * The entry part is the arguments before the first one the kernel fills in (read's
 * buffer, wait4's status): "wait4(-1, " and then " <unfinished ...>", hence two spaces.
 *
 * Both parts are cut out of lines the format layer prints whole: the entry part is
 * the line of the call with only its entry arguments, up to its ") = "; the rest is
 * what the whole line has after the entry part.  A call known only from its slot
 * (still in flight) has no captured memory: its entry part shows addresses where the
 * record would show strings (README, Limits). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "callidx.h"
#include "calls.h"
#include "decode.h"
#include "inflight.h"
#include "merge.h"

#define LINE_MAX_TEXT (64u * 1024)	/* longer lines are printed whole, as before */

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void sct_pend_fini(struct sct_pend *p)
{
	free(p->e);
	p->e = NULL;
	p->n = p->cap = 0;
}

static struct sct_pend_ent *find(struct sct_pend *p, int tid)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->e[i].tid == tid)
			return &p->e[i];
	return NULL;
}

static struct sct_pend_ent *add(struct sct_pend *p)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 16;
		struct sct_pend_ent *e = realloc(p->e, cap * sizeof(*e));
		if (!e)
			return NULL;
		p->e = e;
		p->cap = cap;
	}
	memset(&p->e[p->n], 0, sizeof(p->e[0]));
	return &p->e[p->n++];
}

static void drop(struct sct_pend *p, struct sct_pend_ent *e)
{
	*e = p->e[--p->n];
}

/* ---- text ------------------------------------------------------------------------ */

static char line_buf[LINE_MAX_TEXT], part_buf[LINE_MAX_TEXT];

/* The last ") = " of a line (the return part has none); NULL when there is none. */
static const char *ret_sep(const char *s, size_t n)
{
	for (size_t i = n; i >= 4; i--)
		if (memcmp(s + i - 4, ") = ", 4) == 0)
			return s + i - 4;
	return NULL;
}

/* r printed with fmt f into buf: its length, or 0 when it did not fit. */
static size_t print_rec(char *buf, const struct sct_rec *r, const struct sct_call *c,
			const struct sct_fmt_opts *f)
{
	struct sct_out o;

	sct_out_init(&o, buf, LINE_MAX_TEXT - 1, -1);
	sct_format_record_call(&o, r, c, f);
	if (o.overflow)
		return 0;
	buf[o.len] = 0;
	return o.len;
}

/* The entry part of r's line ("[pid N] wait4(-1, "), with f's prefix and time stamp
 * of t; its length in part_buf, 0 when it cannot be made. */
static size_t entry_part(const struct sct_rec *r, const struct sct_fmt_opts *fo, uint64_t t)
{
	const struct sct_call *c = &sct_calls[r->call];
	struct sct_call part = *c;
	struct sct_fmt_opts f = *fo;
	struct sct_rec copy = *r;
	const char *sep;
	size_t n;

	part.nargs = (uint8_t)sct_entry_args(c);
	f.acolumn = 0;
	f.show_time = 0;
	f.status = SCT_STATUS_ALL;
	copy.t0 = t;
	copy.flags = 0;
	copy.size = sizeof(copy);	/* no captured memory: the entry part of a slot */
	if (!(n = print_rec(part_buf, t == r->t0 ? r : &copy, &part, &f)))
		return 0;
	if (!(sep = ret_sep(part_buf, n)))
		return 0;
	n = (size_t)(sep - part_buf);
	if (part.nargs < c->nargs && part_buf[n - 1] != '(') {
		part_buf[n++] = ',';
		part_buf[n++] = ' ';
	}
	part_buf[n] = 0;
	return n;
}

/* The line head (prefix, time stamp of t) of r's task: the text before the call name. */
static size_t line_head(const struct sct_rec *r, const struct sct_fmt_opts *f, uint64_t t, char *head,
			size_t cap)
{
	struct sct_rec copy = *r;
	struct sct_call none = sct_calls[r->call];
	struct sct_fmt_opts g = *f;
	struct sct_out o;

	copy.size = sizeof(copy);
	copy.t0 = t;
	none.nargs = 0;
	g.acolumn = 0;
	g.status = SCT_STATUS_ALL;
	sct_out_init(&o, head, cap, -1);
	if (!sct_format_line_head(&o, &copy, &none, &g) || o.overflow || o.len >= cap)
		return 0;
	return o.len;
}

static void pad_to(struct sct_out *o, size_t col, unsigned acolumn)
{
	for (; col + 1 < acolumn; col++)
		sct_out_putc(o, ' ');
}

/* "wait4(-1,  <unfinished ...>" for entry e (from its record, or its slot). */
static void print_unfinished(struct sct_merge *m, struct sct_pend_ent *e, unsigned live)
{
	const struct sct_rec *r = e->rec ? e->rec : sct_entry_record(e, m->fmt.strsize);
	struct sct_out *o = sct_merge_out(m, e->tid, live);
	size_t n;

	e->shown = 1;
	if (!(n = entry_part(r, &m->fmt, e->t0)))
		return;
	sct_out_write(o, part_buf, n);
	sct_out_puts(o, " <unfinished ...>\n");
}

/* The rest of the completed call r, as "<... wait4 resumed>[...], 0, NULL) = 1234";
 * 0 when it cannot be cut (the caller prints r whole). */
static int print_resumed(struct sct_merge *m, const struct sct_rec *r, unsigned live)
{
	const struct sct_call *c = &sct_calls[r->call];
	struct sct_fmt_opts f = m->fmt;
	char head[256];
	size_t hn, en, fn, mark = SIZE_MAX;
	const char *sep;
	struct sct_out *o;

	f.tstamp = SCT_TS_NONE;
	f.rtstamp = 0;
	f.prefix = 0;
	f.acolumn = 0;
	/* The whole line without prefix and time stamp; the entry part is what it has
	 * before the first argument not known at entry (the format marks where that
	 * starts), or before ')' when all are.  When the arguments print in a way of
	 * their own (clone's, -e raw=), the entry part is made alone and must begin the line. */
	f.arg_mark = &mark;
	f.arg_mark_at = sct_entry_args(c);
	if (!(fn = print_rec(line_buf, r, NULL, &f)) || !(sep = ret_sep(line_buf, fn)))
		return 0;
	f.arg_mark = NULL;
	if (f.arg_mark_at >= c->nargs)
		en = (size_t)(sep - line_buf);
	else if (mark != SIZE_MAX)
		en = mark;
	else if (!(en = entry_part(r, &f, r->t0)) || fn < en || memcmp(line_buf, part_buf, en) != 0)
		return 0;
	if (sep < line_buf + en)
		return 0;
	f = m->fmt;
	f.prefix = sct_prefix_mode(m->opts, live);
	if (!(hn = line_head(r, &f, r->t1 > r->t0 ? r->t1 : r->t0, head, sizeof(head))))
		return 0;
	o = sct_merge_out(m, r->tid ? r->tid : r->pid, live);
	sct_out_write(o, head, hn);
	sct_out_puts(o, "<... ");
	sct_out_puts(o, c->name);
	sct_out_puts(o, " resumed>");
	sct_out_write(o, line_buf + en, (size_t)(sep - line_buf) - en + 1);	/* up to ')' */
	pad_to(o, hn + 5 + strlen(c->name) + 9 + (size_t)(sep - line_buf) - en + 1, m->fmt.acolumn);
	/* " = RET <dur>\n" as the whole line has it */
	sct_out_write(o, sep + 1, fn - (size_t)(sep + 1 - line_buf));
	return 1;
}

/* ---- scanning the slots ------------------------------------------------------------- */

static int pairs_on(const struct sct_merge *m)
{
	return m->opts->follow && !m->opts->count && !m->opts->separate &&
	       m->fmt.status == SCT_STATUS_ALL;
}

static int ring_readable(const struct sct_drain *d, const struct sct_rring *r)
{
	return !r->bad && !r->superseded && !r->retire && !r->ended && !r->truncated && r->mask &&
	       (!d->only_tid || r->tid == d->only_tid) &&
	       __atomic_load_n(&r->hdr->state, __ATOMIC_ACQUIRE) == SCT_RING_ACTIVE;
}

/* The call in flight in ring r, checked; 0 when none (or a torn or scribbled slot). */
static int read_slot(const struct sct_merge *m, const struct sct_drain *d,
		     const struct sct_rring *r, struct sct_pend_ent *e)
{
	const struct sct_pending *p = &r->hdr->pending;
	uint64_t s1, s2, t0;
	uint32_t call;

	memset(e, 0, sizeof(*e));
	s1 = __atomic_load_n(&p->seq, __ATOMIC_ACQUIRE);
	if ((s1 & SCT_PEND_MASK) != SCT_PEND_BUSY)
		return 0;
	call = __atomic_load_n(&p->call, __ATOMIC_RELAXED);
	t0 = __atomic_load_n(&p->t0, __ATOMIC_RELAXED);
	for (unsigned i = 0; i < SCT_MAX_ARGS; i++)
		e->arg[i] = __atomic_load_n(&p->arg[i], __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	s2 = __atomic_load_n(&p->seq, __ATOMIC_RELAXED);
	if (s1 != s2 || call >= r->ncalls || call >= sct_ncalls)
		return 0;
	if (m->opts->filtered && !sct_filter_has(m->opts, call))
		return 0;
	e->call = call;
	e->pid = r->pid;
	e->tid = r->tid;
	e->t0 = sct_ticks_ns(sct_drain_clock(d, r), t0);
	return e->t0 <= mono_ns();	/* a time to come is a scribble */
}

void sct_pend_scan(struct sct_merge *m, const struct sct_drain *d)
{
	struct sct_pend *p = &m->pend;

	if (!(p->on = pairs_on(m)))
		return;
	for (size_t i = 0; i < p->n; i++)
		p->e[i].seen = 0;
	for (const struct sct_rring *r = d->rings; r; r = r->next) {
		struct sct_pend_ent now, *e;

		if (!ring_readable(d, r) || !read_slot(m, d, r, &now))
			continue;
		e = find(p, r->tid);
		if (e && e->t0 != now.t0 && !e->shown)
			drop(p, e), e = NULL;	/* that one returned: its record comes */
		if (e) {
			e->seen = e->t0 == now.t0;
			continue;
		}
		if ((e = add(p)) != NULL) {
			*e = now;
			e->seen = 1;
		}
	}
	/* slots no longer in flight, never shown: their records print whole */
	for (size_t i = 0; i < p->n;)
		if (!p->e[i].seen && !p->e[i].shown && !p->e[i].rec)
			drop(p, &p->e[i]);
		else
			i++;
}

/* ---- the batch ------------------------------------------------------------------------ */

/* Would record q print a line (the filters of merge.c's wanted, in short)? */
static int prints(const struct sct_merge *m, const struct sct_rec *q)
{
	if (q->kind == SCT_REC_CALL)
		return q->call < sct_ncalls && (!m->opts->filtered || sct_filter_has(m->opts, q->call));
	return q->kind == SCT_REC_EXIT || q->kind == SCT_REC_SIGNAL || q->kind == SCT_REC_SIGINFO;
}

/* Does a line of another task begin in the batch after record i and before r ends? */
static int overlapped(const struct sct_merge *m, const struct sct_drain *d, size_t i,
		      const struct sct_rec *r)
{
	int tid = r->tid ? r->tid : r->pid;

	if (r->t1 <= r->t0)
		return 0;
	for (size_t j = i + 1; j < d->n && d->ents[j].t0 < r->t1; j++) {
		const struct sct_rec *q = sct_batch_rec(d, j);
		if ((q->tid ? q->tid : q->pid) != tid && prints(m, q))
			return 1;
	}
	return 0;
}

/* The kept record whose call ends first, with t1 <= until; NULL if none. */
static struct sct_pend_ent *first_ended(struct sct_pend *p, uint64_t until, int tid)
{
	struct sct_pend_ent *best = NULL;

	for (size_t i = 0; i < p->n; i++) {
		struct sct_pend_ent *e = &p->e[i];
		if (e->rec && (e->t1 <= until || e->tid == tid) && (!best || e->t1 < best->t1))
			best = e;
	}
	return best;
}

static void finish(struct sct_merge *m, struct sct_pend_ent *e, unsigned live)
{
	const struct sct_rec *r = e->rec;
	int shown = e->shown;

	drop(&m->pend, e);
	if (!shown || !print_resumed(m, r, live))
		sct_merge_emit(m, r, live);
}

static void process_ends(struct sct_merge *m, const struct sct_drain *d, int pid, int tid,
			 unsigned live);

int sct_pend_rec(struct sct_merge *m, const struct sct_drain *d, size_t i, unsigned live)
{
	struct sct_pend *p = &m->pend;
	const struct sct_rec *r = sct_batch_rec(d, i);
	int tid = r->tid ? r->tid : r->pid;
	struct sct_pend_ent *e;

	if (!p->on)
		return 0;
	/* Most records: a call, nothing kept or in flight, no exit_group before it, and
	 * no other task's line inside it: printed whole (what follows does the same,
	 * with more work). */
	if (!p->n && !p->exit_group_tid && r->kind == SCT_REC_CALL && r->call < sct_ncalls &&
	    r->call != SCT_CALL_exit_group && !overlapped(m, d, i, r))
		return 0;
	/* calls kept from this batch that ended before r began (and r's task's own) */
	while ((e = first_ended(p, r->t0, tid)) != NULL)
		finish(m, e, live);
	/* a process's end: its other threads end in their calls first (a thread's
	 * own end is an EXIT record after an exit line, a process's after exit_group) */
	if ((r->kind == SCT_REC_EXIT && p->exit_group_tid == tid) || r->kind == SCT_REC_SIGNAL)
		process_ends(m, d, r->pid, tid, live);
	if (r->kind == SCT_REC_CALL || r->kind == SCT_REC_EXIT)
		p->exit_group_tid = r->kind == SCT_REC_CALL && r->call == SCT_CALL_exit_group ? tid : 0;
	/* other tasks' calls that began before r and are not shown yet: in their order */
	for (;;) {
		struct sct_pend_ent *first = NULL;
		for (size_t k = 0; k < p->n; k++) {
			e = &p->e[k];
			if (!e->shown && e->tid != tid && e->t0 < r->t0 && (!first || e->t0 < first->t0))
				first = e;
		}
		if (!first)
			break;
		print_unfinished(m, first, live);
	}
	if (r->kind != SCT_REC_CALL || r->call >= sct_ncalls)
		return 0;
	e = find(p, tid);
	if (e && e->t0 > r->t0)		/* r came before the call in flight */
		e = NULL;
	else if (e && e->t0 < r->t0) {	/* a call whose record never came (dropped) */
		drop(p, e);
		e = NULL;
	}
	if (overlapped(m, d, i, r)) {
		if (!e && !(e = add(p)))
			return 0;
		e->pid = r->pid;
		e->tid = tid;
		e->call = r->call;
		e->t0 = r->t0;
		e->t1 = r->t1;
		e->rec = r;
		return 1;
	}
	if (!e)
		return 0;
	if (e->shown) {
		drop(p, e);
		if (print_resumed(m, r, live))
			return 1;
		return 0;
	}
	drop(p, e);
	return 0;
}

void sct_pend_batch_end(struct sct_merge *m, unsigned live)
{
	struct sct_pend_ent *e;

	while ((e = first_ended(&m->pend, UINT64_MAX, 0)) != NULL)
		finish(m, e, live);
}

/* ---- tasks that die in a call ---------------------------------------------------------- */

/* "read(3,  <unfinished ...>) = ?" (or "<... read resumed> <unfinished ...>) = ?"
 * after its first part) for the call `now` of ring r, whose task is gone. */
static void print_pending(struct sct_merge *m, const struct sct_rring *r, const struct sct_pend_ent *now,
			  unsigned live)
{
	struct sct_pend_ent *e = find(&m->pend, r->tid);
	const struct sct_call *c = &sct_calls[now->call];
	struct sct_fmt_opts f = m->fmt;
	struct sct_rec rec;
	struct sct_out *o;
	size_t n;

	if (e && e->dead && e->t0 == now->t0)
		return;		/* said when its process ended */
	f.prefix = sct_prefix_mode(m->opts, live);
	memset(&rec, 0, sizeof(rec));
	rec.size = sizeof(rec);
	rec.kind = SCT_REC_CALL;
	rec.call = (uint16_t)now->call;
	rec.pid = r->pid;
	rec.tid = r->tid;
	rec.t0 = rec.t1 = now->t0;
	memcpy(rec.arg, now->arg, sizeof(rec.arg));
	if (e && e->shown && e->t0 == now->t0) {
		char head[256];

		if (!(n = line_head(&rec, &f, now->t0, head, sizeof(head))))
			return;
		o = sct_merge_out(m, r->tid, live);
		sct_out_write(o, head, n);
		sct_out_puts(o, "<... ");
		sct_out_puts(o, c->name);
		sct_out_puts(o, " resumed>");
		n += 5 + strlen(c->name) + 9;
	} else {
		if (!(n = entry_part(&rec, &f, now->t0)))
			return;
		o = sct_merge_out(m, r->tid, live);
		sct_out_write(o, part_buf, n);
	}
	if (m->detach_all) {	/* strace, detaching from a task in a call */
		sct_out_puts(o, " <detached ...>\n");
		goto said;
	}
	/* strace: " <unfinished ...>" when the call had more to print on return */
	if (sct_entry_args(c) < c->nargs) {
		sct_out_puts(o, " <unfinished ...>");
		n += 17;
	}
	sct_out_putc(o, ')');
	pad_to(o, n + 1, m->fmt.acolumn);
	sct_out_puts(o, " = ?\n");
said:
	if (!e && !(e = add(&m->pend)))
		return;
	*e = *now;
	e->dead = 1;
	e->shown = 1;	/* nothing more of it */
}

/* Process pid ends (its "+++ exited" line is next): its other threads die in the
 * calls they are in, and strace prints those lines first. */
static void process_ends(struct sct_merge *m, const struct sct_drain *d, int pid, int tid,
			 unsigned live)
{
	for (const struct sct_rring *r = d->rings; r; r = r->next) {
		struct sct_pend_ent now;

		if (r->pid == pid && r->tid != tid && ring_readable(d, r) && read_slot(m, d, r, &now))
			print_pending(m, r, &now, live);
	}
}

void sct_pend_retire(struct sct_merge *m, const struct sct_drain *d)
{
	if (m->opts->count)
		return;
	for (const struct sct_rring *r = d->rings; r; r = r->next) {
		struct sct_pend_ent now, *e;

		if (!r->retire || r->bad || r->superseded || r->truncated || !r->mask ||
		    (d->only_tid && r->tid != d->only_tid) ||
		    __atomic_load_n(&r->hdr->state, __ATOMIC_ACQUIRE) != SCT_RING_ACTIVE ||
		    !read_slot(m, d, r, &now))
			continue;
		print_pending(m, r, &now, m->opts->follow || m->attached > 1 ? 2 : 1);
		if ((e = find(&m->pend, r->tid)) != NULL)
			drop(&m->pend, e);	/* the ring goes: its tid may come again */
	}
}
