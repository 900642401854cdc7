/* "burst N": N one-byte writes to /dev/null from the main thread, as fast as it can:
 * fills a small ring while the runner is stopped. */
#include <fcntl.h>
#include <stdio.h>
#include "e2e.h"

int main(int argc, char **argv)
{
	int fd = open("/dev/null", O_WRONLY);
	long n;

	CHECK(argc == 2 && fd >= 0);
	n = atol(argv[1]);
	for (long i = 0; i < n; i++)
		CHECK(write(fd, "x", 1) == 1);
	printf("burst: %ld\n", n);
	return 0;
}
