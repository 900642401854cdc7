/* File calls that are not one libc call to one system call. */
#include "hand.h"
#include "raw.h"

static DIR *(*real_opendir)(const char *);
static FILE *(*real_fdopen)(int, const char *);

/* opendir: openat(O_DIRECTORY...) then newfstatat(fd, "", AT_EMPTY_PATH) for the
 * buffer size; the stat is read again here with a raw call, which changes nothing. */
SCT_EXPORT DIR *opendir(const char *path)
{
	struct sct_thread *t = sct_begin(SCT_CALL_openat);
	uint64_t a[SCT_MAX_ARGS] = { (uint64_t)AT_FDCWD, (uintptr_t)path,
				     O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_DIRECTORY, 0 };
	uint64_t t0 = sct_now(), t1;
	DIR *d = SCT_REAL(opendir)(path);
	int e = errno, fd;
	struct stat st;

	if (!t)
		return d;
	t1 = sct_end(t0);
	fd = d ? dirfd(d) : -e;
	sct_done(t, SCT_CALL_openat, a, fd, t0, t1, NULL);
	if (d && (t = sct_begin(SCT_CALL_newfstatat))) {
		uint64_t b[SCT_MAX_ARGS] = { (uint64_t)fd, (uintptr_t)"", (uintptr_t)&st, AT_EMPTY_PATH };
		long r = sct_sys(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
		sct_done(t, SCT_CALL_newfstatat, b, r, t1, t1, NULL);
	}
	errno = e;
	return d;
}

/* fdopen asks fcntl(fd, F_GETFL); its answer is read again here. */
SCT_EXPORT FILE *fdopen(int fd, const char *mode)
{
	struct sct_thread *t = sct_begin(SCT_CALL_fcntl);
	uint64_t a[SCT_MAX_ARGS] = { (uint64_t)fd, F_GETFL, 0 };
	uint64_t t0 = sct_now();
	FILE *f = SCT_REAL(fdopen)(fd, mode);
	int e = errno;

	if (t && (f || e == EBADF))
		sct_done(t, SCT_CALL_fcntl, a, f ? sct_sys(SYS_fcntl, fd, F_GETFL) : -EBADF, t0,
			 sct_now(), NULL);
	errno = e;
	return f;
}

/* The open(2) flags fopen uses for a mode string. */
int sct_fopen_flags(const char *mode)
{
	int acc, flags;

	switch (mode[0]) {
	case 'r': acc = O_RDONLY; flags = 0; break;
	case 'w': acc = O_WRONLY; flags = O_CREAT | O_TRUNC; break;
	case 'a': acc = O_WRONLY; flags = O_CREAT | O_APPEND; break;
	default: return 0;
	}
	for (const char *m = mode + 1; *m && *m != ','; m++) {
		if (*m == '+')
			acc = O_RDWR;
		else if (*m == 'e')
			flags |= O_CLOEXEC;
		else if (*m == 'x')
			flags |= O_EXCL;
	}
	return acc | flags;
}

static FILE *(*real_freopen)(const char *, const char *, FILE *);
static DIR *(*real_fdopendir)(int);

/* One call that happened inside a libc function, recorded after the fact. */
static void replay(unsigned call, const uint64_t *a, int64_t ret, uint64_t t)
{
	sct_hand_done(sct_begin(call), call, a, ret, t, t);
}

/* freopen(path, mode, f): glibc opens the new file (lowest free descriptor), moves it
 * onto the stream's with dup3, and closes the temporary.  The temporary's number is
 * found beforehand by a raw F_DUPFD, which leaves nothing behind. */
SCT_EXPORT FILE *freopen(const char *path, const char *mode, FILE *f)
{
	int old = f ? fileno(f) : -1, flags = sct_fopen_flags(mode), tmp = -1;
	uint64_t t0 = sct_now();
	FILE *r;
	int e;

	if (path && old >= 0 && sct_begin(SCT_CALL_openat)) {
		tmp = (int)sct_sys(SYS_fcntl, old, F_DUPFD, 0);
		if (tmp >= 0)
			sct_sys(SYS_close, tmp);
	}
	r = SCT_REAL(freopen)(path, mode, f);
	e = errno;
	if (tmp >= 0) {
		uint64_t t1 = sct_end(t0);
		uint64_t o[SCT_MAX_ARGS] = { (uint64_t)AT_FDCWD, (uintptr_t)path, (uint64_t)flags, 0666 };
		uint64_t d[SCT_MAX_ARGS] = { (uint64_t)tmp, (uint64_t)old, (uint64_t)(flags & O_CLOEXEC) };
		uint64_t c[SCT_MAX_ARGS] = { (uint64_t)tmp };
		if (!r) {
			replay(SCT_CALL_openat, o, -e, t0);
		} else if (fileno(r) == old && tmp != old) {
			replay(SCT_CALL_openat, o, tmp, t0);
			replay(SCT_CALL_dup3, d, old, t1);
			replay(SCT_CALL_close, c, 0, t1);
		}
	}
	errno = e;
	return r;
}
SCT_ALIAS(freopen64, freopen);

/* fdopendir(fd): fstat (is it a directory?), F_GETFL (not write-only?), then
 * F_SETFD FD_CLOEXEC.  The answers are read again with raw calls. */
SCT_EXPORT DIR *fdopendir(int fd)
{
	uint64_t t0 = sct_now();
	DIR *d = SCT_REAL(fdopendir)(fd);
	int e = errno;
	struct stat st;

	if (sct_begin(SCT_CALL_newfstatat)) {
		uint64_t s[SCT_MAX_ARGS] = { (uint64_t)fd, (uintptr_t)"", (uintptr_t)&st, AT_EMPTY_PATH };
		long rs = sct_sys(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
		replay(SCT_CALL_newfstatat, s, d || e != EBADF ? rs : -EBADF, t0);
		if (d) {
			uint64_t g[SCT_MAX_ARGS] = { (uint64_t)fd, F_GETFL, 0 };
			uint64_t c[SCT_MAX_ARGS] = { (uint64_t)fd, F_SETFD, FD_CLOEXEC };
			replay(SCT_CALL_fcntl, g, sct_sys(SYS_fcntl, fd, F_GETFL), t0);
			replay(SCT_CALL_fcntl, c, 0, t0);
		}
	}
	errno = e;
	return d;
}
