/* Calls in flight, printed as strace -f prints them: "wait4(-1,  <unfinished ...>"
 * when another task prints while the call has not returned, "<... wait4 resumed>...)
 * = 1234" once it has, and "read(3,  <unfinished ...>) = ?" when the task dies in it.
 *
 * What tells us a call is in flight: the slot its thread publishes on entry
 * (struct sct_pending, format/record.h), read after each collection of records; and
 * a record whose exit (t1) comes after another task's record of the same batch began
 * (-f runs the program with both clock readings, runner/run.c).  Without -f only one
 * thread is read and nothing overlaps: every line stays whole, as strace's do. */
#ifndef SCT_INFLIGHT_H
#define SCT_INFLIGHT_H

#include <stddef.h>
#include <stdint.h>
#include "record.h"

struct sct_merge;
struct sct_drain;
struct sct_call;

struct sct_pend_ent {
	int pid, tid;
	unsigned call;
	int shown;			/* its "<unfinished ...>" line is printed */
	int seen;			/* its slot said so at the latest scan */
	int dead;			/* its pending line "... = ?" is printed */
	uint64_t t0, t1;		/* ns; t1 only with rec */
	uint64_t arg[SCT_MAX_ARGS];
	const struct sct_rec *rec;	/* completed, in the current batch, printed later */
};

struct sct_pend {
	struct sct_pend_ent *e;
	size_t n, cap;
	int exit_group_tid;		/* its exit_group was the latest line: its EXIT
					 * record ends the process, not only the thread */
	int on;				/* pairs are made (asked once a batch, in sct_pend_scan) */
};

void sct_pend_fini(struct sct_pend *p);

/* How many of call c's arguments strace prints on entry: those before the first one
 * the kernel fills in (runner/entry.c). */
unsigned sct_entry_args(const struct sct_call *c);
/* The record of entry e as far as its slot and the program's memory tell, strings cut
 * at strsize + 1 bytes; valid until the next call. */
const struct sct_rec *sct_entry_record(const struct sct_pend_ent *e, unsigned strsize);

/* Read every ring's slot (after a collection, before the batch is printed). */
void sct_pend_scan(struct sct_merge *m, const struct sct_drain *d);

/* Before the batch's record i is printed: the lines of other tasks' calls that began
 * before it.  1 when the record itself was taken (printed as "<... resumed>", or kept
 * to print when its call ends), 0 when the caller prints it as usual. */
int sct_pend_rec(struct sct_merge *m, const struct sct_drain *d, size_t i, unsigned live);

/* After the batch: what was kept of it is printed (the arena is reused). */
void sct_pend_batch_end(struct sct_merge *m, unsigned live);

/* Rings about to be retired (their thread is gone): a call still in flight in one
 * that did not close prints its pending line, "read(3,  <unfinished ...>) = ?". */
void sct_pend_retire(struct sct_merge *m, const struct sct_drain *d);

#endif
