/* -e read=/-e write= hex dumps (tests/e2e/scenarios/hexdump.sh): every call strace
 * dumps, on descriptors 7..11 (a pipe, a file, a socket pair), with data longer than
 * -s, empty and partly filled buffers, failed calls and unreadable memory; and
 * iovec arrays that run into unreadable memory (strace's "... / * 0xADDR * /" tail,
 * where sctrace once invented {iov_base=NULL, iov_len=0} elements).
 * "hexdump big": one write and one read of 40,000 bytes, past what one record
 * carries. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include "e2e.h"

#define BIG 40000

/* Move n descriptors to first, first+1, ...: all of them above the targets first, so
 * that none is closed by a dup2 onto a target it happens to occupy (a socket pair
 * returned as {6, 10}, say, which a clean environment gives). */
static void place(int *fds, int first, int n)
{
	for (int i = 0; i < n; i++) {
		int high = fcntl(fds[i], F_DUPFD, 64);
		CHECK(high >= 64 && close(fds[i]) == 0);
		fds[i] = high;
	}
	for (int i = 0; i < n; i++)
		CHECK(dup2(fds[i], first + i) == first + i && close(fds[i]) == 0);
}

static void big(void)
{
	static char buf[BIG], back[BIG];
	int p[2];

	for (int i = 0; i < BIG; i++)
		buf[i] = (char)(i * 7);
	CHECK(pipe(p) == 0);
	place(p, 7, 2);
	CHECK(fcntl(8, F_SETPIPE_SZ, 65536) >= BIG);
	CHECK(write(8, buf, BIG) == BIG);
	CHECK(read(7, back, BIG) == BIG);
}

int main(int argc, char **argv)
{
	static const char text[] = "hello world, this is 0123456789abcdef\001\377";
	char buf[4096], a[4], b[10], *bad;
	int p[2], s[2], fd;

	if (argc > 1 && !strcmp(argv[1], "big")) {
		big();
		return 0;
	}
	bad = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(bad != MAP_FAILED);
	CHECK(pipe(p) == 0);
	fd = open("e2e-hexdump.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(unlink("e2e-hexdump.tmp") == 0);
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, s) == 0);
	int all[5] = { p[0], p[1], fd, s[0], s[1] };
	place(all, 7, 5);

	/* plain buffers: more than -s, non-printable bytes, several lines */
	CHECK(write(8, text, sizeof(text) - 1) == sizeof(text) - 1);
	CHECK(read(7, buf, sizeof(buf)) == sizeof(text) - 1);
	for (int i = 0; i < 3000; i++)
		buf[i] = (char)(i * 13);
	CHECK(write(8, buf, 3000) == 3000);
	CHECK(read(7, buf, sizeof(buf)) == 3000);

	/* iovecs: strace stops at the first empty buffer of a write, and shows of a read
	 * only the bytes returned, buffer by buffer */
	struct iovec wv[3] = { { "abc", 3 }, { "", 0 }, { "de", 2 } };
	CHECK(writev(8, wv, 3) == 5);
	struct iovec rv[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	CHECK(readv(7, rv, 2) == 5);

	/* positioned calls on a file */
	CHECK(pwrite(9, "xyz0123456789", 13, 0) == 13);
	CHECK(pread(9, buf, sizeof(buf), 0) == 13);
	struct iovec fv[2] = { { "first ", 6 }, { "second", 6 } };
	CHECK(pwritev(9, fv, 2, 13) == 12);
	struct iovec gv[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	CHECK(preadv(9, gv, 2, 10) == 14);

	/* sockets */
	CHECK(sendto(10, "ping", 4, 0, NULL, 0) == 4);
	CHECK(recvfrom(11, buf, sizeof(buf), 0, NULL, NULL) == 4);
	struct iovec mv[2] = { { "pong", 4 }, { "\n\t\"", 3 } };
	struct msghdr mh = { .msg_iov = mv, .msg_iovlen = 2 };
	CHECK(sendmsg(10, &mh, 0) == 7);
	struct iovec nv[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct msghdr nh = { .msg_iov = nv, .msg_iovlen = 2 };
	CHECK(recvmsg(11, &nh, 0) == 7);

	/* failures: a write is dumped all the same, a read is not; memory that cannot be
	 * read is not dumped at all */
	CHECK(write(7, "nope", 4) == -1);
	CHECK(read(8, buf, 4) == -1);
	CHECK(write(8, bad, 5) == -1);
	struct iovec xv[2] = { { "ok", 2 }, { bad, 3 } };
	(void)writev(8, xv, 2);	/* the kernel takes "ok" and stops at the fault */
	CHECK(writev(8, (struct iovec *)bad, 1) == -1);
	/* iovec arrays that run into unreadable memory: the elements read, then
	 * "... / * 0xADDR * /"; none readable: the array's address */
	char *two = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(two != MAP_FAILED && mprotect(two + 4096, 4096, PROT_NONE) == 0);
	struct iovec *edge = (struct iovec *)(two + 4096) - 1;
	edge->iov_base = "ok";
	edge->iov_len = 2;
	CHECK(writev(8, edge, 3) == -1);
	struct msghdr eh = { .msg_iov = edge, .msg_iovlen = 2 };
	CHECK(sendmsg(10, &eh, 0) == -1);
	struct msghdr bh = { .msg_iov = (struct iovec *)bad, .msg_iovlen = 2 };
	CHECK(sendmsg(10, &bh, 0) == -1);
	/* a descriptor in neither set */
	CHECK(write(11, "quiet", 5) == 5);
	return 0;
}
