/* New threads and processes made without glibc's pthread_create/fork, each of which
 * complete mode must follow (or say it cannot) without crashing or hanging:
 *   1  raw clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|
 *      CLONE_SYSVSEM|CLONE_SETTLS) with a thread block of the program's own, as Go's
 *      runtime makes its threads (fs points at a small array, not a glibc TCB): not
 *      traced, said on stderr;
 *   2  the same with a copy of a glibc thread's static TLS and TCB (self pointers
 *      moved): traced as a thread of its own, its calls in window 12;
 *   3  raw clone3 with a stack of its own, no CLONE_VM (a process): window 13;
 *   4  raw clone3 thread with a Go-like thread block: not traced, said;
 *   5  raw vfork (a `syscall` instruction of the program's) then execve of this
 *      program (window 15), and then _exit(7);
 *   6  posix_spawn of this program (window 16);
 *   7  glibc clone(CLONE_VM|CLONE_VFORK) on a stack of the program's, whose child
 *      execs this program (window 17).
 * The parent's calls around each are in windows compared with strace; SIGCHLD is
 * blocked (strace would show its deliveries inside windows). */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <linux/sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "e2e.h"

extern char **environ;
static const char *self;

/* raw_clone(flags, stack_top, ptid, ctid, tls, fn, arg): clone, the child calls
 * fn(arg) on stack_top and then exit(0).  raw_clone3(args, size, fn, arg): the same
 * with clone3; fn and arg are stored at the top of args->stack by the caller. */
long raw_clone(unsigned long flags, void *stack_top, int *ptid, int *ctid, unsigned long tls,
	       void (*fn)(void *), void *arg);
long raw_clone3(struct clone_args *args, size_t size);
__asm__(".text\n"
	".globl raw_clone\n.type raw_clone, @function\n"
	"raw_clone:\n"
	"	movq 8(%rsp), %rax\n"
	"	subq $16, %rsi\n"
	"	movq %r9, (%rsi)\n"
	"	movq %rax, 8(%rsi)\n"
	"	movq %rcx, %r10\n"
	"	movl $56, %eax\n"
	"	syscall\n"
	"	testq %rax, %rax\n"
	"	jnz 1f\n"
	"	jmp raw_child\n"
	"1:	ret\n"
	".size raw_clone, .-raw_clone\n"
	".globl raw_clone3\n.type raw_clone3, @function\n"
	"raw_clone3:\n"
	"	movl $435, %eax\n"
	"	syscall\n"
	"	testq %rax, %rax\n"
	"	jnz 1f\n"
	"	jmp raw_child\n"
	"1:	ret\n"
	".size raw_clone3, .-raw_clone3\n"
	/* the child: [rsp] = fn, [rsp+8] = arg */
	"raw_child:\n"
	"	popq %rax\n"
	"	popq %rdi\n"
	"	andq $-16, %rsp\n"
	"	callq *%rax\n"
	"	movl $60, %eax\n"
	"	xorl %edi, %edi\n"
	"	syscall\n"
	"	hlt\n");

#define STACK 65536
static char stacks[4][STACK] __attribute__((aligned(64)));
static volatile int done[8];
static uint64_t gotls[2][16];		/* Go's m.tls: a few words, fs points into it */

static long raw_sys1(long nr, long a)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "0"(nr), "D"(a) : "rcx", "r11", "memory");
	return r;
}

/* A Go-like thread: raw calls only, no libc (its fs is not glibc's) */
static void go_thread(void *arg)
{
	(void)raw_sys1(SYS_close, -7600);
	__atomic_store_n(&done[(long)arg], 1, __ATOMIC_RELEASE);
}

static volatile int copy_sys_blocked = -1;

/* Is SIGSYS in this thread's mask (raw call: libc is not there for every thread) */
static int sys_blocked(void)
{
	uint64_t m = 0;
	long r;
	register long sz __asm__("r10") = 8;

	__asm__ volatile("syscall" : "=a"(r) : "0"(SYS_rt_sigprocmask), "D"(SIG_BLOCK), "S"(0),
			 "d"(&m), "r"(sz) : "rcx", "r11", "memory");
	return r == 0 ? (int)((m >> (SIGSYS - 1)) & 1) : -1;
}

/* A thread on a copy of a glibc thread's storage: libc works there */
static void copy_thread(void *arg)
{
	E2E_BEGIN_N(12);
	CHECK(close(-7612) == -1 && errno == EBADF);
	CHECK(getpid() > 0);
	E2E_END_N(12);
	copy_sys_blocked = sys_blocked();
	__atomic_store_n(&done[(long)arg], 1, __ATOMIC_RELEASE);
}

static void proc_child(void *arg)
{
	(void)arg;
	E2E_BEGIN_N(13);
	CHECK(close(-7613) == -1);
	E2E_END_N(13);
	_exit(5);
}

static void wait_done(int i)
{
	while (!__atomic_load_n(&done[i], __ATOMIC_ACQUIRE))
		sched_yield();
}

static void wait_exit(pid_t c, int code)
{
	int st;

	CHECK(waitpid(c, &st, __WALL) == c);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == code);
}

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
		      CLONE_SYSVSEM | CLONE_SETTLS)

