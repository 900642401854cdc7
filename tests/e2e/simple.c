/* A few calls whose strace lines are known exactly, for the checks that run
 * without strace (standalone LD_PRELOAD mode, SCTRACE_OUTPUT, SCTRACE_COUNT):
 *   close(-4321) = -1 EBADF (Bad file descriptor)
 *   write(1, "simple\n", 7) = 7
 *   openat(AT_FDCWD, "/nonexistent-e2e", O_RDONLY) = -1 ENOENT (No such file or directory) */
#include <fcntl.h>
#include "e2e.h"

int main(void)
{
	CHECK_ERR(close(-4321), EBADF);
	CHECK(write(1, "simple\n", 7) == 7);
	CHECK_ERR(open("/nonexistent-e2e", O_RDONLY), ENOENT);
	return 0;
}
