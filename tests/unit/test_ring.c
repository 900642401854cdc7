/* preload/ring.c: the writer side of a ring, read back here the way the runner does. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include "preload/ring.h"

#define DATA 4096u

static struct sct_wring w;
static void *mem;

static void setup(void)
{
	struct sct_clock clk = { 0, 0, 1, 0 };

	mem = aligned_alloc(4096, SCT_DATA_OFFSET + DATA);
	memset(mem, 0, SCT_DATA_OFFSET + DATA);
	sct_ring_format(&w, mem, DATA, 10, 11, &clk, 5, 777);
}

static void teardown(void)
{
	free(mem);
}

/* One record carrying `seq` in arg[0], `size` bytes long (at least a header). */
static int put(uint64_t seq, uint32_t size)
{
	cr_assert_geq(size, sizeof(struct sct_rec));
	struct sct_rec *r = sct_ring_reserve(&w, size);

	if (!r)
		return 0;
	memset(r, 0, sizeof(*r));
	r->size = sct_align8(size);
	r->kind = SCT_REC_CALL;
	r->arg[0] = seq;
	sct_ring_commit(&w);
	return 1;
}

/* Consume everything committed; sequence numbers go to out[], returns how many. */
static int drain(uint64_t *out, int max)
{
	uint64_t tail = w.hdr->tail, head = __atomic_load_n(&w.hdr->head, __ATOMIC_ACQUIRE);
	int n = 0;

	while (tail < head) {
		const struct sct_rec *r = (const void *)(w.data + (tail & w.mask));
		cr_assert_geq(r->size, 8);
		cr_assert_leq((tail & w.mask) + r->size, DATA, "a record crosses the end");
		if (r->kind != SCT_REC_PAD && n < max)
			out[n++] = r->arg[0];
		tail += r->size;
	}
	cr_assert_eq(tail, head);
	__atomic_store_n(&w.hdr->tail, tail, __ATOMIC_RELEASE);
	return n;
}

TestSuite(ring, .init = setup, .fini = teardown);

Test(ring, header)
{
	cr_assert_eq(w.hdr->magic, SCT_RING_MAGIC);
	cr_assert_eq(w.hdr->pid, 10);
	cr_assert_eq(w.hdr->tid, 11);
	cr_assert_eq(w.hdr->data_size, DATA);
	cr_assert_eq(w.hdr->state, SCT_RING_ACTIVE);
	cr_assert_eq(w.hdr->created_ns, 777);
}

Test(ring, full_ring_refuses_then_accepts_after_drain)
{
	uint64_t got[64];
	int n = 0;

	while (put((uint64_t)n, 256))
		n++;
	cr_assert_eq(n, (int)(DATA / 256), "a full ring holds exactly its size");
	cr_assert_eq(sct_ring_used(&w), DATA);
	cr_assert_eq(drain(got, 64), n);
	for (int i = 0; i < n; i++)
		cr_assert_eq(got[i], (uint64_t)i);
	cr_assert(put(99, 256));
}

Test(ring, wrap_around_pads_and_keeps_order)
{
	uint64_t got[8], seq = 0;

	/* 3 x 1200 bytes leave 496 at the end: the 4th record needs a PAD first */
	for (int round = 0; round < 50; round++) {
		for (int i = 0; i < 3; i++)
			cr_assert(put(seq++, 1200));
		uint64_t base = seq - 3;
		cr_assert_eq(drain(got, 8), 3);
		for (int i = 0; i < 3; i++)
			cr_assert_eq(got[i], base + (uint64_t)i);
	}
	cr_assert_gt(w.wpos, 10 * DATA, "wrapped many times");
}

Test(ring, refuses_record_larger_than_half)
{
	cr_assert_null(sct_ring_reserve(&w, DATA / 2 + 8));
	cr_assert_eq(w.depth, 0);
}

/* A signal handler that writes while the interrupted writer holds a reservation: it
 * goes after the outer record and must not publish past it. */
static volatile uint64_t head_seen_in_handler;

