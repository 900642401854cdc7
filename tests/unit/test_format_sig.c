/* Signals and time: rt_sigaction, rt_sigprocmask, kill, clock_* and nanosleep.
 * Records built by hand, compared with the lines strace 6.1 printed on this machine
 * (Debian 12, x86-64) for small programs making the same calls (strace -o out ./prog;
 * glibc 2.36 turns nanosleep into clock_nanosleep(CLOCK_REALTIME, 0, ...)). */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;

static const struct sct_call c_rt_sigaction = { "rt_sigaction", 0, 4, SCT_R_INT,
	{ A(SIGNUM, NOAUX), A(SIGACT, NOAUX), A(SIGACT_OUT, NOAUX), A(ULONG, NOAUX) } };
static const struct sct_call c_rt_sigprocmask = { "rt_sigprocmask", 0, 4, SCT_R_INT,
	{ A(SIGHOW, NOAUX), A(SIGSET, NOAUX), A(SIGSET_OUT, NOAUX), A(ULONG, NOAUX) } };
static const struct sct_call c_kill = { "kill", 0, 2, SCT_R_INT,
	{ A(PID, NOAUX), A(SIGNUM, NOAUX) } };
static const struct sct_call c_clock_nanosleep = { "clock_nanosleep", 0, 4, SCT_R_INT,
	{ A(CLOCKID, NOAUX), A(TIMERFL, NOAUX), A(TIMESPEC, NOAUX), A(TIMESPEC_OUT, NOAUX) } };
static const struct sct_call c_nanosleep = { "nanosleep", 0, 2, SCT_R_INT,
	{ A(TIMESPEC, NOAUX), A(TIMESPEC_OUT, NOAUX) } };
static const struct sct_call c_clock_gettime = { "clock_gettime", 0, 2, SCT_R_INT,
	{ A(CLOCKID, NOAUX), A(TIMESPEC_OUT, NOAUX) } };
static const struct sct_call c_gettimeofday = { "gettimeofday", 0, 2, SCT_R_INT,
	{ A(TIMEVAL, NOAUX), A(PTR, NOAUX) } };

#define STACK 0x7ffe71f251b0ull
#define HANDLER 0x55aa40376219ull
#define RESTORER 0x7fd29c94b050ull
#define SA_RESTORER 0x04000000ull

/* the kernel's struct sigaction */
static void act(unsigned arg, unsigned when, uint64_t h, uint64_t fl, uint64_t rest, uint64_t mask)
{
	uint64_t v[4] = { h, fl, rest, mask };

	trec_blob(&t, arg, when, v, sizeof(v), 0);
}

static void set(unsigned arg, unsigned when, uint64_t mask)
{
	trec_blob(&t, arg, when, &mask, 8, 0);
}

static void ts(unsigned arg, unsigned when, int64_t sec, int64_t nsec)
{
	int64_t v[2] = { sec, nsec };

	trec_blob(&t, arg, when, v, 16, 0);
}

#define BIT(sig) (1ull << ((sig) - 1))

