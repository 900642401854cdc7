/* runner/attach.c: -p's list of pids, parsed as strace's process_opt_p_list does. */
#include <unistd.h>
#include "options_harness.h"

Test(attach, pids_alone_need_no_command)
{
	cr_assert_eq(PARSE(o, err, "-p", "12"), SCT_OPT_OK);
	cr_assert_eq(o.npids, 1);
	cr_assert_eq(o.pids[0], 12);
	cr_assert_eq(o.argc, 0);
}

Test(attach, repeated_and_listed)
{
	cr_assert_eq(PARSE(o, err, "-p", "1 2,3", "-p", "4\n5\t6", "--attach=7"), SCT_OPT_OK);
	cr_assert_eq(o.npids, 7);
	for (int i = 0; i < 7; i++)
		cr_assert_eq(o.pids[i], i + 1);
}

Test(attach, duplicates_once)
{
	cr_assert_eq(PARSE(o, err, "-p", "9,9", "-p", "9"), SCT_OPT_OK);
	cr_assert_eq(o.npids, 1);
}

Test(attach, with_a_command)
{
	cr_assert_eq(PARSE(o, err, "-p", "5", "true"), SCT_OPT_OK);
	cr_assert_eq(o.npids, 1);
	cr_assert_eq(o.argc, 1);
	cr_assert_str_eq(o.argv[0], "true");
}

Test(attach, invalid_in_strace_words)
{
	cr_assert_eq(PARSE(o, err, "-p", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "Invalid process id: 'x'");
	cr_assert_eq(PARSE(o, err, "-p", "0"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "Invalid process id: '0'");
	cr_assert_eq(PARSE(o, err, "-p", "3,,4"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "Invalid process id: ''");
	cr_assert_eq(PARSE(o, err, "-p", "12a"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "Invalid process id: '12a'");
}

Test(attach, not_ourselves)
{
	char self[16];

	snprintf(self, sizeof(self), "%d", (int)getpid());
	cr_assert_eq(PARSE(o, err, "-p", self), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "I'm sorry, I can't let you do that, Dave.");
}

Test(attach, quiet_with_o_only_for_a_command)
{
	cr_assert_eq(PARSE(o, err, "-o", "f", "-p", "3"), SCT_OPT_OK);
	cr_assert_eq(o.quiet & SCT_QUIET_ATTACH, 0, "strace -o F -p PID says 'attached'");
	cr_assert_eq(PARSE(o, err, "-o", "f", "true"), SCT_OPT_OK);
	cr_assert_neq(o.quiet & SCT_QUIET_ATTACH, 0);
}
