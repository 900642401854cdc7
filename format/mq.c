/* POSIX message queues: struct mq_attr (mq_getsetattr) as strace prints it,
 * {mq_flags=O_NONBLOCK, mq_maxmsg=10, mq_msgsize=8192, mq_curmsgs=0}. */
#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

#define MQ_ATTR_SIZE 64			/* four longs and four reserved */

/* mq_open's flags print as a number, mq_getsetattr's by name (strace's choice) */
static void print_mq_attr(struct sct_out *o, const unsigned char *p, int names)
{
	sct_out_puts(o, "{mq_flags=");
	if (names)
		sct_print_xlat(o, SCT_XLAT_mq_attr_flags, sct_get64(p));
	else
		sct_out_hex(o, sct_get64(p));
	sct_out_puts(o, ", mq_maxmsg=");
	sct_out_dec(o, (int64_t)sct_get64(p + 8));
	sct_out_puts(o, ", mq_msgsize=");
	sct_out_dec(o, (int64_t)sct_get64(p + 16));
	sct_out_puts(o, ", mq_curmsgs=");
	sct_out_dec(o, (int64_t)sct_get64(p + 24));
	sct_out_putc(o, '}');
}

/* the new attributes, as passed */
int sct_dec_mq_attr(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);

	if (!d->r->arg[i] || !b || b->len < MQ_ATTR_SIZE)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_mq_attr(d->o, sct_blob_data(b), 1);
	return 0;
}

/* the old ones, written on success */
int sct_dec_mq_attr_out(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_failed(d->r) ? NULL : sct_arg_out(d, i);

	if (!d->r->arg[i] || !b || b->len < MQ_ATTR_SIZE)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_mq_attr(d->o, sct_blob_data(b), 1);
	return 0;
}

/* mq_open's attributes, shown only with O_CREAT (arg aux), as the mode is */
int sct_dec_mq_open_attr(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	int a = sct_aux(d, i);

	if (a >= 0 && !(d->r->arg[a] & 0100))	/* O_CREAT */
		return 1;
	if (!d->r->arg[i] || !b || b->len < MQ_ATTR_SIZE)
		sct_print_addr(d->o, d->r->arg[i]);
	else
		print_mq_attr(d->o, sct_blob_data(b), 0);
	return 0;
}
