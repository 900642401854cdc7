/* format/print.c's quoted strings, byte by byte: every byte value, alone, before an
 * octal digit and before another byte, in every -x style, against strace's rule
 * (string_quote()) written out plainly here, one byte at a time.  The quoting copies
 * runs of printable bytes at once and looks escapes up in a table: this says the
 * shortcut changed nothing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "format_rec.h"

static char got[8192], want[8192];

/* strace's rule, one byte at a time */
static void reference(char *w, const unsigned char *s, size_t n, int xstyle)
{
	int hex_all = xstyle == SCT_XSTR_ALL;
	size_t k = 0;

	if (xstyle == SCT_XSTR_NON_ASCII)
		for (size_t i = 0; i < n; i++)
			if (s[i] > 0x7e || (s[i] < ' ' && !strchr("\t\n\v\f\r", s[i])) || !s[i])
				hex_all = 1;
	w[k++] = '"';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		const char *e = NULL;

		if (hex_all) {
			k += (size_t)sprintf(w + k, "\\x%02x", c);
			continue;
		}
		switch (c) {
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		case '\t': e = "\\t"; break;
		case '\n': e = "\\n"; break;
		case '\v': e = "\\v"; break;
		case '\f': e = "\\f"; break;
		case '\r': e = "\\r"; break;
		}
		if (e) {
			k += (size_t)sprintf(w + k, "%s", e);
		} else if (c >= ' ' && c < 0x7f) {
			w[k++] = (char)c;
		} else if (xstyle == SCT_XSTR_NON_ASCII_CHARS) {
			k += (size_t)sprintf(w + k, "\\x%02x", c);
		} else if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7') {
			k += (size_t)sprintf(w + k, "\\%03o", c);
		} else {
			k += (size_t)sprintf(w + k, "\\%o", c);
		}
	}
	w[k++] = '"';
	w[k] = 0;
}

static void check(const unsigned char *s, size_t n, int xstyle)
{
	struct sct_out o;

	sct_out_init(&o, got, sizeof(got) - 1, -1);
	o.xstyle = xstyle;
	sct_print_quoted(&o, s, n, n, 0);
	got[o.len] = 0;
	reference(want, s, n, xstyle);
	cr_assert_str_eq(got, want, "style %d, first byte 0x%02x, %zu bytes", xstyle, s[0], n);
}

Test(format_quoted, every_byte_in_every_style)
{
	static const int styles[] = { SCT_XSTR_NONE, SCT_XSTR_NON_ASCII, SCT_XSTR_ALL,
				      SCT_XSTR_NON_ASCII_CHARS };
	static const unsigned char next[] = { '0', '7', '8', 'a', 0, 0x80, '"', '\\', ' ' };
	unsigned char s[3];

	for (unsigned st = 0; st < sizeof(styles) / sizeof(styles[0]); st++)
		for (unsigned c = 0; c < 256; c++) {
			s[0] = (unsigned char)c;
			check(s, 1, styles[st]);
			for (unsigned j = 0; j < sizeof(next); j++) {
				s[1] = next[j];
				s[2] = (unsigned char)c;
				check(s, 2, styles[st]);
				check(s, 3, styles[st]);
			}
		}
}

/* all 256 bytes in one string: runs of printable bytes between escapes */
Test(format_quoted, all_bytes_in_one_string)
{
	unsigned char s[512];

	for (unsigned i = 0; i < sizeof(s); i++)
		s[i] = (unsigned char)(i * 7 + (i >> 8));
	check(s, sizeof(s), SCT_XSTR_NONE);
	check(s, sizeof(s), SCT_XSTR_NON_ASCII_CHARS);
	for (unsigned i = 0; i < sizeof(s); i++)
		s[i] = (unsigned char)(' ' + i % 95);
	check(s, sizeof(s), SCT_XSTR_NONE);
	check(s, sizeof(s), SCT_XSTR_NON_ASCII);
}
