/* Memory mappings: anonymous and file-backed mmap, mprotect, madvise, mremap, munmap. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include "e2e.h"

#define DIR_NAME "e2e-memory.d"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *a, *b, *f;
	int fd;

	e2e_fresh_dir(DIR_NAME);

	E2E_BEGIN_N(0);
	a = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(a != MAP_FAILED);
	memset(a, 'x', 4 * pg);
	CHECK(mprotect(a, pg, PROT_READ) == 0);
	CHECK(mprotect(a + pg, pg, PROT_NONE) == 0);
	CHECK(madvise(a + 2 * pg, 2 * pg, MADV_DONTNEED) == 0);
	CHECK(a[2 * pg] == 0 && a[0] == 'x');
	CHECK(munmap(a, 4 * pg) == 0);

	a = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(a != MAP_FAILED);
	a[0] = 'y';
	b = mremap(a, pg, 16 * pg, MREMAP_MAYMOVE);
	CHECK(b != MAP_FAILED && b[0] == 'y');
	b = mremap(b, 16 * pg, 2 * pg, 0);
	CHECK(b != MAP_FAILED && b[0] == 'y');
	CHECK(madvise(b, 2 * pg, MADV_WILLNEED) == 0);
	CHECK(munmap(b, 2 * pg) == 0);

	fd = open(DIR_NAME "/m", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, pg) == 0);
	f = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(f != MAP_FAILED);
	memcpy(f, "mapped", 6);
	CHECK(munmap(f, pg) == 0);
	f = mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	CHECK(f != MAP_FAILED && memcmp(f, "mapped", 6) == 0);
	CHECK(munmap(f, pg) == 0);
	{
		char buf[8];
		CHECK(pread(fd, buf, 6, 0) == 6 && memcmp(buf, "mapped", 6) == 0);
	}
	CHECK(close(fd) == 0);
	CHECK(mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EBADF);
	E2E_END_N(0);

	e2e_rmtree_at(AT_FDCWD, DIR_NAME);
	printf("memory: ok\n");
	return 0;
}
