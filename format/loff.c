/* A loff_t * that the kernel reads and advances.  strace shows sendfile's, unsigned,
 * as "[1] => [3]" when it sent something ("[1]" when it failed, sent nothing or was
 * asked for nothing), copy_file_range's and splice's as given, signed, "[1]".  Both
 * are copied before the call, since the kernel rewrites them. */
#include <string.h>
#include "decode.h"

/* sendfile's unsigned (strace: "%" PRIu64), the others' signed */
static void print_off(struct sct_out *o, const struct sct_blob *b, int is_unsigned)
{
	int64_t v;

	memcpy(&v, sct_blob_data(b), sizeof(v));
	sct_out_putc(o, '[');
	if (is_unsigned)
		sct_out_udec(o, (uint64_t)v);
	else
		sct_out_dec(o, v);
	sct_out_putc(o, ']');
}

int sct_dec_loff_io(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *in = sct_arg_in(d, i), *out = sct_arg_out(d, i);

	if (!in || in->len < 8) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	print_off(d->o, in, 1);
	/* the count is the next argument */
	if (out && out->len >= 8 && !sct_failed(d->r) && d->r->ret && i + 1 < SCT_MAX_ARGS &&
	    d->r->arg[i + 1]) {
		sct_out_puts(d->o, " => ");
		print_off(d->o, out, 1);
	}
	return 0;
}

int sct_dec_loff_in(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *in = sct_arg_in(d, i);

	if (!in || in->len < 8)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_off(d->o, in, 0);
	return 0;
}
