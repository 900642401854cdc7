/* runner/drain.c against hostile rings: every corruption a traced program can write
 * into its ring is reported once ("sctrace: pid N: ring corrupt: ...") and nothing
 * else, the ring is abandoned and its writer released, and nothing is read outside
 * the ring.  Rings are built in memory (sct_drain_attach) or, where the file itself
 * matters, in a session directory.  Run under SANITIZE=address,undefined too. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "calls.h"
#include "decode.h"
#include "preload/ring.h"
#include "runner/drain.h"

#include "hostile_ring.h"

TestSuite(drain_fuzz, .init = setup, .fini = teardown);

Test(drain_fuzz, sound_ring_reports_nothing)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	for (int i = 0; i < 5; i++)
		put(&g, 17, (uint64_t)i);
	cr_assert_eq(g.h->reader_pid, getpid(), "the runner says who reads the ring");
	uint64_t seq = g.h->reader_seq;
	cr_assert_eq(sct_drain_collect(&d), g.h->head);
	cr_assert_eq(d.n, 5);
	cr_assert_gt(g.h->reader_seq, seq, "each pass shows the reader alive");
	cr_assert_not(r->bad);
	cr_assert_str_eq(reports(), "");
}

Test(drain_fuzz, head_moved_backwards)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	put(&g, 8, 1);
	put(&g, 8, 2);
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 2);
	g.h->head = 8;
	cr_assert_eq(sct_drain_collect(&d), 0);
	assert_corrupt(r, &g, "head 8 behind tail 208");
	/* abandoned, it retires when its task is gone (it would not: head != tail) */
	cr_assert_eq(sct_drain_mark(&d, NULL), 0);
	cr_assert_eq(sct_drain_mark(&d, NULL), 0);
}


Test(drain_fuzz, corrupt_ring_retires_when_its_task_is_gone)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	put(&g, 8, 1);
	drain_all();
	g.h->head = 0;
	sct_drain_collect(&d);
	cr_assert(r->bad);
	cr_assert_eq(sct_drain_mark(&d, dead), 1);
	cr_assert_eq(sct_drain_retire(&d), 1);
	cr_assert_eq(d.nrings, 0);
	reports();
}

Test(drain_fuzz, head_far_ahead)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	g.h->head = DS + 8;
	cr_assert_eq(sct_drain_collect(&d), 0);
	assert_corrupt(r, &g, "head 4104 with tail 0 in 4096 bytes");
}

Test(drain_fuzz, head_not_aligned)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	put(&g, 8, 1);
	g.h->head += 3;
	sct_drain_collect(&d);
	assert_corrupt(r, &g, "head 107 with tail 0 in 4096 bytes");
}

Test(drain_fuzz, record_size_zero)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	put(&g, 8, 1);
	put(&g, 8, 2)->size = 0;
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 1, "the record before the corrupt one is kept");
	cr_assert_eq(sct_batch_rec(&d, 0)->arg[0], 1);
	assert_corrupt(r, &g, "record size 0 at 104");
}

Test(drain_fuzz, record_size_not_aligned)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	put(&g, 8, 1)->size = 100;
	sct_drain_collect(&d);
	assert_corrupt(r, &g, "record size 100 at 0");
}

Test(drain_fuzz, record_crossing_the_end)
{
	struct ring g;
	struct sct_rring *r;
	struct sct_rec *rec;

	ring_new(&g, DS);
	/* a ring whose reader stands 96 bytes before the end of the data area */
	g.h->head = g.h->tail = g.w.wpos = DS - 96;
	r = ring_attach(&g);
	rec = (struct sct_rec *)(g.data + DS - 96);
	memset(rec, 0, 96);
	rec->size = 200;		/* 104 bytes past the end */
	rec->kind = SCT_REC_CALL;
	rec->pid = rec->tid = PID;
	g.h->head = DS - 96 + 200;
	sct_drain_collect(&d);
	assert_corrupt(r, &g, "record size 200 at 4000");
}

Test(drain_fuzz, pad_short_of_the_end)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	put(&g, 8, 1)->kind = SCT_REC_PAD;	/* a PAD always reaches the end */
	sct_drain_collect(&d);
	assert_corrupt(r, &g, "record size 104 at 0");
}

Test(drain_fuzz, blob_of_4_gib)
{
	struct ring g;
	struct sct_rring *r;
	struct sct_rec *rec;

	ring_new(&g, DS);
	r = ring_attach(&g);
	rec = put(&g, 32, 1);
	rec->kind = SCT_REC_NOTE;
	((struct sct_blob *)(rec + 1))->arg = SCT_BLOB_ARG_TEXT;
	((struct sct_blob *)(rec + 1))->len = 0xffffffffu;
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 0, "nothing of it is printed");
	assert_corrupt(r, &g, "blob length 4294967295 at 0");
}

