/* runner/drain.c: rings written with preload/ring.c's writer (or by hand where a
 * case needs exact bytes) are read back per format/record.h. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "calls.h"
#include "preload/ring.h"
#include "runner/calibrate.h"
#include "runner/drain.h"

static char dir[64];
static struct sct_drain d;
static struct sct_totals tot;

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/sct-drain-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	memset(&tot, 0, sizeof(tot));
}

static void teardown(void)
{
	char cmd[128];

	sct_drain_fini(&d);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

static const struct sct_clock ns_clock = { 0, 0, 1, 0 };

/* A ring file "<pid>.<tid>.ring" laid out by the writer; returns its mapping. */
static uint64_t created;			/* each ring made later than the one before */

static void *make_ring(struct sct_wring *w, int pid, int tid, uint32_t data_size,
		       const struct sct_clock *clk)
{
	char path[128];
	size_t size = SCT_DATA_OFFSET + data_size;
	void *p;
	int fd;

	snprintf(path, sizeof(path), "%s/%d.%d.ring", dir, pid, tid);
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)size), 0);
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	cr_assert_neq(p, MAP_FAILED);
	close(fd);
	memset(p, 0, size);
	if (data_size >= 4096 || data_size == 0) {
		sct_ring_format(w, p, data_size, pid, tid, clk, sct_ncalls, ++created);
	} else {	/* the writer wants >= 4096; lay out a tiny ring by hand */
		struct sct_ring *h = p;
		h->magic = SCT_RING_MAGIC;
		h->version = SCT_RING_VERSION;
		h->pid = pid;
		h->tid = tid;
		h->data_size = data_size;
		h->ncalls = sct_ncalls;
		h->clock = *clk;
		h->state = SCT_RING_ACTIVE;
	}
	return p;
}

/* One call record of `size` bytes (>= header): call, t0, arg[0] = tag. */
static int put(struct sct_wring *w, uint32_t size, uint16_t call, uint64_t t0, uint64_t tag)
{
	struct sct_rec *r = sct_ring_reserve(w, size);

	if (!r)
		return 0;
	memset(r, 0, size);
	r->size = sct_align8(size);
	r->kind = SCT_REC_CALL;
	r->call = call;
	r->pid = w->hdr->pid;
	r->tid = w->hdr->tid;
	r->t0 = t0;
	r->t1 = t0 + 5;
	r->ret = 0;
	r->arg[0] = tag;
	if (size > sizeof(*r)) {	/* one blob over the rest, as the writer's are */
		struct sct_blob *b = (struct sct_blob *)(r + 1);
		memset(r + 1, (int)(tag & 0xff), size - sizeof(*r));
		memset(b, 0, sizeof(*b));
		b->len = (uint32_t)(size - sizeof(*r) - sizeof(*b));
	}
	sct_ring_commit(w);
	return 1;
}

static void unmap_ring(void *p, uint32_t data_size)
{
	munmap(p, SCT_DATA_OFFSET + data_size);
}

TestSuite(drain, .init = setup, .fini = teardown);

Test(drain, records_read_back_in_order)
{
	struct sct_wring w;
	void *p = make_ring(&w, 100, 100, 1u << 16, &ns_clock);

	for (unsigned i = 0; i < 50; i++)
		cr_assert(put(&w, sizeof(struct sct_rec) + 8 * (i % 5), (uint16_t)(i % sct_ncalls), 1000 + i, i));
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), 1);
	cr_assert_eq(sct_drain_scan(&d), 0, "a mapped ring is not mapped twice");
	cr_assert_eq(sct_drain_collect(&d), w.hdr->head);
	cr_assert_eq(d.n, 50);
	for (unsigned i = 0; i < 50; i++) {
		const struct sct_rec *r = sct_batch_rec(&d, i);
		cr_assert_eq(r->arg[0], i);
		cr_assert_eq(r->call, i % sct_ncalls);
		cr_assert_eq(r->t0, 1000 + i);
		cr_assert_eq(r->t1, 1005 + i);
		cr_assert_eq(r->size, sizeof(struct sct_rec) + 8 * (i % 5));
		cr_assert_eq(r->pid, 100);
	}
	cr_assert_eq(w.hdr->tail, w.hdr->head, "tail released up to head");
	cr_assert_eq(sct_drain_collect(&d), 0);
	cr_assert_eq(d.n, 0, "a second pass finds nothing new");
	unmap_ring(p, 1u << 16);
}

