/* runner/inflight.c: strace's "<unfinished ...>" / "<... resumed>" pairs and the
 * pending line of a task killed in a call, from hand-made batches and ring slots.
 * The expected lines are strace 6.1's for the same calls (tests/e2e/scenarios/
 * unfinished.sh compares the real thing). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "callidx.h"
#include "runner/inflight.h"
#include "runner/merge.h"

static char dir[64], path[128];
static struct sct_output out;
static struct sct_opts opts;
static struct sct_merge m;
static struct sct_drain d;
static struct sct_ring hdr[2];
static struct sct_rring ring[2];
static _Alignas(8) unsigned char arena[8192];

static void setup(void)
{
	char err[256];

	snprintf(dir, sizeof(dir), "/tmp/sct-inflight-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/trace", dir);
	cr_assert_eq(sct_output_open(&out, path, 0, err, sizeof(err)), 0);
	memset(&opts, 0, sizeof(opts));
	opts.follow = 1;
	opts.outfile = path;
	opts.strsize = 32;
	opts.acolumn = SCT_DEFAULT_ACOLUMN;
	opts.status = SCT_STATUS_ALL;
	opts.signals = ~(uint64_t)0;
	sct_merge_init(&m, &opts, &out, NULL);
	m.root = 100;
	memset(&d, 0, sizeof(d));
	memset(hdr, 0, sizeof(hdr));
	memset(ring, 0, sizeof(ring));
	for (int i = 0; i < 2; i++) {
		hdr[i].state = SCT_RING_ACTIVE;
		ring[i].hdr = &hdr[i];
		ring[i].pid = ring[i].tid = 100 + i;
		ring[i].mask = 4095;
		ring[i].ncalls = SCT_MAX_CALLS;
		ring[i].clock.mult = 1;		/* ticks are ns */
		ring[i].next = i ? NULL : &ring[1];
	}
	d.arena = arena;
	d.acap = sizeof(arena);
	d.rings = &ring[0];
	d.nrings = 2;
}