Test(format_sig, rt_sigaction)
{
	trec_init(&t, 0, 10, STACK, STACK + 32, 8, 0, 0);
	act(1, SCT_BLOB_IN, HANDLER, SA_RESTORER | 0x10000000, RESTORER, BIT(2));
	act(2, SCT_BLOB_OUT, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigaction),
			 "rt_sigaction(SIGUSR1, {sa_handler=0x55aa40376219, sa_mask=[INT], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7fd29c94b050}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0\n");

	trec_init(&t, 0, 13, STACK, 0, 8, 0, 0);
	act(1, SCT_BLOB_IN, 1, SA_RESTORER, RESTORER, 0);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigaction),
			 "rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x7fd29c94b050}, NULL, 8) = 0\n");

	/* glibc sign-extends sa_flags: SA_RESETHAND fills the upper half */
	trec_init(&t, -22, 9, STACK, 0, 8, 0, 0);
	act(1, SCT_BLOB_IN, HANDLER, 0xffffffff80000000ull | SA_RESTORER | 0x08000000 | 0x40000000 | 4,
	    RESTORER, ~0ull & ~BIT(32) & ~BIT(33));
	cr_assert_str_eq(trec_line(&t, &c_rt_sigaction),
			 "rt_sigaction(SIGKILL, {sa_handler=0x55aa40376219, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER|SA_ONSTACK|SA_NODEFER|SA_RESETHAND|SA_SIGINFO|0xffffffff00000000, sa_restorer=0x7fd29c94b050}, NULL, 8) = -1 EINVAL (Invalid argument)\n");

	trec_init(&t, 0, 17, STACK, 0, 8, 0, 0);
	act(1, SCT_BLOB_IN, UINT64_MAX, 0x10000000 | 4 | 1 | 2 | 0xc00, 0x1234, 3);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigaction),
			 "rt_sigaction(SIGCHLD, {sa_handler=SIG_ERR, sa_mask=[HUP INT], sa_flags=SA_RESTART|SA_SIGINFO|SA_NOCLDSTOP|SA_NOCLDWAIT|0xc00}, NULL, 8) = 0\n");

	trec_init(&t, 0, 17, STACK, 0, 8, 0, 0);
	act(1, SCT_BLOB_IN, 2, 0, 0, 3);
	cr_assert_str_eq(trec_arg(&t, &c_rt_sigaction, 1), "{sa_handler=0x2, sa_mask=[HUP INT], sa_flags=0}");

	trec_init(&t, 0, 34, STACK, 0, 8, 0, 0);	/* glibc's SIGRTMIN */
	act(1, SCT_BLOB_IN, HANDLER, SA_RESTORER, RESTORER, 0);
	cr_assert_str_eq(trec_arg(&t, &c_rt_sigaction, 0), "SIGRT_2");

	trec_init(&t, 0, 12, 0, 0, 8, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigaction), "rt_sigaction(SIGUSR2, NULL, NULL, 8)    = 0\n");
	trec_init(&t, -14, 17, 8, 0, 8, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigaction),
			 "rt_sigaction(SIGCHLD, 0x8, NULL, 8)     = -1 EFAULT (Bad address)\n");
	trec_init(&t, -22, 17, 0, 0x7ffe85874fd0, 7, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigaction),
			 "rt_sigaction(SIGCHLD, NULL, 0x7ffe85874fd0, 7) = -1 EINVAL (Invalid argument)\n");
}

Test(format_sig, rt_sigprocmask)
{
	trec_init(&t, 0, 0, STACK, STACK + 8, 8, 0, 0);
	set(1, SCT_BLOB_IN, BIT(2) | BIT(15));
	set(2, SCT_BLOB_OUT, 0);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigprocmask),
			 "rt_sigprocmask(SIG_BLOCK, [INT TERM], [], 8) = 0\n");
	trec_init(&t, 0, 1, STACK, 0, 8, 0, 0);
	set(1, SCT_BLOB_IN, BIT(2) | BIT(15));
	cr_assert_str_eq(trec_line(&t, &c_rt_sigprocmask),
			 "rt_sigprocmask(SIG_UNBLOCK, [INT TERM], NULL, 8) = 0\n");
	trec_init(&t, 0, 0, 0, STACK + 8, 8, 0, 0);
	set(2, SCT_BLOB_OUT, 0);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigprocmask),
			 "rt_sigprocmask(SIG_BLOCK, NULL, [], 8)  = 0\n");
	trec_init(&t, -22, 7, STACK, 0, 8, 0, 0);
	set(1, SCT_BLOB_IN, BIT(2) | BIT(15));
	cr_assert_str_eq(trec_line(&t, &c_rt_sigprocmask),
			 "rt_sigprocmask(0x7 /* SIG_??? */, [INT TERM], NULL, 8) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, 0, 2, STACK, STACK + 8, 8, 0, 0);
	set(1, SCT_BLOB_IN, ~0ull & ~BIT(32) & ~BIT(33));
	set(2, SCT_BLOB_OUT, 0);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigprocmask),
			 "rt_sigprocmask(SIG_SETMASK, ~[RTMIN RT_1], [], 8) = 0\n");
	trec_init(&t, 0, 0, STACK, 0, 8, 0, 0);
	set(1, SCT_BLOB_IN, BIT(64));
	cr_assert_str_eq(trec_line(&t, &c_rt_sigprocmask),
			 "rt_sigprocmask(SIG_BLOCK, [RT_32], NULL, 8) = 0\n");
	trec_init(&t, -14, 0, 0, 8, 8, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_rt_sigprocmask),
			 "rt_sigprocmask(SIG_BLOCK, NULL, 0x8, 8) = -1 EFAULT (Bad address)\n");
}

