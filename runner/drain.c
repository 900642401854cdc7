/* Draining the rings of a session directory.  The runner is the only consumer of
 * every ring: it owns `tail` and `waiting`'s reset; the traced thread owns `head`.
 * Records are copied out before `tail` moves, so the writer may reuse the space as
 * soon as the release store of `tail` is visible. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "drain.h"
#include "session.h"

int sct_drain_init(struct sct_drain *d, const char *dir, struct sct_totals *totals, int count_mode)
{
	memset(d, 0, sizeof(*d));
	d->totals = totals;
	d->count_mode = count_mode;
	d->rescan = 1;
	d->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d->dirfd < 0)
		return -errno;
	d->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (d->ifd >= 0 && inotify_add_watch(d->ifd, dir, IN_CREATE | IN_MOVED_TO) < 0) {
		close(d->ifd);
		d->ifd = -1;
	}
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
	if (d->ifd >= 0)
		close(d->ifd);
	if (d->dirfd >= 0)
		close(d->dirfd);
	d->ifd = d->dirfd = -1;
	free(d->arena);
	free(d->ents);
	d->arena = NULL;
	d->ents = NULL;
}

void sct_drain_events(struct sct_drain *d)
{
	char buf[4096] __attribute__((aligned(8)));

	while (d->ifd >= 0 && read(d->ifd, buf, sizeof(buf)) > 0)
		d->rescan = 1;
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

/* Map one ring file; 1 when mapped, 0 when not (yet) a complete ring. */
static int map_ring(struct sct_drain *d, const char *name, int pid, int tid)
{
	struct sct_ring h;
	struct sct_rring *r;
	struct stat st;
	size_t size;
	void *p;
	int fd;

	fd = openat(d->dirfd, name, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) < 0 || mapped(d, st.st_dev, st.st_ino) ||
	    pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    h.magic != SCT_RING_MAGIC || h.version != SCT_RING_VERSION ||
	    (h.state != SCT_RING_ACTIVE && h.state != SCT_RING_CLOSED) ||
	    (h.data_size & (h.data_size - 1)) ||
	    (uint64_t)st.st_size < SCT_DATA_OFFSET + (uint64_t)h.data_size) {
		close(fd);
		return 0;
	}
	size = SCT_DATA_OFFSET + (size_t)h.data_size;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return 0;
	r = calloc(1, sizeof(*r));
	if (!r) {
		munmap(p, size);
		return 0;
	}
	r->hdr = p;
	r->counts = (const struct sct_count *)((const char *)p + SCT_RING_HDR);
	r->data = (const unsigned char *)p + SCT_DATA_OFFSET;
	r->map_size = size;
	r->mask = h.data_size ? h.data_size - 1 : 0;
	r->pid = h.pid > 0 ? h.pid : pid;
	r->tid = h.tid > 0 ? h.tid : tid;
	r->dev = st.st_dev;
	r->ino = st.st_ino;
	r->created_ns = h.created_ns;
	r->first_ns = mono_ns();	/* lowered by earlier records: the task exists from here */
	snprintf(r->name, sizeof(r->name), "%s", name);
	/* Free the name at once: a thread that execs keeps its tid, and the new image
	 * creates "<pid>.<tid>.ring" again (O_EXCL) while the old image's ring is still
	 * ours to drain.  Of two rings of one pid and tid the one created later is the
	 * new image's, whatever order they are found in: the other one is finished. */
	unlinkat(d->dirfd, name, 0);
	for (struct sct_rring *o = d->rings; o; o = o->next)
		if (o->pid == r->pid && o->tid == r->tid) {
			if (o->created_ns <= r->created_ns)
				o->superseded = 1;
			else
				r->superseded = 1;
		}
	r->next = d->rings;
	d->rings = r;
	d->nrings++;
	return 1;
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
		added += (unsigned)map_ring(d, e->d_name, pid, tid);
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

