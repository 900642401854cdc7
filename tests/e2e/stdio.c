/* stdio and dirent functions whose system calls sctrace states exactly: fopen,
 * freopen, fdopen, fclose, opendir, fdopendir, closedir.  stdio's buffers are never
 * flushed inside the window (no data is written), so every call there is visible. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include "e2e.h"

#define DIR_NAME "e2e-stdio.d"

int main(void)
{
	FILE *f, *g;
	DIR *d;
	int fd;

	e2e_fresh_dir(DIR_NAME);
	/* malloc's first use (brk, getrandom) and opendir's buffer size happen outside
	 * the window */
	f = fopen("/dev/null", "r");
	CHECK(f != NULL);
	fclose(f);
	d = opendir(".");
	CHECK(d != NULL && readdir(d) != NULL);
	closedir(d);

	E2E_BEGIN_N(0);
	f = fopen(DIR_NAME "/w", "w");
	CHECK(f != NULL);
	g = fopen(DIR_NAME "/a", "a+e");
	CHECK(g != NULL);
	CHECK(fclose(g) == 0);
	f = freopen(DIR_NAME "/a", "r", f);
	CHECK(f != NULL);
	CHECK(fclose(f) == 0);
	CHECK(fopen(DIR_NAME "/missing", "r") == NULL && errno == ENOENT);
	fd = open(DIR_NAME "/w", O_RDWR);
	CHECK(fd >= 0);
	f = fdopen(fd, "r+");
	CHECK(f != NULL);
	CHECK(fclose(f) == 0);
	d = opendir(DIR_NAME);
	CHECK(d != NULL);
	CHECK(readdir(d) != NULL);	/* ., .., w, a: one getdents64 fills the buffer */
	while (readdir(d))		/* the last call finds the end: getdents64 = 0 */
		;
	CHECK(closedir(d) == 0);
	CHECK(opendir(DIR_NAME "/missing") == NULL && errno == ENOENT);
	fd = open(DIR_NAME, O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0);
	d = fdopendir(fd);
	CHECK(d != NULL);
	CHECK(closedir(d) == 0);
	E2E_END_N(0);

	e2e_rmtree_at(AT_FDCWD, DIR_NAME);
	printf("stdio: ok\n");
	return 0;
}
