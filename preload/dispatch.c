/* Complete mode: every system call made outside this library becomes a SIGSYS that
 * on_sigsys performs from here (dispatch lets this library's code through), records
 * through the same ring path as the wrappers, and answers in the signal context.
 *
 * Threads and signals.  The handler runs on the trapping thread, on its stack, with
 * SA_NODEFER: a handler of the program that interrupts a call we are making for it
 * (a blocking read) may make calls that trap again, and SIGSYS must never be blocked
 * when the kernel traps (it would reset SIGSYS to SIG_DFL and kill the process).  So
 * the program can never block SIGSYS: the masks it hands rt_sigprocmask, rt_sigaction,
 * rt_sigsuspend, ppoll, pselect6 and epoll_pwait lose that bit, and what it reads back
 * shows its own view.  Its own SIGSYS action is kept here and run for every SIGSYS that
 * is not a dispatch trap (seccomp's SECCOMP_RET_TRAP).
 *
 * Calls that cannot simply be performed here:
 *   rt_sigreturn   glibc's restorer traps: the handler points rip at our own
 *                  `syscall` (dispatch_stub.c) with rsp left at the frame to restore;
 *   clone, clone3, vfork with a child that shares our memory: the child must not
 *                  return through this handler's frame, so the call is re-issued from
 *                  a stub after the handler returns, and the child arms itself there;
 *   a copy (fork): performed here; the child arms itself before it returns;
 *   exit, exit_group: recorded first, with the process's last line.
 */
#include <elf.h>
#include <link.h>
#include <sched.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include "wrap.h"
#include "calls.h"
#include "capture.h"
#include "dispatch.h"
#include "dispatch_int.h"
#include "inflight.h"
#include "init.h"
#include "inject.h"
#include "notes.h"
#include "out.h"
#include "raw.h"
#include "safemem.h"
#include "sigown.h"
#include "standalone.h"
#include "thread.h"
#include "untraced.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#define PR_SYS_DISPATCH_ON 1
#endif
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2		/* si_code of a dispatch trap */
#endif
#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1			/* si_code of a seccomp trap */
#endif
#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#endif




extern const ElfW(Ehdr) __ehdr_start __attribute__((visibility("hidden")));

int sct_dispatch_off_reason;
uintptr_t sct_text_start, sct_text_len;
struct ksigaction sct_prog_sigsys;	/* the program's SIGSYS action (its view) */
__thread uint8_t sct_sigsys_blocked __attribute__((tls_model("initial-exec")));

__thread struct trap_ctx *sct_cur_trap __attribute__((tls_model("initial-exec")));

static void trap_ctx_pop(struct trap_ctx **outer)
{
	sct_cur_trap = *outer;
}

/* This library's executable segment: the one range dispatch lets through. */
static int find_text(void)
{
	const ElfW(Ehdr) *eh = &__ehdr_start;
	/* the headers follow the ELF header in the mapping, outside the object the
	 * symbol names: through an integer, so UBSan does not take it for an overflow */
	const ElfW(Phdr) *ph = (const ElfW(Phdr) *)((uintptr_t)eh + eh->e_phoff);

	for (unsigned i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_X)) {
			sct_text_start = (uintptr_t)eh + ph[i].p_vaddr;
			sct_text_len = ph[i].p_memsz;
			return 0;
		}
	}
	return -ENOEXEC;
}

int sct_dispatch_arm(void)
{
	struct sct_thread *t = &sct_self;
	uint64_t mask = 0, sys = SIGSYS_BIT;
	long r;

	/* A thread that has SIGSYS blocked (an image exec'd with it blocked, a thread
	 * that joins later) would be killed by its first trap: the kernel forces the
	 * signal.  The program keeps its view of the mask (dispatch_sig.c); the kernel's
	 * never holds SIGSYS from here on. */
	if (sct_sys(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &mask, 8) == 0 && (mask & SIGSYS_BIT)) {
		sct_sigsys_blocked = 1;
		sct_sys(SYS_rt_sigprocmask, SIG_UNBLOCK, &sys, NULL, 8);
	}
	t->sel = SCT_SEL_BLOCK;
	r = sct_sys(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, sct_text_start,
		    sct_text_len, &t->sel);
	if (r < 0) {
		t->sel = SCT_SEL_ALLOW;
		return (int)r;
	}
	t->trap = 1;
	return 0;
}

