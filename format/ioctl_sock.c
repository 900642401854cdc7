/* Socket ioctls (type 0x89). */
#include "ioctl.h"

int sct_ioctl_sock(const struct sct_dec *d, unsigned i, uint32_t code, uint64_t arg)
{
	(void)d, (void)i, (void)code, (void)arg;
	return SCT_IOCTL_DEFAULT;
}
