/* Helpers for the end-to-end programs that tests/e2e/run.sh runs under strace and
 * under sctrace.
 *
 * A program marks the stretches of its trace that must be identical under both tools
 * ("windows") with failing close() calls, which both tracers print and nothing else
 * makes:
 *
 *   E2E_BEGIN_N(k)       close(-1000 - k)   opens window k of this process/thread
 *   E2E_END_N(k)         close(-2000 - k)   closes it
 *   E2E_BEGIN_EXEC_N(k)  close(-3000 - k)   opens window k, which starts with this
 *                                           image's own successful execve line
 *
 * k is unique in one run (0 <= k < 1000); run.sh prints the windows in order of k.
 * A successful execve/execveat inside a window ends that window (the new image's
 * loader is invisible to an LD_PRELOAD tracer by design).
 *
 * Inside a window use only direct libc system-call wrappers: stdio's own writes,
 * malloc's mmap/brk, pthread_create's clone3 and signal delivery are invisible to an
 * interposing tracer by design, so they stay out of windows.  The checks below use
 * no stdio either; on failure they report through a raw write and exit 1 (the
 * failing call then also shows in the trace). */
#ifndef E2E_H
#define E2E_H

#include <errno.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>

#define E2E_BEGIN_N(k)      ((void)close(-1000 - (k)))
#define E2E_END_N(k)        ((void)close(-2000 - (k)))
#define E2E_BEGIN_EXEC_N(k) ((void)close(-3000 - (k)))
#define E2E_BEGIN()         E2E_BEGIN_N(0)
#define E2E_END()           E2E_END_N(0)

/* Write a string to a descriptor without stdio (traced: it shows in windows). */
static inline void e2e_puts(int fd, const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static inline void e2e_utoa(char *buf, unsigned long v)
{
	char tmp[24];
	int i = 0, j = 0;

	do
		tmp[i++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (i > 0)
		buf[j++] = tmp[--i];
	buf[j] = '\0';
}

static inline void e2e_fail(const char *file, int line, const char *what, int err)
{
	char num[24];

	e2e_puts(2, "e2e: check failed: ");
	e2e_puts(2, file);
	e2e_puts(2, ":");
	e2e_utoa(num, (unsigned long)line);
	e2e_puts(2, num);
	e2e_puts(2, ": ");
	e2e_puts(2, what);
	e2e_puts(2, " (errno ");
	e2e_utoa(num, (unsigned long)err);
	e2e_puts(2, num);
	e2e_puts(2, ")\n");
	_exit(1);
}

/* CHECK(cond): the program's own verdict on a call's effect. */
#define CHECK(cond) \
	do { if (!(cond)) e2e_fail(__FILE__, __LINE__, #cond, errno); } while (0)

/* CHECK_ERR(expr, E): expr must return -1 with errno E. */
#define CHECK_ERR(expr, E) \
	do { errno = 0; long r_ = (long)(expr); \
	     if (r_ != -1 || errno != (E)) e2e_fail(__FILE__, __LINE__, #expr " fails with " #E, errno); \
	} while (0)


/* Remove `path` and everything under it (outside windows: opendir allocates). */
static inline void e2e_rmtree_at(int dfd, const char *path)
{
	int fd = openat(dfd, path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d;
	struct dirent *e;

	if (fd < 0) {
		(void)unlinkat(dfd, path, 0);
		return;
	}
	d = fdopendir(fd);
	if (d == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (e->d_type == DT_DIR)
			e2e_rmtree_at(fd, e->d_name);
		else
			(void)unlinkat(fd, e->d_name, 0);
	}
	closedir(d);
	(void)unlinkat(dfd, path, AT_REMOVEDIR);
}

/* A fresh private directory with a fixed name under the current directory, so that
 * paths in the trace are the same in every run.  Call before the first window. */
static inline void e2e_fresh_dir(const char *path)
{
	e2e_rmtree_at(AT_FDCWD, path);
	if (mkdir(path, 0700) != 0)
		e2e_fail(__FILE__, __LINE__, "mkdir test directory", errno);
}
#endif
