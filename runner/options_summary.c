/* The options of strace 6.1 beyond tracing and filtering: the -c table's (-S, -U, -w,
 * -O), the output's (-A, -n, -i), the command's user (-u), and those sctrace accepts
 * for strace's sake but that have nothing to act on without ptrace (-I, -D,
 * --daemonize, --seccomp-bpf).  Same wording and exit paths as strace's. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "options.h"

enum {
	MORE_DAEMONIZE = SCT_OPT_MORE, MORE_SECCOMP,
};

const struct option sct_more_longopts[] = {
	{ "summary-sort-by",          required_argument, NULL, 'S' },
	{ "summary-columns",          required_argument, NULL, 'U' },
	{ "summary-wall-clock",       no_argument,       NULL, 'w' },
	{ "summary-syscall-overhead", required_argument, NULL, 'O' },
	{ "output-append-mode",       no_argument,       NULL, 'A' },
	{ "syscall-number",           no_argument,       NULL, 'n' },
	{ "instruction-pointer",      no_argument,       NULL, 'i' },
	{ "user",                     required_argument, NULL, 'u' },
	{ "interruptible",            required_argument, NULL, 'I' },
	{ "detach-on",                required_argument, NULL, 'b' },
	{ "daemonize",                optional_argument, NULL, MORE_DAEMONIZE },
	{ "daemonised",               optional_argument, NULL, MORE_DAEMONIZE },
	{ "daemonized",               optional_argument, NULL, MORE_DAEMONIZE },
	{ "seccomp-bpf",              no_argument,       NULL, MORE_SECCOMP },
	{ "inject",                   required_argument, NULL, SCT_OPT_TAMPER },	/* inject.c */
	{ "fault",                    required_argument, NULL, SCT_OPT_TAMPER + 1 },
	{ "raw",                      required_argument, NULL, SCT_OPT_TAMPER + 2 },
	{ "decode-pids",              required_argument, NULL, SCT_OPT_PIDS },	/* options_pids.c */
	{ "pidns-translation",        no_argument,       NULL, SCT_OPT_PIDS + 1 },
	{ NULL, 0, NULL, 0 },
};

/* strace 6.1 src/count.c column_aliases: the names -U and -S take */
static const struct { const char *name; unsigned char col; } col_names[] = {
	{ "time", SCT_COL_PERCENT }, { "time_percent", SCT_COL_PERCENT },
	{ "time-percent", SCT_COL_PERCENT }, { "time_total", SCT_COL_TOTAL },
	{ "time-total", SCT_COL_TOTAL }, { "total_time", SCT_COL_TOTAL },
	{ "total-time", SCT_COL_TOTAL }, { "min_time", SCT_COL_MIN },
	{ "min-time", SCT_COL_MIN }, { "shortest", SCT_COL_MIN }, { "time_min", SCT_COL_MIN },
	{ "time-min", SCT_COL_MIN }, { "longest", SCT_COL_MAX }, { "max_time", SCT_COL_MAX },
	{ "max-time", SCT_COL_MAX }, { "time_max", SCT_COL_MAX }, { "time-max", SCT_COL_MAX },
	{ "avg_time", SCT_COL_AVG }, { "avg-time", SCT_COL_AVG }, { "time_avg", SCT_COL_AVG },
	{ "time-avg", SCT_COL_AVG }, { "calls", SCT_COL_CALLS }, { "count", SCT_COL_CALLS },
	{ "error", SCT_COL_ERRORS }, { "errors", SCT_COL_ERRORS }, { "name", SCT_COL_NAME },
	{ "syscall", SCT_COL_NAME }, { "syscall_name", SCT_COL_NAME },
	{ "syscall-name", SCT_COL_NAME }, { "none", SCT_COL_NONE }, { "nothing", SCT_COL_NONE },
};
#define NCOL_NAMES (sizeof(col_names) / sizeof(col_names[0]))

void sct_options_warn(struct sct_opts *o, const char *msg)
{
	if (o->nwarnings < SCT_MAX_WARNINGS)
		o->warnings[o->nwarnings++] = msg;
	if (!o->warning)
		o->warning = msg;
}

/* -S KEY: "time" and its aliases sort by total time, "nothing" keeps table order */
int sct_parse_sortby(struct sct_opts *o, const char *spec, char *err, size_t errlen)
{
	for (size_t i = 0; i < NCOL_NAMES; i++) {
		if (!strcmp(col_names[i].name, spec)) {
			o->sortby = col_names[i].col == SCT_COL_PERCENT ? SCT_COL_TOTAL
									: col_names[i].col;
			return 0;
		}
	}
	snprintf(err, errlen, "invalid sortby: '%s'", spec);
	return -1;
}

/* -U COL,COL...: each once; "none" is no column; the name column is always there,
 * last unless placed */
