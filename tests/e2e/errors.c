/* Failing calls: each must fail with the expected errno, and be printed with it.
 * No call is given a bad pointer (EFAULT output depends on addresses).  Runs as any
 * user: EACCES comes from executing a file without execute permission, which fails
 * for root too. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "e2e.h"

#define DIR_NAME "e2e-errors.d"

extern char **environ;

int main(void)
{
	char buf[16];
	char *args[] = { DIR_NAME "/noexec", NULL };
	struct stat st;
	int fd, p[2];

	e2e_fresh_dir(DIR_NAME);

	E2E_BEGIN_N(0);
	CHECK_ERR(open(DIR_NAME "/missing", O_RDONLY), ENOENT);
	CHECK_ERR(openat(AT_FDCWD, DIR_NAME "/missing/x", O_RDONLY | O_CLOEXEC), ENOENT);
	CHECK_ERR(stat(DIR_NAME "/missing", &st), ENOENT);
	CHECK_ERR(lstat(DIR_NAME "/missing", &st), ENOENT);
	CHECK_ERR(access(DIR_NAME "/missing", F_OK), ENOENT);
	CHECK_ERR(unlink(DIR_NAME "/missing"), ENOENT);
	CHECK_ERR(rename(DIR_NAME "/missing", DIR_NAME "/other"), ENOENT);
	CHECK_ERR(chdir(DIR_NAME "/missing"), ENOENT);
	CHECK_ERR(readlink(DIR_NAME "/missing", buf, sizeof buf), ENOENT);
	CHECK_ERR(rmdir(DIR_NAME "/missing"), ENOENT);
	CHECK_ERR(execve(DIR_NAME "/missing", args, environ), ENOENT);

	CHECK_ERR(close(1000), EBADF);
	CHECK_ERR(read(1000, buf, sizeof buf), EBADF);
	CHECK_ERR(write(1000, "x", 1), EBADF);
	CHECK_ERR(fstat(1000, &st), EBADF);
	CHECK_ERR(dup(1000), EBADF);
	CHECK_ERR(dup2(1000, 5), EBADF);
	CHECK_ERR(lseek(1000, 0, SEEK_SET), EBADF);
	CHECK_ERR(fsync(1000), EBADF);
	CHECK_ERR(fcntl(1000, F_GETFL), EBADF);
	CHECK_ERR(ftruncate(1000, 0), EBADF);

	fd = open(DIR_NAME "/noexec", O_WRONLY | O_CREAT | O_EXCL, 0644);
	CHECK(fd >= 0);
	CHECK_ERR(open(DIR_NAME "/noexec", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	CHECK_ERR(mkdir(DIR_NAME, 0755), EEXIST);
	CHECK_ERR(link(DIR_NAME "/noexec", DIR_NAME "/noexec"), EEXIST);
	CHECK_ERR(symlink("x", DIR_NAME "/noexec"), EEXIST);
	CHECK_ERR(read(fd, buf, sizeof buf), EBADF);
	CHECK(close(fd) == 0);
	CHECK_ERR(execve(DIR_NAME "/noexec", args, environ), EACCES);
	CHECK_ERR(open(DIR_NAME "/noexec/x", O_RDONLY), ENOTDIR);
	CHECK_ERR(mkdir(DIR_NAME "/noexec/d", 0755), ENOTDIR);
	CHECK_ERR(rmdir(DIR_NAME), ENOTEMPTY);
	CHECK_ERR(open(DIR_NAME, O_WRONLY), EISDIR);
	CHECK_ERR(unlink(DIR_NAME "/.."), EISDIR);
	CHECK_ERR(rmdir(DIR_NAME "/noexec"), ENOTDIR);
	CHECK(unlink(DIR_NAME "/noexec") == 0);
	E2E_END_N(0);

	E2E_BEGIN_N(1);
	CHECK(pipe(p) == 0);
	CHECK_ERR(lseek(p[0], 0, SEEK_CUR), ESPIPE);
	CHECK_ERR(write(p[0], "x", 1), EBADF);
	CHECK(close(p[0]) == 0);
	CHECK(close(p[1]) == 0);
	/* EPIPE without SIGPIPE: a signal delivery would show in strace only */
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, p) == 0);
	CHECK(shutdown(p[0], SHUT_WR) == 0);
	CHECK_ERR(send(p[0], "x", 1, MSG_NOSIGNAL), EPIPE);
	CHECK(close(p[0]) == 0 && close(p[1]) == 0);
	CHECK_ERR(lseek(0, 0, 99), EINVAL);
	CHECK_ERR(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
	CHECK_ERR(munmap((void *)1, 4096), EINVAL);
	CHECK_ERR(socket(AF_INET, 99, 0), EINVAL);
	CHECK_ERR(kill(getpid(), 999), EINVAL);
	CHECK_ERR(kill(0x7ffffff0, 0), ESRCH);
	CHECK_ERR(wait(NULL), ECHILD);
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD);
	CHECK_ERR(dup3(0, 0, 0), EINVAL);
	CHECK_ERR(pipe2(p, O_CREAT), EINVAL);
	CHECK_ERR(accept(0, NULL, NULL), ENOTSOCK);
	CHECK_ERR(socket(9999, SOCK_STREAM, 0), EAFNOSUPPORT);
	E2E_END_N(1);

	e2e_rmtree_at(AT_FDCWD, DIR_NAME);
	printf("errors: ok\n");
	return 0;
}
