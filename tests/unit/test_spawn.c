/* runner/spawn.c: command lookup as strace does it, library lookup, environment. */
#include <criterion/criterion.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "runner/spawn.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/sct-spawn-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

static void touch(const char *name, mode_t mode)
{
	char p[256];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	f = fopen(p, "w");
	cr_assert_not_null(f);
	fclose(f);
	cr_assert_eq(chmod(p, mode), 0);
}

TestSuite(spawn, .init = setup, .fini = teardown);

Test(spawn, path_search_skips_non_executables)
{
	char path[512], out[PATH_MAX], want[256];

	cr_assert_eq(mkdir(strcat(strcpy(want, dir), "/a"), 0700), 0);
	cr_assert_eq(mkdir(strcat(strcpy(want, dir), "/b"), 0700), 0);
	touch("a/prog", 0644);		/* not executable: skipped */
	touch("b/prog", 0755);
	snprintf(path, sizeof(path), "%s/a:%s/b", dir, dir);
	cr_assert_eq(sct_resolve_command("prog", path, out, sizeof(out)), 0);
	snprintf(want, sizeof(want), "%s/b/prog", dir);
	cr_assert_str_eq(out, want);
}

Test(spawn, path_search_empty_entry_is_cwd)
{
	char out[PATH_MAX], want[256], old[PATH_MAX];

	touch("tool", 0755);
	cr_assert_not_null(getcwd(old, sizeof(old)));
	cr_assert_eq(chdir(dir), 0);
	cr_assert_eq(sct_resolve_command("tool", ":/nonexistent", out, sizeof(out)), 0);
	cr_assert_eq(chdir(old), 0);
	snprintf(want, sizeof(want), "%s/tool", dir);
	cr_assert_str_eq(out, want);
}

Test(spawn, not_found_is_enoent)
{
	char out[PATH_MAX];

	cr_assert_eq(sct_resolve_command("no-such-prog-xyz", "/bin:/usr/bin", out, sizeof(out)), -ENOENT);
	cr_assert_eq(sct_resolve_command("true", NULL, out, sizeof(out)), -ENOENT, "no PATH: nothing found");
	cr_assert_eq(sct_resolve_command("./nope", "/bin", out, sizeof(out)), -ENOENT);
}

Test(spawn, slash_name_used_as_is)
{
	char out[PATH_MAX], name[256];

	touch("plain", 0644);	/* strace stats it; exec will fail later with EACCES */
	snprintf(name, sizeof(name), "%s/plain", dir);
	cr_assert_eq(sct_resolve_command(name, "/bin", out, sizeof(out)), 0);
	cr_assert_str_eq(out, name);
}

Test(spawn, too_long)
{
	char name[PATH_MAX + 10], out[PATH_MAX];

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	cr_assert_eq(sct_resolve_command(name, "/bin", out, sizeof(out)), -ENAMETOOLONG);
}

static const char *get(char **env, const char *name)
{
	size_t n = strlen(name);

	for (; *env; env++)
		if (!strncmp(*env, name, n) && (*env)[n] == '=')
			return *env + n + 1;
	return NULL;
}

/* LD_PRELOAD as a normal build makes it: an ASan build puts the sanitizer's
 * runtime first (spawn.c), which is skipped here. */
static const char *preload(char **env)
{
	const char *v = get(env, "LD_PRELOAD");
#ifdef __SANITIZE_ADDRESS__
	if (v && strstr(v, "libasan") && strchr(v, ':'))
		v = strchr(v, ':') + 1;
#endif
	return v;
}

static int count(char **env, const char *name)
{
	size_t n = strlen(name);
	int c = 0;

	for (; *env; env++)
		c += !strncmp(*env, name, n) && (*env)[n] == '=';
	return c;
}

