/* sigaction and signal.  glibc hands the kernel its own form of the action (with
 * SA_RESTORER and its restorer; signal() adds SA_RESTART and the signal to the mask),
 * so the record shows the kernel's view: read back with raw rt_sigaction, which
 * changes nothing. */
#include "hand.h"
#include "raw.h"

struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

static int (*real_sigaction)(int, const struct sigaction *, struct sigaction *);
static sighandler_t (*real_signal)(int, sighandler_t);

/* glibc refuses its two internal signals without asking the kernel. */
static int internal_signal(int sig)
{
	return sig == 32 || sig == 33;
}

static void user_to_kernel(const struct sigaction *act, const struct ksigaction *old,
			   struct ksigaction *k)
{
	k->handler = (void *)act->sa_handler;
	k->flags = (unsigned long)act->sa_flags | 0x04000000;	/* SA_RESTORER */
	k->restorer = old->restorer;
	memcpy(&k->mask, &act->sa_mask, sizeof(k->mask));
}

static void record(struct sct_thread *t, int sig, int has_act, int has_old, int r, int e,
		   const struct ksigaction *knew, const struct ksigaction *kold, uint64_t t0)
{
	uint64_t a[SCT_MAX_ARGS] = { (uint64_t)sig, has_act ? (uintptr_t)knew : 0,
				     has_old ? (uintptr_t)kold : 0, 8 };

	sct_done(t, SCT_CALL_rt_sigaction, a, r < 0 ? -(int64_t)e : 0, t0, sct_now(), NULL);
}

SCT_EXPORT int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sct_thread *t = internal_signal(sig) ? NULL : sct_begin(SCT_CALL_rt_sigaction);
	struct ksigaction kold = { 0 }, knew = { 0 };
	uint64_t t0;
	int r, e;

	if (!t)
		return SCT_REAL(sigaction)(sig, act, old);
	sct_sys(SYS_rt_sigaction, sig, 0, &kold, 8);
	t0 = sct_now();
	r = SCT_REAL(sigaction)(sig, act, old);
	e = errno;
	if (act && (r != 0 || sct_sys(SYS_rt_sigaction, sig, 0, &knew, 8) < 0))
		user_to_kernel(act, &kold, &knew);
	record(t, sig, act != NULL, old != NULL, r, e, &knew, &kold, t0);
	errno = e;
	return r;
}

SCT_EXPORT sighandler_t signal(int sig, sighandler_t handler)
{
	struct sct_thread *t = internal_signal(sig) ? NULL : sct_begin(SCT_CALL_rt_sigaction);
	struct ksigaction kold = { 0 }, knew = { 0 };
	sighandler_t r;
	uint64_t t0;
	int e;

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
