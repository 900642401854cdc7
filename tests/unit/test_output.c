/* runner/output.c and the prefix rule of runner/merge.c. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runner/merge.h"
#include "runner/output.h"

static char dir[64];
static struct sct_output out;

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/sct-out-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

static char *slurp(const char *path)
{
	static char buf[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	cr_assert_not_null(f, "%s missing", path);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

TestSuite(output, .init = setup, .fini = teardown);

/* Observed with strace 6.1: stderr gets "[pid N] " once a second task is traced;
 * -o FILE -f gets "N " on every line; -ff -o FILE gets nothing (one file per task). */
Test(output, prefix_rule)
{
	struct sct_opts o;

	memset(&o, 0, sizeof(o));
	cr_assert_eq(sct_prefix_mode(&o, 1), 0);
	cr_assert_eq(sct_prefix_mode(&o, 2), 1);
	o.follow = 1;
	cr_assert_eq(sct_prefix_mode(&o, 1), 0);
	cr_assert_eq(sct_prefix_mode(&o, 3), 1);
	o.outfile = "f";
	cr_assert_eq(sct_prefix_mode(&o, 1), 2, "-o -f: always the pid");
	o.separate = 1;
	cr_assert_eq(sct_prefix_mode(&o, 5), 0);
	o.follow = 0;
	o.separate = 0;
	cr_assert_eq(sct_prefix_mode(&o, 1), 0, "-o without -f: a single task has no prefix");
	cr_assert_eq(sct_prefix_mode(&o, 2), 2);
}

Test(output, file_created_truncated)
{
	char path[128], err[256];

	snprintf(path, sizeof(path), "%s/trace", dir);
	FILE *f = fopen(path, "w");
	fputs("old contents\n", f);
	fclose(f);
	cr_assert_eq(sct_output_open(&out, path, 0, err, sizeof(err)), 0);
	sct_out_puts(sct_output_for(&out, 42), "line\n");
	sct_output_close(&out);
	cr_assert_str_eq(slurp(path), "line\n");
}

Test(output, open_error_wording)
{
	char err[256];

	cr_assert_eq(sct_output_open(&out, "/nonexistent/dir/x", 0, err, sizeof(err)), -1);
	cr_assert_str_eq(err, "Can't fopen '/nonexistent/dir/x': No such file or directory");
	cr_assert_eq(sct_output_check("/nonexistent/dir/x", 1, err, sizeof(err)), -1);
	cr_assert_eq(sct_output_check("/nonexistent/dir/x", 0, err, sizeof(err)), 0,
		     "without -ff the open itself reports");
}

Test(output, separate_files_per_task_and_append_after_reopen)
{
	char base[128], path[160], err[256];

	snprintf(base, sizeof(base), "%s/t", dir);
	cr_assert_eq(sct_output_check(base, 1, err, sizeof(err)), 0);
	cr_assert_eq(sct_output_open(&out, base, 1, err, sizeof(err)), 0);
	snprintf(path, sizeof(path), "%s", base);
	cr_assert_eq(access(path, F_OK), -1, "-ff does not create FILE itself");
	sct_out_puts(sct_output_for(&out, 100), "a1\n");
	sct_out_puts(sct_output_for(&out, 200), "b1\n");
	sct_output_task_done(&out, 100);
	sct_out_puts(sct_output_for(&out, 100), "a2\n");	/* same tid after exec */
	sct_output_close(&out);
	snprintf(path, sizeof(path), "%s.100", base);
	cr_assert_str_eq(slurp(path), "a1\na2\n");
	snprintf(path, sizeof(path), "%s.200", base);
	cr_assert_str_eq(slurp(path), "b1\n");
}
