/* Structures and numbers of issue 9 that a program reaches through glibc's exported
 * wrappers (strace's own tests make raw syscall()s, which only complete mode sees):
 * the lines must be strace's in both modes.
 *
 *   wait4(pid, &st, WNOHANG, &ru) = 0   reaped nothing: status and rusage addresses
 *   sendfile(out, in, [5], 8) = 0        an offset at the end of the file: no " => "
 *   sendfile(out, in, [0] => [5], 8)     an offset the call moved
 *   sigprocmask                          the sets of rt_sigprocmask(..., 8)
 *   getitimer, setitimer, timerfd_*, signalfd, sigpending, waitid, sched_getparam,
 *   sched_getscheduler                   their structs, through the wrappers of the
 *                                        spec's last section */
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/signalfd.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include "e2e.h"

#define FILE_NAME "e2e-libcstructs.tmp"

int main(void)
{
	struct itimerval itv = { { 0, 0 }, { 0, 0 } }, old_itv;
	struct itimerspec its = { { 1, 2 }, { 0, 0 } }, old_its;	/* disarmed: nothing varies */
	struct sched_param sp;
	struct rusage ru;
	siginfo_t si;
	sigset_t set, old;
	int tfd, sfd;
	off_t off = 0;
	int st, in, out;
	pid_t pid;

	memset(&ru, 0xff, sizeof(ru));
	in = open(FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(in >= 0);
	CHECK(write(in, "hello", 5) == 5);
	out = open("/dev/null", O_WRONLY);
	CHECK(out >= 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		pause();
		_exit(0);
	}

	E2E_BEGIN();
	CHECK(wait4(pid, &st, WNOHANG, &ru) == 0);
	CHECK(sendfile(out, in, &off, 8) == 5);
	CHECK(sendfile(out, in, &off, 8) == 0);
	CHECK(sigprocmask(SIG_BLOCK, &set, &old) == 0);
	CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
	CHECK(getitimer(ITIMER_REAL, &itv) == 0);
	CHECK(setitimer(ITIMER_REAL, &itv, &old_itv) == 0);
	tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	CHECK(tfd >= 0);
	CHECK(timerfd_settime(tfd, 0, &its, &old_its) == 0);
	CHECK(timerfd_gettime(tfd, &its) == 0);
	sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	CHECK(sfd >= 0);
	CHECK(sigpending(&old) == 0);
	memset(&si, 0, sizeof(si));
	CHECK(waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG) == 0);
	CHECK(sched_getparam(0, &sp) == 0);
	CHECK(sched_getscheduler(0) >= 0);
	E2E_END();

	CHECK(kill(pid, SIGKILL) == 0);
	CHECK(waitpid(pid, &st, 0) == pid);
	close(in);
	close(out);
	close(tfd);
	close(sfd);
	unlink(FILE_NAME);
	return 0;
}