static void teardown(void)
{
	char cmd[128];

	sct_merge_fini(&m);
	free(d.ents);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

static const char *slurp(void)
{
	static char buf[4096];
	FILE *f;
	size_t n;

	sct_output_close(&out);
	f = fopen(path, "r");
	cr_assert_not_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	return buf;
}

/* Append a call record of task tid to the batch; blob (if any) is argument barg's OUT. */
static void add_call(int tid, unsigned call, int64_t ret, uint64_t t0, uint64_t t1, const uint64_t *a,
		     int barg, const void *blob, uint32_t blen)
{
	struct sct_rec *r = (struct sct_rec *)(arena + d.alen);

	memset(r, 0, sizeof(*r));
	r->size = sizeof(*r);
	r->kind = SCT_REC_CALL;
	r->call = (uint16_t)call;
	r->pid = r->tid = tid;
	r->t0 = t0;
	r->t1 = t1;
	r->ret = ret;
	memcpy(r->arg, a, sizeof(r->arg));
	if (barg >= 0) {
		struct sct_blob *b = (struct sct_blob *)(r + 1);
		b->arg = (uint8_t)barg;
		b->when = SCT_BLOB_OUT;
		b->len = blen;
		memcpy(b + 1, blob, blen);
		r->size += (uint32_t)(sizeof(*b) + sct_align8(blen));
	}
	d.ents = realloc(d.ents, (d.n + 1) * sizeof(*d.ents));
	d.ents[d.n] = (struct sct_bent){ d.alen, t0, d.n, &ring[tid - 100] };
	d.n++;
	d.alen += r->size;
}

static void publish(int i, unsigned call, uint64_t t0, const uint64_t *a)
{
	hdr[i].pending.call = call;
	hdr[i].pending.t0 = t0;
	memcpy(hdr[i].pending.arg, a, sizeof(hdr[i].pending.arg));
	hdr[i].pending.seq = 4 | SCT_PEND_BUSY;
}

TestSuite(inflight, .init = setup, .fini = teardown);

static const uint64_t wait_args[6] = { (uint64_t)-1, 0x7ffd0000, 0, 0 };
static const uint64_t write_args[6] = { 1, 0x5000, 6 };
static const uint64_t read_args[6] = { 3, 0x7ffd1000, 64 };

/* A blocked wait4 whose record says it ended after the child's write began:
 * strace -f -o FILE prints the pair, the wait4 resumed after the child's line. */
Test(inflight, record_overlap_prints_the_pair)
{
	int st = 0;	/* exited, status 0 */

	add_call(100, SCT_CALL_wait4, 101, 1000, 5000, wait_args, 1, &st, sizeof(st));
	add_call(101, SCT_CALL_write, 6, 2000, 2100, write_args, -1, NULL, 0);
	sct_merge_batch(&m, &d);
	cr_assert_str_eq(slurp(),
		"100   wait4(-1,  <unfinished ...>\n"
		"101   write(1, 0x5000, 6)               = 6\n"
		"100   <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 101\n");
}

/* Calls that do not overlap stay whole lines, in time order. */
Test(inflight, no_overlap_no_pair)
{
	int st = 0;

	add_call(101, SCT_CALL_write, 6, 2000, 2100, write_args, -1, NULL, 0);
	add_call(100, SCT_CALL_wait4, 101, 3000, 5000, wait_args, 1, &st, sizeof(st));
	sct_merge_batch(&m, &d);
	cr_assert_str_eq(slurp(),
		"101   write(1, 0x5000, 6)               = 6\n"
		"100   wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 101\n");
}

/* A read still in flight (its slot) when the other task's line is printed; its
 * record comes in a later batch and prints as the resumed part. */
Test(inflight, slot_then_record)
{
	publish(0, SCT_CALL_read, 1000, read_args);
	add_call(101, SCT_CALL_write, 6, 2000, 2100, write_args, -1, NULL, 0);
	sct_merge_batch(&m, &d);
	hdr[0].pending.seq = 8;		/* returned */
	d.n = d.alen = 0;
	add_call(100, SCT_CALL_read, 0, 1000, 3000, read_args, 1, "", 0);
	sct_merge_batch(&m, &d);
	cr_assert_str_eq(slurp(),
		"100   read(3,  <unfinished ...>\n"
		"101   write(1, 0x5000, 6)               = 6\n"
		"100   <... read resumed>\"\", 64)         = 0\n");
}

/* A slot being written (or a scribbled one) is not believed. */
Test(inflight, torn_or_bad_slot_ignored)
{
	publish(0, SCT_CALL_read, 1000, read_args);
	hdr[0].pending.seq = 4 | SCT_PEND_WRITING;
	publish(1, 60000, 1000, read_args);	/* no such call */
	add_call(101, SCT_CALL_write, 6, 2000, 2100, write_args, -1, NULL, 0);
	sct_merge_batch(&m, &d);
	cr_assert_str_eq(slurp(), "101   write(1, 0x5000, 6)               = 6\n");
}

/* The task died in read: strace's pending line, padded to the return column. */
Test(inflight, killed_in_a_call)
{
	publish(0, SCT_CALL_read, 1000, read_args);
	ring[0].retire = 1;
	sct_pend_retire(&m, &d);
	cr_assert_str_eq(slurp(), "100   read(3,  <unfinished ...>)        = ?\n");
}

/* ... after its "<unfinished ...>" was printed: the rest is "<... read resumed>". */
Test(inflight, killed_after_unfinished)
{
	publish(0, SCT_CALL_read, 1000, read_args);
	add_call(101, SCT_CALL_write, 6, 2000, 2100, write_args, -1, NULL, 0);
	sct_merge_batch(&m, &d);
	ring[0].retire = 1;
	sct_pend_retire(&m, &d);
	cr_assert_str_eq(slurp(),
		"100   read(3,  <unfinished ...>\n"
		"101   write(1, 0x5000, 6)               = 6\n"
		"100   <... read resumed> <unfinished ...>) = ?\n");
}

/* Without -f (one task) nothing is split. */
Test(inflight, single_task_whole_lines)
{
	int st = 0;

	opts.follow = 0;
	add_call(100, SCT_CALL_wait4, 101, 1000, 5000, wait_args, 1, &st, sizeof(st));
	add_call(101, SCT_CALL_write, 6, 2000, 2100, write_args, -1, NULL, 0);
	sct_merge_batch(&m, &d);
	cr_assert(strstr(slurp(), "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 101\n"));
}

/* The process ends (exit_group) while another of its threads blocks in read: that
 * thread's pending line comes before the process's "+++ exited" line, once. */
Test(inflight, thread_dies_with_its_process)
{
	static const uint64_t zero[6];
	struct sct_rec *r;

	ring[1].pid = 100;
	publish(1, SCT_CALL_read, 1000, read_args);
	add_call(100, SCT_CALL_exit_group, 0, 2000, 2000, zero, -1, NULL, 0);
	((struct sct_rec *)arena)->flags = SCT_RF_NORETURN;
	r = (struct sct_rec *)(arena + d.alen);
	memset(r, 0, sizeof(*r));
	r->size = sizeof(*r);
	r->kind = SCT_REC_EXIT;
	r->pid = r->tid = 100;
	r->t0 = r->t1 = 2001;
	d.ents = realloc(d.ents, 2 * sizeof(*d.ents));
	d.ents[1] = (struct sct_bent){ d.alen, 2001, 1, &ring[0] };
	d.n = 2;
	d.alen += r->size;
	sct_merge_batch(&m, &d);
	ring[1].retire = 1;
	sct_pend_retire(&m, &d);
	cr_assert_str_eq(slurp(),
		"101   read(3,  <unfinished ...>\n"
		"100   exit_group(0)                     = ?\n"
		"101   <... read resumed> <unfinished ...>) = ?\n"
		"100   +++ exited with 0 +++\n");
}

/* A thread's own end (exit, then its EXIT record) ends no other thread's call. */
Test(inflight, thread_end_is_not_process_end)
{
	static const uint64_t zero[6];
	struct sct_rec *r;

	ring[1].pid = 100;
	publish(0, SCT_CALL_read, 1000, read_args);
	add_call(101, SCT_CALL_exit, 0, 2000, 2000, zero, -1, NULL, 0);
	((struct sct_rec *)arena)->flags = SCT_RF_NORETURN;
	r = (struct sct_rec *)(arena + d.alen);
	memset(r, 0, sizeof(*r));
	r->size = sizeof(*r);
	r->kind = SCT_REC_EXIT;
	r->pid = 100;
	r->tid = 101;
	r->t0 = r->t1 = 2001;
	d.ents = realloc(d.ents, 2 * sizeof(*d.ents));
	d.ents[1] = (struct sct_bent){ d.alen, 2001, 1, &ring[1] };
	d.n = 2;
	d.alen += r->size;
	sct_merge_batch(&m, &d);
	cr_assert(strstr(slurp(), "resumed") == NULL, "the main thread's read is not ended");
}

/* A call in flight read from the program's memory takes a count argument as the
 * kernel does: ppoll's nfds is an unsigned int, so 0xffffffff00000001 is one pollfd,
 * readable although the page after it is not mapped. */
Test(inflight, entry_count_is_the_kernels)
{
	char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct sct_pend_ent e = { .pid = getpid(), .tid = getpid(), .call = SCT_CALL_ppoll };
	const struct sct_rec *r;
	const struct sct_blob *b;

	cr_assert(m != MAP_FAILED && munmap(m + 4096, 4096) == 0);
	memset(m + 4096 - 8, 0x11, 8);
	e.arg[0] = (uintptr_t)(m + 4096 - 8);
	e.arg[1] = 0xffffffff00000001ull;
	r = sct_entry_record(&e, 32);
	cr_assert_eq(r->size, sizeof(*r) + sizeof(*b) + 8, "one pollfd captured");
	b = (const struct sct_blob *)(r + 1);
	cr_assert_eq(b->arg, 0);
	cr_assert_eq(b->len, 8);
	cr_assert_eq(((const unsigned char *)(b + 1))[7], 0x11);
	munmap(m, 4096);
}