static void nested(int sig)
{
	(void)sig;
	put(1000, 96);
	head_seen_in_handler = w.hdr->head;
}

Test(ring, nested_writer_from_signal_handler)
{
	uint64_t got[4];
	struct sct_rec *outer;

	signal(SIGUSR1, nested);
	outer = sct_ring_reserve(&w, 128);
	cr_assert_not_null(outer);
	raise(SIGUSR1);			/* arrives between reserve and commit */
	cr_assert_eq(head_seen_in_handler, 0, "the handler published an incomplete record");
	memset(outer, 0, sizeof(*outer));
	outer->size = 128;
	outer->arg[0] = 1;
	sct_ring_commit(&w);
	cr_assert_eq(w.hdr->head, 128 + 96);
	cr_assert_eq(drain(got, 4), 2);
	cr_assert_eq(got[0], 1);
	cr_assert_eq(got[1], 1000);
}

/* A timer firing every 50 us whose handler writes, against a writing main loop:
 * every record arrives once, intact, and each writer's records in order. */
#define HSEQ (1ull << 40)		/* handler records count from here */
static volatile uint64_t handler_seq = HSEQ;

static volatile uint64_t handler_full;

static void tick(int sig)
{
	(void)sig;
	if (put(handler_seq, sizeof(struct sct_rec)))	/* a handler cannot wait for the reader: count it */
		handler_seq++;
	else
		handler_full++;
}

/* Drain, and check that each writer's records come in its own order. */
static void check_drained(uint64_t *got, uint64_t *main_next, uint64_t *handler_next)
{
	int n = drain(got, DATA / 8);

	for (int i = 0; i < n; i++) {
		uint64_t *next = got[i] >= HSEQ ? handler_next : main_next;
		cr_assert_eq(got[i], *next, "record %llu, expected %llu",
			     (unsigned long long)got[i], (unsigned long long)*next);
		++*next;
	}
}

Test(ring, signal_storm_loses_and_tears_nothing)
{
	struct itimerval it = { { 0, 50 }, { 0, 50 } };
	static uint64_t got[DATA / 8];
	uint64_t main_next = 0, handler_next = HSEQ;

	signal(SIGALRM, tick);
	setitimer(ITIMER_REAL, &it, NULL);
	for (uint64_t seq = 0; seq < 200000; seq++) {
		while (!put(seq, (uint32_t)sizeof(struct sct_rec) + (uint32_t)(seq % 5) * 8))
			check_drained(got, &main_next, &handler_next);
	}
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	check_drained(got, &main_next, &handler_next);
	cr_assert_eq(main_next, 200000);
	cr_assert_eq(handler_next, handler_seq, "handler records lost");
	cr_assert_gt(handler_seq - (HSEQ), 10, "the timer never fired");
}

/* The bell rings on the commit that takes the ring past half full, once, and not
 * again until the reader has made room (format/record.h: the reader sleeps). */
static int bells;

static void count_bell(struct sct_ring *h)
{
	cr_assert_eq(h, w.hdr);
	bells++;
}

Test(ring, bell_when_half_full)
{
	uint64_t seq[64];
	int n = 0;

	w.bell = count_bell;
	bells = 0;
	/* 256-byte records: the 8th fills half of 4096, the 9th goes past */
	while (sct_ring_used(&w) + 256 <= DATA / 2)
		cr_assert(put((uint64_t)n++, 256));
	cr_assert_eq(bells, 0, "up to half full: no bell");
	cr_assert(put((uint64_t)n++, 256));
	cr_assert_eq(bells, 1, "past half: the bell");
	cr_assert(put((uint64_t)n++, 256));
	cr_assert_eq(bells, 1, "once per crossing");
	drain(seq, 64);
	while (sct_ring_used(&w) + 256 <= DATA / 2)
		cr_assert(put((uint64_t)n++, 256));
	cr_assert(put((uint64_t)n++, 256));
	cr_assert_eq(bells, 2, "after the reader made room, the next crossing rings");
}
