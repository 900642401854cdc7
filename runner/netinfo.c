/* net.core.optmem_max for the formatter (netinfo.h). */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "format.h"
#include "netinfo.h"

unsigned sct_netinfo_optmem_max(void)
{
	char buf[32];
	long v = 0;
	ssize_t n;
	int fd = open("/proc/sys/net/core/optmem_max", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (n > 0) {
			buf[n] = '\0';
			v = strtol(buf, NULL, 10);
		}
	}
	/* strace: a value it cannot use is replaced by its default */
	if (v <= 0 || v > 0x7ffffff8)
		return SCT_OPTMEM_MAX_DEFAULT;
	return (unsigned)((v + 7) & ~7L);
}
