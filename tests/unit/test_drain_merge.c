/* runner/drain.c's ordering and memory bound: the batch of many rings is in time order
 * (each ring sorted on its own when it is not, then merged: the order of one sort by
 * (t0, order read)); rings that hold more than SCT_DRAIN_ROUND_BYTES are taken in
 * rounds that each end at one time for all rings (no round prints a thread's later
 * records before another thread's earlier ones), at most that much a round; and the
 * pages of a ring the runner has read are given back (its resident size stays small). */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "calls.h"
#include "preload/ring.h"
#include "runner/drain.h"

static char dir[64];
static struct sct_drain d;
static struct sct_totals tot;
static uint64_t created;

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/sct-merge-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	memset(&tot, 0, sizeof(tot));
	memset(&d, 0, sizeof(d));
	d.dirfd = -1;
}

static void teardown(void)
{
	char cmd[128];

	sct_drain_fini(&d);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(drain_merge, .init = setup, .fini = teardown);

static const struct sct_clock ns_clock = { 0, 0, 1, 0 };

static void *make_ring(struct sct_wring *w, int tid, uint32_t data_size)
{
	char path[128];
	size_t size = SCT_DATA_OFFSET + data_size;
	void *p;
	int fd;

	snprintf(path, sizeof(path), "%s/%d.%d.ring", dir, 100, tid);
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)size), 0);
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	cr_assert_neq(p, MAP_FAILED);
	close(fd);
	sct_ring_format(w, p, data_size, 100, tid, &ns_clock, sct_ncalls, ++created);
	return p;
}

/* a call record: t0, arg[0] = ring, arg[1] = its number in the ring */
static int put(struct sct_wring *w, uint64_t t0, uint64_t ring, uint64_t k)
{
	struct sct_rec *r = sct_ring_reserve(w, sizeof(*r));

	if (!r)
		return 0;
	memset(r, 0, sizeof(*r));
	r->size = sizeof(*r);
	r->kind = SCT_REC_CALL;
	r->pid = w->hdr->pid;
	r->tid = w->hdr->tid;
	r->t0 = t0;
	r->t1 = t0 + 1;
	r->arg[0] = ring;
	r->arg[1] = k;
	sct_ring_commit(w);
	return 1;
}

#define NRINGS 6

/* Each batch in order of (t0, then the order of reading); across batches no record
 * comes before one printed in an earlier batch when each ring's times only grow.
 * Returns the records seen. */
static size_t drain_all(uint64_t *seen, size_t max_batch_bytes, int monotonic)
{
	uint64_t last_batch_max = 0;
	size_t total = 0;

	for (int pass = 0; pass < 1000; pass++) {
		uint64_t bmax = 0;

		sct_drain_collect(&d);
		if (!d.n)
			break;
		cr_assert_leq(d.alen, max_batch_bytes, "batch of %zu bytes", d.alen);
		for (size_t i = 0; i < d.n; i++) {
			const struct sct_rec *r = sct_batch_rec(&d, i);

			if (i)
				cr_assert_geq(r->t0, sct_batch_rec(&d, i - 1)->t0, "batch %d at %zu", pass, i);
			if (monotonic)
				cr_assert_geq(r->t0, last_batch_max, "a record older than the last batch");
			cr_assert_lt(r->arg[0], NRINGS);
			cr_assert_eq(r->arg[1], seen[r->arg[0]], "ring %lu in its order",
				     (unsigned long)r->arg[0]);
			seen[r->arg[0]]++;
			if (r->t0 > bmax)
				bmax = r->t0;
		}
		total += d.n;
		last_batch_max = bmax;
	}
	return total;
}