/* ---- performing a call and recording it -------------------------------------- */

long sct_perform_sys6(long nr, const uint64_t *a);	/* dispatch_stub.c */

long sct_dispatch_sys6(long nr, const uint64_t *a)
{
	return sct_perform_sys6(nr, a);
}

/* Copy n bytes of the program's memory; 0 if they cannot be read. */
int sct_dispatch_peek(void *dst, uint64_t src, size_t n)
{
	uint64_t saved;
	size_t got;

	if (!src)
		return 0;
	saved = sct_safe_begin();
	got = sct_safe_copy(dst, (const void *)(uintptr_t)src, n);
	sct_safe_end(saved);
	return got == n;
}

/* The program armed (or disarmed) Syscall User Dispatch for itself, which replaces
 * ours in this thread: the thread goes on at libc's entry points, its SIGSYS traps are
 * the program's, and the user is told once. */
static void dispatch_taken(void)
{
	struct sct_thread *t = &sct_self;

	t->trap = 0;
	t->sel = SCT_SEL_ALLOW;
	sct_note_untraced(SCT_NOTE_OWNSUD, (int)sct_sys0(SYS_getpid), (int)sct_sys0(SYS_gettid), 0);
}

/* An exec: the new image starts with the mask the program believes it has, SIGSYS
 * blocked included (its library unblocks it again, sct_dispatch_arm); put back if
 * the exec fails.  Meanwhile nothing of ours can trap: this is the library's text. */
static long exec_masked(long nr, const uint64_t *a)
{
	uint64_t sys = SIGSYS_BIT;
	long r;

	if (!sct_sigsys_blocked)
		return sct_dispatch_sys6(nr, a);
	sct_sys(SYS_rt_sigprocmask, SIG_BLOCK, &sys, NULL, 8);
	r = sct_dispatch_sys6(nr, a);
	sct_sys(SYS_rt_sigprocmask, SIG_UNBLOCK, &sys, NULL, 8);
	return r;
}

static long perform(long nr, uint64_t *a, uint64_t *frame_mask)
{
	uint64_t local;

	switch (nr) {
	case SYS_rt_sigprocmask:
		return sct_dsig_sigprocmask(a, frame_mask);
	case SYS_rt_sigaction:
		return sct_dsig_sigaction(a);
	case SYS_rt_sigsuspend:
		sct_dsig_strip_mask(a, 0, a[1], &local);
		break;
	case SYS_ppoll:
		sct_dsig_strip_mask(a, 3, a[4], &local);
		break;
	case SYS_epoll_pwait:
		sct_dsig_strip_mask(a, 4, a[5], &local);
		break;
	case SYS_pselect6:
		return sct_dsig_pselect6(a);
	case SYS_sigaltstack:
		return sct_dsig_sigaltstack(a);
	case SYS_prctl:
		if (a[0] == PR_SET_SYSCALL_USER_DISPATCH) {
			long r = sct_dispatch_sys6(nr, a);
			if (r == 0)	/* before anything of ours can trap under its rules */
				dispatch_taken();
			return r;
		}
		break;
	case SYS_seccomp:
		break;
	case SYS_execve:
	case SYS_execveat:
		return exec_masked(nr, a);
	default:
		return sct_dispatch_sys6(nr, a);
	}
	/* prctl, seccomp: the clock this thread reads may be forbidden from now on */
	int froze = sct_clock_before(nr, a);
	long r = sct_dispatch_sys6(nr, a);
	sct_clock_after(froze, r);
	return r;
}

/* Called through a pointer the compiler cannot see through: a call it believes
 * cannot throw gets no landing pad, and the cleanup in trap_call would not run when
 * pthread_cancel unwinds out of the system call. */
static long (*volatile perform_unwindable)(long, uint64_t *, uint64_t *) = perform;

/* Index in sct_calls[] + 1 of system call nr; 0 for a number the spec lacks. */
unsigned sct_dispatch_call_of(long nr)
{
	unsigned c = nr >= 0 && nr < SCT_NR_MAX ? sct_call_of_nr[nr] : SCT_CALL_NONE;

	return c == SCT_CALL_NONE ? 0 : c + 1;
}

