/* Process and input shapes that break naive tracers:
 *   forkthreads  fork from a process whose 4 threads are busy making calls; the child
 *                makes calls and exits (no deadlock, its calls under its own pid)
 *   churn        1000 threads created and joined in waves of 50, each one call
 *   huge         a 16 MiB write to /dev/null, a path of 4095 bytes, exec with a
 *                100,000-element argv (of "huge child")
 *   late         waits until a file "go" exists in its directory, then 20 threads
 *                each make one call (run.sh plants symlinks meanwhile)
 *   shell        system("exit 3") and popen("echo popen") / pclose: the shells
 *                they start are traced under their own pids */
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include "e2e.h"

static volatile int stop;

static void *busy(void *arg)
{
	(void)arg;
	while (!stop)
		(void)close(-5151);
	return NULL;
}

static void *one_call(void *arg)
{
	(void)arg;
	(void)close(-5252);
	return NULL;
}

static int forkthreads(void)
{
	pthread_t t[4];
	int st;

	for (int i = 0; i < 4; i++)
		CHECK(pthread_create(&t[i], NULL, busy, NULL) == 0);
	for (int round = 0; round < 20; round++) {
		pid_t c = fork();
		CHECK(c >= 0);
		if (c == 0) {
			(void)close(-5353);
			_exit(7);
		}
		CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 7);
	}
	stop = 1;
	for (int i = 0; i < 4; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	return 0;
}

static int churn(void)
{
	pthread_t t[50];

	for (int wave = 0; wave < 20; wave++) {
		for (int i = 0; i < 50; i++)
			CHECK(pthread_create(&t[i], NULL, one_call, NULL) == 0);
		for (int i = 0; i < 50; i++)
			CHECK(pthread_join(t[i], NULL) == 0);
	}
	return 0;
}

static int huge(char *self)
{
	size_t big = 16u << 20;
	char *buf = calloc(1, big), *path = malloc(PATH_MAX);
	char **argv = malloc(100002 * sizeof(char *));
	int fd = open("/dev/null", O_WRONLY), st;
	pid_t c;

	CHECK(buf && path && argv && fd >= 0);
	CHECK(write(fd, buf, big) == (ssize_t)big);
	memset(path, 'a', PATH_MAX - 1);
	path[0] = '/';
	path[PATH_MAX - 1] = 0;
	CHECK(open(path, O_RDONLY) == -1 && errno == ENAMETOOLONG);
	argv[0] = self;
	argv[1] = "child";
	for (int i = 2; i < 100001; i++)
		argv[i] = "x";
	argv[100001] = NULL;
	c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		execv(self, argv);
		_exit(127);
	}
	CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}

static int late(void)
{
	struct timespec tick = { 0, 10000000 };
	pthread_t t[20];

	for (int i = 0; access("go", F_OK) != 0; i++) {
		CHECK(i < 3000);
		nanosleep(&tick, NULL);
	}
	for (int i = 0; i < 20; i++)
		CHECK(pthread_create(&t[i], NULL, one_call, NULL) == 0);
	for (int i = 0; i < 20; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	return 0;
}

static int shell(void)
{
	char line[32] = "";
	FILE *p;
	int st = system("exit 3");

	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
	CHECK((p = popen("echo popen", "r")) != NULL);
	CHECK(fgets(line, sizeof line, p) != NULL && strcmp(line, "popen\n") == 0);
	CHECK(pclose(p) == 0);
	return 0;
}

int main(int argc, char **argv)
{
	CHECK(argc >= 2);
	if (!strcmp(argv[1], "child"))
		return argc == 100001 ? 0 : 1;
	if (!strcmp(argv[1], "forkthreads"))
		forkthreads();
	else if (!strcmp(argv[1], "churn"))
		churn();
	else if (!strcmp(argv[1], "huge"))
		huge(argv[0]);
	else if (!strcmp(argv[1], "late"))
		late();
	else if (!strcmp(argv[1], "shell"))
		shell();
	else
		return 2;
	printf("stress %s: ok\n", argv[1]);
	return 0;
}
