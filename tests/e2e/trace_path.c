/* -P PATH: the calls that name a traced path, as an argument or through a descriptor
 * (as it was at the call: close and dup2's newfd), and none of the others; one -P is
 * a symbolic link that strace and sctrace both resolve.  Compared with strace by
 * tests/e2e/scenarios/trace-path.sh, whole traces (no windows: the markers name no
 * path). */
#include <poll.h>
#include <stdio.h>
#include <sys/select.h>
#include "e2e.h"

int main(void)
{
	struct stat st;
	char b[4];
	int n, z, f, r;

	CHECK((n = open("/dev/null", O_WRONLY)) >= 0);
	CHECK(write(n, "a", 1) == 1);
	CHECK((z = open("/dev/zero", O_RDONLY)) >= 0);		/* not traced */
	CHECK(read(z, b, 1) == 1);
	CHECK(close(z) == 0);
	CHECK((f = open("tp-file", O_RDWR | O_CREAT | O_TRUNC, 0600)) >= 0);
	CHECK(write(f, "x", 1) == 1);	/* its path is absolute, -P's relative: not shown */
	CHECK(stat("tp-file", &st) == 0);
	CHECK((r = open("tp-real", O_RDONLY)) >= 0);	/* the target of -P tp-link */
	CHECK(read(r, b, 1) == 1);
	{
		struct pollfd pf = { n, POLLOUT, 0 };
		struct timeval tv = { 0, 0 };
		fd_set ws;
		FD_ZERO(&ws);
		FD_SET(n, &ws);
		CHECK(poll(&pf, 1, 0) == 1);		/* by the descriptors they watch */
		CHECK(select(n + 1, NULL, &ws, NULL, &tv) == 1);
		pf.fd = r;
		CHECK(poll(&pf, 1, 0) == 1);
	}
	CHECK(dup2(n, 10) == 10);
	CHECK(dup2(z = open("/dev/zero", O_RDONLY), 10) == 10);	/* newfd was /dev/null */
	CHECK(close(10) == 0);
	CHECK(close(z) == 0);
	CHECK(close(n) == 0);
	CHECK(rename("tp-file", "tp-other") == 0);
	CHECK(rename("tp-other", "tp-file") == 0);	/* strace looks at rename's first path */
	CHECK(unlink("tp-file") == 0);
	CHECK(close(f) == 0);
	CHECK(close(r) == 0);
	return 0;
}
