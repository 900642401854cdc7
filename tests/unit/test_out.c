/* format/out.c: the output buffer's inline fast paths and their slow paths (text that
 * does not fit: flushed to a descriptor, or cut with `overflow` when there is none),
 * and the number formatting. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "out.h"

static char buf[64];
static struct sct_out o;

static void setup(void)
{
	memset(buf, 0, sizeof(buf));
}

TestSuite(out, .init = setup);

static const char *text(void)
{
	buf[o.len < sizeof(buf) ? o.len : sizeof(buf) - 1] = 0;
	return buf;
}

Test(out, numbers)
{
	char big[256];

	sct_out_init(&o, big, sizeof(big), -1);
	sct_out_dec(&o, 0);
	sct_out_putc(&o, ' ');
	sct_out_dec(&o, -7);
	sct_out_putc(&o, ' ');
	sct_out_dec(&o, INT64_MIN);
	sct_out_putc(&o, ' ');
	sct_out_dec(&o, INT64_MAX);
	sct_out_putc(&o, ' ');
	sct_out_udec(&o, UINT64_MAX);
	sct_out_putc(&o, ' ');
	sct_out_udec(&o, 9);
	sct_out_putc(&o, ' ');
	sct_out_udec(&o, 10);
	sct_out_putc(&o, ' ');
	sct_out_udec(&o, 99);
	sct_out_putc(&o, ' ');
	sct_out_udec(&o, 100);
	sct_out_putc(&o, ' ');
	sct_out_udec(&o, 1000000007);
	sct_out_putc(&o, ' ');
	sct_out_udec_pad(&o, 7, 6, '0');
	sct_out_putc(&o, ' ');
	sct_out_udec_pad(&o, 1234567, 6, '0');
	sct_out_putc(&o, ' ');
	sct_out_udec_pad(&o, 42, 5, ' ');
	sct_out_putc(&o, ' ');
	sct_out_hex(&o, 0);
	sct_out_putc(&o, ' ');
	sct_out_hex(&o, 0x1f);
	sct_out_putc(&o, ' ');
	sct_out_hex(&o, UINT64_MAX);
	sct_out_putc(&o, ' ');
	sct_out_oct(&o, 0644);
	sct_out_putc(&o, ' ');
	sct_out_oct(&o, 0);
	big[o.len] = 0;
	cr_assert_str_eq(big, "0 -7 -9223372036854775808 9223372036854775807 "
			 "18446744073709551615 9 10 99 100 1000000007 000007 1234567    42 "
			 "0 0x1f 0xffffffffffffffff 0644 0");
	cr_assert_eq(o.overflow, 0);
}

/* strace's "%-5d " prefix: left-aligned, padded, also near the buffer's end */
Test(out, dec_left)
{
	char big[256];

	sct_out_init(&o, big, sizeof(big), -1);
	sct_out_dec_left(&o, 42, 5);
	sct_out_putc(&o, '|');
	sct_out_dec_left(&o, 1234567, 5);
	sct_out_putc(&o, '|');
	sct_out_dec_left(&o, -3, 5);
	sct_out_putc(&o, '|');
	big[o.len] = 0;
	cr_assert_str_eq(big, "42   |1234567|-3   |");
	sct_out_init(&o, buf, 10, -1);
	sct_out_puts(&o, "abc");
	sct_out_dec_left(&o, 12, 5);
	sct_out_dec_left(&o, 7, 5);
	cr_assert_str_eq(text(), "abc12   7 ");
	cr_assert_eq(o.overflow, 1);
}

/* Without a descriptor the text stops at the buffer's end, cut mid-write, and says so. */
Test(out, full_without_fd_cuts_and_says_so)
{
	sct_out_init(&o, buf, 8, -1);
	sct_out_puts(&o, "abcdef");
	cr_assert_eq(o.overflow, 0);
	sct_out_puts(&o, "ghij");
	cr_assert_eq(o.len, 8);
	cr_assert_eq(o.overflow, 1);
	cr_assert_str_eq(text(), "abcdefgh");
	sct_out_putc(&o, 'x');
	sct_out_fill(&o, ' ', 3);
	sct_out_udec(&o, 12345);
	cr_assert_eq(o.len, 8);
	cr_assert_str_eq(text(), "abcdefgh");
}

