/* -e inject=SET:..., -e fault=SET:... (--inject=, --fault=): strace 6.1's tampering
 * options, parsed as strace parses them (src/filter_qualify.c parse_inject_token):
 * the same tokens, the same ranges, and every error "invalid inject argument 'EXPR'"
 * (or "invalid fault argument"), after the set's own "invalid system call" errors.
 * Each option makes one rule; a call follows the last option that names it. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "calls.h"
#include "format.h"
#include "options.h"

/* strace's string_to_uint_ex(): a decimal number in 0..max that ends at the end or
 * at one of `endings`; -1 otherwise */
static long long uint_ex(const char *s, char **end, long long max, const char *endings)
{
	char *e;
	long long v;

	errno = 0;
	v = strtoll(s, &e, 10);
	if (e == s || v < 0 || v > max || errno || (*e && (!endings || !strchr(endings, *e))))
		return -1;
	if (end)
		*end = e;
	return v;
}

/* when=FIRST[..LAST][+[STEP]] */
static int parse_when(struct sct_inject_rule *u, const char *v)
{
	char *end;
	long long n = uint_ex(v, &end, 0xffff, "+.");

	if (n < 1)
		return -1;
	u->first = (uint16_t)n;
	if (*end == '.') {
		if (end[1] != '.')
			return -1;
		n = uint_ex(end + 2, &end, 0xffff, "+");
		if (n < u->first || n == SCT_INJECT_LAST_INF)
			return -1;
		u->last = (uint16_t)n;
	} else {
		u->last = SCT_INJECT_LAST_INF;
	}
	if (*end) {
		if (end[1]) {
			n = uint_ex(end + 1, NULL, 0xffff, NULL);
			if (n < 1)
				return -1;
			u->step = (uint16_t)n;
		} else {
			u->step = 1;
		}
	} else {
		u->step = u->last == SCT_INJECT_LAST_INF ? 0 : 1;
	}
	return 0;
}

/* strace's find_errno_by_name(): any errno strace knows, in any case */
static int errno_by_name(const char *s)
{
	for (int e = 1; e < 4096; e++) {
		const char *name = sct_errno_name(e);
		if (name && !strcasecmp(name, s))
			return e;
	}
	return -1;
}

/* strace's TRACE_PURE calls: no arguments, no side effects, never fail */
static int pure_call(const char *s)
{
	static const char *const pure[] = { "getpid", "getppid", "gettid", "getuid", "geteuid",
					    "getgid", "getegid", "getpgrp" };
	long long nr = uint_ex(s, NULL, SCT_NR_MAX - 1, NULL);
	int idx = nr >= 0 ? (sct_call_of_nr[nr] == SCT_CALL_NONE ? -1 : sct_call_of_nr[nr])
			  : sct_call_lookup(s);

	if (idx < 0 || (unsigned)idx >= sct_ncalls)
		return -1;
	for (size_t i = 0; i < sizeof(pure) / sizeof(pure[0]); i++)
		if (!strcmp(sct_calls[idx].name, pure[i]))
			return sct_nr_of_call[idx];
	return -1;
}

/* delay_enter=/delay_exit=: strace's parse_ts(), a number (a fraction too) with an
 * optional unit s, ms, us, ns; microseconds without one */
static int parse_delay(const char *s, uint64_t *ns)
{
	static const struct { const char *sfx; double scale; } units[] = {
		{ "", 1e3 }, { "s", 1e9 }, { "ms", 1e6 }, { "us", 1e3 }, { "ns", 1 },
	};
	size_t fl = strspn(s, "eE.-+0123456789"), il = strspn(s, "+0123456789");
	char *end;
	double v;

	if (fl > il) {
		errno = 0;
		v = strtod(s, &end);
		if (end == s || errno || v < 0)
			return -1;
	} else {
		long long n = uint_ex(s, &end, LLONG_MAX, "smun");
		if (n < 0)
			return -1;
		v = (double)n;
	}
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (!strcmp(end, units[i].sfx)) {
			double t = v * units[i].scale;
			if (t >= 1.8e19)
				return -1;
			*ns = (uint64_t)t;
			return 0;
		}
	}
	return -1;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* poke_enter=/poke_exit=@argN=HEX[,@argM=HEX...] */
