/* Arguments printed from a constant table of gen/xlat/NAME.in (spec kinds
 * `flags:NAME` and `xval:NAME`); the tables are generated into xlattab.c. */
#include <stdint.h>
#include "decode.h"

void sct_print_xlat(struct sct_out *o, unsigned t, uint64_t v)
{
	const struct sct_xlat_tab *x;

	if (t >= sct_nxlat_tabs) {
		sct_out_hex(o, v);
		return;
	}
	x = &sct_xlat_tabs[t];
	if (!x->bits64)
		v = (uint32_t)v;
	if (x->flags) {
		sct_print_flags(o, x->x, v, x->unknown);
		return;
	}
	sct_print_xval_style(o, x->x, v, x->unknown, x->dec ? (x->bits64 ? 1 : 2) : 0);
}

int sct_dec_flags(const struct sct_dec *d, unsigned i)
{
	sct_print_xlat(d->o, d->c->arg[i].aux, d->r->arg[i]);
	return 0;
}

int sct_dec_xval(const struct sct_dec *d, unsigned i)
{
	sct_print_xlat(d->o, d->c->arg[i].aux, d->r->arg[i]);
	return 0;
}
