/* -Y, --decode-pids=SET, -e decode-pids=SET, --pidns-translation: what is shown after
 * a pid (strace 6.1's decode_pid_set, src/filter_qualify.c; format/pid.c shows it).
 * Each use replaces the set, as strace's qualify_decode_pid does: `-Y
 * --pidns-translation` is pidns alone. */
#include <string.h>
#include "format.h"
#include "options.h"

static int add_name(void *ctx, const char *tok)
{
	unsigned *set = ctx;

	if (!strcmp(tok, "pidns"))
		*set |= SCT_DECODE_PID_NS;
	else if (!strcmp(tok, "comm"))
		*set |= SCT_DECODE_PID_COMM;
	else
		return -1;
	return 0;
}

static int parse(struct sct_opts *o, const char *spec, char *err, size_t errlen)
{
	unsigned set = 0;
	int invert, all;

	if (sct_qualify(spec, "decode-pids", add_name, &set, &invert, &all, err, errlen) < 0)
		return -1;
	if (all)
		set = SCT_DECODE_PID_ALL;
	o->decode_pids = invert ? SCT_DECODE_PID_ALL & ~set : set;
	return 0;
}

int sct_pids_option(struct sct_opts *o, int c, const char *arg, char *err, size_t errlen)
{
	const char *spec = c == 'Y' ? "comm" : c == SCT_OPT_PIDS + 1 ? "pidns" : arg;

	return parse(o, spec, err, errlen) < 0 ? -SCT_OPT_FATAL : 1;
}

static int is_pids(const char *q, size_t n)
{
	return (n == 11 && !strncmp(q, "decode-pids", n)) || (n == 10 && !strncmp(q, "decode-pid", n));
}

int sct_more_qual(const char *q, size_t n)
{
	return sct_tamper_qual(q, n) || is_pids(q, n);
}

int sct_parse_more_qual(struct sct_opts *o, const char *q, size_t n, const char *val, char *err,
			size_t errlen)
{
	if (is_pids(q, n))
		return parse(o, val, err, errlen);
	return sct_parse_tamper(o, q, val, err, errlen);
}
