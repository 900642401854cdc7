/* The -c table, compared with tables strace -c printed on this machine. */
#include <criterion/criterion.h>
#include "format_rec.h"

/* rows written { calls, errors, ns }: shortest and longest are not printed here */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

static char text[8192];

static const char *summary(const struct sct_count *c, unsigned n, const struct sct_call *calls)
{
	struct sct_out o;

	sct_out_init(&o, text, sizeof(text) - 1, -1);
	sct_format_summary_calls(&o, c, n, calls);
	text[o.len] = 0;
	return text;
}

#define CALL(name) { name, 0, 0, SCT_R_INT, { { 0, 0 } } }
#define US(x) ((uint64_t)(x) * 1000)

Test(summary, strace_layout_and_order)
{
	/* table in x86-64 syscall-number order, as strace breaks ties */
	static const struct sct_call calls[] = {
		CALL("read"), CALL("close"), CALL("mmap"), CALL("mprotect"), CALL("munmap"),
		CALL("brk"), CALL("pread64"), CALL("access"), CALL("getppid"), CALL("execve"),
		CALL("arch_prctl"), CALL("set_tid_address"), CALL("openat"), CALL("newfstatat"),
		CALL("set_robust_list"), CALL("prlimit64"), CALL("rseq"), CALL("never_called"),
	};
	static const struct sct_count counts[] = {
		{ 1, 0, US(6) }, { 123458, 123456, US(580633) }, { 8, 0, US(63) },
		{ 3, 0, US(49) }, { 1, 0, US(47) }, { 1, 0, US(6) }, { 2, 0, US(10) },
		{ 1, 1, US(12) }, { 200000, 0, US(950856) }, { 1, 0, US(645) },
		{ 1, 0, US(7) }, { 1, 0, US(5) }, { 2, 0, US(20) }, { 2, 0, US(15) },
		{ 1, 0, US(5) }, { 1, 0, US(7) }, { 1, 0, US(10) }, { 0, 0, 0 },
	};

	cr_assert_str_eq(summary(counts, 18, calls),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 62.05    0.950856           4    200000           getppid\n"
		" 37.89    0.580633           4    123458    123456 close\n"
		"  0.04    0.000645         645         1           execve\n"
		"  0.00    0.000063           7         8           mmap\n"
		"  0.00    0.000049          16         3           mprotect\n"
		"  0.00    0.000047          47         1           munmap\n"
		"  0.00    0.000020          10         2           openat\n"
		"  0.00    0.000015           7         2           newfstatat\n"
		"  0.00    0.000012          12         1         1 access\n"
		"  0.00    0.000010           5         2           pread64\n"
		"  0.00    0.000010          10         1           rseq\n"
		"  0.00    0.000007           7         1           arch_prctl\n"
		"  0.00    0.000007           7         1           prlimit64\n"
		"  0.00    0.000006           6         1           read\n"
		"  0.00    0.000006           6         1           brk\n"
		"  0.00    0.000005           5         1           set_tid_address\n"
		"  0.00    0.000005           5         1           set_robust_list\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    1.532396           4    323485    123457 total\n");
}

Test(summary, single_call)
{
	static const struct sct_call calls[] = { CALL("getppid") };
	static const struct sct_count counts[] = { { 1000, 0, US(4327) } };

	cr_assert_str_eq(summary(counts, 1, calls),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.004327           4      1000           getppid\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.004327           4      1000           total\n");
}

Test(summary, long_names_widen_the_dashes_and_zero_time)
{
	static const struct sct_call calls[] = { CALL("process_vm_readv") };
	static const struct sct_count counts[] = { { 2, 0, 0 } };
	static const struct sct_call calls2[] = { CALL("sched_get_priority_max") };
	static const struct sct_count counts2[] = { { 3, 3, US(15) } };

	cr_assert_str_eq(summary(counts, 1, calls),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- -----------------\n"
		"  0.00    0.000000           0         2           process_vm_readv\n"
		"------ ----------- ----------- --------- --------- -----------------\n"
		"100.00    0.000000           0         2           total\n");
	cr_assert_str_eq(summary(counts2, 1, calls2),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- -----------------------\n"
		"100.00    0.000015           5         3         3 sched_get_priority_max\n"
		"------ ----------- ----------- --------- --------- -----------------------\n"
		"100.00    0.000015           5         3         3 total\n");
}

Test(summary, sub_microsecond_rounding)
{
	static const struct sct_call calls[] = { CALL("a"), CALL("b") };
	/* 1.4999 us and 2.5 us: seconds round to the microsecond, usecs/call truncates */
	static const struct sct_count counts[] = { { 1, 0, 1499 }, { 2, 0, 2500 } };

	cr_assert_str_eq(summary(counts, 2, calls),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 62.52    0.000003           1         2           b\n"
		" 37.48    0.000001           1         1           a\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000004           1         3           total\n");
}
