/* The runner's reading side alone, in one process: RINGS rings of 1 MiB are filled
 * with getppid() records (as the library writes them) and drained, merged and
 * formatted (`sctrace -f -o /dev/null`'s path: drain.c, merge.c, format/), again and
 * again; prints the CPU time per record in ns (the filling left out).  No traced program, no second core:
 * what is left is the runner's own work, steady on a loaded machine (bench/runner.sh
 * shows it next to the real runs, whose figure also holds the cost of reading what
 * another core wrote).
 *   drain_bench RINGS RECORDS [OPTION...]   (options as sctrace's, e.g. -tt or -T)
 * A call lasts 120 ns and the next begins 150 ns after it began; DRAIN_BENCH_DUR=NS
 * makes calls last NS instead: above 150, the last call of a thread's burst still runs
 * when the next thread's begins, and prints as an "<unfinished ...>" / "<... resumed>"
 * pair, as threads that really run at once do.
 * Built by bench/runner.sh against build/libsct_test.a. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "calls.h"
#include "preload/ring.h"
#include "runner/drain.h"
#include "runner/merge.h"
#include "runner/options.h"
#include "runner/output.h"

#define DATA (1u << 20)
#define BURST 16

static double cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	static const struct sct_clock ns_clock = { 0, 0, 1, 0 };
	char dir[] = "/tmp/sct-drain-bench-XXXXXX", path[128], err[256];
	char *oargv[32] = { "sctrace", "-f", "-o", "/dev/null" };
	int nrings, oargc = 4, getppid_call = -1;
	long records, done = 0;
	struct sct_wring *w;
	struct sct_opts opts;
	struct sct_output out;
	struct sct_merge m;
	struct sct_drain d;
	struct sct_totals tot;
	uint64_t t = 1000, dur = getenv("DRAIN_BENCH_DUR") ? strtoull(getenv("DRAIN_BENCH_DUR"), NULL, 10) : 120;
	double c0, c1;

	if (argc < 3 || (nrings = atoi(argv[1])) < 1 || nrings > 64 || (records = atol(argv[2])) < 1) {
		fprintf(stderr, "usage: drain_bench RINGS RECORDS [OPTION...]\n");
		return 2;
	}
	for (int i = 3; i < argc && oargc < 30; i++)
		oargv[oargc++] = argv[i];
	oargv[oargc++] = "true";
	if (sct_options_parse(&opts, oargc, oargv, err, sizeof(err)) != SCT_OPT_OK) {
		fprintf(stderr, "drain_bench: %s\n", err);
		return 2;
	}
	for (unsigned i = 0; i < sct_ncalls; i++)
		if (!strcmp(sct_calls[i].name, "getppid"))
			getppid_call = (int)i;
	if (getppid_call < 0 || !mkdtemp(dir))
		return 1;
	w = calloc((size_t)nrings, sizeof(*w));
	for (int i = 0; i < nrings; i++) {
		int fd;
		void *p;

		snprintf(path, sizeof(path), "%s/%d.%d.ring", dir, 4000, 4000 + i);
		fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd < 0 || ftruncate(fd, SCT_DATA_OFFSET + DATA) < 0)
			return 1;
		p = mmap(NULL, SCT_DATA_OFFSET + DATA, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		close(fd);
		if (p == MAP_FAILED)
			return 1;
		sct_ring_format(&w[i], p, DATA, 4000, 4000 + i, &ns_clock, sct_ncalls, 1 + (uint64_t)i);
	}
	memset(&tot, 0, sizeof(tot));
	if (sct_output_open(&out, "/dev/null", 0, err, sizeof(err)) < 0 ||
	    sct_drain_init(&d, dir, &tot, 0) < 0 || sct_drain_scan(&d) != (unsigned)nrings)
		return 1;
	sct_merge_init(&m, &opts, &out, NULL);
	m.root = 4000;
	c1 = 0;
	while (done < records) {
		/* fill every ring, the threads' calls interleaved in time: BURST calls of one
		 * thread, then BURST of the next (threads that share a core run in turns) */
		for (int full = 0; !full;) {
			for (int i = 0, b = 0; i < nrings && !full; b = (b + 1) % BURST, i += !b) {
				struct sct_rec *r = sct_ring_reserve(&w[i], sizeof(*r));

				if (!r) {
					full = 1;
					break;
				}
				memset(r, 0, sizeof(*r));
				r->size = sizeof(*r);
				r->kind = SCT_REC_CALL;
				r->call = (uint16_t)getppid_call;
				r->pid = 4000;
				r->tid = 4000 + i;
				r->t0 = t;
				r->t1 = t + dur;
				r->ret = 3999;
				t += 150;
				sct_ring_commit(&w[i]);
			}
		}
		c0 = cpu_ns();
		while (sct_drain_collect(&d) > 0) {
			sct_merge_batch(&m, &d);
			done += (long)d.n;
		}
		c1 += cpu_ns() - c0;	/* the runner's part only */
	}
	c0 = cpu_ns();
	sct_output_flush(&out);
	c1 += cpu_ns() - c0;
	printf("%.1f\n", c1 / (double)done);
	sct_drain_fini(&d);
	snprintf(path, sizeof(path), "rm -rf %s", dir);
	return system(path) ? 1 : 0;
}
