/* A vfork child has its own copy of the kernel's signal actions but runs on its
 * parent's memory: what it sets must not become the parent's actions as the tracer
 * shows and runs them.  posix_spawn's child resets actions (POSIX_SPAWN_SETSIGDEF),
 * and a raw vfork child installs handlers of its own before _exit.  Afterwards the
 * parent still reads back its own actions, and its own handlers run for SIGSEGV
 * (which the library owns), SIGUSR1 and SIGSYS.  Prints what it saw; the scenario
 * compares with the untraced run (tests/e2e/scenarios/vforksig.sh). */
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static volatile sig_atomic_t seen[65];

static void parent_handler(int sig)
{
	seen[sig]++;
}

static void child_handler(int sig)
{
	(void)sig;
	_exit(42);	/* never runs in the parent, untraced */
}

static void set(int sig, void (*h)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = h;
	sigaction(sig, &sa, NULL);
}

static void show(const char *when)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGUSR1, SIGSYS };

	printf("%s:", when);
	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		sigaction(sigs[i], NULL, &old);
		printf(" %s", old.sa_handler == parent_handler ? "parent" :
		       old.sa_handler == SIG_DFL ? "default" :
		       old.sa_handler == SIG_IGN ? "ignore" : "other");
	}
	printf("\n");
}

int main(void)
{
	posix_spawnattr_t at;
	sigset_t def;
	pid_t pid;
	int st;
	char *argv[] = { "true", NULL };

	set(SIGSEGV, parent_handler);
	set(SIGBUS, parent_handler);
	set(SIGUSR1, parent_handler);
	set(SIGSYS, parent_handler);
	show("before");

	posix_spawnattr_init(&at);
	sigemptyset(&def);
	sigaddset(&def, SIGSEGV);
	sigaddset(&def, SIGBUS);
	sigaddset(&def, SIGUSR1);
	sigaddset(&def, SIGSYS);
	posix_spawnattr_setsigdefault(&at, &def);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF);
	if (posix_spawn(&pid, "/bin/true", NULL, &at, argv, environ) != 0)
		return 1;
	waitpid(pid, &st, 0);
	show("after posix_spawn");

	pid = vfork();
	if (pid == 0) {
		set(SIGSEGV, child_handler);
		set(SIGBUS, SIG_IGN);
		set(SIGUSR1, child_handler);
		set(SIGSYS, SIG_IGN);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	show("after vfork");

	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGSEGV);
	kill(getpid(), SIGBUS);
	kill(getpid(), SIGSYS);
	printf("handled: SEGV %d BUS %d USR1 %d SYS %d\n", (int)seen[SIGSEGV], (int)seen[SIGBUS],
	       (int)seen[SIGUSR1], (int)seen[SIGSYS]);
	return 0;
}
