/* swapon's flags and the priority in their low 15 bits, as strace prints them:
 * SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|10 */
#include <stdint.h>
#include "decode.h"
#include "xlattab.h"

#define SWAP_FLAG_PRIO_MASK_ 0x7fffu

int sct_dec_swap_flags(const struct sct_dec *d, unsigned i)
{
	uint32_t v = (uint32_t)d->r->arg[i];

	if (v & ~SWAP_FLAG_PRIO_MASK_) {
		sct_print_xlat(d->o, SCT_XLAT_swap_flags, v & ~SWAP_FLAG_PRIO_MASK_);
		sct_out_putc(d->o, '|');
	}
	sct_out_udec(d->o, v & SWAP_FLAG_PRIO_MASK_);
	return 0;
}
