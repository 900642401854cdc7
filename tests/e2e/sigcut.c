/* Calls a signal cuts short, each in a window of its own, compared with strace line
 * for line (tests/e2e/scenarios/sigcut.sh).  strace shows such a call's line before
 * the signal's, with what the kernel returned before handling it:
 *
 *   read(3, 0x7ffd..., 8) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)
 *   --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=..., si_uid=...} ---
 *   write(6, "h", 1) = 1                     the handler's own call
 *   rt_sigreturn({mask=[]}) = 0              0: read's number, about to restart
 *   read(3, "x", 8) = 1                      the restarted call
 *
 *   0  read of an empty pipe, SA_RESTART handler: restarted, then reads "x"
 *   1  the same without SA_RESTART: rt_sigreturn(...) = -1 EINTR, no second line
 *   2  nanosleep of 20 s: ERESTART_RESTARTBLOCK, with what was left in `rem`
 *   3-5  the same through libc's read() and nanosleep() (clock_nanosleep)
 * 0-2 are raw syscall()s: in complete mode they trap and the library performs them;
 * 3-5 go through the wrappers, whose calls libc makes with dispatch let through.  The signal comes from a child that waits until this process sleeps in the
 * call (/proc/PID/stat says S), never after a delay; the handler answers it through
 * a pipe, so nothing depends on timing. */
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include "e2e.h"

static int ack[2];

static void handler(int sig)
{
	(void)sig;
	CHECK(write(ack[1], "h", 1) == 1);
}

/* Until `pid` sleeps (state S in /proc/PID/stat). */
static void wait_asleep(pid_t pid)
{
	char path[64], buf[512];
	struct timespec tick = { 0, 1000000 };

	e2e_utoa(path, (unsigned long)pid);
	memmove(path + 6, path, strlen(path) + 1);
	memcpy(path, "/proc/", 6);
	strcat(path, "/stat");
	for (;;) {
		int fd = open(path, O_RDONLY);
		ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
		char *end;

		if (fd >= 0)
			close(fd);
		if (n <= 0)
			_exit(2);
		buf[n] = 0;
		end = strrchr(buf, ')');
		if (end && end[1] == ' ' && end[2] == 'S')
			return;
		nanosleep(&tick, NULL);
	}
}

/* A child that interrupts this process's next blocking call with SIGUSR1, waits for
 * the handler's answer, then writes `then` (if any) into `fd`. */
static pid_t interrupter(int fd, const char *then)
{
	pid_t parent = getpid(), c = fork();
	char h;

	CHECK(c >= 0);
	if (c)
		return c;
	wait_asleep(parent);
	kill(parent, SIGUSR1);
	if (read(ack[0], &h, 1) != 1)
		_exit(3);
	if (then && write(fd, then, strlen(then)) != (ssize_t)strlen(then))
		_exit(4);
	_exit(0);
}

static void on_usr1(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
}

int main(void)
{
	struct timespec nap = { 20, 0 }, rem;
	char buf[8];
	int p[2];
	pid_t c;

	CHECK(pipe(p) == 0 && pipe(ack) == 0);
	/* a child's exit would show as "--- SIGCHLD" under strace wherever it falls,
	 * and no handler of ours sees a signal with the default action */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	CHECK(sigprocmask(SIG_BLOCK, &chld, NULL) == 0);

	on_usr1(SA_RESTART);
	c = interrupter(p[1], "x");
	E2E_BEGIN_N(0);
	CHECK(syscall(SYS_read, p[0], buf, sizeof(buf)) == 1);
	E2E_END_N(0);
	CHECK(waitpid(c, NULL, 0) == c);

	on_usr1(0);
	c = interrupter(p[1], NULL);
	E2E_BEGIN_N(1);
	CHECK(syscall(SYS_read, p[0], buf, sizeof(buf)) == -1 && errno == EINTR);
	E2E_END_N(1);
	CHECK(waitpid(c, NULL, 0) == c);

	c = interrupter(p[1], NULL);
	E2E_BEGIN_N(2);
	CHECK(syscall(SYS_nanosleep, &nap, &rem) == -1 && errno == EINTR);
	E2E_END_N(2);
	CHECK(waitpid(c, NULL, 0) == c);

	on_usr1(SA_RESTART);
	c = interrupter(p[1], "y");
	E2E_BEGIN_N(3);
	CHECK(read(p[0], buf, sizeof(buf)) == 1);
	E2E_END_N(3);
	CHECK(waitpid(c, NULL, 0) == c);

	on_usr1(0);
	c = interrupter(p[1], NULL);
	E2E_BEGIN_N(4);
	CHECK(read(p[0], buf, sizeof(buf)) == -1 && errno == EINTR);
	E2E_END_N(4);
	CHECK(waitpid(c, NULL, 0) == c);

	c = interrupter(p[1], NULL);
	E2E_BEGIN_N(5);
	CHECK(nanosleep(&nap, &rem) == -1 && errno == EINTR);
	E2E_END_N(5);
	CHECK(waitpid(c, NULL, 0) == c);
	return 0;
}
