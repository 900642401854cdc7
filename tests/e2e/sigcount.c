/* Counts the SIGINTs it is given: says "ready" once its handler is in place, then
 * waits up to 2 s for a first one and 0.3 s more for any second, and prints
 * "sigint=N".  For the check that a ^C to the whole process group reaches the
 * traced program once, not once from the kernel and again from sctrace. */
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include "e2e.h"

static volatile sig_atomic_t got;

static void on_int(int sig)
{
	(void)sig;
	got++;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_int };
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int after = 0;

	sigemptyset(&sa.sa_mask);
	CHECK(sigaction(SIGINT, &sa, NULL) == 0);
	CHECK(write(1, "ready\n", 6) == 6);
	for (int i = 0; i < 200 && after < 30; i++) {
		nanosleep(&ts, NULL);
		if (got)
			after++;
	}
	printf("sigint=%d\n", (int)got);
	return 0;
}
