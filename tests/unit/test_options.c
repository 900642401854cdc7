/* runner/options.c: every option, combined flags, each error's wording and code. */
#include "options_harness.h"

Test(options, defaults)
{
	cr_assert_eq(PARSE(o, err, "true"), SCT_OPT_OK);
	cr_assert_eq(o.action, SCT_ACT_RUN);
	cr_assert_eq(o.count + o.summary + o.follow + o.separate + o.tstamp + o.show_time, 0);
	cr_assert_null(o.outfile);
	cr_assert_eq(o.strsize, 32);
	cr_assert_eq(o.filtered, 0);
	cr_assert_eq(o.argc, 1);
	cr_assert_str_eq(o.argv[0], "true");
}

Test(options, command_args_stop_option_parsing)
{
	cr_assert_eq(PARSE(o, err, "-f", "ls", "-c", "-l"), SCT_OPT_OK);
	cr_assert_eq(o.follow, 1);
	cr_assert_eq(o.count, 0, "-c after the command belongs to the command");
	cr_assert_eq(o.argc, 3);
	cr_assert_str_eq(o.argv[0], "ls");
	cr_assert_str_eq(o.argv[1], "-c");
	cr_assert_str_eq(o.argv[2], "-l");
}

Test(options, double_dash)
{
	cr_assert_eq(PARSE(o, err, "--", "-weird"), SCT_OPT_OK);
	cr_assert_str_eq(o.argv[0], "-weird");
}

Test(options, each_flag)
{
	cr_assert_eq(PARSE(o, err, "-c", "x"), SCT_OPT_OK);
	cr_assert_eq(o.count, 1);
	cr_assert_eq(PARSE(o, err, "-C", "x"), SCT_OPT_OK);
	cr_assert_eq(o.summary, 1);
	cr_assert_eq(o.count, 0, "state must not leak between parses");
	cr_assert_eq(PARSE(o, err, "-T", "x"), SCT_OPT_OK);
	cr_assert_eq(o.show_time, 1);
	cr_assert_eq(PARSE(o, err, "-o", "out.txt", "x"), SCT_OPT_OK);
	cr_assert_str_eq(o.outfile, "out.txt");
	cr_assert_eq(PARSE(o, err, "-oout2", "x"), SCT_OPT_OK);
	cr_assert_str_eq(o.outfile, "out2");
	cr_assert_eq(PARSE(o, err, "-s", "100", "x"), SCT_OPT_OK);
	cr_assert_eq(o.strsize, 100);
	cr_assert_eq(PARSE(o, err, "-s0", "x"), SCT_OPT_OK);
	cr_assert_eq(o.strsize, 0);
}

Test(options, follow_levels)
{
	cr_assert_eq(PARSE(o, err, "-f", "x"), SCT_OPT_OK);
	cr_assert(o.follow && !o.separate);
	cr_assert_eq(PARSE(o, err, "-ff", "x"), SCT_OPT_OK);
	cr_assert(o.follow && o.separate);
	cr_assert_eq(PARSE(o, err, "-f", "-f", "x"), SCT_OPT_OK);
	cr_assert(o.follow && o.separate);
	cr_assert_eq(PARSE(o, err, "--output-separately", "x"), SCT_OPT_OK);
	cr_assert(!o.follow && o.separate);
}

Test(options, timestamps_count_up_to_three)
{
	cr_assert_eq(PARSE(o, err, "-t", "x"), SCT_OPT_OK);
	cr_assert(o.tstamp == SCT_TS_TIME && o.tstamp_prec == 0);
	cr_assert_eq(PARSE(o, err, "-tt", "x"), SCT_OPT_OK);
	cr_assert(o.tstamp == SCT_TS_TIME && o.tstamp_prec == 6);
	cr_assert_eq(PARSE(o, err, "-t", "-tt", "x"), SCT_OPT_OK);
	cr_assert(o.tstamp == SCT_TS_UNIX && o.tstamp_prec == 6);
	cr_assert_eq(PARSE(o, err, "-tttt", "x"), SCT_OPT_OK);
	cr_assert(o.tstamp == SCT_TS_UNIX && o.tstamp_prec == 6);
}

