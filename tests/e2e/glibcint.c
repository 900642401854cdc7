/* Calls glibc makes internally (issue 8): stdio's writes and reads, fseeko's lseek,
 * setlocale(LC_ALL, "")'s locale files, realpath's lstat/readlink walk, opendir and
 * readdir's getdents64, a large malloc's mmap, pthread_create (clone3, the new
 * thread's set_robust_list/rseq/madvise/exit), isatty's ioctl, getpwuid's NSS files,
 * raw syscall() (the legacy stat among them), sigaltstack, and raise() with a handler
 * (its rt_sigreturn).  No window markers:
 * tests/e2e/scenarios/glibcint.sh compares every line after the loader phase with
 * strace, thread by thread, line for line.  Deterministic: every input is made here,
 * stdin is /dev/null and stdout a file. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <malloc.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = sig;
	(void)write(1, "handler\n", 8);
}

static void *worker(void *arg)
{
	FILE *f = fopen("glibcint.d/thread.txt", "w");

	(void)arg;
	if (f) {
		fprintf(f, "from the thread\n");
		fclose(f);
	}
	return NULL;
}

int main(void)
{
	char buf[256], *rp;
	FILE *f;
	DIR *d;
	struct dirent *e;
	pthread_t t;
	struct passwd *pw;
	int n = 0;

	/* one arena: a thread's own arena is 64 MiB aligned out of a 128 MiB mapping, and
	 * the two munmaps that trim it depend on where ASLR put it */
	mallopt(M_ARENA_MAX, 1);
	setlocale(LC_ALL, "");
	mkdir("glibcint.d", 0755);
	mkdir("glibcint.d/sub", 0755);

	/* stdio: buffered writes, a seek and buffered reads */
	f = fopen("glibcint.d/data.txt", "w+");
	if (!f)
		return 1;
	for (int i = 0; i < 1000; i++)
		fprintf(f, "line %d of the data file\n", i);
	fflush(f);
	fseeko(f, 100, SEEK_SET);
	while (fgets(buf, sizeof(buf), f))
		n++;
	fclose(f);
	printf("lines after 100 bytes: %d\n", n);
	fflush(stdout);

	rp = realpath("glibcint.d/sub/../data.txt", NULL);
	printf("realpath ends with %s\n", rp ? strrchr(rp, '/') : "(null)");
	free(rp);

	n = 0;
	d = opendir("glibcint.d");
	while (d && (e = readdir(d)))
		n++;
	if (d)
		closedir(d);
	printf("entries: %d\n", n);

	char *big = malloc(1 << 22);
	if (big) {
		memset(big, 1, 1 << 22);
		free(big);
	}

	/* joined by spinning, without a system call: pthread_join's futex wait happens
	 * only when the thread is still running, which depends on timing */
	if (pthread_create(&t, NULL, worker, NULL) == 0)
		while (pthread_tryjoin_np(t, NULL) == EBUSY)
			;

	printf("isatty: %d %d\n", isatty(0), isatty(1));
	pw = getpwuid(0);
	printf("uid 0 is %s\n", pw ? pw->pw_name : "(none)");

	/* raw syscall(): not through any libc wrapper of the call */
	printf("raw close: %ld\n", syscall(SYS_close, -42));
	printf("raw getcwd: %ld\n", syscall(SYS_getcwd, buf, sizeof(buf)) > 0 ? 1L : 0L);
	/* the legacy stat call, as make and older binaries make it */
	struct stat st;
	printf("raw stat: %ld\n", syscall(SYS_stat, "glibcint.d/data.txt", &st));

	stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536 }, old;
	sigaltstack(&ss, NULL);
	sigaltstack(NULL, &old);

	/* delivered when the mask is restored, as the rt_sigprocmask returns: a signal
	 * sent to oneself unblocked may land while the library still performs the
	 * tgkill, and then its handler's lines come first (seen once in many runs) */
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	signal(SIGUSR1, on_usr1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	raise(SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	printf("got %d\n", (int)got);
	return 0;
}
