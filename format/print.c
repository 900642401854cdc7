/* The decoding vocabulary: quoted strings, addresses, flag sets, named values. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"

static int is_odigit(unsigned char c)
{
	return c >= '0' && c <= '7';
}

static void put_hex_byte(struct sct_out *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	char esc[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };

	sct_out_write(o, esc, 4);
}

/* -x: strace hex-quotes the whole string when one byte is neither printable ASCII
 * nor one of the whitespace escapes \t \n \v \f \r */
static int needs_hex(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] > 0x7e || (s[i] < ' ' && (unsigned)(s[i] - 9) >= 5))
			return 1;
	return 0;
}

/* How a quoted string shows each byte: 1 as it is (printable ASCII but '"' and '\\'),
 * a letter for a C escape (\\t ...), 0 for a number escape (octal, or hex under -x). */
static const unsigned char shown_as[256] = {
	[0x20 ... 0x21] = 1, [0x23 ... 0x5b] = 1, [0x5d ... 0x7e] = 1,
	['"'] = '"', ['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\v'] = 'v', ['\f'] = 'f',
	['\r'] = 'r',
};

/* Is c shown as it is?  Not '<' and '>' in a descriptor's path (SCT_QUOTE_ANGLES):
 * those are number escapes there. */
static inline int as_is(unsigned char c, unsigned style)
{
	return shown_as[c] == 1 && !((style & SCT_QUOTE_ANGLES) && (c == '<' || c == '>'));
}

/* strace's escaping: the usual C escapes, printable ASCII as is, anything else as
 * the shortest octal escape unless an octal digit follows (then three digits); with
 * -x/-xx (o->xstyle) hex instead, as strace's string_quote() does. */
void sct_print_quoted(struct sct_out *o, const unsigned char *s, size_t n, size_t max, int more)
{
	sct_print_quoted_ex(o, s, n, max, more, 0);
}

void sct_print_quoted_ex(struct sct_out *o, const unsigned char *s, size_t n, size_t max,
			 int more, unsigned style)
{
	int quotes = !(style & SCT_QUOTE_BARE);

	if (n > max) {
		n = max;
		more = 1;
	}
	if (quotes)
		sct_out_putc(o, '"');
	if (o->xstyle == SCT_XSTR_ALL || (o->xstyle == SCT_XSTR_NON_ASCII && needs_hex(s, n))) {
		for (size_t i = 0; i < n; i++)
			put_hex_byte(o, s[i]);
		n = 0;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (as_is(c, style)) {	/* a run of bytes shown as they are: one copy */
			size_t j = i + 1;

			while (j < n && as_is(s[j], style))
				j++;
			sct_out_write(o, s + i, j - i);
			i = j - 1;
			continue;
		}
		if (shown_as[c] > 1) {
			char esc[2] = { '\\', (char)shown_as[c] };

			sct_out_write(o, esc, 2);
			continue;
		}
		if (o->xstyle == SCT_XSTR_NON_ASCII_CHARS) {
			put_hex_byte(o, c);
			continue;
		}
		char esc[4] = { '\\' };
		size_t k = 1;

		if (i + 1 < n && is_odigit(s[i + 1])) {
			esc[k++] = (char)('0' + (c >> 6));
			esc[k++] = (char)('0' + ((c >> 3) & 7));
		} else {
			if (c >> 6)
				esc[k++] = (char)('0' + (c >> 6));
			if (c >> 3)
				esc[k++] = (char)('0' + ((c >> 3) & 7));
		}
		esc[k++] = (char)('0' + (c & 7));
		sct_out_write(o, esc, k);
	}
	if (quotes)
		sct_out_putc(o, '"');
	if (more)
		sct_out_puts(o, "...");
}

static int is_cstring_kind(const struct sct_dec *d, unsigned i)
{
	unsigned k;

	if (!d->c || i >= SCT_MAX_ARGS)
		return 1;
	k = d->c->arg[i].kind;
	return k == SCT_K_PATH || k == SCT_K_STR || k == SCT_K_PRCTL_STR;
}

void sct_print_strarg(const struct sct_dec *d, unsigned i, unsigned when, size_t limit)
{
	const struct sct_blob *b = sct_rec_blob(d->r, i, when);
	const unsigned char *p;
	size_t n, max = limit ? limit : d->f->strsize;
	int more;

	if (!b) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	p = sct_blob_data(b);
	n = b->len;
	more = (b->flags & SCT_BF_TRUNC) != 0;
	if (is_cstring_kind(d, i)) {
		size_t z = 0;

		while (z < n && p[z])
			z++;
		if (z < n)
			more = 0;	/* the terminating NUL was captured */
		n = z;
	}
	sct_print_quoted(d->o, p, n, max, more);
}

