/* The program's signals in complete mode.  Returning from the SIGSYS handler
 * restores the mask and the alternate stack saved in its frame, and SIGSYS must never
 * be blocked when the kernel traps (it would reset it and kill the process), so the
 * calls that touch masks, actions and the alternate stack are emulated here: the
 * program sees its own view, the kernel never holds SIGSYS in a mask.  The program's
 * handlers run through tramp(), which records the delivery, blocks the selector for
 * the handler and returns by our own rt_sigreturn. */
#include <ucontext.h>
#include "wrap.h"
#include "capture.h"
#include "dispatch.h"
#include "dispatch_int.h"
#include "inflight.h"
#include "raw.h"
#include "safemem.h"
#include "sigown.h"
#include "thread.h"

/* Write n bytes into the program's memory; 0 if they cannot be written. */
static int poke(uint64_t dst, const void *src, size_t n)
{
	uint64_t saved;
	int ok;

	if (!dst)
		return 0;
	saved = sct_safe_begin();
	ok = sct_safe_readable((const void *)(uintptr_t)dst, n);
	sct_safe_end(saved);
	if (ok)		/* a read-only mapping still faults: a case no program makes */
		memcpy((void *)(uintptr_t)dst, src, n);
	return ok;
}

/* The program may not block SIGSYS: the mask at `*p` without it, in `local`. */
uint64_t sct_dsig_strip_mask(uint64_t *a, unsigned i, uint64_t size, uint64_t *local)
{
	if (size != 8 || !sct_dispatch_peek(local, a[i], 8) || !(*local & SIGSYS_BIT))
		return 0;
	*local &= ~SIGSYS_BIT;
	a[i] = (uintptr_t)local;
	return 1;
}

/* rt_sigprocmask cannot be performed here: returning from the handler restores the
 * mask saved in the signal frame.  So the call acts on that saved mask, which the
 * kernel installs when the handler returns. */
long sct_dsig_sigprocmask(const uint64_t *a, uint64_t *frame_mask)
{
	uint64_t set = 0, cur = *frame_mask, old = cur | (sct_sigsys_blocked ? SIGSYS_BIT : 0);

	if (a[3] != 8)
		return -EINVAL;
	if (a[1] && !sct_dispatch_peek(&set, a[1], 8))
		return -EFAULT;
	if (a[1]) {
		switch (a[0]) {
		case SIG_BLOCK:
			cur |= set;
			if (set & SIGSYS_BIT)
				sct_sigsys_blocked = 1;
			break;
		case SIG_UNBLOCK:
			cur &= ~set;
			if (set & SIGSYS_BIT)
				sct_sigsys_blocked = 0;
			break;
		case SIG_SETMASK:
			cur = set;
			sct_sigsys_blocked = (set & SIGSYS_BIT) != 0;
			break;
		default:
			return -EINVAL;
		}
	}
	if (a[2] && !poke(a[2], &old, 8))
		return -EFAULT;
	*frame_mask = cur & ~NEVER_MASKED & ~SIGSYS_BIT;
	return 0;
}

/* The program's handlers run through tramp(), which records the delivery (strace's
 * "--- SIGUSR1 {...} ---" line) and returns by our own rt_sigreturn, never trapped.
 * A program's 4 KiB sigaltstack has no room for a second signal frame, so a handler
 * running on a small one is not trapped; its calls through libc's entry points are
 * recorded by the wrappers instead.  prog_act holds the program's own action. */
#define SMALL_ALTSTACK (64 * 1024)
static struct ksigaction prog_act[65];

/* The program's actions as it set them live in memory a vfork child shares, but the
 * kernel gave the child its own copy: the first change a vfork child makes to a
 * signal saves the parent's entry (sct_prog_sigsys for SIGSYS), put back when the parent
 * resumes (sct_dispatch_vfork_end, from sct_vfork_restore).  Thread storage: the
 * parent thread's, which the child runs on. */
#define DSAVE_MAX 8
static __thread struct dsave {
	int sig;
	struct ksigaction act;
} dsave[DSAVE_MAX] __attribute__((tls_model("initial-exec")));
static __thread uint8_t ndsave __attribute__((tls_model("initial-exec")));

static struct ksigaction *prog_action(int sig)
{
	return sig == SIGSYS ? &sct_prog_sigsys : &prog_act[sig];
}

