/* Arrays as strace's print_array prints them, from an array blob (format/kinds.h,
 * captured by preload/capture_ext.c): NULL, [] for no elements, the address when the
 * first element cannot be read, "... / * 0xADDR * /" after the elements before one
 * that cannot, and "..." after -s elements (all of them with -v). */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

void sct_print_array(const struct sct_dec *d, unsigned i, unsigned when, uint64_t nmemb,
		     size_t es, sct_elem_printer *fn)
{
	sct_print_array_max(d, i, when, nmemb, es, fn, UINT64_MAX);
}

void sct_print_array_max(const struct sct_dec *d, unsigned i, unsigned when, uint64_t nmemb,
			 size_t es, sct_elem_printer *fn, uint64_t max)
{
	sct_print_array_at(d, i, when, d->r->arg[i], nmemb, es, fn, max);
}

void sct_print_array_at(const struct sct_dec *d, unsigned i, unsigned when, uint64_t addr,
			uint64_t nmemb, size_t es, sct_elem_printer *fn, uint64_t max)
{
	struct sct_out *o = d->o;
	uint64_t limit = sct_no_abbrev(d) ? UINT64_MAX : d->f->strsize;
	const struct sct_blob *b = sct_rec_blob(d->r, i, when);
	uint64_t k, want, have;

	if (!addr) {
		sct_out_puts(o, "NULL");
		return;
	}
	if (!nmemb) {
		sct_out_puts(o, "[]");
		return;
	}
	if (!b || b->len < 8 || nmemb > UINT64_MAX / es || addr + nmemb * es < addr) {
		sct_print_addr(o, addr);
		return;
	}
	if (max < limit)
		limit = max;
	want = sct_get32(sct_blob_data(b));
	have = (b->len - 8) / es;
	for (k = 0; k < nmemb; k++) {
		if (k >= have) {
			if (k >= want) {		/* past what was captured: -v's cap */
				sct_out_puts(o, ", ...");
				break;
			}
			if (!k) {
				sct_print_addr(o, addr);
				return;
			}
			sct_out_puts(o, ", ... /* ");
			sct_out_hex(o, addr + k * es);
			sct_out_puts(o, " */");
			break;
		}
		sct_out_puts(o, k ? ", " : "[");
		if (k >= limit) {
			sct_out_puts(o, "...");
			break;
		}
		fn(d, sct_blob_data(b) + 8 + k * es);
	}
	sct_out_putc(o, ']');
}

/* Element printers shared by several calls */
void sct_elem_addr(const struct sct_dec *d, const unsigned char *e)
{
	sct_print_addr(d->o, sct_get64(e));
}

void sct_elem_int(const struct sct_dec *d, const unsigned char *e)
{
	sct_out_dec(d->o, (int32_t)sct_get32(e));
}

void sct_out_0x(struct sct_out *o, uint64_t v, int width)
{
	static const char hex[] = "0123456789abcdef";
	char buf[24];
	int n = 0, digits = 1;

	while (digits < 16 && v >> (4 * digits))
		digits++;
	if (v) {
		buf[n++] = '0';
		buf[n++] = 'x';
	}
	if (width > 20)
		width = 20;
	for (int k = n + digits; k < width; k++)
		buf[n++] = '0';
	for (int k = digits - 1; k >= 0; k--)
		buf[n++] = hex[(v >> (4 * k)) & 0xf];
	sct_out_write(o, buf, (size_t)n);
}

/* --- structures that grow by version (the ext blob of kinds.h) ------------------- */

const unsigned char *sct_ext_struct(const struct sct_dec *d, unsigned i, uint32_t *base)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	if (!b || b->len < 16 || sct_get32(sct_blob_data(b)) > b->len - 16)
		return NULL;
	*base = sct_get32(sct_blob_data(b));
	return sct_blob_data(b) + 16;
}

void sct_ext_rest(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p;
	uint32_t base, state, len, off, have, max = d->f->strsize;

	if (!b || b->len < 16)
		return;
	p = sct_blob_data(b);
	base = sct_get32(p);
	state = sct_get32(p + 4);
	len = sct_get32(p + 8);
	if (state == SCT_EXT_FAULT) {
		sct_out_puts(d->o, ", ???");
		return;
	}
	if (state != SCT_EXT_BYTES)
		return;
	off = 16 + sct_align8(base);
	have = off < b->len ? b->len - off : 0;
	if (have > len)
		have = len;
	if (have > max)
		have = max;
	sct_out_puts(d->o, ", /* bytes ");
	sct_out_udec(d->o, base);
	sct_out_puts(d->o, "..");
	sct_out_udec(d->o, base + len - 1);
	sct_out_puts(d->o, " */ \"");
	for (uint32_t k = 0; k < have; k++) {
		sct_out_puts(d->o, "\\x");
		sct_out_putc(d->o, "0123456789abcdef"[p[off + k] >> 4]);
		sct_out_putc(d->o, "0123456789abcdef"[p[off + k] & 15]);
	}
	sct_out_putc(d->o, '"');
	if (have < len)
		sct_out_puts(d->o, "...");
}
