/* Signal delivery lines "--- SIGUSR1 {si_signo=...} ---" (format/siginfo.c) and the
 * siginfo arguments.  Each expected line is one strace 6.1 printed on this machine
 * (Debian 12, x86-64, kernel 6.x) for a small program that provoked that delivery
 * under `strace -f` (kill, tgkill, raise, sigqueue, a child exiting / killed /
 * stopped, alarm, faults, a pipe without reader, O_ASYNC with and without F_SETSIG, a
 * POSIX timer, rt_sigqueueinfo with odd codes, a seccomp SECCOMP_RET_TRAP filter, a
 * child burning 1.45 s of CPU); the records hold the same siginfo bytes. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>
#include "format_rec.h"

static struct trec t;
static unsigned char si[128];

static void si_reset(int signo, int code)
{
	memset(si, 0, sizeof(si));
	memcpy(si, &signo, 4);
	memcpy(si + 8, &code, 4);
}

static void put32(size_t off, int32_t v)
{
	memcpy(si + off, &v, 4);
}

static void put64(size_t off, uint64_t v)
{
	memcpy(si + off, &v, 8);
}

/* the delivery line of signal `sig` with the siginfo built so far */
static const char *delivery(int sig)
{
	struct sct_rec *r = trec_init(&t, 0, (uint64_t)sig, 0, 0, 0, 0, 0);

	r->kind = SCT_REC_SIGINFO;
	trec_blob(&t, 0, SCT_BLOB_IN, si, sizeof(si), 0);
	return trec_line(&t, NULL);
}

#define SIGILL_ 4
#define SIGTRAP_ 5
#define SIGBUS_ 7
#define SIGFPE_ 8
#define SIGUSR1_ 10
#define SIGSEGV_ 11
#define SIGUSR2_ 12
#define SIGPIPE_ 13
#define SIGALRM_ 14
#define SIGCHLD_ 17
#define SIGCONT_ 18
#define SIGIO_ 29
#define SIGSYS_ 31

Test(format_siginfo, from_processes)
{
	si_reset(SIGUSR1_, 0);			/* kill(getpid(), SIGUSR1) */
	put32(16, 22022);
	put32(20, 0);
	cr_assert_str_eq(delivery(SIGUSR1_),
		"--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=22022, si_uid=0} ---\n");
	si_reset(34, -6);			/* tgkill(pid, tid, SIGRTMIN) */
	put32(16, 22022);
	cr_assert_str_eq(delivery(34),
		"--- SIGRT_2 {si_signo=SIGRT_2, si_code=SI_TKILL, si_pid=22022, si_uid=0} ---\n");
	si_reset(SIGUSR1_, -1);			/* sigqueue(getpid(), SIGUSR1, {42}) */
	put32(16, 22022);
	put64(24, 42);
	cr_assert_str_eq(delivery(SIGUSR1_),
		"--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=22022, si_uid=0, si_int=42, si_ptr=0x2a} ---\n");
	si_reset(37, -1);			/* sival_ptr 0x1234567890 */
	put32(16, 22022);
	put64(24, 0x1234567890);
	cr_assert_str_eq(delivery(37),
		"--- SIGRT_5 {si_signo=SIGRT_5, si_code=SI_QUEUE, si_pid=22022, si_uid=0, si_int=878082192, si_ptr=0x1234567890} ---\n");
	si_reset(SIGPIPE_, 0);			/* write to a pipe without reader */
	put32(16, 22022);
	cr_assert_str_eq(delivery(SIGPIPE_),
		"--- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER, si_pid=22022, si_uid=0} ---\n");
	si_reset(SIGUSR2_, -2);			/* timer_create(SIGEV_SIGNAL, sival_int 77) */
	put64(24, 77);
	cr_assert_str_eq(delivery(SIGUSR2_),
		"--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TIMER, si_timerid=0, si_overrun=0, si_int=77, si_ptr=0x4d} ---\n");
	put32(16, 3);
	put32(20, 2);
	cr_assert_str_eq(delivery(SIGUSR2_),
		"--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TIMER, si_timerid=0x3, si_overrun=2, si_int=77, si_ptr=0x4d} ---\n");
}

/* rt_sigqueueinfo lets a process send any negative code, si_errno and value */
Test(format_siginfo, queued_codes)
{
	si_reset(SIGUSR1_, -10);
	put32(16, 5);
	put32(20, 7);
	cr_assert_str_eq(delivery(SIGUSR1_),
		"--- SIGUSR1 {si_signo=SIGUSR1, si_code=0xfffffff6, si_pid=5, si_uid=7} ---\n");
	si_reset(SIGUSR1_, -1);
	put32(4, 2);
	put32(16, 5);
	put32(20, 7);
	cr_assert_str_eq(delivery(SIGUSR1_),
		"--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_errno=ENOENT, si_pid=5, si_uid=7} ---\n");
	si_reset(SIGUSR2_, -3);
	put32(16, 5);
	put32(20, 7);
	cr_assert_str_eq(delivery(SIGUSR2_),
		"--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_MESGQ, si_pid=5, si_uid=7} ---\n");
	si_reset(SIGUSR2_, -4);
	put64(24, 9);
	cr_assert_str_eq(delivery(SIGUSR2_),
		"--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_ASYNCIO, si_pid=0, si_uid=0, si_int=9, si_ptr=0x9} ---\n");
	si_reset(SIGUSR2_, -5);
	put64(16, 65);
	put32(24, 3);
	cr_assert_str_eq(delivery(SIGUSR2_),
		"--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_SIGIO, si_band=65, si_fd=3} ---\n");
}

