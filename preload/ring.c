/* Per-thread ring writer: see ring.h for the signal-safety argument. */
#include <string.h>
#include "ring.h"

void sct_ring_format(struct sct_wring *w, void *base, uint32_t data_size, int pid, int tid,
		     const struct sct_clock *clk, uint32_t ncalls, uint64_t created_ns)
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
	h->created_ns = created_ns;
	h->waiting = 0;
	h->abandoned = h->orphan = 0;	/* nobody reads it yet (a spare may be reused) */
	h->reader_pid = 0;
	h->reader_seq = h->reader_start = 0;
	h->reader_sleeps = 0;
	w->hdr = h;
	w->counts = (struct sct_count *)((char *)base + SCT_RING_HDR);
	w->data = (unsigned char *)base + SCT_DATA_OFFSET;
	w->mask = data_size ? data_size - 1 : 0;
	w->depth = 0;
	w->wpos = 0;
	w->bell = NULL;
	__atomic_store_n(&h->state, SCT_RING_ACTIVE, __ATOMIC_RELEASE);
}
