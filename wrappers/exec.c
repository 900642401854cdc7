/* The exec family.  Each puts the tracer back into the environment it passes; a
 * successful exec is recorded by the new image's constructor (execve(...) = 0), a
 * failed one here.  execvp and friends search PATH themselves, through execve, so
 * that every attempt shows as strace shows it. */
#include <limits.h>
#include <stdlib.h>
#include "hand.h"
#include "untraced.h"

extern char **environ;
static int (*real_execve)(const char *, char *const[], char *const[]);
static int (*real_fexecve)(int, char *const[], char *const[]);

SCT_EXPORT int execve(const char *path, char *const argv[], char *const envp[])
{
	struct sct_thread *t = sct_exec_begin(SCT_CALL_execve);
	uint64_t a[SCT_MAX_ARGS] = { (uintptr_t)path, (uintptr_t)argv, (uintptr_t)envp };
	uint64_t t0 = sct_now();
	WITH_ENV(envp, fixed);
	int note = sct_exec_note(path);
	int r = SCT_REAL(execve)(path, argv, fixed);
	int e = errno;

	sct_self.in_exec = 0;
	sct_note_cancel(note);		/* the exec failed: this image goes on, traced */
	sct_hand_done(t, SCT_CALL_execve, a, -(int64_t)e, t0, sct_now());
	errno = e;
	return r;
}

SCT_EXPORT int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* glibc's execvpe: a name with '/' runs as is; otherwise each PATH entry in turn (an
 * empty one is the current directory), remembering EACCES, giving up on errors other
 * than "not there"; a file the kernel cannot run (ENOEXEC) goes to /bin/sh. */
static int run_script(const char *file, char *const argv[], char *const envp[])
{
	size_t argc = 0;
	char **nargv;

	while (argv[argc])
		argc++;
	nargv = alloca((argc + 2) * sizeof(char *));
	nargv[0] = (char *)"/bin/sh";
	nargv[1] = (char *)file;
	for (size_t i = 1; i <= argc; i++)
		nargv[i + 1] = argv[i];
	if (argc == 0)
		nargv[2] = NULL;
	return execve(nargv[0], nargv, envp);
}

SCT_EXPORT int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];
	int eacces = 0;
	size_t flen = strlen(file);

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/')) {
		execve(file, argv, envp);
		if (errno == ENOEXEC)
			run_script(file, argv, envp);
		return -1;
	}
	if (!path)
		path = "/bin:/usr/bin";
	for (const char *p = path;; p++) {
		const char *end = strchrnul(p, ':');
		size_t dlen = (size_t)(end - p);
		if (dlen + flen + 2 <= sizeof(buf)) {
			memcpy(buf, p, dlen);
			buf[dlen] = dlen ? '/' : 0;
			memcpy(buf + dlen + (dlen != 0), file, flen + 1);
			execve(buf, argv, envp);
			if (errno == ENOEXEC)
				run_script(buf, argv, envp);
			switch (errno) {
			case EACCES:
				eacces = 1;
				/* fall through */
			case ENOENT: case ESTALE: case ENOTDIR: case ENODEV: case ETIMEDOUT:
				break;
			default:
				return -1;
			}
		}
		if (!*end)
			break;
		p = end;
	}
	if (eacces)
		errno = EACCES;
	return -1;
}

SCT_EXPORT int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* execl/execlp/execle: gather the arguments (and execle's environment) on the stack. */
#define COLLECT_ARGS(first, ap, argv, count) do { \
	va_start(ap, first); \
	for (count = 1; va_arg(ap, char *); count++) \
		; \
	va_end(ap); \
	argv = alloca((count + 1) * sizeof(char *)); \
	argv[0] = (char *)first; \
	va_start(ap, first); \
	for (size_t i_ = 1; i_ <= count; i_++) \
		argv[i_] = va_arg(ap, char *); \
} while (0)

SCT_EXPORT int execl(const char *path, const char *arg, ...)
{
	va_list ap;
	char **argv;
	size_t n;

	COLLECT_ARGS(arg, ap, argv, n);
	va_end(ap);
	return execve(path, argv, environ);
}

SCT_EXPORT int execlp(const char *file, const char *arg, ...)
{
	va_list ap;
	char **argv;
	size_t n;

	COLLECT_ARGS(arg, ap, argv, n);
	va_end(ap);
	return execvpe(file, argv, environ);
}

SCT_EXPORT int execle(const char *path, const char *arg, ...)
{
	va_list ap;
	char **argv, **envp;
	size_t n;

	COLLECT_ARGS(arg, ap, argv, n);
	envp = va_arg(ap, char **);	/* after the NULL that ends the arguments */
	va_end(ap);
	return execve(path, argv, envp);
}

SCT_EXPORT int fexecve(int fd, char *const argv[], char *const envp[])
{
	struct sct_thread *t = sct_exec_begin(SCT_CALL_execveat);
	uint64_t a[SCT_MAX_ARGS] = { (uint64_t)fd, (uintptr_t)"", (uintptr_t)argv, (uintptr_t)envp,
				     AT_EMPTY_PATH };
	uint64_t t0 = sct_now();
	WITH_ENV(envp, fixed);
	int r = SCT_REAL(fexecve)(fd, argv, fixed);
	int e = errno;

	sct_self.in_exec = 0;
	sct_hand_done(t, SCT_CALL_execveat, a, -(int64_t)e, t0, sct_now());
	errno = e;
	return r;
}
