/* -v: the structures strace abbreviates, in full: struct stat (a directory and a
 * character device), struct statx, struct utsname.  Compared with strace -v by
 * tests/e2e/scenarios/verbose.sh. */
#include <sys/utsname.h>
#include "e2e.h"

int main(void)
{
	struct stat st;
	struct statx sx;
	struct utsname u;

	E2E_BEGIN();
	CHECK(stat("/", &st) == 0);
	CHECK(stat("/dev/zero", &st) == 0);
	CHECK(statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS | STATX_BTIME, &sx) == 0);
	CHECK(uname(&u) == 0);
	CHECK_ERR(stat("/nonexistent-e2e-verbose", &st), ENOENT);
	E2E_END();
	return 0;
}
