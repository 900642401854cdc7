/* Signals the library owns (sigown.h).
 *
 * The table is read from signal handlers on any thread, so an update never changes
 * the entry a reader may be copying: each signal has two entries, a writer fills the
 * one not in use and then switches `cur` (release).  Writers take a lock with every
 * signal blocked in their thread (sigaction is rare; a handler on the same thread
 * cannot then deadlock on it). */
#include <string.h>
#include <unistd.h>
#include "sigown.h"
#include "safemem.h"
#include <errno.h>
#include "raw.h"
#include "capture.h"
#include "clock.h"

#define NSIG_OWN 65
#define BIT(sig) (1ULL << ((sig) - 1))
/* what the kernel keeps of sa_flags (UAPI_SA_FLAGS on x86-64, Linux >= 5.11) */
#define KEPT_FLAGS (SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | \
		    SA_NODEFER | SA_RESETHAND | 0x800UL | SCT_SA_RESTORER)
#define MIRRORED (SA_ONSTACK | SA_RESTART | SA_NODEFER)

static struct slot {
	sct_sig_first first;
	struct sct_kaction act[2];
	unsigned cur;
	uint8_t owned;
} slots[NSIG_OWN];
static int lock;
/* A vfork child (posix_spawn's resets actions to SIG_DFL) runs on its parent's memory
 * and thread storage, but the kernel gave it its own copy of the actions: the first
 * change it makes to a signal here saves the parent's entry, which goes back when the
 * parent resumes (sct_sig_vfork_end).  Thread storage: the parent thread's own. */
#define VSAVE_MAX 8
static __thread struct vsave {
	int sig;
	struct sct_kaction act;
} vsave[VSAVE_MAX] __attribute__((tls_model("initial-exec")));
static __thread uint8_t nvsave, vforking __attribute__((tls_model("initial-exec")));
static void *libc_restorer;		/* learned from the first action installed through libc */
static int (*real_sigaction)(int, const struct sigaction *, struct sigaction *);

void *sct_resolve(const char *name);

int sct_sig_owned(int sig)
{
	return sig > 0 && sig < NSIG_OWN && __atomic_load_n(&slots[sig].owned, __ATOMIC_ACQUIRE);
}

void sct_sig_get(int sig, struct sct_kaction *act)
{
	const struct slot *s = &slots[sig];

	*act = s->act[__atomic_load_n(&s->cur, __ATOMIC_ACQUIRE) & 1];
}

static void dispatch(int sig, siginfo_t *si, void *uc)
{
	sct_sig_first first = slots[sig].first;

	if (first && first(sig, si, uc))
		return;
	sct_sig_forward(sig, si, uc);
}

/* The kernel's action for an owned signal: the library's handler, delivered as the
 * program's own would be.  Installed through libc so that the restorer is libc's
 * (debuggers and unwinders recognise its signal frames). */
static void mirror(int sig, const struct sct_kaction *prog)
{
	/* SIGSYS is never blocked in the kernel's view: a system call that traps in
	 * complete mode while it is would kill the process (the program's view keeps it) */
	uint64_t kmask = prog->mask & ~BIT(SIGSYS);
	struct sigaction sa;
	int handler = prog->handler != SIG_DFL && prog->handler != SIG_IGN;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = dispatch;
	sa.sa_flags = SA_SIGINFO | (handler ? (int)(prog->flags & MIRRORED) : 0);
	if (handler)
		memcpy(&sa.sa_mask, &kmask, sizeof(kmask));
	if (libc_restorer) {
		/* raw once the restorer is known: in complete mode libc's own
		 * rt_sigaction would trap, here with every signal blocked */
		struct sct_kaction k = { (void *)dispatch, (unsigned long)sa.sa_flags | SCT_SA_RESTORER,
					 libc_restorer, handler ? kmask : 0 };
		sct_sys(SYS_rt_sigaction, sig, &k, 0, 8);
		return;
	}
	if (!real_sigaction)
		real_sigaction = (__typeof(real_sigaction))sct_resolve("sigaction");
	real_sigaction(sig, &sa, NULL);
	if (!libc_restorer) {
		struct sct_kaction k;
		if (sct_sys(SYS_rt_sigaction, sig, 0, &k, 8) == 0 && (k.flags & SCT_SA_RESTORER))
			libc_restorer = k.restorer;
	}
}

void *sct_sig_restorer(void)
{
	return libc_restorer;
}

