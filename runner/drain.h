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
#include "totals.h"

struct sct_rring {
	struct sct_rring *next;
	struct sct_ring *hdr;
	const unsigned char *data;
	const struct sct_count *counts;
	size_t map_size;
	uint32_t mask;
	int pid, tid;
	dev_t dev;
	ino_t ino;
	uint64_t created_ns;		/* the ring header's: newer of two rings of one task */
	char name[64];			/* file name inside the session directory */
	uint64_t first_ns;		/* when it was mapped, or its earliest record's t0 */
	uint64_t last_ns;		/* t1 of its latest record */
	int ended;			/* closed or gone: last_ns is final */
	int bad;			/* a corrupt record was met: ignored from then on */
	int retire;			/* drained and finished: sct_drain_retire removes it */
	int superseded;			/* a newer ring has the same pid and tid (exec) */
	uint64_t notes_seen;		/* note slots already printed (runner/notes.c) */
};

/* One copied record of a batch: the record lives at arena + off. */
struct sct_bent {
	size_t off;
	uint64_t t0, seq;
	struct sct_rring *ring;
};

struct sct_drain {
	int dirfd;
	int ifd;			/* inotify on the directory, -1 without */
	int rescan;			/* the directory changed since the last scan */
	struct sct_rring *rings;
	unsigned nrings;
	/* the current batch */
	unsigned char *arena;
	size_t alen, acap;
	struct sct_bent *ents;
	size_t n, ecap;
	uint64_t seq;
	/* -c/-C totals; counters are added when a ring retires (count mode) */
	struct sct_totals *totals;
	int count_mode;
	int only_tid;			/* without -f: other threads' rings are drained unread */
	uint64_t corrupt;		/* bytes skipped over corrupt records */
};

/* Open `dir` for draining.  0, or -errno. */
int sct_drain_init(struct sct_drain *d, const char *dir, struct sct_totals *totals, int count_mode);
void sct_drain_fini(struct sct_drain *d);

/* Consume pending inotify events (sets rescan).  Call when sct_drain_fd polls readable. */
void sct_drain_events(struct sct_drain *d);
static inline int sct_drain_fd(const struct sct_drain *d)
{
	return d->ifd;
}

/* Map ring files not mapped yet.  Returns the number of new rings. */
unsigned sct_drain_scan(struct sct_drain *d);

/* Empty the batch, then copy every committed record of every ring into it (t0/t1
 * converted to CLOCK_MONOTONIC ns, PAD skipped), advance tails, wake waiting
 * writers, and sort the batch by t0.  Returns the bytes consumed. */
size_t sct_drain_collect(struct sct_drain *d);

static inline const struct sct_rec *sct_batch_rec(const struct sct_drain *d, size_t i)
{
	return (const struct sct_rec *)(d->arena + d->ents[i].off);
}

/* Mark the rings that are finished (state CLOSED, or thread gone per `alive`) and
 * fully drained; with `alive` NULL only CLOSED counts.  Returns how many. */
unsigned sct_drain_mark(struct sct_drain *d, int (*alive)(int pid, int tid));

/* Add marked rings' counters into the totals, unmap and unlink them. */
unsigned sct_drain_retire(struct sct_drain *d);

/* 1 when the thread exists and is not a zombie (reads /proc). */
int sct_task_alive(int pid, int tid);

#endif
