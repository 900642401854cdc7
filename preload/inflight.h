/* Publishing the call a thread is in (the slot: struct sct_pending, format/record.h).
 *
 * The runner prints "wait4(-1,  <unfinished ...>" when another task prints while this
 * thread's call has not returned, and "read(3,  <unfinished ...>) = ?" when the thread
 * dies inside it; without the slot a call is only known when it returns.  Full-trace
 * mode only: -c writes no records and publishes nothing.
 *
 * Cost on the hot path: a test of the thread's mode, a load and a test of the slot's
 * seq, two stores of seq and one of call, entry time and each argument on entry, one
 * store on return.
 *
 * Signals.  A handler that interrupts the thread inside a published call and makes
 * traced calls itself finds the slot busy (or being written) and publishes nothing:
 * the slot keeps the outer call, which is the one that blocks.  So only the call that
 * published clears, and seq is rewritten whole by one store each time, never read
 * and written back across a point where a handler could publish.
 * A vfork child runs on its parent's thread state: its calls would land in the
 * parent's slot, which the parent (suspended in vfork) could not clear; it publishes
 * nothing. */
#ifndef SCT_PEND_PUBLISH_H
#define SCT_PEND_PUBLISH_H

#include "wrap.h"

/* 1 when the call was published (the caller then calls sct_pend_end).  Its first
 * nargs arguments are stored (the others are never decoded); inlined, with nargs a
 * constant the stores are as many as the call has arguments. */
static inline __attribute__((always_inline)) SCT_NO_ASAN int
sct_pend_begin(struct sct_thread *t, unsigned call, unsigned nargs, const uint64_t *a, uint64_t t0)
{
	struct sct_pending *p;
	uint64_t s;

	if (t->counting | t->vfork_child)
		return 0;
	p = &t->ring.hdr->pending;
	s = p->seq;
	if (s & SCT_PEND_MASK)
		return 0;	/* a handler inside the outer call: leave the outer one */
	__atomic_store_n(&p->seq, s | SCT_PEND_WRITING, __ATOMIC_RELAXED);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	p->call = call;
	p->t0 = t0;
	for (unsigned i = 0; i < nargs && i < SCT_MAX_ARGS; i++)
		p->arg[i] = a[i];
	/* the fields before the seq that says they are whole (x86-64 keeps stores in order) */
	__atomic_store_n(&p->seq, s | SCT_PEND_BUSY, __ATOMIC_RELEASE);
	return 1;
}

static inline __attribute__((always_inline)) SCT_NO_ASAN void sct_pend_end(struct sct_thread *t)
{
	struct sct_pending *p = &t->ring.hdr->pending;

	__atomic_store_n(&p->seq, (p->seq | SCT_PEND_MASK) + 1, __ATOMIC_RELEASE);
}

/* `expr` (the real call) published as call `call` of thread t with its nargs
 * arguments a, entered at t0. */
#define SCT_PEND_CALL(t, call, nargs, a, t0, expr) ({ \
	int sct_pd_ = sct_pend_begin(t, call, nargs, a, t0); \
	__typeof__(expr) sct_pr_ = (expr); \
	if (sct_pd_) \
		sct_pend_end(t); \
	sct_pr_; \
})

/* A published call that will not return here (pthread_cancel unwound out of it,
 * preload/cancel.c): clear the slot if it still holds that call. */
static inline void sct_pend_drop(struct sct_thread *t, uint64_t t0)
{
	struct sct_pending *p;

	if (t->counting | t->vfork_child || !t->ring.hdr)
		return;
	p = &t->ring.hdr->pending;
	if ((p->seq & SCT_PEND_MASK) == SCT_PEND_BUSY && p->t0 == t0)
		sct_pend_end(t);
}

#endif
