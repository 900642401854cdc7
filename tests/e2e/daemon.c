/* Daemonizes the classic way: fork, setsid, fork again, close every descriptor,
 * chdir("/"), then the grandchild makes its calls (close(-6161) is the marker) and
 * writes "daemon: ok" to the file named by argv[1]; the original process exits at
 * once. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "e2e.h"

int main(int argc, char **argv)
{
	pid_t p;
	int fd;

	CHECK(argc == 2);
	p = fork();
	CHECK(p >= 0);
	if (p > 0)
		return 0;
	CHECK(setsid() > 0);
	p = fork();
	CHECK(p >= 0);
	if (p > 0)
		_exit(0);
	CHECK(close_range(0, ~0u, 0) == 0);
	CHECK(chdir("/") == 0);
	usleep(100000);			/* outlive both ancestors */
	(void)close(-6161);
	fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "daemon: ok\n", 11) != 11)
		_exit(1);
	return 0;
}