/* A number the spec has no line for: a bare record, printed as strace prints a call it
 * does not know (syscall_0x1c8(...)); nothing is counted under -c. */
static void record_unknown(long nr, const uint64_t *a, long r, uint64_t t0, uint64_t t1)
{
	struct sct_thread *t = &sct_self;
	struct sct_rec *rec;

	if (t->state != SCT_T_READY || t->counting || nr < 0)
		return;
	if (!(rec = sct_reserve(t, sizeof(*rec))))
		return;
	sct_rec_header(t, rec, sizeof(*rec), SCT_REC_CALL, sct_call_for_nr((unsigned long)nr));
	rec->t0 = t0;
	rec->t1 = t1;
	rec->ret = r;
	memcpy(rec->arg, a, sizeof(rec->arg));
	sct_ring_commit(&t->ring);
}

/* The record's form of pselect6's last argument, as the wrappers write it
 * (format/kinds.h, pselect_sig): { set pointer, size, the set }. */
static void pselect_form(uint64_t *rec, uint64_t *form)
{
	uint64_t ss[2];

	if (!rec[5] || !sct_dispatch_peek(ss, rec[5], sizeof(ss)))
		return;
	form[0] = ss[0];
	form[1] = ss[1];
	form[2] = 0;
	if (ss[0] && ss[1] == 8)
		sct_dispatch_peek(&form[2], ss[0], 8);
	rec[5] = (uintptr_t)form;
}

/* Perform the trapped call `nr` and record it; the kernel's result.  A thread that
 * pthread_cancel unwinds out of the call records it as interrupted (preload/
 * cancel.c): this file is built with -fexceptions for that. */
static long trap_call(long nr, const uint64_t *args, uint64_t *frame_mask)
{
	uint64_t a[SCT_MAX_ARGS], rec[SCT_MAX_ARGS], form[3], t0, t1;
	unsigned idx = sct_dispatch_call_of(nr);
	struct sct_thread *t = idx ? sct_thread_any(idx - 1) : NULL;
	unsigned char pre[SCT_PRE_MAX];
	struct sct_inj j;
	long r;
	int pend, on = 0;

	memcpy(a, args, sizeof(a));
	if (!idx) {
		t0 = sct_now();
		r = perform_unwindable(nr, a, frame_mask);
		record_unknown(nr, args, r, t0, sct_end(t0));
		return r;
	}
	if (!t || ((nr == SYS_execve || nr == SYS_execveat) && t->in_exec))
		return perform(nr, a, frame_mask);
	memcpy(rec, args, sizeof(rec));
	if (nr == SYS_pselect6)
		pselect_form(rec, form);
	/* -e inject= (preload/inject.c): first, as poke_enter= changes what the call gets */
	if (__builtin_expect(sct_cfg.inject, 0))
		on = sct_inject_enter(t, idx - 1, a, &j);
	if (!t->counting)
		sct_pre(t, idx - 1, rec, pre);
	if (__builtin_expect(on, 0) && j.fake) {	/* a faked call is not made */
		t0 = sct_now();
		r = sct_inject_fake(&j);
		sct_inject_done(t, idx - 1, rec, r, t0, sct_end(t0), t->counting ? NULL : pre, &j);
		return r;
	}
	t0 = sct_now();
	/* published while it runs (preload/inflight.h); an execve that succeeds never
	 * returns to clear it, and its line is the new image's: not published */
	pend = nr != SYS_execve && nr != SYS_execveat && sct_pend_begin(t, idx - 1, SCT_MAX_ARGS, rec, t0);
	{
		struct sct_inflight fl __attribute__((cleanup(sct_inflight_end))) =
			{ t, rec, t->counting ? NULL : pre, t0, idx - 1 };
		struct trap_ctx *ctx = sct_cur_trap;

		ctx->fl = &fl;
		ctx->nr = nr;
		ctx->said = 0;
		r = perform_unwindable(nr, a, frame_mask);
		ctx->fl = NULL;
		fl.t = NULL;
		if (ctx->said)
			return r;
		t0 = fl.t0;	/* a call restarted after a handler: from the restart */
	}
	t1 = sct_end(t0);
	if (r == 0 && (nr == SYS_clone || nr == SYS_clone3 || nr == SYS_fork))
		return r;	/* the child: its parent's ring (and slot) is not its own */
	if (pend)
		sct_pend_end(t);
	if (__builtin_expect(on, 0))
		sct_inject_done(t, idx - 1, rec, r, t0, t1, t->counting ? NULL : pre, &j);
	else
		sct_done(t, idx - 1, rec, r, t0, t1, t->counting ? NULL : pre);
	return r;
}