Test(out, fill_pads_and_cuts)
{
	sct_out_init(&o, buf, 10, -1);
	sct_out_putc(&o, 'a');
	sct_out_fill(&o, ' ', 2);
	sct_out_fill(&o, '.', 2);
	sct_out_fill(&o, '-', 0);
	cr_assert_str_eq(text(), "a  ..");
	sct_out_fill(&o, '+', 20);
	cr_assert_eq(o.len, 10);
	cr_assert_eq(o.overflow, 1);
	cr_assert_str_eq(text(), "a  ..+++++");
	sct_out_init(&o, buf, 10, -1);
	sct_out_fill(&o, ' ', 12);	/* spaces past the end: cut too */
	cr_assert_eq(o.len, 10);
	cr_assert_eq(o.overflow, 1);
	cr_assert_str_eq(text(), "          ");
}

/* With a descriptor nothing is lost: every slow path flushes and goes on. */
Test(out, full_with_fd_flushes_in_order)
{
	char got[256];
	int p[2];
	ssize_t n;

	cr_assert_eq(pipe(p), 0);
	sct_out_init(&o, buf, 8, p[1]);
	sct_out_puts(&o, "hello, ");
	sct_out_puts(&o, "world of long text");	/* longer than the buffer */
	sct_out_fill(&o, '_', 11);
	sct_out_putc(&o, '|');
	sct_out_udec_pad(&o, 5, 12, '0');
	sct_out_dec(&o, -123456789);
	sct_out_flush(&o);
	cr_assert_eq(o.overflow, 0);
	cr_assert_eq(o.error, 0);
	close(p[1]);
	n = read(p[0], got, sizeof(got) - 1);
	close(p[0]);
	cr_assert_gt(n, 0);
	got[n] = 0;
	cr_assert_str_eq(got, "hello, world of long text___________|000000000005-123456789");
}

/* Every digit count, either side of each power of ten and of 2^32, signed and not,
 * padded and left-aligned, written at every distance from the buffer's end: the text
 * is snprintf's, cut where the buffer ends. */
Test(out, numbers_like_printf_at_every_end)
{
	uint64_t vals[64];
	int nv = 0;
	char want[64], got[64];

	for (uint64_t p = 1; nv < 58; p *= 10) {
		vals[nv++] = p - 1;
		vals[nv++] = p;
		vals[nv++] = p + 1;
		if (p > UINT64_MAX / 10)
			break;
	}
	vals[nv++] = UINT32_MAX;
	vals[nv++] = (uint64_t)UINT32_MAX + 1;
	vals[nv++] = UINT64_MAX;
	for (int i = 0; i < nv; i++)
		for (int kind = 0; kind < 4; kind++)
			for (size_t cap = 1; cap <= 30; cap++) {
				int64_t sv = (int64_t)vals[i];
				sct_out_init(&o, got, cap, -1);
				switch (kind) {
				case 0:
					sct_out_udec(&o, vals[i]);
					snprintf(want, sizeof(want), "%llu", (unsigned long long)vals[i]);
					break;
				case 1:
					sct_out_dec(&o, (int64_t)(0 - (uint64_t)sv));
					snprintf(want, sizeof(want), "%lld", (long long)-(unsigned long long)sv);
					break;
				case 2:
					sct_out_udec_pad(&o, vals[i], 7, '0');
					snprintf(want, sizeof(want), "%07llu", (unsigned long long)vals[i]);
					break;
				default:
					sct_out_dec_left(&o, sv, 6);
					snprintf(want, sizeof(want), "%-6lld", (long long)sv);
					break;
				}
				size_t wl = strlen(want);
				cr_assert_eq(o.len, wl < cap ? wl : cap, "%s in %zu", want, cap);
				cr_assert_eq(o.overflow, wl > cap, "%s in %zu", want, cap);
				cr_assert_eq(memcmp(got, want, o.len), 0, "%s in %zu", want, cap);
			}
}
