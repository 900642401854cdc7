/* Signal deliveries, each in a window of its own, compared with strace line for line
 * (tests/e2e/scenarios/siglines.sh): the "--- SIG {si_signo=...} ---" line, the calls
 * the handler makes and "rt_sigreturn({mask=[]}) = N" after it.  Every delivery here
 * happens at a point fixed by the program, never by timing: a signal that could
 * arrive early is blocked until the line that unblocks it.
 *
 *   0  kill(getpid(), SIGUSR1)                  SI_USER
 *   1  sigqueue(getpid(), SIGUSR2, 42)          SI_QUEUE, si_int/si_ptr
 *   2  a child's _exit(3), SIGCHLD blocked until it is reaped       CLD_EXITED
 *   3  alarm(1), SIGALRM blocked over a 1.2 s sleep                 SI_KERNEL
 *   4  a store to address 8, caught, left by siglongjmp             SEGV_MAPERR
 *   5  tgkill(pid, tid, SIGRTMIN + 0)           SI_TKILL (glibc's SIGRTMIN is SIGRT_2)
 *   6  write to a pipe nobody reads             SIGPIPE, SI_USER, the write's EPIPE
 *   7  a SIGUSR1 handler making a call that SIGUSR2 interrupts: nested deliveries */
#include <setjmp.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include "e2e.h"

static sigjmp_buf jb;
static volatile sig_atomic_t jump, nest;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	close(-sig);			/* the handler's own call, traced between the lines */
	if (nest && sig == SIGUSR1) {
		nest = 0;
		kill(getpid(), SIGUSR2);
	}
	if (jump) {
		jump = 0;
		siglongjmp(jb, 1);
	}
}

static void mask(int how, int sig)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	CHECK(sigprocmask(how, &s, NULL) == 0);
}

int main(void)
{
	static const int sigs[] = { SIGUSR1, SIGUSR2, SIGCHLD, SIGALRM, SIGSEGV, SIGPIPE };
	struct sigaction sa;
	struct timespec nap = { 1, 200000000 };
	union sigval v = { .sival_int = 42 };
	pid_t pid = getpid(), tid = gettid(), child;
	int p[2];

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		CHECK(sigaction(sigs[i], &sa, NULL) == 0);
	CHECK(sigaction(SIGRTMIN, &sa, NULL) == 0);
	CHECK(pipe(p) == 0);
	CHECK(close(p[0]) == 0);

	E2E_BEGIN_N(0);
	kill(pid, SIGUSR1);
	E2E_END_N(0);

	E2E_BEGIN_N(1);
	sigqueue(pid, SIGUSR2, v);
	E2E_END_N(1);

	mask(SIG_BLOCK, SIGCHLD);
	E2E_BEGIN_N(2);
	child = fork();
	if (child == 0)
		_exit(3);
	waitpid(child, NULL, 0);
	mask(SIG_UNBLOCK, SIGCHLD);
	E2E_END_N(2);

	/* the alarm goes off during the sleep: the sleep starts after it was set */
	mask(SIG_BLOCK, SIGALRM);
	E2E_BEGIN_N(3);
	alarm(1);
	clock_nanosleep(CLOCK_MONOTONIC, 0, &nap, NULL);
	mask(SIG_UNBLOCK, SIGALRM);
	E2E_END_N(3);

	E2E_BEGIN_N(4);
	jump = 1;
	if (!sigsetjmp(jb, 1))
		*(volatile int *)8 = 1;
	E2E_END_N(4);

	E2E_BEGIN_N(5);
	syscall(SYS_tgkill, pid, tid, SIGRTMIN);
	E2E_END_N(5);

	E2E_BEGIN_N(6);
	CHECK(write(p[1], "x", 1) == -1 && errno == EPIPE);
	E2E_END_N(6);

	E2E_BEGIN_N(7);
	nest = 1;
	kill(pid, SIGUSR1);
	E2E_END_N(7);
	return 0;
}
