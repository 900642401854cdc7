/* Room in a full ring.  Lossless by default: the writer sleeps on the ring's futex
 * word until the runner has consumed something (the runner wakes it; the 1 ms timeout
 * covers a missed wake).  Standalone, the thread prints its own ring to make room.
 *
 * The program must never hang on a ring nobody drains, so before each wait the
 * writer asks whether a reader will come (format/record.h has the fields):
 *   - the runner gave the ring up as corrupt (`abandoned`): no;
 *   - no runner has mapped the ring for about 5 s (SCTRACE_SESSION inherited from a
 *     runner that is dead, or whose pid is now another process's): no, until one
 *     maps it (`orphan` remembers it, so that each record does not wait 5 s again);
 *   - the runner mapped it but has made no pass over it for about a second: it may
 *     be blocked on its output (lossless: wait) or dead with its pid reused (do not);
 *     /proc tells which: the pid must still have the start time the runner wrote;
 *   - the runner's pid no longer exists: no.
 * A record that finds no reader is dropped and counted in ring->lost, which the
 * runner reports.  None of this is on the fast path: only a full ring gets here. */
#include <fcntl.h>
#include <linux/futex.h>
#include "wrap.h"
#include "attach.h"
#include "capture.h"
#include "out.h"
#include "raw.h"
#include "pidns.h"
#include "spare.h"
#include "standalone.h"
#include "clock.h"

#define UNREAD_WAITS 5000	/* 1 ms waits for a first reader before giving up */
#define STALE_WAITS  1000	/* waits without a pass of the reader before checking it */
#define BLIND_WAITS  30000	/* ... and the limit when /proc cannot say who it is */

static int runner_gone;

/* A new runner attached (preload/attach.c): the last one's end is not its. */
void sct_reserve_new_session(void)
{
	runner_gone = 0;
}

/* The runner sleeps until a signal (runner/loop.c).  SIGURG: ignored by default, so a
 * runner pid that is another process by now is not harmed.  Never under a seccomp
 * filter of the program's, which may kill for kill(), nor in strict seccomp mode
 * (preload/clock.c), which does: the runner's own timer then
 * brings it (SCT_LATENCY_MS; the ring is drained before it is full in practice). */
static void bell_ring(int pid)
{
	if (pid > 0 && !sct_sandboxed && !sct_cfg.standalone && !sct_strict_thread() &&
	    !sct_pidns_foreign)	/* the runner's pid is nobody's here, or another's */
		sct_sys(SYS_kill, pid, SIGURG);
}

/* Out of line: only the reservation that crosses half full, or a full ring, comes
 * here.  The fence pairs with the runner's between its store of reader_sleeps and its
 * look at head and waiting: one of the two sides sees the other's store. */
void sct_ring_bell(struct sct_ring *h)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&h->reader_sleeps, __ATOMIC_ACQUIRE))
		bell_ring(__atomic_load_n(&h->reader_pid, __ATOMIC_ACQUIRE));
}

/* A new ring: the runner maps it at once instead of at its next look at the directory
 * (a loop of calls fills a fresh ring in about a millisecond). */
void sct_ring_announce(void)
{
	bell_ring(sct_cfg.runner_pid);
}

static void wait_for_room(struct sct_ring *h)
{
	struct timespec ts = { 0, 1000000 };

	__atomic_store_n(&h->waiting, 1, __ATOMIC_SEQ_CST);
	sct_ring_bell(h);
	sct_sys(SYS_futex, &h->waiting, FUTEX_WAIT, 1, &ts, 0, 0);
}

/* Field 22 of /proc/PID/stat, the start time: 1 when pid has start time `start`, 0
 * when it is gone or another process, -1 when /proc cannot tell (not mounted, or
 * another user's process under hidepid). */
