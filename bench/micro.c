/* A tight loop of one system call, for per-call cost: micro CALL N THREADS [cpu]
 * CALL is getppid, write (1 byte to /dev/null) or openclose (open+close /dev/null).
 * Prints nothing, so that it can be timed from outside; with "cpu" it prints its own
 * CPU time per call in ns (user + system, this process only: not the runner's). */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

static long n;
static int which, devnull;

static void *loop(void *arg)
{
	(void)arg;
	for (long i = 0; i < n; i++) {
		if (which == 0) {
			getppid();
		} else if (which == 1) {
			if (write(devnull, "x", 1) != 1)
				exit(1);
		} else {
			close(open("/dev/null", O_RDONLY));
		}
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t[64];
	int threads;

	if (argc != 4 && argc != 5)
		return 2;
	which = !strcmp(argv[1], "getppid") ? 0 : !strcmp(argv[1], "write") ? 1 : 2;
	n = atol(argv[2]);
	threads = atoi(argv[3]);
	if (threads < 1 || threads > 64)
		return 2;
	devnull = open("/dev/null", O_WRONLY);
	for (int i = 0; i < threads; i++)
		pthread_create(&t[i], NULL, loop, NULL);
	for (int i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	if (argc == 5) {
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		double ns = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e9 +
			    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e3;
		fprintf(stderr, "%.0f\n", n && threads ? ns / ((double)n * threads) : 0);
	}
	return 0;
}
