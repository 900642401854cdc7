/* format/ioprio.c and format/sched.c: ioprio_get/ioprio_set (who, the priority, the result) and sched_getscheduler's result as strace 6.1 prints them. */
#include <criterion/criterion.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_set = { "ioprio_set", 0, 3, SCT_R_INT,
	{ A(INT, NOAUX), A(IOPRIO_WHO, NOAUX), A(IOPRIO, NOAUX) } };
static const struct sct_call c_get = { "ioprio_get", 0, 2, SCT_R_IOPRIO,
	{ A(INT, NOAUX), A(IOPRIO_WHO, NOAUX) } };

Test(format_sched, value_in_each_style)
{
	trec_init(&t, 0, 2, 42, 8191, 0, 0, 0);
	cr_assert_str_eq(trec_arg(&t, &c_set, 2), "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 8191)");
	trec_rec(&t)->arg[2] = 0xdec0ded1facefeedULL;	/* the low 32 bits, as an int */
	cr_assert_str_eq(trec_arg(&t, &c_set, 2),
			 "IOPRIO_PRIO_VALUE(0x7d677 /* IOPRIO_CLASS_??? */, 7917)");
	trec_out(&t);
	{
		struct sct_dec d = { &t.o, trec_rec(&t), &c_set, &t.f, 0 };

		t.o.cstyle = SCT_CONST_RAW;
		sct_dec_ioprio(&d, 2);
		cr_assert_str_eq(trec_text(&t), "-87097619");
		trec_out(&t);
		t.o.cstyle = SCT_CONST_VERBOSE;
		trec_rec(&t)->arg[2] = 8191;
		sct_dec_ioprio(&d, 2);
		cr_assert_str_eq(trec_text(&t),
				 "8191 /* IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE */, 8191) */");
	}
}

Test(format_sched, get_result_and_who)
{
	trec_init(&t, (2 << 13) | 4, 1, 42, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_get),
			 "ioprio_get(1, 42)                       = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))\n");
	trec_rec(&t)->arg[0] = 3;	/* IOPRIO_WHO_USER: a uid, as a number */
	trec_rec(&t)->arg[1] = (uint64_t)-1;
	cr_assert_str_eq(trec_arg(&t, &c_get, 1), "-1");
}

Test(format_sched, getscheduler_policy_named_only_when_exact)
{
	static const struct sct_call c = { "sched_getscheduler", 0, 1, SCT_R_SCHED,
		{ A(PID, NOAUX) } };

	trec_init(&t, 0, 42, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c),
			 "sched_getscheduler(42)                  = 0 (SCHED_OTHER)\n");
	trec_rec(&t)->ret = 0x40000000;	/* SCHED_RESET_ON_FORK|SCHED_OTHER: xlookup finds none */
	cr_assert_str_eq(trec_line(&t, &c), "sched_getscheduler(42)                  = 1073741824\n");
}