int sct_parse_columns(struct sct_opts *o, const char *s, char *err, size_t errlen)
{
	unsigned char seen[SCT_NCOLS] = { 0 };
	unsigned n = 0;

	memset(o->columns, 0, sizeof(o->columns));
	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		size_t i;

		for (i = 0; i < NCOL_NAMES; i++)
			if (!strncmp(col_names[i].name, s, len) && !col_names[i].name[len] &&
			    col_names[i].col != SCT_COL_NONE)
				break;
		if (i == NCOL_NAMES) {
			snprintf(err, errlen, "unknown column name: '%.*s'", (int)len, s);
			return -1;
		}
		if (seen[col_names[i].col]) {
			snprintf(err, errlen, "call summary column has been provided more than "
				 "once: '%s' (-U option residual: '%s')", col_names[i].name, s);
			return -1;
		}
		seen[col_names[i].col] = 1;
		o->columns[n++] = col_names[i].col;
		if (!comma)
			break;
		s = comma + 1;
	}
	if (!seen[SCT_COL_NAME])
		o->columns[n++] = SCT_COL_NAME;
	return 0;
}

/* strace's parse_ts(): an integer or a decimal number, then s, ms, us or ns
 * (microseconds without a suffix) */
int sct_parse_overhead(const char *s, uint64_t *ns)
{
	static const struct { const char *sfx; uint64_t scale; } units[] = {
		{ "", 1000 }, { "s", 1000000000 }, { "ms", 1000000 }, { "us", 1000 }, { "ns", 1 },
	};
	size_t flen = strspn(s, "eE.-+0123456789"), ilen = strspn(s, "+0123456789");
	double fv = -1;
	long long iv = -1;
	uint64_t scale = 0;
	char *end;

	errno = 0;
	if (flen > ilen) {
		fv = strtod(s, &end);
		if (end == s || errno || fv < 0)
			return -1;
	} else {
		if (!*s)
			return -1;
		iv = strtoll(s, &end, 10);
		if (end == s || iv < 0 || (iv == LLONG_MAX && errno == ERANGE) ||
		    (*end && !strchr("smun", *end)))
			return -1;
	}
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (!strcmp(end, units[i].sfx))
			scale = units[i].scale;
	if (!scale)
		return -1;
	if (flen > ilen) {
		uint64_t per_s = 1000000000 / scale;
		uint64_t sec = (uint64_t)(fv / (double)per_s);
		*ns = sec * 1000000000 + (uint64_t)((fv - (double)(sec * per_s)) * (double)scale)
				% 1000000000;
	} else {
		*ns = (uint64_t)iv * scale;
	}
	return 0;
}

/* -I: strace's parse_interruptible_arg; 0 is not a value */
static int parse_intr(const char *arg)
{
	static const char *const names[] = { "anywhere", "always", "waiting", "never",
					     "never_tstp" };
	static const int vals[] = { 1, 1, 2, 3, 4 };
	char *end;
	long v;

	for (int i = 0; i < 5; i++)
		if (!strcmp(arg, names[i]))
			return vals[i];
	errno = 0;
	v = strtol(arg, &end, 10);
	if (end == arg || *end || errno || v < 0 || v > 4)
		return -1;
	return (int)v;
}

/* --daemonize[=grandchild|pgroup|pgrp|session] */
static int parse_daemonize(const char *arg)
{
	static const char *const names[] = { "grandchild", "pgroup", "pgrp", "session" };
	static const int vals[] = { 1, 2, 2, 3 };

	if (!arg)
		return 1;
	for (int i = 0; i < 4; i++)
		if (!strcmp(arg, names[i]))
			return vals[i];
	return 0;
}

static int bad_arg(int c, const char *lname, const char *arg, char *err, size_t errlen)
{
	if (lname)
		snprintf(err, errlen, "invalid --%s argument: '%s'", lname, arg ? arg : "(null)");
	else
		snprintf(err, errlen, "invalid -%c argument: '%s'", c, arg);
	return -SCT_OPT_USAGE;
}

