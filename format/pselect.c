/* pselect6's sixth argument: a pointer to { const sigset_t *ss; size_t ss_len }; the
 * capture adds the 8-byte set ss points to. */
#include "decode.h"

int sct_dec_pselect_sig(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	const uint64_t *v;

	if (!b || b->len < 24) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	v = (const uint64_t *)sct_blob_data(b);
	sct_out_puts(d->o, "{sigmask=");
	if (v[0])
		sct_print_sigset(d->o, &v[2]);
	else
		sct_out_puts(d->o, "NULL");
	sct_out_puts(d->o, ", sigsetsize=");
	sct_out_udec(d->o, v[1]);
	sct_out_putc(d->o, '}');
	return 0;
}
