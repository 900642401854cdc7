/* pthread_cancel acting inside blocking calls, compared with strace.
 *
 * Each worker opens its window, blocks in one call and is cancelled there by the main
 * thread; its cleanup handler closes the window.  strace shows each blocked call as
 * interrupted ("= ? ERESTARTSYS (To be restarted if SA_RESTART is set)", or the
 * restart code that call returns), then the SIGRTMIN that glibc's pthread_cancel
 * sends; run.sh's window.awk leaves that signal line out, sctrace cannot see it.
 *
 * The last worker is cancelled while cancellation is disabled, then enables it and
 * calls write(): the write acts on the pending cancel before any system call, so
 * neither tracer may show it.
 *
 * The main thread waits until /proc says a worker sits in its system call before it
 * cancels it: a cancel that arrived before the call would not be the case tested. */
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include "e2e.h"

enum { W_READ = 1, W_POLL, W_NANOSLEEP, W_SELECT, W_ACCEPT, W_RECV, W_EPOLL, W_PPOLL, W_PENDING,
       NWORKERS = W_PENDING };

static int pipefd[2], lsock = -1, sockv[2], epfd = -1;
static volatile pid_t tids[NWORKERS + 1];
static pthread_barrier_t pending_cancelled;

static void end_window(void *arg)
{
	E2E_END_N((int)(long)arg);
}

static void block(int id)
{
	char buf[10];
	struct pollfd pfd = { pipefd[0], POLLIN, 0 };
	struct timespec long_sleep = { 100, 0 };
	struct timeval tv = { 100, 0 };
	struct epoll_event ev;
	fd_set rd;

	switch (id) {
	case W_READ:
		(void)read(pipefd[0], buf, sizeof buf);
		break;
	case W_POLL:
		(void)poll(&pfd, 1, -1);
		break;
	case W_NANOSLEEP:
		(void)nanosleep(&long_sleep, NULL);
		break;
	case W_SELECT:
		FD_ZERO(&rd);
		FD_SET(pipefd[0], &rd);
		(void)select(pipefd[0] + 1, &rd, NULL, NULL, &tv);
		break;
	case W_ACCEPT:
		(void)accept(lsock, NULL, NULL);
		break;
	case W_RECV:
		(void)recv(sockv[0], buf, sizeof buf, 0);
		break;
	case W_EPOLL:
		(void)epoll_wait(epfd, &ev, 1, -1);
		break;
	case W_PPOLL:
		(void)ppoll(&pfd, 1, &long_sleep, NULL);
		break;
	}
}

static void *worker(void *arg)
{
	int id = (int)(long)arg, old;

	tids[id] = gettid();
	pthread_cleanup_push(end_window, arg);
	if (id == W_PENDING) {
		CHECK(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old) == 0);
		pthread_barrier_wait(&pending_cancelled);
		E2E_BEGIN_N(id);	/* a cancellation point, but cancellation is off */
		CHECK(pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old) == 0);
		(void)write(pipefd[1], "never", 5);
	} else {
		E2E_BEGIN_N(id);
		block(id);
	}
	pthread_cleanup_pop(0);
	e2e_puts(2, "cancel: a worker was not cancelled\n");
	return NULL;
}

/* The system call each worker blocks in, as the kernel numbers it. */
static const long blocking_call[NWORKERS + 1] = {
	[W_READ] = SYS_read, [W_POLL] = SYS_poll, [W_NANOSLEEP] = SYS_clock_nanosleep,
	[W_SELECT] = SYS_pselect6, [W_ACCEPT] = SYS_accept, [W_RECV] = SYS_recvfrom,
	[W_EPOLL] = SYS_epoll_wait, [W_PPOLL] = SYS_ppoll,
};

/* Is thread `tid` of this process in system call `nr`?  /proc/PID/task/TID/syscall
 * starts with the number of the call a thread is blocked in, "running" otherwise. */
static int in_syscall(pid_t tid, long nr)
{
	char path[64], text[64] = "";
	FILE *f;

	snprintf(path, sizeof path, "/proc/self/task/%d/syscall", (int)tid);
	if (!(f = fopen(path, "r")))
		return 0;
	if (!fgets(text, sizeof text, f))
		text[0] = 0;
	fclose(f);
	return text[0] >= '0' && text[0] <= '9' && strtol(text, NULL, 10) == nr;
}

int main(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct epoll_event ev = { .events = EPOLLIN };
	struct timespec tick = { 0, 1000000 };
	pthread_t t[NWORKERS + 1];
	void *res;
	int id;

	CHECK(pipe(pipefd) == 0);
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sockv) == 0);
	CHECK((lsock = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0);
	memcpy(sa.sun_path + 1, "sctrace-e2e-cancel", 18);	/* abstract: nothing to clean up */
	CHECK(bind(lsock, (struct sockaddr *)&sa, sizeof sa) == 0 && listen(lsock, 1) == 0);
	CHECK((epfd = epoll_create1(0)) >= 0);
	ev.data.fd = pipefd[0];
	CHECK(epoll_ctl(epfd, EPOLL_CTL_ADD, pipefd[0], &ev) == 0);
	CHECK(pthread_barrier_init(&pending_cancelled, NULL, 2) == 0);

	for (id = 1; id <= NWORKERS; id++) {
		CHECK(pthread_create(&t[id], NULL, worker, (void *)(long)id) == 0);
		if (id == W_PENDING) {
			CHECK(pthread_cancel(t[id]) == 0);
			pthread_barrier_wait(&pending_cancelled);
		} else {
			for (int i = 0; !tids[id] || !in_syscall(tids[id], blocking_call[id]); i++) {
				CHECK(i < 10000);
				nanosleep(&tick, NULL);
			}
			CHECK(pthread_cancel(t[id]) == 0);
		}
		CHECK(pthread_join(t[id], &res) == 0 && res == PTHREAD_CANCELED);
	}
	printf("cancel: ok\n");
	return 0;
}