static int same_process(int pid, uint64_t start)
{
	char path[40], buf[1024];
	struct sct_out o;
	uint64_t v = 0;
	long fd, n, i, field = 2;

	sct_out_init(&o, path, sizeof(path) - 1, -1);
	sct_out_puts(&o, "/proc/");
	sct_out_udec(&o, (unsigned)pid);
	sct_out_puts(&o, "/stat");
	path[o.len] = 0;
	fd = sct_sys(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	if (fd == -ENOENT || fd == -ESRCH)
		return 0;
	if (fd < 0)
		return -1;
	n = sct_sys(SYS_read, fd, buf, sizeof(buf));
	sct_sys(SYS_close, fd);
	if (n <= 0)
		return n == -ESRCH ? 0 : -1;
	for (i = n - 1; i > 0 && buf[i] != ')'; i--)	/* the name may hold anything */
		;
	for (; i < n && field < 22; i++)
		if (buf[i] == ' ')
			field++;
	if (field != 22 || i >= n)
		return -1;
	for (; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
		v = v * 10 + (uint64_t)(buf[i] - '0');
	return v == start;
}

struct waiter {
	unsigned waits;		/* 1 ms waits so far for this record */
	unsigned still;		/* of those, since the reader last made a pass */
	uint64_t seq;		/* the reader's pass count when last looked at */
};

/* Is it worth waiting for the reader of h once more?  See the top of the file. */
static int reader_will_come(struct sct_ring *h, struct waiter *w)
{
	int pid = __atomic_load_n(&h->reader_pid, __ATOMIC_ACQUIRE);
	uint64_t seq;

	if (runner_gone || __atomic_load_n(&h->abandoned, __ATOMIC_RELAXED))
		return 0;
	if (++w->waits % 64 == 0 && sct_cfg.runner_pid > 0 && !sct_pidns_foreign &&
	    sct_sys(SYS_kill, pid > 0 ? pid : sct_cfg.runner_pid, 0) == -ESRCH) {
		runner_gone = 1;
		return 0;
	}
	if (pid <= 0) {
		if (h->orphan)
			return 0;
		if (w->waits >= UNREAD_WAITS) {
			h->orphan = 1;
			return 0;
		}
		return 1;
	}
	if (h->orphan)
		h->orphan = 0;	/* a reader came after all: wait for it again */
	seq = __atomic_load_n(&h->reader_seq, __ATOMIC_RELAXED);
	if (seq != w->seq) {
		w->seq = seq;
		w->still = 0;
		return 1;
	}
	if (++w->still % STALE_WAITS)
		return 1;
	switch (sct_pidns_foreign ? -1 : same_process(pid, h->reader_start)) {
	case 1:
		return 1;	/* alive and ours, only slow (its output may be blocked) */
	case 0:
		runner_gone = 1;
		return 0;
	default:
		if (w->still < BLIND_WAITS)
			return 1;
		runner_gone = 1;
		return 0;
	}
}

struct sct_rec *sct_reserve_full(struct sct_thread *t, uint32_t size)
{
	struct waiter w = { 0, 0, 0 };
	struct sct_rec *r;

	if (t->counting || !t->ring.data)	/* -c: a ring with no record area never has room */
		return NULL;
	while (!(r = sct_ring_reserve(&t->ring, size))) {
		/* With nothing of ours open, head is where we stopped writing: a head
		 * elsewhere means a second writer on this ring (a thread made by a raw
		 * clone on a copy of this one's storage).  The ring can no longer be
		 * trusted to make room: drop and count rather than wait for ever. */
		if (t->ring.depth == 0 &&
		    __atomic_load_n(&t->ring.hdr->head, __ATOMIC_ACQUIRE) != t->ring.wpos)
			goto drop;
		if (sct_cfg.standalone) {
			if (t->ring.depth == 0 && sct_standalone_flush(t) > 0)
				continue;
		} else if (!sct_cfg.drop && !sct_strict_thread() &&	/* no futex there */
			   reader_will_come(t->ring.hdr, &w)) {
			wait_for_room(t->ring.hdr);
			continue;
		}
	drop:
		sct_add_local(&t->ring.hdr->lost, 1);
		return NULL;
	}
	return r;
}

void sct_rec_header(struct sct_thread *t, struct sct_rec *r, uint32_t size, unsigned kind,
		    unsigned call)
{
	memset(r, 0, sizeof(*r));
	r->size = sct_align8(size);
	r->kind = (uint8_t)kind;
	r->call = (uint16_t)call;
	r->pid = t->pid;
	r->tid = t->tid;
	r->t0 = r->t1 = sct_now();
}
