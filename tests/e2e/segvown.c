/* The library owns SIGSEGV/SIGBUS for its fault-safe reads; the program must not
 * notice.  "segvown handler": a SA_SIGINFO handler on an alternate stack recovers from
 * a real fault and from a stack overflow with siglongjmp, sigaction shows the
 * program its own actions, SA_RESETHAND and signal() behave as untraced, and a bad
 * pointer handed to the kernel is not the program's fault.  "segvown die": a real
 * SIGSEGV with no handler kills the program as untraced. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/mman.h>
#include "e2e.h"

static sigjmp_buf jb;
static volatile int hits, on_alt;
static stack_t alt;

static void handler(int sig, siginfo_t *si, void *uc)
{
	char here;

	(void)si;
	(void)uc;
	if (sig == SIGSEGV)
		hits++;
	on_alt += &here >= (char *)alt.ss_sp && &here < (char *)alt.ss_sp + alt.ss_size;
	siglongjmp(jb, 1);
}

static volatile int forever = 1;

static int deep(int n)
{
	volatile char pad[4096];

	pad[0] = (char)n;
	return forever ? deep(n + 1) + pad[0] : 0;
}

int main(int argc, char **argv)
{
	struct sigaction sa, old;
	socklen_t *bad;
	struct sockaddr_storage ss;
	int fd;

	CHECK(argc == 2);
	if (strcmp(argv[1], "die") == 0) {
		printf("dying\n");
		fflush(stdout);
		*(volatile int *)8 = 1;
		return 0;
	}
	alt.ss_size = 64 * 1024;
	alt.ss_sp = malloc(alt.ss_size);
	CHECK(alt.ss_sp && sigaltstack(&alt, NULL) == 0);
	bad = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK(bad != MAP_FAILED && fd >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaddset(&sa.sa_mask, SIGUSR1);

	E2E_BEGIN_N(0);
	CHECK(sigaction(SIGSEGV, NULL, &old) == 0 && old.sa_handler == SIG_DFL && old.sa_flags == 0);
	CHECK(sigaction(SIGSEGV, &sa, NULL) == 0);
	CHECK(sigaction(SIGSEGV, NULL, &old) == 0 && old.sa_sigaction == handler);
	CHECK((old.sa_flags & (SA_SIGINFO | SA_ONSTACK)) == (SA_SIGINFO | SA_ONSTACK));
	CHECK(sigismember(&old.sa_mask, SIGUSR1) && !sigismember(&old.sa_mask, SIGUSR2));
	CHECK(signal(SIGBUS, SIG_IGN) == SIG_DFL && signal(SIGBUS, SIG_DFL) == SIG_IGN);
	/* the kernel's EFAULT is not the program's fault: its handler stays quiet */
	CHECK_ERR(getsockname(fd, (struct sockaddr *)&ss, bad), EFAULT);
	E2E_END_N(0);
	CHECK(hits == 0);

	if (!sigsetjmp(jb, 1))
		*(volatile int *)8 = 1;
	CHECK(hits == 1 && on_alt == 1);
	if (!sigsetjmp(jb, 1))
		deep(1);
	CHECK(hits == 2 && on_alt == 2);

	sa.sa_flags |= SA_RESETHAND;
	E2E_BEGIN_N(1);
	CHECK(sigaction(SIGSEGV, &sa, &old) == 0 && old.sa_sigaction == handler);
	E2E_END_N(1);
	if (!sigsetjmp(jb, 1))
		raise(SIGSEGV);
	CHECK(hits == 3);
	E2E_BEGIN_N(2);
	CHECK(sigaction(SIGSEGV, NULL, &old) == 0 && old.sa_handler == SIG_DFL);
	E2E_END_N(2);
	printf("segvown: hits=%d on the alternate stack=%d\n", hits, on_alt);
	return 0;
}