Test(format_sig, kill)
{
	trec_init(&t, 0, 14309, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_kill), "kill(14309, 0)                          = 0\n");
	trec_init(&t, -3, 99999, 15, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_kill), "kill(99999, SIGTERM)                    = -1 ESRCH (No such process)\n");
	trec_init(&t, -3, 99999, 77, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_kill), "kill(99999, 77)                         = -1 ESRCH (No such process)\n");
	trec_init(&t, -3, 99999, (uint64_t)-1, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_kill), "kill(99999, -1)                         = -1 ESRCH (No such process)\n");
	trec_init(&t, -3, 99999, 64, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_kill), "kill(99999, SIGRT_32)                   = -1 ESRCH (No such process)\n");
}

Test(format_sig, sleeps)
{
	/* rem is shown only for an interrupted relative sleep */
	trec_init(&t, 0, 0, 0, STACK + 16, STACK, 0, 0);
	ts(2, SCT_BLOB_IN, 0, 1000);
	ts(3, SCT_BLOB_OUT, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_clock_nanosleep),
			 "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, 0x7ffe71f251b0) = 0\n");
	trec_init(&t, 0, 0, 0, STACK + 16, 0, 0, 0);
	ts(2, SCT_BLOB_IN, 0, 1000);
	cr_assert_str_eq(trec_line(&t, &c_clock_nanosleep),
			 "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0\n");
	trec_init(&t, 0, 0, 1, STACK + 16, 0, 0, 0);
	ts(2, SCT_BLOB_IN, 0, 1000);
	cr_assert_str_eq(trec_line(&t, &c_clock_nanosleep),
			 "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=0, tv_nsec=1000}, NULL) = 0\n");
	trec_init(&t, 0, 11, 3, STACK + 16, 0, 0, 0);
	ts(2, SCT_BLOB_IN, 0, 4000000);
	cr_assert_str_eq(trec_line(&t, &c_clock_nanosleep),
			 "clock_nanosleep(CLOCK_TAI, TIMER_ABSTIME|0x2, {tv_sec=0, tv_nsec=4000000}, NULL) = 0\n");
	trec_init(&t, -22, 0, 0, STACK + 16, 0, 0, 0);
	ts(2, SCT_BLOB_IN, -1, 4000000);
	cr_assert_str_eq(trec_line(&t, &c_clock_nanosleep),
			 "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=-1, tv_nsec=4000000}, NULL) = -1 EINVAL (Invalid argument)\n");
	/* strace: nanosleep({tv_sec=5, tv_nsec=0}, {tv_sec=4, tv_nsec=998}) = ? ERESTART_RESTARTBLOCK */
	trec_init(&t, -516, STACK + 16, STACK, 0, 0, 0, 0);
	ts(0, SCT_BLOB_IN, 5, 0);
	ts(1, SCT_BLOB_OUT, 4, 998);
	cr_assert_str_eq(trec_arg(&t, &c_nanosleep, 1), "{tv_sec=4, tv_nsec=998}");
	trec_init(&t, -4, STACK + 16, STACK, 0, 0, 0, 0);
	ts(0, SCT_BLOB_IN, 5, 0);
	cr_assert_str_eq(trec_arg(&t, &c_nanosleep, 1), "0x7ffe71f251b0");
}

