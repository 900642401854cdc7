/* What the option tests share (test_options.c, test_filters.c): argv literals kept
 * alive across assertions, the parsed options, their error text. */
#ifndef OPTIONS_HARNESS_H
#define OPTIONS_HARNESS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "calls.h"
#include "runner/options.h"

#define ARGV(...) ((char *[]){ "sctrace", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((char *[]){ "sctrace", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(o, err, ...) parse_kept(&(o), ARGC(__VA_ARGS__), ARGV(__VA_ARGS__), err, sizeof(err))

/* The options keep pointers into argv, and a compound literal inside cr_assert_eq's
 * own block dies with it: parse a copy that outlives the assertion. */
static int parse_kept(struct sct_opts *op, int argc, char **argv, char *e, size_t elen)
{
	static char *kept[64];

	memcpy(kept, argv, (size_t)(argc + 1) * sizeof(*argv));
	return sct_options_parse(op, argc, kept, e, elen);
}

static struct sct_opts o;
static char err[256];

static __attribute__((unused)) unsigned idx(const char *name)
{
	int i = sct_call_lookup(name);
	cr_assert_geq(i, 0, "call table lacks %s", name);
	return (unsigned)i;
}

static __attribute__((unused)) unsigned nset(void)
{
	unsigned n = 0;
	for (unsigned i = 0; i < SCT_MAX_CALLS; i++)
		n += sct_filter_has(&o, i);
	return n;
}

#endif