Test(spawn, env_prepends_preload_and_replaces_session_vars)
{
	char *env[] = { "HOME=/root", "LD_PRELOAD=/x/a.so", "SCTRACE_SESSION=/old",
			"SCTRACE_OUTPUT=/tmp/f", "SCTRACE_DROP=1", "PATH=/bin", NULL };
	char *set[] = { "SCTRACE_SESSION=/dev/shm/s", "SCTRACE_MODE=trace", NULL };
	char **out = sct_build_env(env, set, "/lib/libsctrace.so");

	cr_assert_not_null(out);
	cr_assert_str_eq(preload(out), "/lib/libsctrace.so:/x/a.so");
	cr_assert_eq(count(out, "LD_PRELOAD"), 1);
	cr_assert_str_eq(get(out, "SCTRACE_SESSION"), "/dev/shm/s");
	cr_assert_eq(count(out, "SCTRACE_SESSION"), 1);
	cr_assert_null(get(out, "SCTRACE_OUTPUT"), "standalone settings would confuse the library");
	cr_assert_str_eq(get(out, "SCTRACE_DROP"), "1", "user knobs pass through");
	cr_assert_str_eq(get(out, "HOME"), "/root");
	cr_assert_str_eq(get(out, "SCTRACE_MODE"), "trace");
	free(out);
}

Test(spawn, env_without_preload)
{
	char *env[] = { "A=1", "LD_PRELOADX=2", NULL };
	char *set[] = { NULL };
	char **out = sct_build_env(env, set, "/l.so");

	cr_assert_str_eq(preload(out), "/l.so");
	cr_assert_str_eq(get(out, "LD_PRELOADX"), "2", "only the exact name is replaced");
	free(out);
}

Test(spawn, library_from_env)
{
	char out[PATH_MAX], where[PATH_MAX * 2], want[256];

	touch("libsctrace.so", 0644);
	snprintf(want, sizeof(want), "%s/libsctrace.so", dir);
	setenv("SCTRACE_LIB", want, 1);
	cr_assert_eq(sct_find_library(out, sizeof(out), where, sizeof(where)), 0);
	cr_assert_str_eq(out, want);
	setenv("SCTRACE_LIB", "/nonexistent/lib.so", 1);
	cr_assert_eq(sct_find_library(out, sizeof(out), where, sizeof(where)), -ENOENT);
	cr_assert_str_eq(where, "'/nonexistent/lib.so'");
	unsetenv("SCTRACE_LIB");
}

Test(spawn, child_gets_its_pid_and_exec_errors_come_back)
{
	char slot[SCT_ROOT_SLOT_LEN] = "SCTRACE_ROOT=0", out[128], script[256];
	char *env[] = { slot, NULL };
	char *argv[] = { "sh", "-c", NULL, NULL };
	sigset_t none;
	int err, st;
	pid_t p;

	sigemptyset(&none);
	snprintf(out, sizeof(out), "%s/pid", dir);
	snprintf(script, sizeof(script), "echo $SCTRACE_ROOT $$ > %s", out);
	argv[2] = script;
	p = sct_spawn("/bin/sh", argv, env, slot, &none, SIG_DFL, SIG_DFL, &err);
	cr_assert_gt(p, 0);
	cr_assert_eq(err, 0);
	cr_assert_eq(waitpid(p, &st, 0), p);
	{
		FILE *f = fopen(out, "r");
		int a = 0, b = 0;
		cr_assert_not_null(f);
		cr_assert_eq(fscanf(f, "%d %d", &a, &b), 2);
		fclose(f);
		cr_assert_eq(a, p);
		cr_assert_eq(b, p);
	}
	touch("noexec", 0644);
	snprintf(out, sizeof(out), "%s/noexec", dir);
	p = sct_spawn(out, argv, env, NULL, &none, SIG_DFL, SIG_DFL, &err);
	cr_assert_gt(p, 0);
	cr_assert_eq(err, EACCES);
	cr_assert_eq(waitpid(p, &st, 0), p);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 1, "strace's child exits 1 when exec fails");
}
