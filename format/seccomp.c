/* seccomp(2): its flags and argument, as the operation (argument 0) uses them, as
 * strace prints them:
 *   seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, {len=7, filter=0x...})
 *   seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_LOG])
 *   seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

enum { SET_MODE_FILTER = 1, GET_ACTION_AVAIL = 2, GET_NOTIF_SIZES = 3 };

int sct_dec_seccomp_flags(const struct sct_dec *d, unsigned i)
{
	uint32_t v = (uint32_t)d->r->arg[i];

	if ((uint32_t)d->r->arg[0] == SET_MODE_FILTER)
		sct_print_xlat(d->o, SCT_XLAT_seccomp_filter_flags, v);
	else
		sct_out_hex(d->o, v);
	return 0;
}

static uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

int sct_dec_seccomp_arg(const struct sct_dec *d, unsigned i)
{
	struct sct_out *o = d->o;
	uint32_t op = (uint32_t)d->r->arg[0];
	const struct sct_blob *b = op == GET_NOTIF_SIZES ? sct_arg_out(d, i) : sct_arg_in(d, i);
	const unsigned char *p = b ? sct_blob_data(b) : NULL;

	if (op == SET_MODE_FILTER && b && b->len >= 16) {
		/* struct sock_fprog; the program itself only with -v (not decoded) */
		sct_out_puts(o, "{len=");
		sct_out_udec(o, get16(p));
		sct_out_puts(o, ", filter=");
		sct_print_addr(o, sct_get64(p + 8));
		sct_out_putc(o, '}');
	} else if (op == GET_ACTION_AVAIL && b && b->len >= 4) {
		sct_out_putc(o, '[');
		sct_print_xlat(o, SCT_XLAT_seccomp_ret_action, sct_get32(p));
		sct_out_putc(o, ']');
	} else if (op == GET_NOTIF_SIZES && b && b->len >= 6 && !sct_failed(d->r)) {
		sct_out_puts(o, "{seccomp_notif=");
		sct_out_udec(o, get16(p));
		sct_out_puts(o, ", seccomp_notif_resp=");
		sct_out_udec(o, get16(p + 2));
		sct_out_puts(o, ", seccomp_data=");
		sct_out_udec(o, get16(p + 4));
		sct_out_putc(o, '}');
	} else {
		sct_print_addr(o, d->r->arg[i]);
	}
	return 0;
}
