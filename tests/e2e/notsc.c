/* rdtsc forbidden (prctl(PR_SET_TSC, PR_TSC_SIGSEGV)) before calls are made on this
 * thread, on a thread it starts and in a child it forks (the setting is inherited): the
 * tracer must not read the TSC in any of them (scenarios/notsc.sh).  Not an exec: the
 * dynamic loader itself reads the TSC and dies, with or without sctrace.  With an
 * argument the prctl is a raw syscall instruction (--libc-only does not see it). */
#include <pthread.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 100; i++)
		(void)getppid();
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th;
	int mode = -1, st;
	pid_t pid;

	long r = SYS_prctl;

	(void)argv;

	if (argc > 1) {		/* "raw": a syscall instruction no wrapper sees */
		__asm__ __volatile__("syscall" : "+a"(r)
				     : "D"((long)PR_SET_TSC), "S"((long)PR_TSC_SIGSEGV)
				     : "rcx", "r11", "memory");
		if (r != 0)
			return 1;
	} else if (prctl(PR_SET_TSC, PR_TSC_SIGSEGV) != 0) {
		perror("prctl");
		return 1;
	}
	for (int i = 0; i < 100; i++)
		(void)getpid();
	pthread_create(&th, NULL, worker, NULL);
	pthread_join(th, NULL);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		prctl(PR_GET_TSC, &mode);
		printf("child: PR_GET_TSC %d\n", mode);
		fflush(stdout);
		_exit(3);
	}
	waitpid(pid, &st, 0);
	printf("child: %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	return 0;
}
