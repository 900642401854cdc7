/* format/ioprio.c: an I/O priority as an argument and as ioprio_get's result, in
 * the three -X styles, against strace 6.1's ioprio tests. */
#include <criterion/criterion.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_set = { "ioprio_set", 0, 3, SCT_R_INT,
	{ A(XVAL, NOAUX), A(INT, NOAUX), A(IOPRIO, NOAUX) } };
static const struct sct_call c_get = { "ioprio_get", 0, 2, SCT_R_IOPRIO,
	{ A(INT, NOAUX), A(INT, NOAUX) } };

Test(format_ioprio, argument)
{
	trec_init(&t, 0, 2, 7, 8191, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_set, 2), "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 8191)");
	/* an unknown class in hex, the data in decimal, of the low 32 bits */
	trec_init(&t, 0, 2, 7, 0xdec0ded1facefeedull, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_set, 2),
			 "IOPRIO_PRIO_VALUE(0x7d677 /* IOPRIO_CLASS_??? */, 7917)");
	trec_init(&t, 0, 2, 7, (2u << 13) | 4, 0, 0, 0);
	trec_out(&t);
	{
		struct sct_dec d = { &t.o, trec_rec(&t), &c_set, &t.f, 0 };

		t.o.cstyle = SCT_CONST_RAW;
		sct_dec_ioprio(&d, 2);
		cr_assert_str_eq(trec_text(&t), "16388");
		trec_out(&t);
		t.o.cstyle = SCT_CONST_VERBOSE;
		sct_dec_ioprio(&d, 2);
		cr_assert_str_eq(trec_text(&t), "16388 /* IOPRIO_PRIO_VALUE(0x2 /* IOPRIO_CLASS_BE */, 4) */");
	}
}

Test(format_ioprio, result)
{
	trec_init(&t, 4, 1, 42, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_get),
			 "ioprio_get(1, 42)                       = 4 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 4))\n");
	/* errors print as errors */
	trec_init(&t, -22, 1, 42, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_get),
			 "ioprio_get(1, 42)                       = -1 EINVAL (Invalid argument)\n");
}