/* ---- calls that end the thread or the process --------------------------------- */

/* -e inject= on exit or exit_group (strace's qual_fault-exit_group): a faked call
 * returns its result to the program; 0 when the call is to be made. */
static int trap_exit_faked(long nr, const uint64_t *a, long *r)
{
	unsigned call = nr == SYS_exit ? SCT_CALL_exit : SCT_CALL_exit_group;
	struct sct_thread *t = sct_thread_any(call);
	struct sct_inj j;
	uint64_t t0;

	if (!t || sct_shared_child(t) || !sct_inject_enter(t, call, a, &j) || !j.fake)
		return 0;
	t0 = sct_now();
	*r = sct_inject_fake(&j);
	sct_inject_done(t, call, a, *r, t0, sct_end(t0), NULL, &j);
	return 1;
}

static __attribute__((noreturn)) void trap_exit(long nr, const uint64_t *a)
{
	struct sct_thread *t = &sct_self;
	unsigned call = nr == SYS_exit ? SCT_CALL_exit : SCT_CALL_exit_group;

	if (!sct_shared_child(t)) {
		sct_record_last(call, (int)a[0]);
		if (!t->vfork_child) {
			if (nr == SYS_exit_group && sct_cfg.standalone)
				sct_standalone_exit();
			else
				sct_thread_close(t);
		}
	}
	for (;;)
		sct_sys(nr, a[0]);
}

/* ---- the handler ----------------------------------------------------------------- */

/* A SIGSYS that is not ours (seccomp's SECCOMP_RET_TRAP): the program's action, as the
 * kernel would have run it.  The kernel forces the signal: an ignored or blocked
 * SIGSYS is reset to SIG_DFL first, and the process dies of it with a core.  A trap
 * met by a call we perform for the program shows the program's handler the program's
 * call: its registers (the outer trap's context, where the result it sets is taken
 * from) and the address after its own `syscall`. */
static void program_sigsys(int sig, siginfo_t *si, void *ucv)
{
	struct ksigaction k = sct_prog_sigsys;
	ucontext_t *uc = ucv;
	struct trap_ctx *outer = sct_cur_trap;
	uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	siginfo_t prog_si;

	/* a seccomp trap is forced: the kernel kills when SIGSYS is ignored or blocked */
	int forced = si->si_code == SYS_SECCOMP;
	if (k.handler == SIG_IGN && !forced)
		return;
	sct_record_delivery(sig, si);
	if (k.handler == SIG_IGN || k.handler == SIG_DFL || (forced && sct_sigsys_blocked)) {
		struct ksigaction dfl = { SIG_DFL, 0, NULL, 0 };
		sct_prog_sigsys = dfl;
		sct_sys(SYS_rt_sigaction, SIGSYS, &dfl, NULL, 8);
		sct_sys(SYS_tgkill, sct_sys0(SYS_getpid), sct_sys0(SYS_gettid), SIGSYS);
		return;
	}
	if (k.flags & SA_RESETHAND) {
		sct_dsig_vfork_save(SIGSYS);
		sct_prog_sigsys.handler = SIG_DFL;
	}
	if (outer && si->si_code == SYS_SECCOMP && rip - sct_text_start < sct_text_len &&
	    si->si_syscall == outer->si->si_syscall) {
		prog_si = *si;
		prog_si.si_call_addr = outer->si->si_call_addr;
		si = &prog_si;
		ucv = outer->uc;
	}
	if (k.flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))k.handler)(sig, si, ucv);
	else
		((void (*)(int))k.handler)(sig);
	if (ucv != uc)	/* the result the program's handler set */
		uc->uc_mcontext.gregs[REG_RAX] = outer->uc->uc_mcontext.gregs[REG_RAX];
	sct_dsig_frame_sigreturn(uc);
}

static void ip_restore(const uint64_t *ip)
{
	sct_self.trap_ip = *ip;
}

