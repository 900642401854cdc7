/* Strict seccomp mode (only read, write, exit and rt_sigreturn allowed; anything else
 * is SIGKILL, rdtsc is SIGSEGV): enough writes after it to fill a ring many times over,
 * so that the library would ring the runner's bell and wait for room, then the
 * exit call (exit_group is not allowed).  argv[1]: how many writes (200000).
 * scenarios/strict.sh. */
#include <fcntl.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static const char done[] = "done\n";
	int fd = open("/dev/null", O_WRONLY), n = argc > 1 ? atoi(argv[1]) : 200000;

	if (fd < 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) != 0)
		return 1;
	for (int i = 0; i < n; i++)
		if (write(fd, "x", 1) != 1)
			syscall(SYS_exit, 2);
	syscall(SYS_exit, write(1, done, sizeof(done) - 1) != sizeof(done) - 1);
	return 3;
}
