/* A SIGSEGV handler installed with every signal in its mask (as the JVM installs its
 * own), making a raw system call after a real fault: in complete mode that call traps
 * while the handler runs, so SIGSYS must not be blocked there whatever the mask says. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include "e2e.h"

static sigjmp_buf back;
static volatile long ppid_in_handler;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	(void)uc;
	ppid_in_handler = syscall(SYS_getppid);
	siglongjmp(back, 1);
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	sigset_t now;

	sigfillset(&sa.sa_mask);
	CHECK(sigaction(SIGSEGV, &sa, NULL) == 0);
	for (int i = 0; i < 3; i++) {
		if (!sigsetjmp(back, 1))
			*(volatile int *)(uintptr_t)(16 + i) = 1;
		CHECK(ppid_in_handler == getppid());
		ppid_in_handler = 0;
	}
	CHECK(sigprocmask(SIG_SETMASK, NULL, &now) == 0 && !sigismember(&now, SIGSEGV));
	printf("segvmask: ok\n");
	return 0;
}
