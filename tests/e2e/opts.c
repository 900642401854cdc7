/* For tests/e2e/scenarios/opts.sh: calls whose table and numbers strace knows.
 *   opts        5 getppid, 3 dup(-1) (EBADF), 1 getpid, through libc (none of
 *               which the loader makes, which strace sees and sctrace does not)
 *   opts raw    one getppid by a syscall instruction of its own; prints the address
 *               after it, which strace -i shows for that call
 *   opts uid    prints getuid() and getgid()
 *   opts call   prints main's address, then calls getppid() through libc: -i shows
 *               the address in main that the call returns to */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern char opts_after_syscall[];

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "raw")) {
		long r;
		__asm__ volatile("syscall\n.globl opts_after_syscall\nopts_after_syscall:"
				 : "=a"(r) : "a"(110L) : "rcx", "r11", "memory");
		printf("%016lx\n", (unsigned long)(void *)opts_after_syscall);
		return r > 0 ? 0 : 1;
	}
	if (argc > 1 && !strcmp(argv[1], "call")) {
		printf("%016lx\n", (unsigned long)(void *)main);
		fflush(stdout);
		return getppid() > 0 ? 0 : 1;
	}
	if (argc > 1 && !strcmp(argv[1], "uid")) {
		printf("%u %u\n", (unsigned)getuid(), (unsigned)getgid());
		return 0;
	}
	for (int i = 0; i < 5; i++)
		getppid();
	for (int i = 0; i < 3; i++)
		(void)!dup(-1);
	getpid();
	return 0;
}