Test(format_siginfo, children)
{
	si_reset(SIGCHLD_, 1);			/* _exit(3) */
	put32(16, 22023);
	put32(24, 3);
	cr_assert_str_eq(delivery(SIGCHLD_),
		"--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=22023, si_uid=0, si_status=3, si_utime=0, si_stime=0} ---\n");
	si_reset(SIGCHLD_, 2);			/* raise(SIGKILL) */
	put32(16, 22024);
	put32(24, 9);
	cr_assert_str_eq(delivery(SIGCHLD_),
		"--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=22024, si_uid=0, si_status=SIGKILL, si_utime=0, si_stime=0} ---\n");
	si_reset(SIGCHLD_, 5);			/* raise(SIGSTOP) */
	put32(16, 22061);
	put32(24, 19);
	cr_assert_str_eq(delivery(SIGCHLD_),
		"--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_STOPPED, si_pid=22061, si_uid=0, si_status=SIGSTOP, si_utime=0, si_stime=0} ---\n");
	si_reset(SIGCHLD_, 1);			/* 1.45 s of user time, 0.01 s of system */
	put32(16, 24843);
	put64(32, 145);
	put64(40, 1);
	cr_assert_str_eq(delivery(SIGCHLD_),
		"--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=24843, si_uid=0, si_status=0, si_utime=145 /* 1.45 s */, si_stime=1 /* 0.01 s */} ---\n");
	si_reset(SIGCONT_, 0);
	put32(16, 22022);
	cr_assert_str_eq(delivery(SIGCONT_),
		"--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=22022, si_uid=0} ---\n");
}

Test(format_siginfo, from_the_kernel)
{
	si_reset(SIGALRM_, 0x80);		/* alarm(1) */
	cr_assert_str_eq(delivery(SIGALRM_), "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---\n");
	si_reset(SIGIO_, 0x80);			/* O_ASYNC without F_SETSIG */
	cr_assert_str_eq(delivery(SIGIO_), "--- SIGIO {si_signo=SIGIO, si_code=SI_KERNEL} ---\n");
	si_reset(SIGIO_, 1);			/* F_SETSIG(SIGIO) */
	put64(16, 65);
	put32(24, 7);
	cr_assert_str_eq(delivery(SIGIO_),
		"--- SIGIO {si_signo=SIGIO, si_code=POLL_IN, si_band=65, si_fd=7} ---\n");
	si_reset(SIGIO_, 6);			/* POLL_HUP: strace shows no band */
	put64(16, 65);
	cr_assert_str_eq(delivery(SIGIO_), "--- SIGIO {si_signo=SIGIO, si_code=POLL_HUP} ---\n");
}

Test(format_siginfo, faults)
{
	si_reset(SIGSEGV_, 1);
	put64(16, 8);
	cr_assert_str_eq(delivery(SIGSEGV_),
		"--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x8} ---\n");
	si_reset(SIGSEGV_, 2);
	put64(16, 0x7fdc336ab000);
	cr_assert_str_eq(delivery(SIGSEGV_),
		"--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_ACCERR, si_addr=0x7fdc336ab000} ---\n");
	si_reset(SIGBUS_, 2);
	put64(16, 0x7fdc336aa000);
	cr_assert_str_eq(delivery(SIGBUS_),
		"--- SIGBUS {si_signo=SIGBUS, si_code=BUS_ADRERR, si_addr=0x7fdc336aa000} ---\n");
	si_reset(SIGFPE_, 1);
	put64(16, 0x5580edb34942);
	cr_assert_str_eq(delivery(SIGFPE_),
		"--- SIGFPE {si_signo=SIGFPE, si_code=FPE_INTDIV, si_addr=0x5580edb34942} ---\n");
	si_reset(SIGILL_, 2);
	put64(16, 0x5580edb34991);
	cr_assert_str_eq(delivery(SIGILL_),
		"--- SIGILL {si_signo=SIGILL, si_code=ILL_ILLOPN, si_addr=0x5580edb34991} ---\n");
	si_reset(SIGTRAP_, 0x80);		/* int3 */
	cr_assert_str_eq(delivery(SIGTRAP_),
		"--- SIGTRAP {si_signo=SIGTRAP, si_code=SI_KERNEL, si_addr=NULL} ---\n");
	si_reset(SIGSEGV_, 77);			/* a code strace does not know */
	put64(16, 8);
	cr_assert_str_eq(delivery(SIGSEGV_),
		"--- SIGSEGV {si_signo=SIGSEGV, si_code=0x4d, si_addr=0x8} ---\n");
}

