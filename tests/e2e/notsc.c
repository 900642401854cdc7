/* rdtsc forbidden (prctl(PR_SET_TSC, PR_TSC_SIGSEGV)) before calls are made on this
 * thread, on a thread it starts and in a child it forks (the setting is inherited): the
 * tracer must not read the TSC in any of them (scenarios/notsc.sh).  Not an exec: the
 * dynamic loader itself reads the TSC and dies, with or without sctrace. */
#include <pthread.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 100; i++)
		(void)getppid();
	return NULL;
}

int main(void)
{
	pthread_t th;
	int mode = -1, st;
	pid_t pid;

	if (prctl(PR_SET_TSC, PR_TSC_SIGSEGV) != 0) {
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
