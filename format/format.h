/* Turning records into strace's text.  Shared by the runner and by the preload's
 * standalone mode, so: no malloc, no stdio, no locale. */
#ifndef SCT_FORMAT_H
#define SCT_FORMAT_H

#include <stdint.h>
#include "out.h"
#include "record.h"

/* -x, -xx, --strings-in-hex=: strace's xflag values, in strace's order */
enum {
	SCT_XSTR_NONE = 0,		/* octal escapes for non-printable bytes */
	SCT_XSTR_NON_ASCII,		/* -x: the whole string in \x.. if any byte is not
					 * printable ASCII or whitespace */
	SCT_XSTR_ALL,			/* -xx: every string in \x.. */
	SCT_XSTR_NON_ASCII_CHARS,	/* only the non-printable bytes as \x.. */
};

/* -X, --const-print-style=: how named constants print (strace's xlat styles) */
enum {
	SCT_CONST_ABBREV = 0,		/* the name: AF_INET (default) */
	SCT_CONST_RAW,			/* the number: 0x2 */
	SCT_CONST_VERBOSE,		/* both: 0x2 / * AF_INET * / */
};

/* strace's stand-in for /proc/sys/net/core/optmem_max when it cannot read it:
 * sizeof(long long) * (2 * IOV_MAX + 512) */
#define SCT_OPTMEM_MAX_DEFAULT (8u * (2u * 1024u + 512u))

/* -e status=: which calls are shown (strace's STATUS_*) */
enum {
	SCT_STATUS_SUCCESSFUL  = 1 << 0,
	SCT_STATUS_FAILED      = 1 << 1,
	SCT_STATUS_UNFINISHED  = 1 << 2,	/* "= ?": exit, exit_group, execve that did not return */
	SCT_STATUS_UNAVAILABLE = 1 << 3,
	SCT_STATUS_DETACHED    = 1 << 4,
	SCT_STATUS_ALL         = (1 << 5) - 1,
};

/* -q, -e quiet=: messages not shown (strace's QUIET_*) */
enum {
	SCT_QUIET_ATTACH       = 1 << 0,
	SCT_QUIET_EXIT         = 1 << 1,	/* "+++ exited with N +++" */
	SCT_QUIET_PATH_RESOLVE = 1 << 2,
	SCT_QUIET_PERSONALITY  = 1 << 3,
	SCT_QUIET_THREAD_EXECVE = 1 << 4,
	SCT_QUIET_ALL          = (1 << 5) - 1,
};

#define SCT_DEFAULT_ACOLUMN 40

struct sct_fmt_opts {
	unsigned strsize;		/* -s, default 32 */
	int tstamp;			/* 0 none, 1 -t, 2 -tt, 3 -ttt */
	int show_time;			/* -T: append " <0.000123>" */
	int prefix;			/* 0 none, 1 "[pid N] " (-f to one stream), 2 "N " (strace -o file -f) */
	int64_t realtime_offset_ns;	/* CLOCK_REALTIME - CLOCK_MONOTONIC, for -t */
	unsigned acolumn;		/* -a: " = " starts at this column (or one space after) */
	int xstyle;			/* SCT_XSTR_* */
	int cstyle;			/* SCT_CONST_* */
	unsigned optmem_max;		/* net.core.optmem_max rounded up to 8, the most of
					 * msg_control strace decodes; 0: the default */
	unsigned status;		/* SCT_STATUS_* of the calls shown */
	unsigned quiet;			/* SCT_QUIET_* of the messages not shown */
	uint64_t signals;		/* -e signal=: bit sig - 1 set when the "--- SIG ..." and
					 * "+++ killed by SIG +++" lines of sig are shown */
};

void sct_fmt_defaults(struct sct_fmt_opts *f);

/* One record -> one line (with '\n').  `r->t0`/`r->t1` must already be in
 * CLOCK_MONOTONIC nanoseconds.  Handles every sct_rec.kind except PAD:
 *   CALL   "openat(AT_FDCWD, \"/etc\", O_RDONLY) = 3"
 *   EXIT   "+++ exited with 0 +++"
 *   SIGNAL "+++ killed by SIGKILL +++" / "+++ killed by SIGSEGV (core dumped) +++"
 *   SIGINFO "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=42, si_uid=0} ---"
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