Test(format_sig, clocks)
{
	trec_init(&t, 0, 2, STACK, 0, 0, 0, 0);
	ts(1, SCT_BLOB_OUT, 0, 4357101);
	cr_assert_str_eq(trec_line(&t, &c_clock_gettime),
			 "clock_gettime(CLOCK_PROCESS_CPUTIME_ID, {tv_sec=0, tv_nsec=4357101}) = 0\n");
	trec_init(&t, 0, 4, STACK, 0, 0, 0, 0);
	ts(1, SCT_BLOB_OUT, 1116, 77071967);
	cr_assert_str_eq(trec_line(&t, &c_clock_gettime),
			 "clock_gettime(CLOCK_MONOTONIC_RAW, {tv_sec=1116, tv_nsec=77071967}) = 0\n");
	trec_init(&t, -22, 99, 0x7ffe71f251c0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_clock_gettime),
			 "clock_gettime(0x63 /* CLOCK_??? */, 0x7ffe71f251c0) = -1 EINVAL (Invalid argument)\n");
	trec_init(&t, 0, (uint64_t)-6, STACK, 0, 0, 0, 0);
	ts(1, SCT_BLOB_OUT, 0, 4414030);
	cr_assert_str_eq(trec_line(&t, &c_clock_gettime),
			 "clock_gettime(0xfffffffa /* CLOCK_??? */, {tv_sec=0, tv_nsec=4414030}) = 0\n");
	trec_init(&t, 0, STACK, 0, 0, 0, 0, 0);
	ts(0, SCT_BLOB_OUT, 1795355531, 205591);
	cr_assert_str_eq(trec_line(&t, &c_gettimeofday),
			 "gettimeofday({tv_sec=1795355531, tv_usec=205591}, NULL) = 0\n");
}

/* strace -o out ./prog (sigaltstack with a 64 KiB stack, then disabled; getrusage) */
static const struct sct_call c_sigaltstack = { "sigaltstack", 0, 2, SCT_R_INT,
	{ A(STACK_T, NOAUX), A(STACK_T_OUT, NOAUX) } };
static const struct sct_call c_getrusage = { "getrusage", 0, 2, SCT_R_INT,
	{ A(INT, NOAUX), A(RUSAGE_OUT, NOAUX) } };

static void stk(unsigned arg, unsigned when, uint64_t sp, uint32_t flags, uint64_t size)
{
	unsigned char v[24] = { 0 };

	memcpy(v, &sp, 8);
	memcpy(v + 8, &flags, 4);
	memcpy(v + 16, &size, 8);
	trec_blob(&t, arg, when, v, sizeof(v), 0);
}

Test(format_sig, sigaltstack)
{
	trec_init(&t, 0, 0x7ffe1000, 0, 0, 0, 0, 0);
	stk(0, SCT_BLOB_IN, 0x5644995482a0ull, 0, 65536);
	cr_assert_str_eq(trec_line(&t, &c_sigaltstack),
			 "sigaltstack({ss_sp=0x5644995482a0, ss_flags=0, ss_size=65536}, NULL) = 0\n");
	trec_init(&t, 0, 0x7ffe1000, 0x7ffe2000, 0, 0, 0, 0);
	stk(0, SCT_BLOB_IN, 0x5644995482a0ull, 2, 65536);
	stk(1, SCT_BLOB_OUT, 0, 2, 0);
	cr_assert_str_eq(trec_line(&t, &c_sigaltstack),
			 "sigaltstack({ss_sp=0x5644995482a0, ss_flags=SS_DISABLE, ss_size=65536}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0\n");
	trec_init(&t, -14, 1, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_sigaltstack),
			 "sigaltstack(0x1, NULL)                  = -1 EFAULT (Bad address)\n");
}

Test(format_sig, getrusage)
{
	int64_t ru[18] = { 0, 1395, 0, 0 };

	trec_init(&t, 0, 0, 0x7ffe3000, 0, 0, 0, 0);
	trec_blob(&t, 1, SCT_BLOB_OUT, ru, sizeof(ru), 0);
	cr_assert_str_eq(trec_line(&t, &c_getrusage),
			 "getrusage(0, {ru_utime={tv_sec=0, tv_usec=1395}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 0\n");
	trec_init(&t, -14, 1, 8, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_getrusage), "getrusage(1, 0x8)                       = -1 EFAULT (Bad address)\n");
}
