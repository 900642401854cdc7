/* A program that arms Syscall User Dispatch for itself, as Wine does: its own SIGSYS
 * handler performs 1,000 trapped getppid calls.  Complete mode steps aside in that
 * thread (entry points only) and the program behaves as untraced. */
#include <linux/prctl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include "e2e.h"

static volatile char selector = SYSCALL_DISPATCH_FILTER_ALLOW;
static volatile int traps;

static void on_sys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig;
	selector = SYSCALL_DISPATCH_FILTER_ALLOW;
	traps++;
	uc->uc_mcontext.gregs[REG_RAX] = syscall(si->si_syscall);
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_sys, .sa_flags = SA_SIGINFO };
	pid_t pp = getppid();

	CHECK(sigaction(SIGSYS, &sa, NULL) == 0);
	CHECK(prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0, 0, &selector) == 0);
	for (int i = 0; i < 1000; i++) {
		selector = SYSCALL_DISPATCH_FILTER_BLOCK;
		CHECK(syscall(SYS_getppid) == pp);
	}
	selector = SYSCALL_DISPATCH_FILTER_ALLOW;
	CHECK(prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0) == 0);
	CHECK(close(-4242) == -1);
	printf("ownsud: %d traps\n", traps);
	return 0;
}
