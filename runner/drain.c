/* Draining the rings of a session directory.  The runner is the only consumer of
 * every ring: it owns `tail` and `waiting`'s reset; the traced thread owns `head`.
 * Records are copied out before `tail` moves, so the writer may reuse the space as
 * soon as the release store of `tail` is visible.
 *
 * A ring is the traced program's memory: a bug or a hostile program can write
 * anything there, at any moment, also while we read.  So every field is read once
 * and checked against the ring's bounds before use; a record is checked in our copy
 * (the original may change under us), and anything out of bounds makes the ring
 * corrupt: reported once ("sctrace: pid N: ring corrupt: WHAT"), never read again,
 * and its writer released (`abandoned`: it drops and counts instead of waiting).
 * Even the file may shrink under the mapping: the SIGBUS that follows is caught and
 * the mapping replaced by zeros, which read as a corrupt ring. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <inttypes.h>
#include <signal.h>
#include <linux/futex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "calls.h"
#include "drain.h"
#include "calibrate.h"
#include "ringcheck.h"
#include "session.h"

/* The runner's memory bounds: see drop_read_pages and round_cut. */
#define DROP_CHUNK  (64u << 10)
#define KEEP_BYTES  (2u << 20)

/* The drain whose rings the SIGBUS handler looks at (one per process in practice). */
static struct sct_drain *bus_drain;

/* A ring file was truncated under its mapping: put zeros in its place and go on (the
 * faulting read is retried and reads them).  Any other SIGBUS is not ours: default. */
static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	for (struct sct_rring *r = bus_drain ? bus_drain->rings : NULL; r; r = r->next) {
		uintptr_t a = (uintptr_t)si->si_addr, base = (uintptr_t)r->hdr;

		if (a >= base && a - base < r->map_size &&
		    mmap(r->hdr, r->map_size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
			r->truncated = 1;
			return;
		}
	}
	signal(sig, SIG_DFL);
}

int sct_drain_init(struct sct_drain *d, const char *dir, struct sct_totals *totals, int count_mode)
{
	struct sigaction sa;

	memset(d, 0, sizeof(*d));
	d->errfd = 2;
	d->start_time = sct_proc_start_time(getpid());
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
	bus_drain = d;
	d->totals = totals;
	d->count_mode = count_mode;
	d->rescan = 1;
	d->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d->dirfd < 0)
		return -errno;
	return 0;
}

static void unmap(struct sct_rring *r)
{
	munmap(r->hdr, r->map_size);
	free(r);
}

void sct_drain_fini(struct sct_drain *d)
{
	struct sct_rring *r, *next;

	for (r = d->rings; r; r = next) {
		next = r->next;
		unmap(r);
	}
	d->rings = NULL;
	d->nrings = 0;
	d->mapped = 0;
	if (bus_drain == d)
		bus_drain = NULL;
	if (d->dirfd >= 0)
		close(d->dirfd);
	d->dirfd = -1;
	free(d->arena);
	free(d->ents);
	free(d->merged);
	free(d->runs);
	d->arena = NULL;
	d->ents = d->merged = NULL;
	d->runs = NULL;
}

/* "<pid>.<tid>.ring" or "<pid>.<tid>.<gen>.ring" (format/session.h), nothing else */
static int parse_name(const char *name, int *pid, int *tid)
{
	unsigned gen;
	int n = 0;

	if (sscanf(name, "%d.%d.ring%n", pid, tid, &n) == 2 && !name[n])
		return *pid > 0 && *tid > 0 ? 0 : -1;
	n = 0;
	if (sscanf(name, "%d.%d.%u.ring%n", pid, tid, &gen, &n) == 3 && !name[n])
		return *pid > 0 && *tid > 0 ? 0 : -1;
	return -1;
}

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int mapped(const struct sct_drain *d, dev_t dev, ino_t ino)
{
	for (const struct sct_rring *r = d->rings; r; r = r->next)
		if (r->dev == dev && r->ino == ino)
			return 1;
	return 0;
}

