/* Session directory lifetime.  Removal must work from a signal handler, so it uses
 * getdents64 on a fixed buffer instead of opendir/readdir.  After creation the name
 * is never used again by the runner: the parent and the session are held open and
 * everything goes through *at() calls on them. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
static const char *session_name;	/* the last component of session_path */
static int parent_fd = -1, session_fd = -1;
static dev_t session_dev;
static ino_t session_ino;
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

/* A directory in which no one but root and us can rename or remove entries. */
static int unsafe(const struct stat *st, const char *path, char *err, size_t errlen)
{
	if (st->st_uid != 0 && st->st_uid != geteuid()) {
		snprintf(err, errlen, "'%s' is owned by another user (uid %u)", path,
			 (unsigned)st->st_uid);
		return 1;
	}
	if ((st->st_mode & (S_IWGRP | S_IWOTH)) && !(st->st_mode & S_ISVTX)) {
		snprintf(err, errlen, "'%s' is writable by others without the sticky bit", path);
		return 1;
	}
	return 0;
}

int sct_session_parent(const char *dir, char *err, size_t errlen)
{
	char real[PATH_MAX], part[PATH_MAX], comp[NAME_MAX + 1];
	struct stat st;
	size_t at = 0;
	int fd;

	if (!realpath(dir, real)) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	/* walk down from the root without following anything, checking each step */
	fd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	snprintf(part, sizeof(part), "/");
	for (;;) {
		const char *name = real + at;
		size_t len;
		int next;

		if (fd < 0 || fstat(fd, &st) < 0) {
			snprintf(err, errlen, "'%s': %s", part, strerror(errno));
			break;
		}
		if (unsafe(&st, part, err, errlen))
			break;
		while (*name == '/')
			name++;
		if (!*name)
			return fd;
		len = strcspn(name, "/");
		at = (size_t)(name - real) + len;
		snprintf(part, sizeof(part), "%.*s", (int)at, real);
		snprintf(comp, sizeof(comp), "%.*s", (int)len, name);
		next = openat(fd, comp, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		fd = next;
	}
	if (fd >= 0)
		close(fd);
	return -1;
}

int sct_session_fd(void)
{
	return session_live ? session_fd : -1;
}

void sct_session_remove(void)
{
	char buf[4096] __attribute__((aligned(8)));
	int fd = session_fd, again = 1;
	struct stat st;
	long n;

	if (!session_live)
		return;
	session_live = 0;
	/* unlinking while reading a directory may skip entries: read until none left */
	while (again) {
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
	/* the name is removed only while it is still our directory */
	if (fstatat(parent_fd, session_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISDIR(st.st_mode) && st.st_dev == session_dev && st.st_ino == session_ino)
		unlinkat(parent_fd, session_name, AT_REMOVEDIR);
	close(session_fd);
	close(parent_fd);
	session_fd = parent_fd = -1;
}

static void on_crash(int sig)
{
	sct_session_remove();
	signal(sig, SIG_DFL);
	raise(sig);
}

const char *sct_session_create(char *err, size_t errlen)
{
	static const int crash[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGSYS };
	const char *base = sct_session_base();
	char why[PATH_MAX + 64], real[PATH_MAX];
	struct sigaction sa;
	struct stat st;
	int n, pfd, sfd;

	pfd = sct_session_parent(base, why, sizeof(why));
	if (pfd < 0) {
		snprintf(err, errlen, "cannot create a session directory in '%s': %s", base, why);
		return NULL;
	}
	/* the path as checked: symlinks above it are resolved once, here */
	if (!realpath(base, real))
		goto fail;
	n = snprintf(session_path, sizeof(session_path), "%s/sctrace-XXXXXX",
		     strcmp(real, "/") ? real : "");
	if (n < 0 || (size_t)n >= sizeof(session_path)) {
		errno = ENAMETOOLONG;
		goto fail;
	}
	if (!mkdtemp(session_path))	/* mode 0700 */
		goto fail;
	session_name = strrchr(session_path, '/') + 1;
	sfd = openat(pfd, session_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (sfd < 0 || fstat(sfd, &st) < 0 || st.st_uid != geteuid() || (st.st_mode & 0077)) {
		/* not the directory mkdtemp made: leave whatever it is alone */
		if (sfd >= 0)
			close(sfd);
		errno = EEXIST;
		goto fail;
	}
	parent_fd = pfd;
	session_fd = sfd;
	session_dev = st.st_dev;
	session_ino = st.st_ino;
	session_live = 1;
	atexit(sct_session_remove);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(crash) / sizeof(crash[0]); i++) {
		struct sigaction old;

		/* one we were given ignored stays so: the command inherits it (strace) */
		if (sigaction(crash[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(crash[i], &sa, NULL);
	}
	return session_path;
fail:
	snprintf(err, errlen, "cannot create a session directory in '%s': %s", base, strerror(errno));
	close(pfd);
	return NULL;
}
