/* Pids across a pid namespace, run with -f --pidns-translation as
 * `unshare -Urpf pidns` (tests/e2e/scenarios/pidns.sh): this program is pid 1 of a
 * namespace of its own, and its child pid 2.  Every pid a call passes or returns
 * then has another number in the tracer's namespace, which both tracers print in a
 * comment.  Run without a namespace of its own it makes the same calls (nothing
 * extra is printed then).  Only calls libc's entry points make, in the windows:
 * both modes see them; SIGCHLD stays blocked (a delivery to no handler of the
 * program's is not seen by an interposing tracer). */
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "e2e.h"

int main(void)
{
	struct rlimit rl;
	sigset_t chld;
	pid_t child;
	int st;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	CHECK(sigprocmask(SIG_BLOCK, &chld, NULL) == 0);
	E2E_BEGIN();
	CHECK(getpid() > 0);
	CHECK(gettid() > 0);
	(void)getppid();	/* 0: unshare's child's parent is outside */
	child = fork();
	CHECK(child >= 0);
	if (child == 0) {
		E2E_BEGIN_N(1);
		CHECK(kill(getpid(), 0) == 0);
		CHECK(prlimit(getpid(), RLIMIT_NOFILE, NULL, &rl) == 0);
		CHECK(getppid() > 0);
		E2E_END_N(1);
		_exit(0);
	}
	CHECK(waitpid(child, &st, 0) == child);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(kill(child, 0) == -1);	/* reaped: ESRCH, and no other number for it */
	E2E_END();
	return 0;
}
