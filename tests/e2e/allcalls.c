/* Calls whose libc functions sctrace wraps since every system call got its line:
 * statfs, fstatfs, getrandom, utimensat/futimens, uname, sysinfo, the xattr getters,
 * the rlimit calls (prlimit64 in the kernel) and posix_fadvise.  run.sh compares the
 * window with strace line for line. */
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/xattr.h>
#include "e2e.h"

int main(void)
{
	struct statfs sfs;
	struct utsname u;
	struct rlimit rl;
	struct timespec ts[2] = { { 5, 0 }, { 0, UTIME_OMIT } };
	char buf[64];
	int fd;

	fd = open("allcalls.tmp", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 1;
	E2E_BEGIN();
	statfs("/nonexistent", &sfs);
	fstatfs(-1, &sfs);
	getrandom(buf, 0, GRND_NONBLOCK);
	utimensat(AT_FDCWD, "allcalls.tmp", ts, 0);
	utimensat(AT_FDCWD, "/nonexistent", NULL, AT_SYMLINK_NOFOLLOW);
	futimens(fd, NULL);
	uname(&u);
	getxattr("/nonexistent", "user.x", buf, sizeof(buf));
	lgetxattr("/nonexistent", "user.x", NULL, 0);
	fgetxattr(-1, "user.x", buf, sizeof(buf));
	getrlimit(RLIMIT_NOFILE, &rl);
	prlimit(0, RLIMIT_CORE, NULL, &rl);
	setrlimit(RLIMIT_CORE, &rl);
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	posix_fadvise(-1, 0, 0, POSIX_FADV_DONTNEED);
	E2E_END();
	close(fd);
	unlink("allcalls.tmp");
	return 0;
}
