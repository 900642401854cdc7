/* Command lookup, library lookup, environment and fork+exec. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "image.h"
#include "session.h"
#include "spawn.h"
#include "run.h"

#ifndef SCT_PREFIX
#define SCT_PREFIX "/usr/local"
#endif
#define LIBNAME "libsctrace.so"

static long file_pread(int fd, void *buf, size_t len, off_t off)
{
	return pread(fd, buf, len, off);
}

const char *sct_command_untraced(const char *cmd)
{
	struct stat st;
	const char *why;
	int fd;

	if (stat(cmd, &st) < 0)
		return NULL;
	fd = open(cmd, O_RDONLY | O_CLOEXEC);
	why = sct_image_untraced(fd, &st, getuid(), getgid(), file_pread);
	if (fd >= 0)
		close(fd);
	return why;
}

/* Port of strace 6.1 startup_child()'s search, so errors match word for word. */
int sct_resolve_command(const char *name, const char *path, char *out, size_t len)
{
	size_t name_len = strlen(name);
	struct stat st;

	if (name_len > len - 1)
		return -ENAMETOOLONG;
	if (strchr(name, '/')) {
		strcpy(out, name);
	} else {
		size_t m, n, l;

		for (; path && *path; path += m) {
			const char *colon = strchr(path, ':');
			if (colon) {
				n = (size_t)(colon - path);
				m = n + 1;
			} else {
				m = n = strlen(path);
			}
			if (n == 0) {
				if (!getcwd(out, len))
					continue;
				l = strlen(out);
			} else if (n > len - 1) {
				continue;
			} else {
				memcpy(out, path, n);
				l = n;
			}
			if (l && out[l - 1] != '/')
				out[l++] = '/';
			if (name_len + l > len - 1)
				continue;
			strcpy(out + l, name);
			if (stat(out, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111))
				break;
		}
		if (!path || !*path)
			out[0] = '\0';
	}
	if (stat(out, &st) < 0)
		return -errno;
	return 0;
}

static int readable(const char *p)
{
	return access(p, R_OK) == 0;
}

int sct_find_library(char *out, size_t len, char *where, size_t wlen)
{
	const char *env = getenv("SCTRACE_LIB");
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (env && *env) {
		snprintf(where, wlen, "'%s'", env);
		if (!realpath(env, out) || !readable(out))
			return -errno;
		return strlen(out) < len ? 0 : -ENAMETOOLONG;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if ((size_t)snprintf(out, len, "%s/" LIBNAME, exe) < len && readable(out))
				return 0;
		}
	} else {
		exe[0] = '\0';
	}
	if ((size_t)snprintf(out, len, SCT_PREFIX "/lib/sctrace/" LIBNAME) < len && readable(out))
		return 0;
	snprintf(where, wlen, "'%s' and '" SCT_PREFIX "/lib/sctrace'", exe);
	return -ENOENT;
}

static int same_name(const char *a, const char *b)
{
	while (*a && *a != '=' && *a == *b) {
		a++;
		b++;
	}
	return (*a == '=' || !*a) && (*b == '=' || !*b);
}

/* Variables the runner owns: a value inherited from an outer session must not leak. */
static const char *const owned[] = {
	"SCTRACE_SESSION", "SCTRACE_MODE", "SCTRACE_STRSIZE", "SCTRACE_FOLLOW",
	"SCTRACE_ROOT", "SCTRACE_RUNNER", "SCTRACE_FILTER", "SCTRACE_TSC",
	"SCTRACE_OUTPUT", "SCTRACE_COUNT", "SCTRACE_COUNT_EXTRA", "SCTRACE_DETACH_EXEC", "SCTRACE_IP",
	"SCTRACE_INJECT",
};

static int dropped(const char *var, char *const *set)
{
	for (size_t i = 0; i < sizeof(owned) / sizeof(owned[0]); i++)
		if (same_name(var, owned[i]))
			return 1;
	for (; *set; set++)
		if (same_name(var, *set))
			return 1;
	return same_name(var, "LD_PRELOAD");
}

#ifdef __SANITIZE_ADDRESS__
#include <dlfcn.h>
/* An ASan build of the library must be preloaded after the sanitizer's runtime: put
 * the runtime this runner was linked with first (SANITIZE=address builds only). */
static const char *asan_runtime(void)
{
	extern void __asan_init(void);
	Dl_info di;

	return dladdr((void *)__asan_init, &di) && di.dli_fname ? di.dli_fname : NULL;
}
#endif

