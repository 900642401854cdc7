/* reboot(2)'s last argument: LINUX_REBOOT_CMD_RESTART2's command string (the kernel
 * copies 255 bytes of it at most, as strace reads), nothing for the other commands */
#include <stdint.h>
#include "decode.h"

int sct_dec_reboot_arg(const struct sct_dec *d, unsigned i)
{
	if ((uint32_t)d->r->arg[2] != 0xa1b2c3d4u)	/* LINUX_REBOOT_CMD_RESTART2 */
		return 1;
	sct_print_strarg(d, i, SCT_BLOB_IN, 0);
	return 0;
}