/* strace 6.1's spellings: --absolute-timestamps/--timestamps items accumulate */
Test(options, timestamp_spellings)
{
	cr_assert_eq(PARSE(o, err, "--timestamps", "x"), SCT_OPT_OK);
	cr_assert(o.tstamp == SCT_TS_TIME && o.tstamp_prec == 0);
	cr_assert_eq(PARSE(o, err, "--timestamps=ms", "x"), SCT_OPT_OK);
	cr_assert(o.tstamp == SCT_TS_TIME && o.tstamp_prec == 3);
	cr_assert_eq(PARSE(o, err, "--timestamps=unix,s,ns", "x"), SCT_OPT_OK);
	cr_assert(o.tstamp == SCT_TS_UNIX && o.tstamp_prec == 9);
	cr_assert_eq(PARSE(o, err, "--absolute-timestamps=format:unix",
			   "--absolute-timestamps=precision:ms", "x"), SCT_OPT_OK);
	cr_assert(o.tstamp == SCT_TS_UNIX && o.tstamp_prec == 3);
	cr_assert_eq(PARSE(o, err, "--timestamps=none", "x"), SCT_OPT_OK);
	cr_assert_eq(o.tstamp, SCT_TS_NONE);
	/* strace 6.1 refuses -t with --timestamps in any order, =none included */
	cr_assert_eq(PARSE(o, err, "-ttt", "--timestamps=none", "x"), SCT_OPT_FATAL);
	cr_assert_eq(PARSE(o, err, "-r", "x"), SCT_OPT_OK);
	cr_assert(o.rtstamp && o.rtstamp_prec == 6 && !o.tstamp);
	cr_assert_eq(PARSE(o, err, "--relative-timestamps=ns", "x"), SCT_OPT_OK);
	cr_assert(o.rtstamp && o.rtstamp_prec == 9);
	cr_assert_eq(PARSE(o, err, "--syscall-times=s", "x"), SCT_OPT_OK);
	cr_assert(o.show_time && o.time_prec == 0);
	cr_assert_eq(PARSE(o, err, "-T", "x"), SCT_OPT_OK);
	cr_assert(o.show_time && o.time_prec == 6);
	cr_assert_eq(PARSE(o, err, "--absolute-timestamps=format:foo", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid --absolute-timestamps argument: 'format:foo'");
	cr_assert_eq(PARSE(o, err, "--relative-timestamps=", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid --relative-timestamps argument: ''");
	cr_assert_eq(PARSE(o, err, "--syscall-times=sec", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid --syscall-times argument: 'sec'");
}

Test(options, combined_short_flags)
{
	cr_assert_eq(PARSE(o, err, "-fcT", "x"), SCT_OPT_OK);
	cr_assert(o.follow && o.count && o.show_time);
	cr_assert_eq(PARSE(o, err, "-fTs64", "x"), SCT_OPT_OK);
	cr_assert(o.follow && o.show_time);
	cr_assert_eq(o.strsize, 64);
	cr_assert_eq(PARSE(o, err, "-ffo", "log", "x"), SCT_OPT_OK);
	cr_assert(o.separate);
	cr_assert_str_eq(o.outfile, "log");
}

Test(options, long_options)
{
	cr_assert_eq(PARSE(o, err, "--summary-only", "--follow-forks", "--output=f",
			   "--string-limit=7", "--syscall-times", "--trace=close", "x"), SCT_OPT_OK);
	cr_assert(o.count && o.follow && o.show_time && o.filtered);
	cr_assert_str_eq(o.outfile, "f");
	cr_assert_eq(o.strsize, 7);
	cr_assert(sct_filter_has(&o, idx("close")));
	cr_assert_eq(PARSE(o, err, "--summary", "x"), SCT_OPT_OK);
	cr_assert(o.summary);
}

Test(options, ring_size_and_lossy)
{
	cr_assert_eq(PARSE(o, err, "x"), SCT_OPT_OK);
	cr_assert_eq(o.ring_size, 0, "the library's default unless asked");
	cr_assert_eq(o.lossy, 0, "lossless unless asked");
	cr_assert_eq(PARSE(o, err, "--ring-size=262144", "--lossy", "x"), SCT_OPT_OK);
	cr_assert_eq(o.ring_size, 262144);
	cr_assert(o.lossy);
	cr_assert_eq(PARSE(o, err, "--ring-size", "1073741824", "x"), SCT_OPT_OK);
	cr_assert_eq(o.ring_size, 1ul << 30);
	cr_assert_eq(PARSE(o, err, "--ring-size=300000", "x"), SCT_OPT_USAGE, "not a power of two");
	cr_assert_str_eq(err, "invalid --ring-size argument: '300000'");
	cr_assert_eq(PARSE(o, err, "--ring-size=131072", "x"), SCT_OPT_USAGE, "below 256 KiB");
	cr_assert_eq(PARSE(o, err, "--ring-size=2147483648", "x"), SCT_OPT_USAGE, "above 1 GiB");
	cr_assert_eq(PARSE(o, err, "--ring-size=1M", "x"), SCT_OPT_USAGE);
}

Test(options, help_and_version)
{
	cr_assert_eq(PARSE(o, err, "-h"), SCT_OPT_OK);
	cr_assert_eq(o.action, SCT_ACT_HELP);
	cr_assert_eq(PARSE(o, err, "--help"), SCT_OPT_OK);
	cr_assert_eq(o.action, SCT_ACT_HELP);
	cr_assert_eq(PARSE(o, err, "-V"), SCT_OPT_OK);
	cr_assert_eq(o.action, SCT_ACT_VERSION);
	cr_assert_eq(PARSE(o, err, "--version"), SCT_OPT_OK);
	cr_assert_eq(o.action, SCT_ACT_VERSION);
	cr_assert(strstr(sct_usage_text, "Usage: sctrace"));
	cr_assert(!strncmp(sct_version_text, "sctrace -- version ", 19));
}

Test(options, missing_command)
{
	cr_assert_eq(PARSE(o, err, "-f"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "must have PROG [ARGS] or -p PID");
	cr_assert_eq(sct_options_parse(&o, 1, ARGV(NULL), err, sizeof(err)), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "must have PROG [ARGS] or -p PID");
}

Test(options, unknown_options)
{
	cr_assert_eq(PARSE(o, err, "-Q", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid option -- 'Q'");
	cr_assert_eq(PARSE(o, err, "-fQ", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid option -- 'Q'");
	cr_assert_eq(PARSE(o, err, "--bogus", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "unrecognized option '--bogus'");
}

Test(options, missing_arguments)
{
	cr_assert_eq(PARSE(o, err, "-s"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "option requires an argument -- 's'");
	cr_assert_eq(PARSE(o, err, "-o"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "option requires an argument -- 'o'");
	cr_assert_eq(PARSE(o, err, "--output"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "option '--output' requires an argument");
}

Test(options, bad_strsize)
{
	const char *bad[] = { "abc", "-1", "", "5x", "0x10", "1073741824", "99999999999" };

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[64];
		cr_assert_eq(PARSE(o, err, "-s", (char *)bad[i], "x"), SCT_OPT_USAGE, "%s", bad[i]);
		snprintf(want, sizeof(want), "invalid -s argument: '%s'", bad[i]);
		cr_assert_str_eq(err, want);
	}
	cr_assert_eq(PARSE(o, err, "-s", "1073741823", "x"), SCT_OPT_OK);
	cr_assert_eq(o.strsize, 1073741823u);
	cr_assert_eq(PARSE(o, err, "-s", "010", "x"), SCT_OPT_OK);
	cr_assert_eq(o.strsize, 10, "decimal, as strace");
}

Test(options, c_and_C_exclusive)
{
	cr_assert_eq(PARSE(o, err, "-c", "-C", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "-c/--summary-only and -C/--summary are mutually exclusive");
}

Test(options, columns)
{
	cr_assert_eq(PARSE(o, err, "x"), SCT_OPT_OK);
	cr_assert_eq(o.acolumn, 40, "strace's default column");
	cr_assert_eq(PARSE(o, err, "-a", "12", "x"), SCT_OPT_OK);
	cr_assert_eq(o.acolumn, 12);
	cr_assert_eq(PARSE(o, err, "-a0", "x"), SCT_OPT_OK);
	cr_assert_eq(o.acolumn, 0);
	cr_assert_eq(PARSE(o, err, "--columns=18", "x"), SCT_OPT_OK);
	cr_assert_eq(o.acolumn, 18);
	cr_assert_eq(PARSE(o, err, "-a", "x", "y"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid -a argument: 'x'");
	cr_assert_eq(PARSE(o, err, "-a", "-1", "y"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid -a argument: '-1'");
	cr_assert_eq(PARSE(o, err, "--columns=x", "y"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid --columns argument: 'x'");
	cr_assert_eq(PARSE(o, err, "-a", "2147483648", "y"), SCT_OPT_USAGE);
}

Test(options, strings_in_hex)
{
	cr_assert_eq(PARSE(o, err, "x"), SCT_OPT_OK);
	cr_assert_eq(o.xstyle, SCT_XSTR_NONE);
	cr_assert_eq(PARSE(o, err, "-x", "x"), SCT_OPT_OK);
	cr_assert_eq(o.xstyle, SCT_XSTR_NON_ASCII);
	cr_assert_eq(PARSE(o, err, "-xx", "x"), SCT_OPT_OK);
	cr_assert_eq(o.xstyle, SCT_XSTR_ALL);
	cr_assert_eq(PARSE(o, err, "-x", "-x", "-x", "x"), SCT_OPT_OK);
	cr_assert_eq(o.xstyle, SCT_XSTR_ALL, "-xxx is -xx");
	cr_assert_eq(PARSE(o, err, "--strings-in-hex", "x"), SCT_OPT_OK);
	cr_assert_eq(o.xstyle, SCT_XSTR_ALL, "a bare --strings-in-hex is all");
	cr_assert_eq(PARSE(o, err, "--strings-in-hex=non-ascii", "x"), SCT_OPT_OK);
	cr_assert_eq(o.xstyle, SCT_XSTR_NON_ASCII);
	cr_assert_eq(PARSE(o, err, "--strings-in-hex=non-ascii-chars", "x"), SCT_OPT_OK);
	cr_assert_eq(o.xstyle, SCT_XSTR_NON_ASCII_CHARS);
	cr_assert_eq(PARSE(o, err, "--strings-in-hex=none", "x"), SCT_OPT_OK);
	cr_assert_eq(o.xstyle, SCT_XSTR_NONE);
	cr_assert_eq(PARSE(o, err, "--strings-in-hex=foo", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid --strings-in-hex argument: 'foo'");
	cr_assert_eq(PARSE(o, err, "-x", "--strings-in-hex=all", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "-x and --strings-in-hex cannot be provided simultaneously");
}

Test(options, status)
{
	cr_assert_eq(PARSE(o, err, "x"), SCT_OPT_OK);
	cr_assert_eq(o.status, SCT_STATUS_ALL);
	cr_assert_eq(PARSE(o, err, "-z", "x"), SCT_OPT_OK);
	cr_assert_eq(o.status, SCT_STATUS_SUCCESSFUL);
	cr_assert_null(o.warning);
	cr_assert_eq(PARSE(o, err, "--failed-only", "x"), SCT_OPT_OK);
	cr_assert_eq(o.status, SCT_STATUS_FAILED);
	cr_assert_eq(PARSE(o, err, "--successful-only", "-Z", "x"), SCT_OPT_OK);
	cr_assert_eq(o.status, SCT_STATUS_FAILED, "the last wins");
	cr_assert_str_eq(o.warning, "Only the last of -z/--successful-only/-Z/--failed-only "
			 "options will take effect. See status qualifier for more complex filters.");
	cr_assert_eq(PARSE(o, err, "-e", "status=failed,unfinished", "x"), SCT_OPT_OK);
	cr_assert_eq(o.status, SCT_STATUS_FAILED | SCT_STATUS_UNFINISHED);
	cr_assert_eq(PARSE(o, err, "--status=!successful", "x"), SCT_OPT_OK);
	cr_assert_eq(o.status, SCT_STATUS_ALL & ~SCT_STATUS_SUCCESSFUL);
	cr_assert_eq(PARSE(o, err, "--status=none", "x"), SCT_OPT_OK);
	cr_assert_eq(o.status, 0);
	cr_assert_eq(PARSE(o, err, "-e", "status=!none", "x"), SCT_OPT_OK);
	cr_assert_eq(o.status, SCT_STATUS_ALL);
	cr_assert_eq(PARSE(o, err, "-e", "status=successful,foo", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid status 'foo'");
	cr_assert_eq(PARSE(o, err, "-e", "status=", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid status ''");
	cr_assert_eq(PARSE(o, err, "-e", "status=,", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid status ','");
}

Test(options, quiet)
{
	cr_assert_eq(PARSE(o, err, "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, 0);
	cr_assert_eq(PARSE(o, err, "-q", "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, SCT_QUIET_ATTACH | SCT_QUIET_PERSONALITY);
	cr_assert_eq(PARSE(o, err, "-qq", "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, SCT_QUIET_ATTACH | SCT_QUIET_PERSONALITY | SCT_QUIET_EXIT);
	cr_assert_eq(PARSE(o, err, "-qqqq", "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, SCT_QUIET_ALL);
	cr_assert_eq(PARSE(o, err, "-o", "f", "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, SCT_QUIET_ATTACH | SCT_QUIET_PERSONALITY, "-o FILE CMD implies -q");
	cr_assert_eq(PARSE(o, err, "-e", "quiet=exits", "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, SCT_QUIET_EXIT);
	cr_assert_eq(PARSE(o, err, "-e", "silent=superseded,path-resolution", "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, SCT_QUIET_THREAD_EXECVE | SCT_QUIET_PATH_RESOLVE);
	cr_assert_eq(PARSE(o, err, "--quiet", "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, SCT_QUIET_ATTACH | SCT_QUIET_PERSONALITY);
	cr_assert_eq(PARSE(o, err, "--silence=all", "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, SCT_QUIET_ALL);
	cr_assert_eq(PARSE(o, err, "-o", "f", "-e", "quiet=none", "x"), SCT_OPT_OK);
	cr_assert_eq(o.quiet, 0, "an explicit quiet set overrides -o's -q");
	cr_assert_eq(PARSE(o, err, "-e", "quiet=bogus", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid quiet 'bogus'");
	cr_assert_eq(PARSE(o, err, "-q", "-e", "quiet=exit", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "-q and -e quiet/--quiet cannot be provided simultaneously");
}

Test(options, read_write_sets)
{
	cr_assert_eq(PARSE(o, err, "-e", "read=none", "-e", "write=none", "x"), SCT_OPT_OK);
	cr_assert_eq(PARSE(o, err, "-e", "read=foo", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid descriptor 'foo'");
	cr_assert_eq(PARSE(o, err, "-e", "write=-1", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid descriptor '-1'");
	cr_assert_eq(PARSE(o, err, "-e", "r=", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid descriptor ''");
	/* the sets as the library reads them (SCTRACE_DUMP_READ/WRITE): empty sets are
	 * not passed at all */
	char hex[SCT_NUMSET_HEX];
	cr_assert_eq(PARSE(o, err, "-e", "read=0,5,1023", "--write=all", "x"), SCT_OPT_OK);
	cr_assert_eq(sct_numset_hex(&o.read_fds, hex), 1);
	cr_assert_eq(strlen(hex), 256);
	cr_assert_eq(hex[0], '8', "fd 1023 is the first digit's top bit");
	cr_assert_eq(hex[255], '1', "fd 0 is the last digit's low bit");
	cr_assert_eq(hex[254], '2', "fd 5 is bit 1 of the next digit");
	cr_assert_eq(sct_numset_hex(&o.write_fds, hex), 1);
	cr_assert_str_eq(hex, "!0", "all: the empty set inverted, one digit");
	cr_assert_eq(PARSE(o, err, "-e", "read=19998,19999", "x"), SCT_OPT_OK);
	cr_assert_eq(sct_numset_hex(&o.read_fds, hex), 1);
	cr_assert_eq(strlen(hex), 5000, "as many digits as the highest needs");
	cr_assert_eq(hex[0], 'c', "19998 and 19999 are the top digit's two high bits");
	cr_assert_eq(PARSE(o, err, "-e", "read=!all", "-e", "write=none", "x"), SCT_OPT_OK);
	cr_assert_eq(sct_numset_hex(&o.read_fds, hex), 0);
	cr_assert_eq(sct_numset_hex(&o.write_fds, hex), 0);
}

Test(options, env_changes)
{
	cr_assert_eq(PARSE(o, err, "-E", "A=1", "--env=B", "-EC=", "x"), SCT_OPT_OK);
	cr_assert_eq(o.nenv, 3);
	cr_assert_str_eq(o.env[0], "A=1");
	cr_assert_str_eq(o.env[1], "B");
	cr_assert_str_eq(o.env[2], "C=");
	cr_assert_eq(PARSE(o, err, "-E"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "option requires an argument -- 'E'");

	static char set[] = "SCT_TEST_E=yes", unset[] = "SCT_TEST_E2";
	char *argv[] = { "sctrace", "-E", set, "-E", unset, "x", NULL };
	setenv("SCT_TEST_E2", "there", 1);
	cr_assert_eq(sct_options_parse(&o, 6, argv, err, sizeof(err)), SCT_OPT_OK);
	sct_options_apply_env(&o);
	cr_assert_str_eq(getenv("SCT_TEST_E"), "yes");
	cr_assert_null(getenv("SCT_TEST_E2"), "-E VAR removes VAR");
}

Test(options, decode_fds)
{
	cr_assert_eq(PARSE(o, err, "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_fds, 0);
	cr_assert_eq(PARSE(o, err, "-y", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_fds, SCT_DECODE_FD_PATH);
	cr_assert_eq(PARSE(o, err, "-yy", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_fds, SCT_DECODE_FD_ALL);
	cr_assert_eq(PARSE(o, err, "-yyy", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_fds, SCT_DECODE_FD_ALL);
	cr_assert_eq(PARSE(o, err, "--decode-fds", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_fds, SCT_DECODE_FD_PATH);
	cr_assert_eq(PARSE(o, err, "--decode-fds=dev,socket", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_fds, SCT_DECODE_FD_DEV | SCT_DECODE_FD_SOCKET);
	cr_assert_eq(PARSE(o, err, "-e", "decode-fds=all", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_fds, SCT_DECODE_FD_ALL);
	cr_assert_eq(PARSE(o, err, "-e", "decode-fds=none", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_fds, 0);
	/* strace 6.1's wording */
	cr_assert_eq(PARSE(o, err, "--decode-fds=foo", "true"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid decode-fds 'foo'");
	cr_assert_eq(PARSE(o, err, "-e", "decode-fds=", "true"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid decode-fds ''");
	cr_assert_eq(PARSE(o, err, "-c", "-y", "true"), SCT_OPT_OK);
	cr_assert_str_eq(o.warning, "-y/--decode-fds has no effect with -c/--summary-only");
	cr_assert_eq(PARSE(o, err, "-y", "-e", "decode-fds=none", "true"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "-y and --decode-fds cannot be provided simultaneously");
}

Test(options, trace_path)
{
	cr_assert_eq(PARSE(o, err, "-P", "/nonexistent-sct", "--trace-path=rel", "-P", "rel", "true"),
		     SCT_OPT_OK);
	cr_assert_eq(o.npaths, 2, "a path given twice is kept once");
	cr_assert_str_eq(o.paths[0], "/nonexistent-sct");
	cr_assert_str_eq(o.paths[1], "rel");
	cr_assert_null(o.path_notes);
	/* a path that resolves elsewhere: both, and strace's note */
	cr_assert_eq(PARSE(o, err, "-P", "/proc/self/../self/", "true"), SCT_OPT_OK);
	cr_assert_eq(o.npaths, 2);
	cr_assert_str_eq(o.paths[0], "/proc/self/../self/");
	cr_assert_eq(strncmp(o.paths[1], "/proc/", 6), 0);
	cr_assert_not_null(o.path_notes);
	cr_assert_eq(strncmp(o.path_notes, "sctrace: Requested path \"/proc/self/../self/\" resolved into \"/proc/", 67), 0);
	cr_assert_eq(PARSE(o, err, "-e", "quiet=path-resolution", "-P", "/proc/self/../self/", "true"),
		     SCT_OPT_OK);
	cr_assert_null(o.path_notes);
	cr_assert_eq(PARSE(o, err, "-P", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "must have PROG [ARGS] or -p PID");
	cr_assert_eq(PARSE(o, err, "-c", "-P", "/x", "true"), SCT_OPT_FATAL);
}

Test(options, const_print_style)
{
	cr_assert_eq(PARSE(o, err, "x"), SCT_OPT_OK);
	cr_assert_eq(o.cstyle, SCT_CONST_ABBREV);
	cr_assert_eq(PARSE(o, err, "-X", "raw", "x"), SCT_OPT_OK);
	cr_assert_eq(o.cstyle, SCT_CONST_RAW);
	cr_assert_eq(PARSE(o, err, "-Xverbose", "x"), SCT_OPT_OK);
	cr_assert_eq(o.cstyle, SCT_CONST_VERBOSE);
	cr_assert_eq(PARSE(o, err, "-Xraw", "--const-print-style=abbrev", "x"), SCT_OPT_OK);
	cr_assert_eq(o.cstyle, SCT_CONST_ABBREV, "the last one wins");
	/* strace takes the whole word only */
	cr_assert_eq(PARSE(o, err, "-Xr", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid -X argument: 'r'");
	cr_assert_eq(PARSE(o, err, "--const-print-style=foo", "x"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "invalid --const-print-style argument: 'foo'");
	cr_assert_eq(PARSE(o, err, "-X"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "option requires an argument -- 'X'");
}