void sct_print_addr(struct sct_out *o, uint64_t p)
{
	if (p == 0)
		sct_out_puts(o, "NULL");
	else
		sct_out_hex(o, p);
}

const char *sct_xlat_find(const struct sct_xlat *t, uint64_t v)
{
	for (; t->name; t++)
		if (t->val == v)
			return t->name;
	return 0;
}

static void put_comment(struct sct_out *o, const char *s)
{
	if (!s)
		return;
	sct_out_puts(o, " /* ");
	sct_out_puts(o, s);
	sct_out_puts(o, " */");
}

/* strace's printflags_ex under each -X style: A|B|0x40 (abbrev), 0x43 (raw),
 * 0x43 / * A|B|0x40 * / (verbose); a set with no known bit is 0x40 / * DFLT * / */
void sct_print_flags(struct sct_out *o, const struct sct_xlat *t, uint64_t v, const char *dflt)
{
	int n = 0, verbose = o->cstyle == SCT_CONST_VERBOSE;

	if (o->cstyle == SCT_CONST_RAW) {
		sct_out_hex(o, v);
		return;
	}
	if (v == 0) {
		const char *z = sct_xlat_find(t, 0);

		if (z && verbose) {
			sct_out_putc(o, '0');
			put_comment(o, z);
		} else {
			sct_out_puts(o, z ? z : "0");
		}
		return;
	}
	if (verbose)
		sct_out_hex(o, v);
	for (; t->name; t++) {
		if (t->val == 0 || (v & t->val) != t->val)
			continue;
		sct_out_puts(o, n++ ? "|" : verbose ? " /* " : "");
		sct_out_puts(o, t->name);
		v &= ~t->val;
	}
	if (n) {
		if (v) {
			sct_out_putc(o, '|');
			sct_out_hex(o, v);
		}
		if (verbose)
			sct_out_puts(o, " */");
		return;
	}
	if (!verbose)
		sct_out_hex(o, v);
	put_comment(o, dflt);
}

void sct_print_xval_style(struct sct_out *o, const struct sct_xlat *t, uint64_t v, const char *dflt,
			  int dec)
{
	const char *s = o->cstyle == SCT_CONST_RAW ? NULL : sct_xlat_find(t, v);

	if (s && o->cstyle == SCT_CONST_ABBREV) {
		sct_out_puts(o, s);
		return;
	}
	if (dec == 2)
		sct_out_dec(o, (int32_t)v);
	else if (dec)
		sct_out_dec(o, (int64_t)v);
	else
		sct_out_hex(o, v);
	if (o->cstyle != SCT_CONST_RAW)
		put_comment(o, s ? s : dflt);
}

int sct_composite_begin(struct sct_out *o, uint64_t v, int base, int *saved)
{
	*saved = o->cstyle;
	if (o->cstyle == SCT_CONST_ABBREV)
		return 1;
	if (base == 8)
		sct_out_oct(o, v);
	else
		sct_out_hex(o, v);
	if (o->cstyle == SCT_CONST_RAW)
		return 0;
	sct_out_puts(o, " /* ");
	o->cstyle = SCT_CONST_ABBREV;
	return 1;
}

void sct_composite_end(struct sct_out *o, int saved)
{
	if (saved == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
	o->cstyle = saved;
}

void sct_print_named(struct sct_out *o, int64_t v, int dec, const char *name)
{
	if (o->cstyle != SCT_CONST_ABBREV) {
		if (dec)
			sct_out_dec(o, v);
		else
			sct_out_hex(o, (uint64_t)v);
	}
	if (o->cstyle == SCT_CONST_RAW)
		return;
	if (o->cstyle == SCT_CONST_VERBOSE)
		put_comment(o, name);
	else
		sct_out_puts(o, name);
}

void sct_print_xval(struct sct_out *o, const struct sct_xlat *t, uint64_t v, const char *dflt)
{
	sct_print_xval_style(o, t, v, dflt, 0);
}

void sct_print_umode(struct sct_out *o, uint64_t mode)
{
	/* strace's "%#03o": 0 -> 000, 7 -> 007, 022 -> 022, 0644 -> 0644 */
	if (mode < 010) {
		sct_out_puts(o, "00");
		sct_out_putc(o, (char)('0' + mode));
	} else {
		sct_out_oct(o, mode);
	}
}

const struct sct_blob *sct_arg_in(const struct sct_dec *d, unsigned i)
{
	return sct_rec_blob(d->r, i, SCT_BLOB_IN);
}

const struct sct_blob *sct_arg_out(const struct sct_dec *d, unsigned i)
{
	return sct_rec_blob(d->r, i, SCT_BLOB_OUT);
}
