/* select() is pselect6() on x86-64 glibc, given a timespec made from the timeval and
 * NULL for the signal mask; glibc writes the time left back into the timeval. */
#include "hand.h"

static int (*real_select)(int, fd_set *, fd_set *, fd_set *, struct timeval *);

SCT_EXPORT int select(int n, fd_set *r, fd_set *w, fd_set *x, struct timeval *tv)
{
	struct sct_thread *t = sct_begin(SCT_CALL_pselect6);
	struct timespec given, left;
	unsigned char pre[SCT_PRE_MAX];
	uint64_t t0, t1;
	int ret, e;

	if (!t)
		return SCT_REAL(select)(n, r, w, x, tv);
	if (tv) {
		given.tv_sec = tv->tv_sec;
		given.tv_nsec = tv->tv_usec * 1000;
	}
	uint64_t a[SCT_MAX_ARGS] = { (uint64_t)n, (uintptr_t)r, (uintptr_t)w, (uintptr_t)x,
				     tv ? (uintptr_t)&given : 0, 0 };
	sct_pre(t, SCT_CALL_pselect6, a, pre);
	t0 = sct_now();
	ret = SCT_REAL(select)(n, r, w, x, tv);
	t1 = sct_now();
	e = errno;
	if (tv) {
		left.tv_sec = tv->tv_sec;
		left.tv_nsec = tv->tv_usec * 1000;
		a[4] = (uintptr_t)&left;
	}
	sct_done(t, SCT_CALL_pselect6, a, ret < 0 ? -(int64_t)e : ret, t0, t1, pre);
	errno = e;
	return ret;
}
