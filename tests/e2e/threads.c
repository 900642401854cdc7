/* Threads: four threads run at once, each making its own calls in its own window;
 * run.sh compares each thread's sequence.  Descriptors are allocated by the main
 * thread before the threads start (or at fixed numbers with dup2), so that every
 * number in a window is the same in every run.  pthread_create's clone3 and the
 * futex calls of the barrier and of pthread_join stay out of windows: they happen
 * inside libc, where no wrapper can see them. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include "e2e.h"

#define NTHREADS 4
#define ROUNDS 25

static pthread_barrier_t start;
static pid_t main_pid;
static int devnull[NTHREADS + 1], pipes[NTHREADS + 1][2];

static void *worker(void *arg)
{
	int id = (int)(long)arg, i, fd = 100 + 10 * id;
	char msg[] = "thread N", buf[16];

	msg[7] = (char)('0' + id);
	pthread_barrier_wait(&start);

	E2E_BEGIN_N(id);
	CHECK(gettid() != main_pid);
	CHECK(getpid() == main_pid);
	for (i = 0; i < ROUNDS; i++) {
		CHECK(write(devnull[id], msg, sizeof msg - 1) == sizeof msg - 1);
		CHECK(write(pipes[id][1], msg, 8) == 8);
		CHECK(read(pipes[id][0], buf, sizeof buf) == 8 && memcmp(buf, msg, 8) == 0);
	}
	CHECK(dup2(devnull[id], fd) == fd);
	CHECK(write(fd, "dup", 3) == 3);
	CHECK(close(fd) == 0);
	E2E_END_N(id);
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];
	long i;

	pthread_barrier_init(&start, NULL, NTHREADS);
	E2E_BEGIN_N(0);
	main_pid = getpid();
	CHECK(gettid() == main_pid);
	for (i = 1; i <= NTHREADS; i++) {
		devnull[i] = open("/dev/null", O_WRONLY | O_CLOEXEC);
		CHECK(devnull[i] >= 0);
		CHECK(pipe2(pipes[i], O_CLOEXEC) == 0);
	}
	E2E_END_N(0);
	for (i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, worker, (void *)(i + 1)) == 0);
	for (i = 0; i < NTHREADS; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	E2E_BEGIN_N(9);
	CHECK(getpid() == main_pid);
	for (i = 1; i <= NTHREADS; i++)
		CHECK(close(devnull[i]) == 0 && close(pipes[i][0]) == 0 && close(pipes[i][1]) == 0);
	E2E_END_N(9);
	printf("threads: ok\n");
	return 0;
}
