/* Reader side of the rings (protocol: format/record.h): find the ring files of a
 * session directory, map them (and unlink them: the mapping keeps the data, and the
 * name is free for the next image of the same thread after exec), copy their records
 * out in batches, wake writers that wait for room, and retire rings whose thread is
 * gone, closed or superseded once they are empty. */
#ifndef SCT_DRAIN_H
#define SCT_DRAIN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "record.h"

struct sct_calib;
#include "totals.h"

/* Everything the runner needs from a ring header is copied here when the ring is
 * mapped and checked once; the shared header is only read again for `head`, `state`
 * and `lost`, each checked on every use (the program can rewrite it at any time). */
struct sct_rring {
	struct sct_rring *next;
	struct sct_ring *hdr;
	const unsigned char *data;
	const struct sct_count *counts;
	size_t map_size;
	uint32_t mask;
	uint32_t ncalls;		/* the header's, at most SCT_MAX_CALLS */
	struct sct_clock clock;		/* the header's, shift < 64 */
	uint64_t tail;			/* ours; the shared copy is for the writer */
	int pid, tid;			/* the runner's numbers for its task */
	int own_pid, own_tid;		/* the task's own, in another pid namespace (or 0):
					 * its records carry them (runner/pidns.c) */
	dev_t dev;
	ino_t ino;
	uint64_t created_ns;		/* the ring header's: newer of two rings of one task */
	char name[64];			/* file name inside the session directory */
	uint64_t first_ns;		/* when it was mapped, or its earliest record's t0 */
	uint64_t last_ns;		/* t1 of its latest record */
	int ended;			/* closed or gone: last_ns is final */
	int bad;			/* corrupt: reported, never read again, writer released */
	int foreign;			/* its pid is no process of ours: retire at once */
	volatile int truncated;		/* the file shrank under us (SIGBUS): now zeros */
	int retire;			/* drained and finished: sct_drain_retire removes it */
	int superseded;			/* a newer ring has the same pid and tid (exec) */
	uint64_t notes_seen;		/* note slots already printed (runner/notes.c) */
	int runner_clock;		/* TSC ticks the runner converts (drain->calib) */
	uint64_t dropped;		/* our view of the data before this is given back */
	uint64_t avail, limit;		/* this round: bytes committed, bytes to take */
};

/* What one sct_drain_collect copies at most, when the rings hold more (plus a record a
 * ring): the runner's memory does not grow with the number of rings. */
#define SCT_DRAIN_ROUND_BYTES (256u << 10)

/* One copied record of a batch: the record lives at arena + off. */
struct sct_bent {
	size_t off;
	uint64_t t0, seq;
	struct sct_rring *ring;
};

/* A ring's records in a round: ents[i, end), in time order but for a few. */
struct sct_run {
	size_t i, end;
};

struct sct_drain {
	int dirfd;
	int watchfd;			/* the directory again, watched (dnotify): -1, or 0
					 * before sct_drain_init (runner/ringmap.c) */
	int rescan;			/* the directory may have changed: scan it */
	struct sct_rring *rings;
	unsigned nrings;
	size_t mapped;			/* bytes of the rings' mappings */
	/* the current batch */
	unsigned char *arena;
	size_t alen, acap;
	struct sct_bent *ents;
	size_t n, ecap;
	uint64_t seq;
	struct sct_bent *merged;	/* the merge's output, then swapped with ents */
	size_t mcap;
	struct sct_run *runs;		/* one a ring: its entries in ents (drain.c) */
	size_t rcap;
	/* -c/-C totals; counters are added when a ring retires (count mode) */
	struct sct_totals *totals;
	int count_mode;
	int only_tid;			/* without -f: other threads' rings are drained unread */
	uint64_t corrupt;		/* 0: a corrupt ring is reported once, by itself,
					 * when met ("ring corrupt"), not summed at the end */
	int (*ours)(int pid);		/* is pid a process we trace? NULL: any is */
	int errfd;			/* where "ring corrupt" reports go (stderr) */
	uint64_t start_time;		/* ours, /proc/self/stat field 22: told to writers */
	struct sct_calib *calib;	/* the runner's TSC clock, or NULL (calibrate.h) */
};

/* Open `dir` for draining.  0, or -errno. */
int sct_drain_init(struct sct_drain *d, const char *dir, struct sct_totals *totals, int count_mode);
void sct_drain_fini(struct sct_drain *d);

/* Map ring files not mapped yet.  Returns the number of new rings. */
unsigned sct_drain_scan(struct sct_drain *d);

/* Take over `map` (map_size bytes from mmap, a ring file `name` found under pid/tid;
 * the task the header names, if any, is the ring's):
 * check its header and add it; a header out of bounds is reported and the ring kept
 * only to release its writer.  Returns the ring.  sct_drain_scan's second half; the
 * fuzz target and the tests feed rings built in memory through it. */
struct sct_rring *sct_drain_attach(struct sct_drain *d, void *map, size_t map_size,
				   int pid, int tid, const char *name);

/* Empty the batch, then copy every committed record of every ring into it (t0/t1
 * converted to CLOCK_MONOTONIC ns, PAD skipped), advance tails, wake waiting
 * writers, and order the batch by t0 (then by the order read).  When the rings hold
 * more than a round's bound, the batch is every record up to a time (drain.c,
 * round_cut) and the rest waits for the next call.  Returns the bytes consumed. */
size_t sct_drain_collect(struct sct_drain *d);

static inline const struct sct_rec *sct_batch_rec(const struct sct_drain *d, size_t i)
{
	return (const struct sct_rec *)(d->arena + d->ents[i].off);
}

/* The clock r's ticks are converted with: the runner's own for its TSC rings, fixed
 * at the first use (calibrate.h), the header's otherwise.  The same for records and
 * for the pending slot (inflight.c), so that a call's two halves meet. */
const struct sct_clock *sct_drain_clock(const struct sct_drain *d, const struct sct_rring *r);

/* Each ring's byte limit for this round (r->avail, r->limit) and the time at which the
 * round ends (UINT64_MAX: none): runner/round.c. */
uint64_t sct_drain_round_cut(struct sct_drain *d);

/* Put the round's records (ents[0, n)) in time order: the nruns runs merged through
 * `merged` (room for n), or, with nruns 0, one sort (runner/order.c). */
void sct_drain_order(struct sct_drain *d, size_t nruns);

/* Mark the rings that are finished (state CLOSED, or thread gone per `alive`) and
 * fully drained; with `alive` NULL only CLOSED counts.  Returns how many. */
unsigned sct_drain_mark(struct sct_drain *d, int (*alive)(int pid, int tid));

/* Add marked rings' counters into the totals, unmap and unlink them. */
unsigned sct_drain_retire(struct sct_drain *d);

/* 1 when the thread exists and is not a zombie (reads /proc). */
int sct_task_alive(int pid, int tid);

/* 1 when `pid` is a descendant of this process (reads /proc). */
int sct_is_descendant(int pid);
/* ... of process `anc` */
int sct_is_descendant_of(int pid, int anc);

/* /proc/PID/stat field 22 (start time in clock ticks since boot); 0 if unknown. */
uint64_t sct_proc_start_time(int pid);

#endif
