/* For `sctrace -p` (scenarios/attach.sh): started dormant (LD_PRELOAD +
 * SCTRACE_ATTACH=1), it makes one step per line read from stdin: writes "step N",
 * then makes a raw getppid (seen in complete mode only); a line "f" also forks a child
 * that writes "child N" and exits, waited for; a line "e" execs the program anew.  With an argument T it runs the steps
 * in T threads at once, each writing "step N tI" (exercises -f). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int nthreads;
static pthread_barrier_t go, done;
static int step;

static void say(const char *what, int n, int t)
{
	char line[64];
	int len = t ? snprintf(line, sizeof(line), "%s %d t%d\n", what, n, t)
		    : snprintf(line, sizeof(line), "%s %d\n", what, n);

	write(1, line, (size_t)len);
}

static void *worker(void *arg)
{
	int t = (int)(long)arg;

	for (;;) {
		pthread_barrier_wait(&go);
		if (step < 0)
			return NULL;
		say("step", step, t);
		syscall(SYS_getppid);
		pthread_barrier_wait(&done);
	}
}

int main(int argc, char **argv)
{
	char buf[64];
	pthread_t th[8];

	nthreads = argc > 1 ? atoi(argv[1]) : 0;
	if (nthreads > 8)
		nthreads = 8;
	pthread_barrier_init(&go, NULL, (unsigned)nthreads + 1);
	pthread_barrier_init(&done, NULL, (unsigned)nthreads + 1);
	for (long i = 0; i < nthreads; i++)
		pthread_create(&th[i], NULL, worker, (void *)(i + 1));
	for (int n = 1; read(0, buf, sizeof(buf)) > 0; n++) {
		step = n;
		if (nthreads) {
			pthread_barrier_wait(&go);
			pthread_barrier_wait(&done);
		}
		say("step", n, 0);
		syscall(SYS_getppid);
		if (buf[0] == 'e')	/* a new image of itself: its steps count from 1 */
			execl("/proc/self/exe", "attach", (char *)NULL);
		if (buf[0] == 'f') {
			pid_t c = fork();
			if (c == 0) {
				say("child", n, 0);
				_exit(0);
			}
			waitpid(c, NULL, 0);
		}
	}
	step = -1;
	if (nthreads) {
		pthread_barrier_wait(&go);
		for (int i = 0; i < nthreads; i++)
			pthread_join(th[i], NULL);
	}
	say("done", 0, 0);
	return 0;
}
