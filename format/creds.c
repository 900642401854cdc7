/* Credentials: the group lists of getgroups and setgroups, [5, 6, 7].  strace 6.1
 * prints NULL for a NULL list, the address when the call failed, and otherwise as
 * many elements as the call counts (getgroups(0, list) = 3 shows the 3 words at list,
 * which the kernel did not write), at most -s of them, then "...".  Ids are unsigned,
 * but -1 stays -1, in the lists as in the arguments (chown, setresuid, setfsuid). */
#include <stdint.h>
#include <string.h>
#include "decode.h"

void sct_print_ugid(struct sct_out *o, uint32_t id)
{
	if (id == UINT32_MAX)
		sct_out_puts(o, "-1");
	else
		sct_out_udec(o, id);
}

int sct_dec_ugid(const struct sct_dec *d, unsigned i)
{
	sct_print_ugid(d->o, (uint32_t)d->r->arg[i]);
	return 0;
}

static int print_gids(const struct sct_dec *d, unsigned i, const struct sct_blob *b,
		      uint64_t count)
{
	struct sct_out *o = d->o;
	const unsigned char *p;
	uint64_t k, have;

	if (!d->r->arg[i]) {
		sct_out_puts(o, "NULL");
		return 0;
	}
	if (count && (!b || b->len < 4)) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	have = b ? b->len / 4 : 0;
	if (have > d->f->strsize)
		have = d->f->strsize;
	p = b ? sct_blob_data(b) : NULL;
	sct_out_putc(o, '[');
	for (k = 0; k < count && k < have; k++) {
		uint32_t g;
		memcpy(&g, p + 4 * k, 4);
		if (k)
			sct_out_puts(o, ", ");
		sct_print_ugid(o, g);
	}
	if (k < count && b && (b->flags & SCT_BF_FAULT) && k == b->len / 4) {
		/* the next element could not be read: strace names its address */
		sct_out_puts(o, ", ... /* ");
		sct_out_hex(o, d->r->arg[i] + 4 * k);
		sct_out_puts(o, " */");
	} else if (k < count) {
		sct_out_puts(o, k ? ", ..." : "...");
	}
	sct_out_putc(o, ']');
	return 0;
}

/* setgroups(size, list): size elements in */
int sct_dec_gids_in(const struct sct_dec *d, unsigned i)
{
	uint64_t n = (uint32_t)d->r->arg[d->c->arg[i].aux];

	/* more than NGROUPS_MAX (65536): strace does not read the list */
	if (n > 65536) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	return print_gids(d, i, sct_arg_in(d, i), n);
}

/* getgroups(size, list): the result's count of elements out */
int sct_dec_gids_out(const struct sct_dec *d, unsigned i)
{
	if (sct_failed(d->r)) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	return print_gids(d, i, sct_arg_out(d, i), (uint64_t)d->r->ret);
}
