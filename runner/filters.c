/* Which calls and which signal deliveries are shown: -e trace=SET (strace's grammar of
 * names, %classes, /regexes and "!", into the filter bits of struct sct_opts, which
 * the library reads from SCTRACE_FILTER) and -e signal=SET; and how: -e abbrev=SET
 * (-v), -e verbose=SET. */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "calls.h"
#include "options.h"
#include "sysnames.h"

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

/* /REGEX: the calls it matches; as strace, one matching no system call at all is an
 * error unless the token is optional ("?/REGEX"); `tok` is the token as given. */
static int add_regex(struct sct_opts *o, const char *re, const char *tok, int optional,
		     char *err, size_t errlen)
{
	regex_t rx;
	int rc = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB), found;

	if (rc) {
		char msg[128];
		regerror(rc, &rx, msg, sizeof(msg));
		snprintf(err, errlen, "regcomp: %s: %s", re, msg);	/* strace's words */
		return -1;
	}
	found = sct_kernel_syscall_match(&rx);
	for (unsigned i = 0; i < sct_ncalls && i < SCT_MAX_CALLS; i++)
		if (regexec(&rx, sct_calls[i].name, 0, NULL, 0) == 0) {
			set_bit(o, i);
			found = 1;
		}
	regfree(&rx);
	if (!found && !optional) {
		snprintf(err, errlen, "invalid system call '%s'", tok);
		return -1;
	}
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
	char *at, *cut = NULL;

	if (*tok == '?') {
		optional = 1;
		tok++;
	}
	if (*tok == '/')
		return add_regex(o, tok + 1, orig, optional, err, errlen);
	at = strrchr(tok, '@');
	if (at && (!strcmp(at, "@64") || !strcmp(at, "@32") || !strcmp(at, "@x32"))) {
		if (strcmp(at, "@64"))
			return 0;	/* sctrace only sees the native personality */
		*at = '\0';
		cut = at;
	}
	if (!strcmp(tok, "all")) {	/* a list item too ("all,read"), where none is not */
		for (unsigned i = 0; i < sct_ncalls && i < SCT_MAX_CALLS; i++)
			set_bit(o, i);
		return 0;
	}
	/* a number: the x86-64 system call of that number (-e fault=desc,51) */
	if (*tok >= '0' && *tok <= '9') {
		char *end;
		unsigned long nr = strtoul(tok, &end, 10);
		if (!*end && nr < SCT_NR_MAX && sct_call_of_nr[nr] != SCT_CALL_NONE) {
			if (sct_call_of_nr[nr] < SCT_MAX_CALLS)
				set_bit(o, sct_call_of_nr[nr]);
			return 0;
		}
	}
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
	if (cut)
		*cut = '@';	/* strace names the whole token: '-1@64' */
	snprintf(err, errlen, "invalid system call '%s'", orig);
	return -1;
}

int sct_parse_trace(struct sct_opts *o, const char *spec, char *err, size_t errlen)
{
	const char *s = spec;
	int negate = 0, rc = 0, ntok = 0;
	char *copy, *tok, *save;

	memset(o->filter, 0, sizeof(o->filter));
	o->filtered = 1;
	while (*s == '!') {	/* strace: each '!' inverts what follows */
		negate ^= 1;
		s++;
	}
	/* all and none as the whole set; none is no list item ("1,none" is an error) */
	if (!strcmp(s, "all") || !strcmp(s, "none")) {
		negate ^= !strcmp(s, "all");
		goto done;
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
	for (tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		rc = add_token(o, tok, err, errlen);
		ntok++;
	}
	free(copy);
	if (rc)
		return -1;
	if (!ntok) {
		/* strace: "-e trace=," names no call at all */
		snprintf(err, errlen, "invalid system call '%s'", spec);
		return -1;
	}
done:
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


/* strace's sigstr_to_uint(): a number up to 255, or a name with or without "SIG" in
 * any case (SIGRTMIN is 32, SIGRT_1.. follow, as strace names them); -1 if neither */
int sct_signal_number(const char *s)
{
	char *end;
	unsigned long v;

	if (*s >= '0' && *s <= '9') {
		errno = 0;
		v = strtoul(s, &end, 10);
		return errno || *end || v > 255 ? -1 : (int)v;
	}
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (int sig = 1; sig <= 64; sig++) {
		const char *name = sct_signal_name(sig);
		if (name && !strcasecmp(name + 3, s))
			return sig;
	}
	return -1;
}

/* -e signal=SET: qualify_tokens()'s grammar ("!" inverts, all, none, a list of
 * signals); signals past 64 are accepted and never delivered. */
static int add_signal(void *ctx, const char *tok)
{
	uint64_t *set = ctx;
	int sig = sct_signal_number(tok);

	if (sig < 0)
		return -1;
	if (sig >= 1 && sig <= 64)
		*set |= (uint64_t)1 << (sig - 1);
	return 0;
}

int sct_parse_signals(struct sct_opts *o, const char *spec, char *err, size_t errlen)
{
	uint64_t set = 0;
	int invert, all;

	if (sct_qualify(spec, "signal", add_signal, &set, &invert, &all, err, errlen) < 0)
		return -1;
	if (all)
		set = ~(uint64_t)0;
	o->signals = invert ? ~set : set;
	return 0;
}

/* A set of calls with -e trace='s grammar, into `out` (o->filter is left as it was). */
int sct_parse_callset(struct sct_opts *o, const char *v, uint64_t out[SCT_FILTER_WORDS],
			 char *err, size_t errlen)
{
	uint64_t keep[SCT_FILTER_WORDS];
	int filtered = o->filtered, rc;

	memcpy(keep, o->filter, sizeof(keep));
	rc = sct_parse_trace(o, v, err, errlen);
	memcpy(out, o->filter, sizeof(o->filter));
	memcpy(o->filter, keep, sizeof(keep));
	o->filtered = filtered;
	return rc;
}

/* -e abbrev=SET: the calls in SET are abbreviated (all by default; -v is "none") */
int sct_parse_abbrev(struct sct_opts *o, const char *v, char *err, size_t errlen)
{
	uint64_t set[SCT_FILTER_WORDS];

	if (sct_parse_callset(o, v, set, err, errlen) < 0)
		return -1;
	o->no_abbrev_set = 0;
	for (unsigned i = 0; i < SCT_MAX_CALLS; i++) {
		uint64_t bit = (uint64_t)(i < sct_ncalls && !(set[i / 64] >> (i % 64) & 1)) << (i % 64);
		o->no_abbrev[i / 64] = (o->no_abbrev[i / 64] & ~((uint64_t)1 << (i % 64))) | bit;
		o->no_abbrev_set |= bit != 0;
	}
	return 0;
}

/* -e verbose=SET: structures of the calls outside SET print as addresses (the last
 * -e verbose= given says, as strace's qualify) */
int sct_parse_verbose(struct sct_opts *o, const char *v, char *err, size_t errlen)
{
	uint64_t set[SCT_FILTER_WORDS];

	if (sct_parse_callset(o, v, set, err, errlen) < 0)
		return -1;
	o->not_verbose_set = 0;
	for (unsigned i = 0; i < SCT_MAX_CALLS; i++) {
		uint64_t bit = (uint64_t)(i < sct_ncalls && !(set[i / 64] >> (i % 64) & 1)) << (i % 64);
		o->not_verbose[i / 64] = (o->not_verbose[i / 64] & ~((uint64_t)1 << (i % 64))) | bit;
		o->not_verbose_set |= bit != 0;
	}
	return 0;
}
