/* Programs that limit themselves or sandbox themselves, then start threads and
 * children (tests/e2e/scenarios/limits.sh).  Their output and exit status must be the
 * same traced and untraced; what the tracer cannot trace it must say once.
 *
 *   limits work            calls and a line of output, nothing else
 *   limits nofile          RLIMIT_NOFILE = 3, then a thread
 *   limits setuid          setuid(nobody), then a thread and a forked child
 *   limits seccomp-kill    a filter that kills on openat (prctl), then 6 threads
 *   limits seccomp-eperm   a filter that fails openat with EPERM (syscall), then a
 *                          forked child and 6 threads
 *   limits fill DIR        fill the file system of DIR, then 2 threads */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void *worker(void *arg)
{
	char line[64];
	int n = snprintf(line, sizeof(line), "thread %ld: ppid %s\n", (long)(intptr_t)arg,
			 getppid() > 0 ? "ok" : "bad");

	if (write(1, line, (size_t)n) != n)
		return (void *)1;
	return NULL;
}

/* Start n threads one after the other: the order of the output is fixed. */
static int threads(int n)
{
	for (long i = 0; i < n; i++) {
		pthread_t t;
		void *r;

		if (pthread_create(&t, NULL, worker, (void *)(intptr_t)i) != 0 ||
		    pthread_join(t, &r) != 0 || r)
			return 1;
	}
	return 0;
}

static int child(void)
{
	pid_t p = fork();
	int st;

	if (p < 0)
		return 1;
	if (p == 0) {
		(void)write(1, "child: hello\n", 13);
		_exit(getppid() > 0 ? 7 : 1);
	}
	if (waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st) != 7)
		return 1;
	return 0;
}

static int filter(unsigned action, int use_syscall)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, action),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	if (use_syscall)
		return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "work";
	int rc = 0;

	setvbuf(stdout, NULL, _IONBF, 0);	/* threads and children write in turn */
	if (!strcmp(mode, "work")) {
		rc = threads(2);
	} else if (!strcmp(mode, "nofile")) {
		struct rlimit rl = { 3, 3 };
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			return 2;
		rc = threads(1);
	} else if (!strcmp(mode, "setuid")) {
		if (setgid(65534) != 0 || setuid(65534) != 0)
			return 2;
		rc = threads(1) | child();
	} else if (!strcmp(mode, "seccomp-kill")) {
		if (filter(SECCOMP_RET_KILL_PROCESS, 0) != 0)
			return 2;
		rc = threads(6);
	} else if (!strcmp(mode, "seccomp-eperm")) {
		if (filter(SECCOMP_RET_ERRNO | EPERM, 1) != 0)
			return 2;
		rc = child() | threads(6);
	} else if (!strcmp(mode, "fill") && argc > 2) {
		static char block[4096];
		char path[4096];
		int fd;

		snprintf(path, sizeof(path), "%s/fill", argv[2]);
		if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
			return 2;
		while (write(fd, block, sizeof(block)) == (ssize_t)sizeof(block))
			;
		rc = threads(2);
		close(fd);
		unlink(path);
	} else {
		return 2;
	}
	printf("%s: %s\n", mode, rc ? "failed" : "done");
	return rc;
}
