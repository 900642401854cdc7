/* The -c table in strace 6.1's layout:
 *
 * % time     seconds  usecs/call     calls    errors syscall
 * ------ ----------- ----------- --------- --------- ----------------
 *  62.05    0.950856           4    200000           getppid
 *  37.89    0.580633           4    123458    123456 close
 * ------ ----------- ----------- --------- --------- ----------------
 * 100.00    1.532396           4    323485    123457 total
 *
 * Rows sorted by time, descending; equal times keep table order.  The errors column
 * is blank for 0.  Numeric columns widen for values that do not fit; the name column
 * is max(16, longest name + 1) dashes wide, as strace's is. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"

enum { C_PCT, C_SEC, C_USEC, C_CALLS, C_ERRS, NCOLS };

static const int min_width[NCOLS] = { 6, 11, 11, 9, 9 };

static int digits(uint64_t v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static void pad(struct sct_out *o, int n)
{
	while (n-- > 0)
		sct_out_putc(o, ' ');
}

/* `v` in units of 10^-decimals, right-aligned in `width` */
static void print_fixed(struct sct_out *o, uint64_t v, int decimals, int width)
{
	uint64_t scale = 1;

	for (int i = 0; i < decimals; i++)
		scale *= 10;
	pad(o, width - (digits(v / scale) + 1 + decimals));
	sct_out_udec(o, v / scale);
	sct_out_putc(o, '.');
	sct_out_udec_pad(o, v % scale, decimals, '0');
}

static void print_udec(struct sct_out *o, uint64_t v, int width, int blank_zero)
{
	if (blank_zero && v == 0) {
		pad(o, width);
		return;
	}
	pad(o, width - digits(v));
	sct_out_udec(o, v);
}

static void print_dashes(struct sct_out *o, const int *w, int name_w)
{
	for (int c = 0; c < NCOLS; c++) {
		for (int i = 0; i < w[c]; i++)
			sct_out_putc(o, '-');
		sct_out_putc(o, ' ');
	}
	for (int i = 0; i < name_w; i++)
		sct_out_putc(o, '-');
	sct_out_putc(o, '\n');
}

/* hundredths of a percent, rounded as printf("%.2f") would */
static uint64_t pct100(uint64_t ns, uint64_t total)
{
	double p;

	if (total == 0)
		return 0;
	p = 10000.0 * (double)ns / (double)total;
	return (uint64_t)(p + 0.5);
}

static uint64_t usec_round(uint64_t ns)
{
	return (ns + 500) / 1000;
}

static void print_row(struct sct_out *o, const int *w, uint64_t pct, uint64_t ns,
		      uint64_t calls, uint64_t errors, const char *name)
{
	print_fixed(o, pct, 2, w[C_PCT]);
	sct_out_putc(o, ' ');
	print_fixed(o, usec_round(ns), 6, w[C_SEC]);
	sct_out_putc(o, ' ');
	print_udec(o, calls ? ns / 1000 / calls : 0, w[C_USEC], 0);
	sct_out_putc(o, ' ');
	print_udec(o, calls, w[C_CALLS], 0);
	sct_out_putc(o, ' ');
	print_udec(o, errors, w[C_ERRS], 1);
	sct_out_putc(o, ' ');
	sct_out_puts(o, name);
	sct_out_putc(o, '\n');
}

static size_t slen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

void sct_format_summary(struct sct_out *o, const struct sct_count *counts, unsigned n)
{
	if (n > sct_ncalls)
		n = sct_ncalls;
	sct_format_summary_calls(o, counts, n, sct_calls);
}

void sct_format_summary_calls(struct sct_out *o, const struct sct_count *counts, unsigned n,
			      const struct sct_call *calls)
{
	unsigned order[SCT_MAX_CALLS];
	unsigned rows = 0;
	uint64_t tot_ns = 0, tot_calls = 0, tot_errs = 0;
	int w[NCOLS];
	int name_w = 16;

	if (n > SCT_MAX_CALLS)
		n = SCT_MAX_CALLS;
	for (unsigned i = 0; i < n; i++) {
		if (!counts[i].calls)
			continue;
		/* insertion sort: by time descending, stable */
		unsigned j = rows++;
		while (j > 0 && counts[order[j - 1]].ticks < counts[i].ticks) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
		tot_ns += counts[i].ticks;
		tot_calls += counts[i].calls;
		tot_errs += counts[i].errors;
		if ((int)slen(calls[i].name) + 1 > name_w)
			name_w = (int)slen(calls[i].name) + 1;
	}
	for (int c = 0; c < NCOLS; c++)
		w[c] = min_width[c];
	/* the total row holds the largest value of every column */
	if (digits(usec_round(tot_ns) / 1000000) + 7 > w[C_SEC])
		w[C_SEC] = digits(usec_round(tot_ns) / 1000000) + 7;
	for (unsigned r = 0; r < rows; r++) {
		const struct sct_count *c = &counts[order[r]];
		if (digits(c->ticks / 1000 / c->calls) > w[C_USEC])
			w[C_USEC] = digits(c->ticks / 1000 / c->calls);
	}
	if (digits(tot_calls) > w[C_CALLS])
		w[C_CALLS] = digits(tot_calls);
	if (digits(tot_errs) > w[C_ERRS])
		w[C_ERRS] = digits(tot_errs);

	sct_out_puts(o, "% time");
	pad(o, w[C_SEC] + 1 - 7);
	sct_out_puts(o, "seconds");
	pad(o, w[C_USEC] + 1 - 10);
	sct_out_puts(o, "usecs/call");
	pad(o, w[C_CALLS] + 1 - 5);
	sct_out_puts(o, "calls");
	pad(o, w[C_ERRS] + 1 - 6);
	sct_out_puts(o, "errors syscall\n");
	print_dashes(o, w, name_w);
	for (unsigned r = 0; r < rows; r++) {
		const struct sct_count *c = &counts[order[r]];
		print_row(o, w, pct100(c->ticks, tot_ns), c->ticks, c->calls, c->errors,
			  calls[order[r]].name);
	}
	print_dashes(o, w, name_w);
	print_row(o, w, 10000, tot_ns, tot_calls, tot_errs, "total");
}
