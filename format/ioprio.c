/* ioprio_get/ioprio_set: an I/O priority as strace prints it,
 * IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4): the class is the bits above
 * IOPRIO_CLASS_SHIFT (13), the data the 13 below (<linux/ioprio.h>). */
#include <stdint.h>
#include "decode.h"
#include "xlattab.h"

#define IOPRIO_CLASS_SHIFT 13

static void print_value(struct sct_out *o, uint32_t v)
{
	sct_out_puts(o, "IOPRIO_PRIO_VALUE(");
	sct_print_xlat(o, SCT_XLAT_ioprio_class, v >> IOPRIO_CLASS_SHIFT);
	sct_out_puts(o, ", ");
	sct_out_dec(o, (int32_t)(v & ((1u << IOPRIO_CLASS_SHIFT) - 1)));
	sct_out_putc(o, ')');
}

/* ioprio_set's priority: -X raw the number, -X verbose the number and the value
 * in a comment */
int sct_dec_ioprio(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t v = (uint32_t)d->r->arg[i];

	if (o->cstyle == SCT_CONST_ABBREV) {
		print_value(o, v);
		return 0;
	}
	sct_out_dec(o, (int32_t)v);
	if (o->cstyle == SCT_CONST_VERBOSE) {
		sct_out_puts(o, " /* ");
		print_value(o, v);
		sct_out_puts(o, " */");
	}
	return 0;
}

/* ioprio_get's result: "4 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 4))"; -X raw the
 * number alone */
void sct_ret_ioprio(const struct sct_dec *d)
{
	sct_out_dec(d->o, d->r->ret);
	if (d->o->cstyle == SCT_CONST_RAW)
		return;
	sct_out_puts(d->o, " (");
	print_value(d->o, (uint32_t)d->r->ret);
	sct_out_putc(d->o, ')');
}
