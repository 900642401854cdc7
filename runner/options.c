/* Option parsing with strace's spelling, meaning and error wording (strace 6.1). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "calls.h"
#include "columns.h"
#include "options.h"
#include "session.h"
#include "sysnames.h"

enum {
	OPT_SEPARATELY = 0x100, OPT_TRACE, OPT_RING_SIZE, OPT_LOSSY, OPT_HEX_STR, OPT_STATUS,
	OPT_QUIET, OPT_READ, OPT_WRITE, OPT_LIBC_ONLY, OPT_SIGNALS, OPT_DECODE_FDS, OPT_ABBREV,
	OPT_VERBOSE, OPT_ABS_TSTAMP, OPT_ATTACH,
};

/* A power of two the library accepts (preload/init.c): 256 KiB to 1 GiB. */
static int parse_ring_size(const char *arg, unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || v < (1ul << 18) || v > (1ul << 30) || (v & (v - 1)))
		return -1;
	*out = v;
	return 0;
}

static const struct option base_longopts[] = {
	{ "help",              no_argument,       NULL, 'h' },
	{ "version",           no_argument,       NULL, 'V' },
	{ "summary-only",      no_argument,       NULL, 'c' },
	{ "summary",           no_argument,       NULL, 'C' },
	{ "follow-forks",      no_argument,       NULL, 'f' },
	{ "output-separately", no_argument,       NULL, OPT_SEPARATELY },
	{ "ring-size",         required_argument, NULL, OPT_RING_SIZE },
	{ "lossy",             no_argument,       NULL, OPT_LOSSY },
	{ "libc-only",         no_argument,       NULL, OPT_LIBC_ONLY },
	{ "output",            required_argument, NULL, 'o' },
	{ "trace",             required_argument, NULL, OPT_TRACE },
	{ "syscall-times",     optional_argument, NULL, 'T' },
	{ "relative-timestamps", optional_argument, NULL, 'r' },
	{ "absolute-timestamps", optional_argument, NULL, OPT_ABS_TSTAMP },
	{ "timestamps",        optional_argument, NULL, OPT_ABS_TSTAMP },
	{ "string-limit",      required_argument, NULL, 's' },
	{ "columns",           required_argument, NULL, 'a' },
	{ "env",               required_argument, NULL, 'E' },
	{ "strings-in-hex",    optional_argument, NULL, OPT_HEX_STR },
	{ "const-print-style", required_argument, NULL, 'X' },
	{ "successful-only",   no_argument,       NULL, 'z' },
	{ "failed-only",       no_argument,       NULL, 'Z' },
	{ "status",            required_argument, NULL, OPT_STATUS },
	{ "quiet",             optional_argument, NULL, OPT_QUIET },
	{ "silent",            optional_argument, NULL, OPT_QUIET },
	{ "silence",           optional_argument, NULL, OPT_QUIET },
	{ "read",              required_argument, NULL, OPT_READ },
	{ "write",             required_argument, NULL, OPT_WRITE },
	{ "signals",           required_argument, NULL, OPT_SIGNALS },
	{ "decode-fds",        optional_argument, NULL, OPT_DECODE_FDS },
	{ "trace-path",        required_argument, NULL, 'P' },
	{ "no-abbrev",         no_argument,       NULL, 'v' },
	{ "abbrev",            required_argument, NULL, OPT_ABBREV },
	{ "verbose",           required_argument, NULL, OPT_VERBOSE },
	{ "attach",            required_argument, NULL, 'p' },
};

/* base_longopts, then options_summary.c's */
#define NBASE (sizeof(base_longopts) / sizeof(base_longopts[0]))
static struct option longopts[NBASE + 32];

static void join_longopts(void)
{
	size_t n = 0;

	memcpy(longopts, base_longopts, sizeof(base_longopts));
	while (sct_more_longopts[n].name)
		n++;
	memcpy(longopts + NBASE, sct_more_longopts, (n + 1) * sizeof(longopts[0]));
}

struct name_val {
	const char *name;
	int val;
};

/* strace 6.1 src/strace.c xflag_str; a bare --strings-in-hex is "all" */
static const struct name_val xstr_names[] = {
	{ "none", SCT_XSTR_NONE }, { "non-ascii-chars", SCT_XSTR_NON_ASCII_CHARS },
	{ "non-ascii", SCT_XSTR_NON_ASCII }, { "all", SCT_XSTR_ALL }, { NULL, 0 },
};

