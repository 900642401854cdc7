/* -e inject= / -e fault= (tests/e2e/scenarios/inject.sh): what the program sees of
 * each injected call, printed on stdout, is what it sees under strace.  With "raw",
 * getppid is also made by syscall(2), which only complete mode sees.  A thread makes
 * getuid twice after the main thread did: when= counts per thread, as strace counts
 * per tracee. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static void *uids(void *name)
{
	for (int i = 0; i < 2; i++)
		printf("%s: getuid %ld\n", (const char *)name, (long)getuid());
	return NULL;
}

static const char *err_name(int e)
{
	return e ? strerrorname_np(e) : "0";
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	int raw = argc > 1 && !strcmp(argv[1], "raw");
	long r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	for (int i = 0; i < 4; i++) {
		errno = 0;
		r = getppid();		/* glibc returns the kernel's -errno as it is */
		printf("getppid %ld errno %s\n", r > 0 ? 1 : r, err_name(errno));
	}
	for (int i = 0; raw && i < 2; i++) {
		errno = 0;
		r = syscall(SYS_getppid);
		printf("syscall(getppid) %ld errno %s\n", r > 0 ? 1 : r, err_name(errno));
	}
	for (int i = 0; i < 3; i++) {
		errno = 0;
		r = unlink("inject-no-such-file");
		printf("unlink %ld errno %s\n", r, err_name(errno));
	}
	errno = 0;
	r = lseek(0, 0, SEEK_CUR);
	printf("lseek %ld errno %s\n", r, err_name(errno));
	errno = 0;
	r = chdir(".");
	printf("chdir %ld errno %s, SIGUSR1 handled %d times\n", r, err_name(errno), (int)handled);
	uids("main");
	pthread_t th;
	pthread_create(&th, NULL, uids, "thread");
	pthread_join(th, NULL);
	return 0;
}
