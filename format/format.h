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

/* -y, -yy, --decode-fds=SET: what is shown after a descriptor (strace's DECODE_FD_*) */
enum {
	SCT_DECODE_FD_PATH   = 1 << 0,	/* 3</dev/null> */
	SCT_DECODE_FD_SOCKET = 1 << 1,	/* -yy: socket:[N] (no sock_diag details) */
	SCT_DECODE_FD_DEV    = 1 << 2,	/* -yy: </dev/null<char 1:3>> */
	SCT_DECODE_FD_PIDFD  = 1 << 3,	/* -yy: anon_inode:[pidfd] as is */
	SCT_DECODE_FD_ALL    = (1 << 4) - 1,
};

/* --pidns-translation (--decode-pids=pidns), -Y (--decode-pids=comm): what is shown
 * after a pid (strace's DECODE_PID_*; format/pid.c) */
enum {
	SCT_DECODE_PID_NS   = 1 << 0,	/* "2 / * 4242 in strace's PID NS * /" */
	SCT_DECODE_PID_COMM = 1 << 1,	/* 4242<sh> */
	SCT_DECODE_PID_ALL  = (1 << 2) - 1,
};

/* strace's pid types: what a number names (a thread, a process, a group, a session) */
enum { SCT_PT_TID, SCT_PT_TGID, SCT_PT_PGID, SCT_PT_SID };

/* strace keeps what sock_diag told it of a socket, by inode (inode & 1023), and
 * shows it again without asking: a socket connected since it was first seen prints
 * as it was then.  The runner keeps the same, so that its lines are strace's. */
#define SCT_SOCK_CACHE 1024
struct sct_sock_cache {
	uint64_t inode;
	struct sct_fdpath_sock k;
};

#define SCT_DEFAULT_ACOLUMN 40

/* --absolute-timestamps=format: (strace's) */
enum { SCT_TS_NONE, SCT_TS_TIME, SCT_TS_UNIX };

struct sct_fmt_opts {
	unsigned strsize;		/* -s, default 32 */
	int tstamp;			/* SCT_TS_*: -t/-tt the time of day, -ttt seconds since the epoch */
	int tstamp_prec;		/* its digits after the point: 0 (s), 3, 6 (-tt, -ttt) or 9 */
	int rtstamp;			/* -r: the time since the previous line's, strace's "%6ld.%0*ld " */
	int rtstamp_prec;		/* its digits: 6 by default */
	uint64_t *rtstamp_prev;		/* -r: the previous line's time stamp (0: none yet), the
					 * caller's; NULL: -r prints 0 */
	int show_time;			/* -T: append " <0.000123>" */
	int time_prec;			/* -T's digits: 6 by default */
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
	unsigned decode_fds;		/* SCT_DECODE_FD_* */
	unsigned decode_pids;		/* SCT_DECODE_PID_* */
	/* The runner's answers for them (runner/pidns.c): `id` of type SCT_PT_* as the
	 * traced process `pid` (the runner's number for it) passed or received it, in
	 * the runner's namespace at time `when` (0: not found, or gone by then: strace
	 * asks when it prints, at the call's entry or exit); the command name of a task of the
	 * runner's namespace now, or with `last` the last one known of a task gone
	 * ("" when none).  NULL: the numbers print alone. */
	int (*pid_xlate)(int pid, int id, int type, uint64_t when);
	void (*pid_comm)(int pid, int last, char *buf, size_t cap);
	const uint64_t *raw;		/* -e raw=: bit i set when sct_calls[i]'s arguments and
					 * result print as hex numbers; NULL: none */
	const uint64_t *no_abbrev;	/* -v, -e abbrev=: bit i set when sct_calls[i]'s
					 * structures and arrays print in full; NULL: none */
	const uint64_t *not_verbose;	/* -e verbose=: bit i set when sct_calls[i]'s
					 * structures print as addresses; NULL: none */
	struct sct_sock_cache *sock_cache;	/* -yy: SCT_SOCK_CACHE entries (the runner's),
					 * or NULL (format/fd.c) */
	const char *const *paths;	/* -P: show only calls naming one of these (a path
					 * argument, or a descriptor's path); NULL: all */
	unsigned npaths;
	int show_nr;			/* -n: "[  39] " after the time stamps */
	int detached;
	int show_ip;			/* -i: "[00007f...] " after -n's */			/* -b execve: the call ends " <detached ...>" */
	struct sct_nr_cache *nr_cache;	/* -n: the last call of each task, which strace shows
					 * on its signal lines (the caller's; NULL: "???") */
	struct sct_lead_cache *lead_cache;	/* the caller's SCT_LEAD_CACHE prefixes, or NULL */
	size_t *arg_mark;		/* when not NULL: set to where argument arg_mark_at's
					 * text begins in the output (its ", " before it), or
					 * left as it was when the line has none */
	unsigned arg_mark_at;
};

/* The pid prefix of a line ("4242  ", "[pid  4242] ") as last made for each of a few
 * tasks (by tid % SCT_LEAD_CACHE): copied, not made again, on the next line of the
 * same task (the runner's, whose lines come in runs of one task; -Y's names, which
 * can change, are always made again) */
#define SCT_LEAD_CACHE 16
struct sct_lead_cache {
	int32_t id;
	uint8_t prefix, len;		/* sct_fmt_opts.prefix it was made for (0: empty) */
	char text[32];
};

/* -n on a line that is not a call: strace shows the task's last system call number */
#define SCT_NR_CACHE 64
struct sct_nr_cache {
	int32_t tid[SCT_NR_CACHE];
	int32_t nr[SCT_NR_CACHE];
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
