/* Calls that pthread_cancel cuts short.
 *
 * A thread cancelled while blocked in read() never returns from it: glibc's
 * cancellation handler unwinds the stack from inside the call.  strace shows such a
 * call as "read(3, 0x..., 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)"
 * (or the other code the kernel returns from that call when a signal interrupts it),
 * followed by the thread's exit; the wrapper's cleanup (struct sct_inflight) records
 * it the same way, so it is neither lost nor invented. */
#include "wrap.h"
#include "dispatch.h"
#include "inflight.h"

/* What the kernel returns from `call` when a signal interrupts it while it blocks,
 * before the signal is handled: strace prints that value. */
int sct_interrupted_errno(unsigned call, const uint64_t *a)
{
	switch (call) {
	case SCT_CALL_poll:
	case SCT_CALL_nanosleep:
		return SCT_ERESTART_RESTARTBLOCK;
	case SCT_CALL_clock_nanosleep:	/* an absolute deadline needs no restart block */
		return (a[1] & TIMER_ABSTIME) ? SCT_ERESTARTNOHAND : SCT_ERESTART_RESTARTBLOCK;
	case SCT_CALL_pselect6:
	case SCT_CALL_ppoll:
	case SCT_CALL_select:
	case SCT_CALL_pause:		/* and the mask-swapping waits */
	case SCT_CALL_rt_sigsuspend:
		return SCT_ERESTARTNOHAND;
	case SCT_CALL_epoll_wait:
	case SCT_CALL_epoll_pwait:
		return EINTR;
	default:
		return SCT_ERESTARTSYS;
	}
}

void sct_unwound(const struct sct_inflight *f)
{
	struct sct_thread *t = f->t;

	/* an exact wrapper had the selector open (SCT_OPEN_CALL): the thread's cleanup
	 * handlers and exit are to trap again */
	if (t->trap)
		t->sel = SCT_SEL_BLOCK;
	/* Complete mode: the signal whose handler unwinds (pthread_cancel's) cut the
	 * call short, and its line is written (dispatch_cut.c); a second one would come
	 * with no start time.  Unless the call restarted after an earlier handler
	 * returned and this one came while it ran again: that part is timed from t0new. */
	if (t->cut.how && t->cut.call == f->call && t->cut.t0 == f->t0) {
		if (t->cut.how == SCT_CUT_SAID || !t->cut.t0new) {
			t->cut.how = 0;
			return;
		}
		sct_pend_drop(t, t->cut.t0new);
	}
	sct_pend_drop(t, f->t0);	/* the call is over: no longer in flight */
	sct_done(t, f->call, f->a, -sct_interrupted_errno(f->call, f->a), f->t0, sct_now(), f->pre);
}
