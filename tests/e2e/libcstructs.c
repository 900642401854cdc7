/* Structures and numbers of issue 9 that a program reaches through glibc's exported
 * wrappers (strace's own tests make raw syscall()s, which only complete mode sees):
 * the lines must be strace's in both modes.
 *
 *   wait4(pid, &st, WNOHANG, &ru) = 0   reaped nothing: status and rusage addresses
 *   sendfile(out, in, [5], 8) = 0        an offset at the end of the file: no " => "
 *   sendfile(out, in, [0] => [5], 8)     an offset the call moved
 *   sigprocmask                          the sets of rt_sigprocmask(..., 8) */
#include <signal.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/wait.h>
#include "e2e.h"

#define FILE_NAME "e2e-libcstructs.tmp"

int main(void)
{
	struct rusage ru;
	sigset_t set, old;
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
	E2E_END();

	CHECK(kill(pid, SIGKILL) == 0);
	CHECK(waitpid(pid, &st, 0) == pid);
	close(in);
	close(out);
	unlink(FILE_NAME);
	return 0;
}
