/* Children exec'd with an empty environment must still be traced under -f:
 *   1  fork, execve(self, ["envchild", "child", "1"], NULL)
 *   2  fork, execve("/usr/bin/env", ["env", "-i", self, "child", "2"], environ)
 *   3, 4  the same from vfork
 * Each child image makes one call no one else makes, close(-4240 - N), and checks
 * that its environment is indeed empty of anything but the tracer's variables.
 * Window N of child N starts with the execve line of its image (run.sh compares
 * them with strace's, which prints the environment the caller passed: NULL, or
 * an empty one); window 0 is the parent's fork/wait. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include "e2e.h"

extern char **environ;

static int child(int n)
{
	char **e, **f;

	/* the caller scrubbed everything; only the tracer may have put variables back */
	for (e = environ; *e != NULL; e++)
		CHECK(strncmp(*e, "SCTRACE_", 8) == 0 || strncmp(*e, "LD_PRELOAD=", 11) == 0);
	/* and put them back once: no name twice */
	for (e = environ; *e != NULL; e++)
		for (f = e + 1; *f != NULL; f++)
			CHECK(strncmp(*e, *f, (size_t)(strchrnul(*e, '=') - *e) + 1) != 0);
	E2E_BEGIN_EXEC_N(n);
	(void)close(-4240 - n);
	E2E_END_N(n);
	return 0;
}

static void run(int use_vfork, char *path, char **argv, char **envp)
{
	pid_t pid = use_vfork ? vfork() : fork();
	int st;

	CHECK(pid >= 0);
	if (pid == 0) {
		execve(path, argv, envp);
		_exit(127);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

int main(int argc, char **argv)
{
	char *a1[] = { argv[0], "child", "1", NULL };
	char *a2[] = { "env", "-i", argv[0], "child", "2", NULL };
	char *a3[] = { argv[0], "child", "3", NULL };
	char *a4[] = { "env", "-i", argv[0], "child", "4", NULL };
	sigset_t chld;

	if (argc == 3 && strcmp(argv[1], "child") == 0)
		return child(atoi(argv[2]));
	CHECK(argv[0][0] == '/');
	/* SIGCHLD's delivery is invisible to an interposing tracer: keep it pending */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	CHECK(sigprocmask(SIG_BLOCK, &chld, NULL) == 0);
	E2E_BEGIN_N(0);
	run(0, argv[0], a1, NULL);
	run(0, "/usr/bin/env", a2, environ);
	run(1, argv[0], a3, NULL);
	run(1, "/usr/bin/env", a4, environ);
	E2E_END_N(0);
	printf("envchild: ok\n");
	return 0;
}
