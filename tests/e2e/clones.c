/* clone() called directly, compared with strace (windows) and checked by run.sh:
 *   - a copy (no CLONE_VM) on a stack of ours: its calls under its own pid, exit(4);
 *   - CLONE_VM|CLONE_VFORK: the same while the parent waits, exit(3);
 *   - CLONE_VM alone, twice, running beside the parent on the parent's thread
 *     storage: the parent's own calls meanwhile stay the parent's; the children's
 *     calls are not traced (sctrace says so), so they stay out of windows.  The
 *     first returns from its function, the second calls _exit.
 * SIGCHLD is blocked: strace would show its deliveries inside the windows. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include "e2e.h"

static char stack_a[65536] __attribute__((aligned(16)));
static char stack_b[65536] __attribute__((aligned(16)));
static volatile int shared;

static int copy_child(void *arg)
{
	(void)arg;
	E2E_BEGIN_N(10);
	CHECK(close(-6262) == -1);
	E2E_END_N(10);
	return 4;
}

static int vfork_child(void *arg)
{
	(void)arg;
	E2E_BEGIN_N(20);
	CHECK(close(-6161) == -1);
	E2E_END_N(20);
	return 3;
}

static int vm_child(void *arg)
{
	(void)close(-6464);		/* not traced: shares the parent's storage */
	shared = 42;
	if (arg)
		_exit(5);
	return 6;
}

/* clone `fn` on `stack` with `flags`; its exit status */
static int run(int (*fn)(void *), char *stack, int flags, void *arg, int busy)
{
	int st;
	pid_t c = clone(fn, stack + 65536, flags | SIGCHLD, arg);

	CHECK(c > 0);
	for (int i = 0; i < busy; i++)
		(void)close(-6363);
	CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st));
	return WEXITSTATUS(st);
}

int main(void)
{
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	CHECK(sigprocmask(SIG_BLOCK, &chld, NULL) == 0);

	E2E_BEGIN_N(1);
	CHECK(run(copy_child, stack_a, 0, NULL, 0) == 4);
	E2E_END_N(1);
	E2E_BEGIN_N(2);
	CHECK(run(vfork_child, stack_a, CLONE_VM | CLONE_VFORK, NULL, 0) == 3);
	E2E_END_N(2);
	CHECK(run(vm_child, stack_b, CLONE_VM, NULL, 50) == 6 && shared == 42);
	shared = 0;
	CHECK(run(vm_child, stack_b, CLONE_VM, "exit", 50) == 5 && shared == 42);
	E2E_BEGIN_N(3);
	CHECK(close(-6565) == -1);
	E2E_END_N(3);
	printf("clones: ok\n");
	return 0;
}
