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
	struct sct_out *o = d->o;
	uint64_t addr = d->r->arg[i], limit = sct_no_abbrev(d) ? UINT64_MAX : d->f->strsize;
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
