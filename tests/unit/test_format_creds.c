/* format/creds.c: getgroups and setgroups, against strace 6.1's lines for a program
 * that makes these calls (strace -o out ./prog, as root: no supplementary groups,
 * then setgroups(3, [5, 6, 7])). */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_getgroups = { "getgroups", 0, 2, SCT_R_INT,
	{ A(INT, NOAUX), A(GIDS_OUT, NOAUX) } };
static const struct sct_call c_setgroups = { "setgroups", 0, 2, SCT_R_INT,
	{ A(INT, NOAUX), A(GIDS_IN, 0) } };

#define BUF 0x7ffd637592c0ull

Test(format_creds, getgroups)
{
	uint32_t g[3] = { 5, 6, 7 }, junk[3] = { 7, 7, 7 };

	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getgroups), "getgroups(0, NULL)                      = 0\n");
	trec_init(&t, 0, 0, BUF, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getgroups), "getgroups(0, [])                        = 0\n");
	trec_init(&t, 3, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getgroups), "getgroups(0, NULL)                      = 3\n");
	/* size 0: the kernel wrote nothing, strace shows what is there */
	trec_init(&t, 3, 0, BUF, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, junk, sizeof(junk), 0);
	cr_assert_str_eq(trec_line(&t, &c_getgroups), "getgroups(0, [7, 7, 7])                 = 3\n");
	trec_init(&t, 3, 64, BUF, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, g, sizeof(g), 0);
	cr_assert_str_eq(trec_line(&t, &c_getgroups), "getgroups(64, [5, 6, 7])                = 3\n");
	trec_init(&t, -22, 1, BUF, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getgroups),
			 "getgroups(1, 0x7ffd637592c0)            = -1 EINVAL (Invalid argument)\n");
}

Test(format_creds, setgroups)
{
	uint32_t g[3] = { 5, 6, 7 };

	trec_init(&t, 0, 3, BUF, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_IN, g, sizeof(g), 0);
	cr_assert_str_eq(trec_line(&t, &c_setgroups), "setgroups(3, [5, 6, 7])                 = 0\n");
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_setgroups), "setgroups(0, NULL)                      = 0\n");
	/* -s 2: two elements, then "..." */
	trec_init(&t, 0, 3, BUF, 0, 0, 0, 0);
	t.f.strsize = 2;
	trec_blob(&t, 1, SCT_BLOB_IN, g, sizeof(g), 0);
	cr_assert_str_eq(trec_line(&t, &c_setgroups), "setgroups(3, [5, 6, ...])               = 0\n");
}
