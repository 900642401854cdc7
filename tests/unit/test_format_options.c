/* format/line.c and format/print.c under the output options -a, -x/-xx/
 * --strings-in-hex, -e status= and -e quiet=: lines compared with what strace 6.1
 * printed on this machine for the same calls (chdir("a\1b"), chdir("tab\there"),
 * chdir("\3770") failing with ENOENT, then exit_group(0)). */
#include <criterion/criterion.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_chdir = { "chdir", 0, 1, SCT_R_INT, { A(PATH, NOAUX) } };
static const struct sct_call c_exit_group = { "exit_group", 0, 1, SCT_R_NONE, { A(INT, NOAUX) } };

#define S(x) x, sizeof(x) - 1
#define ENOENT_TAIL " = -1 ENOENT (No such file or directory)\n"

static void chdir_line(const char *path, size_t len)
{
	trec_init(&t, -2, 0x5555, 0, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, path, (uint32_t)len, 0);
}

Test(format_options, columns)
{
	chdir_line(S("a\1b\0"));
	t.f.acolumn = 5;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "chdir(\"a\\1b\")" ENOENT_TAIL);
	t.f.acolumn = 0;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "chdir(\"a\\1b\")" ENOENT_TAIL);
	t.f.acolumn = 20;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "chdir(\"a\\1b\")      " ENOENT_TAIL);
	t.f.acolumn = 40;
	cr_assert_str_eq(trec_line(&t, &c_chdir),
			 "chdir(\"a\\1b\")                          " ENOENT_TAIL);
}

Test(format_options, hex_non_ascii)
{
	chdir_line(S("a\1b\0"));
	t.f.xstyle = SCT_XSTR_NON_ASCII;
	t.f.acolumn = 0;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "chdir(\"\\x61\\x01\\x62\")" ENOENT_TAIL);
	chdir_line(S("tab\there\0"));
	t.f.xstyle = SCT_XSTR_NON_ASCII;
	t.f.acolumn = 0;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "chdir(\"tab\\there\")" ENOENT_TAIL,
			 "whitespace alone keeps the string as text");
}

Test(format_options, hex_all)
{
	chdir_line(S("tab\there\0"));
	t.f.xstyle = SCT_XSTR_ALL;
	t.f.acolumn = 0;
	cr_assert_str_eq(trec_line(&t, &c_chdir),
			 "chdir(\"\\x74\\x61\\x62\\x09\\x68\\x65\\x72\\x65\")" ENOENT_TAIL);
}

Test(format_options, hex_non_ascii_chars)
{
	chdir_line(S("\3770\0"));
	t.f.xstyle = SCT_XSTR_NON_ASCII_CHARS;
	t.f.acolumn = 0;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "chdir(\"\\xff0\")" ENOENT_TAIL);
	t.f.xstyle = SCT_XSTR_NONE;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "chdir(\"\\3770\")" ENOENT_TAIL);
}

Test(format_options, status)
{
	chdir_line(S("a\1b\0"));
	t.f.acolumn = 0;
	t.f.status = SCT_STATUS_SUCCESSFUL;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "", "-z hides a failed call");
	t.f.status = SCT_STATUS_FAILED;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "chdir(\"a\\1b\")" ENOENT_TAIL);

	trec_init(&t, 0, 0x5555, 0, 0, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_IN, S("/\0"), 0);
	t.f.acolumn = 0;
	t.f.status = SCT_STATUS_FAILED;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "", "-Z hides a successful call");
	t.f.status = SCT_STATUS_SUCCESSFUL;
	cr_assert_str_eq(trec_line(&t, &c_chdir), "chdir(\"/\") = 0\n");

	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	t.f.acolumn = 0;
	t.f.status = SCT_STATUS_SUCCESSFUL | SCT_STATUS_FAILED;
	cr_assert_str_eq(trec_line(&t, &c_exit_group), "", "exit_group's '= ?' is unfinished");
	t.f.status = SCT_STATUS_UNFINISHED;
	cr_assert_str_eq(trec_line(&t, &c_exit_group), "exit_group(0) = ?\n");
}

Test(format_options, quiet_exit)
{
	struct sct_rec *r = trec_init(&t, 0, 0, 0, 0, 0, 0, 0);

	r->kind = SCT_REC_EXIT;
	t.f.status = 0;		/* status= is about calls, never the exit line */
	cr_assert_str_eq(trec_line(&t, NULL), "+++ exited with 0 +++\n");
	t.f.quiet = SCT_QUIET_EXIT;
	cr_assert_str_eq(trec_line(&t, NULL), "");
	t.f.quiet = SCT_QUIET_ATTACH | SCT_QUIET_PERSONALITY;
	cr_assert_str_eq(trec_line(&t, NULL), "+++ exited with 0 +++\n");
}
