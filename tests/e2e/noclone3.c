/* Docker's default seccomp profile answers clone3 with ENOSYS for processes without
 * CAP_SYS_ADMIN, and glibc then falls back to clone.  This program installs such a
 * filter itself (SECCOMP_RET_ERRNO | ENOSYS for clone3), then makes threads, a fork
 * and a posix_spawn: all work, and the windows of the threads,
 * the fork child and the parent are compared with strace.  SIGCHLD is blocked. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "e2e.h"

#ifndef SYS_clone3
#define SYS_clone3 435
#endif

extern char **environ;

static void *thread_fn(void *arg)
{
	E2E_BEGIN_N((int)(long)arg);
	CHECK(close(-7800 - (int)(long)arg) == -1);
	E2E_END_N((int)(long)arg);
	return NULL;
}

int main(int argc, char **argv)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };
	char *sargv[] = { argv[0], "child", NULL };
	pthread_t th[2];
	sigset_t chld;
	pid_t c;
	int st;

	if (argc == 2 && strcmp(argv[1], "child") == 0) {
		/* no window: a new image under a filter it inherited finds no spare ring
		 * yet ("cannot trace this process"), a limit of preload/spare.c */
		CHECK(close(-7820) == -1);
		return 3;
	}
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	CHECK(sigprocmask(SIG_BLOCK, &chld, NULL) == 0);
	CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
	CHECK(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0);
	CHECK(syscall(SYS_clone3, NULL, 0) == -1 && errno == ENOSYS);
	/* two threads, a fork and a spawn: the four spare rings (preload/spare.c) that
	 * tasks started under a seccomp filter of the program's can be traced with */
	for (long i = 0; i < 2; i++)
		CHECK(pthread_create(&th[i], NULL, thread_fn, (void *)(10 + i)) == 0);
	for (int i = 0; i < 2; i++)
		CHECK(pthread_join(th[i], NULL) == 0);
	c = fork();
	if (c == 0) {
		E2E_BEGIN_N(21);
		CHECK(close(-7821) == -1);
		E2E_END_N(21);
		_exit(4);
	}
	CHECK(c > 0 && waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 4);
	CHECK(posix_spawn(&c, argv[0], NULL, NULL, sargv, environ) == 0);
	CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 3);
	E2E_BEGIN_N(2);
	CHECK(close(-7802) == -1);
	E2E_END_N(2);
	printf("noclone3: ok\n");
	return 0;
}