Test(drain, wrap_around_skips_pad)
{
	struct sct_wring w;
	const uint32_t ds = 4096, rs = 200;	/* 200 is not a divisor of 4096: forces a PAD */
	void *p = make_ring(&w, 7, 8, ds, &ns_clock);
	uint64_t tag = 0, seen = 0;

	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), 1);
	for (int round = 0; round < 10; round++) {
		unsigned put_n = 0;
		while (put_n < 15 && put(&w, rs, 1, 10 + tag, tag)) {
			tag++;
			put_n++;
		}
		sct_drain_collect(&d);
		cr_assert_eq(d.n, put_n, "round %d", round);
		for (size_t i = 0; i < d.n; i++) {
			const struct sct_rec *r = sct_batch_rec(&d, i);
			const unsigned char *b = (const unsigned char *)(r + 1);
			cr_assert_eq(r->kind, SCT_REC_CALL, "PAD never reaches the batch");
			cr_assert_eq(r->arg[0], seen);
			cr_assert_eq(b[rs - sizeof(*r) - 1], seen & 0xff, "blob bytes intact");
			seen++;
		}
	}
	cr_assert_eq(seen, tag);
	cr_assert_gt(w.hdr->head, 3 * ds, "the data area wrapped several times");
	cr_assert_eq(w.hdr->tail, w.hdr->head);
	unmap_ring(p, ds);
}

/* The smallest PAD (8 bytes at the very end), written by hand. */
Test(drain, eight_byte_pad_at_end)
{
	struct sct_wring w;
	const uint32_t ds = 512;
	unsigned char *p = make_ring(&w, 9, 9, ds, &ns_clock);
	struct sct_ring *h = (struct sct_ring *)p;
	unsigned char *data = p + SCT_DATA_OFFSET;
	struct sct_rec *r;

	/* 504 bytes of records, then an 8-byte PAD, then a record at offset 0 */
	r = (struct sct_rec *)data;
	memset(r, 0, 504);
	r->size = 504;
	r->kind = SCT_REC_CALL;
	r->pid = r->tid = 9;
	r->arg[0] = 1;
	r = (struct sct_rec *)(data + 504);
	r->size = 8;
	r->kind = SCT_REC_PAD;
	__atomic_store_n(&h->head, 512, __ATOMIC_RELEASE);
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	sct_drain_scan(&d);
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(h->tail, 512, "the PAD is consumed too");
	r = (struct sct_rec *)data;
	memset(r, 0, sizeof(*r));
	r->size = sizeof(*r);
	r->kind = SCT_REC_CALL;
	r->pid = r->tid = 9;
	r->arg[0] = 2;
	__atomic_store_n(&h->head, 512 + sizeof(*r), __ATOMIC_RELEASE);
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(sct_batch_rec(&d, 0)->arg[0], 2);
	cr_assert_eq(d.corrupt, 0);
	unmap_ring(p, ds);
}

Test(drain, full_ring_is_emptied_and_writer_woken)
{
	struct sct_wring w;
	const uint32_t ds = 4096;
	void *p = make_ring(&w, 11, 12, ds, &ns_clock);
	unsigned n = 0;

	while (put(&w, 128, 2, n, n))
		n++;
	cr_assert_eq(n, ds / 128, "the writer filled the ring exactly");
	cr_assert_null(sct_ring_reserve(&w, 128), "full");
	w.hdr->waiting = 1;		/* as a writer about to sleep on the futex */
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	sct_drain_scan(&d);
	cr_assert_eq(sct_drain_collect(&d), ds);
	cr_assert_eq(d.n, n);
	cr_assert_eq(sct_batch_rec(&d, n - 1)->arg[0], n - 1);
	cr_assert_eq(w.hdr->waiting, 0, "the reader clears waiting after making room");
	cr_assert(put(&w, 128, 2, 99, 99), "room again");
	unmap_ring(p, ds);
}

Test(drain, clock_conversion)
{
	const struct sct_clock tsc = { .tick_base = 1000, .ns_base = 5000000000ull, .mult = 3, .shift = 1 };
	/* a realistic TSC: 2.5 GHz, ns = ticks * 0.4 */
	const struct sct_clock ghz = { .tick_base = 0, .ns_base = 0, .mult = 1717986918u, .shift = 32 };
	struct sct_wring w;
	void *p;

	cr_assert_eq(sct_ticks_ns(&tsc, 1010), 5000000015ull);
	cr_assert_eq(sct_ticks_ns(&tsc, 990), 4999999985ull, "before the base");
	cr_assert_eq(sct_ticks_dur(&tsc, 10), 15);
	/* an hour of TSC ticks times a 32-bit mult overflows 64 bits: must not wrap */
	cr_assert_eq((sct_ticks_dur(&ghz, 9000000000000ull) + 500000) / 1000000, 3600000ull);

	p = make_ring(&w, 5, 5, 4096, &tsc);
	put(&w, sizeof(struct sct_rec), 0, 1100, 0);	/* t1 = 1105 */
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	sct_drain_scan(&d);
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(sct_batch_rec(&d, 0)->t0, 5000000150ull);
	cr_assert_eq(sct_batch_rec(&d, 0)->t1, 5000000157ull);
	unmap_ring(p, 4096);
}