int sct_options_more(struct sct_opts *o, int c, const char *lname, const char *arg,
		     char *err, size_t errlen)
{
	switch (c) {
	case 'S':
		if (sct_parse_sortby(o, arg, err, errlen) < 0)
			return -SCT_OPT_USAGE;
		o->sortby_set = 1;
		return 1;
	case 'U':
		o->columns_set = 1;
		if (sct_parse_columns(o, arg, err, errlen) < 0)
			return -SCT_OPT_USAGE;
		return 1;
	case 'w':
		o->wallclock = 1;
		return 1;
	case 'O':
		if (sct_parse_overhead(arg, &o->overhead_ns) < 0)
			return bad_arg(c, lname, arg, err, errlen);
		return 1;
	case 'A':
		o->append = 1;
		return 1;
	case 'n':
		o->show_nr = 1;
		return 1;
	case 'i':
		o->show_ip = 1;
		return 1;
	case 'u':
		o->username = arg;
		return 1;
	case 'I':
		if ((o->intr = parse_intr(arg)) <= 0)
			return bad_arg(c, lname, arg, err, errlen);
		return 1;
	case 'b':
		if (strcmp(arg, "execve")) {
			snprintf(err, errlen, "Syscall '%s' for -b isn't supported", arg);
			return -SCT_OPT_FATAL;
		}
		o->detach_exec = 1;
		return 1;
	case 'D':
		o->daemonize++;
		return 1;
	case MORE_DAEMONIZE:
		if ((o->daemonize_long = parse_daemonize(arg)) == 0)
			return bad_arg(c, lname, arg, err, errlen);
		return 1;
	case MORE_SECCOMP:
		o->seccomp_bpf = 1;
		return 1;
	case 'Y':
	case SCT_OPT_PIDS:
	case SCT_OPT_PIDS + 1:
		return sct_pids_option(o, c, arg, err, errlen);
	}
	return sct_tamper_option(o, c, arg, err, errlen);
}

int sct_options_more_check(struct sct_opts *o, char *err, size_t errlen)
{
	int cflag = o->count || o->summary;

	if (o->daemonize_long) {
		if (o->daemonize) {
			snprintf(err, errlen, "-D and --daemonize cannot be provided simultaneously");
			return SCT_OPT_FATAL;
		}
		o->daemonize = o->daemonize_long;
	}
	if (o->daemonize > 3) {
		snprintf(err, errlen, "Too many -D's (%d), maximum supported -D count is 3",
			 o->daemonize);
		return SCT_OPT_USAGE;
	}
	if (o->seccomp_bpf && o->detach_exec) {
		sct_options_warn(o, "--seccomp-bpf is not enabled because it is not "
				    "compatible with -b");
		o->seccomp_bpf = 0;
	}
	if (o->seccomp_bpf && !o->follow) {
		sct_options_warn(o, "--seccomp-bpf cannot be used without -f/--follow-forks, "
				    "disabling");
		o->seccomp_bpf = 0;
	}
	if (o->separate && cflag) {
		snprintf(err, errlen, "(-c/--summary-only or -C/--summary) and "
			 "-ff/--output-separately are mutually exclusive");
		return SCT_OPT_USAGE;
	}
	if (o->wallclock && !cflag) {
		snprintf(err, errlen, "-w/--summary-wall-clock must be given with "
			 "(-c/--summary-only or -C/--summary)");
		return SCT_OPT_USAGE;
	}
	if (o->columns_set && !cflag) {
		snprintf(err, errlen, "-U/--summary-columns must be given with "
			 "(-c/--summary-only or -C/--summary)");
		return SCT_OPT_USAGE;
	}
	if (o->sortby_set && !cflag)
		sct_options_warn(o, "-S/--summary-sort-by has no effect without "
				    "(-c/--summary-only or -C/--summary)");
	if (o->count) {
		if (o->show_ip)
			sct_options_warn(o, "-i/--instruction-pointer has no effect with "
					    "-c/--summary-only");
		if (o->show_nr)
			sct_options_warn(o, "-n/--syscall-number has no effect with "
					    "-c/--summary-only");
		if (o->rtstamp)
			sct_options_warn(o, "-r/--relative-timestamps has no effect with "
					    "-c/--summary-only");
		if (o->tstamp)
			sct_options_warn(o, "-t/--absolute-timestamps has no effect with "
					    "-c/--summary-only");
		if (o->show_time)
			sct_options_warn(o, "-T/--syscall-times has no effect with "
					    "-c/--summary-only");
		if (o->decode_fds)
			sct_options_warn(o, "-y/--decode-fds has no effect with -c/--summary-only");
	}
	if (o->separate && o->outfile && (o->outfile[0] == '|' || o->outfile[0] == '!')) {
		snprintf(err, errlen, "piping the output and -ff/--output-separately are "
			 "mutually exclusive");
		return SCT_OPT_USAGE;
	}
	/* strace's room for FILE.PID: a name that leaves none is refused at once */
	if (o->separate && o->outfile && strlen(o->outfile) >= PATH_MAX - 3 * sizeof(int)) {
		snprintf(err, errlen, "%s: %s", o->outfile, strerror(ENAMETOOLONG));
		return SCT_OPT_FATAL;
	}
	if (!o->outfile) {
		if (o->separate && !o->follow)
			sct_options_warn(o, "--output-separately has no effect without "
					    "-o/--output");
		if (o->append)
			sct_options_warn(o, "-A/--output-append-mode has no effect without "
					    "-o/--output");
	}
	return SCT_OPT_OK;
}
