/* fsconfig(2): what the key, the value and the aux argument are depends on the
 * command (strace's fsconfig.c): the key a string (at most 256 bytes) for the
 * FSCONFIG_SET_* commands; the value a string, a path, or FSCONFIG_SET_BINARY's aux
 * bytes in \x form, else an address; aux a directory descriptor (SET_PATH*), a
 * descriptor (SET_FD), else a number.  -P looks at the path and at aux only. */
#include <stdint.h>
#include <string.h>
#include "decode.h"

enum { SET_FLAG, SET_STRING, SET_BINARY, SET_PATH, SET_PATH_EMPTY, SET_FD };

/* a NUL-terminated string captured up to `max` bytes (preload/capture_ext.c) */
static void print_cstr(const struct sct_dec *d, unsigned i, size_t max)
{
	const struct sct_blob *b = d->r->arg[i] ? sct_arg_in(d, i) : NULL;
	const unsigned char *p;
	size_t z = 0;

	if (!b) {
		sct_print_addr(d->o, d->r->arg[i]);
		return;
	}
	p = sct_blob_data(b);
	while (z < b->len && p[z])
		z++;
	sct_print_quoted(d->o, p, z, max, z == b->len && (b->flags & SCT_BF_TRUNC));
}

static size_t str_max(const struct sct_dec *d)
{
	return d->f->strsize < 256 ? d->f->strsize : 256;
}

int sct_dec_fsconfig_key(const struct sct_dec *d, unsigned i)
{
	if ((uint32_t)d->r->arg[1] <= SET_FD)
		print_cstr(d, i, str_max(d));
	else
		sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

int sct_dec_fsconfig_val(const struct sct_dec *d, unsigned i)
{
	int32_t aux = (int32_t)d->r->arg[4];
	const struct sct_blob *b;

	switch ((uint32_t)d->r->arg[1]) {
	case SET_STRING:
		print_cstr(d, i, str_max(d));
		return 0;
	case SET_PATH:
	case SET_PATH_EMPTY:
		print_cstr(d, i, 4095);
		return 0;
	case SET_BINARY:
		b = sct_arg_in(d, i);
		if (aux < 0 || aux > 1024 * 1024 || !b || (!d->r->arg[i] && aux))
			break;
		sct_out_putc(d->o, '"');
		for (size_t k = 0; k < b->len && k < d->f->strsize; k++) {
			const unsigned char c = sct_blob_data(b)[k];

			sct_out_puts(d->o, "\\x");
			sct_out_putc(d->o, "0123456789abcdef"[c >> 4]);
			sct_out_putc(d->o, "0123456789abcdef"[c & 15]);
		}
		sct_out_putc(d->o, '"');
		if ((uint32_t)aux > d->f->strsize)
			sct_out_puts(d->o, "...");
		return 0;
	}
	sct_print_addr(d->o, d->r->arg[i]);
	return 0;
}

int sct_dec_fsconfig_aux(const struct sct_dec *d, unsigned i)
{
	switch ((uint32_t)d->r->arg[1]) {
	case SET_PATH:
	case SET_PATH_EMPTY:
		return sct_dec_dirfd(d, i);
	case SET_FD:
		return sct_dec_fd(d, i);
	}
	sct_out_dec(d->o, (int32_t)d->r->arg[i]);
	return 0;
}