/* strace 6.1 src/filter_qualify.c statusstr_to_uint and quietstr_to_uint */
static const struct name_val status_names[] = {
	{ "successful", SCT_STATUS_SUCCESSFUL }, { "failed", SCT_STATUS_FAILED },
	{ "unfinished", SCT_STATUS_UNFINISHED }, { "unavailable", SCT_STATUS_UNAVAILABLE },
	{ "detached", SCT_STATUS_DETACHED }, { NULL, 0 },
};

static const struct name_val quiet_names[] = {
	{ "attach", SCT_QUIET_ATTACH }, { "exit", SCT_QUIET_EXIT }, { "exits", SCT_QUIET_EXIT },
	{ "path-resolution", SCT_QUIET_PATH_RESOLVE }, { "personality", SCT_QUIET_PERSONALITY },
	{ "superseded", SCT_QUIET_THREAD_EXECVE }, { "thread-execve", SCT_QUIET_THREAD_EXECVE },
	{ NULL, 0 },
};

/* strace 6.1 src/filter_qualify.c decode_fd_str_to_uint */
static const struct name_val decode_fd_names[] = {
	{ "path", SCT_DECODE_FD_PATH }, { "socket", SCT_DECODE_FD_SOCKET },
	{ "dev", SCT_DECODE_FD_DEV }, { "pidfd", SCT_DECODE_FD_PIDFD }, { NULL, 0 },
};

/* -q, -qq, -qqq: strace's qflag_qual, qqflag_qual, qqqflag_qual */
static const unsigned quiet_levels[] = {
	0, SCT_QUIET_ATTACH | SCT_QUIET_PERSONALITY,
	SCT_QUIET_EXIT | SCT_QUIET_ATTACH | SCT_QUIET_PERSONALITY, SCT_QUIET_ALL,
};

static int name_lookup(const struct name_val *t, const char *s)
{
	for (; t->name; t++)
		if (!strcmp(t->name, s))
			return t->val;
	return -1;
}

/* strace's string_to_uint: a decimal from 0 to INT_MAX (leading blanks and '+' ok) */
static long parse_uint(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < 0 || v > 0x7fffffff)
		return -1;
	return v;
}

struct mask_ctx {
	const struct name_val *names;
	unsigned mask;
};

static int add_name(void *ctx, const char *tok)
{
	struct mask_ctx *m = ctx;
	int v = name_lookup(m->names, tok);

	if (v < 0)
		return -1;
	m->mask |= (unsigned)v;
	return 0;
}

/* A set of named bits (sct_qualify's grammar): the mask of the set, within `all`. */
static int parse_mask(const char *str, const struct name_val *names, unsigned all,
		      const char *what, unsigned *out, char *err, size_t errlen)
{
	struct mask_ctx m = { names, 0 };
	int invert, every;

	if (sct_qualify(str, what, add_name, &m, &invert, &every, err, errlen) < 0)
		return -1;
	if (every)
		m.mask = all;
	*out = invert ? all & ~m.mask : m.mask;
	return 0;
}

/* -e read=SET, -e write=SET: descriptors, with qualify_tokens()'s grammar */
static int add_fd(void *ctx, const char *tok)
{
	struct sct_numset *set = ctx;
	long v = parse_uint(tok);

	if (v < 0)
		return -1;
	if (v < SCT_NUMSET_MAX)
		set->bits[v / 64] |= (uint64_t)1 << (v % 64);
	return 0;
}

static int parse_fdset(const char *str, struct sct_numset *set, char *err, size_t errlen)
{
	int invert, all;

	memset(set, 0, sizeof(*set));
	if (sct_qualify(str, "descriptor", add_fd, set, &invert, &all, err, errlen) < 0)
		return -1;
	set->not = invert ^ all;	/* "all": the empty set, negated */
	return 0;
}

/* strace's -e qualifiers that sctrace does not do yet: known, and refused */
static const char *const unsupported_quals[] = {
	"kvm", "trace-fds", "trace-fd", "fd", "fds",
};

static int is_qual(const char *expr, size_t n, const char *const *names)
{
	for (; *names; names++)
		if (strlen(*names) == n && !strncmp(expr, *names, n))
			return 1;
	return 0;
}

/* -e status=SET, --status=SET */
static int parse_status(struct sct_opts *o, const char *v, char *err, size_t errlen)
{
	return parse_mask(v, status_names, SCT_STATUS_ALL, "status", &o->status, err, errlen);
}