/* Say once that ring r is corrupt and why, stop reading it, and release its writer.
 * The report is built in one buffer and written with one write(2): it cannot be
 * interleaved with another, and it prints nothing from the ring but numbers. */
static void corrupt(struct sct_drain *d, struct sct_rring *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void release(struct sct_rring *r)
{
	/* set on every pass, not once: the program may clear it */
	__atomic_store_n(&r->hdr->abandoned, 1, __ATOMIC_SEQ_CST);
}

static void corrupt(struct sct_drain *d, struct sct_rring *r, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	if (r->bad)
		return;
	r->bad = 1;
	n = snprintf(buf, sizeof(buf), "sctrace: pid %d: ring corrupt: ", r->pid);
	if (r->truncated) {	/* what we met after that were the zeros put in its place */
		n += snprintf(buf + n, sizeof(buf) - (size_t)n - 1, "its file was truncated");
	} else {
		va_start(ap, fmt);
		n += vsnprintf(buf + n, sizeof(buf) - (size_t)n - 1, fmt, ap);
		va_end(ap);
	}
	if (n > (int)sizeof(buf) - 2)
		n = (int)sizeof(buf) - 2;
	buf[n++] = '\n';
	if (d->errfd >= 0 && write(d->errfd, buf, (size_t)n) < 0) {
		/* nothing better to do with a report that cannot be written */
	}
	release(r);
}

/* The header's fields, checked once; what fails makes the ring corrupt. */
static void check_header(struct sct_drain *d, struct sct_rring *r, const struct sct_ring *h)
{
	const char *why;

	if (h->pid <= 0 || h->tid <= 0)
		corrupt(d, r, "header names pid %d tid %d", (int)h->pid, (int)h->tid);
	else if (h->data_size && (h->data_size & (h->data_size - 1) ||
				 h->data_size < SCT_RING_MIN_DATA || h->data_size > SCT_RING_MAX_DATA ||
				 r->map_size < SCT_DATA_OFFSET + (size_t)h->data_size))
		corrupt(d, r, "data size %" PRIu32, h->data_size);
	else if (h->ncalls > SCT_MAX_CALLS)
		corrupt(d, r, "%" PRIu32 " calls", h->ncalls);
	else if ((why = sct_bad_clock(&h->clock)))
		corrupt(d, r, "%s %" PRIu32 " >> %" PRIu32, why, h->clock.mult, h->clock.shift);
	else if (h->tail & 7)
		corrupt(d, r, "tail %" PRIu64 " not aligned", h->tail);
}

struct sct_rring *sct_drain_attach(struct sct_drain *d, void *map, size_t map_size,
				   int pid, int tid, const char *name)
{
	struct sct_ring h;
	struct sct_rring *r;

	r = calloc(1, sizeof(*r));
	if (!r) {
		munmap(map, map_size);
		return NULL;
	}
	r->hdr = map;
	r->map_size = map_size;
	r->counts = (const struct sct_count *)((const char *)map + SCT_RING_HDR);
	r->data = (const unsigned char *)map + SCT_DATA_OFFSET;
	r->pid = pid;
	r->tid = tid;
	r->first_ns = mono_ns();	/* lowered by earlier records: the task exists from here */
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->next = d->rings;
	d->rings = r;		/* listed before it is read: the SIGBUS handler must know it */
	d->nrings++;
	d->mapped += map_size;
	memcpy(&h, map, sizeof(h));	/* one snapshot: the program may write meanwhile */
	/* The header says whose ring it is, not the file name: a spare ring made before
	 * a seccomp filter is named for its maker and formatted by its taker (a thread
	 * or a forked child; preload/spare.c). */
	if (h.pid > 0 && h.tid > 0) {
		r->pid = h.pid;
		r->tid = h.tid;
	}
	check_header(d, r, &h);
	if (r->bad) {
		r->ended = 1;
		return r;
	}
	r->mask = h.data_size ? h.data_size - 1 : 0;
	r->ncalls = h.ncalls;
	r->clock = h.clock;
	/* the writers' rough rate marks a TSC ring the runner converts (calibrate.h) */
	r->runner_clock = d->calib && d->calib->tsc && h.clock.mult == d->calib->hint_mult &&
			  h.clock.shift == d->calib->hint_shift;
	r->tail = h.tail;
	r->dropped = h.tail & ~(uint64_t)(DROP_CHUNK - 1);	/* read before us: ours to drop */
	r->created_ns = h.created_ns;
	/* who reads it: a writer that waits checks that this pid is still us */
	r->hdr->reader_start = d->start_time;
	__atomic_store_n(&r->hdr->reader_pid, (int32_t)getpid(), __ATOMIC_RELEASE);
	/* Of two rings of one pid and tid the one created later is the new image's,
	 * whatever order they are found in: the other one is finished. */
	for (struct sct_rring *o = r->next; o; o = o->next)
		if (o->pid == r->pid && o->tid == r->tid) {
			if (o->created_ns <= r->created_ns)
				o->superseded = 1;
			else
				r->superseded = 1;
		}
	return r;
}

/* Map one ring file; 1 when mapped, 0 when not (yet) a complete ring. */
static int map_ring(struct sct_drain *d, const char *name, int pid, int tid)
{
	struct sct_rring *r;
	struct sct_ring h;
	struct stat st;
	size_t size;
	void *p;
	int fd;

	fd = openat(d->dirfd, name, O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return 0;
	/* Not yet formatted (the writer creates, sizes, then fills the header): wait.
	 * A file that never gets there is never mapped; its writer gives up waiting
	 * for a reader by itself (preload/reserve.c). */
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || mapped(d, st.st_dev, st.st_ino) ||
	    pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    h.magic != SCT_RING_MAGIC || h.version != SCT_RING_VERSION ||
	    (h.state != SCT_RING_ACTIVE && h.state != SCT_RING_CLOSED) ||
	    h.data_size > SCT_RING_MAX_DATA ||
	    (uint64_t)st.st_size < SCT_DATA_OFFSET + (uint64_t)h.data_size) {
		close(fd);
		return 0;
	}
	size = SCT_DATA_OFFSET + (size_t)h.data_size;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return 0;
	/* Free the name at once: a thread that execs keeps its tid, and the new image
	 * creates "<pid>.<tid>.ring" again (O_EXCL) while the old image's ring is still
	 * ours to drain. */
	unlinkat(d->dirfd, name, 0);
	r = sct_drain_attach(d, p, size, pid, tid, name);
	if (!r)
		return 0;
	r->dev = st.st_dev;
	r->ino = st.st_ino;
	/* A name is only a claim: a ring of a live process that is none of ours would
	 * keep us waiting for it, and have our signals forwarded to it.  Alive after the
	 * question too: a child that exits meanwhile has no parent chain left to ask
	 * (its ring is ours, and it will not keep us waiting). */
	if (!r->bad && d->ours && sct_task_alive(r->pid, r->tid) && !d->ours(r->pid) &&
	    sct_task_alive(r->pid, r->tid)) {
		corrupt(d, r, "pid %d is not a process sctrace traces", r->pid);
		r->foreign = 1;
	}
	return 1;
}

/* A ring file made in the last second: its writer is still formatting it (a file
 * that never gets there is not looked for on every pass for ever). */
static int young(const struct stat *st)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	return now.tv_sec - st->st_ctim.tv_sec <= 1;
}