Test(drain, batch_merges_rings_by_time)
{
	struct sct_wring a, b;
	void *pa = make_ring(&a, 20, 20, 4096, &ns_clock);
	void *pb = make_ring(&b, 20, 21, 4096, &ns_clock);

	put(&a, sizeof(struct sct_rec), 0, 10, 10);
	put(&a, sizeof(struct sct_rec), 0, 30, 30);
	put(&b, sizeof(struct sct_rec), 0, 20, 20);
	put(&b, sizeof(struct sct_rec), 0, 40, 40);
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), 2);
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 4);
	for (unsigned i = 0; i < 4; i++)
		cr_assert_eq(sct_batch_rec(&d, i)->arg[0], 10 * (i + 1));
	cr_assert_eq(sct_batch_rec(&d, 1)->tid, 21);
	unmap_ring(pa, 4096);
	unmap_ring(pb, 4096);
}

Test(drain, counters_summed_on_retire)
{
	const struct sct_clock half = { 0, 0, 1, 1 };	/* ns = ticks / 2 */
	struct sct_wring a, b;
	void *pa = make_ring(&a, 30, 30, 0, &ns_clock);
	void *pb = make_ring(&b, 31, 31, 0, &half);
	char path[128];

	a.counts[1] = (struct sct_count){ .calls = 3, .errors = 1, .ticks = 300 };
	b.counts[1] = (struct sct_count){ .calls = 4, .errors = 0, .ticks = 1000 };
	b.counts[2] = (struct sct_count){ .calls = 1, .errors = 1, .ticks = 10 };
	a.hdr->lost = 2;
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 1), 0);
	cr_assert_eq(sct_drain_scan(&d), 2);
	cr_assert_eq(sct_drain_mark(&d, NULL), 0, "active rings stay");
	__atomic_store_n(&a.hdr->state, SCT_RING_CLOSED, __ATOMIC_RELEASE);
	__atomic_store_n(&b.hdr->state, SCT_RING_CLOSED, __ATOMIC_RELEASE);
	cr_assert_eq(sct_drain_mark(&d, NULL), 2);
	cr_assert_eq(sct_drain_retire(&d), 2);
	cr_assert_eq(d.nrings, 0);
	cr_assert_eq(tot.c[1].calls, 7);
	cr_assert_eq(tot.c[1].errors, 1);
	cr_assert_eq(tot.c[1].ticks, 300 + 500, "each ring's clock converts its own ticks");
	cr_assert_eq(tot.c[2].calls, 1);
	cr_assert_eq(tot.c[2].ticks, 5);
	cr_assert_eq(tot.lost, 2);
	snprintf(path, sizeof(path), "%s/30.30.ring", dir);
	cr_assert_eq(access(path, F_OK), -1, "retired ring files are unlinked");
	unmap_ring(pa, 0);
	unmap_ring(pb, 0);
}

static int dead(int pid, int tid)
{
	(void)pid;
	(void)tid;
	return 0;
}

Test(drain, gone_thread_retires_only_when_drained)
{
	struct sct_wring w;
	void *p = make_ring(&w, 40, 41, 4096, &ns_clock);

	put(&w, sizeof(struct sct_rec), 0, 1, 1);
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	sct_drain_scan(&d);
	cr_assert_eq(sct_drain_mark(&d, dead), 0, "unread records keep the ring");
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(sct_drain_mark(&d, NULL), 0, "still ACTIVE, and nobody said it is gone");
	cr_assert_eq(sct_drain_mark(&d, dead), 1);
	cr_assert_eq(sct_drain_retire(&d), 1);
	unmap_ring(p, 4096);
}

Test(drain, corrupt_record_is_not_followed)
{
	struct sct_wring w;
	void *p = make_ring(&w, 50, 50, 4096, &ns_clock);
	struct sct_rec *r;

	put(&w, sizeof(struct sct_rec), 0, 1, 1);
	r = sct_ring_reserve(&w, sizeof(*r));
	cr_assert_not_null(r);
	memset(r, 0, sizeof(*r));
	r->size = 12;			/* not a multiple of 8 */
	sct_ring_commit(&w);
	put(&w, sizeof(struct sct_rec), 0, 3, 3);
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	sct_drain_scan(&d);
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 1, "only the record before the scribble");
	cr_assert_eq(w.hdr->abandoned, 1, "the writer is not left blocked");
	unmap_ring(p, 4096);
}