/* -e quiet=SET, --quiet[=SET]: strace refuses it together with -q (checked at the end) */
static int parse_quiet(struct sct_opts *o, const char *v, char *err, size_t errlen)
{
	o->quiet_set = 1;
	return parse_mask(v, quiet_names, SCT_QUIET_ALL, "quiet", &o->quiet, err, errlen);
}

/* -e decode-fds=SET, --decode-fds[=SET] (a bare --decode-fds is "path") */
static int parse_decode_fds(struct sct_opts *o, const char *v, int *set, char *err,
			    size_t errlen)
{
	*set = 1;
	return parse_mask(v, decode_fd_names, SCT_DECODE_FD_ALL, "decode-fds", &o->decode_fds,
			  err, errlen);
}

/* -e EXPR: "trace=SET" (or "t=SET"), status=, quiet=, read=, write=, or a bare SET;
 * other qualifiers are refused. */
static int parse_expr(struct sct_opts *o, const char *expr, char *err, size_t errlen)
{
	static const char *const q_trace[] = { "trace", "t", NULL };
	static const char *const q_status[] = { "status", NULL };
	static const char *const q_quiet[] = { "quiet", "silent", "silence", "q", NULL };
	static const char *const q_read[] = { "read", "reads", "r", NULL };
	static const char *const q_write[] = { "write", "writes", "w", NULL };
	static const char *const q_signal[] = { "signal", "signals", "s", NULL };
	static const char *const q_abbrev[] = { "abbrev", "a", NULL };
	static const char *const q_verbose[] = { "verbose", "v", NULL };
	static const char *const q_decode_fds[] = { "decode-fds", "decode-fd", NULL };
	const char *eq = strchr(expr, '=');

	if (eq) {
		size_t n = (size_t)(eq - expr);
		if (is_qual(expr, n, q_trace))
			return sct_parse_trace(o, eq + 1, err, errlen);
		if (is_qual(expr, n, q_status))
			return parse_status(o, eq + 1, err, errlen);
		if (is_qual(expr, n, q_quiet))
			return parse_quiet(o, eq + 1, err, errlen);
		if (is_qual(expr, n, q_read))
			return parse_fdset(eq + 1, &o->read_fds, err, errlen);
		if (is_qual(expr, n, q_write))
			return parse_fdset(eq + 1, &o->write_fds, err, errlen);
		if (is_qual(expr, n, q_signal))
			return sct_parse_signals(o, eq + 1, err, errlen);
		if (is_qual(expr, n, q_abbrev))
			return sct_parse_abbrev(o, eq + 1, err, errlen);
		if (is_qual(expr, n, q_verbose))
			return sct_parse_verbose(o, eq + 1, err, errlen);
		if (sct_more_qual(expr, n))	/* -e inject=, fault=, raw=, decode-pids= */
			return sct_parse_more_qual(o, expr, n, eq + 1, err, errlen);
		if (is_qual(expr, n, q_decode_fds))
			return parse_decode_fds(o, eq + 1, &o->decode_fds_set, err, errlen);
		for (size_t i = 0; i < sizeof(unsupported_quals) / sizeof(unsupported_quals[0]); i++) {
			if (strlen(unsupported_quals[i]) == n && !strncmp(expr, unsupported_quals[i], n)) {
				snprintf(err, errlen, "unsupported qualifier '%.*s'", (int)n, expr);
				return -1;
			}
		}
	}
	return sct_parse_trace(o, expr, err, errlen);
}

/* strace: string_to_uint_upto(optarg, 2^30 - 1); base 10, leading blanks and '+' ok */
static int parse_strsize(const char *s, unsigned *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end || errno || v < 0 || v > (long long)SCT_STRSIZE_MAX)
		return -1;
	*out = (unsigned)v;
	return 0;
}

static void defaults(struct sct_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->strsize = SCT_DEFAULT_STRSIZE;
	o->rtstamp_prec = 6;
	o->time_prec = 6;
	o->acolumn = SCT_DEFAULT_ACOLUMN;
	o->status = SCT_STATUS_ALL;
	o->signals = ~(uint64_t)0;
	sct_columns_default(o);
}

/* strace's error_opt_arg(): names the option as it was spelt, long or short */
static void bad_arg(int c, int li, const char *arg, char *err, size_t errlen)
{
	if (li >= 0)
		snprintf(err, errlen, "invalid --%s argument: '%s'", longopts[li].name, arg);
	else
		snprintf(err, errlen, "invalid -%c argument: '%s'", c, arg);
}

void sct_options_apply_env(const struct sct_opts *o)
{
	for (int i = 0; i < o->nenv; i++) {
		if (strchr(o->env[i], '='))
			putenv(o->env[i]);
		else
			unsetenv(o->env[i]);
	}
}

