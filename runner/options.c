/* Option parsing with strace's spelling, meaning and error wording (strace 6.1). */
#include <errno.h>
#include <getopt.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "calls.h"
#include "options.h"
#include "session.h"
#include "sysnames.h"

const char sct_version_text[] =
	"sctrace -- version 0.1\n"
	"A ptrace-free system call tracer; output in strace's notation.\n";

const char sct_usage_text[] =
	"Usage: sctrace [-cCfTtV] [-e trace=SET] [-o FILE] [-s STRSIZE] PROG [ARGS]\n"
	"\n"
	"Tracing:\n"
	"  -f, --follow-forks     follow forks\n"
	"  -ff                    with -o FILE, one file per process: FILE.PID\n"
	"      --output-separately\n"
	"\n"
	"Filtering:\n"
	"  -e trace=[!][?]{NAME|%CLASS|/REGEX|all|none}[,...], --trace=...\n"
	"                         trace only the given system calls\n"
	"     classes:            %file %desc %network %process %signal %ipc %memory\n"
	"                         %creds %clock %stat %lstat %fstat %%stat\n"
	"\n"
	"Output format:\n"
	"  -o FILE, --output=FILE send trace output to FILE instead of stderr\n"
	"  -s STRSIZE, --string-limit=STRSIZE\n"
	"                         limit length of print strings to STRSIZE chars (default 32)\n"
	"  -t                     print absolute timestamp\n"
	"  -tt                    print absolute timestamp with usecs\n"
	"  -ttt                   print absolute UNIX time with usecs\n"
	"  -T, --syscall-times    print time spent in each syscall\n"
	"\n"
	"Rings (sctrace only):\n"
	"      --ring-size=BYTES  record space per traced thread, a power of two from\n"
	"                         262144 to 1073741824 (default 1048576)\n"
	"      --lossy            when a ring is full, drop and count records instead of\n"
	"                         making the program wait for sctrace\n"
	"      --libc-only        trace only calls through libc's entry points (no\n"
	"                         Syscall User Dispatch): less overhead, fewer calls\n"
	"\n"
	"Statistics:\n"
	"  -c, --summary-only     count time, calls, and errors for each syscall and\n"
	"                         report summary\n"
	"  -C, --summary          like -c, but also print the regular output\n"
	"\n"
	"Miscellaneous:\n"
	"  -h, --help             print help message\n"
	"  -V, --version          print version\n";

enum { OPT_SEPARATELY = 0x100, OPT_TRACE, OPT_RING_SIZE, OPT_LOSSY, OPT_LIBC_ONLY };

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

static const struct option longopts[] = {
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
	{ "syscall-times",     no_argument,       NULL, 'T' },
	{ "string-limit",      required_argument, NULL, 's' },
	{ NULL, 0, NULL, 0 },
};

/* strace's -e qualifiers other than trace: known, but not something sctrace does */
static const char *const unsupported_quals[] = {
	"abbrev", "a", "verbose", "v", "raw", "x", "signal", "signals", "s", "read",
	"reads", "r", "write", "writes", "w", "fault", "inject", "status", "quiet",
	"silent", "silence", "q", "kvm", "decode-fds", "decode-pids", "trace-fds",
	"trace-fd", "fd", "fds",
};

/* strace's classes that select no call sctrace can report */
static const char *const empty_classes[] = { "pure", "statfs", "%statfs", "fstatfs" };

static void set_bit(struct sct_opts *o, unsigned i)
{
	o->filter[i / 64] |= (uint64_t)1 << (i % 64);
}

static void add_class(struct sct_opts *o, uint32_t bit)
{
	for (unsigned i = 0; i < sct_ncalls && i < SCT_MAX_CALLS; i++)
		if (sct_calls[i].classes & bit)
			set_bit(o, i);
}

static int add_regex(struct sct_opts *o, const char *re, char *err, size_t errlen)
{
	regex_t rx;
	int rc = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB);

	if (rc) {
		char msg[128];
		regerror(rc, &rx, msg, sizeof(msg));
		snprintf(err, errlen, "%s: %s", re, msg);
		return -1;
	}
	for (unsigned i = 0; i < sct_ncalls && i < SCT_MAX_CALLS; i++)
		if (regexec(&rx, sct_calls[i].name, 0, NULL, 0) == 0)
			set_bit(o, i);
	regfree(&rx);
	return 0;
}

static int in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

/* One token of a trace set: NAME, %CLASS, CLASS (strace's old spelling), /REGEX,
 * all, none, with an optional leading '?' (ignore if unknown) and "@64" suffix. */
