/* Arrays as strace's print_array shows them (format/array.c), through the kinds that
 * use it: move_pages' pages and nodes, get_mempolicy's node mask; and the quotactl
 * command under each -X style (format/quota.c).  Expected lines are strace 6.1's for
 * the same calls (its move_pages, get_mempolicy and quotactl tests). */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_move_pages = { "move_pages", 0, 6, SCT_R_INT,
	{ A(PID, NOAUX), A(ULONG, NOAUX), A(PAGES, 1), A(NODES, 1), A(PAGE_STATUS, 1),
	  A(HEX, NOAUX) } };
static const struct sct_call c_get_mempolicy = { "get_mempolicy", 0, 5, SCT_R_INT,
	{ A(MPOL_OUT, NOAUX), A(NODEMASK_OUT, 2), A(ULONG, NOAUX), A(PTR, NOAUX),
	  A(HEX, NOAUX) } };
static const struct sct_call c_quotactl = { "quotactl", 0, 4, SCT_R_INT,
	{ A(QUOTA_CMD, NOAUX), A(PATH, NOAUX), A(QUOTA_ID, 0), A(QUOTA_ADDR, 0) } };

/* the line, without -a's padding */
static const char *line(const struct sct_call *c)
{
	t.f.acolumn = 0;
	return trec_line(&t, c);
}

/* an array blob: { want, pad, elements } */
static void array_blob(unsigned arg, unsigned when, uint32_t want, const void *el, uint32_t len)
{
	unsigned char b[256];
	uint32_t hdr[2] = { want, 0 };

	memcpy(b, hdr, 8);
	memcpy(b + 8, el, len);
	trec_blob(&t, arg, when, b, 8 + len, 0);
}

Test(format_array, elements_cut_and_unreadable)
{
	uint64_t pages[2] = { 0x7f0000001000ull, 0x7f0000002000ull };
	int32_t nodes[1] = { -559038751 }, status[2] = { -14, 0 };

	/* all read */
	trec_init(&t, 0, 42, 2, 0x1000, 0, 0x3000, 2);
	array_blob(2, SCT_BLOB_IN, 2, pages, 16);
	array_blob(4, SCT_BLOB_OUT, 2, status, 8);
	cr_assert_str_eq(line(&c_move_pages),
			 "move_pages(42, 2, [0x7f0000001000, 0x7f0000002000], NULL, [-EFAULT, 0], 0x2) = 0\n");
	/* the second element unreadable, the first array unreadable from the start,
	 * the status not written (failed) */
	trec_init(&t, -19, 42, 2, 0x1000, 0x2000, 0x3000, 4);
	array_blob(2, SCT_BLOB_IN, 2, pages, 8);
	array_blob(3, SCT_BLOB_IN, 2, nodes, 0);
	cr_assert_str_eq(line(&c_move_pages),
			 "move_pages(42, 2, [0x7f0000001000, ... /* 0x1008 */], 0x2000, 0x3000, 0x4) = -1 ENODEV (No such device)\n");
	/* -s 1: the element at index -s is read before "..." */
	trec_init(&t, -19, 42, 2, 0x1000, 0, 0x3000, 4);
	t.f.strsize = 1;
	array_blob(2, SCT_BLOB_IN, 2, pages, 16);
	cr_assert_str_eq(line(&c_move_pages),
			 "move_pages(42, 2, [0x7f0000001000, ...], NULL, 0x3000, 0x4) = -1 ENODEV (No such device)\n");
	/* no elements */
	trec_init(&t, 0, 42, 0, 0x1000, 0x2000, 0x3000, 2);
	cr_assert_str_eq(line(&c_move_pages), "move_pages(42, 0, [], [], [], 0x2) = 0\n");
}

Test(format_array, node_masks)
{
	uint64_t mask[2] = { 0, 3 };
	int32_t mode = 2;

	trec_init(&t, 0, 0x1000, 0x2000, 66, 0, 0, 0);
	trec_blob(&t, 0, SCT_BLOB_OUT, &mode, 4, 0);
	array_blob(1, SCT_BLOB_OUT, 2, mask, 16);
	cr_assert_str_eq(line(&c_get_mempolicy),
			 "get_mempolicy([MPOL_BIND], [0000000000000000, 0x00000000000003], 66, NULL, 0) = 0\n");
	/* failed: the kernel wrote nothing, strace shows the addresses */
	trec_init(&t, -22, 0x1000, 0x2000, 66, 0, 0, 0);
	cr_assert_str_eq(line(&c_get_mempolicy),
			 "get_mempolicy(0x1000, 0x2000, 66, NULL, 0) = -1 EINVAL (Invalid argument)\n");
}

Test(format_array, quotactl_cmd_styles)
{
	uint32_t fmt = 2;

	trec_init(&t, 0, 0x80000401, 0, 0xfffffffe, 0x2000, 0, 0);
	trec_blob(&t, 3, SCT_BLOB_OUT, &fmt, 4, 0);
	cr_assert_str_eq(line(&c_quotactl),
			 "quotactl(QCMD(Q_GETFMT, GRPQUOTA), NULL, [QFMT_VFS_V0]) = 0\n");
	t.f.cstyle = SCT_CONST_RAW;
	cr_assert_str_eq(line(&c_quotactl), "quotactl(2147484673, NULL, [0x2]) = 0\n");
	t.f.cstyle = SCT_CONST_VERBOSE;
	cr_assert_str_eq(line(&c_quotactl),
			 "quotactl(2147484673 /* QCMD(Q_GETFMT, GRPQUOTA) */, NULL, [0x2 /* QFMT_VFS_V0 */]) = 0\n");
	/* Q_GETQUOTA: the id, and the structure abbreviated */
	trec_init(&t, -2, 0x80000700, 0, 1000, 0x2000, 0, 0);
	cr_assert_str_eq(line(&c_quotactl),
			 "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), NULL, 1000, 0x2000) = -1 ENOENT (No such file or directory)\n");
}