/* Copy what ring r has committed; returns bytes consumed. */
static size_t collect_ring(struct sct_drain *d, struct sct_rring *r)
{
	struct sct_ring *h = r->hdr;
	uint64_t head = __atomic_load_n(&h->head, __ATOMIC_ACQUIRE);
	uint64_t tail = h->tail, start = tail;
	uint32_t cap = r->mask + 1;

	if (!h->data_size || r->bad) {
		wake_writer(h);
		return 0;
	}
	if (d->only_tid && r->tid != d->only_tid) {
		/* not traced (strace without -f sees the main thread only): just make room */
		__atomic_store_n(&h->tail, head, __ATOMIC_RELEASE);
		wake_writer(h);
		return (size_t)(head - start);
	}
	while (tail < head) {
		uint32_t off = (uint32_t)tail & r->mask;
		const struct sct_rec *src = (const struct sct_rec *)(r->data + off);
		uint32_t size = src->size;
		struct sct_rec *dst;

		if (size < 8 || (size & 7) || size > head - tail || size > cap - off ||
		    (src->kind != SCT_REC_PAD && size < sizeof(struct sct_rec))) {
			/* a writer bug or a scribble: never guess where the next record is */
			d->corrupt += head - tail;
			r->bad = 1;
			tail = head;
			break;
		}
		if (src->kind != SCT_REC_PAD) {
			if (grow((void **)&d->arena, &d->acap, d->alen + size, 1) < 0 ||
			    grow((void **)&d->ents, &d->ecap, d->n + 1, sizeof(*d->ents)) < 0)
				break;	/* out of memory: leave the rest for the next pass */
			dst = (struct sct_rec *)(d->arena + d->alen);
			memcpy(dst, src, size);
			dst->t0 = sct_ticks_ns(&h->clock, dst->t0);
			dst->t1 = sct_ticks_ns(&h->clock, dst->t1);
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
	__atomic_store_n(&h->tail, tail, __ATOMIC_RELEASE);
	wake_writer(h);
	return (size_t)(tail - start);
}

static int by_time(const void *a, const void *b)
{
	const struct sct_bent *x = a, *y = b;

	if (x->t0 != y->t0)
		return x->t0 < y->t0 ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

size_t sct_drain_collect(struct sct_drain *d)
{
	size_t bytes = 0;

	d->alen = 0;
	d->n = 0;
	for (struct sct_rring *r = d->rings; r; r = r->next)
		bytes += collect_ring(d, r);
	qsort(d->ents, d->n, sizeof(*d->ents), by_time);
	return bytes;
}

int sct_task_alive(int pid, int tid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", pid, tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strrchr(buf, ')');		/* comm may hold spaces and parentheses */
	if (!p || p[1] != ' ')
		return 1;
	return p[2] != 'Z' && p[2] != 'X';
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
		/* state before head: a CLOSED ring's last commit is visible once CLOSED is */
		done = __atomic_load_n(&h->state, __ATOMIC_ACQUIRE) == SCT_RING_CLOSED ||
		       r->superseded;
		if (!done && alive)
			done = !alive(r->pid, r->tid);
		if (!done)
			continue;
		if (!r->bad && __atomic_load_n(&h->head, __ATOMIC_ACQUIRE) != h->tail)
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
		if (d->totals && (!d->only_tid || r->tid == d->only_tid)) {
			if (d->count_mode)
				sct_totals_add_counts(d->totals, r->counts, r->hdr->ncalls, &r->hdr->clock);
			sct_totals_add_lost(d->totals, r->pid, r->hdr->lost);
		}
		/* normally unlinked when mapped; the name may be a newer ring by now */
		if (fstatat(d->dirfd, r->name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    st.st_dev == r->dev && st.st_ino == r->ino)
			unlinkat(d->dirfd, r->name, 0);
		*pp = r->next;
		unmap(r);
		d->nrings--;
		n++;
	}
	return n;
}
