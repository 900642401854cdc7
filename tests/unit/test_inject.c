/* runner/inject.c: -e inject=/-e fault= as strace 6.1 parses them, and their form in
 * SCTRACE_INJECT (format/injectset.c). */
#include <errno.h>
#include "options_harness.h"
#include "injectset.h"

static const struct sct_inject_rule *rule_of(const char *name)
{
	unsigned r = o.inject.of[idx(name)];

	cr_assert_neq(r, 0, "no rule for %s", name);
	cr_assert_leq(r, o.inject.n);
	return &o.inject.rule[r - 1];
}

Test(inject, error_by_name_and_number)
{
	cr_assert_eq(PARSE(o, err, "-e", "inject=chdir:error=ENOENT", "x"), SCT_OPT_OK, "%s", err);
	cr_assert_eq(o.inject.n, 1);
	cr_assert_eq(rule_of("chdir")->flags, SCT_INJ_ERROR);
	cr_assert_eq(rule_of("chdir")->val, ENOENT);
	cr_assert_eq(o.inject.of[idx("fchdir")], 0);
	cr_assert_eq(PARSE(o, err, "--inject=chdir:error=enoent", "x"), SCT_OPT_OK, "%s", err);
	cr_assert_eq(rule_of("chdir")->val, ENOENT, "strace compares errno names in any case");
	cr_assert_eq(PARSE(o, err, "-e", "inject=chdir:error=4095", "x"), SCT_OPT_OK);
	cr_assert_eq(rule_of("chdir")->val, 4095);
	cr_assert_eq(PARSE(o, err, "-e", "inject=chdir:error=ERESTARTSYS", "x"), SCT_OPT_OK);
	cr_assert_eq(rule_of("chdir")->val, 512);
}

Test(inject, when_forms)
{
	static const struct { const char *when; unsigned first, last, step; } t[] = {
		{ "", 1, SCT_INJECT_LAST_INF, 1 },
		{ ":when=3", 3, SCT_INJECT_LAST_INF, 0 },
		{ ":when=3+", 3, SCT_INJECT_LAST_INF, 1 },
		{ ":when=3+2", 3, SCT_INJECT_LAST_INF, 2 },
		{ ":when=2..5", 2, 5, 1 },
		{ ":when=2..5+", 2, 5, 1 },
		{ ":when=2..7+3", 2, 7, 3 },
		{ ":when=65535", 65535, SCT_INJECT_LAST_INF, 0 },
		{ ":when=1:when=4..4", 4, 4, 1 },	/* the last when= wins */
	};
	char arg[64];

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		snprintf(arg, sizeof(arg), "inject=getpid:retval=1%s", t[i].when);
		cr_assert_eq(PARSE(o, err, "-e", arg, "x"), SCT_OPT_OK, "%s: %s", arg, err);
		const struct sct_inject_rule *u = rule_of("getpid");
		cr_assert_eq(u->first, t[i].first, "%s", arg);
		cr_assert_eq(u->last, t[i].last, "%s", arg);
		cr_assert_eq(u->step, t[i].step, "%s", arg);
	}
}

/* A sample of strace's tests/qual_inject-syntax.test: each is refused, and the message
 * is strace's. */
