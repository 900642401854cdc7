/* clone, clone3 and vfork in complete mode (the SIGSYS handler is preload/dispatch.c).
 * A child that shares the parent's memory must not return through the handler's
 * frame: the call is re-issued from a stub of dispatch_stub.c after the handler
 * returns, and the child arms itself there (sct_clone_child / sct_clone_vchild); the
 * parent records the call when it comes back (sct_clone_parent).  A copy (fork)
 * runs in the handler and its child arms itself before the handler returns. */
#include <sched.h>
#include <ucontext.h>
#include "wrap.h"
#include "capture.h"
#include "dispatch.h"
#include "dispatch_int.h"
#include "init.h"
#include "out.h"
#include "raw.h"
#include "thread.h"
#include "notes.h"
#include "untraced.h"
#include "safemem.h"

/* struct clone_args of linux/sched.h, up to CLONE_ARGS_SIZE_VER2 */
struct sct_clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls,
		set_tid, set_tid_size, cgroup;
};

/* How a new task arms itself (sct_clone_child) */
enum { CH_COPY = 1, CH_THREAD, CH_VFORK, CH_SHARED, CH_FOREIGN };

/* A clone re-issued from a stub: what the parent needs when it comes back.  A stack,
 * because a vfork child runs on this thread's storage and may clone in turn. */
struct pending {
	uint64_t rip, t0;
	uint64_t a[SCT_MAX_ARGS];
	long nr;
	int how;
	/* the parent's innermost trap when it goes on: a child on its thread storage
	 * (vfork, CLONE_VM without CLONE_SETTLS) sets the shared variable for its own
	 * traps and leaves it pointing into its stack when it execs */
	struct trap_ctx *trap;
	struct sct_clone_args args;	/* clone3: the copy the kernel reads */
	uint64_t top, saved[3];		/* the child's stack words and what they hid */
};
#define PENDING_MAX 8

static __thread struct pending pend[PENDING_MAX] __attribute__((tls_model("initial-exec")));
static __thread unsigned npend __attribute__((tls_model("initial-exec")));


/* Does `tls` point at a glibc thread control block (its first word points at
 * itself)?  Only then is this library's thread storage there for the child. */
static int glibc_tls(uint64_t tls)
{
	uint64_t self;

	return tls && sct_dispatch_peek(&self, tls, sizeof(self)) && self == tls;
}

static int clone_how(uint64_t flags, uint64_t tls)
{
	if (!(flags & CLONE_VM))
		return CH_COPY;
	if (flags & CLONE_SETTLS)
		return glibc_tls(tls) ? CH_THREAD : CH_FOREIGN;
	return flags & CLONE_VFORK ? CH_VFORK : CH_SHARED;
}

/* Put the stub's three words under the top of the child's stack, keeping what they
 * cover for sct_clone_parent.  The stack is the program's word, unchecked by the
 * kernel yet: it may be read-only, unmapped or no address at all (strace's clone3
 * test hands it 0xface1e55beeff00d to get EINVAL), hence the fault-safe copies.
 * 0 when it cannot be done. */
static int put_words(struct pending *p, uint64_t top, uint64_t w0, uint64_t w1, uint64_t w2)
{
	uint64_t w[3] = { w0, w1, w2 }, saved;
	size_t n = 0;

	if (top < 24)
		return 0;
	saved = sct_safe_begin();
	if (sct_safe_copy(p->saved, (const void *)(uintptr_t)(top - 24), 24) == 24)
		n = sct_safe_copy((void *)(uintptr_t)(top - 24), w, 24);
	if (n && n < 24)	/* the last page read-only: put back what was written */
		sct_safe_copy((void *)(uintptr_t)(top - 24), p->saved, n);
	sct_safe_end(saved);
	p->top = n == 24 ? top : 0;
	return n == 24;
}

/* After the call: the words go back where the child will not miss them, in memory
 * that is not the child's (a failed call; a copy, whose memory is its own). */
static void restore_words(const struct pending *p, long ret)
{
	uint64_t saved;

	if (!p->top || (ret >= 0 && p->how != CH_COPY))
		return;
	saved = sct_safe_begin();
	sct_safe_copy((void *)(uintptr_t)(p->top - 24), p->saved, 24);
	sct_safe_end(saved);
}

/* Are the bytes of a longer clone_args than ours all zero?  The kernel answers E2BIG
 * otherwise, which it must still see: our copy is handed over without them. */
static int tail_zero(uint64_t at, uint64_t n)
{
	uint64_t w[8];

	while (n) {
		size_t k = n < sizeof(w) ? n : sizeof(w);
		const unsigned char *b = (const unsigned char *)w;

		if (!sct_dispatch_peek(w, at, k))
			return 0;
		for (size_t i = 0; i < k; i++)
			if (b[i])
				return 0;
		at += k;
		n -= k;
	}
	return 1;
}

/* Returns 0 when the call was set up to run from a stub after the handler returns,
 * -1 when it can run here (a copy without a stack of its own). */