/* About to change the program's action for sig. */
void sct_dsig_vfork_save(int sig)
{
	unsigned i;

	if (!sct_self.vfork_child)
		return;
	for (i = 0; i < ndsave && dsave[i].sig != sig; i++)
		;
	if (i == ndsave && i < DSAVE_MAX) {
		dsave[i].sig = sig;
		dsave[i].act = *prog_action(sig);
		ndsave++;
	}
}

void sct_dispatch_vfork_end(void)
{
	while (ndsave > 0) {
		ndsave--;
		*prog_action(dsave[ndsave].sig) = dsave[ndsave].act;
	}
}

/* strace's "rt_sigreturn({mask=[...]}) = N" after a handler: the mask the frame puts
 * back and the rax it restores (the interrupted call's result, -EINTR, or the number
 * of a call about to restart).  Recorded here because the frame returns through our
 * own rt_sigreturn (never trapped), or, for glibc's restorer, from the trap. */

static void record_sigreturn(uint64_t mask, int64_t rax)
{
	unsigned idx = sct_dispatch_call_of(SYS_rt_sigreturn);
	struct sct_thread *t = idx ? sct_thread_any(idx - 1) : NULL;
	uint64_t a[SCT_MAX_ARGS] = { mask };
	uint64_t t0;

	if (!t)
		return;
	t0 = sct_now();
	sct_done(t, idx - 1, a, rax, t0, t0, NULL);
}

void sct_dsig_frame_sigreturn(const ucontext_t *uc)
{
	uint64_t mask;

	memcpy(&mask, &uc->uc_sigmask, sizeof(mask));
	record_sigreturn(mask, (int64_t)uc->uc_mcontext.gregs[REG_RAX]);
}

/* The interrupted mask as the program sees it, SIGSYS included when it blocked it;
 * and, after its handler, what the handler left there: SIGSYS goes back to the
 * program's view (never to the kernel), and when the signal landed inside a call we
 * perform for it (the interrupted code is ours), a change goes to the program's own
 * frame, the mask the kernel restores when that call returns. */
static uint64_t mask_view(ucontext_t *uc)
{
	uint64_t *m = (uint64_t *)&uc->uc_sigmask;

	if (sct_sigsys_blocked)
		*m |= SIGSYS_BIT;
	return *m;
}

static void mask_back(ucontext_t *uc, uint64_t before)
{
	uint64_t *m = (uint64_t *)&uc->uc_sigmask;
	uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];

	sct_sigsys_blocked = (*m & SIGSYS_BIT) != 0;
	*m &= ~SIGSYS_BIT;
	if (*m != (before & ~SIGSYS_BIT) && sct_cur_trap && rip - sct_text_start < sct_text_len)
		*(uint64_t *)&sct_cur_trap->uc->uc_sigmask = *m;
}

static void tramp(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	struct ksigaction k = prog_act[sig];
	struct sct_thread *t = &sct_self;
	uint64_t before;
	/* uc_stack is the alternate stack as it was set when the signal came */
	uintptr_t here = (uintptr_t)__builtin_frame_address(0), lo = (uintptr_t)uc->uc_stack.ss_sp;
	int off = t->trap && !(uc->uc_stack.ss_flags & SS_DISABLE) &&
		  here - lo < uc->uc_stack.ss_size && uc->uc_stack.ss_size < SMALL_ALTSTACK;

	if (k.flags & SA_RESETHAND) {
		sct_dsig_vfork_save(sig);
		prog_act[sig].handler = SIG_DFL;
	}
	if (k.handler == SIG_DFL || k.handler == SIG_IGN)
		return;
	struct sct_cut cut = sct_dsig_cut(uc);
	sct_record_delivery(sig, si);
	/* The signal may have come while a wrapper had the selector open: the handler's
	 * own calls trap all the same. */
	uint8_t sel = t->sel, trap = t->trap;
	if (off) {
		t->trap = 0;
		t->sel = SCT_SEL_ALLOW;
	} else if (trap) {
		t->sel = SCT_SEL_BLOCK;
	}
	before = mask_view(uc);
	if (k.mask & SIGSYS_BIT)
		sct_sigsys_blocked = 1;
	if (k.flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))k.handler)(sig, si, ucv);
	else
		((void (*)(int))k.handler)(sig);
	mask_back(uc, before);
	t->sel = sel;
	t->trap = trap;
	sct_dsig_frame_sigreturn(uc);
	sct_dsig_uncut(&cut);
}

