/* The -c/-C table, and what the runner says about records it never received. */
#ifndef SCT_SUMMARY_H
#define SCT_SUMMARY_H

#include "out.h"
#include "totals.h"

struct sct_opts;
/* The table of -U's columns in -S's order (runner/columns.c) */
void sct_summary_print(struct sct_out *o, const struct sct_totals *t,
		       const struct sct_opts *opts);

/* "sctrace: N records lost" to stderr when writers dropped any; nothing otherwise. */
void sct_summary_lost(const struct sct_totals *t, uint64_t corrupt_bytes);

#endif
