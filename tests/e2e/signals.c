/* Signals the tracer must not disturb: every signal blocked, SIGPIPE ignored (a write
 * to a pipe without reader fails with EPIPE instead of killing), and a handler on a
 * small alternate stack (4 KiB) that makes traced calls 1000 times. */
#include <signal.h>
#include <stdio.h>
#include "e2e.h"

static int devnull;
static volatile int handled;

static void on_usr1(int sig)
{
	(void)sig;
	(void)write(devnull, "h", 1);
	(void)close(-4343);
	handled++;
}

int main(void)
{
	static char altstack[4096];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction sa = { 0 };
	sigset_t all, usr1;
	int p[2];

	devnull = open("/dev/null", O_WRONLY);
	CHECK(devnull >= 0);
	sigfillset(&all);
	CHECK(sigprocmask(SIG_BLOCK, &all, NULL) == 0);
	CHECK(sigaltstack(&ss, NULL) == 0);
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_ONSTACK;
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	CHECK(pipe(p) == 0 && close(p[0]) == 0);
	CHECK(write(p[1], "x", 1) == -1 && errno == EPIPE);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	for (int i = 0; i < 1000; i++) {
		CHECK(kill(getpid(), SIGUSR1) == 0);
		CHECK(sigprocmask(SIG_UNBLOCK, &usr1, NULL) == 0);	/* delivered here */
		CHECK(sigprocmask(SIG_BLOCK, &usr1, NULL) == 0);
	}
	CHECK(handled == 1000);
	printf("signals: ok\n");
	return 0;
}