Test(inject, strace_syntax_errors)
{
	static const char *const bad[] = {
		"chdir", "chdir:42", "chdir:invalid", "chdir:error=", "chdir:error=-1",
		"chdir:error=3+", "chdir:error=4096", "chdir:when=0", "chdir:when=-2+",
		"chdir:when=5+-", "chdir:when=7+0", "chdir:when=65536", "chdir:when=1+65536",
		"chdir:retval=a", "chdir:retval=0x10000000000000000", "chdir:signal=0",
		"chdir:signal=129", "chdir:signal=1:signal=2", "chdir:retval=0:error=1",
		"chdir:delay_enter=-1", "chdir:delay_exit=3:delay_exit=4", "chdir:syscall=chdir",
		"chdir:syscall=%file", "chdir:syscall=42", "chdir:syscall=gettid:syscall=gettid",
		"chdir:when=10.", "chdir:when=24..23", "chdir:when=27..65535", "chdir:when=..20",
		"chdir:poke_enter=", "chdir:poke_enter=@arg8=00", "chdir:poke_enter=@arg1=000",
		"chdir:poke_enter=@arg1=nothex",
		"chdir:poke_enter=@arg1=5374726163652100,@arg1=5374726163652100",
	};
	char arg[128], want[160];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(arg, sizeof(arg), "inject=%s", bad[i]);
		snprintf(want, sizeof(want), "invalid inject argument '%s'", bad[i]);
		cr_assert_eq(PARSE(o, err, "-e", arg, "x"), SCT_OPT_FATAL, "%s", arg);
		cr_assert_str_eq(err, want);
	}
	cr_assert_eq(PARSE(o, err, "-e", "inject=nosuchcall:error=1", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call 'nosuchcall'");
	cr_assert_eq(PARSE(o, err, "-e", "inject=:error=1", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid system call ''");
}

Test(inject, fault_defaults_and_limits)
{
	cr_assert_eq(PARSE(o, err, "-e", "fault=chdir", "x"), SCT_OPT_OK, "%s", err);
	cr_assert_eq(rule_of("chdir")->flags, SCT_INJ_ERROR);
	cr_assert_eq(rule_of("chdir")->val, ENOSYS);
	cr_assert_eq(PARSE(o, err, "--fault=chdir:syscall=gettid", "x"), SCT_OPT_OK, "%s", err);
	cr_assert_eq(rule_of("chdir")->flags, SCT_INJ_ERROR | SCT_INJ_SYSCALL);
	cr_assert_eq(rule_of("chdir")->sub, 186, "gettid is 186 on x86-64");
	cr_assert_eq(PARSE(o, err, "-e", "fault=chdir:retval=0", "x"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid fault argument 'chdir:retval=0'");
	cr_assert_eq(PARSE(o, err, "-e", "fault=chdir:signal=1", "x"), SCT_OPT_FATAL);
	cr_assert_eq(PARSE(o, err, "-e", "fault=desc,51", "x"), SCT_OPT_OK, "%s", err);
	cr_assert_neq(o.inject.of[idx("getsockname")], 0, "51 is getsockname");
	cr_assert_neq(o.inject.of[idx("read")], 0);
	cr_assert_eq(o.inject.of[idx("chdir")], 0);
	cr_assert_eq(PARSE(o, err, "-e", "fault=none", "x"), SCT_OPT_OK);
	cr_assert_eq(o.inject.n, 0, "an empty set makes no rule");
}

Test(inject, retval_and_its_warning)
{
	cr_assert_eq(PARSE(o, err, "-e", "inject=getpid:retval=0x8000000000000000", "x"), SCT_OPT_OK);
	cr_assert_eq(rule_of("getpid")->val, 0x8000000000000000ull);
	cr_assert_null(o.warning);
	cr_assert_eq(PARSE(o, err, "-e", "inject=getpid:retval=-1", "x"), SCT_OPT_OK);
	cr_assert_str_eq(o.warning, "Inadvertent injection of error 1 is possible for "
			 "retval=18446744073709551615");
}

/* strace's qualify_inject_common(): each option overwrites the rule of the calls it
 * names; the others keep theirs. */
Test(inject, last_option_per_call)
{
	cr_assert_eq(PARSE(o, err, "-e", "inject=chdir,getpid:error=EPERM", "-e",
			   "inject=chdir:retval=7:signal=USR1", "x"), SCT_OPT_OK, "%s", err);
	cr_assert_eq(o.inject.n, 2);
	cr_assert_eq(rule_of("getpid")->flags, SCT_INJ_ERROR);
	cr_assert_eq(rule_of("chdir")->flags, SCT_INJ_RETVAL | SCT_INJ_SIGNAL);
	cr_assert_eq(rule_of("chdir")->signo, 10);
	cr_assert_eq(PARSE(o, err, "-e", "inject=chdir:retval=1", "-e", "inject=chdir:error=1",
			   "x"), SCT_OPT_OK);
	cr_assert_eq(o.inject.n, 1, "a rule no call follows is dropped");
	cr_assert_eq(rule_of("chdir")->flags, SCT_INJ_ERROR);
}

Test(inject, delays)
{
	cr_assert_eq(PARSE(o, err, "-e", "inject=chdir:delay_enter=15:delay_exit=2.5ms", "x"),
		     SCT_OPT_OK, "%s", err);
	cr_assert_eq(rule_of("chdir")->delay_enter_ns, 15000, "microseconds by default");
	cr_assert_eq(rule_of("chdir")->delay_exit_ns, 2500000);
	cr_assert_eq(rule_of("chdir")->flags, SCT_INJ_DELAY_ENTER | SCT_INJ_DELAY_EXIT);
	cr_assert_eq(PARSE(o, err, "-e", "inject=chdir:delay_enter=1s", "x"), SCT_OPT_OK);
	cr_assert_eq(rule_of("chdir")->delay_enter_ns, 1000000000ull);
	cr_assert_eq(PARSE(o, err, "-e", "inject=chdir:delay_enter=1h", "x"), SCT_OPT_FATAL);
}

Test(inject, env_round_trip)
{
	struct sct_inject_set back;
	char env[4096];

	cr_assert_eq(PARSE(o, err, "-e", "inject=chdir:retval=42:when=2..9+3:signal=SIGTERM",
			   "-e", "fault=getpid:error=EACCES:syscall=getppid",
			   "--inject=getcwd:poke_exit=@arg1=5374726163652100,@arg2=ff:delay_enter=7",
			   "x"), SCT_OPT_OK, "%s", err);
	cr_assert_gt(sct_inject_encode(&o.inject, env, sizeof(env)), SCT_MAX_CALLS);
	cr_assert_eq(sct_inject_decode(&back, env), 0, "%s", env);
	cr_assert_eq(back.n, o.inject.n);
	cr_assert_eq(memcmp(back.of, o.inject.of, sizeof(back.of)), 0);
	for (unsigned r = 0; r < back.n; r++) {
		const struct sct_inject_rule *a = &o.inject.rule[r], *b = &back.rule[r];
		cr_assert_eq(a->flags, b->flags);
		cr_assert_eq(a->first, b->first);
		cr_assert_eq(a->last, b->last);
		cr_assert_eq(a->step, b->step);
		cr_assert_eq(a->sub, b->sub);
		cr_assert_eq(a->signo, b->signo);
		cr_assert_eq(a->val, b->val);
		cr_assert_eq(a->delay_enter_ns, b->delay_enter_ns);
		cr_assert_eq(a->npokes, b->npokes);
		cr_assert_eq(a->poke_bytes, b->poke_bytes);
		cr_assert_eq(memcmp(a->data, b->data, a->poke_bytes), 0);
		for (unsigned p = 0; p < a->npokes; p++)
			cr_assert_eq(memcmp(&a->poke[p], &b->poke[p], sizeof(a->poke[p])), 0);
	}
	cr_assert_eq(sct_inject_decode(&back, "garbage"), -1);
	cr_assert_eq(back.n, 0);
	env[SCT_MAX_CALLS] = '\0';
	env[3] = 'z';		/* a rule that does not exist */
	cr_assert_eq(sct_inject_decode(&back, env), -1);
}
