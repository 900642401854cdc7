/* A number behind a pointer, printed as strace prints it: [0].  getresuid's ids,
 * getcpu's cpu and node, sched_getparam's struct sched_param (one int). */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

static int print_one(const struct sct_dec *d, unsigned i, const struct sct_blob *b, int sign)
{
	if (!d->r->arg[i] || !b || b->len < 4) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_putc(d->o, '[');
	if (sign)
		sct_out_dec(d->o, (int32_t)sct_get32(sct_blob_data(b)));
	else
		sct_out_udec(d->o, sct_get32(sct_blob_data(b)));
	sct_out_putc(d->o, ']');
	return 0;
}

/* what the call was given: sched_setparam's priority */
int sct_dec_int_in(const struct sct_dec *d, unsigned i)
{
	return print_one(d, i, sct_arg_in(d, i), 1);
}

/* what the call wrote, when it succeeded */
int sct_dec_int_out(const struct sct_dec *d, unsigned i)
{
	return print_one(d, i, sct_failed(d->r) ? NULL : sct_arg_out(d, i), 1);
}

int sct_dec_uint_out(const struct sct_dec *d, unsigned i)
{
	return print_one(d, i, sct_failed(d->r) ? NULL : sct_arg_out(d, i), 0);
}

/* a pointer or an unsigned long the call wrote (get_robust_list): [0x7f...], [24] */
static int print_long_out(const struct sct_dec *d, unsigned i, int ptr)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	if (!d->r->arg[i] || !b || b->len < 8) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_putc(d->o, '[');
	if (ptr)
		sct_print_addr(d->o, sct_get64(sct_blob_data(b)));
	else
		sct_out_udec(d->o, sct_get64(sct_blob_data(b)));
	sct_out_putc(d->o, ']');
	return 0;
}

int sct_dec_ptr_out(const struct sct_dec *d, unsigned i)
{
	return print_long_out(d, i, 1);
}

int sct_dec_ulong_out(const struct sct_dec *d, unsigned i)
{
	return print_long_out(d, i, 0);
}