static void store(int sig, const struct sct_kaction *act)
{
	struct slot *s = &slots[sig];
	unsigned next = (s->cur & 1) ^ 1;

	if (vforking) {
		unsigned i;
		for (i = 0; i < nvsave && vsave[i].sig != sig; i++)
			;
		if (i == nvsave && i < VSAVE_MAX) {
			vsave[i].sig = sig;
			vsave[i].act = s->act[s->cur & 1];
			nvsave++;
		}
	}
	s->act[next] = *act;
	s->act[next].flags &= KEPT_FLAGS;
	s->act[next].mask &= ~(BIT(SIGKILL) | BIT(SIGSTOP));
	__atomic_store_n(&s->cur, next, __ATOMIC_RELEASE);
}

static uint64_t lock_table(void)
{
	uint64_t all = ~BIT(SIGSYS), old = 0;	/* SIGSYS: complete mode's traps */

	sct_sys(SYS_rt_sigprocmask, SIG_BLOCK, &all, &old, 8);
	while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE))
		sct_sys0(SYS_sched_yield);
	return old;
}

static void unlock_table(uint64_t old)
{
	__atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
	sct_sys(SYS_rt_sigprocmask, SIG_SETMASK, &old, 0, 8);
}

void sct_sig_vfork_begin(void)
{
	vforking = 1;
	nvsave = 0;
}

/* Back in the parent: its entries again.  The kernel's actions of the parent were
 * never touched (the child's mirror() changed the child's copy). */
void sct_sig_vfork_end(void)
{
	uint64_t old;

	if (!vforking)
		return;
	vforking = 0;
	old = lock_table();
	while (nvsave > 0) {
		nvsave--;
		store(vsave[nvsave].sig, &vsave[nvsave].act);
	}
	unlock_table(old);
}

void sct_sig_set(int sig, const struct sct_kaction *act)
{
	uint64_t old = lock_table();

	store(sig, act);
	mirror(sig, act);
	unlock_table(old);
}

int sct_sig_own(int sig, sct_sig_first first)
{
	struct sct_kaction k;
	uint64_t old;
	long r;

	if (sig <= 0 || sig >= NSIG_OWN)
		return -EINVAL;
	old = lock_table();
	r = sct_sys(SYS_rt_sigaction, sig, 0, &k, 8);
	if (r == 0) {
		slots[sig].first = first;
		store(sig, &k);
		mirror(sig, &k);
		__atomic_store_n(&slots[sig].owned, 1, __ATOMIC_RELEASE);
	}
	unlock_table(old);
	return (int)r;
}

/* A fault the kernel raised on the instruction itself: it cannot be ignored, and
 * returning from the handler runs the instruction again. */
static int synchronous(int sig, const siginfo_t *si)
{
	if (si->si_code <= 0)
		return 0;
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

/* Die of sig as with no handler: the default action back in the kernel, then either
 * the faulting instruction runs again or the signal is sent again (it is blocked in
 * the handler, so it arrives when the handler returns). */
static void die_default(int sig, const siginfo_t *si)
{
	struct sct_kaction dfl = { SIG_DFL, 0, 0, 0 };

	sct_sys(SYS_rt_sigaction, sig, &dfl, 0, 8);
	if (!synchronous(sig, si))
		sct_sys(SYS_tgkill, sct_sys0(SYS_getpid), sct_sys0(SYS_gettid), sig);
}

void sct_sig_forward(int sig, siginfo_t *si, void *uc)
{
	struct sct_kaction a;

	/* strace sees every delivery, to a handler, to SIG_DFL or to SIG_IGN */
	sct_record_delivery(sig, si);
	sct_sig_get(sig, &a);
	if (a.handler == SIG_IGN) {
		if (!synchronous(sig, si))
			return;
		a.handler = SIG_DFL;
	}
	if (a.handler == SIG_DFL) {
		die_default(sig, si);
		return;
	}
	if (a.flags & SA_RESETHAND) {
		/* the kernel keeps the flags and mask, only the handler goes */
		struct sct_kaction d = a;
		d.handler = SIG_DFL;
		uint64_t old = lock_table();
		store(sig, &d);
		mirror(sig, &d);
		unlock_table(old);
	}
	if (a.flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))a.handler)(sig, si, uc);
	else
		((void (*)(int))a.handler)(sig);
}

static int fault_first(int sig, siginfo_t *si, void *uc)
{
	/* an rdtsc of ours after the TSC was forbidden by a call we did not see */
	return si->si_code > 0 && (sct_safe_fixup(uc) || (sig == SIGSEGV && sct_clock_fault(uc)));
}

void sct_sigown_init(void)
{
	sct_sig_own(SIGSEGV, fault_first);
	sct_sig_own(SIGBUS, fault_first);
}
