/* runner/sessdir.c: the session directory is private and leaves nothing behind. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "runner/sessdir.h"

static void fill(const char *dir, int n)
{
	for (int i = 0; i < n; i++) {
		char p[4200];
		snprintf(p, sizeof(p), "%s/%d.%d.ring", dir, 1000 + i, 1000 + i);
		int fd = open(p, O_CREAT | O_WRONLY, 0600);
		cr_assert_geq(fd, 0);
		close(fd);
	}
}

Test(sessdir, created_0700_and_removed_with_its_files)
{
	char err[4200];
	const char *dir = sct_session_create(err, sizeof(err));
	char copy[4096];
	struct stat st;

	cr_assert_not_null(dir);
	snprintf(copy, sizeof(copy), "%s", dir);
	cr_assert_eq(stat(copy, &st), 0);
	cr_assert(S_ISDIR(st.st_mode));
	cr_assert_eq(st.st_mode & 0777, 0700);
	cr_assert_eq(strncmp(copy, sct_session_base(), strlen(sct_session_base())), 0);
	fill(copy, 500);		/* more than one getdents64 buffer */
	sct_session_remove();
	cr_assert_eq(stat(copy, &st), -1, "%s still exists", copy);
	sct_session_remove();		/* idempotent */
}

Test(sessdir, base_prefers_dev_shm)
{
	struct stat st;

	if (stat("/dev/shm", &st) == 0 && access("/dev/shm", W_OK | X_OK) == 0)
		cr_assert_str_eq(sct_session_base(), "/dev/shm");
}

Test(sessdir, removed_when_the_runner_crashes)
{
	int fds[2], st;
	char path[4096] = "";
	pid_t p;

	cr_assert_eq(pipe(fds), 0);
	p = fork();
	if (p == 0) {
		char err[4200];
		const char *dir = sct_session_create(err, sizeof(err));
		fill(dir, 3);
		if (write(fds[1], dir, strlen(dir) + 1) < 0)
			_exit(2);
		raise(SIGSEGV);
		_exit(3);
	}
	close(fds[1]);
	cr_assert_gt(read(fds[0], path, sizeof(path) - 1), 0);
	cr_assert_eq(waitpid(p, &st, 0), p);
	cr_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "the crash still kills");
	cr_assert_eq(access(path, F_OK), -1, "%s left behind", path);
}

Test(sessdir, removed_on_exit)
{
	int fds[2], st;
	char path[4096] = "";
	pid_t p;

	cr_assert_eq(pipe(fds), 0);
	p = fork();
	if (p == 0) {
		char err[4200];
		const char *dir = sct_session_create(err, sizeof(err));
		fill(dir, 2);
		if (write(fds[1], dir, strlen(dir) + 1) < 0)
			_exit(2);
		exit(0);
	}
	close(fds[1]);
	cr_assert_gt(read(fds[0], path, sizeof(path) - 1), 0);
	cr_assert_eq(waitpid(p, &st, 0), p);
	cr_assert_eq(access(path, F_OK), -1, "%s left behind", path);
}

Test(sessdir, falls_back_and_says_why)
{
	setenv("SCTRACE_DIR", "/etc/hostname", 1);
	setenv("TMPDIR", "/tmp", 1);
	cr_assert_str_eq(sct_session_base(), "/tmp");
	cr_assert_not_null(sct_session_note());
	cr_assert_str_eq(sct_session_note(), "/etc/hostname is not a writable directory: session in /tmp");
	setenv("SCTRACE_DIR", "/tmp", 1);
	cr_assert_str_eq(sct_session_base(), "/tmp");
	cr_assert_null(sct_session_note(), "no note when the first choice is used");
	unsetenv("SCTRACE_DIR");
}

/* A private scratch directory of this test in /tmp (root's, sticky: itself safe). */
static char top[64];

static void scratch(char *buf, size_t len, const char *leaf)
{
	if (!top[0]) {
		snprintf(top, sizeof(top), "/tmp/sct-unit-sessdir.XXXXXX");
		cr_assert_not_null(mkdtemp(top));
	}
	snprintf(buf, len, "%s/%s", top, leaf);
}

