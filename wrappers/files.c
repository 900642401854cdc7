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
	t1 = sct_now();
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
