/* runner/options_summary.c: -S, -U, -w, -O, -A, -n, -i, -u, -I, -D, --daemonize,
 * --seccomp-bpf, -b, with strace 6.1's messages and exit paths. */
#include "options_harness.h"

static int has_warning(const char *w)
{
	for (unsigned i = 0; i < o.nwarnings; i++)
		if (!strcmp(o.warnings[i], w))
			return 1;
	return 0;
}

Test(options_summary, default_table_is_stracess)
{
	static const unsigned char dflt[] = { SCT_COL_PERCENT, SCT_COL_TOTAL, SCT_COL_AVG,
					      SCT_COL_CALLS, SCT_COL_ERRORS, SCT_COL_NAME, 0 };

	cr_assert_eq(PARSE(o, err, "-c", "true"), SCT_OPT_OK);
	cr_assert_eq(memcmp(o.columns, dflt, sizeof(dflt)), 0);
	cr_assert_eq(o.sortby, SCT_COL_TOTAL);
	cr_assert_eq(o.columns_set + o.sortby_set + o.wallclock, 0);
}

Test(options_summary, sortby_names_and_aliases)
{
	static const struct { const char *arg; int key; } t[] = {
		{ "time", SCT_COL_TOTAL }, { "time_total", SCT_COL_TOTAL },
		{ "total_time", SCT_COL_TOTAL }, { "time-percent", SCT_COL_TOTAL },
		{ "min-time", SCT_COL_MIN }, { "shortest", SCT_COL_MIN },
		{ "longest", SCT_COL_MAX }, { "max_time", SCT_COL_MAX },
		{ "avg_time", SCT_COL_AVG }, { "time_avg", SCT_COL_AVG },
		{ "calls", SCT_COL_CALLS }, { "count", SCT_COL_CALLS },
		{ "error", SCT_COL_ERRORS }, { "errors", SCT_COL_ERRORS },
		{ "name", SCT_COL_NAME }, { "syscall", SCT_COL_NAME },
		{ "syscall_name", SCT_COL_NAME }, { "nothing", SCT_COL_NONE },
		{ "none", SCT_COL_NONE },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cr_assert_eq(PARSE(o, err, "-c", "-S", (char *)t[i].arg, "true"), SCT_OPT_OK,
			     "-S %s: %s", t[i].arg, err);
		cr_assert_eq(o.sortby, t[i].key, "-S %s", t[i].arg);
	}
	cr_assert_eq(PARSE(o, err, "-c", "--summary-sort-by=count", "true"), SCT_OPT_OK);
	cr_assert_eq(o.sortby, SCT_COL_CALLS);
	cr_assert_eq(PARSE(o, err, "-c", "-S", "Calls", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid sortby: 'Calls'");
	/* strace: a warning only, after the command */
	cr_assert_eq(PARSE(o, err, "-S", "calls", "true"), SCT_OPT_OK);
	cr_assert(has_warning("-S/--summary-sort-by has no effect without "
			      "(-c/--summary-only or -C/--summary)"));
}

Test(options_summary, columns)
{
	static const unsigned char want[] = { SCT_COL_CALLS, SCT_COL_MAX, SCT_COL_NAME,
					      SCT_COL_MIN, 0 };
	static const unsigned char named[] = { SCT_COL_ERRORS, SCT_COL_NAME, 0 };

	cr_assert_eq(PARSE(o, err, "-C", "-U", "count,longest,syscall,time-min", "true"),
		     SCT_OPT_OK, "%s", err);
	cr_assert_eq(memcmp(o.columns, want, sizeof(want)), 0);
	cr_assert_eq(PARSE(o, err, "-c", "--summary-columns=errors", "true"), SCT_OPT_OK);
	cr_assert_eq(memcmp(o.columns, named, sizeof(named)), 0, "the name column is added");
	cr_assert_eq(PARSE(o, err, "-c", "-U", "calls,bogus,name", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "unknown column name: 'bogus'");
	cr_assert_eq(PARSE(o, err, "-c", "-U", "none", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "unknown column name: 'none'");
	cr_assert_eq(PARSE(o, err, "-c", "-U", "calls,min-time,count", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "call summary column has been provided more than once: "
			 "'count' (-U option residual: 'count')");
	cr_assert_eq(PARSE(o, err, "-U", "calls", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "-U/--summary-columns must be given with (-c/--summary-only "
			 "or -C/--summary)");
}

Test(options_summary, wall_clock)
{
	cr_assert_eq(PARSE(o, err, "-c", "-w", "true"), SCT_OPT_OK);
	cr_assert_eq(o.wallclock, 1);
	cr_assert_eq(PARSE(o, err, "-C", "--summary-wall-clock", "true"), SCT_OPT_OK);
	cr_assert_eq(PARSE(o, err, "-w", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "-w/--summary-wall-clock must be given with (-c/--summary-only "
			 "or -C/--summary)");
}

Test(options_summary, overhead)
{
	static const struct { const char *arg; uint64_t ns; } t[] = {
		{ "1", 1000 }, { "0", 0 }, { "1.5", 1500 }, { "4.5e2ms", 450000000 },
		{ "4.5e-1s", 450000000 }, { "456789012ns", 456789012 }, { "2s", 2000000000 },
		{ "+3us", 3000 }, { "1.25ms", 1250000 },
	};
	static const char *const bad[] = { "", "-1", "1x", "1 ", "ms", "1.5xs", "-0.5" };
	uint64_t ns;

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cr_assert_eq(sct_parse_overhead(t[i].arg, &ns), 0, "-O %s", t[i].arg);
		cr_assert_eq(ns, t[i].ns, "-O %s: %llu", t[i].arg, (unsigned long long)ns);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(sct_parse_overhead(bad[i], &ns), -1, "-O '%s'", bad[i]);
	cr_assert_eq(PARSE(o, err, "-c", "-O", "1x", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid -O argument: '1x'");
	cr_assert_eq(PARSE(o, err, "-c", "--summary-syscall-overhead=x", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid --summary-syscall-overhead argument: 'x'");
	cr_assert_eq(PARSE(o, err, "-c", "-O", "2ms", "true"), SCT_OPT_OK);
	cr_assert_eq(o.overhead_ns, 2000000);
}

Test(options_summary, output_and_line_options)
{
	cr_assert_eq(PARSE(o, err, "-A", "-o", "f", "-n", "-i", "true"), SCT_OPT_OK);
	cr_assert_eq(o.append + o.show_nr + o.show_ip, 3);
	cr_assert_eq(o.nwarnings, 0);
	cr_assert_eq(PARSE(o, err, "--output-append-mode", "--syscall-number",
			   "--instruction-pointer", "true"), SCT_OPT_OK);
	cr_assert_eq(o.append + o.show_nr + o.show_ip, 3);
	cr_assert(has_warning("-A/--output-append-mode has no effect without -o/--output"));
	cr_assert_eq(PARSE(o, err, "-c", "-n", "-i", "-T", "true"), SCT_OPT_OK);
	cr_assert_str_eq(o.warnings[0], "-i/--instruction-pointer has no effect with "
			 "-c/--summary-only");
	cr_assert_str_eq(o.warnings[1], "-n/--syscall-number has no effect with "
			 "-c/--summary-only");
	cr_assert_str_eq(o.warnings[2], "-T/--syscall-times has no effect with "
			 "-c/--summary-only");
	cr_assert_eq(PARSE(o, err, "-ff", "-o", "x", "-c", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "(-c/--summary-only or -C/--summary) and -ff/--output-separately "
			 "are mutually exclusive");
}

Test(options_summary, user)
{
	cr_assert_eq(PARSE(o, err, "-u", "nobody", "true"), SCT_OPT_OK);
	cr_assert_str_eq(o.username, "nobody");
	cr_assert_eq(PARSE(o, err, "--user=daemon", "true"), SCT_OPT_OK);
	cr_assert_str_eq(o.username, "daemon");
	cr_assert_eq(PARSE(o, err, "-u", "true"), SCT_OPT_USAGE, "the command is -u's value");
}

Test(options_summary, interruptible)
{
	static const struct { const char *arg; int v; } t[] = {
		{ "1", 1 }, { "4", 4 }, { "anywhere", 1 }, { "always", 1 }, { "waiting", 2 },
		{ "never", 3 }, { "never_tstp", 4 },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cr_assert_eq(PARSE(o, err, "-I", (char *)t[i].arg, "true"), SCT_OPT_OK);
		cr_assert_eq(o.intr, t[i].v, "-I %s", t[i].arg);
	}
	cr_assert_eq(PARSE(o, err, "-I", "0", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid -I argument: '0'");
	cr_assert_eq(PARSE(o, err, "-I5", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid -I argument: '5'");
	cr_assert_eq(PARSE(o, err, "--interruptible=Never", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid --interruptible argument: 'Never'");
}

Test(options_summary, daemonize)
{
	cr_assert_eq(PARSE(o, err, "-DDD", "true"), SCT_OPT_OK);
	cr_assert_eq(o.daemonize, 3);
	cr_assert_eq(PARSE(o, err, "-DDDD", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "Too many -D's (4), maximum supported -D count is 3");
	cr_assert_eq(PARSE(o, err, "--daemonize", "true"), SCT_OPT_OK);
	cr_assert_eq(o.daemonize, 1);
	cr_assert_eq(PARSE(o, err, "--daemonized=pgrp", "true"), SCT_OPT_OK);
	cr_assert_eq(o.daemonize, 2);
	cr_assert_eq(PARSE(o, err, "--daemonise=session", "true"), SCT_OPT_OK,
		     "getopt_long: a prefix of --daemonised");
	cr_assert_eq(PARSE(o, err, "--daemonize=session", "true"), SCT_OPT_OK);
	cr_assert_eq(o.daemonize, 3);
	cr_assert_eq(PARSE(o, err, "--daemonize=x", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid --daemonize argument: 'x'");
	cr_assert_eq(PARSE(o, err, "-D", "--daemonize", "true"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "-D and --daemonize cannot be provided simultaneously");
	cr_assert_eq(PARSE(o, err, "true"), SCT_OPT_OK);
	cr_assert_eq(o.daemonize + o.daemonize_long, 0, "nothing left from the last parse");
}

Test(options_summary, seccomp_bpf_and_detach)
{
	cr_assert_eq(PARSE(o, err, "-f", "--seccomp-bpf", "true"), SCT_OPT_OK);
	cr_assert_eq(o.seccomp_bpf, 1);
	cr_assert_eq(o.nwarnings, 0);
	cr_assert_eq(PARSE(o, err, "--seccomp-bpf", "true"), SCT_OPT_OK);
	cr_assert_eq(o.seccomp_bpf, 0);
	cr_assert(has_warning("--seccomp-bpf cannot be used without -f/--follow-forks, "
			      "disabling"));
	cr_assert_eq(PARSE(o, err, "--seccomp-bpf", "-bexecve", "true"), SCT_OPT_OK);
	cr_assert_eq(o.detach_exec, 1);
	cr_assert_eq(o.nwarnings, 1);
	cr_assert_str_eq(o.warnings[0], "--seccomp-bpf is not enabled because it is not "
			 "compatible with -b");
	cr_assert_eq(PARSE(o, err, "--detach-on=execve", "true"), SCT_OPT_OK);
	cr_assert_eq(o.detach_exec, 1);
	cr_assert_eq(PARSE(o, err, "-b", "clone", "true"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "Syscall 'clone' for -b isn't supported");
}
