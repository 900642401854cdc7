/* runner/filters.c: -e trace=, -e signal=, -e abbrev=/verbose= and their errors. */
#include "options_harness.h"

Test(filters, trace_names)
{
	cr_assert_eq(PARSE(o, err, "-e", "trace=close,openat", "x"), SCT_OPT_OK);
	cr_assert(o.filtered);
	cr_assert(sct_filter_has(&o, idx("close")));
	cr_assert(sct_filter_has(&o, idx("openat")));
	cr_assert_not(sct_filter_has(&o, idx("read")));
	cr_assert_eq(nset(), 2);
}

Test(filters, trace_bare_and_t_and_empty_tokens)
{
	cr_assert_eq(PARSE(o, err, "-e", "close", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 1);
	cr_assert(sct_filter_has(&o, idx("close")));
	cr_assert_eq(PARSE(o, err, "-e", "t=read,,close", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 2);
	cr_assert(sct_filter_has(&o, idx("read")));
}

Test(filters, trace_last_wins)
{
	cr_assert_eq(PARSE(o, err, "-e", "trace=close", "-e", "trace=read", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 1);
	cr_assert(sct_filter_has(&o, idx("read")));
}

Test(filters, trace_classes)
{
	uint32_t net = sct_class_lookup("network");

	cr_assert_neq(net, 0);
	cr_assert_eq(PARSE(o, err, "-e", "trace=%network", "x"), SCT_OPT_OK);
	for (unsigned i = 0; i < sct_ncalls; i++)
		cr_assert_eq(sct_filter_has(&o, i), !!(sct_calls[i].classes & net), "%s", sct_calls[i].name);
	cr_assert_gt(nset(), 0);
	unsigned n = nset();
	cr_assert_eq(PARSE(o, err, "-e", "trace=%net", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), n, "%%net is %%network");
	cr_assert_eq(PARSE(o, err, "-e", "trace=network", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), n, "strace still accepts a class without '%%'");
	cr_assert_eq(PARSE(o, err, "-e", "trace=%pure", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 8, "strace 6.1's %%pure: getpid getppid gettid getpgrp get[e]uid get[e]gid");
	cr_assert(sct_filter_has(&o, idx("getppid")));
}

Test(filters, trace_all_none_negate)
{
	cr_assert_eq(PARSE(o, err, "-e", "trace=all", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), sct_ncalls < SCT_MAX_CALLS ? sct_ncalls : SCT_MAX_CALLS);
	cr_assert_eq(PARSE(o, err, "-e", "trace=none", "x"), SCT_OPT_OK);
	cr_assert(o.filtered);
	cr_assert_eq(nset(), 0);
	cr_assert_eq(PARSE(o, err, "-e", "trace=!close", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), sct_ncalls - 1);
	cr_assert_not(sct_filter_has(&o, idx("close")));
	cr_assert(sct_filter_has(&o, idx("read")));
	cr_assert_not(sct_filter_has(&o, sct_ncalls), "negation stays inside the table");
}

Test(filters, trace_regex_and_optional)
{
	cr_assert_eq(PARSE(o, err, "-e", "trace=/^(read|close)$", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 2);
	cr_assert(sct_filter_has(&o, idx("read")));
	cr_assert(sct_filter_has(&o, idx("close")));
	cr_assert_eq(PARSE(o, err, "-e", "trace=?nosuchcall,close", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 1);
	cr_assert_eq(PARSE(o, err, "-e", "trace=close@64", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 1);
}

Test(filters, trace_kernel_name_not_in_table)
{
	/* every x86-64 system call has a line in the spec now (complete mode traps it) */
	cr_assert_geq(sct_call_lookup("kexec_load"), 0);
	cr_assert_eq(PARSE(o, err, "-e", "trace=kexec_load", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 1);
}

Test(filters, trace_errors)
{
	cr_assert_eq(PARSE(o, err, "-e", "trace=bogus", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call 'bogus'");
	cr_assert_eq(PARSE(o, err, "-e", "trace=%bogus", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call '%bogus'");
	cr_assert_eq(PARSE(o, err, "-e", "trace=", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call ''");
	cr_assert_eq(PARSE(o, err, "-e", "trace=%file,bogus", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call 'bogus'");
	cr_assert_eq(PARSE(o, err, "-e", "bogus=1", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call 'bogus=1'");
	cr_assert_eq(PARSE(o, err, "-e", "kvm=vcpu", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "unsupported qualifier 'kvm'");
	/* the -e error comes first, as in strace, even without a command */
	cr_assert_eq(PARSE(o, err, "-e", "trace=bogus"), SCT_OPT_FATAL);
}

Test(filters, filter_hex_encoding)
{
	char hex[SCT_MAX_CALLS / 4 + 1];

	cr_assert_eq(PARSE(o, err, "-e", "trace=none", "x"), SCT_OPT_OK);
	memset(o.filter, 0, sizeof(o.filter));
	o.filter[0] = 0x12;		/* calls 1 and 4 */
	o.filter[SCT_MAX_CALLS / 64 - 1] = (uint64_t)1 << 63;	/* the last call */
	sct_filter_hex(&o, hex);
	cr_assert_eq(strlen(hex), SCT_MAX_CALLS / 4);
	cr_assert_eq(hex[0], '8');
	cr_assert_str_eq(hex + 1 + strspn(hex + 1, "0"), "12");
	cr_assert_eq(strspn(hex + 1, "0"), SCT_MAX_CALLS / 4 - 3);
}

/* --- output options (issue 9), each checked against strace 6.1 on this machine ---- */

Test(filters, trace_comma_only)
{
	/* strace 6.1: "strace: invalid system call ','", exit 1 */
	cr_assert_eq(PARSE(o, err, "-e", "trace=,", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call ','");
	cr_assert_eq(PARSE(o, err, "-e", "trace=!,,", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call '!,,'");
}

#define SIG(n) ((uint64_t)1 << ((n) - 1))

/* -e signal=: strace's qualify_tokens(signal) and sigstr_to_uint(); the errors are
 * strace 6.1's ("strace -e signal=FOO true") */
Test(filters, signal_set)
{
	cr_assert_eq(PARSE(o, err, "x"), SCT_OPT_OK);
	cr_assert_eq(o.signals, ~(uint64_t)0, "every signal by default");
	cr_assert_eq(PARSE(o, err, "-e", "signal=none", "x"), SCT_OPT_OK);
	cr_assert_eq(o.signals, 0);
	cr_assert_eq(PARSE(o, err, "-e", "signals=all", "x"), SCT_OPT_OK);
	cr_assert_eq(o.signals, ~(uint64_t)0);
	cr_assert_eq(PARSE(o, err, "-e", "s=SIGUSR1,chld,Sigusr2,10", "x"), SCT_OPT_OK);
	cr_assert_eq(o.signals, SIG(10) | SIG(17) | SIG(12));
	cr_assert_eq(PARSE(o, err, "-e", "signal=!SIGCHLD", "x"), SCT_OPT_OK);
	cr_assert_eq(o.signals, ~SIG(17));
	cr_assert_eq(PARSE(o, err, "-e", "signal=!!rtmin,RT_1,SIGRT_32", "x"), SCT_OPT_OK);
	cr_assert_eq(o.signals, SIG(32) | SIG(33) | SIG(64));
	cr_assert_eq(PARSE(o, err, "-e", "signal=0,255", "x"), SCT_OPT_OK, "%s", err);
	cr_assert_eq(o.signals, 0, "numbers up to 255 are accepted, none is delivered");
	cr_assert_eq(PARSE(o, err, "--signal=none", "x"), SCT_OPT_OK, "%s", err);
	cr_assert_eq(o.signals, 0, "--signal abbreviates --signals");
	cr_assert_eq(PARSE(o, err, "-e", "signal=FOO", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid signal 'FOO'");
	cr_assert_eq(PARSE(o, err, "-e", "signal=USR1,300", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid signal '300'");
	cr_assert_eq(PARSE(o, err, "-e", "signal=", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid signal ''");
	cr_assert_eq(PARSE(o, err, "-e", "signal=,", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid signal ','");
	cr_assert_eq(PARSE(o, err, "-e", "signal=!", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid signal '!'");
}

Test(filters, abbrev_and_verbose)
{
	unsigned execve = idx("execve"), read = idx("read");

	cr_assert_eq(PARSE(o, err, "true"), SCT_OPT_OK);
	cr_assert_eq(o.no_abbrev_set, 0);
	cr_assert_eq(PARSE(o, err, "-v", "true"), SCT_OPT_OK);
	cr_assert(o.no_abbrev_set);
	cr_assert(o.no_abbrev[execve / 64] >> (execve % 64) & 1);
	cr_assert_eq(PARSE(o, err, "--no-abbrev", "true"), SCT_OPT_OK);
	cr_assert(o.no_abbrev[read / 64] >> (read % 64) & 1);
	cr_assert_eq(PARSE(o, err, "-e", "abbrev=!execve", "true"), SCT_OPT_OK);
	cr_assert(o.no_abbrev[execve / 64] >> (execve % 64) & 1);
	cr_assert_eq(o.no_abbrev[read / 64] >> (read % 64) & 1, 0);
	cr_assert_eq(PARSE(o, err, "-v", "-e", "abbrev=all", "true"), SCT_OPT_OK);
	cr_assert_eq(o.no_abbrev_set, 0, "the last one counts");
	cr_assert_eq(o.filtered, 0, "abbrev= is not trace=");
	cr_assert_eq(PARSE(o, err, "--abbrev=foo", "true"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call 'foo'");
	cr_assert_eq(PARSE(o, err, "-e", "verbose=all", "true"), SCT_OPT_OK);
	cr_assert_eq(PARSE(o, err, "-e", "verbose=foo", "true"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call 'foo'");
	/* the calls left out show their structures as addresses (format/line.c) */
	cr_assert_eq(PARSE(o, err, "--verbose=none", "true"), SCT_OPT_OK);
	cr_assert(o.not_verbose_set);
	cr_assert(o.not_verbose[read / 64] >> (read % 64) & 1);
	cr_assert_eq(PARSE(o, err, "-e", "verbose=!execve", "true"), SCT_OPT_OK);
	cr_assert(o.not_verbose[execve / 64] >> (execve % 64) & 1);
	cr_assert_eq(o.not_verbose[read / 64] >> (read % 64) & 1, 0);
	cr_assert_eq(PARSE(o, err, "-e", "verbose=none", "-e", "verbose=all", "true"), SCT_OPT_OK);
	cr_assert_eq(o.not_verbose_set, 0, "the last one counts");
}

/* strace's qualify_syscall_tokens: none and all as the whole set only (all is a list
 * item too), each leading '!' inverts, a /regex matching no call is an error unless
 * optional, a token's error names it whole (@64 included) */
Test(filters, trace_strace_grammar)
{
	cr_assert_eq(PARSE(o, err, "-e", "trace=1,none", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call 'none'");
	cr_assert_eq(PARSE(o, err, "-e", "trace=all,nonsense", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call 'nonsense'");
	cr_assert_eq(PARSE(o, err, "-e", "trace=!!close", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 1);
	cr_assert(sct_filter_has(&o, idx("close")));
	cr_assert_eq(PARSE(o, err, "-e", "trace=!none", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), sct_ncalls < SCT_MAX_CALLS ? sct_ncalls : SCT_MAX_CALLS);
	cr_assert_eq(PARSE(o, err, "-e", "trace=/non_syscall", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call '/non_syscall'");
	cr_assert_eq(PARSE(o, err, "-e", "trace=?/non_syscall", "x"), SCT_OPT_OK);
	cr_assert_eq(nset(), 0);
	/* i386's _newselect: a valid regex for strace, which matches every personality */
	cr_assert_eq(PARSE(o, err, "-e", "trace=/^_newselect$", "x"), SCT_OPT_OK);
	cr_assert_eq(PARSE(o, err, "-e", "trace=-1@64", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call '-1@64'");
	cr_assert_eq(PARSE(o, err, "-e", "trace=/[", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "regcomp: [: Invalid regular expression");
	cr_assert_eq(PARSE(o, err, "-t", "--timestamps", "-p", "1"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "-t and --absolute-timestamps cannot be provided simultaneously");
}