static int add_token(struct sct_opts *o, char *tok, char *err, size_t errlen)
{
	const char *orig = tok;
	int optional = 0, idx;
	uint32_t bit;
	char *at;

	if (*tok == '?') {
		optional = 1;
		tok++;
	}
	if (*tok == '/')
		return add_regex(o, tok + 1, err, errlen);
	at = strrchr(tok, '@');
	if (at && (!strcmp(at, "@64") || !strcmp(at, "@32") || !strcmp(at, "@x32"))) {
		if (strcmp(at, "@64"))
			return 0;	/* sctrace only sees the native personality */
		*at = '\0';
	}
	if (!strcmp(tok, "all")) {
		for (unsigned i = 0; i < sct_ncalls && i < SCT_MAX_CALLS; i++)
			set_bit(o, i);
		return 0;
	}
	if (!strcmp(tok, "none"))
		return 0;
	if (*tok != '%' && (idx = sct_call_lookup(tok)) >= 0) {
		if (idx < SCT_MAX_CALLS)
			set_bit(o, (unsigned)idx);
		return 0;
	}
	if (*tok != '%' && sct_kernel_syscall(tok))
		return 0;
	{
		const char *cls = *tok == '%' ? tok + 1 : tok;
		if (!strcmp(cls, "net"))
			cls = "network";
		if (*cls && (bit = sct_class_lookup(cls)) != 0) {
			add_class(o, bit);
			return 0;
		}
		if (*tok == '%' && in_list(cls, empty_classes,
					   sizeof(empty_classes) / sizeof(empty_classes[0])))
			return 0;
	}
	if (optional)
		return 0;
	snprintf(err, errlen, "invalid system call '%s'", orig);
	return -1;
}

int sct_parse_trace(struct sct_opts *o, const char *spec, char *err, size_t errlen)
{
	const char *s = spec;
	int negate = 0, rc = 0;
	char *copy, *tok, *save;

	memset(o->filter, 0, sizeof(o->filter));
	o->filtered = 1;
	if (*s == '!') {
		negate = 1;
		s++;
	}
	if (!*s) {
		snprintf(err, errlen, "invalid system call '%s'", spec);
		return -1;
	}
	copy = strdup(s);
	if (!copy) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	for (tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save))
		rc = add_token(o, tok, err, errlen);
	free(copy);
	if (rc)
		return -1;
	if (negate)
		for (unsigned i = 0; i < SCT_MAX_CALLS; i++)
			o->filter[i / 64] ^= (uint64_t)(i < sct_ncalls) << (i % 64);
	return 0;
}

void sct_filter_hex(const struct sct_opts *o, char out[SCT_MAX_CALLS / 4 + 1])
{
	static const char hex[] = "0123456789abcdef";

	for (unsigned d = 0; d < SCT_MAX_CALLS / 4; d++) {
		unsigned bit = SCT_MAX_CALLS - 4 - 4 * d;
		out[d] = hex[o->filter[bit / 64] >> (bit % 64) & 0xf];
	}
	out[SCT_MAX_CALLS / 4] = '\0';
}

/* -e EXPR: "trace=SET" (or "t=SET"), or a bare SET; other qualifiers are refused. */
static int parse_expr(struct sct_opts *o, const char *expr, char *err, size_t errlen)
{
	const char *eq = strchr(expr, '=');

	if (eq) {
		size_t n = (size_t)(eq - expr);
		if ((n == 5 && !strncmp(expr, "trace", 5)) || (n == 1 && expr[0] == 't'))
			return sct_parse_trace(o, eq + 1, err, errlen);
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
}

int sct_options_parse(struct sct_opts *o, int argc, char **argv, char *err, size_t errlen)
{
	int c, nf = 0;

	defaults(o);
	err[0] = '\0';
	optind = 0;		/* glibc: full re-initialisation */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:cCfo:e:Tts:hV", longopts, NULL)) != -1) {
		switch (c) {
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
		case 'e':
		case OPT_TRACE:
			if ((c == 'e' ? parse_expr(o, optarg, err, errlen)
				      : sct_parse_trace(o, optarg, err, errlen)) < 0)
				return SCT_OPT_FATAL;
			break;
		case 'T':
			o->show_time = 1;
			break;
		case 't':
			if (o->tstamp < 3)
				o->tstamp++;
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
			if (optopt)
				snprintf(err, errlen, "invalid option -- '%c'", optopt);
			else
				snprintf(err, errlen, "unrecognized option '%s'", argv[optind - 1]);
			return SCT_OPT_USAGE;
		}
	}
	if (o->count && o->summary) {
		snprintf(err, errlen,
			 "-c/--summary-only and -C/--summary are mutually exclusive");
		return SCT_OPT_USAGE;
	}
	if (optind >= argc) {
		snprintf(err, errlen, "must have PROG [ARGS] or -p PID");
		return SCT_OPT_USAGE;
	}
	o->argc = argc - optind;
	o->argv = argv + optind;
	return SCT_OPT_OK;
}
