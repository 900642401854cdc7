/* Mapping the rings of a session directory (part of the reader: runner/drain.h):
 * find the ring files, check each name and header once, map them and unlink them,
 * and replace a mapping whose file shrank under us with zeros (SIGBUS).  A ring is
 * the traced program's memory: see drain.c for what the reader trusts of it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "drain.h"
#include "drain_int.h"
#include "calibrate.h"
#include "ringcheck.h"
#include "pidns.h"
#include "session.h"

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
	d->start_time = sct_proc_start_time(sct_pidns_self());
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
	/* A process of another pid namespace cannot ring the bell (our pid is nobody's
	 * there, or another's): the kernel rings it for every file made here (dnotify),
	 * so that its new ring is read as soon as another's.  On a descriptor of its own:
	 * closing the one it was asked on ends it, and the caller may replace dirfd. */
	d->watchfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d->watchfd >= 0 && (fcntl(d->watchfd, F_SETSIG, SIGURG) < 0 ||
				fcntl(d->watchfd, F_NOTIFY, DN_CREATE | DN_MULTISHOT) < 0)) {
		close(d->watchfd);
		d->watchfd = -1;
	}
	return 0;
}

void sct_drain_unmap(struct sct_rring *r)
{
	munmap(r->hdr, r->map_size);
	free(r);
}

void sct_drain_fini(struct sct_drain *d)
{
	struct sct_rring *r, *next;

	for (r = d->rings; r; r = next) {
		next = r->next;
		sct_drain_unmap(r);
	}
	d->rings = NULL;
	d->nrings = 0;
	d->mapped = 0;
	if (bus_drain == d)
		bus_drain = NULL;
	if (d->dirfd >= 0)
		close(d->dirfd);
	if (d->watchfd > 0)
		close(d->watchfd);
	d->watchfd = -1;
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

void sct_drain_release(struct sct_rring *r)
{
	/* set on every pass, not once: the program may clear it */
	__atomic_store_n(&r->hdr->abandoned, 1, __ATOMIC_SEQ_CST);
}

void sct_drain_corrupt(struct sct_drain *d, struct sct_rring *r, const char *fmt, ...)
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
	sct_drain_release(r);
}

/* The header's fields, checked once; what fails makes the ring corrupt. */
static void check_header(struct sct_drain *d, struct sct_rring *r, const struct sct_ring *h)
{
	const char *why;

	if (h->pid <= 0 || h->tid <= 0)
		sct_drain_corrupt(d, r, "header names pid %d tid %d", (int)h->pid, (int)h->tid);
	else if (h->data_size && (h->data_size & (h->data_size - 1) ||
				 h->data_size < SCT_RING_MIN_DATA || h->data_size > SCT_RING_MAX_DATA ||
				 r->map_size < SCT_DATA_OFFSET + (size_t)h->data_size))
		sct_drain_corrupt(d, r, "data size %" PRIu32, h->data_size);
	else if (h->ncalls > SCT_MAX_CALLS)
		sct_drain_corrupt(d, r, "%" PRIu32 " calls", h->ncalls);
	else if ((why = sct_bad_clock(&h->clock)))
		sct_drain_corrupt(d, r, "%s %" PRIu32 " >> %" PRIu32, why, h->clock.mult, h->clock.shift);
	else if (h->tail & 7)
		sct_drain_corrupt(d, r, "tail %" PRIu64 " not aligned", h->tail);
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
		if (h.pidns || h.proc_pid)	/* another pid namespace, or /proc */
			sct_pidns_ring(&h, &r->pid, &r->tid, &r->own_pid, &r->own_tid);
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
		sct_drain_corrupt(d, r, "pid %d is not a process sctrace traces", r->pid);
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
