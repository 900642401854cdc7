/* Calls that move data between descriptors or at an offset: sendfile, copy_file_range,
 * splice, preadv, pwritev; and epoll_create. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include "e2e.h"

#define DIR_NAME "e2e-copy.d"

int main(void)
{
	char a[4], b[8];
	struct iovec v[2] = { { a, sizeof a }, { b, sizeof b } };
	off_t off;
	loff_t lo;
	int src, dst, p[2], ep;

	e2e_fresh_dir(DIR_NAME);
	E2E_BEGIN_N(0);
	src = open(DIR_NAME "/src", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(src >= 0);
	dst = open(DIR_NAME "/dst", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(dst >= 0);
	CHECK(write(src, "0123456789", 10) == 10);
	off = 2;
	CHECK(sendfile(dst, src, &off, 3) == 3 && off == 5);
	CHECK(lseek(src, 0, SEEK_SET) == 0);
	CHECK(sendfile(dst, src, NULL, 4) == 4);
	lo = 1;
	CHECK(copy_file_range(src, &lo, dst, NULL, 2, 0) == 2 && lo == 3);
	CHECK(copy_file_range(src, NULL, dst, NULL, 100, 0) == 6);
	CHECK(pipe(p) == 0);
	lo = 0;
	CHECK(splice(src, &lo, p[1], NULL, 4, 0) == 4);
	CHECK(splice(p[0], NULL, dst, NULL, 4, 0) == 4);
	CHECK(preadv(src, v, 2, 1) == 9);
	CHECK(pwritev(dst, v, 2, 0) == 12);
	CHECK(preadv(-1, v, 2, 0) == -1 && errno == EBADF);
	ep = epoll_create(4);
	CHECK(ep >= 0);
	CHECK(close(ep) == 0);
	CHECK(close(src) == 0 && close(dst) == 0 && close(p[0]) == 0 && close(p[1]) == 0);
	E2E_END_N(0);

	e2e_rmtree_at(AT_FDCWD, DIR_NAME);
	printf("copy: ok\n");
	return 0;
}
