/* The -c table, any of strace's columns in any order:
 *
 * % time     seconds  usecs/call     calls    errors syscall
 * ------ ----------- ----------- --------- --------- ----------------
 *  62.05    0.950856           4    200000           getppid
 *
 * As strace 6.1 does it: times are doubles printed "%.6f" (percentages "%.2f"), each
 * column as wide as its header's historical width or its widest value (the total's,
 * or the largest shortest/longest/average), the name column left-aligned and, when
 * last, not padded; "errors" blank for 0.  Rows are sorted stably by -S (descending,
 * names ascending) from system-call-number order, strace's: "nothing" keeps that. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "columns.h"

static const struct { const char *head; int width; } cdesc[SCT_NCOLS] = {
	[SCT_COL_PERCENT] = { "% time", 6 },
	[SCT_COL_TOTAL] = { "seconds", 11 },
	[SCT_COL_MIN] = { "shortest", 8 },
	[SCT_COL_MAX] = { "longest", 7 },
	[SCT_COL_AVG] = { "usecs/call", 11 },
	[SCT_COL_CALLS] = { "calls", 9 },
	[SCT_COL_ERRORS] = { "errors", 9 },
	[SCT_COL_NAME] = { "syscall", 16 },
};

void sct_columns_default(struct sct_opts *o)
{
	static const unsigned char dflt[] = { SCT_COL_PERCENT, SCT_COL_TOTAL, SCT_COL_AVG,
					      SCT_COL_CALLS, SCT_COL_ERRORS, SCT_COL_NAME };

	memset(o->columns, 0, sizeof(o->columns));
	memcpy(o->columns, dflt, sizeof(dflt));
	o->sortby = SCT_COL_TOTAL;
}

int sct_columns_minmax(const struct sct_opts *o)
{
	if (o->sortby == SCT_COL_MIN || o->sortby == SCT_COL_MAX)
		return 1;
	for (int i = 0; i < SCT_NCOLS && o->columns[i]; i++)
		if (o->columns[i] == SCT_COL_MIN || o->columns[i] == SCT_COL_MAX)
			return 1;
	return 0;
}

static double sec(uint64_t ns)
{
	return (double)(ns / 1000000000) + (double)(ns % 1000000000) / 1e9;
}

static uint64_t min_ns(const struct sct_count *c)
{
	return ~c->min_inv;
}

/* strace's ts_div then "* 1e6": microseconds of the mean, truncated */
static uint64_t avg_us(uint64_t ns, uint64_t calls)
{
	return calls ? (uint64_t)(sec(ns / calls) * 1e6) : 0;
}

/* strace's rows are its syscall table's, in number order: sct_calls[] is the spec's
 * order, so a row goes by its call's number (a table of a test's own: by index) */
static long row_nr(const struct sct_call *calls, unsigned i)
{
	if (calls != sct_calls)
		return i;
	return sct_nr_of_call[i] >= 0 ? sct_nr_of_call[i] : SCT_NR_MAX + (long)i;
}

/* Does row a come after row b in -S's order? */
static int after(const struct sct_count *a, const struct sct_count *b, const char *an,
		 const char *bn, int key)
{
	switch (key) {
	case SCT_COL_TOTAL:
		return a->ticks < b->ticks;
	case SCT_COL_MIN:
		return min_ns(a) < min_ns(b);
	case SCT_COL_MAX:
		return a->max < b->max;
	case SCT_COL_AVG:
		return a->ticks / a->calls < b->ticks / b->calls;
	case SCT_COL_CALLS:	/* compared as strace does, in unsigned int */
		return (unsigned)a->calls < (unsigned)b->calls;
	case SCT_COL_ERRORS:
		return (unsigned)a->errors < (unsigned)b->errors;
	case SCT_COL_NAME:
		return strcmp(an, bn) > 0;
	}
	return 0;
}

/* Row i before row k: by -S's key, equal keys by number */
static int goes_before(const struct sct_count *counts, const struct sct_call *calls, int key,
		       unsigned i, unsigned k)
{
	if (key != SCT_COL_NONE) {
		if (after(&counts[k], &counts[i], calls[k].name, calls[i].name, key))
			return 1;
		if (after(&counts[i], &counts[k], calls[i].name, calls[k].name, key))
			return 0;
	}
	return row_nr(calls, i) < row_nr(calls, k);
}

static int width_of(const char *fmt, uint64_t v)
{
	char buf[64];

	return snprintf(buf, sizeof(buf), fmt, v);
}

static void put(struct sct_out *out, const char *s)
{
	sct_out_puts(out, s);
}

/* One cell: the value of column c, in width w; `last`: the name is not padded */
static void cell(struct sct_out *out, int c, int w, int last, double pct, uint64_t ns,
		 uint64_t mn, uint64_t mx, uint64_t avg, uint64_t calls, uint64_t errs,
		 const char *name)
{
	char buf[96];

	switch (c) {
	case SCT_COL_PERCENT:
		snprintf(buf, sizeof(buf), "%*.2f", w, pct);
		break;
	case SCT_COL_TOTAL:
		snprintf(buf, sizeof(buf), "%*.6f", w, sec(ns));
		break;
	case SCT_COL_MIN:
		snprintf(buf, sizeof(buf), "%*.6f", w, sec(mn));
		break;
	case SCT_COL_MAX:
		snprintf(buf, sizeof(buf), "%*.6f", w, sec(mx));
		break;
	case SCT_COL_AVG:
		snprintf(buf, sizeof(buf), "%*" PRIu64, w, avg);
		break;
	case SCT_COL_CALLS:
		snprintf(buf, sizeof(buf), "%*" PRIu64, w, calls);
		break;
	case SCT_COL_ERRORS:
		snprintf(buf, sizeof(buf), "%*.0" PRIu64, w, errs);
		break;
	default:
		if (last)
			snprintf(buf, sizeof(buf), "%s", name);
		else
			snprintf(buf, sizeof(buf), "%-*s", w, name);
		break;
	}
	put(out, buf);
}

