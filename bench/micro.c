/* A tight loop of one system call, for per-call cost: micro CALL N THREADS
 * CALL is getppid, write (1 byte to /dev/null) or openclose (open+close /dev/null).
 * Prints nothing; time it from outside. */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
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

	if (argc != 4)
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
	return 0;
}