static void scratch_done(void)
{
	cr_assert_eq(rmdir(top), 0, "%s is not empty", top);
}

/* A directory with the given mode (the umask aside). */
static void mkdir_mode(const char *p, mode_t m)
{
	rmdir(p);
	cr_assert_eq(mkdir(p, 0700), 0, "mkdir %s", p);
	cr_assert_eq(chmod(p, m), 0);
}

Test(sessdir, parent_writable_by_others_is_refused)
{
	char base[4096], sub[4200], err[4200];
	int fd;

	scratch(base, sizeof(base), "open");
	mkdir_mode(base, 0777);
	fd = sct_session_parent(base, err, sizeof(err));
	cr_assert_eq(fd, -1);
	cr_assert(strstr(err, "is writable by others without the sticky bit"), "%s", err);

	/* the same with the sticky bit (as /tmp): safe */
	chmod(base, 01777);
	fd = sct_session_parent(base, err, sizeof(err));
	cr_assert_geq(fd, 0, "%s", err);
	close(fd);

	/* a safe directory below an unsafe one is unsafe: the one above can be renamed */
	chmod(base, 0777);
	snprintf(sub, sizeof(sub), "%s/inner", base);
	mkdir_mode(sub, 0700);
	cr_assert_eq(sct_session_parent(sub, err, sizeof(err)), -1);
	cr_assert(strstr(err, "/open' is writable by others"), "%s", err);

	/* and sct_session_create says so, in one line, and creates nothing */
	setenv("SCTRACE_DIR", sub, 1);
	cr_assert_null(sct_session_create(err, sizeof(err)));
	cr_assert(strstr(err, "cannot create a session directory in '") == err, "%s", err);
	unsetenv("SCTRACE_DIR");
	cr_assert_eq(rmdir(sub), 0, "something was created in %s", sub);
	rmdir(base);
	scratch_done();
}

Test(sessdir, parent_of_another_user_is_refused)
{
	char base[4096], err[4200];

	if (geteuid() != 0)
		cr_skip_test("needs root to give a directory to another user");
	scratch(base, sizeof(base), "owner");
	mkdir_mode(base, 0755);
	cr_assert_eq(chown(base, 65534, 65534), 0);
	cr_assert_eq(sct_session_parent(base, err, sizeof(err)), -1);
	cr_assert(strstr(err, "is owned by another user (uid 65534)"), "%s", err);
	rmdir(base);
	scratch_done();
}

/* The name swapped for a symlink to another directory while the session runs: the
 * removal goes through the held descriptor and leaves the other directory alone. */
Test(sessdir, removal_never_follows_a_swapped_name)
{
	char err[4200], path[4096], moved[4200], victim[4096];
	const char *dir = sct_session_create(err, sizeof(err));
	int fd;

	cr_assert_not_null(dir, "%s", err);
	snprintf(path, sizeof(path), "%s", dir);
	scratch(victim, sizeof(victim), "victim");
	mkdir(victim, 0700);
	fill(victim, 3);
	fill(path, 2);
	snprintf(moved, sizeof(moved), "%s.moved", path);
	cr_assert_eq(rename(path, moved), 0);
	cr_assert_eq(symlink(victim, path), 0);
	sct_session_remove();
	fd = open(victim, O_RDONLY | O_DIRECTORY);
	cr_assert_geq(fd, 0, "the victim directory is gone");
	for (int i = 0; i < 3; i++) {
		char f[64];
		snprintf(f, sizeof(f), "%d.%d.ring", 1000 + i, 1000 + i);
		cr_assert_eq(faccessat(fd, f, F_OK, 0), 0, "%s/%s was removed", victim, f);
		unlinkat(fd, f, 0);
	}
	close(fd);
	rmdir(victim);
	scratch_done();
	cr_assert_eq(unlink(path), 0, "the symlink itself stays");
	/* the session's own files went, through the descriptor */
	cr_assert_eq(rmdir(moved), 0, "%s still has files", moved);
}