static void dashes(struct sct_out *out, const unsigned char *cols, int ncols, const int *w)
{
	for (int i = 0; i < ncols; i++) {
		if (i)
			sct_out_putc(out, ' ');
		sct_out_fill(out, '-', (size_t)w[cols[i]]);
	}
	sct_out_putc(out, '\n');
}

void sct_columns_print(struct sct_out *out, const struct sct_count *counts, unsigned n,
		       const struct sct_call *calls, const struct sct_opts *o)
{
	unsigned order[SCT_MAX_CALLS], rows = 0;
	uint64_t tot = 0, ncalls = 0, nerrs = 0, tmin = ~(uint64_t)0, tmin_max = 0, tmax = 0;
	uint64_t avg_max = 0;
	size_t name_max = 0;
	int w[SCT_NCOLS], ncols = 0;
	const unsigned char *cols = o->columns;
	char buf[64];

	if (n > SCT_MAX_CALLS)
		n = SCT_MAX_CALLS;
	for (unsigned i = 0; i < n; i++) {
		const struct sct_count *c = &counts[i];
		unsigned j;

		if (!c->calls)
			continue;
		tot += c->ticks;
		ncalls += c->calls;
		nerrs += c->errors;
		if (min_ns(c) < tmin)
			tmin = min_ns(c);
		if (min_ns(c) > tmin_max)
			tmin_max = min_ns(c);
		if (c->max > tmax)
			tmax = c->max;
		if (c->ticks / c->calls > avg_max)
			avg_max = c->ticks / c->calls;
		if (strlen(calls[i].name) > name_max)
			name_max = strlen(calls[i].name);
		for (j = rows++; j > 0 && goes_before(counts, calls, o->sortby, i, order[j - 1]); j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	if (!ncalls)
		tmin = 0;
	while (ncols < SCT_NCOLS && cols[ncols])
		ncols++;
	for (int c = 0; c < SCT_NCOLS; c++)
		w[c] = cdesc[c].width;
#define WIDEN(c, v) do { int v_ = (v); if (v_ > w[c]) w[c] = v_; } while (0)
	WIDEN(SCT_COL_TOTAL, snprintf(buf, sizeof(buf), "%.6f", sec(tot)));
	WIDEN(SCT_COL_MIN, width_of("%" PRIu64 ".000000", tmin_max / 1000000000));
	WIDEN(SCT_COL_MAX, width_of("%" PRIu64 ".000000", tmax / 1000000000));
	WIDEN(SCT_COL_AVG, width_of("%" PRIu64, (uint64_t)(sec(avg_max) * 1e6)));
	WIDEN(SCT_COL_CALLS, width_of("%" PRIu64, ncalls));
	WIDEN(SCT_COL_ERRORS, width_of("%" PRIu64, nerrs));
	WIDEN(SCT_COL_NAME, (int)name_max + 1);
#undef WIDEN

	for (int i = 0; i < ncols; i++) {
		const char *h = cdesc[cols[i]].head;
		if (i)
			sct_out_putc(out, ' ');
		if (cols[i] == SCT_COL_NAME && i == ncols - 1)
			snprintf(buf, sizeof(buf), "%s", h);
		else if (cols[i] == SCT_COL_NAME)
			snprintf(buf, sizeof(buf), "%-*s", w[cols[i]], h);
		else
			snprintf(buf, sizeof(buf), "%*s", w[cols[i]], h);
		put(out, buf);
	}
	sct_out_putc(out, '\n');
	dashes(out, cols, ncols, w);
	for (unsigned r = 0; r < rows; r++) {
		const struct sct_count *c = &counts[order[r]];
		double pct = 100.0 * sec(c->ticks);

		if (pct != 0.0)
			pct /= sec(tot);
		for (int i = 0; i < ncols; i++) {
			if (i)
				sct_out_putc(out, ' ');
			cell(out, cols[i], w[cols[i]], i == ncols - 1, pct, c->ticks, min_ns(c),
			     c->max, avg_us(c->ticks, c->calls), c->calls, c->errors,
			     calls[order[r]].name);
		}
		sct_out_putc(out, '\n');
	}
	dashes(out, cols, ncols, w);
	for (int i = 0; i < ncols; i++) {
		if (i)
			sct_out_putc(out, ' ');
		/* strace: the mean of all calls, float_tv_cum / call_cum */
		cell(out, cols[i], w[cols[i]], i == ncols - 1, 100.0, tot, tmin, tmax,
		     ncalls ? (uint64_t)(sec(tot) / (double)ncalls * 1e6) : 0, ncalls, nerrs,
		     "total");
	}
	sct_out_putc(out, '\n');
}