Test(drain, ignores_other_and_unformatted_files)
{
	char path[128];
	int fd;

	snprintf(path, sizeof(path), "%s/12.12.ring", dir);
	fd = open(path, O_CREAT | O_RDWR, 0600);	/* created, not yet sized */
	cr_assert_geq(fd, 0);
	close(fd);
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	fd = open(path, O_CREAT | O_RDWR, 0600);
	close(fd);
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), 0);
	snprintf(path, sizeof(path), "%s/12.12.ring", dir);
	cr_assert_eq(access(path, F_OK), 0, "a ring being set up is left alone");
}

/* A ring whose header carries the rough rate the runner handed out is converted with
 * the runner's own clock, fixed at the first conversion (runner/calibrate.h): from the
 * runner's start pair, not the writer's bases, at the rate measured since. */
Test(drain, runner_clock_converts_marked_rings)
{
	struct sct_calib c = { .tsc = 1, .hint_mult = 3u << 30, .hint_shift = 31,
			       .tsc0 = 1000000, .ns0 = 5000000 };
	struct sct_clock hint = { 7, 9, 3u << 30, 31 };	/* 1.5 ns a tick, other bases */
	struct sct_wring w1, w2;
	void *p1 = make_ring(&w1, 70, 70, 4096, &hint);
	void *p2 = make_ring(&w2, 71, 71, 4096, &ns_clock);

	cr_assert(put(&w1, sizeof(struct sct_rec), 0, 1000000 + 2000, 1));
	cr_assert(put(&w2, sizeof(struct sct_rec), 0, 4242, 2));
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	d.calib = &c;
	cr_assert_eq(sct_drain_scan(&d), 2);
	cr_assert_eq(c.done, 0, "mapping a ring converts nothing");
	cr_assert_gt(sct_drain_collect(&d), 0);
	cr_assert_eq(c.done, 1, "the first conversion fixes the rate");
	cr_assert_eq(c.clock.tick_base, 1000000);
	cr_assert_eq(c.clock.ns_base, 5000000);
	cr_assert_eq(d.n, 2);
	for (unsigned i = 0; i < 2; i++) {
		const struct sct_rec *r = sct_batch_rec(&d, i);
		if (r->arg[0] == 2)
			cr_assert_eq(r->t0, 4242, "a ring with its own clock keeps it");
		else	/* the rate measured now, over the real time since ns0: a real one */
			cr_assert_eq(r->t0, sct_ticks_ns(&c.clock, 1000000 + 2000));
	}
	unmap_ring(p1, 4096);
	unmap_ring(p2, 4096);
}

Test(drain, task_alive)
{
	pid_t c;

	cr_assert_eq(sct_task_alive(getpid(), gettid()), 1);
	c = fork();
	if (c == 0)
		_exit(0);
	usleep(50000);
	cr_assert_eq(sct_task_alive(c, c), 0, "a zombie is gone");
	waitpid(c, NULL, 0);
	cr_assert_eq(sct_task_alive(c, c), 0);
}

Test(drain, name_freed_when_mapped_and_exec_supersedes)
{
	struct sct_wring a, b;
	char path[128];
	void *pa, *pb;

	pa = make_ring(&a, 70, 70, 4096, &ns_clock);
	put(&a, sizeof(struct sct_rec), 0, 1, 1);
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), 1);
	snprintf(path, sizeof(path), "%s/70.70.ring", dir);
	cr_assert_eq(access(path, F_OK), -1, "the name is free for the next image");
	cr_assert_eq(sct_drain_mark(&d, NULL), 0, "an active ring of a live thread stays");
	/* the thread exec'd: the new image creates the same name (O_EXCL succeeds) */
	pb = make_ring(&b, 70, 70, 4096, &ns_clock);
	put(&b, sizeof(struct sct_rec), 0, 2, 2);
	cr_assert_eq(sct_drain_scan(&d), 1);
	cr_assert_eq(d.nrings, 2);
	cr_assert_eq(sct_drain_mark(&d, NULL), 0, "the old ring still holds a record");
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 2);
	cr_assert_eq(sct_batch_rec(&d, 0)->arg[0], 1, "the old image's record comes first");
	cr_assert_eq(sct_drain_mark(&d, NULL), 1, "drained and superseded: finished");
	cr_assert_eq(sct_drain_retire(&d), 1);
	cr_assert_eq(d.nrings, 1);
	put(&a, sizeof(struct sct_rec), 0, 3, 3);	/* cannot happen; must not be read */
	put(&b, sizeof(struct sct_rec), 0, 4, 4);
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(sct_batch_rec(&d, 0)->arg[0], 4, "the new ring is the one kept");
	unmap_ring(pa, 4096);
	unmap_ring(pb, 4096);
}

