/* Writer side of a per-thread ring (layout and protocol: format/record.h).
 *
 * Threading and signals.  A ring has exactly one writer thread, but that thread can
 * be interrupted by a signal handler that makes traced calls itself, at any
 * instruction, including inside sct_ring_reserve/commit.  Therefore:
 *   - `wpos` (bytes reserved) only moves by a single cmpxchg instruction, so a
 *     handler that reserves in between makes ours retry instead of overlapping;
 *   - `depth` counts reservations not yet committed; only the commit that brings it
 *     back to 0 publishes `head`, because below an interrupted outer writer the
 *     handler's record sits after an incomplete one;
 *   - `head` only moves forward (sct_ring_publish), so an outer writer that was about
 *     to publish an older position cannot move it back after a handler published.
 * No lock prefix is needed for any of this: the only other party is the reader in
 * another process, which never writes `head`; x86-64 aligned 8-byte stores are atomic.
 */
#ifndef SCT_RING_H
#define SCT_RING_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "record.h"

struct sct_wring {
	struct sct_ring *hdr;
	unsigned char *data;
	struct sct_count *counts;
	uint32_t mask;			/* data_size - 1 */
	uint32_t depth;			/* open reservations (nesting by signal handlers) */
	uint64_t wpos;			/* bytes reserved, >= hdr->head */
	/* called when a commit takes the ring past half full: wakes a sleeping reader
	 * (preload/reserve.c); NULL: nobody to wake (standalone, tests) */
	void (*bell)(struct sct_ring *h);
};

/* Lay out a fresh ring in `base` (a mapping of SCT_DATA_OFFSET + data_size bytes,
 * zero-filled) and attach `w` to it.  data_size is 0 or a power of two >= 4096. */
void sct_ring_format(struct sct_wring *w, void *base, uint32_t data_size, int pid, int tid,
		     const struct sct_clock *clk, uint32_t ncalls, uint64_t created_ns);


/* The runner's bell (preload/reserve.c): wake it if h says it sleeps; and the one
 * ring of a new ring, which it has not seen yet. */
void sct_ring_bell(struct sct_ring *h);
void sct_ring_announce(void);

/* cmpxchg without the lock prefix: atomic against a signal handler on this thread
 * (an instruction is never split by a signal) at a third of the cost of a locked one,
 * which no other CPU needs here because no other CPU writes these words. */
static inline int sct_cas_local(uint64_t *p, uint64_t old, uint64_t new)
{
	uint64_t prev;

	__asm__ __volatile__("cmpxchgq %2, %1"
			     : "=a"(prev), "+m"(*p)
			     : "r"(new), "0"(old)
			     : "memory", "cc");
	return prev == old;
}

/* Reserve `size` bytes (rounded up to 8) for one record; NULL when the ring has no
 * room (the caller waits for the reader, flushes, or drops and counts).  The returned
 * record must be completed and passed to sct_ring_commit.  Inline: this and the
 * commit are on every traced call (about 60 instructions saved in calls and spills). */
static inline struct sct_rec *sct_ring_reserve(struct sct_wring *w, uint32_t size)
{
	uint32_t cap = w->mask + 1;
	uint64_t pos, end, tail;
	uint32_t off, pad;

	size = sct_align8(size);
	if (!w->data || size > cap / 2)
		return NULL;
	w->depth++;
	__asm__ __volatile__("" ::: "memory");
	for (;;) {
		pos = w->wpos;
		off = (uint32_t)pos & w->mask;
		pad = cap - off < size ? cap - off : 0;
		end = pos + pad + size;
		tail = __atomic_load_n(&w->hdr->tail, __ATOMIC_ACQUIRE);
		if (end - tail > cap) {
			w->depth--;
			return NULL;
		}
		if (sct_cas_local(&w->wpos, pos, end))
			break;
	}
	/* The reservation that takes the ring past half full rings the bell: two compares
	 * a record, no system call unless the reader said it sleeps (the bell looks,
	 * behind a fence).  Rung before the record is complete: the reader, woken, takes
	 * what is committed, and this record at its next pass. */
	if (__builtin_expect(end - tail > cap / 2, 0) && pos - tail <= cap / 2 && w->bell)
		w->bell(w->hdr);
	if (pad) {
		/* The gap can be as small as 8 bytes: write only the first 8 of a header. */
		struct sct_rec *p = (struct sct_rec *)(w->data + off);
		p->size = pad;
		p->call = 0;
		p->kind = SCT_REC_PAD;
		p->flags = 0;
	}
	return (struct sct_rec *)(w->data + ((pos + pad) & w->mask));
}

/* Move head forward to the current wpos, never backward. */
static inline void sct_ring_publish(struct sct_wring *w)
{
	for (;;) {
		uint64_t to = w->wpos, cur = w->hdr->head;
		if (cur >= to)
			return;
		__atomic_thread_fence(__ATOMIC_RELEASE);
		if (sct_cas_local(&w->hdr->head, cur, to))
			return;
	}
}

static inline void sct_ring_commit(struct sct_wring *w)
{
	__asm__ __volatile__("" ::: "memory");
	if (--w->depth == 0)
		sct_ring_publish(w);
}

/* Bytes the reader has not consumed yet, including open reservations. */
static inline uint64_t sct_ring_used(const struct sct_wring *w)
{
	return w->wpos - __atomic_load_n(&w->hdr->tail, __ATOMIC_ACQUIRE);
}

#endif
