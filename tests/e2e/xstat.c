/* Binaries built against glibc < 2.33 (Debian 12's make, for one) call __xstat,
 * __lxstat and __fxstat, which make the legacy stat, lstat and fstat system calls on
 * x86-64, not newfstatat: both tracers must name the call the kernel saw. */
#include <sys/stat.h>
#include "e2e.h"

int __xstat(int ver, const char *path, struct stat *st);
int __lxstat(int ver, const char *path, struct stat *st);
int __fxstat(int ver, int fd, struct stat *st);
int __xstat64(int ver, const char *path, struct stat *st);

int main(void)
{
	struct stat st;

	E2E_BEGIN();
	CHECK(__xstat(1, "/", &st) == 0);
	CHECK(__lxstat(1, "/nonexistent-e2e-xstat", &st) == -1);
	CHECK(__fxstat(1, 0, &st) == 0);
	CHECK(__xstat64(1, "/", &st) == 0);
	E2E_END();
	return 0;
}