Test(drain, without_follow_other_threads_are_drained_unread)
{
	struct sct_wring a, b;
	void *pa = make_ring(&a, 80, 80, 4096, &ns_clock);
	void *pb = make_ring(&b, 80, 81, 4096, &ns_clock);

	put(&a, sizeof(struct sct_rec), 0, 1, 1);
	put(&b, sizeof(struct sct_rec), 0, 2, 2);
	b.counts[0].calls = 5;
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	d.only_tid = 80;
	sct_drain_scan(&d);
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(sct_batch_rec(&d, 0)->tid, 80);
	cr_assert_eq(b.hdr->tail, b.hdr->head, "the other thread's writer is not left blocked");
	d.count_mode = 1;
	__atomic_store_n(&b.hdr->state, SCT_RING_CLOSED, __ATOMIC_RELEASE);
	cr_assert_eq(sct_drain_mark(&d, NULL), 1);
	sct_drain_retire(&d);
	cr_assert_eq(tot.c[0].calls, 0, "nor counted");
	unmap_ring(pa, 4096);
	unmap_ring(pb, 4096);
}

Test(drain, lost_records_are_kept_per_process)
{
	static struct sct_totals t;

	sct_totals_add_lost(&t, 10, 5);
	sct_totals_add_lost(&t, 11, 0);
	sct_totals_add_lost(&t, 11, 7);
	sct_totals_add_lost(&t, 10, 1);
	cr_assert_eq(t.lost, 13);
	cr_assert_eq(t.nlost_by, 2, "a process that lost nothing is not listed");
	cr_assert_eq(t.lost_by[0].pid, 10);
	cr_assert_eq(t.lost_by[0].lost, 6);
	cr_assert_eq(t.lost_by[1].pid, 11);
	cr_assert_eq(t.lost_by[1].lost, 7);
	for (int pid = 100; pid < 200; pid++)
		sct_totals_add_lost(&t, pid, 1);
	cr_assert_eq(t.nlost_by, 64, "the table is bounded");
	cr_assert_eq(t.lost, 113, "the total still counts every loss");
}

/* An exec'd image may take "<pid>.<tid>.<n>.ring" (the plain name still taken), and
 * the two rings may be found in one scan in either order: the ring created later is
 * the live one, the other is finished once drained. */
Test(drain, newer_ring_by_creation_time_whatever_its_name)
{
	struct sct_wring a, b;
	char from[160], to[160];
	void *pa, *pb;

	pb = make_ring(&b, 80, 80, 4096, &ns_clock);	/* created first: the old image */
	snprintf(from, sizeof(from), "%s/80.80.ring", dir);
	snprintf(to, sizeof(to), "%s/80.80.3.ring", dir);
	cr_assert_eq(rename(from, to), 0);
	pa = make_ring(&a, 80, 80, 4096, &ns_clock);	/* the new image, plain name */
	cr_assert_gt(a.hdr->created_ns, b.hdr->created_ns);
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), 2, "both names are rings");
	cr_assert_eq(sct_drain_mark(&d, NULL), 1, "the older, empty ring is finished");
	cr_assert_eq(sct_drain_retire(&d), 1);
	cr_assert_eq(d.nrings, 1);
	cr_assert_eq(d.rings->created_ns, a.hdr->created_ns, "the newer ring stays");
	unmap_ring(pa, 4096);
	unmap_ring(pb, 4096);
}

/* -C counts from the records as strace -c counts: a call when it returns.  exit and
 * exit_group ("= ?", SCT_RF_NORETURN) are in no row; strace 6.1's table of `cat FILE`
 * has none. */
Test(drain, totals_leave_out_calls_that_never_returned)
{
	static struct sct_totals t;
	struct sct_rec r;

	memset(&r, 0, sizeof(r));
	r.kind = SCT_REC_CALL;
	r.call = 1;
	r.ret = -2;
	sct_totals_add_rec(&t, &r);
	r.flags = SCT_RF_NORETURN;
	r.ret = 0;
	sct_totals_add_rec(&t, &r);
	cr_assert_eq(t.c[1].calls, 1, "the call that never returned is counted");
	cr_assert_eq(t.c[1].errors, 1);
}
