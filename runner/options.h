/* Command-line options of `sctrace`, parsed into one struct without side effects:
 * no printing, no exiting, no files opened, so every case is unit-testable. */
#ifndef SCT_OPTIONS_H
#define SCT_OPTIONS_H

#include <getopt.h>
#include <stddef.h>
#include <stdint.h>
#include "format.h"
#include "record.h"
#include "injectset.h"

enum { SCT_ACT_RUN = 0, SCT_ACT_HELP, SCT_ACT_VERSION };

/* sct_options_parse's result: what main() does with `err` */
enum {
	SCT_OPT_OK = 0,
	SCT_OPT_USAGE,		/* "sctrace: ERR" + "Try 'sctrace --help' ...", exit 1 */
	SCT_OPT_FATAL,		/* "sctrace: ERR", exit 1 */
};

#define SCT_FILTER_WORDS (SCT_MAX_CALLS / 64)
#define SCT_ATTACH_MAX 256		/* -p PIDs */

/* A set of small numbers (descriptors for -e read=/write=), strace's number_set:
 * `not` inverts it, so "all" is an empty set with not = 1.  Numbers past
 * SCT_NUMSET_MAX are accepted but never match (strace's tests dump 19998 and 19999). */
#define SCT_NUMSET_MAX 32768
struct sct_numset {
	uint64_t bits[SCT_NUMSET_MAX / 64];
	int not;
};

static inline int sct_numset_has(const struct sct_numset *s, long v)
{
	int in = v >= 0 && v < SCT_NUMSET_MAX && (s->bits[v / 64] >> (v % 64) & 1);
	return in != s->not;
}

/* The set as SCTRACE_DUMP_READ/WRITE spell it (format/session.h): "!" when inverted,
 * then hex digits, most significant first, as many as the highest number needs (at
 * least one, at most SCT_NUMSET_MAX / 4).  0 when the set is empty (nothing to
 * dump), else 1. */
#define SCT_NUMSET_HEX (SCT_NUMSET_MAX / 4 + 2)
int sct_numset_hex(const struct sct_numset *set, char out[SCT_NUMSET_HEX]);

/* strace's qualify_tokens() (runner/qualify.c): leading '!'s set *invert, "all" sets
 * *all, "none" neither; else each token of the comma-separated list goes to `each`,
 * which returns -1 for one it does not know.  0, or -1 with strace's message
 * ("invalid WHAT 'TOKEN'") in err. */
int sct_qualify(const char *spec, const char *what, int (*each)(void *ctx, const char *tok),
		void *ctx, int *invert, int *all, char *err, size_t errlen);

/* -U's columns and -S's keys: strace 6.1's count_summary_columns (runner/columns.c) */
enum {
	SCT_COL_NONE = 0, SCT_COL_PERCENT, SCT_COL_TOTAL, SCT_COL_MIN, SCT_COL_MAX,
	SCT_COL_AVG, SCT_COL_CALLS, SCT_COL_ERRORS, SCT_COL_NAME, SCT_NCOLS,
};

#define SCT_MAX_WARNINGS 12

