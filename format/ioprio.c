/* I/O priorities (ioprio_get, ioprio_set, and aio's aio_reqprio), as strace prints
 * them: IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4), the class in the top bits (13 up) and
 * the data in the low 13. */
#include <stdint.h>
#include "decode.h"
#include "xlattab.h"

/* The text alone, its class as -X says: "IOPRIO_PRIO_VALUE(0 / * IOPRIO_CLASS_NONE * /, 0)"
 * under verbose, even inside a comment (strace builds it as a string) */
void sct_print_ioprio_value(struct sct_out *o, uint32_t v)
{
	sct_out_puts(o, "IOPRIO_PRIO_VALUE(");
	sct_print_xlat(o, SCT_XLAT_ioprio_class, v >> 13);
	sct_out_puts(o, ", ");
	sct_out_dec(o, v & 0x1fff);
	sct_out_putc(o, ')');
}

/* ioprio_set's priority: the number in decimal under -X raw, both under verbose */
int sct_dec_ioprio(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t v = (uint32_t)d->r->arg[i];

	if (o->cstyle != SCT_CONST_ABBREV)
		sct_out_dec(o, (int32_t)v);
	if (o->cstyle == SCT_CONST_RAW)
		return 0;
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " /* ");
	sct_print_ioprio_value(o, v);
	if (o->cstyle == SCT_CONST_VERBOSE)
		sct_out_puts(o, " */");
	return 0;
}

/* ioprio_get: "0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))"; the number alone under -X raw */
void sct_ret_ioprio(const struct sct_dec *d)
{
	sct_out_dec(d->o, d->r->ret);
	if (d->o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(d->o, " (");
	sct_print_ioprio_value(d->o, (uint32_t)d->r->ret);
	sct_out_putc(d->o, ')');
}
