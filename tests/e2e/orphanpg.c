/* A process group orphaned with a stopped member: the kernel sends it SIGHUP and
 * SIGCONT, the stopped process dies of the SIGHUP, and the program's wait for the
 * group to be gone ends (scenarios/orphanpg.sh).  Under sctrace -f the orphan goes to
 * the runner (a subreaper), which must not keep the group from being orphaned. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void stuck(int sig)
{
	(void)sig;
	static const char msg[] = "the orphaned group was not sent SIGHUP\n";
	(void)!write(1, msg, sizeof(msg) - 1);
	_exit(77);
}

int main(void)
{
	int fds[2], st;
	char c;
	pid_t leader, stopped;

	if (pipe(fds))
		return 1;
	leader = fork();
	if (leader == 0) {
		close(fds[0]);
		setpgid(0, 0);
		stopped = fork();
		if (stopped == 0) {
			signal(SIGHUP, SIG_DFL);
			raise(SIGSTOP);
			_exit(0);	/* SIGCONT without SIGHUP: not the kernel's way */
		}
		if (waitpid(stopped, &st, WUNTRACED) != stopped || !WIFSTOPPED(st))
			_exit(2);
		_exit(0);	/* the group loses its last link outside: orphaned */
	}
	close(fds[1]);
	signal(SIGALRM, stuck);
	alarm(10);
	if (waitpid(leader, &st, 0) != leader || !WIFEXITED(st) || WEXITSTATUS(st))
		return 3;
	while (read(fds[0], &c, 1) > 0)		/* EOF: every member of the group is gone */
		;
	alarm(0);
	puts("the orphaned group is gone");
	return 0;
}