/* 2: run in a pthread, whose static TLS and TCB lie in its stack mapping */
#define BELOW 16384			/* static TLS below the TCB, copied */
#define ABOVE 0x700			/* the TCB and the start of struct pthread */
static char tcbcopy[BELOW + ABOVE] __attribute__((aligned(64)));

static void *copier(void *arg)
{
	uintptr_t fs, nfs;
	long r;

	(void)arg;
	__asm__ volatile("movq %%fs:0, %0" : "=r"(fs));
	memcpy(tcbcopy, (char *)fs - BELOW, BELOW + ABOVE);
	nfs = (uintptr_t)tcbcopy + BELOW;
	((uintptr_t *)nfs)[0] = nfs;	/* tcbhead_t.tcb */
	((uintptr_t *)nfs)[2] = nfs;	/* tcbhead_t.self */
	{	/* blocked after the copy: the child's mask is inherited, not copied */
		sigset_t sys;
		sigemptyset(&sys);
		sigaddset(&sys, SIGSYS);
		CHECK(pthread_sigmask(SIG_BLOCK, &sys, NULL) == 0);
	}
	E2E_BEGIN_N(2);
	r = raw_clone(THREAD_FLAGS, stacks[1] + STACK, NULL, NULL, nfs, copy_thread, (void *)2);
	CHECK(r > 0);
	E2E_END_N(2);
	wait_done(2);
	return NULL;
}

static void spawn_window(int k)
{
	char num[8];
	e2e_utoa(num, (unsigned long)k);
	char *argv[] = { (char *)self, "window", num, NULL };

	execve(self, argv, environ);
	_exit(127);
}

static int vfork_exec_child(void *arg)
{
	spawn_window((int)(long)arg);
	return 127;
}

int main(int argc, char **argv)
{
	sigset_t chld;
	pthread_t th;
	struct clone_args ca;
	long r;
	pid_t c;

	self = argv[0];
	if (argc == 3 && strcmp(argv[1], "window") == 0) {
		int k = atoi(argv[2]);
		E2E_BEGIN_N(k);
		CHECK(close(-7000 - k) == -1);
		E2E_END_N(k);
		return 0;
	}
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	CHECK(sigprocmask(SIG_BLOCK, &chld, NULL) == 0);

	/* 1 */
	E2E_BEGIN_N(1);
	r = raw_clone(THREAD_FLAGS, stacks[0] + STACK, NULL, NULL, (unsigned long)&gotls[0][1],
		      go_thread, (void *)1);
	CHECK(r > 0);
	E2E_END_N(1);
	wait_done(1);

	/* 2 */
	CHECK(pthread_create(&th, NULL, copier, NULL) == 0);
	CHECK(pthread_join(th, NULL) == 0);

	/* 3 */
	memset(&ca, 0, sizeof(ca));
	ca.exit_signal = SIGCHLD;
	ca.stack = (uintptr_t)stacks[2];
	ca.stack_size = STACK - 16;
	((void **)(stacks[2] + STACK - 16))[0] = (void *)proc_child;
	((void **)(stacks[2] + STACK - 16))[1] = NULL;
	E2E_BEGIN_N(3);
	c = (pid_t)raw_clone3(&ca, sizeof(ca));
	CHECK(c > 0);
	wait_exit(c, 5);
	E2E_END_N(3);

	/* 4 */
	memset(&ca, 0, sizeof(ca));
	ca.flags = THREAD_FLAGS;
	ca.stack = (uintptr_t)stacks[3];
	ca.stack_size = STACK - 16;
	ca.tls = (uintptr_t)&gotls[1][1];
	((void **)(stacks[3] + STACK - 16))[0] = (void *)go_thread;
	((void **)(stacks[3] + STACK - 16))[1] = (void *)4;
	E2E_BEGIN_N(4);
	CHECK(raw_clone3(&ca, sizeof(ca)) > 0);
	E2E_END_N(4);
	wait_done(4);

	/* 5: a raw vfork; the child runs on this frame until it execs or exits */
	E2E_BEGIN_N(5);
	c = (pid_t)raw_sys1(SYS_vfork, 0);
	if (c == 0)
		spawn_window(15);
	CHECK(c > 0);
	wait_exit(c, 0);
	c = (pid_t)raw_sys1(SYS_vfork, 0);
	if (c == 0)
		_exit(7);
	CHECK(c > 0);
	wait_exit(c, 7);
	E2E_END_N(5);

	/* 6 */
	{
		char *sargv[] = { (char *)self, "window", "16", NULL };
		CHECK(posix_spawn(&c, self, NULL, NULL, sargv, environ) == 0);
		wait_exit(c, 0);
	}

	/* 7 */
	c = clone(vfork_exec_child, stacks[0] + STACK, CLONE_VM | CLONE_VFORK | SIGCHLD, (void *)17);
	CHECK(c > 0);
	wait_exit(c, 0);

	E2E_BEGIN_N(8);
	CHECK(close(-7008) == -1);
	E2E_END_N(8);
	printf("rawclone: ok, the copy thread inherits SIGSYS blocked: %d\n", copy_sys_blocked);
	return 0;
}
