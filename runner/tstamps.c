/* The time-stamp options' values, as strace 6.1 spells them:
 *   -r, --relative-timestamps[=PRECISION]    -T, --syscall-times[=PRECISION]
 *   --absolute-timestamps[=[[format:]FORMAT][,[precision:]PRECISION]], --timestamps
 * PRECISION is s, ms, us or ns (kept as the digits after the point), FORMAT none, time
 * or unix; each occurrence changes what it names (format:unix then precision:ns is
 * both), the format being time when none was given.  -t counts up: -t the time of day, -tt with microseconds, -ttt seconds
 * since the epoch with microseconds. */
#include <string.h>
#include "options.h"

/* "s", "ms", "us", "ns" -> 0, 3, 6, 9; -1 otherwise */
int sct_parse_precision(const char *s)
{
	static const char *const names[] = { "s", "ms", "us", "ns" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return 3 * i;
	return -1;
}

static int parse_format(const char *s)
{
	if (strcmp(s, "none") == 0)
		return SCT_TS_NONE;
	if (strcmp(s, "time") == 0)
		return SCT_TS_TIME;
	if (strcmp(s, "unix") == 0)
		return SCT_TS_UNIX;
	return -1;
}

/* --absolute-timestamps=ARG: comma-separated items, each a format or a precision,
 * named as such or not; an empty or absent ARG is "time".  Later items win. */
int sct_parse_abs_tstamp(struct sct_opts *o, const char *arg)
{
	char buf[128];
	char *item, *save = NULL;
	int fmt = o->tstamp != SCT_TS_NONE ? o->tstamp : SCT_TS_TIME, prec = o->tstamp_prec;

	if (!arg || !*arg) {
		o->tstamp = fmt;
		return 0;
	}
	if (strlen(arg) >= sizeof(buf))
		return -1;
	strcpy(buf, arg);
	for (item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		int v;

		if (strncmp(item, "format:", 7) == 0) {
			if ((v = parse_format(item + 7)) < 0)
				return -1;
			fmt = v;
		} else if (strncmp(item, "precision:", 10) == 0) {
			if ((v = sct_parse_precision(item + 10)) < 0)
				return -1;
			prec = v;
		} else if ((v = parse_format(item)) >= 0) {
			fmt = v;
		} else if ((v = sct_parse_precision(item)) >= 0) {
			prec = v;
		} else {
			return -1;
		}
	}
	o->tstamp = fmt;
	o->tstamp_prec = prec;
	return 0;
}

/* -t once more: none -> time, time in seconds -> microseconds, then unix */
void sct_tstamp_more(struct sct_opts *o)
{
	if (o->tstamp == SCT_TS_NONE) {
		o->tstamp = SCT_TS_TIME;
	} else if (o->tstamp == SCT_TS_TIME && o->tstamp_prec == 0) {
		o->tstamp_prec = 6;
	} else {
		o->tstamp = SCT_TS_UNIX;
		if (o->tstamp_prec == 0)
			o->tstamp_prec = 6;
	}
}
