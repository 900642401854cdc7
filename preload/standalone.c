/* Standalone mode: see standalone.h.  Each thread's ring is followed in its private
 * mapping by a text buffer and a list link; the list lets the exiting thread print
 * the rings of threads that are still running (their last records, at least). */
#include "wrap.h"
#include "format.h"
#include "raw.h"
#include "standalone.h"

struct sct_thread_link {
	struct sct_thread_link *next;
	/* A copy of the thread's ring pointers (hdr, data, counts, mask never change):
	 * the thread's own struct is in its TLS, gone with it once it has exited and
	 * glibc has unmapped its stack (beyond its 40 MiB cache of stacks). */
	struct sct_wring ring_copy;
	struct sct_wring *ring;
	char *text;
};

static struct sct_thread_link *threads;
static unsigned nthreads;

void sct_standalone_add(struct sct_thread *t)
{
	struct sct_thread_link *l = (void *)((char *)t->map + t->maplen - SCT_TEXT_BUF);

	l->ring_copy = t->ring;
	l->ring = &l->ring_copy;
	l->text = (char *)(l + 1);
	l->next = __atomic_load_n(&threads, __ATOMIC_ACQUIRE);
	while (!__atomic_compare_exchange_n(&threads, &l->next, l, 0, __ATOMIC_ACQ_REL,
					    __ATOMIC_ACQUIRE))
		;
	__atomic_fetch_add(&nthreads, 1, __ATOMIC_RELAXED);
	t->link = l;
}

void sct_standalone_forget(void)
{
	threads = NULL;
	nthreads = 0;
}

static void opts(struct sct_fmt_opts *f)
{
	sct_fmt_defaults(f);
	f->strsize = sct_cfg.strsize;
	/* SCTRACE_FDPATH=1 is -y, 3 is -yy (format/session.h) */
	f->decode_fds = sct_cfg.fdpath & 2 ? SCT_DECODE_FD_ALL : sct_cfg.fdpath ? SCT_DECODE_FD_PATH : 0;
	f->prefix = __atomic_load_n(&nthreads, __ATOMIC_RELAXED) > 1;
}

/* Print the committed records of one ring; returns the bytes consumed. */
static long print_ring(struct sct_thread_link *l)
{
	struct sct_wring *w = l->ring;
	struct sct_ring *h = w->hdr;
	uint64_t tail = h->tail, head = __atomic_load_n(&h->head, __ATOMIC_ACQUIRE);
	struct sct_fmt_opts f;
	struct sct_out o;
	long freed = (long)(head - tail);

	if (sct_cfg.mode == SCT_MODE_COUNT || head == tail)
		return 0;
	sct_clock_calibrate(&h->clock);
	opts(&f);
	sct_out_init(&o, l->text, SCT_TEXT_BUF - sizeof(*l), sct_cfg.out_fd);
	while (tail < head) {
		struct sct_rec *r = (struct sct_rec *)(w->data + (tail & w->mask));
		tail += r->size;
		if (r->kind == SCT_REC_PAD)
			continue;
		r->t0 = sct_ticks_ns(&h->clock, r->t0);
		r->t1 = sct_ticks_ns(&h->clock, r->t1);
		sct_format_record(&o, r, &f);
	}
	sct_out_flush(&o);
	__atomic_store_n(&h->tail, tail, __ATOMIC_RELEASE);
	return freed;
}

long sct_standalone_flush(struct sct_thread *t)
{
	return t->link ? print_ring(t->link) : 0;
}

static void print_counts(void)
{
	static struct sct_count sum[SCT_MAX_CALLS];
	char buf[4096];
	struct sct_out o;

	for (struct sct_thread_link *l = threads; l; l = l->next) {
		sct_clock_calibrate(&l->ring->hdr->clock);
		for (unsigned i = 0; i < SCT_NCALLS; i++) {
			const struct sct_count *c = &l->ring->counts[i];
			sum[i].calls += c->calls;
			sum[i].errors += c->errors;
			sum[i].ticks += sct_ticks_dur(&l->ring->hdr->clock, c->ticks);
		}
	}
	sct_out_init(&o, buf, sizeof(buf), sct_cfg.out_fd);
	sct_format_summary(&o, sum, SCT_NCALLS);
	sct_out_flush(&o);
}

void sct_standalone_exit(void)
{
	if (sct_cfg.mode == SCT_MODE_COUNT) {
		print_counts();
		return;
	}
	for (struct sct_thread_link *l = threads; l; l = l->next)
		print_ring(l);
}