static void on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	long nr;
	uint64_t a[SCT_MAX_ARGS];

	if (si->si_code == SYS_USER_DISPATCH && !sct_self.trap) {
		/* the program's own dispatch (it armed it itself): its rules trap every
		 * system call of ours too, so its handler runs before anything else */
		struct ksigaction k = sct_prog_sigsys;
		if (k.handler != SIG_DFL && k.handler != SIG_IGN) {
			if (k.flags & SA_SIGINFO)
				((void (*)(int, siginfo_t *, void *))k.handler)(sig, si, ucv);
			else
				((void (*)(int))k.handler)(sig);
			return;
		}
	}
	if (si->si_code != SYS_USER_DISPATCH || !sct_self.trap) {
		program_sigsys(sig, si, ucv);
		return;
	}
	nr = si->si_syscall;
	/* -i: the trapping call's address, for whatever this trap records (a nested
	 * trap keeps its own, and gives the outer one's back) */
	uint64_t outer_ip __attribute__((cleanup(ip_restore))) = sct_self.trap_ip;
	sct_self.trap_ip = (uint64_t)(uintptr_t)si->si_call_addr;
	a[0] = (uint64_t)g[REG_RDI];
	a[1] = (uint64_t)g[REG_RSI];
	a[2] = (uint64_t)g[REG_RDX];
	a[3] = (uint64_t)g[REG_R10];
	a[4] = (uint64_t)g[REG_R8];
	a[5] = (uint64_t)g[REG_R9];
	switch (nr) {
	case SYS_rt_sigreturn: {
		/* rsp is at the ucontext of the frame glibc's restorer returns from: the
		 * kernel's part of it ends with the 8-byte mask (glibc's type is longer).
		 * A frame that goes back into this library is a fault of a safe read
		 * (sigown.h): the program never saw that signal. */
		ucontext_t frame;

		if (sct_dispatch_peek(&frame, (uint64_t)g[REG_RSP], offsetof(ucontext_t, uc_sigmask) + 8) &&
		    (uintptr_t)frame.uc_mcontext.gregs[REG_RIP] - sct_text_start >= sct_text_len)
			sct_dsig_frame_sigreturn(&frame);
		g[REG_RAX] = nr;
		g[REG_RIP] = (greg_t)(uintptr_t)sct_stub_sigreturn;
		return;
	}
	case SYS_exit:
	case SYS_exit_group: {
		long r;
		if (sct_cfg.inject && trap_exit_faked(nr, a, &r)) {
			g[REG_RAX] = r;
			return;
		}
		trap_exit(nr, a);
	}
	case SYS_clone:
	case SYS_clone3:
	case SYS_vfork:
		if (sct_clone_redirect(g, nr, a) == 0)
			return;
		break;
	}
	{
		struct trap_ctx ctx = { uc, si, NULL, 0, 0 },
			*outer __attribute__((cleanup(trap_ctx_pop))) = sct_cur_trap;
		sct_cur_trap = &ctx;
		g[REG_RAX] = trap_call(nr, a, (uint64_t *)&uc->uc_sigmask);
	}
	if (g[REG_RAX] == 0 && (nr == SYS_clone || nr == SYS_clone3 || nr == SYS_fork))
		sct_clone_forked();
}

int sct_dispatch_init(void)
{
	struct ksigaction k = { (void *)on_sigsys, SA_SIGINFO | SA_NODEFER | K_SA_RESTORER,
				(void *)sct_stub_restorer, 0 };
	long r;

	if (find_text() < 0) {
		sct_dispatch_off_reason = SCT_WHY_NO_CODE;
		return -ENOEXEC;
	}
	r = sct_sys(SYS_rt_sigaction, SIGSYS, &k, &sct_prog_sigsys, 8);
	if (r < 0) {
		sct_dispatch_off_reason = SCT_WHY_NO_SIGSYS;
		return (int)r;
	}
	r = sct_dispatch_arm();
	if (r < 0) {
		sct_sys(SYS_rt_sigaction, SIGSYS, &sct_prog_sigsys, NULL, 8);
		sct_dispatch_off_reason = r == -EINVAL ? SCT_WHY_NO_SUD : SCT_WHY_SUD_REFUSED;
		return (int)r;
	}
	return 0;
}