char **sct_build_env(char *const *env, char *const *set, const char *lib)
{
	const char *old = NULL;
	size_t n = 0, k = 0, plen;
	char **out, *preload;

	for (char *const *e = env; *e; e++) {
		n++;
		if (same_name(*e, "LD_PRELOAD"))
			old = *e + sizeof("LD_PRELOAD");
	}
	for (char *const *s = set; *s; s++)
		n++;
	int listed = old && sct_ld_has(old, lib);	/* sctrace inside a traced program */
#ifdef __SANITIZE_ADDRESS__
	const char *rt = asan_runtime();
	char *both = rt ? malloc(strlen(rt) + strlen(lib) + 2) : NULL;
	if (both) {
		sprintf(both, "%s:%s", rt, lib);
		lib = both;
	}
#endif
	plen = sizeof("LD_PRELOAD=") + strlen(lib) + (old ? strlen(old) + 1 : 0);
	out = malloc((n + 2) * sizeof(*out) + plen);
	if (out) {
		preload = (char *)(out + n + 2);
		if (listed)
			snprintf(preload, plen, "LD_PRELOAD=%s", old);
		else if (old && *old)
			snprintf(preload, plen, "LD_PRELOAD=%s:%s", lib, old);
		else
			snprintf(preload, plen, "LD_PRELOAD=%s", lib);
	}
#ifdef __SANITIZE_ADDRESS__
	free(both);		/* copied into out: LeakSanitizer made the runner exit 1 */
#endif
	if (!out)
		return NULL;
	for (char *const *e = env; *e; e++)
		if (!dropped(*e, set))
			out[k++] = *e;
	out[k++] = preload;
	for (char *const *s = set; *s; s++)
		out[k++] = *s;
	out[k] = NULL;
	return out;
}

static const char *run_name;
static uid_t run_uid;
static gid_t run_gid;

int sct_spawn_user(const char *name, char *err, size_t errlen)
{
	struct passwd *pw;

	if (getuid() != 0 || geteuid() != 0) {
		snprintf(err, errlen, "You must be root to use the -u/--username option");
		return -1;
	}
	if (!(pw = getpwnam(name))) {
		snprintf(err, errlen, "Cannot find user '%s'", name);
		return -1;
	}
	run_name = name;
	run_uid = pw->pw_uid;
	run_gid = pw->pw_gid;
	return 0;
}

int sct_spawn_user_ids(uid_t *uid, gid_t *gid)
{
	*uid = run_uid;
	*gid = run_gid;
	return run_name != NULL;
}

/* In the child: become -u's user, groups first (strace's order); exits on failure */
static void become_user(const char *path)
{
	struct stat st;
	uid_t euid = run_uid;
	gid_t egid = run_gid;
	const char *what = NULL;

	if (!run_name)
		return;
	if (stat(path, &st) == 0) {
		if (st.st_mode & S_ISUID)
			euid = st.st_uid;
		if (st.st_mode & S_ISGID)
			egid = st.st_gid;
	}
	if (initgroups(run_name, run_gid) < 0)
		what = "initgroups";
	else if (setregid(run_gid, egid) < 0)
		what = "setregid";
	else if (setreuid(run_uid, euid) < 0)
		what = "setreuid";
	if (what) {
		fprintf(stderr, "%s: %s: %s\n", sct_progname, what, strerror(errno));
		_exit(1);
	}
}

/* The signals sctrace was given ignored, noted before it set any of its own (its ring
 * reader's SIGBUS handler, reset to the default by exec): the command gets them
 * ignored again, as strace's does */
static uint64_t given_ignored;

void sct_spawn_note_ignored(void)
{
	struct sigaction sa;

	for (int sig = 1; sig <= 64; sig++)
		if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			given_ignored |= (uint64_t)1 << (sig - 1);
}

/* As strace once the command runs: the runner keeps no copy of the standard input and
 * output the command got, so that the other end of a pipe there sees the command close
 * them (a writer's SIGPIPE, a reader's end of file), not the tracer still holding them;
 * the trace goes to stderr or to -o's own descriptor. */
static void release_std_fds(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd < 0)
		return;
	if (fd != STDIN_FILENO)
		dup2(fd, STDIN_FILENO);
	if (fd != STDOUT_FILENO)
		dup2(fd, STDOUT_FILENO);
	if (fd > STDOUT_FILENO)
		close(fd);
}

pid_t sct_spawn(const char *path, char *const *argv, char *const *envp, char *root_slot,
		const sigset_t *mask, void (*pipe_disp)(int), void (*chld_disp)(int),
		int *exec_err)
{
	int fds[2], e = 0;
	pid_t pid;
	ssize_t r;

	*exec_err = 0;
	if (pipe2(fds, O_CLOEXEC) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		e = errno;
		close(fds[0]);
		close(fds[1]);
		return -e;
	}
	if (pid == 0) {
		close(fds[0]);
		if (root_slot)
			snprintf(root_slot, SCT_ROOT_SLOT_LEN, "SCTRACE_ROOT=%d", (int)getpid());
		signal(SIGPIPE, pipe_disp);
		signal(SIGCHLD, chld_disp);
		for (int sig = 1; sig <= 64; sig++)
			if (given_ignored >> (sig - 1) & 1)
				signal(sig, SIG_IGN);
		sigprocmask(SIG_SETMASK, mask, NULL);
		become_user(path);
		execve(path, argv, envp);
		e = errno;
		if (write(fds[1], &e, sizeof(e)) < 0)
			_exit(1);
		_exit(1);
	}
	close(fds[1]);
	do
		r = read(fds[0], &e, sizeof(e));
	while (r < 0 && errno == EINTR);
	close(fds[0]);
	if (r == (ssize_t)sizeof(e))
		*exec_err = e;
	release_std_fds();
	return pid;
}
