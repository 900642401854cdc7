/* Draining the rings of a session directory.  The runner is the only consumer of
 * every ring: it owns `tail` and `waiting`'s reset; the traced thread owns `head`.
 * Records are copied out before `tail` moves, so the writer may reuse the space as
 * soon as the release store of `tail` is visible.
 *
 * A ring is the traced program's memory: a bug or a hostile program can write
 * anything there, at any moment, also while we read.  So every field is read once
 * and checked against the ring's bounds before use; a record is checked in our copy
 * (the original may change under us), and anything out of bounds makes the ring
 * corrupt: reported once ("sctrace: pid N: ring corrupt: WHAT"), never read again,
 * and its writer released (`abandoned`: it drops and counts instead of waiting).
 * Even the file may shrink under the mapping: the SIGBUS that follows is caught and
 * the mapping replaced by zeros, which read as a corrupt ring. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <inttypes.h>
#include <linux/futex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "calls.h"
#include "drain.h"
#include "drain_int.h"
#include "calibrate.h"
#include "ringcheck.h"
#include "pidns.h"
#include "session.h"


static int grow(void **p, size_t *cap, size_t need, size_t elt)
{
	size_t n = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	q = realloc(*p, n * elt);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

static void wake_writer(struct sct_ring *h)
{
	/* Pairs with the writer's "set waiting, then re-check tail": one of the two sides
	 * sees the other's store (Dekker), hence the full fence after our tail store. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&h->waiting, __ATOMIC_ACQUIRE)) {
		__atomic_store_n(&h->waiting, 0, __ATOMIC_RELEASE);
		/* shared futex: the writer is in another process */
		syscall(SYS_futex, &h->waiting, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
	}
}

const struct sct_clock *sct_drain_clock(const struct sct_drain *d, const struct sct_rring *r)
{
	if (!r->runner_clock)
		return &r->clock;
	sct_calib_finish(d->calib);
	return &d->calib->clock;
}

/* The runner's memory must not grow with the rings (a process can have hundreds, each
 * 1 MiB): once the rings mapped hold more than KEEP_BYTES, the pages of a ring it has
 * read are given back as it goes, in chunks of DROP_CHUNK (a shared mapping of the
 * file: the data stays in the file, and the next lap maps the pages again, which
 * costs page faults: not worth it for a ring or two), and a round copies at most
 * SCT_DRAIN_ROUND_BYTES (runner/round.c).
 * Here: unmap our view of the pages of r's data in [r->dropped, tail), whole chunks
 * only, before the new tail is published (until then the writer cannot write there). */
static void drop_read_pages(const struct sct_drain *d, struct sct_rring *r, uint64_t tail)
{
	uint64_t cap = (uint64_t)r->mask + 1, from = r->dropped, to = tail & ~(uint64_t)(DROP_CHUNK - 1);

	if (d->mapped <= KEEP_BYTES || cap < 2 * DROP_CHUNK || ((uintptr_t)r->data & 4095)) {
		r->dropped = to;
		return;		/* a small ring costs little; never a partial page */
	}
	if (to - from > cap)	/* a whole lap or more: every chunk once */
		from = to - cap;
	while (from < to) {
		uint64_t off = from & r->mask, n = to - from;

		if (n > cap - off)	/* up to the end of the data area, then from its start */
			n = cap - off;
		madvise((void *)(r->data + off), (size_t)n, MADV_DONTNEED);
		from += n;
	}
	r->dropped = to;
}

/* Copy what ring r has committed, up to `limit` bytes (at least one record) and up to
 * the first record that began after `cut` (ns); returns bytes consumed. */