Test(drain_merge, rings_interleaved_in_time_order)
{
	struct sct_wring w[NRINGS];
	void *p[NRINGS];
	uint64_t seen[NRINGS] = { 0 }, count[NRINGS] = { 0 };
	unsigned seed = 7;

	for (int i = 0; i < NRINGS; i++)
		p[i] = make_ring(&w[i], 200 + i, 1u << 16);
	/* times that interleave unevenly, with ties across rings */
	for (uint64_t t = 1000; t < 3000; t++) {
		int i = (int)(rand_r(&seed) % NRINGS);
		cr_assert(put(&w[i], t - (t % 3 == 0), (uint64_t)i, count[i]++));
	}
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), NRINGS);
	cr_assert_eq(drain_all(seen, SCT_DRAIN_ROUND_BYTES + NRINGS * 1024, 1), 2000);
	for (int i = 0; i < NRINGS; i++) {
		cr_assert_eq(seen[i], count[i]);
		munmap(p[i], SCT_DATA_OFFSET + (1u << 16));
	}
}

/* A signal handler's calls commit before the call they interrupted: that ring is out
 * of order and is sorted alone before the merge; records of equal time keep the order
 * they were read in. */
Test(drain_merge, a_ring_out_of_order_is_sorted)
{
	struct sct_wring w[2];
	void *p[2];
	static const uint64_t t_a[] = { 10, 20, 50, 30, 40, 60, 60, 70 };	/* 50 committed early */
	static const uint64_t t_b[] = { 15, 25, 35, 61, 65 };
	char got[160] = "";
	size_t k = 0;

	p[0] = make_ring(&w[0], 300, 1u << 16);
	for (size_t i = 0; i < sizeof(t_a) / sizeof(t_a[0]); i++)
		cr_assert(put(&w[0], t_a[i], 0, i));
	p[1] = make_ring(&w[1], 301, 1u << 16);
	for (size_t i = 0; i < sizeof(t_b) / sizeof(t_b[0]); i++)
		cr_assert(put(&w[1], t_b[i], 1, i));
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), 2);
	sct_drain_collect(&d);
	cr_assert_eq(d.n, 13);
	for (size_t i = 0; i < d.n; i++) {
		const struct sct_rec *r = sct_batch_rec(&d, i);
		k += (size_t)snprintf(got + k, sizeof(got) - k, "%s%c%lu.%lu", i ? " " : "",
				      r->arg[0] ? 'B' : 'A', (unsigned long)r->t0,
				      (unsigned long)r->arg[1]);
	}
	cr_assert_str_eq(got, "A10.0 B15.0 A20.1 B25.1 A30.3 B35.2 A40.4 A50.2 A60.5 A60.6 "
			 "B61.3 B65.4 A70.7");
	munmap(p[0], SCT_DATA_OFFSET + (1u << 16));
	munmap(p[1], SCT_DATA_OFFSET + (1u << 16));
}

/* Full 1 MiB rings: each round is bounded and ends at one time for every ring. */
Test(drain_merge, full_rings_in_bounded_rounds)
{
	struct sct_wring w[NRINGS];
	void *p[NRINGS];
	uint64_t seen[NRINGS] = { 0 }, count[NRINGS] = { 0 }, total = 0;
	unsigned seed = 11;
	int full = 0;

	for (int i = 0; i < NRINGS; i++)
		p[i] = make_ring(&w[i], 400 + i, 1u << 20);
	/* rings filling at different rates, until one is full */
	for (uint64_t t = 1; !full; t++) {
		int i = (int)(rand_r(&seed) % (NRINGS + 3));

		i = i >= NRINGS ? 0 : i;	/* ring 0 is the busiest */
		if (put(&w[i], t * 10, (uint64_t)i, count[i]))
			count[i]++, total++;
		else
			full = 1;
	}
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), NRINGS);
	cr_assert_eq(drain_all(seen, SCT_DRAIN_ROUND_BYTES + NRINGS * sizeof(struct sct_rec), 1), total);
	for (int i = 0; i < NRINGS; i++) {
		cr_assert_eq(seen[i], count[i]);
		munmap(p[i], SCT_DATA_OFFSET + (1u << 20));
	}
}

