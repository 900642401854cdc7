/* runner/columns.c: the -c table in strace 6.1's layouts, checked against tables strace
 * printed for the same counts, and against format/summary.c's default table. */
#include <criterion/criterion.h>
#include <string.h>
#include "format_rec.h"
#include "runner/columns.h"

static char text[8192], text2[8192];

#define CALL(name) { name, 0, 0, SCT_R_INT, { { 0, 0 } } }
#define US(x) ((uint64_t)(x) * 1000)
/* { calls, errors, ns, ~shortest, longest } */
#define ROW(c, e, ns, mn, mx) { c, e, ns, ~(uint64_t)(mn), mx }

static const struct sct_call calls[] = {
	CALL("read"), CALL("close"), CALL("getppid"), CALL("write"), CALL("a_long_system_call_name"),
};
static const struct sct_count counts[] = {
	ROW(3, 0, US(30), US(5), US(20)), ROW(5, 5, US(10), US(1), US(3)),
	ROW(10, 0, US(20), US(2), US(2)), ROW(1, 0, 1500000000, 1500000000, 1500000000),
	ROW(0, 0, 0, 0, 0),
};

static const char *table(const char *cols, const char *sortby)
{
	static struct sct_opts o;
	static char err[256];
	struct sct_out out;
	char *argv[] = { "sctrace", "-c", "-U", (char *)cols, "-S", (char *)sortby, "true", NULL };

	cr_assert_eq(sct_options_parse(&o, 7, argv, err, sizeof(err)), SCT_OPT_OK, "%s", err);
	sct_out_init(&out, text, sizeof(text) - 1, -1);
	sct_columns_print(&out, counts, 5, calls, &o);
	text[out.len] = 0;
	return text;
}

Test(columns, default_is_format_summary)
{
	static struct sct_opts o;
	static char err[256];
	struct sct_out out;
	char *argv[] = { "sctrace", "-c", "true", NULL };

	cr_assert_eq(sct_options_parse(&o, 3, argv, err, sizeof(err)), SCT_OPT_OK);
	sct_out_init(&out, text, sizeof(text) - 1, -1);
	sct_columns_print(&out, counts, 4, calls, &o);
	text[out.len] = 0;
	sct_out_init(&out, text2, sizeof(text2) - 1, -1);
	sct_format_summary_calls(&out, counts, 4, calls);
	text2[out.len] = 0;
	cr_assert_str_eq(text, text2);
}

Test(columns, chosen_columns_in_order)
{
	/* strace -c -U name,calls,errors,max-time,min-time,avg-time -S calls: names not
	 * padded when last, "shortest"/"longest" as wide as their widest second */
	cr_assert_str_eq(table("calls,max-time,min-time,avg-time,name", "calls"),
		"    calls  longest shortest  usecs/call syscall\n"
		"--------- -------- -------- ----------- ----------------\n"
		"       10 0.000002 0.000002           2 getppid\n"
		"        5 0.000003 0.000001           2 close\n"
		"        3 0.000020 0.000005          10 read\n"
		"        1 1.500000 1.500000     1500000 write\n"
		"--------- -------- -------- ----------- ----------------\n"
		"       19 1.500000 0.000001       78950 total\n");
	cr_assert_str_eq(table("name,errors", "name"),
		"syscall             errors\n"
		"---------------- ---------\n"
		"close                    5\n"
		"getppid                   \n"
		"read                      \n"
		"write                     \n"
		"---------------- ---------\n"
		"total                    5\n");
}

Test(columns, sort_keys)
{
	cr_assert_str_eq(table("max-time", "nothing"),
		" longest syscall\n"		/* strace's width: "0.000000" is 8 */
		"-------- ----------------\n"
		"0.000020 read\n"
		"0.000003 close\n"
		"0.000002 getppid\n"
		"1.500000 write\n"
		"-------- ----------------\n"
		"1.500000 total\n");
}

Test(columns, ties_in_number_order)
{
	/* strace sorts its syscall table, which is in number order: equal keys (and
	 * "-S nothing") go read (0), close (3), openat (257), whatever the order of
	 * sct_calls[] (the spec's: openat, close, read) */
	static struct sct_count c[SCT_MAX_CALLS];
	static struct sct_opts o;
	static char err[256];
	struct sct_out out;
	char *argv[] = { "sctrace", "-c", "-U", "calls,name", "-S", "calls", "true", NULL };
	int gp = sct_call_lookup("openat"), g = sct_call_lookup("close");
	int d = sct_call_lookup("read");

	cr_assert(gp >= 0 && g >= 0 && d >= 0);
	c[gp].calls = c[g].calls = c[d].calls = 2;
	cr_assert_eq(sct_options_parse(&o, 7, argv, err, sizeof(err)), SCT_OPT_OK);
	sct_out_init(&out, text, sizeof(text) - 1, -1);
	sct_columns_print(&out, c, sct_ncalls, sct_calls, &o);
	text[out.len] = 0;
	cr_assert_str_eq(text,
		"    calls syscall\n"
		"--------- ----------------\n"
		"        2 read\n"
		"        2 close\n"
		"        2 openat\n"
		"--------- ----------------\n"
		"        6 total\n");
}
