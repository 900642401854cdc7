/* -o '|COMMAND' (or '!COMMAND'): the trace goes to COMMAND's standard input, a
 * /bin/sh -c COMMAND as strace's popen runs it, and the runner waits for that shell
 * before it exits, as strace's pclose does.  The shell is not the runner's child (a
 * child in between exits at once): the runner's loop reaps every child it has and
 * ends -f when none is left, so this one must not be among them; a pidfd tells when
 * it ends. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "opipe.h"

int sct_opipe_start(const char *cmd, int *pidfd)
{
	int data[2], back[2], e;
	pid_t mid, sh = -1;

	*pidfd = -1;
	if (pipe2(data, O_CLOEXEC) < 0)
		return -errno;
	if (pipe2(back, O_CLOEXEC) < 0) {
		e = errno;
		close(data[0]);
		close(data[1]);
		return -e;
	}
	mid = fork();
	if (mid == 0) {
		pid_t p = fork();

		if (p == 0) {
			dup2(data[0], STDIN_FILENO);
			execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
			_exit(127);
		}
		if (write(back[1], &p, sizeof(p)) < 0)
			_exit(1);
		_exit(0);
	}
	e = mid < 0 ? errno : 0;
	close(data[0]);
	close(back[1]);
	if (mid > 0) {
		if (read(back[0], &sh, sizeof(sh)) != (ssize_t)sizeof(sh))
			sh = -1;
		while (waitpid(mid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	close(back[0]);
	if (mid < 0 || sh <= 0) {
		close(data[1]);
		return mid < 0 ? -e : -ECHILD;
	}
	*pidfd = (int)syscall(SYS_pidfd_open, sh, 0);	/* -1: it has ended already */
	return data[1];
}

void sct_opipe_wait(int pidfd)
{
	struct pollfd p = { .fd = pidfd, .events = POLLIN };

	if (pidfd < 0)
		return;
	while (poll(&p, 1, -1) < 0 && errno == EINTR)
		;
	close(pidfd);
}
