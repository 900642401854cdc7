/* Timestamps against the program's own clock: at start-up (while the runner still
 * measures the TSC's rate), after 20 ms and after 300 ms (past the measured interval),
 * read CLOCK_REALTIME, make a traced call that names itself (write to fd -1, which
 * fails with EBADF), read CLOCK_REALTIME again, and print "NAME BEFORE AFTER" in
 * microseconds.  A tracer's -ttt time of that call must lie between the two; with -T,
 * a 10 ms nanosleep's duration must lie between 10 ms and the wall time around it. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static unsigned long long us(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (unsigned long long)ts.tv_sec * 1000000ull + (unsigned long long)ts.tv_nsec / 1000;
}

static void mark(const char *name)
{
	unsigned long long a = us(CLOCK_REALTIME), b;

	if (write(-1, name, strlen(name)) < 0)
		b = us(CLOCK_REALTIME);
	else
		b = 0;
	printf("%s %llu %llu\n", name, a, b);
}

int main(void)
{
	struct timespec ten = { 0, 10000000 }, nap = { 0, 20000000 };
	unsigned long long a, b;

	mark("ts0");
	nanosleep(&nap, NULL);
	mark("ts1");
	nap.tv_nsec = 280000000;
	nanosleep(&nap, NULL);
	mark("ts2");
	a = us(CLOCK_MONOTONIC);
	nanosleep(&ten, NULL);
	b = us(CLOCK_MONOTONIC);
	printf("sleep %llu\n", b - a);
	return 0;
}
