/* sigaltstack made by a raw `syscall` (trapped in complete mode, performed by the
 * library's handler on the program's behalf) and handlers that run on it:
 *   - a 256 KiB alternate stack: the handler runs there (its locals are inside), sees
 *     SS_ONSTACK, cannot change the stack (EPERM), and its calls are traced
 *     (window 1 inside the handler, compared with strace);
 *   - a 4 KiB one: the handler runs there too and its calls through libc's entry
 *     points are traced (window 2), nothing crashes;
 *   - after each, sigaltstack(NULL, &old) reads back what the program set.
 * The deliveries are raised from inside trapped calls (raise) 100 times each.
 * Prints one line per check; run.sh compares it with the untraced run. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include "e2e.h"

static char big[256 * 1024] __attribute__((aligned(16)));
static char small[4096] __attribute__((aligned(16)));
static volatile int runs, on_alt, onstack_flag, eperm, window_k = -1;
static char *alt_lo;
static size_t alt_len;

static void on_usr1(int sig)
{
	char here;
	stack_t cur, other = { .ss_sp = big, .ss_size = sizeof(big) };

	(void)sig;
	runs++;
	if (&here >= alt_lo && &here < alt_lo + alt_len)
		on_alt++;
	if (syscall(SYS_sigaltstack, NULL, &cur) == 0 && (cur.ss_flags & SS_ONSTACK))
		onstack_flag++;
	if (syscall(SYS_sigaltstack, &other, NULL) == -1 && errno == EPERM)
		eperm++;
	if (window_k >= 0) {
		E2E_BEGIN_N(window_k);
		(void)close(-7700 - window_k);
		(void)write(-1, "x", 1);
		E2E_END_N(window_k);
		window_k = -1;
	}
}

static void run_on(char *stack, size_t len, int k)
{
	stack_t ss = { .ss_sp = stack, .ss_size = len }, old;

	alt_lo = stack;
	alt_len = len;
	runs = on_alt = onstack_flag = eperm = 0;
	CHECK(syscall(SYS_sigaltstack, &ss, NULL) == 0);
	CHECK(syscall(SYS_sigaltstack, NULL, &old) == 0);
	printf("%zu bytes: set %d, flags %d\n", len,
	       old.ss_sp == stack && old.ss_size == len, old.ss_flags);
	window_k = k;
	for (int i = 0; i < 100; i++)
		CHECK(raise(SIGUSR1) == 0);
	printf("%zu bytes: handler ran %d, on the alternate stack %d, SS_ONSTACK %d, EPERM %d\n",
	       len, runs, on_alt, onstack_flag, eperm);
	CHECK(sigaltstack(NULL, &old) == 0);
	printf("%zu bytes: after: same %d, flags %d\n", len,
	       old.ss_sp == stack && old.ss_size == len, old.ss_flags);
}

int main(void)
{
	struct sigaction sa = { 0 };

	setvbuf(stdout, NULL, _IOLBF, 0);
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_ONSTACK;
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	run_on(big, sizeof(big), 1);
	run_on(small, sizeof(small), 2);
	E2E_BEGIN_N(3);
	CHECK(close(-7703) == -1);
	E2E_END_N(3);
	return 0;
}
