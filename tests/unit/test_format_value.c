/* format/value.c: numbers and addresses behind pointers (get_robust_list's). */
#include <criterion/criterion.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c = { "get_robust_list", 0, 3, SCT_R_INT,
	{ A(TID, NOAUX), A(ADDR_OUT, NOAUX), A(ULONG_OUT, NOAUX) } };

Test(format_value, robust_list_out)
{
	uint64_t head = 0x7f69cf519820ULL, len = 24;

	trec_init(&t, 0, 42, 0x7000, 0x8000, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &head, 8, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, &len, 8, 0);
	cr_assert_str_eq(trec_line(&t, &c),
			 "get_robust_list(42, [0x7f69cf519820], [24]) = 0\n");
	trec_rec(&t)->ret = -14;	/* failed: nothing written, the addresses */
	cr_assert_str_eq(trec_arg(&t, &c, 1), "0x7000");
	cr_assert_str_eq(trec_arg(&t, &c, 2), "0x8000");
}

Test(format_value, null_head)
{
	uint64_t head = 0, len = 24;

	trec_init(&t, 0, 42, 0x7000, 0x8000, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, &head, 8, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, &len, 8, 0);
	cr_assert_str_eq(trec_arg(&t, &c, 1), "[NULL]");
}
