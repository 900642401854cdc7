/* -y and -yy: every kind of descriptor a program meets, each printed with what it
 * names at the call: a file whose name needs escaping (a newline, '<', '>', quotes),
 * the descriptors dup, dup2 and fcntl(F_DUPFD_CLOEXEC) return, a directory as
 * openat's dirfd, AT_FDCWD (the working directory), a file unlinked while open
 * ("(deleted)"), a pipe, /dev/null (a device: -yy adds its numbers), poll's array,
 * select's sets, an epoll descriptor, sockets (with the argument "nosock" none, with
 * "inet" only TCP and UDP ones: -yy shows a UNIX socket's peer, which sctrace cannot
 * know), and descriptors that name nothing.  Compared with strace by
 * tests/e2e/scenarios/decode-fds.sh. */
#include <poll.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/un.h>
#include "e2e.h"

/* TCP and UDP on the loopback: a listening socket, a connected pair, a bound and a
 * connected UDP socket, an unbound one (-yy: TCP:[127.0.0.1:N->127.0.0.1:M] ...); a
 * bound UNIX datagram socket that has no peer (UNIX:[N,"fd-us"]) */
static void inet(void)
{
	struct sockaddr_un un = { .sun_family = AF_UNIX, .sun_path = "fd-us" };
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr = { htonl(0x7f000001) } };
	socklen_t al = sizeof(a);
	int x, l, c, s, u, v;

	CHECK((x = socket(AF_UNIX, SOCK_DGRAM, 0)) >= 0);
	CHECK(bind(x, (struct sockaddr *)&un, sizeof(un)) == 0);
	CHECK_ERR(write(x, "", 0), ENOTCONN);
	CHECK(close(x) == 0);
	CHECK(unlink("fd-us") == 0);
	CHECK((l = socket(AF_INET, SOCK_STREAM, 0)) >= 0);
	CHECK(bind(l, (struct sockaddr *)&a, sizeof(a)) == 0);
	CHECK(listen(l, 1) == 0);
	CHECK(getsockname(l, (struct sockaddr *)&a, &al) == 0);
	CHECK((c = socket(AF_INET, SOCK_STREAM, 0)) >= 0);
	CHECK(connect(c, (struct sockaddr *)&a, sizeof(a)) == 0);
	CHECK((s = accept(l, NULL, NULL)) >= 0);
	CHECK(write(c, "t", 1) == 1);
	CHECK(read(s, &al, 1) == 1);
	CHECK(shutdown(s, SHUT_RDWR) == 0);
	CHECK((u = socket(AF_INET, SOCK_DGRAM, 0)) >= 0);
	CHECK_ERR(write(u, "", 0), EDESTADDRREQ);	/* unbound, until this write */
	a.sin_port = 0;
	CHECK((v = socket(AF_INET, SOCK_DGRAM, 0)) >= 0);
	CHECK(bind(v, (struct sockaddr *)&a, sizeof(a)) == 0);
	al = sizeof(a);
	CHECK(getsockname(v, (struct sockaddr *)&a, &al) == 0);
	CHECK(connect(u, (struct sockaddr *)&a, sizeof(a)) == 0);
	CHECK(write(u, "u", 1) == 1);
	CHECK(close(u) == 0);
	CHECK(close(v) == 0);
	CHECK(close(s) == 0);
	CHECK(close(c) == 0);
	CHECK(close(l) == 0);
}

int main(int argc, char **argv)
{
	static const char odd[] = "fd<odd>:\nname \"q\" \\";
	int nosock = argc > 1, fd, d, p[2], hi, dir, g, nul;
	int inet_only = argc > 1 && !strcmp(argv[1], "inet");
	char buf[4];
	struct stat st;
	void *m;

	E2E_BEGIN();
	CHECK((fd = open(odd, O_RDWR | O_CREAT | O_TRUNC, 0600)) >= 0);
	CHECK(write(fd, "abc", 3) == 3);
	CHECK(pread(fd, buf, 3, 0) == 3);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK(fstat(fd, &st) == 0);
	CHECK((d = dup(fd)) >= 0);
	CHECK(pipe(p) == 0);
	CHECK(dup2(p[0], d) == d);		/* newfd shows the file it was before */
	CHECK((hi = fcntl(fd, F_DUPFD_CLOEXEC, 20)) >= 20);
	CHECK((dir = open(".", O_RDONLY | O_DIRECTORY)) >= 0);
	CHECK((g = openat(dir, "plain-file", O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
	CHECK(unlinkat(dir, "plain-file", 0) == 0);
	CHECK(write(g, "x", 1) == 1);		/* plain-file>(deleted) */
	CHECK((m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0)) != MAP_FAILED);
	CHECK(munmap(m, 4096) == 0);
	CHECK((nul = open("/dev/null", O_WRONLY)) >= 0);
	CHECK(write(nul, "z", 1) == 1);
	CHECK(write(p[1], "y", 1) == 1);
	{
		/* the descriptors inside poll's array and select's sets; epoll's own */
		struct pollfd pf[3] = { { nul, POLLOUT, 0 }, { -1, 0, 0 }, { d, POLLIN, 0 } };
		struct timeval tv = { 0, 0 };
		struct epoll_event ev = { EPOLLIN, { .u64 = 7 } };
		fd_set rs;
		int ep;
		FD_ZERO(&rs);
		FD_SET(d, &rs);
		FD_SET(nul, &rs);
		CHECK(poll(pf, 3, 0) == 2);
		CHECK(select(nul + 1, &rs, NULL, NULL, &tv) == 2);
		CHECK((ep = epoll_create1(EPOLL_CLOEXEC)) >= 0);
		CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, d, &ev) == 0);
		CHECK(epoll_wait(ep, &ev, 1, 0) == 1);
		CHECK(close(ep) == 0);
	}
	CHECK(read(d, buf, 1) == 1);
	if (inet_only)
		inet();
	if (!nosock) {
		int sv[2], s;
		CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
		CHECK(write(sv[0], "s", 1) == 1);
		CHECK((s = socket(AF_INET, SOCK_DGRAM, 0)) >= 0);
		CHECK(close(s) == 0);
		CHECK(close(sv[0]) == 0);
		CHECK(close(sv[1]) == 0);
	}
	CHECK_ERR(close(99), EBADF);
	CHECK_ERR(write(77, "n", 1), EBADF);
	CHECK(close(hi) == 0);
	CHECK(close(nul) == 0);
	CHECK(close(g) == 0);
	CHECK(close(dir) == 0);
	CHECK(close(d) == 0);
	CHECK(close(p[0]) == 0);
	CHECK(close(p[1]) == 0);
	CHECK(close(fd) == 0);
	CHECK(unlink(odd) == 0);
	E2E_END();
	return 0;
}