struct sct_opts {
	int action;			/* SCT_ACT_* */
	int count;			/* -c: the table only */
	int summary;			/* -C: the trace and the table */
	int follow;			/* -f */
	int separate;			/* -ff / --output-separately: FILE.PID with -o */
	const char *outfile;		/* -o FILE, NULL for stderr */
	int tstamp;			/* SCT_TS_* (format.h): -t, -tt, -ttt, --absolute-timestamps */
	int tstamp_prec;		/* its digits after the point: 0, 3, 6, 9 */
	int rtstamp;			/* -r, --relative-timestamps */
	int rtstamp_prec;		/* its digits (6 by default) */
	int show_time;			/* -T, --syscall-times */
	int time_prec;			/* its digits (6 by default) */
	unsigned strsize;		/* -s N */
	unsigned long ring_size;	/* --ring-size, 0 for the library's default */
	int lossy;			/* --lossy: writers drop and count instead of waiting */
	int libc_only;			/* --libc-only: no complete mode */
	unsigned acolumn;		/* -a N, --columns=N: column of " = " (default 40) */
	int xstyle;			/* SCT_XSTR_* (format.h): -x, -xx, --strings-in-hex */
	int cstyle;			/* SCT_CONST_* (format.h): -X, --const-print-style */
	unsigned status;		/* SCT_STATUS_* (format.h) bits of calls to show */
	unsigned quiet;			/* SCT_QUIET_* (format.h) bits of messages not shown */
	int quiet_set;			/* -e quiet= / --quiet was given (strace refuses it with -q) */
	uint64_t signals;		/* -e signal=: bit sig - 1 = its "--- SIG" and "+++ killed
					 * by SIG" lines are shown (all by default) */
	struct sct_numset read_fds;	/* -e read=: hex dump of data read from these */
	struct sct_numset write_fds;	/* -e write=: ... and written to these */
	char **env;			/* -E VAR=VAL / -E VAR, in order (pointers into argv) */
	int nenv;
	const char *warning;		/* the first of warnings[], or NULL */
	const char *warnings[SCT_MAX_WARNINGS];	/* messages to print before running, in
					 * strace's order (also before a later error) */
	unsigned nwarnings;
	unsigned char columns[SCT_NCOLS];	/* -U: the table's SCT_COL_*, 0-terminated */
	int columns_set;		/* -U was given */
	int sortby;			/* -S: SCT_COL_* key, SCT_COL_NONE for table order */
	int sortby_set;
	int wallclock;			/* -w (sctrace's -c always measures wall-clock time) */
	uint64_t overhead_ns;		/* -O: taken off each call's time, down to 0 */
	int append;			/* -A: open -o FILE for appending */
	int show_nr;			/* -n: "[ 39] " before each call */
	int show_ip;			/* -i: "[00007f...] " before each call */
	const char *username;		/* -u USER: the command runs as USER */
	int intr;			/* -I N (1-4), 0 when not given: accepted only */
	int daemonize;			/* -D count or --daemonize= (1-3): accepted only */
	int daemonize_long;		/* --daemonize= as given (strace refuses both) */
	int seccomp_bpf;		/* --seccomp-bpf: accepted only */
	int detach_exec;		/* -b execve: a process goes untraced at its next exec */
	unsigned decode_fds;		/* -y, -yy, --decode-fds=: SCT_DECODE_FD_* (format.h) */
	int decode_fds_set;		/* --decode-fds / -e decode-fds= was given */
	unsigned decode_pids;		/* -Y, --pidns-translation, --decode-pids=:
					 * SCT_DECODE_PID_* (format.h) */
	const char **paths;		/* -P PATH, --trace-path=PATH (and what each resolves
					 * to): only calls naming one of them are shown */
	unsigned npaths;
	char *path_notes;		/* "sctrace: Requested path ... resolved into ...\n"
					 * lines to print before running, or NULL */
	int raw_set;			/* -e raw=SET was given */
	uint64_t raw[SCT_FILTER_WORDS];	/* bit i: sct_calls[i] printed raw (hex) */
	int no_abbrev_set;		/* -v / -e abbrev= made some call unabbreviated */
	uint64_t no_abbrev[SCT_FILTER_WORDS];	/* bit i: sct_calls[i] printed in full */
	int not_verbose_set;		/* -e verbose= left some call out */
	uint64_t not_verbose[SCT_FILTER_WORDS];	/* bit i: sct_calls[i]'s structures as addresses */
	int filtered;			/* a -e trace= was given */
	uint64_t filter[SCT_FILTER_WORDS];	/* bit i = sct_calls[i] traced */
	struct sct_inject_set inject;	/* -e inject=, -e fault= (SCTRACE_INJECT) */
	int pids[SCT_ATTACH_MAX];	/* -p PID: processes to attach to (runner/attach.c) */
	int npids;
	int argc;			/* the command and its arguments (0: -p only) */
	char **argv;
};

#define SCT_STRSIZE_MAX 1073741823u	/* strace 6.1 accepts -s up to 2^30 - 1 */

/* Parse argv; on failure return SCT_OPT_USAGE or SCT_OPT_FATAL with the message
 * (without the "sctrace: " prefix) in err.  Resets getopt, so it can be called again. */
int sct_options_parse(struct sct_opts *o, int argc, char **argv, char *err, size_t errlen);

/* One -p argument: pids separated by ',', ' ', '\t' or '\n' (strace's
 * process_opt_p_list).  0, or -1 with strace's message in err. */
int sct_attach_parse_pids(struct sct_opts *o, const char *arg, char *err, size_t errlen);

/* The summary and miscellaneous options of options_summary.c: c is getopt's value
 * (a letter, or SCT_OPT_MORE + n for a long-only one), lname the long option's name
 * or NULL.  1 when handled, 0 when c is not one of them, -SCT_OPT_USAGE or
 * -SCT_OPT_FATAL with the message in err. */
#define SCT_OPT_MORE 0x200
extern const struct option sct_more_longopts[];
int sct_options_more(struct sct_opts *o, int c, const char *lname, const char *arg,
		     char *err, size_t errlen);

/* strace's checks of these options after the command is known, in its order; a
 * warning goes to o->warnings.  SCT_OPT_OK or an error code with err. */
