/* From a drained batch to text: filter, pid prefix, "Process N attached", -C totals. */
#ifndef SCT_MERGE_H
#define SCT_MERGE_H

#include "drain.h"
#include "format.h"
#include "inflight.h"
#include "options.h"
#include "output.h"
#include "totals.h"

#define SCT_SEEN_HINTS 64

struct sct_merge {
	const struct sct_opts *opts;
	struct sct_fmt_opts fmt;
	uint64_t rtstamp_prev;		/* -r: the last line's time stamp (fmt points here) */
	struct sct_nr_cache nr_cache;
	struct sct_lead_cache lead_cache[SCT_LEAD_CACHE];	/* fmt points here */
	int detaching;			/* -b execve: pid whose execve record ends detached */
	int root_detached;		/* the command detached: sctrace exits 0, as strace */	/* -n: each task's last call (fmt points here) */
	struct sct_output *out;
	struct sct_totals *totals;	/* -C: summed from records; NULL otherwise */
	int root;			/* pid of the command */
	int root_ended;			/* its EXIT or SIGNAL record was printed */
	int detach_all;			/* -p: calls in flight end "<detached ...>" */
	unsigned attached;		/* -p: tasks attached (-f: every thread), and the
					 * command if any */
	int *seen;			/* tids announced or printed already */
	size_t nseen, cap;
	int seen_hint[SCT_SEEN_HINTS];	/* tids of seen[], by tid % SCT_SEEN_HINTS */
	int *ended;			/* pids whose "+++ exited/killed +++" is printed */
	size_t nended, ecap;
	struct sct_reaped *reaped;	/* exit lines owed (see struct sct_reaped) */
	size_t nreaped, rcap;
	unsigned scans;			/* scans of the session directory so far */
	struct sct_pend pend;		/* calls in flight (runner/inflight.c) */
};

/* A traced child reaped before writing its own exit line (killed by a signal, or
 * exit_group made without libc): by a traced parent's wait4, whose record carries
 * the status, or by the runner (a subreaper under -f).  Its line is printed once
 * all its records are: after a scan of the session directory that began after the
 * reaping (a ring it made after an exec may not be mapped yet) found no ring of it
 * left. */
struct sct_reaped {
	int pid, status;
	unsigned scan;			/* sct_merge.scans when it was reaped */
	uint64_t t;
};

void sct_merge_init(struct sct_merge *m, const struct sct_opts *opts, struct sct_output *out,
		    struct sct_totals *totals);
void sct_merge_fini(struct sct_merge *m);

/* strace's prefix rule: 0 none, 1 "[pid N] ", 2 "N " (see merge.c). */
int sct_prefix_mode(const struct sct_opts *opts, unsigned live);

/* Print the batch of `d` (sorted by t0) and flush.  Also announces new tasks. */
void sct_merge_batch(struct sct_merge *m, const struct sct_drain *d);

/* Announce tasks of rings never seen (count mode has no records to do it). */
void sct_merge_announce(struct sct_merge *m, const struct sct_drain *d);

/* Where a line of task tid goes, after its "Process N attached" (runner/inflight.c
 * prints its partial lines there); sets the prefix mode for `live` tasks. */
struct sct_out *sct_merge_out(struct sct_merge *m, int tid, unsigned live);

/* Print one record made up by the runner (the root's "+++ killed by ..." line). */
void sct_merge_emit(struct sct_merge *m, const struct sct_rec *r, unsigned live);

/* Print pid's "+++ exited with N +++" / "+++ killed by SIG +++" from a wait status,
 * unless pid was never traced or has its line already. */
void sct_merge_exit_line(struct sct_merge *m, int pid, int status, uint64_t t, unsigned live);

/* An orphan the runner reaped: its exit line once its rings are drained. */
void sct_merge_reaped(struct sct_merge *m, int pid, int status, uint64_t t);

/* Print the exit lines owed whose time has come; `final` at the end of the run. */
void sct_merge_owed(struct sct_merge *m, const struct sct_drain *d, int final);

/* 1 when pid has printed anything (or was announced). */
int sct_merge_seen(const struct sct_merge *m, int pid);

/* tid was announced already ("Process PID attached with N threads", -p). */
void sct_merge_known(struct sct_merge *m, int tid);

#endif
