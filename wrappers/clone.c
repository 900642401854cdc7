/* clone() called directly.  glibc's clone runs no atfork handler, and the child may
 * share our memory and our thread storage (sct_self), so the child's side is set up
 * here, by a trampoline that runs first in the child:
 *   - a copy (no CLONE_VM): as after fork, the child leaves the parent's ring alone
 *     and opens its own on its next call;
 *   - CLONE_VM|CLONE_VFORK: as after vfork, the child writes into the suspended
 *     parent's ring under its own pid;
 *   - CLONE_VM without CLONE_VFORK or CLONE_SETTLS: the child runs beside us on our
 *     thread storage, and only the kernel can tell its calls from ours.  This thread
 *     goes to SCT_T_SHARED, where each call asks for its tid (a raw gettid), until
 *     the child returns from its function or calls _exit; the child's calls are not
 *     traced, and a note says so.
 * With CLONE_SETTLS the child has thread storage of its own: nothing to do.
 * A child that returns from its function ends with the kernel's exit(N). */
#include <sched.h>
#include "hand.h"
#include "capture.h"
#include "init.h"
#include "raw.h"
#include "thread.h"
#include "notes.h"
#include "untraced.h"

enum { CHILD_COPY = 1, CHILD_VFORK, CHILD_SHARED };

/* Handed to the child at the top of its own stack: the parent's frame may be gone by
 * the time a CLONE_VM child runs. */
struct clone_ctx {
	int (*fn)(void *);
	void *arg;
	int kind;
} __attribute__((aligned(16)));

static int (*real_clone)(int (*)(void *), void *, int, void *, ...);

/* The last clone(CLONE_VM) child sharing `t` is done with it. */
static void share_done(struct sct_thread *t)
{
	if (__atomic_sub_fetch(&t->sharers, 1, __ATOMIC_ACQ_REL) == 0)
		__atomic_store_n(&t->state, SCT_T_READY, __ATOMIC_RELEASE);
}

static int child_start(void *p)
{
	struct clone_ctx c = *(struct clone_ctx *)p;
	int r;

	if (c.kind == CHILD_COPY)
		sct_thread_forked();
	else if (c.kind == CHILD_VFORK)
		sct_vfork_child();
	r = c.fn(c.arg);
	if (c.kind == CHILD_SHARED) {
		share_done(&sct_self);
	} else {
		sct_record_end(SCT_CALL_exit, r);
		if (c.kind == CHILD_COPY)
			sct_thread_close(&sct_self);
	}
	return r;
}

int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);
SCT_EXPORT int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	struct sct_thread *self = &sct_self, *t;
	struct clone_ctx *c;
	pid_t *ptid, *ctid;
	void *tls;
	uint64_t t0;
	va_list ap;
	int kind = 0, r, e;

	/* glibc reads these from registers whatever the flags; so do we */
	va_start(ap, arg);
	ptid = va_arg(ap, pid_t *);
	tls = va_arg(ap, void *);
	ctid = va_arg(ap, pid_t *);
	va_end(ap);
	if (self->state == SCT_T_READY && fn && stack && !(flags & CLONE_SETTLS))
		kind = !(flags & CLONE_VM) ? CHILD_COPY : (flags & CLONE_VFORK) ? CHILD_VFORK : CHILD_SHARED;
	/* complete mode: preload/dispatch.c sees the call and sets the child up, but a
	 * child on our thread storage still needs this thread's SHARED state */
	if (!kind || (self->trap && kind != CHILD_SHARED))
		return SCT_REAL(clone)(fn, stack, flags, arg, ptid, tls, ctid);

	t = sct_begin(SCT_CALL_clone);
	/* the kernel's stack pointer: glibc keeps fn and arg in the top 16 bytes */
	uint64_t a[SCT_MAX_ARGS] = { (unsigned)flags, ((uintptr_t)stack & ~(uintptr_t)15) - 16,
				     (uintptr_t)ptid, (uintptr_t)ctid, (uintptr_t)tls };
	c = (struct clone_ctx *)(((uintptr_t)stack & ~(uintptr_t)15) - sizeof(*c));
	*c = (struct clone_ctx){ fn, arg, kind };
	if (kind == CHILD_SHARED) {
		__atomic_add_fetch(&self->sharers, 1, __ATOMIC_ACQ_REL);
		__atomic_store_n(&self->state, SCT_T_SHARED, __ATOMIC_RELEASE);
	}
	t0 = sct_now();
	r = SCT_REAL(clone)(child_start, c, flags, c, ptid, tls, ctid);
	e = errno;
	if (kind == CHILD_VFORK)
		sct_vfork_restore();
	if (kind == CHILD_SHARED && r < 0)
		share_done(self);
	sct_hand_done(t, SCT_CALL_clone, a, r < 0 ? -(int64_t)e : r, t0, sct_now());
	if (kind == CHILD_SHARED && r > 0)
		/* our own calls go on being traced beside it: say that its are not */
		sct_note_untraced_child(r, SCT_WHY_CLONE_VM);
	errno = e;
	return r;
}

/* _exit in a child that shares our storage: it makes no more calls after this one. */
void sct_clone_child_exit(void)
{
	if (sct_shared_child(&sct_self))
		share_done(&sct_self);
}
