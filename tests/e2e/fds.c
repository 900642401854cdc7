/* A program that closes every descriptor it might have, dup2s onto every number up
 * to 1023, and closes and reopens its standard descriptors: it must behave as when
 * untraced (the tracer keeps no descriptor of its own in the program), and every
 * call after that must still be traced (close(-4242) is the marker). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "e2e.h"

int main(void)
{
	int fd, out;

	out = dup(1);			/* the result line goes here at the end */
	CHECK(out >= 0);
	CHECK(close_range(1000, ~0u, 0) == 0);
	for (int i = 3; i < 1000; i++)
		if (i != out)
			(void)close(i);
	fd = open("/dev/null", O_RDONLY);
	CHECK(fd >= 0);
	for (int i = 3; i < 1024; i++)
		if (i != fd && i != out)
			CHECK(dup2(fd, i) == i);
	for (int i = 3; i < 1024; i++)
		if (i != out)
			CHECK(close(i) == 0);
	CHECK(close(0) == 0 && close(1) == 0 && close(2) == 0);
	CHECK(open("/dev/null", O_RDONLY) == 0);
	CHECK(open("/dev/null", O_WRONLY) == 1);
	CHECK(open("/dev/null", O_WRONLY) == 2);
	(void)close(-4242);
	CHECK(dup2(out, 1) == 1);
	printf("fds: ok\n");
	return 0;
}