unsigned sct_drain_scan(struct sct_drain *d)
{
	unsigned added = 0;
	struct dirent *e;
	int fd, pid, tid;
	DIR *dir;

	d->rescan = 0;
	fd = openat(d->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || !(dir = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	while ((e = readdir(dir)) != NULL) {
		struct stat st;
		if (parse_name(e->d_name, &pid, &tid) < 0 || strlen(e->d_name) >= 64)
			continue;
		if (fstatat(d->dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    mapped(d, st.st_dev, st.st_ino))
			continue;
		if (map_ring(d, e->d_name, pid, tid))
			added++;
		else if (young(&st))
			d->rescan = 1;	/* being made: no event says when it is ready */
	}
	closedir(dir);
	return added;
}

static int grow(void **p, size_t *cap, size_t need, size_t elt)
{
	size_t n = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	q = realloc(*p, n * elt);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

static void wake_writer(struct sct_ring *h)
{
	/* Pairs with the writer's "set waiting, then re-check tail": one of the two sides
	 * sees the other's store (Dekker), hence the full fence after our tail store. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&h->waiting, __ATOMIC_ACQUIRE)) {
		__atomic_store_n(&h->waiting, 0, __ATOMIC_RELEASE);
		/* shared futex: the writer is in another process */
		syscall(SYS_futex, &h->waiting, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
	}
}

const struct sct_clock *sct_drain_clock(const struct sct_drain *d, const struct sct_rring *r)
{
	if (!r->runner_clock)
		return &r->clock;
	sct_calib_finish(d->calib);
	return &d->calib->clock;
}

/* The runner's memory must not grow with the rings (a process can have hundreds, each
 * 1 MiB): once the rings mapped hold more than KEEP_BYTES, the pages of a ring it has
 * read are given back as it goes, in chunks of DROP_CHUNK (a shared mapping of the
 * file: the data stays in the file, and the next lap maps the pages again, which
 * costs page faults: not worth it for a ring or two), and a round copies at most
 * SCT_DRAIN_ROUND_BYTES (runner/round.c).
 * Here: unmap our view of the pages of r's data in [r->dropped, tail), whole chunks
 * only, before the new tail is published (until then the writer cannot write there). */
static void drop_read_pages(const struct sct_drain *d, struct sct_rring *r, uint64_t tail)
{
	uint64_t cap = (uint64_t)r->mask + 1, from = r->dropped, to = tail & ~(uint64_t)(DROP_CHUNK - 1);

	if (d->mapped <= KEEP_BYTES || cap < 2 * DROP_CHUNK || ((uintptr_t)r->data & 4095)) {
		r->dropped = to;
		return;		/* a small ring costs little; never a partial page */
	}
	if (to - from > cap)	/* a whole lap or more: every chunk once */
		from = to - cap;
	while (from < to) {
		uint64_t off = from & r->mask, n = to - from;

		if (n > cap - off)	/* up to the end of the data area, then from its start */
			n = cap - off;
		madvise((void *)(r->data + off), (size_t)n, MADV_DONTNEED);
		from += n;
	}
	r->dropped = to;
}

/* Copy what ring r has committed, up to `limit` bytes (at least one record) and up to
 * the first record that began after `cut` (ns); returns bytes consumed. */
static size_t collect_ring(struct sct_drain *d, struct sct_rring *r, uint64_t cut, uint64_t limit)
{
	struct sct_ring *h = r->hdr;
	uint64_t head, tail = r->tail, start = tail;
	uint64_t cap = (uint64_t)r->mask + 1;
	const struct sct_clock *clk = NULL;

	if (r->truncated)
		corrupt(d, r, "its file was truncated");
	if (r->bad) {
		release(r);
		wake_writer(h);
		return 0;
	}
	__atomic_add_fetch(&h->reader_seq, 1, __ATOMIC_RELAXED);	/* we are alive */
	if (!r->mask) {
		wake_writer(h);
		return 0;
	}
	head = __atomic_load_n(&h->head, __ATOMIC_ACQUIRE);
	if (head < tail || head - tail > cap || (head & 7)) {
		if (head < tail)
			corrupt(d, r, "head %" PRIu64 " behind tail %" PRIu64, head, tail);
		else
			corrupt(d, r, "head %" PRIu64 " with tail %" PRIu64 " in %" PRIu64 " bytes",
				head, tail, cap);
		wake_writer(h);
		return 0;
	}
	if (d->only_tid && r->tid != d->only_tid) {
		/* not traced (strace without -f sees the main thread only): just make room */
		r->tail = head;
		__atomic_store_n(&h->tail, head, __ATOMIC_RELEASE);
		wake_writer(h);
		return (size_t)(head - start);
	}
	if (tail < head)
		clk = sct_drain_clock(d, r);
	while (tail < head) {
		uint32_t off = (uint32_t)tail & r->mask;
		const struct sct_rec *src = (const struct sct_rec *)(r->data + off);
		/* the writer's core has these lines: ask for the next ones early */
		__builtin_prefetch(r->data + ((off + 512) & r->mask));
		__builtin_prefetch(r->data + ((off + 576) & r->mask));
		/* one read of each field the copy is sized and routed by */
		uint32_t size = __atomic_load_n(&src->size, __ATOMIC_RELAXED);
		uint8_t kind = __atomic_load_n(&src->kind, __ATOMIC_RELAXED);
		struct sct_rec *dst;
		const char *why;
		uint64_t val;

		if (size < 8 || (size & 7) || size > head - tail || size > cap - off ||
		    (kind == SCT_REC_PAD && size != cap - off)) {
			/* a writer bug or a scribble: never guess where the next record is */
			corrupt(d, r, "record size %" PRIu32 " at %" PRIu64, size, tail);
			break;
		}
		if (kind != SCT_REC_PAD) {
			if (tail - start + size > limit && tail > start)
				break;	/* this round's share of the ring is taken */
			if (grow((void **)&d->arena, &d->acap, d->alen + size, 1) < 0 ||
			    grow((void **)&d->ents, &d->ecap, d->n + 1, sizeof(*d->ents)) < 0)
				break;	/* out of memory: leave the rest for the next pass */
			dst = (struct sct_rec *)(d->arena + d->alen);
			memcpy(dst, src, size);
			/* from here on only the copy, which the program cannot change */
			dst->size = size;
			dst->kind = kind;
			if ((why = sct_bad_record(r, dst, size, &val))) {
				corrupt(d, r, "%s %" PRIu64 " at %" PRIu64, why, val, tail);
				break;
			}
			dst->t0 = sct_ticks_ns(clk, dst->t0);
			if (dst->t0 > cut)
				break;	/* after the round's cut: next round */
			dst->t1 = sct_ticks_ns(clk, dst->t1);
			if (dst->t0 && dst->t0 < r->first_ns)
				r->first_ns = dst->t0;
			/* a call that never returned (exit_group) may carry no t1 */
			if (dst->t0 > r->last_ns)
				r->last_ns = dst->t0;
			if (dst->t1 > r->last_ns)
				r->last_ns = dst->t1;
			if (dst->kind == SCT_REC_EXIT || dst->kind == SCT_REC_SIGNAL)
				r->ended = 1;	/* the task stops counting for the pid prefix */
			d->ents[d->n] = (struct sct_bent){ d->alen, dst->t0, d->seq++, r };
			d->n++;
			d->alen += size;
		}
		tail += size;
	}
	if (r->truncated) {
		corrupt(d, r, "its file was truncated");
		return 0;
	}
	/* a corrupt ring keeps the records before the corrupt one (each checked in its
	 * copy); the shared tail no longer matters: its writer drops from now on */
	drop_read_pages(d, r, tail);
	r->tail = tail;
	__atomic_store_n(&h->tail, tail, __ATOMIC_RELEASE);
	/* A writer waiting for room is woken once half its ring is free, not after every
	 * round's share of it: it then writes half a ring before it waits again (a wake is
	 * a system call here and a context switch there).  What it has left is taken by
	 * the rounds that follow at once; its wait's 1 ms timeout covers the rest. */
	if (head - tail <= cap / 2 || r->bad)
		wake_writer(h);
	return (size_t)(tail - start);
}

size_t sct_drain_collect(struct sct_drain *d)
{
	size_t bytes = 0, nruns;
	uint64_t cut = sct_drain_round_cut(d);

	if (grow((void **)&d->runs, &d->rcap, d->nrings, sizeof(*d->runs)) < 0)
		d->rcap = 0;	/* no room for the runs: one ring this round, sorted */
	for (;;) {
		d->alen = 0;
		d->n = 0;
		nruns = 0;
		for (struct sct_rring *r = d->rings; r; r = r->next) {
			size_t first = d->n;

			bytes += collect_ring(d, r, cut, r->limit);
			if (d->n == first)
				continue;
			if (nruns == d->rcap)
				break;	/* out of memory: the rest next round */
			d->runs[nruns++] = (struct sct_run){ first, d->n };
		}
		/* a cut that took nothing (times the program wrote out of order): this round
		 * takes each ring's share, whatever the times */
		if (d->n || cut == UINT64_MAX)
			break;
		cut = UINT64_MAX;
	}
	sct_drain_order(d, nruns && grow((void **)&d->merged, &d->mcap, d->n,
					       sizeof(*d->merged)) == 0 ? nruns : 0);
	return bytes;
}

unsigned sct_drain_mark(struct sct_drain *d, int (*alive)(int pid, int tid))
{
	unsigned n = 0;

	for (struct sct_rring *r = d->rings; r; r = r->next) {
		struct sct_ring *h = r->hdr;
		int done;

		if (r->retire) {
			n++;
			continue;
		}
		/* A corrupt ring is read no more: it ends with its thread, or at once when
		 * its pid is none of ours.  Otherwise state before head: a CLOSED ring's
		 * last commit is visible once CLOSED is. */
		if (r->bad)
			done = r->foreign || r->superseded || (alive && !alive(r->pid, r->tid));
		else
			done = __atomic_load_n(&h->state, __ATOMIC_ACQUIRE) == SCT_RING_CLOSED ||
			       r->superseded || (alive && !alive(r->pid, r->tid));
		if (!done)
			continue;
		/* (a counting ring has no records: whatever its head says) */
		if (!r->bad && r->mask && __atomic_load_n(&h->head, __ATOMIC_ACQUIRE) != r->tail)
			continue;
		r->ended = 1;
		r->retire = 1;
		n++;
	}
	return n;
}

unsigned sct_drain_retire(struct sct_drain *d)
{
	struct sct_rring **pp = &d->rings, *r;
	unsigned n = 0;

	while ((r = *pp) != NULL) {
		struct stat st;

		if (!r->retire) {
			pp = &r->next;
			continue;
		}
		/* a corrupt ring's drops are still said (its writer drops from the
		 * report on), its counters are not: nothing else of it is believed */
		if (d->totals && (!d->only_tid || r->tid == d->only_tid)) {
			uint64_t lost = __atomic_load_n(&r->hdr->lost, __ATOMIC_RELAXED);

			if (d->count_mode && !r->bad)
				sct_totals_add_counts(d->totals, r->counts, r->ncalls,
						      sct_drain_clock(d, r));
			if (lost > SCT_LOST_MAX)
				corrupt(d, r, "lost counter %" PRIu64, lost);
			else
				sct_totals_add_lost(d->totals, r->pid, lost);
		}
		/* normally unlinked when mapped; the name may be a newer ring by now */
		if (fstatat(d->dirfd, r->name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    st.st_dev == r->dev && st.st_ino == r->ino)
			unlinkat(d->dirfd, r->name, 0);
		*pp = r->next;
		d->mapped -= r->map_size;
		unmap(r);
		d->nrings--;
		n++;
	}
	return n;
}
