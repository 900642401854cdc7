/* _sysctl's struct __sysctl_args, as strace prints it (it reads no further):
 *   _sysctl({name=0x7ffc..., nlen=2, oldval=NULL, oldlenp=NULL, newval=NULL, newlen=0}) */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

int sct_dec_sysctl_args(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p = b ? sct_blob_data(b) : NULL;

	if (!b || b->len < 48) {
		sct_print_addr(o, d->r->arg[i]);
		return 0;
	}
	sct_out_puts(o, "{name=");
	sct_print_addr(o, sct_get64(p));
	sct_out_puts(o, ", nlen=");
	sct_out_dec(o, (int32_t)sct_get32(p + 8));
	sct_out_puts(o, ", oldval=");
	sct_print_addr(o, sct_get64(p + 16));
	sct_out_puts(o, ", oldlenp=");
	sct_print_addr(o, sct_get64(p + 24));
	sct_out_puts(o, ", newval=");
	sct_print_addr(o, sct_get64(p + 32));
	sct_out_puts(o, ", newlen=");
	sct_out_udec(o, sct_get64(p + 40));
	sct_out_putc(o, '}');
	return 0;
}
