/* A SIGALRM handler that writes while the main loop writes: the handler often
 * interrupts the write wrapper itself.  The program counts both kinds of write and
 * prints "main=M handler=H" on stdout with one more write(); so `sctrace -c` must
 * count M + H + 1 writes, and a full trace must hold exactly M lines
 * `write(N, "m", 1) = 1`, H lines `write(N, "h", 1) = 1` and that one more.
 * "sigwrite storm": the timer fires every 100 us and the main loop makes at least
 * 1,000,000 writes. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include "e2e.h"

#define HANDLER_WRITES 200

static int fd;
static volatile sig_atomic_t handler_writes;

static void on_alarm(int sig)
{
	int saved = errno;

	(void)sig;
	if (write(fd, "h", 1) == 1)
		handler_writes++;
	errno = saved;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	struct itimerval it = { { 0, 200 }, { 0, 200 } }, off = { { 0, 0 }, { 0, 0 } };
	long main_writes = 0, min_main = 0;

	if (argc > 1 && strcmp(argv[1], "storm") == 0) {
		it.it_interval.tv_usec = it.it_value.tv_usec = 100;
		min_main = 1000000;
	}
	fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	CHECK(fd >= 0);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
	while (handler_writes < HANDLER_WRITES || main_writes < min_main) {
		CHECK(write(fd, "m", 1) == 1);
		main_writes++;
	}
	CHECK(setitimer(ITIMER_REAL, &off, NULL) == 0);
	{
		char line[64];
		int n = snprintf(line, sizeof line, "main=%ld handler=%ld\n", main_writes,
				 (long)handler_writes);
		CHECK(write(1, line, (size_t)n) == n);
	}
	return 0;
}