static size_t collect_ring(struct sct_drain *d, struct sct_rring *r, uint64_t cut, uint64_t limit)
{
	struct sct_ring *h = r->hdr;
	uint64_t head, tail = r->tail, start = tail;
	uint64_t cap = (uint64_t)r->mask + 1;
	const struct sct_clock *clk = NULL;

	if (r->truncated)
		sct_drain_corrupt(d, r, "its file was truncated");
	if (r->bad) {
		sct_drain_release(r);
		wake_writer(h);
		return 0;
	}
	__atomic_add_fetch(&h->reader_seq, 1, __ATOMIC_RELAXED);	/* we are alive */
	if (!r->mask) {
		wake_writer(h);
		return 0;
	}
	head = __atomic_load_n(&h->head, __ATOMIC_ACQUIRE);
	if (head < tail || head - tail > cap || (head & 7)) {
		if (head < tail)
			sct_drain_corrupt(d, r, "head %" PRIu64 " behind tail %" PRIu64, head, tail);
		else
			sct_drain_corrupt(d, r, "head %" PRIu64 " with tail %" PRIu64 " in %" PRIu64 " bytes",
				head, tail, cap);
		wake_writer(h);
		return 0;
	}
	if (d->only_tid && r->tid != d->only_tid) {
		/* not traced (strace without -f sees the main thread only): just make room */
		r->tail = head;
		__atomic_store_n(&h->tail, head, __ATOMIC_RELEASE);
		wake_writer(h);
		return (size_t)(head - start);
	}
	if (tail < head)
		clk = sct_drain_clock(d, r);
	while (tail < head) {
		uint32_t off = (uint32_t)tail & r->mask;
		const struct sct_rec *src = (const struct sct_rec *)(r->data + off);
		/* the writer's core has these lines: ask for the next ones early */
		__builtin_prefetch(r->data + ((off + 2048) & r->mask));
		__builtin_prefetch(r->data + ((off + 2048 + 64) & r->mask));
		/* one read of each field the copy is sized and routed by */
		uint32_t size = __atomic_load_n(&src->size, __ATOMIC_RELAXED);
		uint8_t kind = __atomic_load_n(&src->kind, __ATOMIC_RELAXED);
		struct sct_rec *dst;
		const char *why;
		uint64_t val;

		if (size < 8 || (size & 7) || size > head - tail || size > cap - off ||
		    (kind == SCT_REC_PAD && size != cap - off)) {
			/* a writer bug or a scribble: never guess where the next record is */
			sct_drain_corrupt(d, r, "record size %" PRIu32 " at %" PRIu64, size, tail);
			break;
		}
		if (kind != SCT_REC_PAD) {
			if (tail - start + size > limit && tail > start)
				break;	/* this round's share of the ring is taken */
			if (grow((void **)&d->arena, &d->acap, d->alen + size, 1) < 0 ||
			    grow((void **)&d->ents, &d->ecap, d->n + 1, sizeof(*d->ents)) < 0)
				break;	/* out of memory: leave the rest for the next pass */
			dst = (struct sct_rec *)(d->arena + d->alen);
			if (size == sizeof(*dst))	/* no blobs (most records): a copy of known size, inline */
				memcpy(dst, src, sizeof(*dst));
			else
				memcpy(dst, src, size);
			/* from here on only the copy, which the program cannot change */
			dst->size = size;
			dst->kind = kind;
			if (r->own_pid)		/* another pid namespace: the runner's numbers */
				sct_pidns_rec(r->own_pid, r->own_tid, r->pid, r->tid, dst);
			if ((why = sct_bad_record(r, dst, size, &val))) {
				sct_drain_corrupt(d, r, "%s %" PRIu64 " at %" PRIu64, why, val, tail);
				break;
			}
			dst->t0 = sct_ticks_ns(clk, dst->t0);
			if (dst->t0 > cut)
				break;	/* after the round's cut: next round */
			dst->t1 = sct_ticks_ns(clk, dst->t1);
			if (dst->t0 && dst->t0 < r->first_ns)
				r->first_ns = dst->t0;
			/* a call that never returned (exit_group) may carry no t1 */
			if (dst->t0 > r->last_ns)
				r->last_ns = dst->t0;
			if (dst->t1 > r->last_ns)
				r->last_ns = dst->t1;
			if (dst->kind == SCT_REC_EXIT || dst->kind == SCT_REC_SIGNAL)
				r->ended = 1;	/* the task stops counting for the pid prefix */
			d->ents[d->n] = (struct sct_bent){ d->alen, dst->t0, d->seq++, r };
			d->n++;
			d->alen += size;
		}
		tail += size;
	}
	if (r->truncated) {
		sct_drain_corrupt(d, r, "its file was truncated");
		return 0;
	}
	/* a corrupt ring keeps the records before the corrupt one (each checked in its
	 * copy); the shared tail no longer matters: its writer drops from now on */
	drop_read_pages(d, r, tail);
	r->tail = tail;
	__atomic_store_n(&h->tail, tail, __ATOMIC_RELEASE);
	/* A writer waiting for room is woken once half its ring is free, not after every
	 * round's share of it: it then writes half a ring before it waits again (a wake is
	 * a system call here and a context switch there).  What it has left is taken by
	 * the rounds that follow at once; its wait's 1 ms timeout covers the rest. */
	if (head - tail <= cap / 2 || r->bad)
		wake_writer(h);
	return (size_t)(tail - start);
}

