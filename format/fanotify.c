/* fanotify_init's flags: the notification class (a value in bits 2-3), then the
 * other flags, as strace prints them: FAN_CLASS_CONTENT|FAN_CLOEXEC|0x8000 */
#include <stdint.h>
#include "decode.h"
#include "xlattab.h"

#define FAN_ALL_CLASS_BITS_ 0xcu

int sct_dec_fan_init_flags(const struct sct_dec *d, unsigned i)
{
	uint32_t v = (uint32_t)d->r->arg[i];

	sct_print_xlat(d->o, SCT_XLAT_fan_classes, v & FAN_ALL_CLASS_BITS_);
	if (v & ~FAN_ALL_CLASS_BITS_) {
		sct_out_putc(d->o, '|');
		sct_print_xlat(d->o, SCT_XLAT_fan_init_flags, v & ~FAN_ALL_CLASS_BITS_);
	}
	return 0;
}

/* fanotify_mark's dirfd: FAN_NOFD (-1) has a name there */
int sct_dec_fan_dirfd(const struct sct_dec *d, unsigned i)
{
	if ((int32_t)d->r->arg[i] == -1) {
		sct_print_named(d->o, -1, 1, "FAN_NOFD");
		return 0;
	}
	return sct_dec_dirfd(d, i);
}
