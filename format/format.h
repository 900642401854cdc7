/* Turning records into strace's text.  Shared by the runner and by the preload's
 * standalone mode, so: no malloc, no stdio, no locale. */
#ifndef SCT_FORMAT_H
#define SCT_FORMAT_H

#include <stdint.h>
#include "out.h"
#include "record.h"

struct sct_fmt_opts {
	unsigned strsize;		/* -s, default 32 */
	int tstamp;			/* 0 none, 1 -t, 2 -tt, 3 -ttt */
	int show_time;			/* -T: append " <0.000123>" */
	int prefix;			/* 0 none, 1 "[pid N] " (-f to one stream), 2 "N " (strace -o file -f) */
	int64_t realtime_offset_ns;	/* CLOCK_REALTIME - CLOCK_MONOTONIC, for -t */
};

void sct_fmt_defaults(struct sct_fmt_opts *f);

/* One record -> one line (with '\n').  `r->t0`/`r->t1` must already be in
 * CLOCK_MONOTONIC nanoseconds.  Handles every sct_rec.kind except PAD:
 *   CALL   "openat(AT_FDCWD, \"/etc\", O_RDONLY) = 3"
 *   EXIT   "+++ exited with 0 +++"
 *   SIGNAL "+++ killed by SIGKILL +++" / "+++ killed by SIGSEGV (core dumped) +++"
 *   NOTE   "sctrace: pid N: TEXT" */
void sct_format_record(struct sct_out *o, const struct sct_rec *r, const struct sct_fmt_opts *f);

/* The -c table, strace's layout, sorted by time (descending) like strace's default.
 * counts[i] belongs to sct_calls[i]; `ticks` must already be converted to ns. */
void sct_format_summary(struct sct_out *o, const struct sct_count *counts, unsigned n);

/* Errno and signal names, shared with the runner. */
const char *sct_errno_name(int err);		/* "ENOENT", NULL if unknown */
const char *sct_errno_text(int err);		/* "No such file or directory" */
const char *sct_signal_name(int sig);		/* "SIGINT", NULL if unknown */

#endif
