/* Processes and signals, run with -f.  The program re-executes itself as
 * "PROG image K" to have a child image; image K opens window K with its own execve
 * line, and exits with status K, which the parent checks.
 *
 * SIGCHLD and SIGUSR1 stay blocked during the windows: a signal delivery is invisible
 * to an interposing tracer by design, so deliveries happen after the last window.
 * posix_spawn runs between windows: its clone3 and the child's work before execve
 * happen inside libc, where no wrapper can see them. */
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include "e2e.h"

extern char **environ;
static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

static int image(int k)
{
	char *v;

	E2E_BEGIN_EXEC_N(k);
	CHECK(getpid() > 0);
	CHECK(getppid() > 1);
	E2E_END_N(k);
	if (k == 8) {
		v = getenv("E2E_ENV");
		CHECK(v != NULL && strcmp(v, "8") == 0);
	}
	return k;
}

static void reap(pid_t pid, int code)
{
	int st;

	CHECK(waitpid(pid, &st, 0) == pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == code);
}

int main(int argc, char **argv)
{
	static char dir[4096], *slash;
	const char *self = argv[0];
	char *args[4];
	char *envp[] = { "E2E_ENV=8", NULL };
	sigset_t set, old;
	struct sigaction sa;
	struct timespec ts = { 0, 1000000 };
	pid_t pid, me;
	int st, fd_self, sync[2];
	char c;

	if (argc == 3 && strcmp(argv[1], "image") == 0)
		return image(atoi(argv[2]));
	CHECK(self[0] == '/');
	/* PATH names our own directory only, so execvp and friends try one execve */
	strcpy(dir, self);
	slash = strrchr(dir, '/');
	*slash = '\0';
	CHECK(setenv("PATH", dir, 1) == 0);
	fd_self = open(self, O_RDONLY | O_CLOEXEC);
	CHECK(fd_self >= 0);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGUSR1);
	args[0] = (char *)self;
	args[1] = "image";
	args[3] = NULL;

	E2E_BEGIN_EXEC_N(0);
	me = getpid();
	CHECK(gettid() == me);
	CHECK(sigprocmask(SIG_BLOCK, &set, &old) == 0);
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	CHECK(signal(SIGUSR2, SIG_IGN) == SIG_DFL);
	CHECK(signal(SIGUSR2, SIG_DFL) == SIG_IGN);
	CHECK(kill(me, SIGUSR1) == 0);
	CHECK(nanosleep(&ts, NULL) == 0);
	CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL) == 0);
	CHECK(got_usr1 == 0);

	/* fork, the child does its own calls; wait4 */
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		E2E_BEGIN_N(1);
		CHECK(getppid() == me);
		CHECK(getpid() != me);
		E2E_END_N(1);
		_exit(7);
	}
	CHECK(wait4(pid, &st, 0, NULL) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 7);

	/* a child that waits to be killed: waitpid with WNOHANG, kill, waitpid */
	CHECK(pipe(sync) == 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		E2E_BEGIN_N(2);
		CHECK(close(sync[0]) == 0);
		E2E_END_N(2);
		CHECK(write(sync[1], "r", 1) == 1);
		for (;;)
			pause();
	}
	CHECK(close(sync[1]) == 0);
	CHECK(read(sync[0], &c, 1) == 1);
	CHECK(close(sync[0]) == 0);
	CHECK(waitpid(pid, &st, WNOHANG) == 0);
	CHECK(kill(pid, SIGTERM) == 0);
	CHECK(waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);

	/* wait() for a child that just exits */
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(3);
	CHECK(wait(&st) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 3);

	/* the exec family, each in a fresh child */
	pid = vfork();
	CHECK(pid >= 0);
	if (pid == 0) {
		args[2] = "3";
		execve(self, args, environ);
		_exit(127);
	}
	reap(pid, 3);
	if ((pid = fork()) == 0) {
		args[2] = "4";
		execv(self, args);
		_exit(127);
	}
	reap(pid, 4);
	if ((pid = fork()) == 0) {
		args[0] = "process";
		args[2] = "5";
		execvp("process", args);
		_exit(127);
	}
	reap(pid, 5);
	if ((pid = fork()) == 0) {
		execl(self, self, "image", "6", (char *)NULL);
		_exit(127);
	}
	reap(pid, 6);
	if ((pid = fork()) == 0) {
		execlp("process", "process", "image", "7", (char *)NULL);
		_exit(127);
	}
	reap(pid, 7);
	if ((pid = fork()) == 0) {
		execle(self, self, "image", "8", (char *)NULL, envp);
		_exit(127);
	}
	reap(pid, 8);
	if ((pid = fork()) == 0) {
		args[2] = "9";
		fexecve(fd_self, args, environ);
		_exit(127);
	}
	reap(pid, 9);
	E2E_END_N(0);

	args[0] = (char *)self;
	args[2] = "20";
	CHECK(posix_spawn(&pid, self, NULL, NULL, args, environ) == 0);
	E2E_BEGIN_N(30);
	reap(pid, 20);
	E2E_END_N(30);
	args[0] = "process";
	args[2] = "21";
	CHECK(posix_spawnp(&pid, "process", NULL, NULL, args, environ) == 0);
	E2E_BEGIN_N(31);
	reap(pid, 21);
	E2E_END_N(31);
	CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
	CHECK(got_usr1 == 1);

	printf("process: ok\n");
	return 0;
}