Test(drain_fuzz, blob_a_little_too_long)
{
	struct ring g;
	struct sct_rring *r;
	struct sct_rec *rec;

	ring_new(&g, DS);
	r = ring_attach(&g);
	rec = put(&g, 32, 1);
	((struct sct_blob *)(rec + 1))->len = 33;	/* padded to 40: 8 bytes too many */
	sct_drain_collect(&d);
	assert_corrupt(r, &g, "blob length 33 at 0");
}

Test(drain_fuzz, unknown_kind)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	put(&g, 8, 1)->kind = 9;
	sct_drain_collect(&d);
	assert_corrupt(r, &g, "record kind 9 at 0");
}

Test(drain_fuzz, call_out_of_range)
{
	struct ring g;
	struct sct_rring *r;
	char want[64];

	ring_new(&g, DS);
	r = ring_attach(&g);
	put(&g, 8, 1)->call = (uint16_t)sct_ncalls;
	sct_drain_collect(&d);
	snprintf(want, sizeof(want), "call number %u at 0", sct_ncalls);
	assert_corrupt(r, &g, want);
}

Test(drain_fuzz, record_of_another_task)
{
	struct ring g;
	struct sct_rring *r;
	struct sct_rec *rec;

	ring_new(&g, DS);
	r = ring_attach(&g);
	rec = put(&g, 8, 1);
	rec->pid = 77;			/* pid 77 tid 5: no vfork child writes that */
	sct_drain_collect(&d);
	assert_corrupt(r, &g, "record of pid 77 at 0");
}

Test(drain_fuzz, vfork_child_in_parent_ring_is_sound)
{
	struct ring g;
	struct sct_rring *r;
	struct sct_rec *rec;

	ring_new(&g, DS);
	r = ring_attach(&g);
	rec = put(&g, 8, 1);
	rec->pid = rec->tid = 77;
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 1);
	cr_assert_not(r->bad);
	cr_assert_str_eq(reports(), "");
}

/* Header fields, checked once when the ring is taken over. */
static void header_case(void (*spoil)(struct sct_ring *), const char *what)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	put(&g, 8, 1);
	spoil(g.h);
	r = ring_attach(&g);
	cr_assert_eq(sct_drain_collect(&d), 0);
	cr_assert_eq(d.n, 0);
	assert_corrupt(r, &g, what);
}

static void shift64(struct sct_ring *h) { h->clock.mult = 1; h->clock.shift = 64; }
static void mult0(struct sct_ring *h) { h->clock.mult = 0; }
static void mult_huge(struct sct_ring *h) { h->clock.mult = 0xffffffffu; h->clock.shift = 0; }
static void no_pid(struct sct_ring *h) { h->pid = 0; }
static void size_odd(struct sct_ring *h) { h->data_size = 3000; }
static void size_big(struct sct_ring *h) { h->data_size = 1u << 20; }
static void ncalls(struct sct_ring *h) { h->ncalls = SCT_MAX_CALLS + 1; }
static void tail_odd(struct sct_ring *h) { h->tail = 5; }

Test(drain_fuzz, clock_shift_64) { header_case(shift64, "clock shift 1 >> 64"); }
Test(drain_fuzz, clock_mult_0) { header_case(mult0, "clock mult 0 >> 0"); }
Test(drain_fuzz, clock_mult_huge) { header_case(mult_huge, "clock mult 4294967295 >> 0"); }
Test(drain_fuzz, header_without_pid) { header_case(no_pid, "header names pid 0 tid 5"); }
Test(drain_fuzz, data_size_not_power_of_two) { header_case(size_odd, "data size 3000"); }
Test(drain_fuzz, data_size_beyond_mapping) { header_case(size_big, "data size 1048576"); }
Test(drain_fuzz, too_many_calls)
{
	char want[32];

	snprintf(want, sizeof(want), "%u calls", SCT_MAX_CALLS + 1);
	header_case(ncalls, want);
}
Test(drain_fuzz, tail_not_aligned) { header_case(tail_odd, "tail 5 not aligned"); }

Test(drain_fuzz, lost_counter_is_bounded)
{
	struct ring g;
	struct sct_rring *r;

	ring_new(&g, DS);
	r = ring_attach(&g);
	g.h->lost = ~0ull;
	g.h->state = SCT_RING_CLOSED;
	cr_assert_eq(sct_drain_mark(&d, NULL), 1);
	cr_assert_eq(sct_drain_retire(&d), 1);
	(void)r;
	cr_assert_str_eq(reports(), "sctrace: pid 5: ring corrupt: lost counter 18446744073709551615\n");
	cr_assert_eq(tot.lost, 0, "an absurd count is not added");
}

Test(drain_fuzz, lost_counter_is_kept)
{
	struct ring g;

	ring_new(&g, DS);
	ring_attach(&g);
	g.h->lost = 12345;
	g.h->state = SCT_RING_CLOSED;
	cr_assert_eq(sct_drain_mark(&d, NULL), 1);
	cr_assert_eq(sct_drain_retire(&d), 1);
	cr_assert_str_eq(reports(), "");
	cr_assert_eq(tot.lost, 12345);
}

