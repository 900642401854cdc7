/* runner/execfail.c: the failed execve of the command is the line strace prints. */
#include <criterion/criterion.h>
#include <stdio.h>
#include "format.h"
#include "runner/execfail.h"

static _Alignas(8) unsigned char buf[65536];
static char text[8192];

static const char *line(const struct sct_rec *r, unsigned strsize)
{
	struct sct_fmt_opts f;
	struct sct_out o;

	sct_fmt_defaults(&f);
	f.strsize = strsize;
	sct_out_init(&o, text, sizeof(text) - 1, -1);
	sct_format_record(&o, r, &f);
	text[o.len] = 0;
	return text;
}

Test(execfail, the_line_strace_prints)
{
	char *argv[] = { "./prog", "-l", "a\nb", "0123456789012345678901234567890123456789", NULL };
	char *envp[] = { "A=1", "B=2", NULL };
	char want[512];
	size_t n = sct_exec_failed(buf, sizeof(buf), "./prog", argv, envp, 32, 13, 4242);

	cr_assert_gt(n, 0);
	cr_assert_eq(n % 8, 0);
	snprintf(want, sizeof(want), "execve(\"./prog\", [\"./prog\", \"-l\", \"a\\nb\", "
		 "\"01234567890123456789012345678901\"...], %p /* 2 vars */) = -1 EACCES "
		 "(Permission denied)\n", (void *)envp);
	cr_assert_str_eq(line((const struct sct_rec *)buf, 32), want);
	cr_assert_eq(((const struct sct_rec *)buf)->pid, 4242);
}

Test(execfail, more_arguments_than_strsize)
{
	char *argv[40], *envp[] = { NULL };
	char want[512];

	for (int i = 0; i < 39; i++)
		argv[i] = "x";
	argv[39] = NULL;
	cr_assert_gt(sct_exec_failed(buf, sizeof(buf), "/bin/x", argv, envp, 4, 8, 1), 0);
	snprintf(want, sizeof(want), "execve(\"/bin/x\", [\"x\", \"x\", \"x\", \"x\", ...], %p "
		 "/* 0 vars */) = -1 ENOEXEC (Exec format error)\n", (void *)envp);
	cr_assert_str_eq(line((const struct sct_rec *)buf, 4), want);
}

Test(execfail, too_small_a_buffer)
{
	char *argv[] = { "./prog", NULL }, *envp[] = { NULL };

	cr_assert_eq(sct_exec_failed(buf, 100, "./prog", argv, envp, 32, 13, 1), 0);
}