int sct_clone_redirect(greg_t *g, long nr, const uint64_t *a)
{
	struct pending *p;
	uint64_t flags, stack, tls;

	if (npend == PENDING_MAX)
		return -1;
	p = &pend[npend];
	memset(p, 0, sizeof(*p));
	if (nr == SYS_clone3) {
		size_t n = a[1] < sizeof(p->args) ? a[1] : sizeof(p->args);
		if (a[1] < 64 || a[1] > 4096 || !sct_dispatch_peek(&p->args, a[0], n) ||
		    !tail_zero(a[0] + n, a[1] - n))
			return -1;	/* the kernel answers EINVAL/EFAULT/E2BIG */
		flags = p->args.flags;
		/* the kernel's own checks of the stack (clone3_stack_valid): what fails
		 * them is EINVAL before any child, and runs here */
		if (!p->args.stack != !p->args.stack_size ||
		    p->args.stack + p->args.stack_size < p->args.stack ||
		    (p->args.stack && p->args.stack_size < 24))
			return -1;
		stack = p->args.stack ? p->args.stack + p->args.stack_size : 0;
		tls = p->args.tls;
	} else if (nr == SYS_clone) {
		flags = a[0];
		stack = a[1];
		tls = a[4];
	} else {
		flags = CLONE_VM | CLONE_VFORK;
		stack = 0;
		tls = 0;
	}
	if (!(flags & CLONE_VM) && !stack)
		return -1;
	p->how = clone_how(flags, tls);
	p->rip = (uint64_t)g[REG_RIP];
	/* a stack where the words cannot go: the kernel refuses the call, or the
	 * child faults on its stack as it would have without us */
	if (stack && !put_words(p, stack, nr == SYS_clone ? a[1] : a[0],
				(uint64_t)p->how | (uint64_t)sct_sigsys_blocked << 8, p->rip))
		return -1;
	p->nr = nr;
	p->trap = sct_cur_trap;
	memcpy(p->a, a, sizeof(p->a));
	npend++;
	g[REG_RAX] = nr;
	if (!stack) {
		g[REG_RIP] = (greg_t)(uintptr_t)sct_stub_vfork;
	} else if (nr == SYS_clone) {
		g[REG_RSI] = (greg_t)(stack - 24);
		g[REG_RIP] = (greg_t)(uintptr_t)sct_stub_clone;
	} else {
		p->args.stack_size -= 24;
		g[REG_RDI] = (greg_t)(uintptr_t)&p->args;
		if (a[1] > sizeof(p->args))
			g[REG_RSI] = sizeof(p->args);
		g[REG_RIP] = (greg_t)(uintptr_t)sct_stub_clone3;
	}
	p->t0 = sct_now();
	return 0;
}

static void child_arm(int how)
{
	switch (how) {
	case CH_COPY:
		sct_thread_forked();
		if (!sct_proc_off)
			sct_dispatch_arm();
		break;
	case CH_THREAD:
		/* a thread storage of glibc's form: fresh from pthread_create, or a copy
		 * of a running thread's made by the program, whose state (ring
		 * included) is that thread's and not this one's */
		memset(&sct_self, 0, sizeof(sct_self));
		sct_dispatch_arm();
		break;
	case CH_VFORK:
		sct_vfork_child();
		sct_dispatch_arm();
		break;
	}
}

/* In the child on its new stack (from sct_stub_clone/clone3).  `how` carries the
 * parent's view of SIGSYS in its mask above its low byte: a child with thread
 * storage of its own inherits it (a foreign one has none of ours to write). */
void sct_clone_forked(void)
{
	child_arm(CH_COPY);
}

void sct_clone_child(uint64_t how)
{
	int h = (int)(how & 0xff);

	if (h == CH_COPY || h == CH_THREAD)
		sct_sigsys_blocked = (how >> 8) & 1;
	child_arm(h);
}

/* In a child on the parent's stack (sct_stub_vfork): back where the parent was. */
uint64_t sct_clone_vchild(void)
{
	struct pending *p = &pend[npend - 1];

	child_arm(p->how == CH_SHARED ? CH_SHARED : CH_VFORK);
	return p->rip;
}


/* In the parent after the re-issued call: record it, back where it was.  `saved` is
 * the stub's copy of the registers it puts back (r10, r9, r8, rdx, rsi, rdi, from the
 * top): rdi and rsi as the program passed them, not the ones the stub re-issued the
 * call with (clone3: our copy of the struct and its size; clone: the stack below our
 * words), since the kernel keeps them. */
uint64_t sct_clone_parent(long ret, uint64_t *saved)
{
	struct pending *p = &pend[--npend];
	unsigned idx = sct_dispatch_call_of(p->nr);
	struct sct_thread *t;

	saved[4] = p->a[1];
	saved[5] = p->a[0];
	sct_cur_trap = p->trap;
	restore_words(p, ret);
	if (p->how == CH_VFORK)
		sct_vfork_restore();
	if (idx && (t = sct_thread_any(idx - 1))) {
		uint64_t ip = t->trap_ip;
		t->trap_ip = p->rip;	/* -i: after the trapped syscall instruction */
		sct_done(t, idx - 1, p->a, ret, p->t0, sct_end(p->t0), NULL);
		t->trap_ip = ip;
		/* a child on this thread's storage (CH_SHARED) is announced by the
		 * clone() wrapper, which also keeps this thread's calls apart from it */
		if (ret > 0 && p->how == CH_FOREIGN)
			sct_note_untraced_child((int)ret, SCT_WHY_SETTLS);
	}
	return p->rip;
}

