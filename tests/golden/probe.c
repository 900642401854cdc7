/* probe: make every x86-64 system call once, with the arguments given on the command
 * line, under a seccomp filter that fails each with ENOSYS before the kernel runs it.
 * Run under real strace, it shows strace's name, trace classes and printing of each
 * call with those arguments, and nothing happens to the machine:
 *
 *   cc -O1 -o probe tests/golden/probe.c
 *   strace -o out -e trace=%file ./probe 1 2 3 4 5 6
 *
 * A development tool (tests/golden/README): not built by make. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static long raw6(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c),
			 "r"(r10), "r"(r8), "r"(r9) : "rcx", "r11", "memory");
	return ret;
}

int main(int argc, char **argv)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_exit_group, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 38 /* ENOSYS */),
	};
	struct sock_fprog prog = { sizeof(code) / sizeof(code[0]), code };
	long a[6] = { 0 };
	long first = 0, last = 450;

	for (int i = 0; i < 6 && i + 1 < argc; i++)
		a[i] = strtol(argv[i + 1], NULL, 0);
	if (argc > 8) {
		first = strtol(argv[7], NULL, 0);
		last = strtol(argv[8], NULL, 0);
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog))
		return 1;
	for (long nr = first; nr <= last; nr++) {
		if (nr == __NR_exit_group || (nr > 334 && nr < 424))
			continue;
		raw6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	raw6(__NR_exit_group, 0, 0, 0, 0, 0, 0);
	return 0;
}
