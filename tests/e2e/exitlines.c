/* Processes that end without writing their own exit line: a child that leaves by a
 * raw exit_group, one killed by SIGKILL, one killed by SIGPIPE, and an orphan (its
 * parent never waits for it: it is re-parented) that leaves by a raw exit_group.
 * strace prints "+++ exited with N +++" / "+++ killed by SIG +++" for each; so must
 * sctrace. */
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "e2e.h"

static pid_t child(int how, int ready)
{
	pid_t p = fork();
	int fds[2];

	CHECK(p >= 0);
	if (p)
		return p;
	close(-4700 - how);		/* a traced line of the child's own first */
	switch (how) {
	case 1:
		syscall(SYS_exit_group, 3);
		break;
	case 2:
		CHECK(write(ready, "r", 1) == 1);
		for (;;)
			pause();	/* until the parent's SIGKILL */
	case 3:
		CHECK(pipe(fds) == 0);
		close(fds[0]);
		(void)write(fds[1], "x", 1);	/* SIGPIPE */
		break;
	case 4:
		p = fork();
		CHECK(p >= 0);
		if (p == 0) {
			close(-4710);
			syscall(SYS_exit_group, 5);
		}
		syscall(SYS_exit_group, 4);
		break;
	}
	_exit(9);
}

int main(void)
{
	int st, fds[2];
	char c;
	pid_t p;

	CHECK(pipe(fds) == 0);
	for (int how = 1; how <= 4; how++) {
		p = child(how, fds[1]);
		if (how == 2) {
			CHECK(read(fds[0], &c, 1) == 1);
			CHECK(kill(p, SIGKILL) == 0);
		}
		CHECK(waitpid(p, &st, 0) == p);
	}
	return 0;
}