static int parse_poke(struct sct_inject_rule *u, const char *v, int exit_side)
{
	unsigned flag = exit_side ? SCT_INJ_POKE_EXIT : SCT_INJ_POKE_ENTER;
	const char *p = v;

	if ((u->flags & flag) || !*v)
		return -1;
	for (;;) {
		const char *hex, *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p), n;
		struct sct_inject_poke *pk;
		unsigned arg;

		if (len < 6 || strncmp(p, "@arg", 4) || p[4] < '1' || p[4] > '7' || p[5] != '=')
			return -1;
		arg = (unsigned)(p[4] - '0');
		hex = p + 6;
		n = len - 6;
		if (!n || n % 2 || n > 2 * SCT_INJECT_POKE_MAX)
			return -1;
		for (unsigned i = 0; i < u->npokes; i++)
			if (u->poke[i].arg == arg && u->poke[i].exit == exit_side)
				return -1;	/* strace's poke_add(): one per argument */
		if (u->npokes >= SCT_INJECT_POKES || u->poke_bytes + n / 2 > SCT_INJECT_POKE_MAX)
			return -1;
		pk = &u->poke[u->npokes++];
		pk->exit = (uint8_t)exit_side;
		pk->arg = (uint8_t)arg;
		pk->off = u->poke_bytes;
		pk->len = (uint16_t)(n / 2);
		for (size_t i = 0; i < n; i += 2) {
			int hi = hexval(hex[i]), lo = hexval(hex[i + 1]);
			if (hi < 0 || lo < 0)
				return -1;
			u->data[u->poke_bytes++] = (uint8_t)(hi << 4 | lo);
		}
		if (!comma)
			break;
		p = comma + 1;
	}
	u->flags |= flag;
	return 0;
}

static int parse_token(struct sct_opts *o, struct sct_inject_rule *u, const char *tok, int fault)
{
	const char *v;
	long long n;

#define VAL(prefix) (!strncmp(tok, prefix, sizeof(prefix) - 1) && (v = tok + sizeof(prefix) - 1))
	if (VAL("when="))
		return parse_when(u, v);
	if (VAL("syscall=")) {
		int nr = (u->flags & SCT_INJ_SYSCALL) ? -1 : pure_call(v);
		if (nr < 0)
			return -1;
		u->sub = (int16_t)nr;
		u->flags |= SCT_INJ_SYSCALL;
		return 0;
	}
	if (VAL("error=")) {
		if (u->flags & (SCT_INJ_ERROR | SCT_INJ_RETVAL))
			return -1;
		n = uint_ex(v, NULL, 4095, NULL);
		if (n < 0)
			n = errno_by_name(v);
		if (n < 1)
			return -1;
		u->val = (uint64_t)n;
		u->flags |= SCT_INJ_ERROR;
		return 0;
	}
	if (fault)
		return -1;
	if (VAL("retval=")) {
		char *end;
		unsigned long long x;

		if (u->flags & (SCT_INJ_ERROR | SCT_INJ_RETVAL))
			return -1;
		errno = 0;
		x = strtoull(v, &end, 0);
		if (end == v || *end || ((x == 0 || x == ULLONG_MAX) && errno))
			return -1;
		/* strace's check_inadvertent_fault_injection(): said, and done */
		if ((long long)x < 0 && (long long)x >= -4095) {
			static char msg[4][128];
			static unsigned nmsg;
			char *m = msg[nmsg++ % 4];
			snprintf(m, sizeof(msg[0]), "Inadvertent injection of error %lld is "
				 "possible for retval=%llu", -(long long)x, x);
			sct_options_warn(o, m);
		}
		u->val = x;
		u->flags |= SCT_INJ_RETVAL;
		return 0;
	}
	if (VAL("signal=")) {
		int sig = (u->flags & SCT_INJ_SIGNAL) ? -1 : sct_signal_number(v);
		if (sig < 1 || sig > 64)
			return -1;
		u->signo = sig;
		u->flags |= SCT_INJ_SIGNAL;
		return 0;
	}
	if (VAL("poke_enter="))
		return parse_poke(u, v, 0);
	if (VAL("poke_exit="))
		return parse_poke(u, v, 1);
	if (VAL("delay_enter=") || VAL("delay_exit=")) {
		int enter = tok[6] == 'e' && tok[7] == 'n';
		unsigned flag = enter ? SCT_INJ_DELAY_ENTER : SCT_INJ_DELAY_EXIT;
		if ((u->flags & flag) || parse_delay(v, enter ? &u->delay_enter_ns : &u->delay_exit_ns) < 0)
			return -1;
		u->flags |= flag;
		return 0;
	}
#undef VAL
	return -1;
}

