/* "hostile_ring MODE N": a traced program that scribbles on its own ring, then makes
 * N getppid calls (enough to fill its ring many times over) and prints "done".
 *   backwards       head moved behind tail
 *   backwards-exit  head moved behind tail, then death at once (SIGKILL)
 *   blob            a NOTE record whose text blob claims 4 GiB
 *   random          random bytes over the unread part of the data area
 *   orphan          no scribble: run with SCTRACE_SESSION but no runner; prints the
 *                   ring's lost counter at the end ("lost N")
 *   term            forks a child that ignores SIGTERM, moves its own ring's head
 *                   behind tail, prints its pid and waits forever; the parent exits
 *   reader-replaced the runner's start time in the header made wrong (as if its pid
 *                   now were another process's), the runner stopped (SIGSTOP) while
 *                   the ring fills, continued (SIGCONT) once the calls are made
 * The ring is the main thread's, found in /proc/self/maps under $SCTRACE_SESSION
 * (the runner unlinks the file once mapped; the mapping stays). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <x86intrin.h>
#include "e2e.h"
#include "../../format/record.h"

static struct sct_ring *find_ring(void)
{
	const char *sess = getenv("SCTRACE_SESSION");
	char line[4096], want[4200];
	struct sct_ring *h = NULL;
	FILE *f = fopen("/proc/self/maps", "r");

	CHECK(sess && f);
	snprintf(want, sizeof(want), " %s/%d.%d.", sess, getpid(), getpid());
	while (fgets(line, sizeof(line), f))
		if (strstr(line, want) && strstr(line, ".ring")) {
			h = (struct sct_ring *)(uintptr_t)strtoull(line, NULL, 16);
			break;
		}
	fclose(f);
	CHECK(h && h->magic == SCT_RING_MAGIC);
	return h;
}

/* Spin (no system call: a traced call would commit and move head) until *p is
 * nonzero or about ten seconds of cycles have passed; the timeout only matters on
 * a runner that never reacts, where the test fails anyway. */
static void spin_until(volatile uint32_t *p, int want_zero_diff, volatile uint64_t *a,
		       volatile uint64_t *b)
{
	uint64_t t0 = __rdtsc();

	while (__rdtsc() - t0 < 30000000000ull) {
		if (p && *p)
			return;
		if (want_zero_diff && *a == *b)
			return;
		_mm_pause();
	}
}

static void calls(long n)
{
	for (long i = 0; i < n; i++)
		getppid();
}

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

int main(int argc, char **argv)
{
	struct sct_ring *h;
	unsigned char *data;
	uint32_t cap;
	long n;

	CHECK(argc == 3);
	n = atol(argv[2]);
	calls(10);
	h = find_ring();
	data = (unsigned char *)h + SCT_DATA_OFFSET;
	cap = h->data_size;
	if (!strcmp(argv[1], "orphan")) {
		calls(n);
		printf("lost %" PRIu64 "\ndone\n", h->lost);
		return 0;
	}
	if (!strcmp(argv[1], "term")) {
		pid_t child = fork();

		CHECK(child >= 0);
		if (child == 0) {
			signal(SIGTERM, SIG_IGN);
			calls(10);
			h = find_ring();
			h->head = 0;
			printf("%d\n", getpid());
			fflush(stdout);
			for (;;)
				pause();
		}
		return 0;
	}
	if (!strcmp(argv[1], "reader-replaced")) {
		const char *env = getenv("SCTRACE_RUNNER");
		int runner = env ? atoi(env) : 0;

		CHECK(runner > 1);
		spin_until((volatile uint32_t *)&h->reader_pid, 0, NULL, NULL);
		CHECK(h->reader_pid == runner);
		h->reader_start ^= 1;
		CHECK(kill(runner, SIGSTOP) == 0);
		calls(n);
		CHECK(kill(runner, SIGCONT) == 0);
		printf("done\n");
		return 0;
	}
	/* everything so far read by the runner: head is where it stands */
	spin_until(NULL, 1, &h->tail, &h->head);
	if (!strcmp(argv[1], "backwards") || !strcmp(argv[1], "backwards-exit")) {
		int pid = getpid();

		h->head = 0;
		/* a call that never returns records nothing, in either mode: head stays */
		if (!strcmp(argv[1], "backwards-exit"))
			kill(pid, SIGKILL);
	} else if (!strcmp(argv[1], "blob")) {
		struct sct_rec *r;
		struct sct_blob *b;
		int pid = getpid();	/* not below: a traced call writes where r is */

		while (cap - (h->head & (cap - 1)) < 256) {	/* not across the end */
			getppid();
			spin_until(NULL, 1, &h->tail, &h->head);
		}
		r = (struct sct_rec *)(data + (h->head & (cap - 1)));
		memset(r, 0, 128);
		r->size = 128;
		r->kind = SCT_REC_NOTE;
		r->pid = r->tid = pid;
		b = (struct sct_blob *)(r + 1);
		b->arg = SCT_BLOB_ARG_TEXT;
		b->len = 0xffffffffu;
		memcpy(b + 1, "AAAA", 4);
		__atomic_store_n(&h->head, h->head + 128, __ATOMIC_RELEASE);
	} else if (!strcmp(argv[1], "random")) {
		uint64_t s = 88172645463325252ull, tail = h->tail;

		for (uint32_t i = 0; i < cap / 2; i += 8) {
			uint64_t v = rnd(&s);
			memcpy(data + ((tail + i) & (cap - 1)), &v, 8);
		}
		__atomic_store_n(&h->head, tail + cap / 2, __ATOMIC_RELEASE);
	} else {
		CHECK(!"mode");
	}
	spin_until(&h->abandoned, 0, NULL, NULL);
	calls(n);
	printf("done\n");
	return 0;
}
