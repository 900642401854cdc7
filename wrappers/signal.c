/* sigaction and signal.  glibc hands the kernel its own form of the action: the
 * flags sign-extended plus SA_RESTORER, its restorer, the mask without its two
 * internal signals (SIGRTMIN, SIGRT_1); signal() adds SA_RESTART and the signal to the
 * mask.  The record shows that form.  The old action and the restorer are read with a
 * raw rt_sigaction(sig, NULL, &k), which changes nothing; the new mask and flags are
 * rebuilt from the caller's (the kernel drops SIGKILL/SIGSTOP and unknown flags from
 * what it stores, strace shows what was passed).
 *
 * SIGSEGV and SIGBUS belong to the library (preload/sigown.c): for them the program
 * sees its own actions, kept in sigown's table (SIG_DFL until it sets one), and the
 * record shows the rt_sigaction the program would have made. */
#include "hand.h"
#include "raw.h"
#include "sigown.h"

#define ksigaction sct_kaction

static void *glibc_restorer;		/* __restore_rt, as seen in any earlier action */
static int (*real_sigaction)(int, const struct sigaction *, struct sigaction *);
static sighandler_t (*real_signal)(int, sighandler_t);

#define K_SA_RESTORER 0x04000000UL
#define GLIBC_INTERNAL_SIGS ((1ULL << 31) | (1ULL << 32))	/* bits of signals 32, 33 */

/* glibc refuses these without asking the kernel. */
static int refused_signal(int sig)
{
	return sig < 1 || sig > 64 || sig == 32 || sig == 33;
}

/* The action as glibc passes it; `now` is the kernel's after the call (for the
 * restorer), or the old one if the call failed. */
static void user_to_kernel(const struct sigaction *act, const struct ksigaction *now,
			   struct ksigaction *k)
{
	k->handler = (void *)act->sa_handler;
	k->flags = (unsigned long)(long)act->sa_flags | K_SA_RESTORER;
	k->restorer = now->restorer;
	memcpy(&k->mask, &act->sa_mask, sizeof(k->mask));
	k->mask &= ~GLIBC_INTERNAL_SIGS;
}

static void record(struct sct_thread *t, int sig, int has_act, int has_old, int r, int e,
		   const struct ksigaction *knew, const struct ksigaction *kold, uint64_t t0)
{
	uint64_t a[SCT_MAX_ARGS] = { (uint64_t)sig, has_act ? (uintptr_t)knew : 0,
				     has_old ? (uintptr_t)kold : 0, 8 };

	sct_done(t, SCT_CALL_rt_sigaction, a, r < 0 ? -(int64_t)e : 0, t0, sct_now(), NULL);
}

/* An owned signal: the table instead of the kernel; always succeeds (valid signal). */
static int owned_sigaction(struct sct_thread *t, int sig, const struct sigaction *act,
			   struct sigaction *old)
{
	struct ksigaction kold, knew = { 0 };
	uint64_t t0 = sct_now();

	sct_sig_get(sig, &kold);
	if (act) {
		knew.restorer = sct_sig_restorer();
		user_to_kernel(act, &knew, &knew);
		sct_sig_set(sig, &knew);
	}
	if (old) {
		/* as glibc converts it: the rest of sa_mask beyond the kernel's 8 bytes stays */
		old->sa_handler = (sighandler_t)kold.handler;
		memcpy(&old->sa_mask, &kold.mask, sizeof(kold.mask));
		old->sa_flags = (int)kold.flags;
		old->sa_restorer = (void (*)(void))kold.restorer;
	}
	if (!t && sct_self.trap)	/* complete mode: no system call will trap for it */
		t = sct_thread_any(SCT_CALL_rt_sigaction);
	if (t)
		record(t, sig, act != NULL, old != NULL, 0, 0, &knew, &kold, t0);
	return 0;
}

SCT_EXPORT int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sct_thread *t = refused_signal(sig) ? NULL : sct_begin(SCT_CALL_rt_sigaction);
	struct ksigaction kold = { 0 }, know = { 0 }, knew = { 0 };
	uint64_t t0;
	int r, e;

	if (sct_sig_owned(sig))
		return owned_sigaction(t, sig, act, old);
	if (!t)
		return SCT_REAL(sigaction)(sig, act, old);
	sct_sys(SYS_rt_sigaction, sig, 0, &kold, 8);
	t0 = sct_now();
	r = SCT_REAL(sigaction)(sig, act, old);
	e = errno;
	if (act) {
		if (r != 0 || sct_sys(SYS_rt_sigaction, sig, 0, &know, 8) < 0)
			know = kold;
		if (know.flags & K_SA_RESTORER)
			glibc_restorer = know.restorer;
		else
			know.restorer = glibc_restorer;
		user_to_kernel(act, &know, &knew);
	}
	record(t, sig, act != NULL, old != NULL, r, e, &knew, &kold, t0);
	errno = e;
	return r;
}

SCT_EXPORT sighandler_t signal(int sig, sighandler_t handler)
{
	struct sct_thread *t = refused_signal(sig) ? NULL : sct_begin(SCT_CALL_rt_sigaction);
	struct ksigaction kold = { 0 }, knew = { 0 };
	sighandler_t r;
	uint64_t t0;
	int e;

	if (sct_sig_owned(sig)) {
		/* glibc's signal(): SA_RESTART, the signal itself blocked in its handler */
		struct sigaction act;
		memset(&act, 0, sizeof(act));
		act.sa_handler = handler;
		act.sa_flags = SA_RESTART;
		sigaddset(&act.sa_mask, sig);
		if (owned_sigaction(t, sig, &act, &act) < 0)
			return SIG_ERR;
		return act.sa_handler;
	}
	if (!t)
		return SCT_REAL(signal)(sig, handler);
	sct_sys(SYS_rt_sigaction, sig, 0, &kold, 8);
	t0 = sct_now();
	r = SCT_REAL(signal)(sig, handler);
	e = errno;
	if (r != SIG_ERR)
		sct_sys(SYS_rt_sigaction, sig, 0, &knew, 8);
	else
		knew.handler = (void *)handler;
	record(t, sig, 1, 1, r == SIG_ERR ? -1 : 0, e, &knew, &kold, t0);
	errno = e;
	return r;
}

SCT_ALIAS(bsd_signal, signal);
