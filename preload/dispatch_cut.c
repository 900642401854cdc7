/* Calls a signal cuts short, in complete mode: strace shows such a call's line before
 * the signal's, with what the kernel returned before handling the signal:
 *
 *   read(3, 0x7ffd..., 8) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)
 *   --- SIGUSR1 {...} ---
 *   rt_sigreturn({mask=[]}) = 0          (read's number: it restarts)
 *   read(3, "x", 8) = 1                  (the restarted call, timed from its restart)
 *
 * or "rt_sigreturn(...) = -1 EINTR" and no second line.  The trampoline (tramp() in
 * dispatch_sig.c) asks here before the handler runs, and again after it.  Where the
 * thread was is in the interrupted context: rip at a `syscall` with rcx set by the
 * kernel and rax the call's number again (about to restart), or just after one with
 * rax -EINTR (cut short, not restarted).  Two kinds of call can be there:
 *   - a trapped call the library performs (trap_call, at sct_perform_insn): its
 *     arguments and pre-call state are on the trap's frame (sct_cur_trap);
 *   - a call an exact wrapper lets through to libc (the selector open): its number
 *     and arguments are in the thread's pending slot (inflight.h), and the wrapper's
 *     own record of it is dropped or retimed when it comes (t->cut, capture.c).
 * The code each call gets (ERESTARTSYS, ERESTARTNOHAND, ...) is cancel.c's table. */
#include <sys/syscall.h>
#include <ucontext.h>
#include "wrap.h"
#include "calls.h"
#include "capture.h"
#include "dispatch.h"
#include "dispatch_int.h"
#include "inflight.h"
#include "thread.h"

/* A trapped call cut short: rip at our one `syscall` (sct_perform_insn), where
 * sct_cur_trap is known to be live (a handler that longjmps out of a trap leaves it
 * behind, stale).  Once its line is written, pthread_cancel unwinding from the
 * handler writes no second one (fl->t = NULL). */
static int cut_trapped(const ucontext_t *uc, struct sct_cut *cut)
{
	uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP], at = (uintptr_t)sct_perform_insn;
	int64_t rax = uc->uc_mcontext.gregs[REG_RAX], ret;
	int restart = rip == at && (uintptr_t)uc->uc_mcontext.gregs[REG_RCX] == at + 2;
	struct trap_ctx *ctx;
	struct sct_inflight *fl;
	struct sct_thread *t;

	if (!restart && rip != at + 2)
		return 0;
	ctx = sct_cur_trap;
	if (!ctx || !(fl = ctx->fl) || !(t = fl->t) || ctx->said || (restart && rax != ctx->nr))
		return 1;
	/* just after it: ended, with its result in rax, unless cut short (-EINTR) */
	ret = restart || rax == -EINTR ? -sct_interrupted_errno(fl->call, fl->a) : rax;
	sct_pend_drop(t, fl->t0);	/* no longer in flight: the handler's calls may publish */
	uint64_t ip = t->trap_ip;
	t->trap_ip = (uint64_t)(uintptr_t)ctx->si->si_call_addr;	/* -i */
	sct_done(t, fl->call, fl->a, ret, fl->t0, sct_end(fl->t0), fl->pre);
	t->trap_ip = ip;
	ctx->said = 1;
	fl->t = NULL;
	if (restart) {
		cut->how = SCT_CUT_TRAPPED;
		cut->t = t;
	}
	return 1;
}

/* A wrapped call cut short inside libc: the pending slot holds it (a handler's own
 * calls publish nothing while it does), and the instruction bytes around rip say
 * the thread is at a system call. */
static void cut_wrapped(const ucontext_t *uc, struct sct_cut *cut)
{
	struct sct_thread *t = &sct_self;
	uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	int64_t rax = uc->uc_mcontext.gregs[REG_RAX];
	struct sct_pending *p;
	unsigned char ins[4];
	uint64_t t0;
	unsigned call;
	int restart;

	if (t->state != SCT_T_READY || t->counting || t->vfork_child || !t->ring.hdr)
		return;
	p = &t->ring.hdr->pending;
	if ((__atomic_load_n(&p->seq, __ATOMIC_ACQUIRE) & SCT_PEND_MASK) != SCT_PEND_BUSY)
		return;
	call = p->call;
	t0 = p->t0;
	if (call >= sct_ncalls || sct_nr_of_call[call] < 0 || !sct_dispatch_peek(ins, rip - 2, 4))
		return;
	restart = ins[2] == 0x0f && ins[3] == 0x05 && rax == sct_nr_of_call[call] &&
		  (uintptr_t)uc->uc_mcontext.gregs[REG_RCX] == rip + 2;
	if (!restart && !(ins[0] == 0x0f && ins[1] == 0x05 && rax == -EINTR))
		return;
	/* the wrapper's own t0, which its record (or its unwinding) will carry: the
	 * slot's, unless an earlier cut restarted the call from t0new */
	uint64_t t0w = t->cut.how == SCT_CUT_RESTART && t->cut.call == call &&
		       t->cut.t0new == t0 ? t->cut.t0 : t0;
	memcpy(cut->a, p->arg, sizeof(cut->a));
	sct_pend_end(t);		/* the handler's calls may publish */
	uint64_t ip = t->trap_ip;
	t->trap_ip = restart ? rip + 2 : rip;	/* -i: after libc's own syscall, as strace */
	sct_done(t, call, cut->a, -sct_interrupted_errno(call, cut->a), t0, sct_end(t0), NULL);
	t->trap_ip = ip;
	t->cut.call = call;
	t->cut.t0 = t0w;
	t->cut.t0new = 0;	/* not restarted yet: sct_dsig_uncut sets it */
	t->cut.how = restart ? SCT_CUT_RESTART : SCT_CUT_SAID;
	if (restart) {
		cut->how = SCT_CUT_WRAPPED;
		cut->t = t;
		cut->call = call;
	}
}

struct sct_cut sct_dsig_cut(const ucontext_t *uc)
{
	struct sct_cut cut = { 0 };

	if (!cut_trapped(uc, &cut))
		cut_wrapped(uc, &cut);
	return cut;
}

/* After the handler: a call that restarts is in flight again, timed from now. */
void sct_dsig_uncut(struct sct_cut *cut)
{
	struct trap_ctx *ctx = sct_cur_trap;
	struct sct_thread *t = cut->t;

	switch (cut->how) {
	case SCT_CUT_TRAPPED:
		if (!ctx || !ctx->fl)
			return;
		ctx->said = 0;
		ctx->fl->t = t;
		ctx->fl->t0 = sct_now();
		/* in flight again (trap_call clears it when it returns; an execve it
		 * never published) */
		if (ctx->nr != SYS_execve && ctx->nr != SYS_execveat)
			sct_pend_begin(t, ctx->fl->call, SCT_MAX_ARGS, ctx->fl->a, ctx->fl->t0);
		return;
	case SCT_CUT_WRAPPED:
		/* the wrapper's record, when it comes, starts here (capture.c) */
		if (t->cut.how != SCT_CUT_RESTART || t->cut.call != cut->call)
			return;
		t->cut.t0new = sct_now();
		sct_pend_begin(t, cut->call, SCT_MAX_ARGS, cut->a, t->cut.t0new);
		return;
	}
}