int sct_options_more_check(struct sct_opts *o, char *err, size_t errlen);

/* getopt's '?' for `arg` (optopt as getopt left it): strace's message (optmsg.c) */
void sct_option_refused(const char *arg, int optopt, char *err, size_t errlen);

/* Add a warning (strace's error_msg that does not stop it). */
void sct_options_warn(struct sct_opts *o, const char *msg);

/* -U's argument into o->columns; -S's into o->sortby; -O's into o->overhead_ns
 * (exposed for tests).  0, or -1 with strace's message in err (none for -O). */
int sct_parse_columns(struct sct_opts *o, const char *spec, char *err, size_t errlen);
int sct_parse_sortby(struct sct_opts *o, const char *spec, char *err, size_t errlen);
int sct_parse_overhead(const char *s, uint64_t *ns);

/* Apply the -E changes to this process's environment (putenv / unsetenv), as strace
 * does before starting the command. */
void sct_options_apply_env(const struct sct_opts *o);

/* Parse the value of -e signal= into o->signals (exposed for tests). */
int sct_parse_signals(struct sct_opts *o, const char *spec, char *err, size_t errlen);

/* A set of calls with -e trace='s grammar into out, o->filter unchanged (filters.c). */
int sct_parse_callset(struct sct_opts *o, const char *spec, uint64_t out[SCT_FILTER_WORDS],
		      char *err, size_t errlen);
/* strace's sigstr_to_uint(): a number up to 255 or a name, with or without SIG; -1 */
int sct_signal_number(const char *s);
/* -e inject=EXPR (fault 0) and -e fault=EXPR (fault 1), into o->inject (inject.c) */
int sct_parse_inject(struct sct_opts *o, const char *expr, int fault, char *err, size_t errlen);
/* inject.c: is the -e qualifier q (n bytes) inject, fault, raw or x?  Then its value
 * into o: 0, or -1 with strace's message in err. */
int sct_tamper_qual(const char *q, size_t n);
int sct_parse_tamper(struct sct_opts *o, const char *q, const char *val, char *err, size_t errlen);
/* --inject=, --fault=, --raw= (getopt values SCT_OPT_TAMPER + 0, 1, 2), as
 * sct_options_more answers: 1 handled, 0 not one of them, -SCT_OPT_FATAL */
#define SCT_OPT_TAMPER 0x280
int sct_tamper_option(struct sct_opts *o, int c, const char *arg, char *err, size_t errlen);
/* -Y, --decode-pids=, --pidns-translation (getopt values 'Y', SCT_OPT_PIDS + 0, 1),
 * as sct_options_more answers; -e qualifiers that another file parses: inject=,
 * fault=, raw= (inject.c), decode-pids= (options_pids.c) */
#define SCT_OPT_PIDS 0x2a0
int sct_pids_option(struct sct_opts *o, int c, const char *arg, char *err, size_t errlen);
int sct_more_qual(const char *q, size_t n);
int sct_parse_more_qual(struct sct_opts *o, const char *q, size_t n, const char *val, char *err,
			size_t errlen);

/* Parse the value of -e trace= into o->filter (exposed for tests). */
int sct_parse_trace(struct sct_opts *o, const char *spec, char *err, size_t errlen);

/* -e abbrev=SET (-v is "none"): the calls outside SET print unabbreviated
 * (o->no_abbrev); -e verbose=SET: the calls outside SET show their structures as
 * addresses (o->not_verbose) (filters.c). */
int sct_parse_abbrev(struct sct_opts *o, const char *spec, char *err, size_t errlen);
int sct_parse_verbose(struct sct_opts *o, const char *spec, char *err, size_t errlen);

/* The time-stamp options' values (tstamps.c): a precision's digits (s 0, ms 3, us 6,
 * ns 9; -1 when not one), --absolute-timestamps=ARG into o (-1 when invalid), -t. */
int sct_parse_precision(const char *s);
int sct_parse_abs_tstamp(struct sct_opts *o, const char *arg);
void sct_tstamp_more(struct sct_opts *o);

/* -P PATH: add PATH, and what it resolves to, to o->paths (tracepath.c). */
int sct_trace_path(struct sct_opts *o, const char *path, char *err, size_t errlen);

/* The filter as SCTRACE_FILTER spells it: 64 hex digits, first digit = bits 255..252. */
void sct_filter_hex(const struct sct_opts *o, char out[SCT_MAX_CALLS / 4 + 1]);

static inline int sct_filter_has(const struct sct_opts *o, unsigned i)
{
	return i < SCT_MAX_CALLS && (o->filter[i / 64] >> (i % 64) & 1);
}

extern const char sct_usage_text[];
extern const char sct_version_text[];

#endif
