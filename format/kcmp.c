/* kcmp(2)'s two indexes as its type uses them: descriptors for KCMP_FILE, a descriptor
 * and a struct kcmp_epoll_slot for KCMP_EPOLL_TFD, nothing for the types that compare
 * whole resources, numbers for unknown types:
 *   kcmp(1234, 1234, KCMP_EPOLL_TFD, 3, {efd=4, tfd=5, toff=0}) */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"

enum { KCMP_FILE = 0, KCMP_EPOLL_TFD = 7 };

/* idx1 (i == 3) and idx2 (i == 4); the type is argument 2 */
int sct_dec_kcmp_idx(const struct sct_dec *d, unsigned i)
{
	uint32_t type = (uint32_t)d->r->arg[2];
	uint64_t v = d->r->arg[i];
	const struct sct_blob *b;

	if (type >= 1 && type <= 6)	/* KCMP_VM .. KCMP_SYSVSEM */
		return 1;
	if (type != KCMP_FILE && type != KCMP_EPOLL_TFD) {
		sct_out_hex(d->o, v);
		return 0;
	}
	/* with -y a path when the descriptor is this process's (preload/fdpath.c) */
	if (type == KCMP_FILE || i == 3) {
		sct_print_fd(d, i, (int32_t)v);
		return 0;
	}
	b = sct_arg_in(d, i);
	if (!v || !b || b->len < 12) {
		sct_print_addr(d->o, v);
		return 0;
	}
	sct_out_puts(d->o, "{efd=");
	sct_out_dec(d->o, (int32_t)sct_get32(sct_blob_data(b)));
	sct_out_puts(d->o, ", tfd=");
	sct_out_dec(d->o, (int32_t)sct_get32(sct_blob_data(b) + 4));
	sct_out_puts(d->o, ", toff=");
	sct_out_udec(d->o, sct_get32(sct_blob_data(b) + 8));
	sct_out_putc(d->o, '}');
	return 0;
}
