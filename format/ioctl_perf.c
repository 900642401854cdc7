/* perf event ioctls with a struct or string (type '$'; those that take a number are
 * in format/ioctl_simple.c), as strace decodes them: the filter string, the BPF
 * programs attached (ids_len asked, prog_cnt and ids returned), the attributes to
 * modify (format/perf.c's printer, on the same blob). */
#include "ioctl.h"

#define SET_FILTER 0x40082406u
#define QUERY_BPF 0xc008240au
#define MODIFY_ATTRIBUTES 0x4008240bu

/* ids: n elements of which `have` were read, as strace's print_array */
static void ids(const struct sct_dec *d, const unsigned char *p, uint32_t n, uint32_t have,
		uint64_t at)
{
	struct sct_out *o = d->o;
	uint64_t lim = sct_no_abbrev(d) ? UINT64_MAX : d->f->strsize;
	uint32_t k;

	if (!n) {
		sct_out_puts(o, "[]");
		return;
	}
	if (!have && lim) {
		sct_print_addr(o, at);
		return;
	}
	sct_out_putc(o, '[');
	for (k = 0; k < n; k++) {
		if (k)
			sct_out_puts(o, ", ");
		if (k >= lim) {
			sct_out_puts(o, "...");
			break;
		}
		if (k >= have) {
			sct_out_puts(o, "... /* ");
			sct_out_hex(o, at + 4ull * k);
			sct_out_puts(o, " */");
			break;
		}
		sct_out_udec(o, sct_get32(p + 4 * k));
	}
	sct_out_putc(o, ']');
}

int sct_ioctl_perf(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b;
	const unsigned char *p;

	switch (code) {
	case SET_FILTER:
		sct_print_strarg(d, i, SCT_BLOB_IN, 0);
		return SCT_IOCTL_DONE;
	case MODIFY_ATTRIBUTES:
		return sct_dec_perf_attr(d, i);
	case QUERY_BPF:
		break;
	default:
		return SCT_IOCTL_DEFAULT;
	}
	/* ids_len; then, when the call succeeded, prog_cnt and the ids read after it */
	if (!(p = sct_ioctl_in(d, i, 4))) {
		sct_print_addr(o, arg);
		return SCT_IOCTL_DONE;
	}
	b = sct_arg_in(d, i);
	sct_out_puts(o, "{ids_len=");
	sct_out_udec(o, sct_get32(p));
	if (sct_failed(d->r) || b->len < 8) {
		sct_out_puts(o, ", ...}");
		return SCT_IOCTL_DONE;
	}
	sct_out_puts(o, ", prog_cnt=");
	sct_out_udec(o, sct_get32(p + 4));
	sct_out_puts(o, ", ids=");
	ids(d, p + 8, sct_get32(p + 4), (b->len - 8) / 4, arg + 8);
	sct_out_putc(o, '}');
	return SCT_IOCTL_DONE;
}