/* The ring file shrinks under the mapping (the program ftruncates it): the SIGBUS
 * is ours to catch, and the ring is corrupt. */
Test(drain_fuzz, truncated_file)
{
	struct sct_wring w;
	struct sct_rring *r;
	char path[128];
	size_t size = SCT_DATA_OFFSET + DS;
	void *p;
	int fd;

	snprintf(path, sizeof(path), "%s/%d.%d.ring", dir, PID, PID);
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)size), 0);
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	cr_assert_neq(p, MAP_FAILED);
	sct_ring_format(&w, p, DS, PID, PID, &ns_clock, sct_ncalls, 1);
	cr_assert_eq(sct_drain_scan(&d), 1);
	r = d.rings;
	cr_assert_eq(ftruncate(fd, 0), 0);
	close(fd);
	cr_assert_eq(sct_drain_collect(&d), 0);
	cr_assert(r->bad);
	cr_assert_str_eq(reports(), "sctrace: pid 5: ring corrupt: its file was truncated\n");
	munmap(p, size);
}

static int never_ours(int pid)
{
	(void)pid;
	return 0;
}

/* A ring whose header names a live process that is none of ours (here: this test
 * itself) is a forgery: reported, and retired at once, not waited for. */
Test(drain_fuzz, ring_of_a_stranger)
{
	struct sct_wring w;
	char path[128];
	size_t size = SCT_DATA_OFFSET + DS;
	void *p;
	int fd;

	snprintf(path, sizeof(path), "%s/%d.%d.ring", dir, PID, PID);
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)size), 0);
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	cr_assert_neq(p, MAP_FAILED);
	close(fd);
	sct_ring_format(&w, p, DS, getpid(), getpid(), &ns_clock, sct_ncalls, 1);
	d.ours = never_ours;
	cr_assert_eq(sct_drain_scan(&d), 1);
	cr_assert(d.rings->foreign);
	char want[128];
	snprintf(want, sizeof(want), "sctrace: pid %d: ring corrupt: pid %d is not a process sctrace traces\n",
		 getpid(), getpid());
	cr_assert_str_eq(reports(), want);
	cr_assert_eq(sct_drain_mark(&d, NULL), 1, "retired without waiting for it to end");
	munmap(p, size);
}

/* Notes are the program's text: escaped, and said to come from it. */
Test(drain_fuzz, note_is_escaped_and_marked)
{
	_Alignas(8) unsigned char buf[512];
	struct sct_rec *r = (struct sct_rec *)buf;
	struct sct_blob *b = (struct sct_blob *)(r + 1);
	static const char text[] = "hi\nsctrace: pid 1: ring corrupt: \033[2J\\ \377";
	char out[512];
	struct sct_out o;
	struct sct_fmt_opts f;

	memset(buf, 0, sizeof(buf));
	r->kind = SCT_REC_NOTE;
	r->pid = r->tid = PID;
	b->arg = SCT_BLOB_ARG_TEXT;
	b->len = sizeof(text) - 1;
	memcpy(b + 1, text, sizeof(text) - 1);
	r->size = (uint32_t)(sizeof(*r) + sct_blob_span(b));
	sct_fmt_defaults(&f);
	sct_out_init(&o, out, sizeof(out) - 1, -1);
	sct_format_record(&o, r, &f);
	out[o.len] = 0;
	cr_assert_str_eq(out, "sctrace: pid 5 says: hi\\nsctrace: pid 1: ring corrupt: \\033[2J\\\\ \\377\n");
}

/* sct_rec_blob on its own never walks out of a record, whatever the blobs claim. */
Test(drain_fuzz, blob_lookup_stays_in_the_record)
{
	_Alignas(8) unsigned char buf[sizeof(struct sct_rec) + 64];
	struct sct_rec *r = (struct sct_rec *)buf;
	struct sct_blob *b = (struct sct_blob *)(r + 1);

	memset(buf, 0, sizeof(buf));
	r->size = sizeof(buf);
	b->arg = 1;
	b->len = 0xfffffff9u;		/* padded to 8 in 32 bits this would be 0 */
	cr_assert_null(sct_rec_blob(r, 2, 0));
	cr_assert_null(sct_rec_blob(r, 1, 0), "a blob that does not fit is not returned");
	b->len = 48;
	cr_assert_eq(sct_rec_blob(r, 1, 0), b);
	r->size = 40;			/* smaller than a header */
	cr_assert_null(sct_rec_blob(r, 1, 0));
}

/* A pass before any record: the batch is empty and its array not yet allocated
 * (qsort(NULL, 0) was undefined behaviour: UBSan, UBSAN_OPTIONS=halt_on_error=1,
 * stops here on the old code). */
Test(drain_fuzz, empty_pass)
{
	cr_assert_eq(sct_drain_collect(&d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_str_eq(reports(), "");
}
