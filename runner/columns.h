/* The -c/-C table with -U's columns in -S's order, laid out as strace 6.1 lays it out
 * (src/count.c call_summary_pers). */
#ifndef SCT_COLUMNS_H
#define SCT_COLUMNS_H

#include "calls.h"
#include "options.h"
#include "out.h"

/* counts[i] (ns: .ticks summed, ~.min_inv the shortest, .max the longest) of calls[i];
 * rows with calls only.  o gives columns[] and sortby. */
void sct_columns_print(struct sct_out *out, const struct sct_count *counts, unsigned n,
		       const struct sct_call *calls, const struct sct_opts *o);

/* Does the table need each call's shortest or longest time? */
int sct_columns_minmax(const struct sct_opts *o);

/* The columns and order without -U and -S: strace's default table */
void sct_columns_default(struct sct_opts *o);

#endif