Test(format_siginfo, seccomp)
{
	si_reset(SIGSYS_, 1);
	put64(16, 0x7fdc335c0829);
	put32(24, 110);				/* getppid */
	put32(28, (int32_t)0xc000003e);
	cr_assert_str_eq(delivery(SIGSYS_),
		"--- SIGSYS {si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x7fdc335c0829, si_syscall=__NR_getppid, si_arch=AUDIT_ARCH_X86_64} ---\n");
	put32(24, 999);
	put32(28, 0x1234);
	cr_assert_str_eq(delivery(SIGSYS_),
		"--- SIGSYS {si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x7fdc335c0829, si_syscall=999, si_arch=0x1234 /* AUDIT_ARCH_??? */} ---\n");
}

/* -e signal= hides the delivery line and the "killed by" line of the signals left
 * out; a record without its siginfo still names the signal */
Test(format_siginfo, filter_and_damage)
{
	struct sct_rec *r;

	si_reset(SIGUSR1_, 0);
	delivery(SIGUSR1_);
	t.f.signals = ~((uint64_t)1 << (SIGUSR1_ - 1));
	cr_assert_str_eq(trec_line(&t, NULL), "");
	t.f.signals = (uint64_t)1 << (SIGUSR1_ - 1);
	cr_assert_str_eq(trec_line(&t, NULL),
		"--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=0, si_uid=0} ---\n");
	r = trec_init(&t, 0, SIGSEGV_, 1, 0, 0, 0, 0);
	r->kind = SCT_REC_SIGNAL;
	t.f.signals = ~((uint64_t)1 << (SIGSEGV_ - 1));
	cr_assert_str_eq(trec_line(&t, NULL), "");
	t.f.signals = ~(uint64_t)0;
	cr_assert_str_eq(trec_line(&t, NULL), "+++ killed by SIGSEGV (core dumped) +++\n");
	r = trec_init(&t, 0, SIGUSR2_, 0, 0, 0, 0, 0);
	r->kind = SCT_REC_SIGINFO;
	trec_blob(&t, 0, SCT_BLOB_IN, si, 64, 0);
	cr_assert_str_eq(trec_line(&t, NULL), "--- SIGUSR2 ---\n");
}

/* rt_sigqueueinfo's and waitid's siginfo arguments, rt_sigreturn's mask */
Test(format_siginfo, arguments)
{
	static const struct sct_call c_queue = { "rt_sigqueueinfo", 0, 3, SCT_R_INT,
		{ A(PID, NOAUX), A(SIGNUM, NOAUX), A(SIGINFO, NOAUX) } };
	static const struct sct_call c_waitid = { "waitid", 0, 5, SCT_R_INT,
		{ A(INT, NOAUX), A(INT, NOAUX), A(SIGINFO_OUT, NOAUX), A(INT, NOAUX), A(PTR, NOAUX) } };
	static const struct sct_call c_sigreturn = { "rt_sigreturn", 0, 1, SCT_R_INT,
		{ A(SIGRET_MASK, NOAUX) } };

	si_reset(SIGUSR1_, -1);
	put32(16, 22022);
	put64(24, 42);
	trec_init(&t, 0, 22022, SIGUSR1_, 0x7ffe71f251b0ull, 0, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_IN, si, sizeof(si), 0);
	cr_assert_str_eq(trec_line(&t, &c_queue),
		"rt_sigqueueinfo(22022, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=22022, si_uid=0, si_int=42, si_ptr=0x2a}) = 0\n");
	trec_init(&t, -14, 22022, SIGUSR1_, 1, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_queue),
		"rt_sigqueueinfo(22022, SIGUSR1, 0x1)    = -1 EFAULT (Bad address)\n");
	memset(si, 0, sizeof(si));		/* WNOHANG, nothing to report */
	trec_init(&t, 0, 1, 5, 0x7ffe71f251b0ull, 1, 0, 0);
	trec_blob(&t, 2, SCT_BLOB_OUT, si, sizeof(si), 0);
	cr_assert_str_eq(trec_arg(&t, &c_waitid, 2), "{}");
	trec_init(&t, 0, (1ull << 1) | (1ull << 9), 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_sigreturn), "rt_sigreturn({mask=[INT USR1]})         = 0\n");
	trec_init(&t, -4, 0, 0, 0, 0, 0, 0);
	cr_assert_str_eq(trec_line(&t, &c_sigreturn),
		"rt_sigreturn({mask=[]})                 = -1 EINTR (Interrupted system call)\n");
}
