/* Calibrating the TSC against CLOCK_MONOTONIC without sleeping.  The rate is measured
 * across the run: one (tsc, ns) pair before the command starts, one when the runner
 * first needs to convert a tick (calibrate.h says when), and every ring written with
 * the TSC is converted from the first pair at that rate.  A time inside the interval
 * is then as exact as the two pairs (a few ns here); one after it drifts by the rate's
 * error, the pairs' error over the interval (5 ms gives about 0.3 ppm here, what the
 * old 5 ms sleep gave).  Writers are handed a rough rate, measured in 20 us, which
 * only marks their rings as ours to convert (and keeps the header a valid clock).
 * Without an invariant TSC the library falls back to the vDSO clock (ticks = ns), so
 * failing here costs speed, never correctness. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <x86intrin.h>
#include "calibrate.h"

#define HINT_NS 20000u		/* the writers' rough rate: 20 us of spinning */

static int has_flag(const char *flags, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = flags; (p = strstr(p, name)) != NULL; p += n)
		if ((p == flags || p[-1] == ' ' || p[-1] == '\t') &&
		    (p[n] == ' ' || p[n] == '\n' || p[n] == '\0'))
			return 1;
	return 0;
}

int sct_tsc_invariant(const char *cpuinfo)
{
	const char *flags = strstr(cpuinfo, "\nflags");
	const char *eol;
	char line[8192];
	size_t n;

	if (!flags)
		return 0;
	eol = strchr(flags + 1, '\n');
	n = eol ? (size_t)(eol - flags) : strlen(flags);
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	memcpy(line, flags, n);
	line[n] = '\0';
	return has_flag(line, "constant_tsc") && has_flag(line, "nonstop_tsc");
}

int sct_tsc_ratio(uint64_t ticks, uint64_t ns, uint32_t *mult, uint32_t *shift)
{
	if (!ticks || !ns)
		return -1;
	for (int s = 32; s >= 0; s--) {
		unsigned __int128 m = ((unsigned __int128)ns << s) / ticks;
		if (m > 0 && m <= 0xffffffffu) {
			*mult = (uint32_t)m;
			*shift = (uint32_t)s;
			return 0;
		}
	}
	return -1;
}

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A (tsc, ns) pair taken as close together as this machine allows: the narrowest of
 * a few clock_gettime brackets around rdtsc. */
static void sample(uint64_t *tsc, uint64_t *ns)
{
	uint64_t best = UINT64_MAX;

	for (int i = 0; i < 8; i++) {
		uint64_t a = mono_ns();
		uint64_t t = __rdtsc();
		uint64_t b = mono_ns();
		if (b - a < best) {
			best = b - a;
			*tsc = t;
			*ns = a + (b - a) / 2;
		}
	}
}

static int read_cpuinfo(char *buf, size_t len)
{
	int fd = open("/proc/cpuinfo", O_RDONLY | O_CLOEXEC);
	size_t got = 0;
	ssize_t n;

	if (fd < 0)
		return -1;
	/* the first processor's block holds its flags line */
	while (got < len - 1 && (n = read(fd, buf + got, len - 1 - got)) > 0)
		got += (size_t)n;
	close(fd);
	buf[got] = '\0';
	return 0;
}

int sct_calib_start(struct sct_calib *c, char *out, unsigned outlen)
{
	static char info[16384];
	uint64_t t1, n1;

	memset(c, 0, sizeof(*c));
	c->done = 1;		/* nothing to measure unless the TSC is used */
	if (read_cpuinfo(info, sizeof(info)) < 0 || !sct_tsc_invariant(info))
		return -1;
	sample(&c->tsc0, &c->ns0);
	do
		sample(&t1, &n1);
	while (n1 - c->ns0 < HINT_NS && n1 >= c->ns0);
	if (t1 <= c->tsc0 || n1 <= c->ns0 ||
	    sct_tsc_ratio(t1 - c->tsc0, n1 - c->ns0, &c->hint_mult, &c->hint_shift) < 0)
		return -1;
	c->tsc = 1;
	c->done = 0;
	snprintf(out, outlen, "%u:%u", c->hint_mult, c->hint_shift);
	return 0;
}

void sct_calib_finish(struct sct_calib *c)
{
	uint64_t t1, n1;
	uint32_t mult = c->hint_mult, shift = c->hint_shift;

	if (c->done)
		return;
	sample(&t1, &n1);
	/* over the longest interval we have; the hint's if time went backwards */
	if (t1 > c->tsc0 && n1 > c->ns0)
		sct_tsc_ratio(t1 - c->tsc0, n1 - c->ns0, &mult, &shift);
	c->clock = (struct sct_clock){ .tick_base = c->tsc0, .ns_base = c->ns0,
				       .mult = mult, .shift = shift };
	c->done = 1;
}

int sct_calib_due(const struct sct_calib *c, uint64_t now_ns)
{
	return !c->done && now_ns - c->ns0 >= SCT_CALIB_NS;
}