/* The rules no call follows any more are dropped: a later option replaced them. */
static void compact(struct sct_inject_set *s)
{
	unsigned map[SCT_INJECT_MAX + 1] = { 0 }, n = 0;

	for (unsigned i = 0; i < SCT_MAX_CALLS; i++)
		if (s->of[i])
			map[s->of[i]] = 1;
	for (unsigned r = 1; r <= s->n; r++) {
		if (!map[r])
			continue;
		if (n != r - 1)
			s->rule[n] = s->rule[r - 1];
		map[r] = ++n;
	}
	for (unsigned i = 0; i < SCT_MAX_CALLS; i++)
		s->of[i] = (uint8_t)map[s->of[i]];
	s->n = n;
}

int sct_parse_inject(struct sct_opts *o, const char *expr, int fault, char *err, size_t errlen)
{
	const char *what = fault ? "fault argument" : "inject argument";
	struct sct_inject_rule u;
	uint64_t set[SCT_FILTER_WORDS];
	char *copy = strdup(expr), *save = NULL, *name, *tok;
	int ok = 1;

	if (!copy) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	memset(&u, 0, sizeof(u));
	u.first = 1;
	u.last = SCT_INJECT_LAST_INF;
	u.step = 1;
	/* strace: nothing before the first ':' is the set "", and no token is read */
	if (*copy == ':' || !*copy) {
		name = (char *)"";
	} else {
		name = strtok_r(copy, ":", &save);
		while (ok && (tok = strtok_r(NULL, ":", &save)))
			ok = parse_token(o, &u, tok, fault) == 0;
	}
	if (!ok) {
		free(copy);
		snprintf(err, errlen, "invalid %s '%s'", what, expr);
		return -1;
	}
	if (sct_parse_callset(o, name, set, err, errlen) < 0) {
		free(copy);
		return -1;
	}
	free(copy);
	if (!(u.flags & ~(uint32_t)SCT_INJ_SYSCALL)) {
		if (!fault) {
			snprintf(err, errlen, "invalid %s '%s'", what, expr);
			return -1;
		}
		u.val = ENOSYS;
		u.flags |= SCT_INJ_ERROR;
	}
	compact(&o->inject);
	if (o->inject.n >= SCT_INJECT_MAX) {
		snprintf(err, errlen, "too many -e inject/fault options (at most %d rules)",
			 SCT_INJECT_MAX);
		return -1;
	}
	int used = 0;
	for (unsigned i = 0; i < SCT_MAX_CALLS && i < sct_ncalls; i++) {
		if (set[i / 64] >> (i % 64) & 1) {
			o->inject.of[i] = (uint8_t)(o->inject.n + 1);
			used = 1;
		}
	}
	if (used)
		o->inject.rule[o->inject.n++] = u;
	compact(&o->inject);
	return 0;
}

int sct_tamper_qual(const char *q, size_t n)
{
	return (n == 6 && !strncmp(q, "inject", 6)) || (n == 5 && !strncmp(q, "fault", 5)) ||
	       (n == 3 && !strncmp(q, "raw", 3)) || (n == 1 && *q == 'x');
}

int sct_parse_tamper(struct sct_opts *o, const char *q, const char *val, char *err, size_t errlen)
{
	if (q[0] == 'i' || q[0] == 'f')
		return sct_parse_inject(o, val, q[0] == 'f', err, errlen);
	o->raw_set = 1;		/* -e raw=SET: strace's printargs for SET */
	return sct_parse_callset(o, val, o->raw, err, errlen);
}

int sct_tamper_option(struct sct_opts *o, int c, const char *arg, char *err, size_t errlen)
{
	static const char *const q[] = { "inject", "fault", "raw" };

	if (c < SCT_OPT_TAMPER || c > SCT_OPT_TAMPER + 2)
		return 0;
	return sct_parse_tamper(o, q[c - SCT_OPT_TAMPER], arg, err, errlen) < 0 ? -SCT_OPT_FATAL : 1;
}
