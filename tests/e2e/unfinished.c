/* A call that blocks while another process or thread prints (tests/e2e/scenarios/
 * unfinished.sh): strace -f shows it as "NAME(args <unfinished ...>" and later
 * "<... NAME resumed>rest) = ret".
 *
 *   unfinished wait     the parent blocks in wait4 while its child writes and exits
 *   unfinished thread   a thread blocks in read on a pipe while the main thread writes,
 *                       then closes the pipe's other end
 *   unfinished ppoll    as thread, the thread first blocked in a raw ppoll whose
 *                       nfds has high bits set (0xffffffff00000001: the kernel reads
 *                       one pollfd, the last before an unmapped page)
 *   unfinished stuck F  writes its pid to file F, then blocks in read on a pipe no one
 *                       will write (the test kills it, or the tracer)
 *
 * The order is forced without sleeps: the side that prints first waits until the
 * blocked task is asleep (state S in /proc/.../stat: between its last marker and the
 * blocking call nothing else of it can sleep).  Only read, write and wait4 are
 * compared (-e trace=read,write,wait4), from the "begin" write to the "end" one; the
 * polling uses openat, pread64 and close, which the test leaves out, and so does the
 * close that releases the thread. */
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "e2e.h"

/* Wait until task `tid` of process `pid` sleeps. */
static void wait_asleep(int pid, int tid)
{
	char path[64], buf[512];

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", pid, tid);
	for (;;) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t n;
		char *p;

		if (fd < 0)
			_exit(2);
		n = pread(fd, buf, sizeof(buf) - 1, 0);
		close(fd);
		if (n <= 0)
			_exit(2);
		buf[n] = 0;
		p = strrchr(buf, ')');
		if (p && p[1] == ' ' && p[2] == 'S')
			return;
		sched_yield();
	}
}

static int pfd[2];
static int reader_tid;

static void *reader(void *arg)
{
	char buf[64];

	__atomic_store_n(&reader_tid, (int)gettid(), __ATOMIC_RELEASE);
	if (arg) {
		/* the pollfd last on its page, the next page unmapped */
		char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		struct pollfd *p;

		CHECK(m != MAP_FAILED && munmap(m + 4096, 4096) == 0);
		p = (struct pollfd *)(m + 4096) - 1;
		*p = (struct pollfd){ .fd = pfd[0], .events = POLLIN };
		CHECK(syscall(SYS_ppoll, p, 0xffffffff00000001ul, NULL, NULL, 8) == 1);
	}
	CHECK(read(pfd[0], buf, sizeof(buf)) == 0);
	e2e_puts(1, "thread\n");
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "wait") == 0) {
		int st, parent = getpid();
		pid_t c;

		e2e_puts(1, "begin\n");
		c = fork();
		CHECK(c >= 0);
		if (c == 0) {
			wait_asleep(parent, parent);
			e2e_puts(1, "child\n");
			_exit(0);
		}
		CHECK(wait4(-1, &st, 0, NULL) == c);
		e2e_puts(1, "parent\n");
		e2e_puts(1, "end\n");
		return 0;
	}
	if (argc > 1 && (strcmp(argv[1], "thread") == 0 || strcmp(argv[1], "ppoll") == 0)) {
		pthread_t t;
		int tid;

		CHECK(pipe(pfd) == 0);
		e2e_puts(1, "begin\n");
		CHECK(pthread_create(&t, NULL, reader, argv[1][0] == 'p' ? argv[1] : NULL) == 0);
		while (!(tid = __atomic_load_n(&reader_tid, __ATOMIC_ACQUIRE)))
			sched_yield();
		wait_asleep(getpid(), tid);
		e2e_puts(1, "main\n");
		close(pfd[1]);
		pthread_join(t, NULL);
		e2e_puts(1, "end\n");
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "stuck") == 0) {
		char num[24], buf[16];
		int fd;

		CHECK(pipe(pfd) == 0);
		fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		CHECK(fd >= 0);
		e2e_utoa(num, (unsigned long)getpid());
		e2e_puts(fd, num);
		close(fd);
		CHECK(read(pfd[0], buf, sizeof(buf)) >= 0);
		return 0;
	}
	e2e_puts(2, "usage: unfinished wait|thread|ppoll|stuck FILE\n");
	return 2;
}
