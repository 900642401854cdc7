/* The hostile-ring harness shared by test_drain_fuzz.c and test_drain_random.c: a
 * drain over rings built in memory, its reports read back from a memfd. */
#ifndef SCT_TEST_HOSTILE_RING_H
#define SCT_TEST_HOSTILE_RING_H

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

static char dir[64];
static struct sct_drain d;
static struct sct_totals tot;
static int errfd;			/* memfd the reports go to */

static inline void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/sct-fuzz-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	memset(&tot, 0, sizeof(tot));
	cr_assert_eq(sct_drain_init(&d, dir, &tot, 0), 0);
	errfd = memfd_create("reports", MFD_CLOEXEC);
	cr_assert_geq(errfd, 0);
	d.errfd = errfd;
}

static inline void teardown(void)
{
	char cmd[128];

	sct_drain_fini(&d);
	close(errfd);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}


/* What the drain has reported so far (and forget it). */
static inline const char *reports(void)
{
	static char buf[4096];
	ssize_t n = pread(errfd, buf, sizeof(buf) - 1, 0);

	cr_assert_geq(n, 0);
	buf[n] = 0;
	cr_assert_eq(ftruncate(errfd, 0), 0);
	lseek(errfd, 0, SEEK_SET);
	return buf;
}

static const struct sct_clock ns_clock = { 0, 0, 1, 0 };

#define DS 4096u
#define PID 5

struct ring {
	void *map;
	size_t size;
	struct sct_wring w;
	struct sct_ring *h;
	unsigned char *data;
};

/* A fresh ring of task PID in anonymous memory, laid out by the writer. */
static inline void ring_new(struct ring *g, uint32_t ds)
{
	g->size = SCT_DATA_OFFSET + ds;
	g->map = mmap(NULL, g->size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	cr_assert_neq(g->map, MAP_FAILED);
	sct_ring_format(&g->w, g->map, ds, PID, PID, &ns_clock, sct_ncalls, 1);
	g->h = g->map;
	g->data = (unsigned char *)g->map + SCT_DATA_OFFSET;
}

/* Hand it to the drain (which owns the mapping from now on). */
static inline struct sct_rring *ring_attach(struct ring *g)
{
	struct sct_rring *r = sct_drain_attach(&d, g->map, g->size, PID, PID, "5.5.ring");

	cr_assert_not_null(r);
	return r;
}

/* One call record by the writer, with one blob of `blob` bytes; returns it (committed). */
static inline struct sct_rec *put(struct ring *g, uint32_t blob, uint64_t tag)
{
	uint32_t size = (uint32_t)(sizeof(struct sct_rec) + sizeof(struct sct_blob) + blob);
	struct sct_rec *r = sct_ring_reserve(&g->w, size);
	struct sct_blob *b;

	cr_assert_not_null(r);
	memset(r, 0, sct_align8(size));
	r->size = sct_align8(size);
	r->kind = SCT_REC_CALL;
	r->call = 1;
	r->pid = r->tid = PID;
	r->t0 = r->t1 = 100 + tag;
	r->arg[0] = tag;
	b = (struct sct_blob *)(r + 1);
	b->arg = 1;
	b->len = blob;
	memset(b + 1, 'x', blob);
	sct_ring_commit(&g->w);
	return r;
}

/* Collect until nothing moves (bounded: a drain that never ends fails here). */
static inline void drain_all(void)
{
	for (int i = 0; i < 8; i++)
		if (sct_drain_collect(&d) == 0)
			return;
	cr_assert_fail("the drain kept finding records");
}

/* The ring is reported exactly once with `what`, abandoned, and read no more. */
static inline void assert_corrupt(struct sct_rring *r, const struct ring *g, const char *what)
{
	char want[256];

	snprintf(want, sizeof(want), "sctrace: pid %d: ring corrupt: %s\n", PID, what);
	cr_assert_str_eq(reports(), want);
	cr_assert(r->bad);
	cr_assert_eq(g->h->abandoned, 1, "the writer is released");
	/* later passes neither read nor report it again */
	g->h->abandoned = 0;		/* the program may clear it: set again */
	cr_assert_eq(sct_drain_collect(&d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_str_eq(reports(), "");
	cr_assert_eq(g->h->abandoned, 1);
}

static inline int dead(int pid, int tid)
{
	(void)pid, (void)tid;
	return 0;
}

#endif
