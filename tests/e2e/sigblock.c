/* A program that blocks every signal, SIGSYS included, and then waits for signals
 * with sigsuspend, sigwaitinfo and signalfd, in the main thread and in threads (with
 * pthread_sigmask).  Complete mode keeps SIGSYS for its traps, so it must never be
 * blocked in the kernel; the program must not notice: the masks it reads back (with
 * libc and with raw calls, in handlers and after them) hold SIGSYS exactly when it
 * blocked it, it is not killed, and its calls after blocking are still traced
 * (windows compared with strace).  A handler that adds SIGSYS to the mask its
 * ucontext restores, and a raw clone child, too.  Prints one line per check.
 *   sigblock exec   blocks SIGSYS alone and execs itself: the new image starts with it
 *                   blocked (as untraced: complete mode must not kill it at its
 *                   first trap, nor start it unblocked), reads it, and execs a third
 *                   image with it still blocked. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include "e2e.h"

static volatile int in_handler_sys = -1, handled;

/* Is SIGSYS in the calling thread's mask: with libc, and with a raw call? */
static int sys_blocked(void)
{
	sigset_t cur;
	uint64_t raw = 0;
	int a, b;

	CHECK(pthread_sigmask(SIG_BLOCK, NULL, &cur) == 0);
	a = sigismember(&cur, SIGSYS);
	CHECK(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &raw, 8) == 0);
	b = (raw >> (SIGSYS - 1)) & 1;
	return a == b ? a : 10 + a;	/* 10, 11: libc and the kernel's view disagree */
}

static void on_usr1(int sig)
{
	(void)sig;
	in_handler_sys = sys_blocked();
	handled++;
}

static void on_usr2_addsys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig;
	(void)si;
	sigaddset(&uc->uc_sigmask, SIGSYS);
	handled++;
}

static void *thread_fn(void *arg)
{
	sigset_t sys, usr1, all;
	struct signalfd_siginfo ssi;
	int fd;

	(void)arg;
	printf("thread: inherits SIGSYS blocked: %d\n", sys_blocked());
	sigemptyset(&sys);
	sigaddset(&sys, SIGSYS);
	CHECK(pthread_sigmask(SIG_UNBLOCK, &sys, NULL) == 0);
	printf("thread: after unblocking SIGSYS: %d\n", sys_blocked());
	sigfillset(&all);
	/* sigprocmask in the window: entry points do not record pthread_sigmask */
	E2E_BEGIN_N(20);
	CHECK(sigprocmask(SIG_SETMASK, &all, NULL) == 0);
	CHECK(close(-7020) == -1);
	E2E_END_N(20);
	printf("thread: after blocking all: %d\n", sys_blocked());
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	fd = signalfd(-1, &usr1, SFD_CLOEXEC);
	CHECK(fd >= 0);
	CHECK(syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1) == 0);
	CHECK(read(fd, &ssi, sizeof(ssi)) == sizeof(ssi));
	printf("thread: signalfd read signal %u\n", ssi.ssi_signo);
	CHECK(close(fd) == 0);
	return NULL;
}

/* `sigblock exec [N]`: image N of 3 */
static int exec_chain(char **argv)
{
	int n = argv[2] ? atoi(argv[2]) : 0;
	char num[2] = { (char)('1' + n), 0 };
	char *next[] = { argv[0], argv[1], num, NULL };
	sigset_t sys;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (n == 0) {
		sigemptyset(&sys);
		sigaddset(&sys, SIGSYS);
		CHECK(sigprocmask(SIG_BLOCK, &sys, NULL) == 0);
	} else {
		printf("image %d: starts with SIGSYS blocked: %d\n", n, sys_blocked());
		CHECK(syscall(SYS_getppid) == getppid());	/* a trap, and a wrapped call */
		printf("image %d: after calls: %d\n", n, sys_blocked());
	}
	if (n == 2)
		return 0;
	fflush(stdout);
	execv("/proc/self/exe", next);
	return 3;
}

int main(int argc, char **argv)
{
	sigset_t all, none, usr2, cur, wait_mask;
	struct sigaction sa = { 0 }, old;
	siginfo_t si;
	pthread_t th;

	if (argc > 1 && strcmp(argv[1], "exec") == 0)
		return exec_chain(argv);
	setvbuf(stdout, NULL, _IOLBF, 0);
	sigfillset(&all);
	sigemptyset(&none);
	E2E_BEGIN_N(1);
	CHECK(sigprocmask(SIG_SETMASK, &all, NULL) == 0);
	CHECK(sigprocmask(SIG_SETMASK, NULL, &cur) == 0);
	CHECK(close(-7001) == -1);
	E2E_END_N(1);
	printf("main: blocked all, SIGSYS blocked: %d\n", sys_blocked());

	CHECK(pthread_create(&th, NULL, thread_fn, NULL) == 0);
	CHECK(pthread_join(th, NULL) == 0);

	/* sigwaitinfo: SIGUSR2 pending while blocked */
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	CHECK(raise(SIGUSR2) == 0);
	CHECK(sigwaitinfo(&usr2, &si) == SIGUSR2);
	printf("main: sigwaitinfo got %d\n", si.si_signo);

	/* sigsuspend with everything but SIGUSR1 blocked; the handler blocks all too */
	sa.sa_handler = on_usr1;
	sa.sa_mask = all;
	E2E_BEGIN_N(3);
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0);
	E2E_END_N(3);
	printf("main: sigaction reads back SIGSYS in sa_mask: %d\n", sigismember(&old.sa_mask, SIGSYS));
	CHECK(raise(SIGUSR1) == 0);
	wait_mask = all;
	sigdelset(&wait_mask, SIGUSR1);
	CHECK(sigsuspend(&wait_mask) == -1 && errno == EINTR);
	printf("main: sigsuspend: handled %d, SIGSYS blocked in the handler: %d, after: %d\n",
	       handled, in_handler_sys, sys_blocked());

	/* sigsuspend with SIGSYS unblocked: the handler's ucontext sees it unblocked */
	wait_mask = none;
	CHECK(raise(SIGUSR1) == 0);
	CHECK(sigsuspend(&wait_mask) == -1 && errno == EINTR);
	printf("main: sigsuspend(empty): SIGSYS blocked in the handler: %d, after: %d\n",
	       in_handler_sys, sys_blocked());

	/* a handler that adds SIGSYS to the mask its return restores */
	CHECK(sigprocmask(SIG_SETMASK, &none, NULL) == 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr2_addsys;
	sa.sa_flags = SA_SIGINFO;
	CHECK(sigaction(SIGUSR2, &sa, NULL) == 0);
	CHECK(raise(SIGUSR2) == 0);
	printf("main: after a handler blocked SIGSYS in its ucontext: %d\n", sys_blocked());

	E2E_BEGIN_N(2);
	CHECK(sigprocmask(SIG_BLOCK, &all, NULL) == 0);
	CHECK(close(-7002) == -1);
	CHECK(getppid() > 0);
	CHECK(sigprocmask(SIG_SETMASK, &none, NULL) == 0);
	E2E_END_N(2);
	printf("main: unblocked all: %d, handled %d\n", sys_blocked(), handled);
	return 0;
}