size_t sct_drain_collect(struct sct_drain *d)
{
	size_t bytes = 0, nruns;
	uint64_t cut = sct_drain_round_cut(d);

	if (grow((void **)&d->runs, &d->rcap, d->nrings, sizeof(*d->runs)) < 0)
		d->rcap = 0;	/* no room for the runs: one ring this round, sorted */
	for (;;) {
		d->alen = 0;
		d->n = 0;
		nruns = 0;
		for (struct sct_rring *r = d->rings; r; r = r->next) {
			size_t first = d->n;

			bytes += collect_ring(d, r, cut, r->limit);
			if (d->n == first)
				continue;
			if (nruns == d->rcap)
				break;	/* out of memory: the rest next round */
			d->runs[nruns++] = (struct sct_run){ first, d->n };
		}
		/* a cut that took nothing (times the program wrote out of order): this round
		 * takes each ring's share, whatever the times */
		if (d->n || cut == UINT64_MAX)
			break;
		cut = UINT64_MAX;
	}
	sct_drain_order(d, nruns && grow((void **)&d->merged, &d->mcap, d->n,
					       sizeof(*d->merged)) == 0 ? nruns : 0);
	return bytes;
}

unsigned sct_drain_mark(struct sct_drain *d, int (*alive)(int pid, int tid))
{
	unsigned n = 0;

	for (struct sct_rring *r = d->rings; r; r = r->next) {
		struct sct_ring *h = r->hdr;
		int done;

		if (r->retire) {
			n++;
			continue;
		}
		/* A corrupt ring is read no more: it ends with its thread, or at once when
		 * its pid is none of ours.  Otherwise state before head: a CLOSED ring's
		 * last commit is visible once CLOSED is. */
		if (r->bad)
			done = r->foreign || r->superseded || (alive && !alive(r->pid, r->tid));
		else
			done = __atomic_load_n(&h->state, __ATOMIC_ACQUIRE) == SCT_RING_CLOSED ||
			       r->superseded || (alive && !alive(r->pid, r->tid));
		if (!done)
			continue;
		/* (a counting ring has no records: whatever its head says) */
		if (!r->bad && r->mask && __atomic_load_n(&h->head, __ATOMIC_ACQUIRE) != r->tail)
			continue;
		r->ended = 1;
		r->retire = 1;
		n++;
	}
	return n;
}

unsigned sct_drain_retire(struct sct_drain *d)
{
	struct sct_rring **pp = &d->rings, *r;
	unsigned n = 0;

	while ((r = *pp) != NULL) {
		struct stat st;

		if (!r->retire) {
			pp = &r->next;
			continue;
		}
		/* a corrupt ring's drops are still said (its writer drops from the
		 * report on), its counters are not: nothing else of it is believed */
		if (d->totals && (!d->only_tid || r->tid == d->only_tid)) {
			uint64_t lost = __atomic_load_n(&r->hdr->lost, __ATOMIC_RELAXED);

			if (d->count_mode && !r->bad)
				sct_totals_add_counts(d->totals, r->counts, r->ncalls,
						      sct_drain_clock(d, r));
			if (lost > SCT_LOST_MAX)
				sct_drain_corrupt(d, r, "lost counter %" PRIu64, lost);
			else
				sct_totals_add_lost(d->totals, r->pid, lost);
		}
		/* normally unlinked when mapped; the name may be a newer ring by now */
		if (fstatat(d->dirfd, r->name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    st.st_dev == r->dev && st.st_ino == r->ino)
			unlinkat(d->dirfd, r->name, 0);
		*pp = r->next;
		d->mapped -= r->map_size;
		sct_drain_unmap(r);
		d->nrings--;
		n++;
	}
	return n;
}
