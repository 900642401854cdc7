/* format/line.c: what -n, -i and -b execve add to a line, compared with strace 6.1's
 * lines on this machine ("[  39] getpid() = 1", "[000000000040104b] getppid() = 1",
 * "execve(..., 0x7ff... /\* 37 vars *\/ <detached ...>"). */
#include <criterion/criterion.h>
#include "callidx.h"
#include <stdio.h>
#include "format_rec.h"

static struct trec t;

static const char *line(void)
{
	trec_out(&t);
	sct_format_record(&t.o, trec_rec(&t), &t.f);
	return trec_text(&t);
}

Test(format_leader, syscall_number)
{
	static struct sct_nr_cache cache;

	trec_init(&t, 1234, 0, 0, 0, 0, 0, 0)->call = SCT_CALL_getpid;
	t.f.show_nr = 1;
	t.f.nr_cache = &cache;
	cr_assert_str_eq(line(), "[  39] getpid()                         = 1234\n");
	/* a signal line shows the task's last call, as strace's stale true_scno */
	trec_init(&t, 0, 17, 0, 0, 0, 0, 0)->kind = SCT_REC_SIGINFO;
	t.f.show_nr = 1;
	t.f.nr_cache = &cache;
	cr_assert_eq(strncmp(line(), "[  39] --- SIGCHLD", 18), 0, "%s", t.text);
	/* a task with no call shown yet: exit_group's number on its exit line */
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0)->kind = SCT_REC_EXIT;
	trec_rec(&t)->pid = trec_rec(&t)->tid = 99;
	t.f.show_nr = 1;
	t.f.nr_cache = &cache;
	cr_assert_str_eq(line(), "[ 231] +++ exited with 0 +++\n");
	/* a call known by number only */
	trec_init(&t, -38, 1, 2, 0, 0, 0, 0)->call = SCT_CALL_BY_NR | 456;
	t.f.show_nr = 1;
	cr_assert_eq(strncmp(line(), "[ 456] syscall_0x1c8(", 21), 0, "%s", t.text);
}

Test(format_leader, instruction_pointer)
{
	uint64_t ip = 0x40104b;

	trec_init(&t, 5, 0, 0, 0, 0, 0, 0)->call = SCT_CALL_getpid;
	trec_blob(&t, SCT_BLOB_ARG_IP, SCT_BLOB_IN, &ip, sizeof(ip), 0);
	t.f.show_ip = 1;
	t.f.show_nr = 1;
	cr_assert_str_eq(line(), "[  39] [000000000040104b] getpid()      = 5\n");
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0)->kind = SCT_REC_EXIT;
	t.f.show_ip = 1;
	cr_assert_str_eq(line(), "[????????????????] +++ exited with 0 +++\n");
}

Test(format_leader, detached_exec)
{
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0)->call = SCT_CALL_getpid;
	t.f.detached = 1;
	cr_assert_str_eq(line(), "getpid( <detached ...>\n");
}

/* The pid prefix, made once per task and copied after (f->lead_cache): the same text
 * as made each time, for tasks that share a slot, both prefix modes, and one more
 * line each after the other has taken the slot. */
Test(format_leader, prefix_cache)
{
	static struct sct_lead_cache cache[SCT_LEAD_CACHE];
	static const int ids[] = { 7, 7 + SCT_LEAD_CACHE, 7, 1234567, 42, 7 + SCT_LEAD_CACHE };
	char want[256];

	for (int prefix = 1; prefix <= 2; prefix++)
		for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
			trec_init(&t, 0, 0, 0, 0, 0, 0, 0)->call = SCT_CALL_getpid;
			trec_rec(&t)->pid = trec_rec(&t)->tid = ids[i];
			t.f.prefix = prefix;
			snprintf(want, sizeof(want), "%.200s", line());
			trec_init(&t, 0, 0, 0, 0, 0, 0, 0)->call = SCT_CALL_getpid;
			trec_rec(&t)->pid = trec_rec(&t)->tid = ids[i];
			t.f.prefix = prefix;
			t.f.lead_cache = cache;
			cr_assert_str_eq(line(), want);
			cr_assert_eq(strncmp(want, prefix == 1 ? "[pid " : "7", prefix == 1 ? 5 : 0), 0);
		}
	trec_init(&t, 0, 0, 0, 0, 0, 0, 0)->call = SCT_CALL_getpid;
	trec_rec(&t)->pid = trec_rec(&t)->tid = 42;
	t.f.prefix = 2;
	t.f.lead_cache = cache;
	cr_assert_str_eq(line(), "42    getpid()                          = 0\n");
	t.f.prefix = 1;
	cr_assert_str_eq(line(), "[pid    42] getpid()                    = 0\n");
}
