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
	const char *dir = sct_session_create();
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
		const char *dir = sct_session_create();
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
		const char *dir = sct_session_create();
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
