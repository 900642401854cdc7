/* Session directory lifetime.  Removal must work from a signal handler, so it uses
 * getdents64 on a fixed buffer instead of opendir/readdir. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "sessdir.h"

static char session_path[4096];
static volatile sig_atomic_t session_live;

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static int usable_dir(const char *p)
{
	struct stat st;

	return p && *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode) && access(p, W_OK | X_OK) == 0;
}

static char fallback_note[256];

/* Room for the rings of a busy program: a Docker-sized /dev/shm (64 MiB) full of
 * other things should not leave traced threads unable to create theirs. */
#define SHM_MIN_FREE (32ull << 20)

static int enough_room(const char *p)
{
	struct statvfs v;

	return statvfs(p, &v) == 0 && (unsigned long long)v.f_bavail * v.f_frsize >= SHM_MIN_FREE;
}

/* SCTRACE_DIR if set, else /dev/shm (memory: the rings' natural home) when writable
 * with room to spare, else $TMPDIR, else /tmp; a fall-back leaves a note saying why. */
const char *sct_session_base(void)
{
	const char *want = getenv("SCTRACE_DIR"), *t = getenv("TMPDIR"), *why = NULL;

	fallback_note[0] = 0;
	if (!want || !*want)
		want = "/dev/shm";
	if (!usable_dir(want))
		why = "is not a writable directory";
	else if (!enough_room(want))
		why = "has less than 32 MiB free";
	else
		return want;
	t = usable_dir(t) ? t : "/tmp";
	snprintf(fallback_note, sizeof(fallback_note), "%s %s: session in %s", want, why, t);
	return t;
}

const char *sct_session_note(void)
{
	return fallback_note[0] ? fallback_note : NULL;
}

void sct_session_remove(void)
{
	char buf[4096] __attribute__((aligned(8)));
	int fd, again = 1;
	long n;

	if (!session_live)
		return;
	session_live = 0;
	fd = open(session_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* unlinking while reading a directory may skip entries: read until none left */
	while (fd >= 0 && again) {
		again = 0;
		lseek(fd, 0, SEEK_SET);
		while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
			for (long off = 0; off < n;) {
				struct linux_dirent64 *e = (struct linux_dirent64 *)(buf + off);
				const char *s = e->d_name;
				off += e->d_reclen;
				if (s[0] == '.' && (!s[1] || (s[1] == '.' && !s[2])))
					continue;
				if (unlinkat(fd, s, 0) == 0)
					again = 1;
			}
		}
	}
	if (fd >= 0)
		close(fd);
	rmdir(session_path);
}

static void on_crash(int sig)
{
	sct_session_remove();
	signal(sig, SIG_DFL);
	raise(sig);
}

const char *sct_session_create(void)
{
	static const int crash[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGSYS };
	struct sigaction sa;
	int n;

	n = snprintf(session_path, sizeof(session_path), "%s/sctrace-XXXXXX", sct_session_base());
	if (n < 0 || (size_t)n >= sizeof(session_path)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if (!mkdtemp(session_path))	/* mode 0700 */
		return NULL;
	session_live = 1;
	atexit(sct_session_remove);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(crash) / sizeof(crash[0]); i++)
		sigaction(crash[i], &sa, NULL);
	return session_path;
}
