/* Files and descriptors: every call works on a private directory "e2e-files.d"
 * under the current directory and checks its own effect. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "e2e.h"

#define DIR_NAME "e2e-files.d"

int main(void)
{
	char buf[256], cwd[4096];
	struct stat st;
	struct statx stx;
	struct iovec iov[2];
	int fd, fd2, dfd, top;
	ssize_t n;
	mode_t old;

	e2e_fresh_dir(DIR_NAME);
	top = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(top >= 0);

	E2E_BEGIN_N(0);
	/* create, write, read back */
	fd = openat(AT_FDCWD, DIR_NAME "/a", O_RDWR | O_CREAT | O_EXCL, 0640);
	CHECK(fd >= 0);
	CHECK(write(fd, "hello, world\n", 13) == 13);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK(read(fd, buf, sizeof buf) == 13 && memcmp(buf, "hello, world\n", 13) == 0);
	CHECK(read(fd, buf, sizeof buf) == 0);
	CHECK(pwrite(fd, "HELLO", 5, 0) == 5);
	CHECK(pread(fd, buf, 5, 7) == 5 && memcmp(buf, "world", 5) == 0);
	CHECK(lseek(fd, -6, SEEK_END) == 7);
	CHECK(lseek(fd, 2, SEEK_CUR) == 9);
	iov[0].iov_base = "ab";
	iov[0].iov_len = 2;
	iov[1].iov_base = "cde";
	iov[1].iov_len = 3;
	CHECK(lseek(fd, 0, SEEK_END) == 13);
	CHECK(writev(fd, iov, 2) == 5);
	CHECK(lseek(fd, 13, SEEK_SET) == 13);
	{
		char x[2], y[8];
		struct iovec in[2] = { { x, sizeof x }, { y, sizeof y } };
		CHECK(readv(fd, in, 2) == 5 && memcmp(x, "ab", 2) == 0 && memcmp(y, "cde", 3) == 0);
	}
	CHECK(fsync(fd) == 0);
	CHECK(fdatasync(fd) == 0);
	CHECK(ftruncate(fd, 12) == 0);
	CHECK(fstat(fd, &st) == 0 && st.st_size == 12 && (st.st_mode & 07777) == 0640);

	/* descriptors */
	fd2 = dup(fd);
	CHECK(fd2 == fd + 1);
	CHECK(dup2(fd, 10) == 10);
	CHECK(dup3(fd, 11, O_CLOEXEC) == 11);
	CHECK(fcntl(11, F_GETFD) == FD_CLOEXEC);
	CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
	CHECK((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
	CHECK(fcntl(fd, F_SETFL, O_APPEND) == 0);
	CHECK(fcntl(fd, F_DUPFD, 20) == 20);
	CHECK(fcntl(fd, F_DUPFD_CLOEXEC, 30) == 30);
	CHECK(close(30) == 0 && close(20) == 0 && close(11) == 0 && close(10) == 0);
	CHECK(close(fd2) == 0);
	CHECK(close(fd) == 0);
	E2E_END_N(0);

	E2E_BEGIN_N(1);
	/* old-style entry points and metadata */
	fd = open(DIR_NAME "/b", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "0123456789", 10) == 10);
	CHECK(close(fd) == 0);
	fd = creat(DIR_NAME "/c", 0644);
	CHECK(fd >= 0);
	CHECK(close(fd) == 0);
	fd = open(DIR_NAME "/b", O_RDONLY);
	CHECK(fd >= 0);
	CHECK(truncate(DIR_NAME "/b", 4) == 0);
	CHECK(stat(DIR_NAME "/b", &st) == 0 && st.st_size == 4);
	CHECK(symlink("b", DIR_NAME "/l") == 0);
	CHECK(lstat(DIR_NAME "/l", &st) == 0 && S_ISLNK(st.st_mode));
	CHECK(fstatat(AT_FDCWD, DIR_NAME "/l", &st, 0) == 0 && S_ISREG(st.st_mode));
	CHECK(fstatat(AT_FDCWD, DIR_NAME "/l", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode));
	CHECK(statx(AT_FDCWD, DIR_NAME "/b", 0, STATX_BASIC_STATS, &stx) == 0 && stx.stx_size == 4);
	CHECK(statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &stx) == 0 && stx.stx_size == 4);
	CHECK(access(DIR_NAME "/b", R_OK | W_OK) == 0);
	CHECK(access(DIR_NAME "/b", F_OK) == 0);
	CHECK(faccessat(AT_FDCWD, DIR_NAME "/c", X_OK, 0) == -1);
	CHECK(faccessat(AT_FDCWD, DIR_NAME "/l", F_OK, AT_SYMLINK_NOFOLLOW) == 0);
	n = readlink(DIR_NAME "/l", buf, sizeof buf);
	CHECK(n == 1 && buf[0] == 'b');
	CHECK(link(DIR_NAME "/b", DIR_NAME "/h") == 0);
	CHECK(stat(DIR_NAME "/h", &st) == 0 && st.st_nlink == 2);
	CHECK(chmod(DIR_NAME "/b", 0604) == 0);
	CHECK(fchmod(fd, 0600) == 0);
	CHECK(fchmodat(AT_FDCWD, DIR_NAME "/c", 0755, 0) == 0);
	CHECK(stat(DIR_NAME "/c", &st) == 0 && (st.st_mode & 07777) == 0755);
	CHECK(chown(DIR_NAME "/b", getuid(), getgid()) == 0);
	CHECK(fchown(fd, -1, -1) == 0);
	old = umask(027);
	CHECK(umask(old) == 027);
	CHECK(close(fd) == 0);
	E2E_END_N(1);

	E2E_BEGIN_N(2);
	/* directories, renames, *at calls */
	CHECK(mkdir(DIR_NAME "/d", 0755) == 0);
	dfd = open(DIR_NAME "/d", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	CHECK(dfd >= 0);
	CHECK(mkdirat(dfd, "e", 0700) == 0);
	fd = openat(dfd, "f", O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	CHECK(fd >= 0);
	CHECK(close(fd) == 0);
	CHECK(symlinkat("f", dfd, "g") == 0);
	n = readlinkat(dfd, "g", buf, sizeof buf);
	CHECK(n == 1 && buf[0] == 'f');
	CHECK(rename(DIR_NAME "/c", DIR_NAME "/d/c") == 0);
	CHECK(renameat(dfd, "c", dfd, "c2") == 0);
	CHECK(renameat2(dfd, "c2", dfd, "f", RENAME_NOREPLACE) == -1 && errno == EEXIST);
	CHECK(renameat2(dfd, "c2", dfd, "f", RENAME_EXCHANGE) == 0);
	CHECK(fstatat(dfd, "f", &st, 0) == 0 && (st.st_mode & 07777) == 0755);
	CHECK(chdir(DIR_NAME "/d") == 0);
	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	CHECK(strlen(cwd) > 14 && strcmp(cwd + strlen(cwd) - 14, "/" DIR_NAME "/d") == 0);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0);
	{
		char dents[4096];
		long got, total = 0;
		while ((got = getdents64(fd, dents, sizeof dents)) > 0)
			total += got;
		CHECK(got == 0 && total > 0);
	}
	CHECK(close(fd) == 0);
	CHECK(unlink("g") == 0);
	CHECK(unlinkat(dfd, "f", 0) == 0);
	CHECK(unlinkat(dfd, "c2", 0) == 0);
	CHECK(unlinkat(dfd, "e", AT_REMOVEDIR) == 0);
	CHECK(fchdir(top) == 0);
	CHECK(close(dfd) == 0);
	CHECK(rmdir(DIR_NAME "/d") == 0);
	CHECK(unlink(DIR_NAME "/h") == 0);
	CHECK(access(DIR_NAME "/d", F_OK) == -1 && errno == ENOENT);
	E2E_END_N(2);

	e2e_rmtree_at(AT_FDCWD, DIR_NAME);
	printf("files: ok\n");
	return 0;
}
