/* How much one round of sct_drain_collect (runner/drain.c) takes, when the rings hold
 * more than SCT_DRAIN_ROUND_BYTES: the runner's memory does not grow with the number
 * of rings, and no round prints one thread's later records before another's earlier
 * ones. */
#include <stdint.h>
#include "drain.h"

/* What ring r holds for this round (0 when it is not read), from its shared head. */
static uint64_t pending(const struct sct_drain *d, const struct sct_rring *r)
{
	uint64_t head;

	if (r->bad || r->truncated || !r->mask || (d->only_tid && r->tid != d->only_tid))
		return 0;
	head = __atomic_load_n(&r->hdr->head, __ATOMIC_ACQUIRE);
	return head > r->tail && head - r->tail <= (uint64_t)r->mask + 1 ? head - r->tail : 0;
}

/* The time (ns) of the first record of r that ends past `share` bytes, never the first
 * record; UINT64_MAX when r holds no more, or when a size is out of bounds (the copy
 * will say so).  Read in the shared ring: a time the program changes only moves the cut. */
static uint64_t time_past(const struct sct_drain *d, const struct sct_rring *r, uint64_t avail,
			  uint64_t share)
{
	uint64_t cap = (uint64_t)r->mask + 1, pos = 0;
	int first = 1;

	while (pos < avail) {
		uint32_t off = (uint32_t)(r->tail + pos) & r->mask;
		const struct sct_rec *src = (const struct sct_rec *)(r->data + off);
		uint32_t size;

		/* every line ahead (a record is 88 bytes or more: one line a record
		 * would miss every third), far enough ahead to come from the writer's
		 * core before it is needed */
		__builtin_prefetch(r->data + ((off + 2048) & r->mask));
		__builtin_prefetch(r->data + ((off + 2048 + 64) & r->mask));
		size = __atomic_load_n(&src->size, __ATOMIC_RELAXED);
		uint8_t kind = __atomic_load_n(&src->kind, __ATOMIC_RELAXED);

		if (size < 8 || (size & 7) || size > avail - pos || size > cap - off)
			return UINT64_MAX;
		if (kind != SCT_REC_PAD) {
			uint64_t t0 = __atomic_load_n(&src->t0, __ATOMIC_RELAXED);

			/* (a record without a time cannot say where the round ends) */
			if (!first && pos + size > share && t0)
				return sct_ticks_ns(sct_drain_clock(d, r), t0);
			first = 0;
		}
		pos += size;
	}
	return UINT64_MAX;
}

/* A round copies every committed record when they fit in SCT_DRAIN_ROUND_BYTES.  When they do not
 * (the runner is behind: a full ring in each of many threads), each ring that holds
 * records gets an equal share, and the round ends at the earliest time at which one
 * ring's share ends: whatever any ring holds after that time waits for the next round,
 * so that no round prints one thread's later records before another's earlier ones.
 * Sets each ring's byte limit; returns the cut (UINT64_MAX: none). */
uint64_t sct_drain_round_cut(struct sct_drain *d)
{
	uint64_t total = 0, share, cut = UINT64_MAX;
	unsigned busy = 0;

	for (struct sct_rring *r = d->rings; r; r = r->next) {
		r->avail = pending(d, r);
		r->limit = UINT64_MAX;
		total += r->avail;
		busy += r->avail > 0;
	}
	if (total <= SCT_DRAIN_ROUND_BYTES)
		return UINT64_MAX;
	share = SCT_DRAIN_ROUND_BYTES / busy;
	for (struct sct_rring *r = d->rings; r; r = r->next) {
		uint64_t t;

		if (!r->avail)
			continue;
		r->limit = r->avail < share ? r->avail : share;
		/* (one ring alone has none to keep in step with: its limit is enough) */
		if (busy > 1 && r->avail > share && (t = time_past(d, r, r->avail, share)) < cut)
			cut = t;
	}
	return cut;
}
