/* personality(2): the execution domain (the low byte) by name, then the flags above
 * it, "PER_BSD|SHORT_INODE|0x10000"; the result the same after its hex value, as
 * strace's auxstr ("= 0x6 (PER_BSD)"), under every -X style. */
#include <stdint.h>
#include "decode.h"
#include "xlattab.h"

#define PER_MASK 0xffu

static void print_persona(struct sct_out *o, uint32_t pers)
{
	sct_print_xlat(o, SCT_XLAT_personality_types, pers & PER_MASK);
	if (pers & ~PER_MASK) {
		sct_out_putc(o, '|');
		sct_print_xlat(o, SCT_XLAT_personality_flags, pers & ~PER_MASK);
	}
}

int sct_dec_personality(const struct sct_dec *d, unsigned i)
{
	uint32_t pers = (uint32_t)d->r->arg[i];

	if (pers == 0xffffffff)		/* the query: as a number whatever -X says */
		sct_out_puts(d->o, "0xffffffff");
	else
		print_persona(d->o, pers);
	return 0;
}

void sct_ret_personality(const struct sct_dec *d)
{
	sct_out_hex(d->o, (uint64_t)d->r->ret);
	sct_out_puts(d->o, " (");
	print_persona(d->o, (uint32_t)d->r->ret);
	sct_out_putc(d->o, ')');
}