/* Resident KiB of the mapping that starts at `addr` (from /proc/self/smaps). */
static long rss_kib(const void *addr)
{
	char line[512], want[32];
	long kib = -1;
	int in = 0;
	FILE *f = fopen("/proc/self/smaps", "r");

	cr_assert_not_null(f);
	snprintf(want, sizeof(want), "%lx-", (unsigned long)addr);
	while (fgets(line, sizeof(line), f)) {
		if (strchr(line, '-') && strchr(line, '-') < strchr(line, ' ') && line[0] != ' ')
			in = strncmp(line, want, strlen(want)) == 0;
		if (in && sscanf(line, "Rss: %ld kB", &kib) == 1)
			break;
	}
	fclose(f);
	return kib;
}

/* With more than a few rings mapped, the runner's view of a ring it has read holds no
 * more than two chunks of it. */
Test(drain_merge, read_pages_given_back)
{
	struct sct_wring w, idle[2];
	void *p = make_ring(&w, 500, 1u << 20), *q[2];
	uint64_t seen[NRINGS] = { 0 }, k = 0;
	long kib;

	for (int i = 0; i < 2; i++)	/* 3 MiB of rings mapped in all */
		q[i] = make_ring(&idle[i], 501 + i, 1u << 20);

	for (int lap = 0; lap < 3; lap++) {
		while (put(&w, 100 + k, 0, k))
			k++;
		if (lap == 0) {
			cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
			cr_assert_eq(sct_drain_scan(&d), 3);
		}
		drain_all(seen, SIZE_MAX, 1);
		cr_assert_eq(seen[0], k);
		kib = -1;
		for (struct sct_rring *r = d.rings; r; r = r->next)
			if (r->tid == 500)
				kib = rss_kib(r->hdr);
		cr_assert_geq(kib, 0);
		/* header and counts (8 KiB and more) + at most two 64 KiB chunks read */
		cr_assert_leq(kib, (long)(SCT_DATA_OFFSET / 1024) + 128 + 64,
			      "lap %d: %ld KiB of a 1 MiB ring resident", lap, kib);
	}
	munmap(p, SCT_DATA_OFFSET + (1u << 20));
	for (int i = 0; i < 2; i++)
		munmap(q[i], SCT_DATA_OFFSET + (1u << 20));
}

/* Times out of order (a hostile or confused writer) can make the cut take nothing: the
 * round then takes each ring's share whatever the times, never everything at once; a
 * record without a time never sets the cut. */
Test(drain_merge, a_cut_that_takes_nothing_stays_bounded)
{
	struct sct_wring w[3];
	void *p[3];
	uint64_t k[3] = { 0 }, total = 0, got = 0;

	for (int i = 0; i < 3; i++)
		p[i] = make_ring(&w[i], 600 + i, 1u << 20);
	/* ring 0: a late first record, then early ones; ring 1: all late; ring 2: times
	 * of 0 (no time) after its first record */
	cr_assert(put(&w[0], 1000000000, 0, k[0]++));
	while (put(&w[0], 10 + k[0], 0, k[0]))
		k[0]++;
	while (put(&w[1], 2000000000 + k[1], 1, k[1]))
		k[1]++;
	cr_assert(put(&w[2], 5, 2, k[2]++));
	while (put(&w[2], 0, 2, k[2]))
		k[2]++;
	total = k[0] + k[1] + k[2];
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	cr_assert_eq(sct_drain_scan(&d), 3);
	for (int pass = 0; pass < 1000 && got < total; pass++) {
		sct_drain_collect(&d);
		cr_assert_gt(d.n, 0, "a round took nothing with %lu records left",
			     (unsigned long)(total - got));
		cr_assert_leq(d.alen, SCT_DRAIN_ROUND_BYTES + 3 * sizeof(struct sct_rec),
			      "batch of %zu bytes", d.alen);
		got += d.n;
	}
	cr_assert_eq(got, total);
	for (int i = 0; i < 3; i++)
		munmap(p[i], SCT_DATA_OFFSET + (1u << 20));
}