int sct_options_parse(struct sct_opts *o, int argc, char **argv, char *err, size_t errlen)
{
	int c, rc, nf = 0, li, prec, xshort = 0, xlong = -1, qshort = 0, zflags = 0, yshort = 0;
	int tshort = 0, tlong = 0;	/* -t and --absolute-timestamps: one or the other */
	long v;

	defaults(o);
	join_longopts();
	err[0] = '\0';
	optind = 0;		/* glibc: full re-initialisation */
	opterr = 0;
	while ((li = -1, c = getopt_long(argc, argv, "+:a:Ab:cCDfiI:no:O:e:E:p:P:qrS:Tts:u:U:hVvwxX:yYzZ",
				     longopts, &li)) != -1) {
		int more = c == '?' || c == ':' ? 0 :
			   sct_options_more(o, c, li >= 0 ? longopts[li].name : NULL, optarg,
					    err, errlen);
		if (more < 0)
			return -more;
		if (more)
			continue;
		switch (c) {
		case 'a':
			if ((v = parse_uint(optarg)) < 0) {
				bad_arg(c, li, optarg, err, errlen);
				return SCT_OPT_USAGE;
			}
			o->acolumn = (unsigned)v;
			break;
		case 'x':
			if (xshort < SCT_XSTR_ALL)
				xshort++;
			break;
		case 'X':
			/* strace: the whole word, no abbreviations */
			if (!strcmp(optarg, "raw"))
				o->cstyle = SCT_CONST_RAW;
			else if (!strcmp(optarg, "abbrev"))
				o->cstyle = SCT_CONST_ABBREV;
			else if (!strcmp(optarg, "verbose"))
				o->cstyle = SCT_CONST_VERBOSE;
			else {
				bad_arg(c, li, optarg, err, errlen);
				return SCT_OPT_USAGE;
			}
			break;
		case OPT_HEX_STR:
			xlong = optarg ? name_lookup(xstr_names, optarg) : SCT_XSTR_ALL;
			if (xlong < 0) {
				bad_arg(c, li, optarg, err, errlen);
				return SCT_OPT_USAGE;
			}
			break;
		case 'z':
		case 'Z':
			o->status = c == 'z' ? SCT_STATUS_SUCCESSFUL : SCT_STATUS_FAILED;
			zflags++;
			break;
		case OPT_STATUS:
			if (parse_status(o, optarg, err, errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case 'q':
			qshort++;
			break;
		case OPT_QUIET:
			/* a bare --quiet is -q's set */
			if (parse_quiet(o, optarg ? optarg : "attach,personality", err, errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case OPT_READ:
		case OPT_WRITE:
			if (parse_fdset(optarg, c == OPT_READ ? &o->read_fds : &o->write_fds,
					err, errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case OPT_SIGNALS:
			if (sct_parse_signals(o, optarg, err, errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case 'y':
			yshort++;
			break;
		case OPT_DECODE_FDS:
			if (parse_decode_fds(o, optarg ? optarg : "path", &o->decode_fds_set, err,
					     errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case 'P':
			if (sct_trace_path(o, optarg, err, errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case 'v':
			if (sct_parse_abbrev(o, "none", err, errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case OPT_ABBREV:
			if (sct_parse_abbrev(o, optarg, err, errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case OPT_VERBOSE:
			if (sct_parse_verbose(o, optarg, err, errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case 'E': {
			char **env = realloc(o->env, (size_t)(o->nenv + 1) * sizeof(*env));
			if (!env) {
				snprintf(err, errlen, "%s", strerror(errno));
				return SCT_OPT_FATAL;
			}
			o->env = env;
			o->env[o->nenv++] = optarg;
			break;
		}
		case 'c':
			o->count = 1;
			break;
		case 'C':
			o->summary = 1;
			break;
		case 'f':
			if (++nf >= 2)
				o->separate = 1;
			o->follow = 1;
			break;
		case OPT_SEPARATELY:
			o->separate = 1;
			break;
		case OPT_LOSSY:
			o->lossy = 1;
			break;
		case OPT_LIBC_ONLY:
			o->libc_only = 1;
			break;
		case OPT_RING_SIZE:
			if (parse_ring_size(optarg, &o->ring_size) < 0) {
				snprintf(err, errlen, "invalid --ring-size argument: '%s'", optarg);
				return SCT_OPT_USAGE;
			}
			break;
		case 'o':
			o->outfile = optarg;
			break;
		case 'p':
			if (sct_attach_parse_pids(o, optarg, err, errlen) < 0)
				return SCT_OPT_FATAL;
			break;
		case 'e':
		case OPT_TRACE:
			if ((c == 'e' ? parse_expr(o, optarg, err, errlen)
				      : sct_parse_trace(o, optarg, err, errlen)) < 0)
				return SCT_OPT_FATAL;
			break;
		case 'T':
		case 'r':
			prec = optarg ? sct_parse_precision(optarg) : 6;
			if (prec < 0) {
				bad_arg(c, li, optarg, err, errlen);
				return SCT_OPT_USAGE;
			}
			if (c == 'T') {
				o->show_time = 1;
				o->time_prec = prec;
			} else {
				o->rtstamp = 1;
				o->rtstamp_prec = prec;
			}
			break;
		case 't':
			sct_tstamp_more(o);
			tshort = 1;
			break;
		case OPT_ABS_TSTAMP:
			tlong = 1;
			if (sct_parse_abs_tstamp(o, optarg) < 0) {
				bad_arg(c, li, optarg, err, errlen);
				return SCT_OPT_USAGE;
			}
			break;
		case 's':
			if (parse_strsize(optarg, &o->strsize) < 0) {
				snprintf(err, errlen, "invalid -s argument: '%s'", optarg);
				return SCT_OPT_USAGE;
			}
			break;
		case 'h':
			o->action = SCT_ACT_HELP;
			return SCT_OPT_OK;
		case 'V':
			o->action = SCT_ACT_VERSION;
			return SCT_OPT_OK;
		case ':':
			/* glibc sets optopt for a long option too: look at how it was spelt */
			if (strncmp(argv[optind - 1], "--", 2))
				snprintf(err, errlen, "option requires an argument -- '%c'", optopt);
			else
				snprintf(err, errlen, "option '%s' requires an argument", argv[optind - 1]);
			return SCT_OPT_USAGE;
		default:
			sct_option_refused(argv[optind - 1], optopt, err, errlen);
			return SCT_OPT_USAGE;
		}
	}
	if (o->count && o->summary) {
		snprintf(err, errlen,
			 "-c/--summary-only and -C/--summary are mutually exclusive");
		return SCT_OPT_USAGE;
	}
	if (optind >= argc && !o->npids) {
		snprintf(err, errlen, "must have PROG [ARGS] or -p PID");
		return SCT_OPT_USAGE;
	}
	o->argc = argc - optind;
	o->argv = argv + optind;
	/* the checks strace makes after the command, in strace's order */
	if (tshort && tlong) {
		snprintf(err, errlen, "-t and --absolute-timestamps cannot be provided simultaneously");
		return SCT_OPT_FATAL;
	}
	if (xlong >= 0 && xshort) {
		snprintf(err, errlen, "-x and --strings-in-hex cannot be provided simultaneously");
		return SCT_OPT_FATAL;
	}
	o->xstyle = xlong >= 0 ? xlong : xshort;
	if (yshort) {
		if (o->decode_fds_set) {
			snprintf(err, errlen, "-y and --decode-fds cannot be provided simultaneously");
			return SCT_OPT_FATAL;
		}
		o->decode_fds = yshort == 1 ? SCT_DECODE_FD_PATH : SCT_DECODE_FD_ALL;
	}
	if ((rc = sct_options_more_check(o, err, errlen)) != SCT_OPT_OK)
		return rc;
	if (o->npaths && o->count) {
		snprintf(err, errlen, "-P/--trace-path with -c/--summary-only is not supported yet");
		return SCT_OPT_FATAL;
	}
	if (zflags > 1)
		sct_options_warn(o, "Only the last of -z/--successful-only/-Z/--failed-only "
				 "options will take effect. See status qualifier for more "
				 "complex filters.");
	if (qshort) {
		if (o->quiet_set) {
			snprintf(err, errlen, "-q and -e quiet/--quiet cannot be provided simultaneously");
			return SCT_OPT_FATAL;
		}
		o->quiet = quiet_levels[qshort < 3 ? qshort : 3];
	} else if (o->outfile && !o->quiet_set && o->argc) {
		/* strace -o FILE CMD is quiet about attaching, as -q (not -o FILE -p PID) */
		o->quiet = quiet_levels[1];
	}
	if (o->quiet & SCT_QUIET_PATH_RESOLVE) {
		free(o->path_notes);
		o->path_notes = NULL;
	}
	return SCT_OPT_OK;
}
