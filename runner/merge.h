/* From a drained batch to text: filter, pid prefix, "Process N attached", -C totals. */
#ifndef SCT_MERGE_H
#define SCT_MERGE_H

#include "drain.h"
#include "format.h"
#include "options.h"
#include "output.h"
#include "totals.h"

struct sct_merge {
	const struct sct_opts *opts;
	struct sct_fmt_opts fmt;
	struct sct_output *out;
	struct sct_totals *totals;	/* -C: summed from records; NULL otherwise */
	int root;			/* pid of the command */
	int root_ended;			/* its EXIT or SIGNAL record was printed */
	int *seen;			/* tids announced or printed already */
	size_t nseen, cap;
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

/* Print one record made up by the runner (the root's "+++ killed by ..." line). */
void sct_merge_emit(struct sct_merge *m, const struct sct_rec *r, unsigned live);

#endif
