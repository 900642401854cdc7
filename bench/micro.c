/* A tight loop of one system call, for per-call cost: micro CALL N THREADS [cpu|ns]
 * CALL is getppid (libc's wrapper), rawgetppid (syscall(SYS_getppid): no wrapper, so in
 * complete mode every call traps into the SIGSYS handler), write (1 byte to /dev/null)
 * openclose (open+close /dev/null), or sudfloor: syscall(SYS_getppid) trapped by a
 * Syscall User Dispatch the program arms for itself, with the smallest handler that
 * performs the call (no tracer: run it untraced), i.e. the kernel's SIGSYS round trip
 * that complete mode's trapped calls cannot go below.
 * THREADS 0 runs the loop in the main thread, 1..64 in that many new threads.
 * Prints nothing by default, so that it can be timed from outside.  With "cpu" it prints
 * its own CPU time per call in ns (user + system, this process only: not the runner's);
 * with "ns" it prints "WALL CPU": the loop's wall time per call (start-up and exit left
 * out, waits for a full ring included) and the CPU per call, both in ns. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/prctl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

enum { GETPPID, RAWGETPPID, WRITE1, OPENCLOSE, SUDFLOOR };

static volatile char selector = SYSCALL_DISPATCH_FILTER_ALLOW;

/* The floor: open the selector (rt_sigreturn must not trap), perform the call, put its
 * result where the program expects it.  The loop blocks the selector again. */
static void sud_handler(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	(void)sig;
	selector = SYSCALL_DISPATCH_FILTER_ALLOW;
	uc->uc_mcontext.gregs[REG_RAX] = syscall(si->si_syscall);
}

static int sud_arm(void)
{
	struct sigaction sa = {.sa_sigaction = sud_handler, .sa_flags = SA_SIGINFO};
	if (sigaction(SIGSYS, &sa, NULL))
		return -1;
	return prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0, 0, &selector);
}

static long n;
static int which, devnull;

static void *loop(void *arg)
{
	(void)arg;
	for (long i = 0; i < n; i++) {
		switch (which) {
		case GETPPID:
			getppid();
			break;
		case RAWGETPPID:
			syscall(SYS_getppid);
			break;
		case SUDFLOOR:
			selector = SYSCALL_DISPATCH_FILTER_BLOCK;
			syscall(SYS_getppid);
			break;
		case WRITE1:
			if (write(devnull, "x", 1) != 1)
				exit(1);
			break;
		default:
			close(open("/dev/null", O_RDONLY));
		}
	}
	return NULL;
}

/* clock_gettime goes through the vDSO: no system call, nothing to trace */
static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	pthread_t t[64];
	int threads;
	double t0, wall, calls;

	if (argc != 4 && argc != 5)
		return 2;
	which = !strcmp(argv[1], "getppid")	 ? GETPPID
		: !strcmp(argv[1], "rawgetppid") ? RAWGETPPID
		: !strcmp(argv[1], "write")	 ? WRITE1
		: !strcmp(argv[1], "openclose")	 ? OPENCLOSE
		: !strcmp(argv[1], "sudfloor")	 ? SUDFLOOR
						 : -1;
	n = atol(argv[2]);
	threads = atoi(argv[3]);
	if (which < 0 || threads < 0 || threads > 64)
		return 2;
	devnull = open("/dev/null", O_WRONLY);
	if (which == SUDFLOOR && (threads || sud_arm()))
		return 3;	/* main thread only; or the kernel refused dispatch */
	t0 = now_ns();
	if (!threads)
		loop(NULL);
	for (int i = 0; i < threads; i++)
		pthread_create(&t[i], NULL, loop, NULL);
	for (int i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	wall = now_ns() - t0;
	calls = (double)n * (threads ? threads : 1);
	if (argc == 5) {
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		double ns = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e9 +
			    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e3;
		if (!strcmp(argv[4], "ns"))
			fprintf(stderr, "%.0f %.0f\n", calls ? wall / calls : 0, calls ? ns / calls : 0);
		else
			fprintf(stderr, "%.0f\n", calls ? ns / calls : 0);
	}
	return 0;
}
