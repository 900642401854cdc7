/* System calls made with syscall() and real pointers: in complete mode they trap and
 * print from their spec line alone (no wrapper saw their arguments), so each line
 * must decode its structures as strace does, not print their addresses.  glibc makes
 * several of these itself (times, getitimer/setitimer, getresuid, sched_getparam,
 * sigpending, sigtimedwait).  tests/e2e/scenarios/rawcalls.sh compares the window
 * with strace (complete mode only). */
#include <signal.h>
#include <stdint.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <utime.h>
#include "e2e.h"

int main(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 0 } }, old;
	struct rlimit rl;
	struct sched_param sp;
	struct rusage ru;
	struct tms tms;
	struct timespec ts, rr, zero = { 0, 0 };
	struct timeval tv[2] = { { 1, 2 }, { 3, 4 } };
	struct utimbuf ub = { 5, 6 };
	uid_t r, e, s;
	unsigned cpu, node;
	uint64_t set = 0, blk = 1ull << (SIGUSR2 - 1) | 1ull << (SIGCHLD - 1);
	struct timezone tz;
	fd_set rd;
	siginfo_t si;
	time_t now;
	int fds[2], st;
	pid_t c;

	CHECK(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &blk, NULL, 8) == 0);
	c = fork();
	CHECK(c >= 0);
	if (c == 0)
		_exit(7);
	CHECK(open("rawcalls.tmp", O_WRONLY | O_CREAT | O_TRUNC, 0644) >= 0);
	E2E_BEGIN();
	syscall(SYS_wait4, c, &st, 0, &ru);
	syscall(SYS_wait4, -1, NULL, WNOHANG, NULL);
	syscall(SYS_pipe, fds);
	syscall(SYS_getrlimit, RLIMIT_NOFILE, &rl);
	syscall(SYS_setrlimit, RLIMIT_CORE, &(struct rlimit){ 0, RLIM_INFINITY });
	syscall(SYS_getitimer, ITIMER_REAL, &old);
	syscall(SYS_setitimer, ITIMER_REAL, &it, &old);
	syscall(SYS_setitimer, ITIMER_VIRTUAL, &it, NULL);
	syscall(SYS_getresuid, &r, &e, &s);
	syscall(SYS_getresgid, &r, &e, &s);
	syscall(SYS_sched_getparam, 0, &sp);
	syscall(SYS_sched_setparam, 0, &sp);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	syscall(SYS_sched_rr_get_interval, 0, &rr);
	syscall(SYS_rt_sigpending, &set, 8);
	syscall(SYS_rt_sigtimedwait, &blk, &si, &zero, 8);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
	syscall(SYS_time, NULL);
	syscall(SYS_time, &now);
	syscall(SYS_gettimeofday, &tv[0], &tz);
	syscall(SYS_gettimeofday, &tv[0], NULL);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	tv[0].tv_sec = 0;
	tv[0].tv_usec = 0;
	syscall(SYS_select, fds[0] + 1, &rd, NULL, NULL, &tv[0]);
	FD_ZERO(&rd);
	FD_SET(fds[1], &rd);
	tv[0].tv_sec = 1;
	syscall(SYS_select, fds[1] + 1, NULL, &rd, NULL, &tv[0]);
	tv[0] = (struct timeval){ 1, 2 };
	syscall(SYS_getcpu, &cpu, &node, NULL);
	syscall(SYS_utime, "rawcalls.tmp", &ub);
	syscall(SYS_utimes, "rawcalls.tmp", tv);
	syscall(SYS_utimes, "rawcalls.tmp", NULL);
	syscall(SYS_futimesat, AT_FDCWD, "rawcalls.tmp", tv);
	syscall(SYS_times, NULL);
	syscall(SYS_times, &tms);
	E2E_END();
	return 0;
}
