/* -c exactness: 8 threads x 100,000 write(fd, "x", 1) to /dev/null.  `sctrace -c`
 * must count exactly 800000 writes; nothing else in the program writes with the
 * write() wrapper (its one line of output goes through stdio). */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include "e2e.h"

#define NTHREADS 8
#define NWRITES 100000

static int fd;

static void *worker(void *arg)
{
	long i, *done = arg;

	for (i = 0; i < NWRITES; i++)
		if (write(fd, "x", 1) == 1)
			(*done)++;
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];
	long done[NTHREADS] = { 0 }, total = 0;
	int i;

	fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	CHECK(fd >= 0);
	for (i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, worker, &done[i]) == 0);
	for (i = 0; i < NTHREADS; i++) {
		CHECK(pthread_join(t[i], NULL) == 0);
		total += done[i];
	}
	printf("writes=%ld\n", total);
	return total == (long)NTHREADS * NWRITES ? 0 : 1;
}
