/* Per-thread ring writer: see ring.h for the signal-safety argument. */
#include <string.h>
#include "ring.h"

/* cmpxchg without the lock prefix: atomic against a signal handler on this thread
 * (an instruction is never split by a signal) at a third of the cost of a locked one,
 * which no other CPU needs here because no other CPU writes these words. */
static inline int cas_local(uint64_t *p, uint64_t old, uint64_t new)
{
	uint64_t prev;

	__asm__ __volatile__("cmpxchgq %2, %1"
			     : "=a"(prev), "+m"(*p)
			     : "r"(new), "0"(old)
			     : "memory", "cc");
	return prev == old;
}

void sct_ring_format(struct sct_wring *w, void *base, uint32_t data_size, int pid, int tid,
		     const struct sct_clock *clk, uint32_t ncalls)
{
	struct sct_ring *h = base;

	h->magic = SCT_RING_MAGIC;
	h->version = SCT_RING_VERSION;
	h->pid = pid;
	h->tid = tid;
	h->data_size = data_size;
	h->ncalls = ncalls;
	h->clock = *clk;
	h->head = h->tail = 0;
	h->lost = 0;
	h->waiting = 0;
	w->hdr = h;
	w->counts = (struct sct_count *)((char *)base + SCT_RING_HDR);
	w->data = (unsigned char *)base + SCT_DATA_OFFSET;
	w->mask = data_size ? data_size - 1 : 0;
	w->depth = 0;
	w->wpos = 0;
	__atomic_store_n(&h->state, SCT_RING_ACTIVE, __ATOMIC_RELEASE);
}

struct sct_rec *sct_ring_reserve(struct sct_wring *w, uint32_t size)
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
		if (cas_local(&w->wpos, pos, end))
			break;
	}
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
static void sct_ring_publish(struct sct_wring *w)
{
	for (;;) {
		uint64_t to = w->wpos, cur = w->hdr->head;
		if (cur >= to)
			return;
		__atomic_thread_fence(__ATOMIC_RELEASE);
		if (cas_local(&w->hdr->head, cur, to))
			return;
	}
}

void sct_ring_commit(struct sct_wring *w)
{
	__asm__ __volatile__("" ::: "memory");
	if (--w->depth == 0)
		sct_ring_publish(w);
}
