/* Calls that killed the program under sctrace (strace's clone3, futex and ppoll
 * tests): arguments the kernel never reads, or reads only part of, at the end of a
 * page or at no address at all.  Each line says what the call returned; exit 0 when
 * every one is what the kernel answers untraced. */
#include <errno.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int bad;
static const char *only;	/* argv[1]: run only the checks whose name starts so */

#define WANT(what) (!only || !strncmp(what, only, strlen(only)))

static void check(const char *what, long r, long want, int err)
{
	int ok = r == want && (want != -1 || errno == err);

	printf("%s: %ld%s%s\n", what, r, r == -1 ? " " : "", r == -1 ? strerror(errno) : "");
	if (!ok) {
		printf("  want %ld%s%s\n", want, want == -1 ? " " : "", want == -1 ? strerror(err) : "");
		bad = 1;
	}
}

/* a clone3 that makes a child: it exits 42 at once, the parent reaps it */
static long clone3_child(void *args, size_t size)
{
	long r = syscall(SYS_clone3, args, size);
	int st;

	if (r == 0)
		_exit(42);
	if (r > 0 && (waitpid((pid_t)r, &st, 0) != r || !WIFEXITED(st) || WEXITSTATUS(st) != 42))
		return -2;
	return r > 0 ? 1 : r;
}

int main(int argc, char **argv)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = m + pg;		/* the first byte of the unmapped page */
	static char stack[16384] __attribute__((aligned(16)));
	struct clone_args ca;
	uint64_t *big;
	int fds[2], word = 0;
	struct timespec ts = { 0, 0 };
	struct pollfd *pf;

	if (m == MAP_FAILED || munmap(end, pg) || pipe(fds))
		return 2;
	only = argc > 1 ? argv[1] : NULL;

	/* the stack is not even an address: the kernel says EINVAL (the library wrote
	 * its words there and died) */
	memset(&ca, 0, sizeof(ca));
	ca.flags = 0xdec0deac0040007fULL;
	ca.exit_signal = 250;
	ca.stack = 0xface1e55beeff00dULL;
	ca.stack_size = 0xcaffeedefacedca7ULL;
	if (WANT("clone3 wild stack"))
		check("clone3 wild stack", syscall(SYS_clone3, &ca, 64), -1, EINVAL);

	/* a real stack and an unknown flag: EINVAL, and the stack's top as it was */
	memset(stack, 0x5a, sizeof(stack));
	memset(&ca, 0, sizeof(ca));
	ca.flags = 1ULL << 40;
	ca.exit_signal = SIGCHLD;
	ca.stack = (uintptr_t)stack;
	ca.stack_size = sizeof(stack);
	if (WANT("clone3 bad flags")) {
		check("clone3 bad flags", syscall(SYS_clone3, &ca, 64), -1, EINVAL);
		check("clone3 bad flags, stack top untouched",
		      memcmp(stack + sizeof(stack) - 64, stack, 64) == 0, 1, 0);
	}

	/* the kernel keeps every register but rax, rcx and r11: the library re-issues a
	 * clone3 with a stack from a stub with its own copy in rdi (and rsi at most 88),
	 * which must not be what the program finds there after the call */
	if (WANT("clone3 registers")) {
		register long rdi __asm__("rdi") = (long)&ca;
		register long rsi __asm__("rsi") = 64;
		long r, kept;

		__asm__ volatile("syscall" : "=a"(r), "+r"(rdi), "+r"(rsi)
				 : "0"((long)SYS_clone3) : "rcx", "r11", "memory");
		kept = rdi == (long)&ca && rsi == 64;	/* before a call clobbers them */
		check("clone3 registers, the call", r, -EINVAL, 0);
		check("clone3 registers, rdi and rsi kept", kept, 1, 0);
	}

	/* a 64-byte clone_args at the end of a page: the kernel reads 64 bytes, the
	 * library must not read 88 */
	memset(end - 64, 0, 64);
	((struct clone_args *)(end - 64))->exit_signal = SIGCHLD;
	if (WANT("clone3 64"))
		check("clone3 64 bytes at a page end", clone3_child(end - 64, 64), 1, 0);

	/* a longer clone_args whose extra bytes are not zero: E2BIG, also with a
	 * stack (the library hands the kernel its own 88-byte copy) */
	big = (uint64_t *)(end - 96);
	memset(big, 0, 96);
	big[4] = SIGCHLD;
	big[5] = (uintptr_t)stack;
	big[6] = sizeof(stack);
	big[11] = 0xfacefeeddeadc0deULL;
	if (WANT("clone3 96"))
		check("clone3 96 bytes, tail not zero", clone3_child(big, 96), -1, E2BIG);

	/* FUTEX_WAKE's fourth argument is a number (val2), not a timeout */
	if (WANT("futex"))
		check("futex wake, wild val2",
		      syscall(SYS_futex, &word, FUTEX_WAKE, 1, 0xbadda7a07a7b100dULL, NULL, 0), 0, 0);

	/* ppoll's nfds is an unsigned int: the high bits are not a count */
	pf = (struct pollfd *)(end - sizeof(*pf));
	pf->fd = fds[1];
	pf->events = POLLOUT;
	if (WANT("ppoll"))
		check("ppoll nfds with high bits",
		      syscall(SYS_ppoll, pf, 0xffffffff00000001ULL, &ts, NULL, 8), 1, 0);

	puts(bad ? "crashcalls: FAILED" : "crashcalls: ok");
	return bad;
}
