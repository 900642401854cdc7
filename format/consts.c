/* Arguments printed from a constant table of gen/xlat/NAME.in (spec kinds
 * `flags:NAME` and `xval:NAME`); the tables are generated into xlattab.c. */
#include <stdint.h>
#include "decode.h"

void sct_print_xlat(struct sct_out *o, unsigned t, uint64_t v)
{
	const struct sct_xlat_tab *x;
	const char *name;

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
	if ((name = sct_xlat_find(x->x, v))) {
		sct_out_puts(o, name);
		return;
	}
	if (x->dec)
		sct_out_dec(o, x->bits64 ? (int64_t)v : (int64_t)(int32_t)v);
	else
		sct_out_hex(o, v);
	if (x->unknown) {
		sct_out_puts(o, " /* ");
		sct_out_puts(o, x->unknown);
		sct_out_puts(o, " */");
	}
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
