/* syslog(2) as strace prints it: the action always as "2 / * SYSLOG_ACTION_READ * /",
 * then the buffer and length only for the actions that use them:
 *   syslog(3 / * SYSLOG_ACTION_READ_ALL * /, "<6>[    0.000000] Linux"..., 4096) = 4096
 *   syslog(8 / * SYSLOG_ACTION_CONSOLE_LEVEL * /, NULL, 7 / * LOGLEVEL_DEBUG * /) = 0
 *   syslog(10 / * SYSLOG_ACTION_SIZE_BUFFER * /) = 131072 */
#include <stdint.h>
#include "decode.h"
#include "xlattab.h"

enum { READ = 2, READ_ALL = 3, READ_CLEAR = 4, CONSOLE_LEVEL = 8 };

/* "8 / * NAME * /" whatever -X says, the number a signed int */
static void print_verbose_d(struct sct_out *o, unsigned t, int32_t v)
{
	const struct sct_xlat_tab *x = &sct_xlat_tabs[t];
	const char *name = sct_xlat_find(x->x, (uint32_t)v);

	if (t == SCT_XLAT_syslog_levels && v == 8)	/* the kernel takes it: all messages */
		name = "LOGLEVEL_DEBUG+1";

	sct_out_dec(o, v);
	sct_out_puts(o, " /* ");
	sct_out_puts(o, name ? name : x->unknown);
	sct_out_puts(o, " */");
}

/* the actions that take no buffer and length */
static int no_args(int32_t type)
{
	return (type >= 0 && type <= 1) || (type >= 5 && type <= 7) || type == 9 || type == 10;
}

int sct_dec_syslog_type(const struct sct_dec *d, unsigned i)
{
	print_verbose_d(d->o, SCT_XLAT_syslog_actions, (int32_t)d->r->arg[i]);
	return 0;
}

/* the buffer: what a read put there, else its address */
int sct_dec_syslog_buf(const struct sct_dec *d, unsigned i)
{
	int32_t type = (int32_t)d->r->arg[0];
	const struct sct_blob *b = sct_arg_out(d, i);

	int read = type == READ || type == READ_ALL || type == READ_CLEAR;

	if (no_args(type))
		return 1;
	if (read && !sct_failed(d->r) && d->r->arg[i] && d->r->ret == 0)
		sct_out_puts(d->o, "\"\"");	/* nothing read: nothing to fetch */
	else if (read && !sct_failed(d->r) && d->r->arg[i] && b)
		sct_print_quoted(d->o, sct_blob_data(b), b->len, d->f->strsize,
				 (uint64_t)d->r->ret > d->f->strsize);
	else
		sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

int sct_dec_syslog_len(const struct sct_dec *d, unsigned i)
{
	int32_t type = (int32_t)d->r->arg[0], len = (int32_t)d->r->arg[i];

	if (no_args(type))
		return 1;
	if (type == CONSOLE_LEVEL)
		print_verbose_d(d->o, SCT_XLAT_syslog_levels, len);
	else
		sct_out_dec(d->o, len);
	return 0;
}
