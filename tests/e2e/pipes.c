/* Pipes and readiness: pipe/pipe2, poll/ppoll, select/pselect, epoll, FIONREAD.
 * Every wait has a zero or infinite timeout on a descriptor already ready, so the
 * results (and the "left" times strace prints) are the same in every run. */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include "e2e.h"

int main(void)
{
	int p[2], q[2], ep, avail;
	char buf[64];
	struct pollfd pfd[2];
	struct timespec zero_ts = { 0, 0 };
	struct timeval zero_tv = { 0, 0 };
	struct epoll_event ev, evs[4];
	fd_set rd, wr;
	sigset_t none;

	sigemptyset(&none);

	E2E_BEGIN_N(0);
	CHECK(pipe(p) == 0);
	CHECK(pipe2(q, O_CLOEXEC | O_NONBLOCK) == 0);
	CHECK(read(q[0], buf, sizeof buf) == -1 && errno == EAGAIN);
	CHECK(write(p[1], "ping", 4) == 4);
	CHECK(ioctl(p[0], FIONREAD, &avail) == 0 && avail == 4);

	pfd[0].fd = p[0];
	pfd[0].events = POLLIN;
	pfd[1].fd = q[0];
	pfd[1].events = POLLIN;
	CHECK(poll(pfd, 2, 0) == 1 && pfd[0].revents == POLLIN && pfd[1].revents == 0);
	CHECK(poll(pfd + 1, 1, 0) == 0);
	CHECK(ppoll(pfd, 2, &zero_ts, NULL) == 1 && pfd[0].revents == POLLIN);
	CHECK(ppoll(pfd, 1, NULL, &none) == 1);

	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(q[0], &rd);
	FD_SET(q[1], &wr);
	CHECK(select(q[1] + 1, &rd, &wr, NULL, &zero_tv) == 2);
	CHECK(FD_ISSET(p[0], &rd) && !FD_ISSET(q[0], &rd) && FD_ISSET(q[1], &wr));
	FD_ZERO(&rd);
	FD_SET(q[0], &rd);
	CHECK(select(q[0] + 1, &rd, NULL, NULL, &zero_tv) == 0);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	CHECK(pselect(p[0] + 1, &rd, NULL, NULL, &zero_ts, &none) == 1);
	CHECK(pselect(p[0] + 1, &rd, NULL, NULL, NULL, NULL) == 1);
	E2E_END_N(0);

	E2E_BEGIN_N(1);
	ep = epoll_create1(EPOLL_CLOEXEC);
	CHECK(ep >= 0);
	ev.events = EPOLLIN;
	ev.data.u64 = 0;
	ev.data.fd = p[0];
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == 0);
	ev.events = EPOLLOUT;
	ev.data.u64 = 0;
	ev.data.fd = q[1];
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, q[1], &ev) == 0);
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, q[1], &ev) == -1 && errno == EEXIST);
	CHECK(epoll_wait(ep, evs, 4, 0) == 2);
	ev.events = EPOLLIN | EPOLLET;
	CHECK(epoll_ctl(ep, EPOLL_CTL_MOD, q[1], &ev) == 0);
	CHECK(epoll_wait(ep, evs, 4, -1) == 1 && evs[0].data.fd == p[0] && evs[0].events == EPOLLIN);
	CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL) == 0);
	CHECK(epoll_pwait(ep, evs, 4, 0, &none) == 0);
	CHECK(read(p[0], buf, sizeof buf) == 4 && memcmp(buf, "ping", 4) == 0);
	CHECK(ioctl(p[0], FIONREAD, &avail) == 0 && avail == 0);
	CHECK(close(ep) == 0);
	CHECK(close(p[1]) == 0);
	CHECK(read(p[0], buf, sizeof buf) == 0);
	CHECK(close(p[0]) == 0 && close(q[0]) == 0 && close(q[1]) == 0);
	E2E_END_N(1);

	printf("pipes: ok\n");
	return 0;
}