/* rt_sigaction: SIGSYS is ours, the program sees and sets its own action here; the
 * mask of any other action may not hold SIGSYS; an SA_ONSTACK handler runs through
 * tramp() and the program reads back its own action. */
long sct_dsig_sigaction(uint64_t *a)
{
	struct ksigaction k, old;
	long r;

	if (a[0] != SIGSYS && a[3] == 8 && sct_sig_owned((int)a[0])) {
		/* SIGSEGV, SIGBUS: the program's action lives in sigown's table */
		sct_sig_get((int)a[0], (struct sct_kaction *)&old);
		if (a[1]) {
			if (!sct_dispatch_peek(&k, a[1], sizeof(k)))
				return -EFAULT;
			k.mask &= ~SIGSYS_BIT;
			sct_sig_set((int)a[0], (const struct sct_kaction *)&k);
		}
		if (a[2] && !poke(a[2], &old, sizeof(old)))
			return -EFAULT;
		return 0;
	}
	if (a[0] != SIGSYS) {
		int sig = (int)a[0], via = 0;
		if (a[3] != 8 || sig < 1 || sig > 64)
			return sct_dispatch_sys6(SYS_rt_sigaction, a);
		if (a[1]) {
			if (!sct_dispatch_peek(&k, a[1], sizeof(k)))
				return -EFAULT;
			k.mask &= ~NEVER_MASKED;
			old = k;	/* the program's view, SIGSYS in its mask */
			k.mask &= ~SIGSYS_BIT;
			if (k.handler != SIG_DFL && k.handler != SIG_IGN &&
			    sig != SIGKILL && sig != SIGSTOP) {
				via = 1;
				k.handler = (void *)tramp;
				k.flags |= SA_SIGINFO | K_SA_RESTORER;
				/* returns through our own rt_sigreturn, never trapped:
				 * no second frame on a small alternate stack */
				k.restorer = (void *)sct_stub_restorer;
			}
			a[1] = (uintptr_t)&k;
		}
		struct ksigaction kold, keep = prog_act[sig];
		uint64_t want_old = a[2];
		a[2] = want_old ? (uintptr_t)&kold : 0;
		if (via) {
			sct_dsig_vfork_save(sig);
			prog_act[sig] = old;
		}
		r = sct_dispatch_sys6(SYS_rt_sigaction, a);
		if (r < 0) {
			prog_act[sig] = keep;
			return r;
		}
		if (want_old) {
			if (kold.handler == (void *)tramp)
				kold = keep;
			if (!poke(want_old, &kold, sizeof(kold)))
				return -EFAULT;
		}
		return r;
	}
	if (a[3] != 8)
		return -EINVAL;
	old = sct_prog_sigsys;
	if (a[1]) {
		if (!sct_dispatch_peek(&k, a[1], sizeof(k)))
			return -EFAULT;
		k.mask &= ~NEVER_MASKED;
		sct_dsig_vfork_save(SIGSYS);
		sct_prog_sigsys = k;
	}
	if (a[2] && !poke(a[2], &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* pselect6's last argument is { const sigset_t *set; size_t size }. */
long sct_dsig_pselect6(uint64_t *a)
{
	uint64_t ss[2], local;

	if (a[5] && sct_dispatch_peek(ss, a[5], sizeof(ss)) && ss[0] && sct_dsig_strip_mask(ss, 0, ss[1], &local))
		a[5] = (uintptr_t)ss;
	return sct_dispatch_sys6(SYS_pselect6, a);
}

/* sigaltstack: rt_sigreturn restores the alternate stack saved in the signal frame,
 * so a stack set here would be undone when the handler returns; the frame gets the
 * stack the program set. */
long sct_dsig_sigaltstack(const uint64_t *a)
{
	long r = sct_dispatch_sys6(SYS_sigaltstack, a);
	stack_t now;

	if (r == 0 && a[0] && sct_cur_trap && sct_sys(SYS_sigaltstack, NULL, &now) == 0)
		sct_cur_trap->uc->uc_stack = now;
	return r;
}

